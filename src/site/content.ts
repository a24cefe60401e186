/**
 * The only place that reads the content collections and applies the publishing rule (`isPublished`).
 * Everything pages, feeds and sitemaps need is computed here once per build (published, sorted,
 * listings, related, ticker) and shared by every page.
 */
import path from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';
import { contentDir, SITE, TICKER } from '../config.ts';
import { DEFAULT_LANG, LANGS, langPrefix, t, type Lang } from '../i18n/ui.ts';
import { parseEntryId, translationMap } from '../lib/translations.ts';
import { articleFromFile, compareNewestFirst, isPublished, type Article } from '../lib/articles.ts';
import { isoDay, now } from '../lib/dates.ts';
import { articlePageKey, editionKey, listingPageKey } from '../lib/pageKeys.ts';
import { resolveImageSrc } from '../lib/imagePaths.ts';
import { buildListings, listingPages, type Listing, type ListingPage } from '../lib/listings.ts';
import { relatedArticles, relatedFinder } from '../lib/related.ts';
import { buildTicker, type Ticker } from '../lib/ticker.ts';

/** One edition's share of the site. */
export interface Edition {
	lang: Lang;
	/** Articles that get pages, newest first: the published ones (plus drafts and embargoed in dev). */
	articles: Article[];
	listings: Listing[];
	listingPages: ListingPage[];
	related: Map<string, Article[]>;
	/**
	 * The published articles, newest first, and the listing pages a build makes of them: in a
	 * build, `articles` and `listingPages` themselves. Feeds and sitemaps read only these.
	 */
	published(): Pick<Edition, 'articles' | 'listingPages'>;
}

export interface SiteData extends Edition {
	now: Date;
	/** Every edition's articles. */
	all: Article[];
	/** Every edition's published articles, newest first (`all` itself in a build). */
	allPublished: Article[];
	/** Collection entries by article id (`slug`, `ru/slug`). */
	entries: Map<string, CollectionEntry<'articles'>>;
	/** Each article's counterparts in the other editions, by language. */
	translations: Map<Article, Map<string, Article>>;
	ticker?: Ticker;
}

/** The file a lead image names; `npm run check` has already reported any that do not resolve. */
function leadImageFile(entry: CollectionEntry<'articles'>): string | undefined {
	if (!entry.data.image || !entry.filePath) return undefined;
	const resolved = resolveImageSrc(
		entry.data.image.src,
		path.resolve(entry.filePath),
		contentDir(),
	);
	if (!resolved.ok) throw new Error(`${entry.filePath}: image.src: ${resolved.message}`);
	return resolved.file;
}

/** Drafts and embargoed stories are previewed in `astro dev`, never built. */
const showUnpublished = import.meta.env.DEV;

/**
 * State kept across the dev server's re-evaluations of this module (every content change
 * invalidates it); a plain value in a build.
 */
function devState<T>(name: string, make: () => T): T {
	if (!showUnpublished) return make();
	const store = ((globalThis as { [key: symbol]: Map<string, unknown> })[
		Symbol.for('caravan.devState')
	] ??= new Map());
	if (!store.has(name)) store.set(name, make());
	return store.get(name) as T;
}

type Shared = Omit<SiteData, keyof Edition> & { editions: Record<Lang, Edition> };

/** In dev, related stories are worked out only for the pages requested, not for every story. */
function lazyRelated(articles: readonly Article[]): Map<string, Article[]> {
	const find = relatedFinder(articles, SITE.relatedCount);
	const bySlug = new Map(articles.map((article) => [article.slug, article]));
	return new (class extends Map<string, Article[]> {
		override get(slug: string): Article[] | undefined {
			const article = bySlug.get(slug);
			if (article && !super.has(slug)) super.set(slug, find(article));
			return super.get(slug);
		}
	})();
}

/** One edition's listings, and their pages. */
function listingsOf(
	lang: Lang,
	articles: readonly Article[],
): Pick<Edition, 'listings' | 'listingPages'> {
	const dictionary = t(lang);
	const listings = buildListings(articles, dictionary, langPrefix(lang), dictionary.latest);
	return { listings, listingPages: listingPages(listings, SITE.pageSize) };
}

function edition(lang: Lang, all: readonly Article[]): Edition {
	const articles = all.filter((article) => article.lang === lang);
	const { listings, listingPages } = listingsOf(lang, articles);
	let published: ReturnType<Edition['published']> | undefined = showUnpublished
		? undefined
		: { articles, listingPages };
	return {
		lang,
		articles,
		listings,
		listingPages,
		related: showUnpublished ? lazyRelated(articles) : relatedArticles(articles, SITE.relatedCount),
		// In dev, worked out when a feed or sitemap is first asked for.
		published() {
			if (!published) {
				const shown = articles.filter(isPublished);
				published = { articles: shown, listingPages: listingsOf(lang, shown).listingPages };
			}
			return published;
		},
	};
}

/**
 * Each entry's article by id, while its digest is unchanged: the dev server shapes only the
 * stories edited since the last request (excerpts and word counts of 10,000 bodies take seconds).
 */
const articleMemo: Map<
	string,
	{ digest: string | number; shape: typeof articleFromFile; article: Article }
> = devState('articles', () => new Map());

function articleOf(entry: CollectionEntry<'articles'>, clock: Date): Article {
	const memo = entry.digest === undefined ? undefined : articleMemo.get(entry.id);
	// `shape` is articleFromFile itself: an edit to the code (a new module) shapes every story afresh.
	let article =
		memo && memo.digest === entry.digest && memo.shape === articleFromFile
			? memo.article
			: undefined;
	if (!article) {
		article = articleFromFile(
			{
				...parseEntryId(entry.id, LANGS, DEFAULT_LANG),
				data: entry.data,
				// A build's store reads the body from disk when asked for (scripts/patches): only the
				// pages rendered ask, through the excerpt and word count.
				get body() {
					return entry.body ?? '';
				},
				file: entry.filePath ?? '',
				imageFile: leadImageFile(entry),
			},
			clock,
		);
		if (entry.digest !== undefined)
			articleMemo.set(entry.id, { digest: entry.digest, shape: articleFromFile, article });
	}
	// An embargo can end while the dev server runs.
	const embargoed = article.date.getTime() > clock.getTime();
	return article.embargoed === embargoed ? article : { ...article, embargoed };
}

async function load(): Promise<Shared> {
	const clock = now();
	const entries = await getCollection('articles');
	const byId = new Map(entries.map((entry) => [entry.id, entry]));
	const all = entries
		.map((entry) => articleOf(entry, clock))
		.filter((article) => showUnpublished || isPublished(article))
		.sort(compareNewestFirst);
	const snapshots = (await getCollection('ticker')).map((entry) => entry.data);
	return {
		now: clock,
		all,
		allPublished: showUnpublished ? all.filter(isPublished) : all,
		entries: byId,
		translations: translationMap(all),
		editions: Object.fromEntries(LANGS.map((lang) => [lang, edition(lang, all)])) as Record<
			Lang,
			Edition
		>,
		ticker: buildTicker(snapshots, isoDay(clock, SITE.timeZone), TICKER.currencies, SITE.timeZone),
	};
}

/** What page cache keys are made of (src/lib/pageKeys.ts), computed once per build. */
interface KeyParts {
	edition: string;
	/** A story's content-entry digest (its file and the images it names: src/site/contentLoaders.ts). */
	digestOf(article: Article): string | undefined;
	isMdx(article: Article): boolean;
}

let cached: Promise<Shared> | undefined;

/** The dev server's last load, reused while no entry changed and the minute is the same. */
const devCached: { key?: string; shared?: Promise<Shared> } = {};

async function devLoad(): Promise<Shared> {
	const entries = [...(await getCollection('articles')), ...(await getCollection('ticker'))];
	const key = `${Math.floor(now().getTime() / 60_000)}\n${entries.map((entry) => `${entry.collection}/${entry.id}:${entry.digest}`).join('\n')}`;
	if (devCached.key !== key || !devCached.shared) Object.assign(devCached, { key, shared: load() });
	return devCached.shared as Promise<Shared>;
}

let cachedKeyParts: Promise<KeyParts> | undefined;

async function loadKeyParts(): Promise<KeyParts> {
	const { entries } = await (cached ??= load());
	// Made once: listing pages ask ~2 million times at 100,000 stories.
	const digests = new Map(
		[...entries].flatMap(([id, entry]) =>
			entry.digest === undefined ? [] : [[id, `${id}:${entry.digest}`] as const],
		),
	);
	return {
		edition: editionKey({ siteUrl: SITE.url, timeZone: SITE.timeZone }),
		digestOf: (article) => digests.get(article.id),
		isMdx: (article) => entries.get(article.id)?.filePath?.endsWith('.mdx') ?? false,
	};
}

/** Key parts for Astro's incremental build; none in dev, where every request renders. */
async function keyParts(): Promise<KeyParts | undefined> {
	return showUnpublished ? undefined : (cachedKeyParts ??= loadKeyParts());
}

/** An article page's cache key: the story, its related stories and translations, the edition. */
export async function articlePageCacheKey(article: Article): Promise<string | undefined> {
	const parts = await keyParts();
	if (!parts) return undefined;
	const { related, translations } = await siteData(article.lang);
	return articlePageKey({
		format: parts.isMdx(article) ? 'mdx' : 'md',
		story: parts.digestOf(article),
		related: (related.get(article.slug) ?? []).map((other) => parts.digestOf(other)),
		translations: [...(translations.get(article)?.values() ?? [])].map((other) => other.id).sort(),
		edition: parts.edition,
	});
}

/**
 * A listing page's cache key: which listing, everything the page holds besides its stories (its
 * number, URL, links and the root's total), and the stories on it.
 */
export async function listingPageCacheKey({
	listing,
	page,
}: ListingPage): Promise<string | undefined> {
	const parts = await keyParts();
	if (!parts) return undefined;
	const { items, ...position } = page;
	return listingPageKey({
		edition: parts.edition,
		listing,
		position,
		items: items.map((article) => parts.digestOf(article)),
	});
}

/**
 * The site's data for one edition (English unless told), computed once per build (in dev, again
 * whenever a story or ticker snapshot changes, so edits show).
 */
export async function siteData(lang: Lang = DEFAULT_LANG): Promise<SiteData> {
	const shared = showUnpublished ? await devLoad() : await (cached ??= load());
	const { editions, ...rest } = shared;
	return { ...rest, ...editions[lang] };
}
