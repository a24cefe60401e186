import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/ui.ts';
import { pageFrame, type PageFrameInput } from '../../src/lib/pageFrame.ts';

const SITE = { name: 'Caravan', url: 'https://caravan.example' };
const IMAGE = {
	url: 'https://caravan.example/cards/site.png',
	width: 1200,
	height: 630,
	alt: 'Caravan',
};

const page = (overrides: Partial<PageFrameInput> = {}): PageFrameInput => ({
	lang: 'en',
	description: 'The standfirst.',
	path: '/articles/budget/',
	image: IMAGE,
	alternates: [],
	...overrides,
});

const content = (frame: ReturnType<typeof pageFrame>, key: string) =>
	frame.meta
		.filter((tag) => ('property' in tag ? tag.property : tag.name) === key)
		.map((tag) => tag.content);

describe('pageFrame', () => {
	it("titles a page with its title and the site's name; the front page with name and tagline", () => {
		expect(pageFrame(page({ title: 'Budget passes' }), SITE).title).toBe('Budget passes | Caravan');
		expect(pageFrame(page({ path: '/' }), SITE).title).toBe(`Caravan: ${t('en').tagline}`);
		expect(pageFrame(page({ lang: 'ru', path: '/ru/' }), SITE).title).toBe(
			`Caravan: ${t('ru').tagline}`,
		);
	});

	it('makes the canonical URL absolute, and OpenGraph uses it and the page title alone', () => {
		const frame = pageFrame(page({ title: 'Budget passes' }), SITE);
		expect(frame.canonical).toBe('https://caravan.example/articles/budget/');
		expect(content(frame, 'og:url')).toEqual(['https://caravan.example/articles/budget/']);
		expect(content(frame, 'og:title')).toEqual(['Budget passes']);
		expect(content(frame, 'og:type')).toEqual(['website']);
	});

	it("names the edition's locale and the other editions' as alternates", () => {
		const frame = pageFrame(page({ lang: 'ru', path: '/ru/' }), SITE);
		expect(content(frame, 'og:locale')).toEqual(['ru_RU']);
		expect(content(frame, 'og:locale:alternate')).toEqual(['en_GB']);
		expect(content(frame, 'og:title')).toEqual([`Caravan: ${t('ru').tagline}`]);
	});

	it('links a translated page both ways and switches to the translation', () => {
		const frame = pageFrame(
			page({ alternates: [{ lang: 'ru', href: '/ru/articles/byudzhet/' }] }),
			SITE,
		);
		expect(frame.hreflang).toEqual([
			{ hreflang: 'en', href: 'https://caravan.example/articles/budget/' },
			{ hreflang: 'ru', href: 'https://caravan.example/ru/articles/byudzhet/' },
			{ hreflang: 'x-default', href: 'https://caravan.example/articles/budget/' },
		]);
		expect(frame.switchTo).toEqual({
			lang: 'ru',
			href: '/ru/articles/byudzhet/',
			label: t('en').readInOther,
		});
	});

	it("has no hreflang without translations, and switches to the other edition's front page", () => {
		const frame = pageFrame(page(), SITE);
		expect(frame.hreflang).toEqual([]);
		expect(frame.switchTo).toEqual({ lang: 'ru', href: '/ru/', label: t('en').otherEditionHome });
	});

	it('describes an article with its facts', () => {
		const published = new Date('2025-12-10T05:00:00Z');
		const article = {
			publishedTime: published,
			modifiedTime: published,
			section: 'Economy',
			tags: ['Budget'],
			authorUrls: [],
		};
		const frame = pageFrame(page({ title: 'Budget passes', article }), SITE);
		expect(content(frame, 'og:type')).toEqual(['article']);
		expect(content(frame, 'article:published_time')).toEqual(['2025-12-10T05:00:00.000Z']);
		expect(content(frame, 'article:tag')).toEqual(['Budget']);
	});
});
