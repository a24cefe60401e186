/** The Google News sitemap: stories of the last 48 hours, at most 1000 of them. */
import XMLBuilder from 'fast-xml-builder';
import type { Article } from './articles.ts';
import { isoWithOffset } from './dates.ts';

/** Google News reads only stories published in the last two days, and at most 1000 per sitemap. */
export const NEWS_WINDOW_HOURS = 48;
export const NEWS_MAX_URLS = 1000;

export type NewsArticle = Pick<Article, 'url' | 'title' | 'date'> & { lang?: string };

/** Articles dated within the `hours` before `now` (now included), newest first, at most `max`. */
export function recentArticles<T extends NewsArticle>(
	articles: readonly T[],
	now: Date,
	{ hours = NEWS_WINDOW_HOURS, max = NEWS_MAX_URLS }: { hours?: number; max?: number } = {},
): T[] {
	const from = now.getTime() - hours * 3_600_000;
	return articles
		.filter((article) => article.date.getTime() > from && article.date.getTime() <= now.getTime())
		.sort((a, b) => b.date.getTime() - a.date.getTime())
		.slice(0, max);
}

export interface NewsSitemapOptions {
	/** Site origin, e.g. `https://caravan.example`. */
	site: string;
	/** `news:name`: the publication's name as Google News knows it. */
	publicationName: string;
	/** `news:language`: ISO 639 code, e.g. `en`. */
	language: string;
	/** Time zone the publication dates are written in. */
	timeZone: string;
}

const xml = new XMLBuilder({ ignoreAttributes: false, format: true, indentBy: '\t' });

/**
 * The news sitemap for `articles` (already the recent ones). The sitemap schema requires at least
 * one `<url>`, so when no story is recent the front page is listed without a `news:news` entry:
 * still valid, and it tells crawlers where new stories will appear.
 */
export function newsSitemapXml(
	articles: readonly NewsArticle[],
	options: NewsSitemapOptions,
): string {
	const absolute = (path: string) => new URL(path, options.site).href;
	const urls = articles.length
		? articles.map((article) => ({
				loc: absolute(article.url),
				'news:news': {
					'news:publication': {
						'news:name': options.publicationName,
						'news:language': article.lang ?? options.language,
					},
					'news:publication_date': isoWithOffset(article.date, options.timeZone),
					'news:title': article.title,
				},
			}))
		: [{ loc: absolute('/') }];
	return xml.build({
		'?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
		urlset: {
			'@_xmlns': 'http://www.sitemaps.org/schemas/sitemap/0.9',
			'@_xmlns:news': 'http://www.google.com/schemas/sitemap-news/0.9',
			url: urls,
		},
	});
}
