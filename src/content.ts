/**
 * The only place that reads the content collections. Everything pages need is computed here once
 * per build (published, sorted, listings, related, ticker) and shared by every page.
 */
import path from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';
import { contentDir, SITE, TICKER } from './config.ts';
import { DEFAULT_LANG, LANGS, langPrefix, t, type Lang } from './i18n/ui.ts';
import { parseEntryId, translationMap } from './lib/translations.ts';
import { compareNewestFirst, isPublished, toArticle, type Article } from './lib/articles.ts';
import { isoDay, now } from './lib/dates.ts';
import { resolveImageSrc } from './lib/imageSrc.ts';
import { buildListings, listingPages, type Listing, type ListingPage } from './lib/listings.ts';
import { relatedArticles } from './lib/related.ts';
import { buildTicker, type Ticker } from './lib/ticker.ts';

/** One edition's share of the site. */
export interface Edition {
	lang: Lang;
	/** Articles that get pages, newest first: the published ones (plus drafts and embargoed in dev). */
	articles: Article[];
	listings: Listing[];
	listingPages: ListingPage[];
	related: Map<string, Article[]>;
}

export interface SiteData extends Edition {
	now: Date;
	/** Every edition's articles. */
	all: Article[];
	/** Collection entries by article id (`slug`, `ru/slug`). */
	entries: Map<string, CollectionEntry<'articles'>>;
	/** Each article's counterparts in the other editions, by language. */
	translations: Map<Article, Map<string, Article>>;
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

type Shared = Omit<SiteData, keyof Edition> & { editions: Record<Lang, Edition> };

function edition(lang: Lang, all: readonly Article[]): Edition {
	const articles = all.filter((article) => article.lang === lang);
	const dictionary = t(lang);
	const listings = buildListings(articles, dictionary, langPrefix(lang), dictionary.latest);
	return {
		lang,
		articles,
		listings,
		listingPages: listingPages(listings, SITE.pageSize),
		related: relatedArticles(articles, SITE.relatedCount),
	};
}

async function load(): Promise<Shared> {
	const clock = now();
	const entries = await getCollection('articles');
	const byId = new Map(entries.map((entry) => [entry.id, entry]));
	const all = entries
		.map((entry) =>
			toArticle(
				{
					...parseEntryId(entry.id, LANGS, DEFAULT_LANG),
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
	const snapshots = (await getCollection('ticker')).map((entry) => entry.data);
	return {
		now: clock,
		all,
		entries: byId,
		translations: translationMap(all),
		editions: Object.fromEntries(LANGS.map((lang) => [lang, edition(lang, all)])) as Record<Lang, Edition>,
		ticker: buildTicker(snapshots, isoDay(clock, SITE.timeZone), TICKER.currencies),
	};
}

let cached: Promise<Shared> | undefined;

/**
 * The site's data for one edition (English unless told), computed once per build (afresh on every
 * request in dev, so edits show).
 */
export async function siteData(lang: Lang = DEFAULT_LANG): Promise<SiteData> {
	const shared = showUnpublished ? await load() : await (cached ??= load());
	const { editions, ...rest } = shared;
	return { ...rest, ...editions[lang] };
}
