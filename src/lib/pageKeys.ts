/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild`): a page whose key
 * and code are unchanged since the last build is copied from the cache instead of rendered.
 * A key must change whenever anything the page shows changes, beyond the code Astro already
 * hashes: so an article page's key covers the story (its content entry's digest: file and
 * images), every story it shows (related stories, translations) and what every page shows
 * (site URL and time zone, which come from the environment). Not the day or the ticker: every
 * page shows them through the edition strip's frame (src/components/EditionFrame.astro), so a
 * page's HTML is the same from day to day and a new day renders only what changed.
 */
import { createHash } from 'node:crypto';

/** One hash of several strings, each length-prefixed so that no two lists collide. */
const hash = (parts: readonly string[]) => {
	const digest = createHash('sha256');
	for (const part of parts) digest.update(`${part.length}:${part}`);
	return digest.digest('base64url');
};

/** What every page of an edition shows besides its own stories (absolute links, dates in the site's time zone). */
export function editionKey(edition: { siteUrl: string; timeZone: string }): string {
	return hash([edition.siteUrl, edition.timeZone]);
}

/**
 * An article page's key from the digests of the story and the stories it shows (in order), its
 * translations' ids (it links to them) and the edition key. None, so always rendered, for MDX
 * stories (their components can show any other story) and when a story shown has no digest.
 */
export function articlePageKey(page: {
	format: 'md' | 'mdx';
	story: string | undefined;
	related: readonly (string | undefined)[];
	translations: readonly string[];
	edition: string;
}): string | undefined {
	const { story, related } = page;
	if (page.format === 'mdx' || story === undefined || related.some((other) => other === undefined))
		return undefined;
	return hash([
		page.edition,
		story,
		'related',
		...(related as string[]),
		'translations',
		...page.translations,
	]);
}

/**
 * A listing page's key: which listing it is, the page's place in it as the page shows it
 * (`position`, plain data: its number and URL, the root's total, its links), and the digests
 * of the stories it shows (excerpts, images, dates). An archive page's position holds nothing
 * that grows with the listing (src/lib/pagination.ts), so a new story leaves its key alone.
 * None when a story on it has no digest.
 */
export function listingPageKey(page: {
	edition: string;
	listing: { kind: string; key: string; name: string };
	position: object;
	items: readonly (string | undefined)[];
}): string | undefined {
	if (page.items.some((item) => item === undefined)) return undefined;
	const { listing, position } = page;
	return hash([
		page.edition,
		listing.kind,
		listing.key,
		listing.name,
		JSON.stringify(position),
		...(page.items as string[]),
	]);
}
