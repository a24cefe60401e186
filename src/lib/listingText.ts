/** Headings, titles and descriptions of listing pages, in the edition's language. */
import { SITE } from '../config.ts';
import { DEFAULT_LANG, t, type Lang } from '../i18n/ui.ts';
import type { Listing } from './listings.ts';

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

/** The `<title>` text (without the site name): the heading, plus the page number after page 1. */
export function listingTitle(
	listing: Pick<Listing, 'kind' | 'name'>,
	pageNumber: number,
	lang: Lang = DEFAULT_LANG,
): string | undefined {
	const heading = listing.kind === 'home' ? '' : listingHeading(listing, lang);
	const pagePart = pageNumber > 1 ? t(lang).page(pageNumber) : '';
	return [heading, pagePart].filter(Boolean).join(', ') || undefined;
}

/** Everything a listing page says about itself, besides its stories. */
export interface ListingPageText {
	/** The `<h1>`: the listing's heading; on the front page, the site's name and "latest news". */
	heading: string;
	/** The front page's heading is for screen readers only: its stories speak for it. */
	headingHidden: boolean;
	/** The `<title>` without the site name (none on the front page's first page). */
	title?: string;
	description: string;
	/** The section the navigation marks as current: `''` (Latest) on the front page, none off sections. */
	currentSection?: string;
	/** The front page's first page leads with its newest story; every other page is one column. */
	layout: 'front' | 'list';
}

/** The words and layout of page `pageNumber` of a listing, in `lang`. */
export function listingPageText(
	listing: Pick<Listing, 'kind' | 'name' | 'key'>,
	pageNumber: number,
	lang: Lang = DEFAULT_LANG,
	siteName: string = SITE.name,
): ListingPageText {
	const ui = t(lang);
	const heading = listingHeading(listing, lang);
	const home = listing.kind === 'home';
	return {
		heading: home ? `${siteName}: ${ui.latestNews}` : heading,
		headingHidden: home,
		title: listingTitle(listing, pageNumber, lang),
		description: home ? ui.description : ui.listingDescription(heading, siteName),
		currentSection: home ? '' : listing.kind === 'section' ? listing.key : undefined,
		layout: home && pageNumber === 1 ? 'front' : 'list',
	};
}
