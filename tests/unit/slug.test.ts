import { describe, expect, it } from 'vitest';
import { slugFromPath, slugify, transliterate } from '../../src/lib/slug.ts';

describe('slugify', () => {
	it('lower-cases, hyphenates and drops punctuation', () => {
		expect(slugify('Kazakhstan’s Budget: 2026')).toBe('kazakhstans-budget-2026');
		expect(slugify("Kazakhstan's budget")).toBe('kazakhstans-budget');
		expect(slugify('  Oil & Gas -- 2025!  ')).toBe('oil-gas-2025');
		expect(slugify('Aigerim Sadykova')).toBe('aigerim-sadykova');
	});

	it('transliterates Russian Cyrillic', () => {
		expect(slugify('Бюджет')).toBe('byudzhet');
		expect(slugify('Ёлка и щука')).toBe('yolka-i-shchuka');
		expect(slugify('Объявление, съезд')).toBe('obyavlenie-sezd');
		expect(slugify('Центральная Азия')).toBe('tsentralnaya-aziya');
	});

	it.each([
		['ә', 'a'],
		['ғ', 'gh'],
		['қ', 'q'],
		['ң', 'ng'],
		['ө', 'o'],
		['ұ', 'u'],
		['ү', 'u'],
		['һ', 'h'],
		['і', 'i'],
	])('transliterates the Kazakh letter %s (and its capital) to "%s"', (letter, ascii) => {
		expect(slugify(letter)).toBe(ascii);
		expect(slugify(letter.toUpperCase())).toBe(ascii);
		expect(slugify(`x${letter}x`)).toBe(`x${ascii}x`);
	});

	it('transliterates whole Kazakh phrases', () => {
		expect(slugify('Бюджет Қазақстана')).toBe('byudzhet-qazaqstana');
		expect(slugify('Қазақстан Республикасы')).toBe('qazaqstan-respublikasy');
		expect(slugify('Әуезов көшесі')).toBe('auezov-koshesi');
		expect(slugify('Ұлттық қор')).toBe('ulttyq-qor');
		expect(slugify('Шымкент өңірі')).toBe('shymkent-ongiri');
	});

	it('transliterates Tajik and Uzbek Cyrillic letters', () => {
		expect(slugify('Ҷумҳурии Тоҷикистон')).toBe('jumhurii-tojikiston');
		expect(slugify('Ўзбекистон')).toBe('ozbekiston');
	});

	it('always gives ASCII letters, digits and single hyphens', () => {
		const inputs = [
			'Әлем жаңалықтары 2025',
			'ҒЫЛЫМ ҚҰНДЫЛЫҒЫ',
			'Crème brûlée à Almaty',
			'Ñandú — 5%',
			'Душанбе: ҳисобот',
		];
		for (const input of inputs) expect(slugify(input)).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
	});

	it('strips Latin accents', () => {
		expect(slugify('Crème brûlée')).toBe('creme-brulee');
	});

	it('gives an empty slug for text without letters or digits', () => {
		expect(slugify('—!?')).toBe('');
	});

	it('gives the same slug to spellings that differ only in case and punctuation', () => {
		expect(slugify('Oil')).toBe(slugify('OIL'));
		expect(slugify('Aral Sea')).toBe(slugify('aral-sea'));
	});
});

describe('transliterate', () => {
	it('keeps capitals capitalised and non-Cyrillic text as is', () => {
		expect(transliterate('Щука')).toBe('Shchuka');
		expect(transliterate('Қазақстан 2025!')).toBe('Qazaqstan 2025!');
		expect(transliterate('Almaty')).toBe('Almaty');
	});
});

describe('slugFromPath', () => {
	it('uses the file name without extension', () => {
		expect(slugFromPath('foo.md')).toBe('foo');
		expect(slugFromPath('foo.mdx')).toBe('foo');
	});

	it('uses the folder name for <slug>/index.md', () => {
		expect(slugFromPath('foo/index.md')).toBe('foo');
		expect(slugFromPath('foo/index.mdx')).toBe('foo');
		expect(slugFromPath('2025/foo/index.md')).toBe('foo');
	});

	it('ignores folders above the file', () => {
		expect(slugFromPath('ru/bar.mdx')).toBe('bar');
		expect(slugFromPath('2025/12/bar.md')).toBe('bar');
	});

	it('accepts Windows separators', () => {
		expect(slugFromPath('ru\\bar.md')).toBe('bar');
		expect(slugFromPath('foo\\index.md')).toBe('foo');
	});

	it('keeps a top-level index.md as "index"', () => {
		expect(slugFromPath('index.md')).toBe('index');
	});

	it('drops the extension whatever its case', () => {
		expect(slugFromPath('foo.MD')).toBe('foo');
	});
});
