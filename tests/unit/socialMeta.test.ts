import { describe, expect, it } from 'vitest';
import { parse } from '../helpers/html.ts';
import { metaTagsHtml, socialMeta, type SocialMetaInput } from '../../src/lib/socialMeta.ts';

const PAGE: SocialMetaInput = {
	title: 'Budget passes',
	description: 'The standfirst.',
	url: 'https://caravan.example/articles/budget/',
	siteName: 'Caravan',
	locale: 'en-GB',
	image: {
		url: 'https://caravan.example/cards/articles/budget.png',
		width: 1200,
		height: 630,
		alt: 'Budget passes',
	},
};

const asRecord = (tags: ReturnType<typeof socialMeta>): [string, string][] =>
	tags.map((tag) => ['property' in tag ? tag.property : tag.name, tag.content]);

describe('socialMeta', () => {
	it('describes a plain page as an OpenGraph website with a large Twitter card', () => {
		expect(asRecord(socialMeta(PAGE))).toEqual([
			['og:type', 'website'],
			['og:title', 'Budget passes'],
			['og:description', 'The standfirst.'],
			['og:url', 'https://caravan.example/articles/budget/'],
			['og:site_name', 'Caravan'],
			['og:locale', 'en_GB'],
			['og:image', 'https://caravan.example/cards/articles/budget.png'],
			['og:image:width', '1200'],
			['og:image:height', '630'],
			['og:image:alt', 'Budget passes'],
			['twitter:card', 'summary_large_image'],
			['twitter:title', 'Budget passes'],
			['twitter:description', 'The standfirst.'],
			['twitter:image', 'https://caravan.example/cards/articles/budget.png'],
			['twitter:image:alt', 'Budget passes'],
		]);
	});

	it('adds the article facts, one tag per tag and author', () => {
		const tags = asRecord(
			socialMeta({
				...PAGE,
				article: {
					publishedTime: new Date('2025-12-10T05:00:00Z'),
					modifiedTime: new Date('2025-12-11T05:00:00Z'),
					section: 'Economy',
					tags: ['budget', 'oil'],
					authorUrls: ['https://caravan.example/author/a/', 'https://caravan.example/author/b/'],
				},
			}),
		);
		expect(tags).toContainEqual(['og:type', 'article']);
		expect(tags.filter(([key]) => key.startsWith('article:'))).toEqual([
			['article:published_time', '2025-12-10T05:00:00.000Z'],
			['article:modified_time', '2025-12-11T05:00:00.000Z'],
			['article:section', 'Economy'],
			['article:tag', 'budget'],
			['article:tag', 'oil'],
			['article:author', 'https://caravan.example/author/a/'],
			['article:author', 'https://caravan.example/author/b/'],
		]);
	});
});

describe('metaTagsHtml', () => {
	it('escapes every value in full, and a parser reads back the exact text', () => {
		const hostile = '<script>alert(\'x\')</script> & “quotes” "here"';
		const html = metaTagsHtml(socialMeta({ ...PAGE, title: hostile }));
		expect(html).not.toContain('<script>');
		expect(html).not.toMatch(/content="[^"]*[<>'][^"]*"/);
		const doc = parse(`<!doctype html><html><head>${html}</head><body></body></html>`);
		expect(doc.querySelector('meta[property="og:title"]')?.getAttribute('content')).toBe(hostile);
		expect(doc.querySelector('meta[name="twitter:title"]')?.getAttribute('content')).toBe(hostile);
		expect(doc.querySelectorAll('meta')).toHaveLength(15);
	});
});
