/**
 * Options for `@astrojs/sitemap` (used by astro.config.mjs): which pages it lists, and each page's
 * `lastmod` from the same article data the pages are built from. The config cannot read content
 * collections, so the articles are read here with the same parser, schema and pure functions.
 */
import type { SitemapOptions } from '@astrojs/sitemap';
import { readArticles } from '../scripts/lib/articleFiles.ts';
import { COUNTRIES, SECTIONS, SITE } from './config.ts';
import { LANGS, langPrefix, t } from './i18n/ui.ts';
import { compareNewestFirst, isPublished, type Article } from './lib/articles.ts';
import { now } from './lib/dates.ts';
import { buildListings, listingPages } from './lib/listings.ts';
import { inSitemap, lastModified, sitemapAlternates, type Alternate } from './lib/sitemap.ts';
import { translationMap } from './lib/translations.ts';

/** The published articles, newest first, read from CONTENT_DIR (the build has validated them). */
async function publishedArticles(): Promise<Article[]> {
	const { articles } = await readArticles(now());
	return articles.filter(isPublished).sort(compareNewestFirst);
}

interface SitemapFacts {
	dates: Map<string, Date>;
	alternates: Map<string, Alternate[]>;
}

async function loadFacts(): Promise<SitemapFacts> {
	const all = await publishedArticles();
	const dates = new Map<string, Date>();
	for (const lang of LANGS) {
		const articles = all.filter((article) => article.lang === lang);
		const listings = buildListings(articles, t(lang), langPrefix(lang), t(lang).latest);
		for (const [url, date] of lastModified(articles, listingPages(listings, SITE.pageSize))) dates.set(url, date);
	}
	const translations = translationMap(all);
	const shared = ['/', '/section/', ...SECTIONS.map((s) => `/section/${s}/`), ...COUNTRIES.map((c) => `/country/${c}/`)];
	const alternates = sitemapAlternates(
		all.map((article) => ({ ...article, translations: [...(translations.get(article)?.values() ?? [])] })),
		shared,
		Object.fromEntries(LANGS.map((lang) => [lang, langPrefix(lang)])),
	);
	return { dates, alternates };
}

export function sitemapOptions(): SitemapOptions {
	let facts: Promise<SitemapFacts> | undefined;
	return {
		// Pages only (they end in "/"): not feeds, cards or ticker.json; and not search or 404.
		filter: (url) => {
			const { pathname } = new URL(url);
			return pathname.endsWith('/') && inSitemap(pathname);
		},
		customSitemaps: [`${SITE.url}/news-sitemap.xml`],
		serialize: async (item) => {
			facts ??= loadFacts();
			const { dates, alternates } = await facts;
			const pathname = new URL(item.url).pathname;
			const lastmod = dates.get(pathname);
			const links = alternates.get(pathname)?.map((a) => ({ lang: a.lang, url: new URL(a.path, SITE.url).href }));
			return { ...item, ...(lastmod && { lastmod: lastmod.toISOString() }), ...(links && { links }) };
		},
	};
}
