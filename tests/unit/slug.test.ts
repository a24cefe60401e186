import { describe, expect, it } from 'vitest';
import { slugFromPath, slugify, transliterate } from '../../src/lib/slug.ts';
import { uniqueSlug } from '../../src/lib/scaffold.ts';

describe('transliterate', () => {
	it('turns Russian Cyrillic into ASCII, keeping capitals and other text', () => {
		expect(transliterate('Щука и ёж: Жизнь')).toBe('Shchuka i yozh: Zhizn');
		expect(transliterate('Объём, съезд')).toBe('Obyom, sezd');
	});

	it('covers the Kazakh, Kyrgyz, Tajik and Uzbek letters', () => {
		expect(transliterate('Қазақстан')).toBe('Qazaqstan');
		expect(transliterate('әғқңөұүһі')).toBe('aghqngouuhi');
		expect(transliterate('Кыргызстан, Үргүл')).toBe('Kyrgyzstan, Urgul');
		expect(transliterate('Тоҷикистон, Ҳисор, Ӯ')).toBe('Tojikiston, Hisor, U');
		expect(transliterate('Ўзбекистон')).toBe('Ozbekiston');
	});

	it('leaves Latin text alone', () => {
		expect(transliterate("O'zbekiston 2026")).toBe("O'zbekiston 2026");
	});
});

describe('slugify', () => {
	it('makes lower-case hyphenated ASCII', () => {
		expect(slugify("Kazakhstan's Budget: 2026")).toBe('kazakhstans-budget-2026');
		expect(slugify('  --Hello,   World!--  ')).toBe('hello-world');
	});

	it('transliterates Cyrillic and Kazakh headlines', () => {
		expect(slugify('Бюджет Қазақстана на 2027 год')).toBe('byudzhet-qazaqstana-na-2027-god');
		expect(slugify('Өскемен: жаңа көпір')).toBe('oskemen-zhanga-kopir');
	});

	it('drops accents and apostrophes of every kind', () => {
		expect(slugify('Café ‘Nur’ – Türkistan’s crème')).toBe('cafe-nur-turkistans-creme');
	});

	it('gives an empty slug for text without letters or digits', () => {
		expect(slugify('!!! ??? …')).toBe('');
	});
});

describe('slugFromPath', () => {
	it('uses the file name, or the folder for index files', () => {
		expect(slugFromPath('budget-2027.md')).toBe('budget-2027');
		expect(slugFromPath('story.mdx')).toBe('story');
		expect(slugFromPath('photo-essay/index.md')).toBe('photo-essay');
		expect(slugFromPath('2025\\winter\\index.mdx')).toBe('winter');
	});
});

describe('uniqueSlug', () => {
	it('keeps a free slug and appends -2, -3 to taken ones', () => {
		const taken = new Set(['budget-vote', 'budget-vote-2']);
		expect(uniqueSlug('Free headline', (s) => taken.has(s))).toBe('free-headline');
		expect(uniqueSlug('Budget vote', (s) => taken.has(s))).toBe('budget-vote-3');
	});

	it('falls back to "story" when the headline has no usable letters', () => {
		expect(uniqueSlug('???', () => false)).toBe('story');
	});

	it('caps very long headlines without a trailing hyphen', () => {
		const slug = uniqueSlug(`${'word '.repeat(40)}end`, () => false);
		expect(slug.length).toBeLessThanOrEqual(80);
		expect(slug.endsWith('-')).toBe(false);
	});
});
