import { describe, expect, it } from 'vitest';
import { SITE } from '../../src/config.ts';
import { compareNewestFirst, type Article } from '../../src/lib/articles.ts';
import { relatedArticles } from '../../src/lib/related.ts';
import { decDay, makeArticle, type ArticleFixture } from './fixtures.ts';

/** Articles sorted newest first, as the site hands them over. */
function site(...specs: [string, ArticleFixture][]): Article[] {
	return specs.map(([slug, fixture]) => makeArticle(slug, fixture)).sort(compareNewestFirst);
}

const relatedSlugs = (
	articles: readonly Article[],
	slug: string,
	count: number = SITE.relatedCount,
) =>
	relatedArticles(articles, count)
		.get(slug)
		?.map((a) => a.slug);

describe('relatedArticles', () => {
	it('shows 3 related articles', () => {
		expect(SITE.relatedCount).toBe(3);
		const articles = site(
			['a', { date: decDay(10) }],
			['b', { date: decDay(9) }],
			['c', { date: decDay(8) }],
			['d', { date: decDay(7) }],
			['e', { date: decDay(6) }],
		);
		const related = relatedArticles(articles, SITE.relatedCount);
		for (const article of articles) expect(related.get(article.slug)).toHaveLength(3);
	});

	it('has an entry for every article', () => {
		const articles = site(['a', { date: decDay(10) }], ['b', { date: decDay(9), section: 'tech' }]);
		expect([...relatedArticles(articles, 3).keys()].sort()).toEqual(['a', 'b']);
	});

	it('never lists an article as related to itself', () => {
		const articles = site(
			['a', { date: decDay(10), tags: ['oil'], countries: ['kazakhstan'] }],
			['b', { date: decDay(9), tags: ['oil'], countries: ['kazakhstan'] }],
			['c', { date: decDay(8), tags: ['oil'], countries: ['kazakhstan'] }],
		);
		const related = relatedArticles(articles, 3);
		for (const article of articles) {
			expect(related.get(article.slug)?.map((a) => a.slug)).not.toContain(article.slug);
			expect(related.get(article.slug)).toHaveLength(2);
		}
	});

	it('only lists articles sharing a tag, a country or the section', () => {
		const articles = site(
			['story', { date: decDay(10), section: 'economy', countries: ['kazakhstan'], tags: ['oil'] }],
			['same-tag', { date: decDay(9), section: 'culture', tags: ['Oil'] }],
			['same-country', { date: decDay(8), section: 'culture', countries: ['kazakhstan'] }],
			['same-section', { date: decDay(7), section: 'economy' }],
			[
				'nothing-shared',
				{ date: decDay(10, 10), section: 'tech', countries: ['uzbekistan'], tags: ['ai'] },
			],
		);
		expect(relatedSlugs(articles, 'story')).toEqual(['same-tag', 'same-country', 'same-section']);
		expect(relatedSlugs(articles, 'nothing-shared')).toEqual([]);
	});

	it('prefers a shared tag to a shared country, and a shared country to a shared section', () => {
		const articles = site(
			[
				'story',
				{ date: decDay(20), section: 'economy', countries: ['kyrgyzstan'], tags: ['remittances'] },
			],
			// Newer section-only matches that should lose to older, closer matches.
			['section-1', { date: decDay(19), section: 'economy' }],
			['section-2', { date: decDay(18), section: 'economy' }],
			['section-3', { date: decDay(17), section: 'economy' }],
			['country', { date: decDay(5), section: 'society', countries: ['kyrgyzstan'] }],
			['tag', { date: decDay(2), section: 'society', tags: ['remittances'] }],
		);
		expect(relatedSlugs(articles, 'story', 1)).toEqual(['tag']);
		expect(relatedSlugs(articles, 'story', 2)).toEqual(['country', 'tag']);
		expect(relatedSlugs(articles, 'story', 3)).toEqual(['section-1', 'country', 'tag']);
	});

	it('adds up what is shared: more in common ranks higher', () => {
		const articles = site(
			[
				'story',
				{
					date: decDay(20),
					section: 'energy',
					countries: ['tajikistan', 'afghanistan'],
					tags: ['rogun', 'water'],
				},
			],
			['one-tag', { date: decDay(19), section: 'politics', tags: ['water'] }],
			['two-tags', { date: decDay(3), section: 'politics', tags: ['water', 'rogun'] }],
			[
				'tag-and-country',
				{ date: decDay(4), section: 'politics', countries: ['tajikistan'], tags: ['rogun'] },
			],
		);
		expect(relatedSlugs(articles, 'story', 2)).toEqual(['tag-and-country', 'two-tags']);
	});

	it('breaks ties in relevance by nearness in time', () => {
		const articles = site(
			['story', { date: decDay(15), tags: ['budget'] }],
			['day-14', { date: decDay(14), tags: ['budget'] }],
			['day-16', { date: decDay(16), tags: ['budget'] }],
			['day-10', { date: decDay(10), tags: ['budget'] }],
			['day-21', { date: decDay(21), tags: ['budget'] }],
			['day-1', { date: decDay(1), tags: ['budget'] }],
		);
		expect(relatedSlugs(articles, 'story')).toEqual(['day-16', 'day-14', 'day-10']);
	});

	it('shows the related articles newest first', () => {
		const articles = site(
			['story', { date: decDay(15), tags: ['oil'] }],
			['older-strong', { date: decDay(3), tags: ['oil'], countries: ['kazakhstan'] }],
			['newer-weak', { date: decDay(14), tags: ['oil'] }],
			['newest', { date: decDay(25), tags: ['oil'] }],
		);
		const related = relatedArticles(articles, 3).get('story') ?? [];
		expect(related.map((a) => a.slug)).toEqual(['newest', 'newer-weak', 'older-strong']);
		const times = related.map((a) => a.date.getTime());
		expect(times).toEqual([...times].sort((x, y) => y - x));
	});

	it('is deterministic: ties on everything are broken by slug', () => {
		const date = decDay(10);
		const articles = site(
			['story', { date }],
			['delta', { date }],
			['alpha', { date }],
			['charlie', { date }],
			['bravo', { date }],
		);
		expect(relatedSlugs(articles, 'story')).toEqual(['alpha', 'bravo', 'charlie']);
		const reversed = [...articles].reverse().sort(compareNewestFirst);
		expect(relatedSlugs(reversed, 'story')).toEqual(['alpha', 'bravo', 'charlie']);
	});

	it('gives the same answer on every run', () => {
		const articles = site(
			...Array.from({ length: 30 }, (_, i): [string, ArticleFixture] => [
				`story-${i}`,
				{
					date: decDay((i % 28) + 1, 9 + (i % 3)),
					section: i % 2 ? 'economy' : 'politics',
					countries: i % 3 ? ['kazakhstan'] : ['uzbekistan'],
					tags: i % 5 ? ['budget'] : ['water'],
				},
			]),
		);
		const first = relatedArticles(articles, 3);
		const second = relatedArticles([...articles], 3);
		for (const [slug, list] of first) {
			expect(second.get(slug)?.map((a) => a.slug)).toEqual(list.map((a) => a.slug));
			expect(list).toHaveLength(3);
		}
	});

	it('returns fewer than 3 when fewer articles share anything', () => {
		const articles = site(
			['story', { date: decDay(10), section: 'tech' }],
			['other', { date: decDay(9), section: 'tech' }],
		);
		expect(relatedSlugs(articles, 'story')).toEqual(['other']);
		expect(relatedSlugs(site(['alone', { date: decDay(1) }]), 'alone')).toEqual([]);
	});

	it('looks only at the nearest neighbours in each facet timeline', () => {
		const articles = site(
			['d1', { date: decDay(1) }],
			['d2', { date: decDay(2) }],
			['d3', { date: decDay(3) }],
			['d4', { date: decDay(4) }],
			['d5', { date: decDay(5) }],
		);
		// A window of 1: only the article just before and just after in the section timeline.
		expect(
			relatedArticles(articles, 3, 1)
				.get('d3')
				?.map((a) => a.slug),
		).toEqual(['d4', 'd2']);
		expect(
			relatedArticles(articles, 3, 1)
				.get('d5')
				?.map((a) => a.slug),
		).toEqual(['d4']);
	});

	it('returns the article objects themselves', () => {
		const articles = site(['a', { date: decDay(10) }], ['b', { date: decDay(9) }]);
		expect(relatedArticles(articles, 3).get('a')?.[0]).toBe(articles[1]);
	});
});
