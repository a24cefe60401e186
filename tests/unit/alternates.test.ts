import { describe, expect, it } from 'vitest';
import { SITE } from '../../src/config.ts';
import { t } from '../../src/i18n/ui.ts';
import {
	hreflangLinks,
	languageSwitch,
	listingAlternates,
	sharedAlternates,
	translationAlternates,
} from '../../src/lib/alternates.ts';
import { buildListings } from '../../src/lib/listings.ts';
import { translationMap } from '../../src/lib/translations.ts';
import { decDay, makeArticle } from './fixtures.ts';

const URL_BASE = 'https://caravan.example';

const budget = makeArticle('budget', {
	date: decDay(10),
	section: 'economy',
	countries: ['kazakhstan'],
});
const byudzhet = makeArticle('byudzhet', {
	date: decDay(11),
	section: 'economy',
	lang: 'ru',
	translationOf: 'budget',
});
const untranslated = makeArticle('rogun', { date: decDay(12), section: 'energy' });
const translations = translationMap([budget, byudzhet, untranslated]);

describe('sharedAlternates', () => {
	it('puts the same path under every other edition', () => {
		expect(sharedAlternates('en', '/search/')).toEqual([{ lang: 'ru', href: '/ru/search/' }]);
		expect(sharedAlternates('ru', '/section/')).toEqual([{ lang: 'en', href: '/section/' }]);
	});
});

describe('listingAlternates', () => {
	const en = buildListings([budget, untranslated], t('en'));
	const ru = buildListings([byudzhet], t('ru'), '/ru', t('ru').latest);
	const find = (listings: typeof en, kind: string, key: string) =>
		listings.find((l) => l.kind === kind && l.key === key)!;

	it('links the roots of the front page, sections and countries across editions', () => {
		expect(listingAlternates(find(en, 'home', ''), undefined, 'en')).toEqual([
			{ lang: 'ru', href: '/ru/' },
		]);
		expect(listingAlternates(find(ru, 'home', ''), undefined, 'ru')).toEqual([
			{ lang: 'en', href: '/' },
		]);
		expect(listingAlternates(find(en, 'section', 'economy'), undefined, 'en')).toEqual([
			{ lang: 'ru', href: '/ru/section/economy/' },
		]);
		expect(listingAlternates(find(ru, 'country', 'kazakhstan'), undefined, 'ru')).toEqual([
			{ lang: 'en', href: '/country/kazakhstan/' },
		]);
	});

	it('has none for archive pages, authors and tags (their pages differ between editions)', () => {
		expect(listingAlternates(find(en, 'section', 'economy'), 1, 'en')).toEqual([]);
		expect(listingAlternates(find(en, 'section', 'economy'), 2, 'en')).toEqual([]);
		const author = en.find((l) => l.kind === 'author')!;
		expect(author.basePath).toBe('/author/aigerim-sadykova/');
		expect(listingAlternates(author, undefined, 'en')).toEqual([]);
	});
});

describe('translationAlternates', () => {
	it("lists an article's translations by their URLs", () => {
		expect(translationAlternates(translations.get(budget))).toEqual([
			{ lang: 'ru', href: '/ru/articles/byudzhet/' },
		]);
		expect(translationAlternates(translations.get(byudzhet))).toEqual([
			{ lang: 'en', href: '/articles/budget/' },
		]);
	});

	it('is empty for an article without translations', () => {
		expect(translationAlternates(translations.get(untranslated))).toEqual([]);
	});
});

describe('hreflangLinks', () => {
	it('lists the page itself, its alternates and the English one as x-default, absolute', () => {
		expect(
			hreflangLinks(
				'ru',
				'/ru/articles/byudzhet/',
				[{ lang: 'en', href: '/articles/budget/' }],
				URL_BASE,
			),
		).toEqual([
			{ hreflang: 'ru', href: 'https://caravan.example/ru/articles/byudzhet/' },
			{ hreflang: 'en', href: 'https://caravan.example/articles/budget/' },
			{ hreflang: 'x-default', href: 'https://caravan.example/articles/budget/' },
		]);
		expect(
			hreflangLinks('en', '/', sharedAlternates('en', '/'), SITE.url).map((link) => link.hreflang),
		).toEqual(['en', 'ru', 'x-default']);
	});

	it('has no x-default without an English page', () => {
		expect(
			hreflangLinks('ru', '/ru/x/', [{ lang: 'ru', href: '/ru/y/' }], URL_BASE).map(
				(link) => link.hreflang,
			),
		).toEqual(['ru', 'ru']);
	});

	it('is empty for a page without translations', () => {
		expect(hreflangLinks('en', '/author/aigerim-sadykova/', [], URL_BASE)).toEqual([]);
	});
});

describe('languageSwitch', () => {
	it('goes to the translation, saying so in the other language', () => {
		expect(languageSwitch('en', [{ lang: 'ru', href: '/ru/articles/byudzhet/' }])).toEqual({
			lang: 'ru',
			href: '/ru/articles/byudzhet/',
			label: t('en').readInOther,
		});
	});

	it("goes to the other edition's front page when the page has no translation", () => {
		expect(languageSwitch('en', [])).toEqual({
			lang: 'ru',
			href: '/ru/',
			label: t('en').otherEditionHome,
		});
		expect(languageSwitch('ru', [])).toEqual({
			lang: 'en',
			href: '/',
			label: t('ru').otherEditionHome,
		});
	});
});
