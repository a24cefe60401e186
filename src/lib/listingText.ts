/** Headings and titles for listing pages. */
import type { Listing } from './listings.ts';

const PREFIX: Record<Listing['kind'], string> = {
	home: '',
	section: '',
	country: '',
	author: 'Stories by ',
	tag: 'Tagged: ',
};

/** "Politics", "Kazakhstan", "Stories by Aigerim Sadykova", "Tagged: budget". */
export function listingHeading(listing: Pick<Listing, 'kind' | 'name'>): string {
	return `${PREFIX[listing.kind]}${listing.name}`;
}

/** The `<title>` text (without the site name): the heading, plus the page number after page 1. */
export function listingTitle(listing: Pick<Listing, 'kind' | 'name'>, pageNumber: number): string | undefined {
	const heading = listing.kind === 'home' ? '' : listingHeading(listing);
	const pagePart = pageNumber > 1 ? `Page ${pageNumber}` : '';
	return [heading, pagePart].filter(Boolean).join(', ') || undefined;
}
