import { describe, expect, it } from 'vitest';
import { parseXml } from '../helpers/xml.ts';
import { newsSitemapXml, recentArticles, type NewsArticle } from '../../src/lib/newsSitemap.ts';

const NOW = new Date('2025-12-17T07:00:00Z');
const HOUR = 3_600_000;
const story = (slug: string, hoursAgo: number, title = slug): NewsArticle => ({
	url: `/articles/${slug}/`,
	title,
	date: new Date(NOW.getTime() - hoursAgo * HOUR),
});

const OPTIONS = {
	site: 'https://caravan.example',
	publicationName: 'Caravan',
	language: 'en',
	timeZone: 'Asia/Almaty',
};

describe('recentArticles', () => {
	it('keeps stories dated within the 48 hours before now, newest first', () => {
		const stories = [
			story('old', 49),
			story('edge', 48),
			story('inside', 47.9),
			story('now', 0),
			story('future', -1),
			story('new', 1),
		];
		expect(recentArticles(stories, NOW).map((s) => s.url)).toEqual([
			'/articles/now/',
			'/articles/new/',
			'/articles/inside/',
		]);
	});

	it('keeps at most 1000', () => {
		const many = Array.from({ length: 1200 }, (_, i) => story(`s${i}`, i / 100));
		const kept = recentArticles(many, NOW);
		expect(kept).toHaveLength(1000);
		expect(kept[0]?.url).toBe('/articles/s0/');
	});
});

describe('newsSitemapXml', () => {
	it('lists each story with publication, date and title, writer text escaped', () => {
		const xml = newsSitemapXml([story('a', 1, "<script>alert('x')</script> & “quotes”")], OPTIONS);
		expect(xml).not.toContain('<script>');
		const { urlset } = parseXml(xml, ['url']);
		expect(urlset['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
		expect(urlset['@_xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
		expect(urlset.url).toEqual([
			{
				loc: 'https://caravan.example/articles/a/',
				'news:news': {
					'news:publication': { 'news:name': 'Caravan', 'news:language': 'en' },
					'news:publication_date': '2025-12-17T11:00:00+05:00',
					'news:title': "<script>alert('x')</script> & “quotes”",
				},
			},
		]);
	});

	it('stays valid when no story is recent: the front page, without news entries', () => {
		const xml = newsSitemapXml([], OPTIONS);
		expect(parseXml(xml, ['url']).urlset.url).toEqual([{ loc: 'https://caravan.example/' }]);
	});
});
