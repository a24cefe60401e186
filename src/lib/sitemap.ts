/** What the XML sitemaps list and when each page last changed; `robots.txt`. */
import type { Article } from './articles.ts';
import type { ListingPage } from './listings.ts';

/** Pages that are not content: the search page (results depend on the query) and the 404 page. */
const EXCLUDED = [/^\/search\//, /^\/404(\.html|\/)?$/];

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

/** `robots.txt`: everything may be crawled; here are the sitemaps (absolute URLs). */
export function robotsTxt(sitemapUrls: readonly string[]): string {
	return ['User-agent: *', 'Allow: /', '', ...sitemapUrls.map((url) => `Sitemap: ${url}`), ''].join('\n');
}
