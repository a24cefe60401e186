/** What the XML sitemaps list and when each page last changed; `robots.txt`. */
import type { Article } from './articles.ts';
import type { ListingPage } from './listings.ts';

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

/** `robots.txt`: everything may be crawled; here are the sitemaps (absolute URLs). */
export function robotsTxt(sitemapUrls: readonly string[]): string {
	return ['User-agent: *', 'Allow: /', '', ...sitemapUrls.map((url) => `Sitemap: ${url}`), ''].join('\n');
}
