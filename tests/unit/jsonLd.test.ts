import { describe, expect, it } from 'vitest';
import {
	breadcrumbLd,
	newsArticleLd,
	serializeJsonLd,
	websiteLd,
	type Publisher,
} from '../../src/lib/jsonLd.ts';
import { makeArticle } from './fixtures.ts';

const PUBLISHER: Publisher = {
	name: 'Caravan',
	url: 'https://caravan.example',
	logo: 'https://caravan.example/logo.png',
	language: 'en-GB',
};

describe('serializeJsonLd', () => {
	const hostile = {
		headline: "</script><script>alert('x')</script> & <!-- “quotes”",
		note: 'line\u2028separator\u2029paragraph',
	};

	it('writes no character that could end the script element or start a comment', () => {
		const json = serializeJsonLd(hostile);
		expect(json).not.toMatch(/[<>&\u2028\u2029]/);
		expect(json).toContain('\\u003c/script\\u003e');
		expect(json).toContain('\\u0026');
		expect(json).toContain('\\u2028');
	});

	it('parses back to the same value', () => {
		expect(JSON.parse(serializeJsonLd(hostile))).toEqual(hostile);
		expect(JSON.parse(serializeJsonLd([1, 'a<b', { c: null }]))).toEqual([1, 'a<b', { c: null }]);
	});
});

describe('newsArticleLd', () => {
	const article = makeArticle('budget-vote', {
		title: 'Budget passes',
		author: ['Aigerim Sadykova', 'Staff Reporter'],
		date: new Date('2025-12-10T05:00:00Z'),
		updated: new Date('2025-12-11T05:00:00Z'),
		tags: ['budget'],
	});
	const ld = newsArticleLd({
		article,
		sectionName: 'Economy',
		description: 'The standfirst.',
		images: ['https://caravan.example/cards/articles/budget-vote.png'],
		publisher: PUBLISHER,
	});

	it('carries what Google needs of a NewsArticle, with absolute URLs', () => {
		expect(ld).toEqual({
			'@context': 'https://schema.org',
			'@type': 'NewsArticle',
			headline: 'Budget passes',
			description: 'The standfirst.',
			url: 'https://caravan.example/articles/budget-vote/',
			mainEntityOfPage: {
				'@type': 'WebPage',
				'@id': 'https://caravan.example/articles/budget-vote/',
			},
			datePublished: '2025-12-10T05:00:00.000Z',
			dateModified: '2025-12-11T05:00:00.000Z',
			author: [
				{
					'@type': 'Person',
					name: 'Aigerim Sadykova',
					url: 'https://caravan.example/author/aigerim-sadykova/',
				},
				{
					'@type': 'Person',
					name: 'Staff Reporter',
					url: 'https://caravan.example/author/staff-reporter/',
				},
			],
			publisher: {
				'@type': 'Organization',
				name: 'Caravan',
				url: 'https://caravan.example/',
				logo: { '@type': 'ImageObject', url: 'https://caravan.example/logo.png' },
			},
			image: ['https://caravan.example/cards/articles/budget-vote.png'],
			articleSection: 'Economy',
			keywords: ['budget'],
			inLanguage: 'en-GB',
		});
	});

	it('takes dateModified from the latest correction when that is newer', () => {
		const corrected = makeArticle('x', {
			date: new Date('2025-12-10T05:00:00Z'),
			corrections: [{ date: new Date('2025-12-14T08:00:00Z'), text: 'Fixed.' }],
		});
		const data = newsArticleLd({
			article: corrected,
			sectionName: 'Economy',
			description: '',
			images: [],
			publisher: PUBLISHER,
		});
		expect(data.dateModified).toBe('2025-12-14T08:00:00.000Z');
		expect(data).not.toHaveProperty('keywords');
	});
});

describe('breadcrumbLd and websiteLd', () => {
	it('numbers the crumbs from 1 with absolute URLs', () => {
		expect(
			breadcrumbLd(
				[
					{ name: 'Caravan', path: '/' },
					{ name: 'Economy', path: '/section/economy/' },
				],
				'https://caravan.example',
			),
		).toEqual({
			'@context': 'https://schema.org',
			'@type': 'BreadcrumbList',
			itemListElement: [
				{ '@type': 'ListItem', position: 1, name: 'Caravan', item: 'https://caravan.example/' },
				{
					'@type': 'ListItem',
					position: 2,
					name: 'Economy',
					item: 'https://caravan.example/section/economy/',
				},
			],
		});
	});

	it('points the front page SearchAction at /search/?q=', () => {
		const site = websiteLd(PUBLISHER, 'News from Central Asia');
		expect(site['@type']).toBe('WebSite');
		expect(site.url).toBe('https://caravan.example/');
		expect(site.potentialAction).toEqual({
			'@type': 'SearchAction',
			target: {
				'@type': 'EntryPoint',
				urlTemplate: 'https://caravan.example/search/?q={search_term_string}',
			},
		});
	});
});
