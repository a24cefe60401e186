/**
 * Options for `@astrojs/sitemap` (used by astro.config.mjs): which pages it lists, and each page's
 * `lastmod` from the same article data the pages are built from. The config cannot read content
 * collections, so the articles are read here with the same parser, schema and pure functions.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SitemapOptions } from '@astrojs/sitemap';
import { COUNTRIES, contentDir, SECTIONS, SITE } from './config.ts';
import { DEFAULT_LANG, LANGS, langPrefix, t } from './i18n/ui.ts';
import { compareNewestFirst, isPublished, toArticle, type Article } from './lib/articles.ts';
import { now } from './lib/dates.ts';
import { parseFrontmatter } from './lib/frontmatter.ts';
import { buildListings, listingPages } from './lib/listings.ts';
import { inSitemap, lastModified, sitemapAlternates, type Alternate } from './lib/sitemap.ts';
import { articleLang, translationMap } from './lib/translations.ts';
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
			const parsed = articleSchema.parse(data);
			const { lang } = articleLang(file, parsed.lang, LANGS, DEFAULT_LANG);
			return toArticle(
				{ slug: slugFromPath(file), lang: lang as (typeof LANGS)[number], data: parsed, body, format: file.endsWith('.mdx') ? 'mdx' : 'md' },
				{ now: clock, excerptWords: SITE.excerptWords, wordsPerMinute: SITE.wordsPerMinute },
			);
		}),
	);
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
