/** Headings, titles, descriptions and results lines of listing pages, in the edition's language. */
import { SITE } from '../config.ts';
import { formatDateRange } from '../i18n/format.ts';
import { DEFAULT_LANG, t, type Lang } from '../i18n/ui.ts';
import type { Listing } from './listings.ts';
import { resultsLine, type Page } from './pagination.ts';

/** "Politics", "Kazakhstan", "Stories by Aigerim Sadykova", "Tagged: budget". */
export function listingHeading(
	listing: Pick<Listing, 'kind' | 'name'>,
	lang: Lang = DEFAULT_LANG,
): string {
	const ui = t(lang);
	if (listing.kind === 'author') return ui.storiesBy(listing.name);
	if (listing.kind === 'tag') return ui.tagged(listing.name);
	return listing.name;
}

/**
 * The `<title>` text (without the site name): the heading, plus the page number on an archive
 * page (`pageNumber`; none on the listing's root).
 */
export function listingTitle(
	listing: Pick<Listing, 'kind' | 'name'>,
	pageNumber: number | undefined,
	lang: Lang = DEFAULT_LANG,
): string | undefined {
	const heading = listing.kind === 'home' ? '' : listingHeading(listing, lang);
	const pagePart = pageNumber === undefined ? '' : t(lang).page(pageNumber);
	return [heading, pagePart].filter(Boolean).join(', ') || undefined;
}

/**
 * The days an archive page's stories (newest first) were published, "3–9 March 2025"; one day
 * when they share it. Only what the page shows: it never changes as the listing grows.
 */
export function pageDateRange(
	items: readonly { date: Date }[],
	lang: Lang = DEFAULT_LANG,
	timeZone: string = SITE.timeZone,
): string {
	const newest = items[0]?.date;
	const oldest = items.at(-1)?.date;
	if (!newest || !oldest) return '';
	return formatDateRange(oldest, newest, t(lang).locale, timeZone);
}

/** Everything a listing page says about itself, besides its stories. */
export interface ListingPageText {
	/** The `<h1>`: the listing's heading; on the front page, the site's name and "latest news". */
	heading: string;
	/** The front page's heading is for screen readers only: its stories speak for it. */
	headingHidden: boolean;
	/** The `<title>` without the site name (none on the front page's root). */
	title?: string;
	description: string;
	/**
	 * Under the heading. The root: "Viewing results 1 - 9 of 487"; an archive page, which must not
	 * depend on the listing's size: its number and its stories' days, "Page 81 · 3–9 March 2025".
	 */
	results: string;
	/** The section the navigation marks as current: `''` (Latest) on the front page, none off sections. */
	currentSection?: string;
	/** The front page's root leads with its newest story; every other page is one column. */
	layout: 'front' | 'list';
}

/** The words and layout of one page of a listing, in `lang`. */
export function listingPageText(
	listing: Pick<Listing, 'kind' | 'name' | 'key'>,
	page: Pick<Page<{ date: Date }>, 'number' | 'items' | 'total'>,
	lang: Lang = DEFAULT_LANG,
	siteName: string = SITE.name,
	timeZone: string = SITE.timeZone,
): ListingPageText {
	const ui = t(lang);
	const heading = listingHeading(listing, lang);
	const home = listing.kind === 'home';
	const number = page.number;
	const range = number === undefined ? '' : pageDateRange(page.items, lang, timeZone);
	return {
		heading: home ? `${siteName}: ${ui.latestNews}` : heading,
		headingHidden: home,
		title: listingTitle(listing, number, lang),
		description:
			number !== undefined
				? ui.archiveDescription(home ? siteName : `${heading}, ${siteName}`, range, number)
				: home
					? ui.description
					: ui.listingDescription(heading, siteName),
		results: number === undefined ? resultsLine(page, lang) : ui.archiveLine(number, range),
		currentSection: home ? '' : listing.kind === 'section' ? listing.key : undefined,
		layout: home && number === undefined ? 'front' : 'list',
	};
}
