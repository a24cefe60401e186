/**
 * Options for `@astrojs/sitemap` (used by astro.config.mjs): which pages it lists, and each page's
 * `lastmod` from the same article data the pages are built from. The config cannot read content
 * collections, so the articles are read here with the same parser, schema and pure functions.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SitemapOptions } from '@astrojs/sitemap';
import { COUNTRIES, contentDir, SECTIONS, SITE } from './config.ts';
import { compareNewestFirst, isPublished, toArticle, type Article } from './lib/articles.ts';
import { now } from './lib/dates.ts';
import { parseFrontmatter } from './lib/frontmatter.ts';
import { buildListings, listingPages } from './lib/listings.ts';
import { inSitemap, lastModified } from './lib/sitemap.ts';
import { slugFromPath } from './lib/slug.ts';
import { articleSchema } from './schema.ts';

/** The published articles, newest first, read from CONTENT_DIR (the build has validated them). */
async function publishedArticles(): Promise<Article[]> {
	const dir = path.join(contentDir(), 'articles');
	const files = (await readdir(dir, { recursive: true })).filter((file) => /\.mdx?$/i.test(file));
	const clock = now();
	const articles = await Promise.all(
		files.map(async (file) => {
			const { data, body } = parseFrontmatter(await readFile(path.join(dir, file), 'utf8'));
			return toArticle(
				{ slug: slugFromPath(file), data: articleSchema.parse(data), body, format: file.endsWith('.mdx') ? 'mdx' : 'md' },
				{ now: clock, excerptWords: SITE.excerptWords, wordsPerMinute: SITE.wordsPerMinute },
			);
		}),
	);
	return articles.filter(isPublished).sort(compareNewestFirst);
}

async function loadLastModified(): Promise<Map<string, Date>> {
	const articles = await publishedArticles();
	const listings = buildListings(articles, { sections: SECTIONS, countries: COUNTRIES });
	return lastModified(articles, listingPages(listings, SITE.pageSize));
}

export function sitemapOptions(): SitemapOptions {
	let dates: Promise<Map<string, Date>> | undefined;
	return {
		// Pages only (they end in "/"): not feeds, cards or ticker.json; and not search or 404.
		filter: (url) => {
			const { pathname } = new URL(url);
			return pathname.endsWith('/') && inSitemap(pathname);
		},
		customSitemaps: [`${SITE.url}/news-sitemap.xml`],
		serialize: async (item) => {
			dates ??= loadLastModified();
			const lastmod = (await dates).get(new URL(item.url).pathname);
			return lastmod ? { ...item, lastmod: lastmod.toISOString() } : item;
		},
	};
}
