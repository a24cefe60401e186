import { describe, expect, it } from 'vitest';
import { articlePageKey, editionKey, listingPageKey } from '../../src/lib/pageKeys.ts';

const edition = { siteUrl: 'https://caravan.example', timeZone: 'Asia/Almaty' };
const page = {
	format: 'md' as const,
	story: 'a:1',
	related: ['b:1', 'c:1'],
	translations: ['ru/a'],
	edition: editionKey(edition),
};

describe('article page cache keys', () => {
	it('is the same for the same inputs', () => {
		expect(articlePageKey({ ...page })).toBe(articlePageKey(page));
		expect(editionKey({ ...edition })).toBe(editionKey(edition));
	});

	it('changes with the site URL or the time zone (every page shows them), never with the day or the ticker', () => {
		// The day and the ticker are not parameters at all: pages show them through the edition strip's frame.
		expect(editionKey({ ...edition, day: '2025-12-18', ticker: {} } as typeof edition)).toBe(
			editionKey(edition),
		);
		const keys = [
			editionKey(edition),
			editionKey({ ...edition, siteUrl: 'https://news.example' }),
			editionKey({ ...edition, timeZone: 'Asia/Tashkent' }),
		];
		expect(new Set(keys).size).toBe(keys.length);
	});

	it('changes with the story, a related story, their order, a translation or the edition', () => {
		const keys = [
			articlePageKey(page),
			articlePageKey({ ...page, story: 'a:2' }),
			articlePageKey({ ...page, related: ['b:2', 'c:1'] }),
			articlePageKey({ ...page, related: ['c:1', 'b:1'] }),
			articlePageKey({ ...page, related: ['b:1'] }),
			articlePageKey({ ...page, translations: [] }),
			articlePageKey({
				...page,
				edition: editionKey({ ...edition, siteUrl: 'https://news.example' }),
			}),
		];
		expect(new Set(keys).size).toBe(keys.length);
	});

	it('keeps lists apart: a story moved from related to translations is a different page', () => {
		expect(articlePageKey({ ...page, related: ['b:1'], translations: ['c:1'] })).not.toBe(
			articlePageKey({ ...page, related: ['b:1', 'c:1'], translations: [] }),
		);
	});

	it('gives MDX stories, and pages showing a story without a digest, no key, so they are always rendered', () => {
		expect(articlePageKey({ ...page, format: 'mdx' })).toBeUndefined();
		expect(articlePageKey({ ...page, story: undefined })).toBeUndefined();
		expect(articlePageKey({ ...page, related: ['b:1', undefined] })).toBeUndefined();
	});
});

describe('listing page and card cache keys', () => {
	const listingPage = {
		edition: editionKey(edition),
		listing: { kind: 'section', key: 'politics', name: 'Politics' },
		position: {
			number: 2,
			url: '/section/politics/page/2/',
			newerUrl: '/section/politics/',
			olderUrl: '/section/politics/page/1/',
			links: [{ url: '/section/politics/', current: false }],
		},
		items: ['a:1', 'b:1'],
	};

	it('changes with the stories shown, their place in the pagination, the listing or the edition', () => {
		const keys = [
			listingPageKey(listingPage),
			listingPageKey({ ...listingPage, items: ['a:2', 'b:1'] }),
			listingPageKey({ ...listingPage, items: ['b:1', 'a:1'] }),
			listingPageKey({
				...listingPage,
				position: { ...listingPage.position, newerUrl: '/section/politics/page/3/' },
			}),
			listingPageKey({
				...listingPage,
				position: { ...listingPage.position, links: [] },
			}),
			listingPageKey({ ...listingPage, listing: { ...listingPage.listing, name: 'Politique' } }),
			listingPageKey({
				...listingPage,
				edition: editionKey({ ...edition, timeZone: 'Asia/Tashkent' }),
			}),
		];
		expect(new Set(keys).size).toBe(keys.length);
		expect(listingPageKey({ ...listingPage, items: ['a:1', undefined] })).toBeUndefined();
		expect(listingPageKey({ ...listingPage, position: { ...listingPage.position } })).toBe(keys[0]);
	});
});
