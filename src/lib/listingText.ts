/** Headings and titles for listing pages, in the edition's language. */
import { DEFAULT_LANG, t, type Lang } from '../i18n/ui.ts';
import type { Listing } from './listings.ts';

/** "Politics", "Kazakhstan", "Stories by Aigerim Sadykova", "Tagged: budget". */
export function listingHeading(listing: Pick<Listing, 'kind' | 'name'>, lang: Lang = DEFAULT_LANG): string {
	const ui = t(lang);
	if (listing.kind === 'author') return ui.storiesBy(listing.name);
	if (listing.kind === 'tag') return ui.tagged(listing.name);
	return listing.name;
}

/** The `<title>` text (without the site name): the heading, plus the page number after page 1. */
export function listingTitle(listing: Pick<Listing, 'kind' | 'name'>, pageNumber: number, lang: Lang = DEFAULT_LANG): string | undefined {
	const heading = listing.kind === 'home' ? '' : listingHeading(listing, lang);
	const pagePart = pageNumber > 1 ? t(lang).page(pageNumber) : '';
	return [heading, pagePart].filter(Boolean).join(', ') || undefined;
}
