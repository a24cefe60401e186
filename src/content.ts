/**
 * The only place that reads the content collections. Everything pages need is computed here once
 * per build (published, sorted, listings, related, ticker) and shared by every page.
 */
import path from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';
import { contentDir, COUNTRIES, SECTIONS, SITE, TICKER } from './config.ts';
import { compareNewestFirst, isPublished, toArticle, type Article } from './lib/articles.ts';
import { isoDay, now } from './lib/dates.ts';
import { resolveImageSrc } from './lib/imageSrc.ts';
import { buildListings, listingPages, type Listing, type ListingPage } from './lib/listings.ts';
import { relatedArticles } from './lib/related.ts';
import { buildTicker, type Ticker } from './lib/ticker.ts';

export interface SiteData {
	now: Date;
	/** Articles that get pages, newest first: the published ones (plus drafts and embargoed in dev). */
	articles: Article[];
	entries: Map<string, CollectionEntry<'articles'>>;
	listings: Listing[];
	listingPages: ListingPage[];
	related: Map<string, Article[]>;
	ticker?: Ticker;
}

/** The file a lead image names; `npm run check` has already reported any that do not resolve. */
function leadImageFile(entry: CollectionEntry<'articles'>): string | undefined {
	if (!entry.data.image || !entry.filePath) return undefined;
	const resolved = resolveImageSrc(entry.data.image.src, path.resolve(entry.filePath), contentDir());
	if (!resolved.ok) throw new Error(`${entry.filePath}: image.src: ${resolved.message}`);
	return resolved.file;
}

/** Drafts and embargoed stories are previewed in `astro dev`, never built. */
const showUnpublished = import.meta.env.DEV;

async function load(): Promise<SiteData> {
	const clock = now();
	const entries = await getCollection('articles');
	const bySlug = new Map(entries.map((entry) => [entry.id, entry]));
	const articles = entries
		.map((entry) =>
			toArticle(
				{
					slug: entry.id,
					data: entry.data,
					body: entry.body ?? '',
					format: entry.filePath?.endsWith('.mdx') ? 'mdx' : 'md',
					imageFile: leadImageFile(entry),
				},
				{ now: clock, excerptWords: SITE.excerptWords, wordsPerMinute: SITE.wordsPerMinute },
			),
		)
		.filter((article) => showUnpublished || isPublished(article))
		.sort(compareNewestFirst);
	const listings = buildListings(articles, { sections: SECTIONS, countries: COUNTRIES });
	const snapshots = (await getCollection('ticker')).map((entry) => entry.data);
	return {
		now: clock,
		articles,
		entries: bySlug,
		listings,
		listingPages: listingPages(listings, SITE.pageSize),
		related: relatedArticles(articles, SITE.relatedCount),
		ticker: buildTicker(snapshots, isoDay(clock, SITE.timeZone), TICKER.currencies),
	};
}

let cached: Promise<SiteData> | undefined;

/** The site's data, computed once per build (afresh on every request in dev, so edits show). */
export function siteData(): Promise<SiteData> {
	if (showUnpublished) return load();
	cached ??= load();
	return cached;
}
