import { describe, expect, it } from 'vitest';
import { compareNewestFirst } from '../../src/lib/articles.ts';
import { buildListings, listingPages } from '../../src/lib/listings.ts';
import {
	inSitemap,
	lastModified,
	robotsTxt,
	sitemapFiles,
	sitemapIndex,
	sitemapUrls,
	type SitemapEdition,
} from '../../src/lib/sitemap.ts';
import { decDay, makeArticle } from './fixtures.ts';

describe('inSitemap', () => {
	it('leaves out the search page and the 404 page only', () => {
		expect(inSitemap('/search/')).toBe(false);
		expect(inSitemap('/404.html')).toBe(false);
		expect(inSitemap('/404/')).toBe(false);
		expect(inSitemap('/edition/')).toBe(false);
		expect(inSitemap('/ru/edition/')).toBe(false);
		expect(['/', '/articles/x/', '/section/economy/', '/tag/404-errors/'].every(inSitemap)).toBe(
			true,
		);
	});
});

describe('lastModified', () => {
	const articles = [
		makeArticle('newest', { date: decDay(12), section: 'politics' }),
		makeArticle('corrected', {
			date: decDay(5),
			section: 'economy',
			corrections: [{ date: decDay(14), text: 'Fixed.' }],
		}),
		makeArticle('updated', { date: decDay(3), section: 'economy', updated: decDay(4) }),
	];
	const pages = listingPages(
		buildListings(articles, {
			sections: { politics: 'Politics', economy: 'Economy', tech: 'Tech' },
			countries: {},
		}),
		1,
	);
	const dates = lastModified(articles, pages);

	it('dates an article by its update or latest correction, else its date', () => {
		expect(dates.get('/articles/newest/')).toEqual(decDay(12));
		expect(dates.get('/articles/corrected/')).toEqual(decDay(14));
		expect(dates.get('/articles/updated/')).toEqual(decDay(4));
	});

	it('dates a listing page by the newest change among its stories; empty listings get none', () => {
		// One story a page: the root shows the newest, page 1 the oldest.
		expect(dates.get('/')).toEqual(decDay(12));
		expect(dates.get('/page/2/')).toEqual(decDay(14));
		expect(dates.get('/page/1/')).toEqual(decDay(4));
		expect(dates.get('/section/economy/')).toEqual(decDay(14));
		expect(dates.get('/section/politics/')).toEqual(decDay(12));
		expect(dates.has('/section/tech/')).toBe(false);
	});
});

describe('sitemapUrls', () => {
	const names = {
		sections: { politics: 'Politics', economy: 'Economy' },
		countries: { kazakhstan: 'Kazakhstan' },
	};
	const en = [
		makeArticle('budget-vote', { date: decDay(10), section: 'economy', updated: decDay(11) }),
		...Array.from({ length: 11 }, (_, i) =>
			makeArticle(`story-${i + 1}`, { date: decDay(i + 1), section: 'politics' }),
		),
	].sort(compareNewestFirst);
	const ru = [
		makeArticle('byudzhet', {
			lang: 'ru',
			date: decDay(12),
			section: 'economy',
			translationOf: 'budget-vote',
		}),
	];
	const edition = (lang: 'en' | 'ru', prefix: string, articles: typeof en): SitemapEdition => ({
		lang,
		articles,
		listingPages: listingPages(buildListings(articles, names, prefix), 1),
	});
	const urls = sitemapUrls([edition('en', '', en), edition('ru', '/ru', ru)], {
		site: 'https://x.example',
		sharedPaths: ['/section/', '/search/'],
	});
	const at = (path: string) => urls.find((url) => url.url === `https://x.example${path}`);

	it("lists every edition's stories, listing pages and other pages, as absolute URLs, each once", () => {
		const paths = urls.map((url) => new URL(url.url).pathname);
		expect(urls.every((url) => url.url.startsWith('https://x.example/'))).toBe(true);
		expect(new Set(paths).size).toBe(paths.length);
		expect(paths.filter((path) => path.startsWith('/ru/'))).toEqual([
			'/ru/',
			'/ru/articles/byudzhet/',
			'/ru/author/aigerim-sadykova/',
			'/ru/country/kazakhstan/',
			'/ru/section/',
			'/ru/section/economy/',
			'/ru/section/politics/',
		]);
		for (const path of [
			'/',
			'/page/11/',
			'/articles/story-11/',
			'/articles/budget-vote/',
			'/author/aigerim-sadykova/page/11/',
			'/section/',
			'/section/politics/page/10/',
		]) {
			expect(paths, path).toContain(path);
		}
		// 12 stories, 12 front pages, 12 author pages, 11 politics pages (each a root and archive
		// pages numbered from 1), economy, kazakhstan, the sections index.
		expect(paths.filter((path) => !path.startsWith('/ru/'))).toHaveLength(
			12 + 12 + 12 + 11 + 1 + 1 + 1,
		);
	});

	it('leaves out what inSitemap leaves out', () => {
		expect(urls.some((url) => url.url.includes('/search/'))).toBe(false);
	});

	it('orders URLs as @astrojs/sitemap did: by text, numbers by value', () => {
		const paths = urls.map((url) => new URL(url.url).pathname);
		expect(paths.indexOf('/page/2/')).toBeLessThan(paths.indexOf('/page/10/'));
		expect(paths.indexOf('/articles/story-9/')).toBeLessThan(paths.indexOf('/articles/story-10/'));
		expect(paths.indexOf('/')).toBe(0);
	});

	it('dates stories and listing pages as lastModified does, and leaves undated pages undated', () => {
		expect(at('/articles/budget-vote/')?.lastmod).toBe(decDay(11).toISOString());
		// Numbered from the oldest: page 11 is the second newest story, budget-vote (updated).
		expect(at('/page/11/')?.lastmod).toBe(decDay(11).toISOString());
		expect(at('/page/10/')?.lastmod).toBe(decDay(10).toISOString());
		expect(at('/page/1/')?.lastmod).toBe(decDay(1).toISOString());
		expect(at('/section/')).not.toHaveProperty('lastmod');
		expect(at('/section/politics/')?.lastmod).toBe(decDay(11).toISOString());
		expect(at('/ru/section/politics/')).not.toHaveProperty('lastmod');
	});

	it('links translated stories and shared pages to each of their language versions, absolute', () => {
		const pair = [
			{ lang: 'en', url: 'https://x.example/articles/budget-vote/' },
			{ lang: 'ru', url: 'https://x.example/ru/articles/byudzhet/' },
		];
		expect(at('/articles/budget-vote/')?.links).toEqual(pair);
		expect(at('/ru/articles/byudzhet/')?.links).toEqual([pair[1], pair[0]]);
		expect(at('/ru/section/economy/')?.links).toEqual([
			{ lang: 'en', url: 'https://x.example/section/economy/' },
			{ lang: 'ru', url: 'https://x.example/ru/section/economy/' },
		]);
		expect(at('/ru/section/')?.links).toEqual([
			{ lang: 'en', url: 'https://x.example/section/' },
			{ lang: 'ru', url: 'https://x.example/ru/section/' },
		]);
		expect(at('/')?.links?.map((link) => link.lang)).toEqual(['en', 'ru']);
		expect(at('/articles/story-1/')?.links).toBeUndefined();
		// Archive pages have no alternates: each edition numbers its own stories.
		expect(at('/page/2/')?.links).toBeUndefined();
		expect(at('/ru/section/economy/')?.links).toHaveLength(2);
		expect(at('/ru/author/aigerim-sadykova/')?.links).toBeUndefined();
	});
});

describe('sitemapFiles and sitemapIndex', () => {
	const urls = [
		{ url: 'https://x.example/a/', lastmod: decDay(3).toISOString() },
		{ url: 'https://x.example/b/', lastmod: decDay(9).toISOString() },
		{ url: 'https://x.example/c/' },
		{ url: 'https://x.example/d/', lastmod: decDay(5).toISOString() },
		{ url: 'https://x.example/e/' },
	];

	it('splits the URLs into files of at most the limit, in order', () => {
		expect(sitemapFiles(urls, 2)).toEqual([urls.slice(0, 2), urls.slice(2, 4), urls.slice(4)]);
		expect(sitemapFiles(urls)).toEqual([urls]);
		expect(sitemapFiles([])).toEqual([]);
	});

	it('indexes the other sitemaps undated, then each numbered file dated by its newest entry', () => {
		expect(
			sitemapIndex(sitemapFiles(urls, 2), 'https://x.example', [
				'https://x.example/news-sitemap.xml',
			]),
		).toEqual([
			{ url: 'https://x.example/news-sitemap.xml' },
			{ url: 'https://x.example/sitemap-0.xml', lastmod: decDay(9).toISOString() },
			{ url: 'https://x.example/sitemap-1.xml', lastmod: decDay(5).toISOString() },
			{ url: 'https://x.example/sitemap-2.xml' },
		]);
	});
});

describe('robotsTxt', () => {
	it('allows everything and lists the sitemaps', () => {
		expect(
			robotsTxt(['https://x.example/sitemap-index.xml', 'https://x.example/news-sitemap.xml']),
		).toBe(
			'User-agent: *\nAllow: /\n\nSitemap: https://x.example/sitemap-index.xml\nSitemap: https://x.example/news-sitemap.xml\n',
		);
	});
});
