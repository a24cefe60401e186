import { describe, expect, it } from 'vitest';
import { buildListings, listingPages } from '../../src/lib/listings.ts';
import { inSitemap, lastModified, robotsTxt } from '../../src/lib/sitemap.ts';
import { decDay, makeArticle } from './fixtures.ts';

describe('inSitemap', () => {
	it('leaves out the search page and the 404 page only', () => {
		expect(inSitemap('/search/')).toBe(false);
		expect(inSitemap('/404.html')).toBe(false);
		expect(inSitemap('/404/')).toBe(false);
		expect(inSitemap('/edition/')).toBe(false);
		expect(inSitemap('/ru/edition/')).toBe(false);
		expect(['/', '/articles/x/', '/section/economy/', '/tag/404-errors/'].every(inSitemap)).toBe(true);
	});
});

describe('lastModified', () => {
	const articles = [
		makeArticle('newest', { date: decDay(12), section: 'politics' }),
		makeArticle('corrected', { date: decDay(5), section: 'economy', corrections: [{ date: decDay(14), text: 'Fixed.' }] }),
		makeArticle('updated', { date: decDay(3), section: 'economy', updated: decDay(4) }),
	];
	const pages = listingPages(buildListings(articles, { sections: { politics: 'Politics', economy: 'Economy', tech: 'Tech' }, countries: {} }), 2);
	const dates = lastModified(articles, pages);

	it('dates an article by its update or latest correction, else its date', () => {
		expect(dates.get('/articles/newest/')).toEqual(decDay(12));
		expect(dates.get('/articles/corrected/')).toEqual(decDay(14));
		expect(dates.get('/articles/updated/')).toEqual(decDay(4));
	});

	it('dates a listing page by the newest change among its stories; empty listings get none', () => {
		expect(dates.get('/')).toEqual(decDay(14));
		expect(dates.get('/page/2/')).toEqual(decDay(4));
		expect(dates.get('/section/economy/')).toEqual(decDay(14));
		expect(dates.get('/section/politics/')).toEqual(decDay(12));
		expect(dates.has('/section/tech/')).toBe(false);
	});
});

describe('robotsTxt', () => {
	it('allows everything and lists the sitemaps', () => {
		expect(robotsTxt(['https://x.example/sitemap-index.xml', 'https://x.example/news-sitemap.xml'])).toBe(
			'User-agent: *\nAllow: /\n\nSitemap: https://x.example/sitemap-index.xml\nSitemap: https://x.example/news-sitemap.xml\n',
		);
	});
});
