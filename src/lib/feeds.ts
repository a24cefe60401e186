/**
 * Feeds: RSS 2.0 items for `@astrojs/rss`, and the Atom 1.0 document. Both are written by
 * fast-xml-builder (the builder `@astrojs/rss` itself uses, through fast-xml-parser), so all writer
 * text is escaped by the same well-tested code; nothing here concatenates XML by hand except the
 * RSS `customData`, which goes through `escapeUTF8` and is re-parsed by `@astrojs/rss`.
 */
import type { RSSFeedItem, RSSOptions } from '@astrojs/rss';
import { escapeUTF8 } from 'entities';
import XMLBuilder from 'fast-xml-builder';
import type { Article } from './articles.ts';

/** Articles a feed carries: the newest 50. */
export const FEED_SIZE = 50;

export type FeedArticle = Pick<
	Article,
	'url' | 'title' | 'date' | 'modified' | 'authors' | 'section' | 'summary' | 'excerpt'
>;

export interface FeedContext {
	/** Site origin, e.g. `https://caravan.example`. */
	site: string;
	/** Section slug → display name. */
	sections: Record<string, string>;
}

const absolute = (path: string, site: string) => new URL(path, site).href;

/** What a feed says about a story: its standfirst, else its excerpt. */
export function feedDescription(article: Pick<Article, 'summary' | 'excerpt'>): string {
	return article.summary ?? article.excerpt;
}

/** RSS namespaces the items and channel use. */
export const RSS_NAMESPACES = {
	atom: 'http://www.w3.org/2005/Atom',
	dc: 'http://purl.org/dc/elements/1.1/',
};

/**
 * RSS items, newest first. Authors go in `dc:creator`: RSS's own `<author>` must be an e-mail
 * address, and validators reject plain names there.
 */
export function rssItems(
	articles: readonly FeedArticle[],
	{ site, sections }: FeedContext,
): RSSFeedItem[] {
	return articles.slice(0, FEED_SIZE).map((article) => ({
		title: article.title,
		link: absolute(article.url, site),
		pubDate: article.date,
		description: feedDescription(article),
		categories: [sections[article.section] ?? article.section],
		customData: article.authors
			.map((author) => `<dc:creator>${escapeUTF8(author.name)}</dc:creator>`)
			.join(''),
	}));
}

/** When a feed last changed: its newest modification, else `fallback` (an empty feed). */
export function feedUpdated(articles: readonly Pick<Article, 'modified'>[], fallback: Date): Date {
	return articles.length
		? new Date(Math.max(...articles.map((a) => a.modified.getTime())))
		: fallback;
}

export interface FeedOptions extends FeedContext {
	title: string;
	description: string;
	/** BCP 47 language, e.g. `en-GB`. */
	language: string;
	/** Site-relative path of the feed itself, e.g. `/rss.xml`. */
	selfPath: string;
	/** Site-relative path of the page the feed mirrors, e.g. `/`. */
	alternatePath: string;
	/** The feed's date when it has no stories ("now"). */
	fallbackUpdated: Date;
}

/**
 * Options for `@astrojs/rss`: the newest 50 stories, with the channel's language, its own address
 * (`atom:link rel=self`, which validators ask for) and `lastBuildDate` from the stories, not the clock.
 */
export function rssOptions(articles: readonly FeedArticle[], options: FeedOptions): RSSOptions {
	const items = articles.slice(0, FEED_SIZE);
	return {
		title: options.title,
		description: options.description,
		site: absolute(options.alternatePath, options.site),
		xmlns: RSS_NAMESPACES,
		customData: [
			`<language>${escapeUTF8(options.language)}</language>`,
			`<atom:link href="${escapeUTF8(absolute(options.selfPath, options.site))}" rel="self" type="application/rss+xml"/>`,
			`<lastBuildDate>${feedUpdated(items, options.fallbackUpdated).toUTCString()}</lastBuildDate>`,
		].join(''),
		items: rssItems(items, options),
	};
}

const xml = new XMLBuilder({
	ignoreAttributes: false,
	suppressEmptyNode: true,
	format: true,
	indentBy: '\t',
});

/** The Atom 1.0 document for `articles` (newest first; the newest 50 are kept). */
export function atomFeed(articles: readonly FeedArticle[], options: FeedOptions): string {
	const { site, sections } = options;
	const entries = articles.slice(0, FEED_SIZE);
	const siteUrl = absolute(options.alternatePath, site);
	return xml.build({
		'?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
		feed: {
			'@_xmlns': 'http://www.w3.org/2005/Atom',
			'@_xml:lang': options.language,
			id: siteUrl,
			title: options.title,
			subtitle: options.description,
			updated: feedUpdated(entries, options.fallbackUpdated).toISOString(),
			link: [
				{
					'@_rel': 'self',
					'@_type': 'application/atom+xml',
					'@_href': absolute(options.selfPath, site),
				},
				{ '@_rel': 'alternate', '@_type': 'text/html', '@_href': siteUrl },
			],
			icon: absolute('/favicon.svg', site),
			entry: entries.map((article) => {
				const url = absolute(article.url, site);
				return {
					id: url,
					title: { '@_type': 'text', '#text': article.title },
					link: { '@_rel': 'alternate', '@_type': 'text/html', '@_href': url },
					published: article.date.toISOString(),
					updated: article.modified.toISOString(),
					author: article.authors.map((author) => ({
						name: author.name,
						uri: absolute(`/author/${author.slug}/`, site),
					})),
					category: {
						'@_term': article.section,
						'@_label': sections[article.section] ?? article.section,
						'@_scheme': absolute('/section/', site),
					},
					summary: { '@_type': 'text', '#text': feedDescription(article) },
				};
			}),
		},
	});
}
