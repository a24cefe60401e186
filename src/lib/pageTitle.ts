/** The `<title>` of a page: short enough for search results and for html-validate's long-title rule. */
import { escapeText } from 'entities';
import { clip } from './excerpt.ts';

/** Longest `<title>` we emit (html-validate `long-title`; search engines cut around here too). */
export const MAX_TITLE_CHARS = 70;

/**
 * Length as html-validate measures it: the escaped source text (`&` counts as `&amp;`), which is
 * how `<title>` is written out (see `titleHtml`).
 */
const sourceLength = (text: string) => escapeText(text).length;

/**
 * "Headline | Caravan" when it fits in `max` characters, else the headline alone, else the headline
 * clipped at a word boundary with "…". The front page (no title) gets "Caravan: tagline".
 */
export function pageTitle(
	title: string | undefined,
	site: { name: string; tagline: string },
	max = MAX_TITLE_CHARS,
): string {
	const fits = (text: string) => sourceLength(text) <= max;
	if (!title) return `${site.name}: ${site.tagline}`;
	const withSite = `${title} | ${site.name}`;
	if (fits(withSite)) return withSite;
	if (fits(title)) return title;
	for (let chars = max; chars > 1; chars--) {
		const clipped = clip(title, chars);
		if (fits(clipped)) return clipped;
	}
	return '…';
}

/**
 * A title as `<title>` source: only `&`, `<`, `>` (and no-break spaces) escaped, the least a text
 * element needs, so apostrophes and quotes do not eat into the length limit.
 */
export function titleHtml(title: string): string {
	return escapeText(title);
}
