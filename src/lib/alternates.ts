/**
 * A page's counterparts in the other editions: its alternates, the hreflang links they make and
 * the masthead's language switch. Pages and the layout call these instead of each working it out.
 */
import { DEFAULT_LANG, LANGS, langPrefix, t, type Lang } from '../i18n/ui.ts';
import type { Listing } from './listings.ts';

/** The same page in another edition. */
export interface Alternate {
	lang: Lang;
	/** Site-relative path. */
	href: string;
}

/** One `<link rel="alternate" hreflang>`: an edition (or `x-default`) and its absolute URL. */
export interface HreflangLink {
	hreflang: Lang | 'x-default';
	href: string;
}

/** The masthead's language switch. */
export interface LanguageSwitch {
	lang: Lang;
	href: string;
	label: string;
}

/** A page every edition has at the same path under its prefix (`/search/`, `/ru/search/`). */
export function sharedAlternates(lang: Lang, sharedPath: string): Alternate[] {
	return LANGS.filter((other) => other !== lang).map((other) => ({
		lang: other,
		href: `${langPrefix(other)}${sharedPath}`,
	}));
}

/**
 * A listing page's alternates: the front page, sections and countries exist in every edition, so
 * their roots (`pageNumber` undefined) are each other's translations. Their archive pages are
 * not: each edition numbers its own stories. Authors and tags differ between editions.
 */
export function listingAlternates(
	listing: Pick<Listing, 'kind' | 'basePath'>,
	pageNumber: number | undefined,
	lang: Lang,
): Alternate[] {
	if (pageNumber !== undefined || !['home', 'section', 'country'].includes(listing.kind)) return [];
	return sharedAlternates(lang, listing.basePath.slice(langPrefix(lang).length));
}

/** An article's alternates: its translations (by edition, as `translationMap` gives them). */
export function translationAlternates(
	translations: ReadonlyMap<string, { lang: Lang; url: string }> | undefined,
): Alternate[] {
	return [...(translations?.values() ?? [])].map((other) => ({
		lang: other.lang,
		href: other.url,
	}));
}

/**
 * The hreflang links of a page at `path`: itself and its alternates, absolute, then the English
 * one again as `x-default`. None for a page without translations.
 */
export function hreflangLinks(
	lang: Lang,
	path: string,
	alternates: readonly Alternate[],
	siteUrl: string,
): HreflangLink[] {
	if (!alternates.length) return [];
	const pages = [{ lang, href: path }, ...alternates];
	const xDefault = pages.find((page) => page.lang === DEFAULT_LANG);
	const links: HreflangLink[] = pages.map((page) => ({
		hreflang: page.lang,
		href: new URL(page.href, siteUrl).href,
	}));
	return xDefault
		? [...links, { hreflang: 'x-default', href: new URL(xDefault.href, siteUrl).href }]
		: links;
}

/** The language switch: the translation of this page, else the other edition's front page. */
export function languageSwitch(lang: Lang, alternates: readonly Alternate[]): LanguageSwitch {
	const other = LANGS.find((candidate) => candidate !== lang) ?? DEFAULT_LANG;
	const translated = alternates.find((alternate) => alternate.lang === other);
	const ui = t(lang);
	return {
		lang: other,
		href: translated?.href ?? `${langPrefix(other)}/`,
		label: translated ? ui.readInOther : ui.otherEditionHome,
	};
}
