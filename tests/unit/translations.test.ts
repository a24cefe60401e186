import { describe, expect, it } from 'vitest';
import {
	formatDateRange,
	formatEditionDate,
	localiseDecimal,
	plural,
} from '../../src/i18n/format.ts';
import { langOfPath, t } from '../../src/i18n/ui.ts';
import {
	articleLang,
	entryId,
	translationMap,
	translationProblems,
} from '../../src/lib/translations.ts';

const LANGS = ['en', 'ru'];

describe('articleLang', () => {
	it('uses the declared language, else the folder, else the default', () => {
		expect(articleLang('budget.md', undefined, LANGS, 'en')).toEqual({ lang: 'en' });
		expect(articleLang('budget.md', 'ru', LANGS, 'en')).toEqual({ lang: 'ru' });
		expect(articleLang('ru/byudzhet.md', undefined, LANGS, 'en')).toEqual({ lang: 'ru' });
		expect(articleLang('ru/byudzhet/index.md', 'ru', LANGS, 'en')).toEqual({ lang: 'ru' });
		// A story in its own folder named like a language is still just a story folder.
		expect(articleLang('ru/index.md', undefined, ['en'], 'en')).toEqual({ lang: 'en' });
	});

	it('reports a declared language that contradicts the folder', () => {
		expect(articleLang('ru/byudzhet.md', 'en', LANGS, 'en')).toEqual({
			lang: 'en',
			problem: 'is "en" but the file is in the ru/ folder, expected "ru"',
		});
	});
});

describe('langOfPath', () => {
	it('finds the edition of a page from its path', () => {
		expect(
			['/', '/articles/budget/', '/russia/', '/ru', '/ru/', '/ru/articles/byudzhet/'].map(
				langOfPath,
			),
		).toEqual(['en', 'en', 'en', 'ru', 'ru', 'ru']);
	});
});

describe('entryId', () => {
	it('prefixes non-default editions so slugs may repeat across languages', () => {
		expect(entryId('en', 'budget', 'en')).toBe('budget');
		expect(entryId('ru', 'budget', 'en')).toBe('ru/budget');
	});
});

describe('translations', () => {
	const en = { slug: 'budget', lang: 'en' };
	const ru = { slug: 'byudzhet', lang: 'ru', translationOf: 'budget' };
	const alone = { slug: 'alone', lang: 'en' };

	it('links originals and translations both ways', () => {
		const map = translationMap([en, ru, alone]);
		expect(map.get(en)?.get('ru')).toBe(ru);
		expect(map.get(ru)?.get('en')).toBe(en);
		expect(map.get(alone)?.size).toBe(0);
	});

	it('reports unknown slugs, same-language links and translations of translations', () => {
		const unknown = { slug: 'x', lang: 'ru', translationOf: 'nope' };
		const sameLang = { slug: 'y', lang: 'en', translationOf: 'alone' };
		const chained = { slug: 'z', lang: 'en', translationOf: 'byudzhet' };
		expect(
			translationProblems([en, ru, alone, unknown, sameLang, chained]).map((p) => [
				p.article.slug,
				p.message,
			]),
		).toEqual([
			['x', '"nope" is not an article, expected the slug of the original'],
			['y', '"alone" is also in "en", expected an original in another language'],
			['z', '"byudzhet" is itself a translation, expected the original\'s slug'],
		]);
		expect(translationProblems([en, ru, alone])).toEqual([]);
	});
});

describe('Russian plural forms and dates', () => {
	it('reads "1 минута, 2 минуты, 5 минут"', () => {
		expect([1, 2, 5, 11, 21, 22, 25].map((n) => t('ru').readingTime(n))).toEqual([
			'1 минута чтения',
			'2 минуты чтения',
			'5 минут чтения',
			'11 минут чтения',
			'21 минута чтения',
			'22 минуты чтения',
			'25 минут чтения',
		]);
		expect(plural(3, 'ru', { one: 'a', few: 'b', other: 'c' })).toBe('b');
	});
	it('formats edition dates in both languages without the Russian "г."', () => {
		const date = new Date('2025-12-17T07:00:00Z');
		expect(formatEditionDate(date, 'en-GB', 'Asia/Almaty')).toBe('17 December 2025');
		expect(formatEditionDate(date, 'ru-RU', 'Asia/Almaty')).toBe('17 декабря 2025');
	});
	it('formats ranges of days as edition dates are, sharing month and year where they can', () => {
		const day = (iso: string) => new Date(`${iso}T07:00:00Z`);
		const both = (from: string, to: string) =>
			['en-GB', 'ru-RU'].map((locale) =>
				formatDateRange(day(from), day(to), locale, 'Asia/Almaty'),
			);
		expect(both('2025-03-03', '2025-03-09')).toEqual(['3 – 9 March 2025', '3–9 марта 2025']);
		expect(both('2025-02-26', '2025-03-09')).toEqual([
			'26 February – 9 March 2025',
			'26 февраля – 9 марта 2025',
		]);
		expect(both('2024-12-26', '2025-01-09')).toEqual([
			'26 December 2024 – 9 January 2025',
			'26 декабря 2024 – 9 января 2025',
		]);
		expect(both('2025-12-17', '2025-12-17')).toEqual(['17 December 2025', '17 декабря 2025']);
	});
	it('localises decimals', () => {
		expect(localiseDecimal('KGS/USD = 0.01144 -0.37%', ',')).toBe('KGS/USD = 0,01144 -0,37%');
		expect(localiseDecimal('0.01144', '.')).toBe('0.01144');
	});
	it('has the results line in both languages', () => {
		expect(t('en').resultsLine(1, 6, 487)).toBe('Viewing results 1 - 6 of 487');
		expect(t('ru').resultsLine(1, 6, 487)).toBe('Показаны результаты 1 - 6 из 487');
	});
});

describe('dictionaries', () => {
	/** Every leaf of a dictionary: strings must be non-empty, functions must answer with text. */
	function leaves(value: unknown, prefix = ''): [string, unknown][] {
		if (value && typeof value === 'object') {
			return Object.entries(value).flatMap(([key, inner]) =>
				leaves(inner, prefix ? `${prefix}.${key}` : key),
			);
		}
		return [[prefix, value]];
	}

	it('give Russian every key English has, and nothing empty', () => {
		const en = new Map(leaves(t('en')));
		const ru = new Map(leaves(t('ru')));
		// Plural forms may differ by language (Russian has few and many); every other key must match.
		const comparable = (keys: Iterable<string>) =>
			[...keys].filter((key) => !/\.(one|few|many)$/.test(key)).sort();
		expect(comparable(ru.keys())).toEqual(comparable(en.keys()));
		for (const [key, value] of ru) {
			if (typeof value === 'function') expect(String(value(3, 6, 9)), key).not.toBe('');
			else expect(String(value).trim(), key).not.toBe('');
		}
	});

	it('name every section and country in Russian', () => {
		expect(Object.values(t('ru').sections)).not.toContain('');
		expect(t('ru').sections.economy).toBe('Экономика');
		expect(t('ru').countries.kyrgyzstan).toBe('Кыргызстан');
	});
});
