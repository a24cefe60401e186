/**
 * What the XML sitemaps list, when each page last changed and its other-language versions, and
 * how the list is split into files; `robots.txt`.
 */
import type { Article } from './articles.ts';
import type { ListingPage } from './listings.ts';
import { translationMap } from './translations.ts';

/**
 * Pages that are not content: the search page (results depend on the query), the 404 page and
 * the edition strip every page embeds (date and ticker).
 */
const EXCLUDED = [/^(\/[a-z]{2})?\/search\//, /^(\/[a-z]{2})?\/404(\.html|\/)?$/, /^(\/[a-z]{2})?\/edition\//];

/** Whether the page at `pathname` belongs in the sitemap. */
export function inSitemap(pathname: string): boolean {
	return !EXCLUDED.some((pattern) => pattern.test(pathname));
}

/**
 * Site-relative path → last change: an article's `modified` (latest of date, update, corrections);
 * a listing page's newest `modified` among the stories it shows. Pages without stories get none.
 */
export function lastModified(
	articles: readonly Pick<Article, 'url' | 'modified'>[],
	pages: readonly Pick<ListingPage, 'page'>[],
): Map<string, Date> {
	const newest = (items: readonly Pick<Article, 'modified'>[]) =>
		items.length ? new Date(Math.max(...items.map((item) => item.modified.getTime()))) : undefined;
	const dates = new Map<string, Date>();
	for (const { page } of pages) {
		const date = newest(page.items);
		if (date) dates.set(page.url, date);
	}
	for (const article of articles) dates.set(article.url, article.modified);
	return dates;
}

export interface Alternate {
	/** BCP 47 language (`en`, `ru`). */
	lang: string;
	/** Site-relative path. */
	path: string;
}

/**
 * Site-relative path → every language version of that page (itself included), for `xhtml:link`
 * alternates: translated articles, and the front page, sections, countries and the sections index,
 * which every edition has at the same path under its prefix.
 */
export function sitemapAlternates(
	articles: readonly (Pick<Article, 'url' | 'lang'> & { translations: readonly Pick<Article, 'url' | 'lang'>[] })[],
	sharedPaths: readonly string[],
	prefixes: Readonly<Record<string, string>>,
): Map<string, Alternate[]> {
	const result = new Map<string, Alternate[]>();
	for (const article of articles) {
		if (!article.translations.length) continue;
		result.set(
			article.url,
			[article, ...article.translations].map((a) => ({ lang: a.lang, path: a.url })),
		);
	}
	for (const shared of sharedPaths) {
		const versions = Object.entries(prefixes).map(([lang, prefix]) => ({ lang, path: `${prefix}${shared}` }));
		for (const version of versions) result.set(version.path, versions);
	}
	return result;
}

/** One `<url>` of a sitemap: an absolute URL, its last change (ISO 8601) and its language versions. */
export interface SitemapUrl {
	url: string;
	lastmod?: string;
	links?: { lang: string; url: string }[];
}

/** An edition's share of the sitemap: its published stories and the listing pages made of them. */
export interface SitemapEdition {
	lang: string;
	/** Path prefix of the edition's pages: '' or '/ru'. */
	prefix: string;
	articles: readonly (Pick<Article, 'url' | 'lang' | 'slug' | 'translationOf' | 'modified'>)[];
	listingPages: readonly Pick<ListingPage, 'page'>[];
}

/** The order @astrojs/sitemap listed URLs in (kept, so the files did not change when it was replaced). */
const byUrl = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

/**
 * Every page the sitemaps list, in URL order: each edition's articles and listing pages, and
 * `otherPaths` (pages every edition has under its prefix, like `/section/`), less what
 * `inSitemap` leaves out. `sharedPaths` are the pages whose language versions share a path under
 * each prefix (front page, sections...); `site` is the origin.
 */
export function sitemapUrls(
	editions: readonly SitemapEdition[],
	{ site, otherPaths, sharedPaths }: { site: string; otherPaths: readonly string[]; sharedPaths: readonly string[] },
): SitemapUrl[] {
	const all = editions.flatMap((edition) => edition.articles);
	const translations = translationMap(all);
	const alternates = sitemapAlternates(
		all.map((article) => ({ ...article, translations: [...(translations.get(article)?.values() ?? [])] })),
		sharedPaths,
		Object.fromEntries(editions.map((edition) => [edition.lang, edition.prefix])),
	);
	const dates = new Map<string, Date>();
	const paths = new Set<string>();
	for (const { prefix, articles, listingPages } of editions) {
		for (const [url, date] of lastModified(articles, listingPages)) dates.set(url, date);
		for (const { page } of listingPages) paths.add(page.url);
		for (const article of articles) paths.add(article.url);
		for (const other of otherPaths) paths.add(`${prefix}${other}`);
	}
	const absolute = (path: string) => new URL(path, site).href;
	return [...paths]
		.filter(inSitemap)
		.map((path) => ({ path, url: absolute(path) }))
		.sort((a, b) => byUrl(a.url, b.url))
		.map(({ path, url }) => {
			const lastmod = dates.get(path)?.toISOString();
			const links = alternates.get(path)?.map((alternate) => ({ lang: alternate.lang, url: absolute(alternate.path) }));
			return { url, ...(lastmod && { lastmod }), ...(links && { links }) };
		});
}

/** URLs per sitemap file: the protocol allows 50,000; @astrojs/sitemap wrote 45,000, kept. */
export const SITEMAP_FILE_URLS = 45_000;

/** `/sitemap-<n>.xml`: the numbered files the URLs are split into. */
export const sitemapFileName = (n: number) => `sitemap-${n}.xml`;

/** The URLs split into files of at most `limit`, in order. */
export function sitemapFiles<T>(urls: readonly T[], limit = SITEMAP_FILE_URLS): T[][] {
	const files: T[][] = [];
	for (let start = 0; start < urls.length; start += limit) files.push(urls.slice(start, start + limit));
	return files;
}

/**
 * The sitemap index: `otherSitemaps` (the news sitemap) first, undated, then each numbered file,
 * dated by its newest entry.
 */
export function sitemapIndex(files: readonly (readonly Pick<SitemapUrl, 'lastmod'>[])[], site: string, otherSitemaps: readonly string[]): { url: string; lastmod?: string }[] {
	const newest = (urls: readonly Pick<SitemapUrl, 'lastmod'>[]) => {
		let latest = -Infinity;
		for (const { lastmod } of urls) if (lastmod) latest = Math.max(latest, Date.parse(lastmod));
		return latest === -Infinity ? undefined : new Date(latest).toISOString();
	};
	return [
		...otherSitemaps.map((url) => ({ url })),
		...files.map((urls, n) => {
			const lastmod = newest(urls);
			return { url: new URL(`/${sitemapFileName(n)}`, site).href, ...(lastmod && { lastmod }) };
		}),
	];
}

/** `robots.txt`: everything may be crawled; here are the sitemaps (absolute URLs). */
export function robotsTxt(sitemapUrls: readonly string[]): string {
	return ['User-agent: *', 'Allow: /', '', ...sitemapUrls.map((url) => `Sitemap: ${url}`), ''].join('\n');
}
