/**
 * What the XML sitemaps list, when each page last changed and its other-language versions, and
 * how the list is split into files; `robots.txt`.
 */
import { LANGS, langPrefix, type Lang } from '../i18n/ui.ts';
import {
	listingAlternates,
	sharedAlternates,
	translationAlternates,
	type Alternate,
} from './alternates.ts';
import type { Article } from './articles.ts';
import type { ListingPage } from './listings.ts';
import { translationMap } from './translations.ts';

/**
 * Pages that are not content: the search page (results depend on the query), the 404 page and
 * the edition strip every page embeds (date and ticker).
 */
const EXCLUDED = [
	/^(\/[a-z]{2})?\/search\//,
	/^(\/[a-z]{2})?\/404(\.html|\/)?$/,
	/^(\/[a-z]{2})?\/edition\//,
];

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

/** One `<url>` of a sitemap: an absolute URL, its last change (ISO 8601) and its language versions. */
export interface SitemapUrl {
	url: string;
	lastmod?: string;
	links?: { lang: string; url: string }[];
}

/** An edition's share of the sitemap: its published stories and the listing pages made of them. */
export interface SitemapEdition {
	lang: Lang;
	articles: readonly Pick<Article, 'url' | 'lang' | 'slug' | 'translationOf' | 'modified'>[];
	listingPages: readonly Pick<ListingPage, 'listing' | 'page'>[];
}

/**
 * The order @astrojs/sitemap listed URLs in (kept, so the files did not change when it was
 * replaced): `localeCompare(b, 'en', { numeric: true })`, with the collator made once, not per
 * comparison (1 s of a 10,000-story build).
 */
const byUrl = new Intl.Collator('en', { numeric: true }).compare;

/**
 * Every page the sitemaps list, in URL order: each edition's articles and listing pages, and
 * `sharedPaths` (pages every edition has at that path under its prefix, like `/section/`), less
 * what `inSitemap` leaves out. Each with its last change and, when it has any, its language
 * versions (itself included) from `lib/alternates.ts`, as the pages' hreflang links have them:
 * a story first, then its translations; a page every edition has, in edition order.
 */
export function sitemapUrls(
	editions: readonly SitemapEdition[],
	{ site, sharedPaths }: { site: string; sharedPaths: readonly string[] },
): SitemapUrl[] {
	const translations = translationMap(editions.flatMap((edition) => edition.articles));
	const inEditionOrder = (versions: Alternate[]) =>
		versions.sort((a, b) => LANGS.indexOf(a.lang) - LANGS.indexOf(b.lang));
	const pages = new Map<string, { lastmod?: Date; versions: Alternate[] }>();
	for (const { lang, articles, listingPages } of editions) {
		const dates = lastModified(articles, listingPages);
		const self = (href: string) => ({ lang, href });
		for (const { listing, page } of listingPages) {
			pages.set(page.url, {
				lastmod: dates.get(page.url),
				versions: inEditionOrder([
					self(page.url),
					...listingAlternates(listing, page.number, lang),
				]),
			});
		}
		for (const article of articles) {
			pages.set(article.url, {
				lastmod: dates.get(article.url),
				versions: [self(article.url), ...translationAlternates(translations.get(article))],
			});
		}
		for (const shared of sharedPaths) {
			const path = `${langPrefix(lang)}${shared}`;
			pages.set(path, {
				versions: inEditionOrder([self(path), ...sharedAlternates(lang, shared)]),
			});
		}
	}
	const absolute = (path: string) => new URL(path, site).href;
	return [...pages]
		.filter(([path]) => inSitemap(path))
		.map(([path, page]) => ({ url: absolute(path), ...page }))
		.sort((a, b) => byUrl(a.url, b.url))
		.map(({ url, lastmod, versions }) => ({
			url,
			...(lastmod && { lastmod: lastmod.toISOString() }),
			...(versions.length > 1 && {
				links: versions.map((version) => ({ lang: version.lang, url: absolute(version.href) })),
			}),
		}));
}

/** URLs per sitemap file: the protocol allows 50,000; @astrojs/sitemap wrote 45,000, kept. */
export const SITEMAP_FILE_URLS = 45_000;

/** `/sitemap-<n>.xml`: the numbered files the URLs are split into. */
export const sitemapFileName = (n: number) => `sitemap-${n}.xml`;

/** The URLs split into files of at most `limit`, in order. */
export function sitemapFiles<T>(urls: readonly T[], limit = SITEMAP_FILE_URLS): T[][] {
	const files: T[][] = [];
	for (let start = 0; start < urls.length; start += limit)
		files.push(urls.slice(start, start + limit));
	return files;
}

/**
 * The sitemap index: `otherSitemaps` (the news sitemap) first, undated, then each numbered file,
 * dated by its newest entry.
 */
export function sitemapIndex(
	files: readonly (readonly Pick<SitemapUrl, 'lastmod'>[])[],
	site: string,
	otherSitemaps: readonly string[],
): { url: string; lastmod?: string }[] {
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
	return ['User-agent: *', 'Allow: /', '', ...sitemapUrls.map((url) => `Sitemap: ${url}`), ''].join(
		'\n',
	);
}
