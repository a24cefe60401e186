import { describe, expect, it } from 'vitest';
// The front-matter parser Astro's content loader uses for .md and .mdx (js-yaml, default schema).
import { parseFrontmatter as ownParse } from '../../src/lib/frontmatter.ts';
import { COUNTRIES, SECTIONS, TICKER } from '../../src/config.ts';
import {
	ARTICLE_KEYS,
	articleSchema,
	correctionSchema,
	tickerSchema,
} from '../../src/lib/schema.ts';

const BASE = {
	title: 'A headline',
	date: '2025-12-17',
	author: 'Aigerim Sadykova',
	section: 'economy',
} as const;

function parse(overrides: Record<string, unknown> = {}, without: string[] = []) {
	const input: Record<string, unknown> = { ...BASE, ...overrides };
	for (const key of without) delete input[key];
	return articleSchema.safeParse(input);
}

/** The output of a valid input (fails the test with the issues otherwise). */
function valid(overrides: Record<string, unknown> = {}) {
	const result = parse(overrides);
	if (!result.success)
		throw new Error(`expected valid, got ${JSON.stringify(result.error.issues)}`);
	return result.data;
}

/** The issues of an invalid input, as `path: message`. */
function issues(overrides: Record<string, unknown> = {}, without: string[] = []): string[] {
	const result = parse(overrides, without);
	if (result.success) throw new Error(`expected invalid, got ${JSON.stringify(result.data)}`);
	return result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

const SECTION_LIST = 'politics, economy, society, tech, culture, energy, security, opinion';

describe('articleSchema: a minimal valid article', () => {
	it('fills in the defaults', () => {
		expect(valid()).toEqual({
			title: 'A headline',
			date: new Date('2025-12-16T19:00:00Z'),
			author: ['Aigerim Sadykova'],
			section: 'economy',
			countries: [],
			tags: [],
			draft: false,
			corrections: [],
		});
	});
});

describe('articleSchema: title', () => {
	it('is required', () => {
		expect(issues({}, ['title'])).toEqual(['title: expected a headline as text']);
	});

	it.each(['', '   '])('must not be empty (%j)', (title) => {
		expect(issues({ title })).toEqual(['title: must not be empty, expected a headline']);
	});

	it('must be text', () => {
		expect(issues({ title: 42 })).toEqual(['title: expected a headline as text']);
	});

	it('is trimmed', () => {
		expect(valid({ title: '  Budget approved \n' }).title).toBe('Budget approved');
	});
});

describe('articleSchema: author', () => {
	it('reads one name as a list of one', () => {
		expect(valid({ author: 'Aigerim Sadykova' }).author).toEqual(['Aigerim Sadykova']);
	});

	it('reads a list of names as is', () => {
		expect(valid({ author: ['Aigerim Sadykova', 'Farrukh Nazarov'] }).author).toEqual([
			'Aigerim Sadykova',
			'Farrukh Nazarov',
		]);
	});

	it('trims names', () => {
		expect(valid({ author: [' Aigerim Sadykova '] }).author).toEqual(['Aigerim Sadykova']);
	});

	it('is required', () => {
		expect(parse({}, ['author']).success).toBe(false);
	});

	it.each([[''], [['Aigerim Sadykova', '']], [42], [{ name: 'x' }]])('rejects %j', (author) => {
		const result = parse({ author });
		expect(result.success).toBe(false);
		expect(result.error?.issues.every((i) => i.path[0] === 'author')).toBe(true);
	});
});

describe('articleSchema: section', () => {
	it('lists exactly the configured sections', () => {
		expect(SECTIONS.join(', ')).toBe(SECTION_LIST);
	});

	it.each([...SECTIONS])('accepts %s', (section) => {
		expect(valid({ section }).section).toBe(section);
	});

	it.each(['sport', 'Economy', 'economy ', ''])('rejects %j, naming the sections', (section) => {
		expect(issues({ section })).toEqual([
			`section: ${JSON.stringify(section)} is not a section, expected one of ${SECTION_LIST}`,
		]);
	});

	it('is required', () => {
		expect(issues({}, ['section'])).toEqual([`section: expected one of ${SECTION_LIST}`]);
	});
});

describe('articleSchema: countries', () => {
	it('lists exactly the configured countries', () => {
		expect([...COUNTRIES]).toEqual([
			'kazakhstan',
			'kyrgyzstan',
			'tajikistan',
			'turkmenistan',
			'uzbekistan',
			'afghanistan',
			'region',
		]);
	});

	it('accepts every configured country, alone or in a list', () => {
		for (const country of COUNTRIES) {
			expect(valid({ countries: country }).countries).toEqual([country]);
		}
		expect(valid({ countries: ['kazakhstan', 'region'] }).countries).toEqual([
			'kazakhstan',
			'region',
		]);
	});

	it('defaults to none', () => {
		expect(valid().countries).toEqual([]);
	});

	it.each(['mongolia', 'Kazakhstan', ['kazakhstan', 'mars']])('rejects %j', (countries) => {
		const result = parse({ countries });
		expect(result.success).toBe(false);
		expect(result.error?.issues.map((i) => i.path[0])).toEqual(['countries']);
	});
});

describe('articleSchema: tags', () => {
	it('reads one tag or a list of them', () => {
		expect(valid({ tags: 'oil' }).tags).toEqual(['oil']);
		expect(valid({ tags: ['oil', 'budget'] }).tags).toEqual(['oil', 'budget']);
	});

	it('de-duplicates tags with the same slug', () => {
		const tags = valid({ tags: ['Oil', 'budget', 'oil', 'OIL'] }).tags;
		expect(tags).toHaveLength(2);
		expect(tags.map((t) => t.toLowerCase())).toEqual(['oil', 'budget']);
	});

	it('rejects empty tags', () => {
		expect(parse({ tags: ['oil', ' '] }).success).toBe(false);
	});
});

describe('articleSchema: date and updated', () => {
	it('reads a date-only value as the start of that day in Almaty', () => {
		expect(valid({ date: '2025-12-17' }).date.toISOString()).toBe('2025-12-16T19:00:00.000Z');
	});

	it('keeps the offset of a date-time', () => {
		expect(valid({ date: '2025-12-17T09:30:00+05:00' }).date.toISOString()).toBe(
			'2025-12-17T04:30:00.000Z',
		);
	});

	it.each(['2025-13-45', '2025-02-30'])('rejects the impossible date %s', (date) => {
		expect(issues({ date })).toEqual([`date: "${date}" is not a real calendar date`]);
	});

	it('accepts 29 February 2024', () => {
		expect(parse({ date: '2024-02-29' }).success).toBe(true);
	});

	it('rejects a value that is not a date', () => {
		expect(issues({ date: 20251217 })).toEqual([
			'date: expected a date like 2025-12-17 or 2025-12-17T09:30:00+05:00',
		]);
		expect(issues({ date: 'last Tuesday' })[0]).toMatch(
			/^date: "last Tuesday" is not a date; expected YYYY-MM-DD/,
		);
	});

	it('is required', () => {
		expect(parse({}, ['date']).success).toBe(false);
	});

	it('accepts updated on or after date', () => {
		expect(valid({ updated: '2025-12-17' }).updated).toEqual(new Date('2025-12-16T19:00:00Z'));
		expect(valid({ updated: '2025-12-18T10:00:00+05:00' }).updated?.toISOString()).toBe(
			'2025-12-18T05:00:00.000Z',
		);
	});

	it('rejects updated before date', () => {
		expect(
			issues({ date: '2025-12-17T10:00:00+05:00', updated: '2025-12-17T09:59:59+05:00' }),
		).toEqual(['updated: is before `date`, expected a time on or after it']);
		expect(issues({ updated: '2025-12-16' })).toEqual([
			'updated: is before `date`, expected a time on or after it',
		]);
	});

	it('rejects an impossible updated date', () => {
		expect(issues({ updated: '2025-02-30' })).toEqual([
			'updated: "2025-02-30" is not a real calendar date',
		]);
	});
});

describe('articleSchema: dates as the content collection loads them (unquoted YAML)', () => {
	// The collection re-reads front-matter with src/lib/frontmatter.ts (YAML core schema), so
	// unquoted timestamps reach the schema as the text the writer typed.
	const load = (frontMatter: string) =>
		articleSchema.parse(
			ownParse(`---\n${frontMatter}\ntitle: T\nauthor: A\nsection: economy\n---\nBody.\n`).data,
		);

	it('reads an unquoted date-only value as the start of that day in Almaty', () => {
		expect(load('date: 2025-12-17').date.toISOString()).toBe('2025-12-16T19:00:00.000Z');
	});

	it('keeps the offset of an unquoted date-time', () => {
		expect(load('date: 2025-12-17T09:30:00+05:00').date.toISOString()).toBe(
			'2025-12-17T04:30:00.000Z',
		);
	});

	it('keeps the offset of an unquoted date-time that falls on midnight UTC', () => {
		// js-yaml would yield the same Date for this as for `2025-12-17`.
		expect(load('date: 2025-12-17T05:00:00+05:00').date.toISOString()).toBe(
			'2025-12-17T00:00:00.000Z',
		);
		expect(load('date: 2025-12-17T00:00:00Z').date.toISOString()).toBe('2025-12-17T00:00:00.000Z');
	});

	it('rejects an unquoted impossible date instead of rolling it over', () => {
		expect(() => load('date: 2025-02-30')).toThrow(/2025-02-30/);
	});

	it('refuses Date objects: every date must arrive as text', () => {
		expect(issues({ date: new Date('2025-12-17T00:00:00Z') })).toEqual([
			'date: expected a date like 2025-12-17 or 2025-12-17T09:30:00+05:00',
		]);
	});
});

describe('articleSchema: other fields', () => {
	it('rejects unknown keys', () => {
		const result = parse({ sectoin: 'economy' });
		expect(result.success).toBe(false);
		expect(result.error?.issues).toEqual([
			expect.objectContaining({ code: 'unrecognized_keys', keys: ['sectoin'], path: [] }),
		]);
	});

	it('reads draft as a boolean, false by default', () => {
		expect(valid().draft).toBe(false);
		expect(valid({ draft: true }).draft).toBe(true);
		expect(issues({ draft: 'yes' })).toEqual(['draft: expected true or false']);
	});

	it('trims the summary', () => {
		expect(valid({ summary: '  A standfirst. ' }).summary).toBe('A standfirst.');
		expect(issues({ summary: 42 })).toEqual(['summary: expected plain text']);
	});

	it('knows every documented key', () => {
		expect(ARTICLE_KEYS).toEqual([
			'title',
			'date',
			'author',
			'section',
			'countries',
			'tags',
			'summary',
			'updated',
			'draft',
			'image',
			'lang',
			'translationOf',
			'corrections',
		]);
	});
});

describe('articleSchema: image', () => {
	it('accepts an image with alt text', () => {
		const image = {
			src: './lead.jpg',
			alt: 'Deputies voting',
			caption: 'The vote',
			credit: 'Caravan',
		};
		expect(valid({ image }).image).toEqual(image);
	});

	it('requires src', () => {
		expect(issues({ image: { alt: 'x' } })).toEqual(['image.src: expected the image file as text']);
		expect(issues({ image: { src: ' ', alt: 'x' } })).toEqual([
			'image.src: must not be empty, expected the image file',
		]);
	});

	it('requires alt text', () => {
		expect(issues({ image: { src: './lead.jpg' } })).toEqual([
			'image.alt: is missing, expected a description of the image (or `decorative: true`)',
		]);
	});

	it.each(['', '   '])('rejects an empty alt (%j) on a non-decorative image', (alt) => {
		const expected = [
			'image.alt: is empty, expected a description of the image (or `decorative: true`)',
		];
		expect(issues({ image: { src: './lead.jpg', alt } })).toEqual(expected);
		expect(issues({ image: { src: './lead.jpg', alt, decorative: false } })).toEqual(expected);
	});

	it('accepts an empty alt on a decorative image', () => {
		expect(
			valid({ image: { src: './rule.png', alt: '', decorative: true } }).image?.decorative,
		).toBe(true);
	});

	it('does not require alt on a decorative image', () => {
		expect(parse({ image: { src: './rule.png', decorative: true } }).success).toBe(true);
	});

	it('rejects unknown image keys', () => {
		const result = parse({ image: { src: './lead.jpg', alt: 'x', width: 300 } });
		expect(result.error?.issues).toEqual([
			expect.objectContaining({ code: 'unrecognized_keys', keys: ['width'], path: ['image'] }),
		]);
	});
});

describe('articleSchema: corrections', () => {
	it('reads a list of { date, text }', () => {
		const corrections = valid({
			corrections: [
				{ date: '2025-12-18', text: 'An earlier version misspelt a name.' },
				{ date: '2025-12-19T10:00:00+05:00', text: 'Figures updated.' },
			],
		}).corrections;
		expect(corrections).toEqual([
			{ date: new Date('2025-12-17T19:00:00Z'), text: 'An earlier version misspelt a name.' },
			{ date: new Date('2025-12-19T05:00:00Z'), text: 'Figures updated.' },
		]);
	});

	it('rejects a correction without text or with empty text', () => {
		expect(issues({ corrections: [{ date: '2025-12-18' }] })).toEqual([
			'corrections.0.text: expected the correction as text',
		]);
		expect(issues({ corrections: [{ date: '2025-12-18', text: '' }] })).toEqual([
			'corrections.0.text: must not be empty, expected the correction',
		]);
	});

	it('rejects a correction with an impossible date', () => {
		expect(issues({ corrections: [{ date: '2025-12-40', text: 'x' }] })).toEqual([
			'corrections.0.date: "2025-12-40" is not a real calendar date',
		]);
	});

	it('rejects unknown keys in a correction', () => {
		const result = correctionSchema.safeParse({ date: '2025-12-18', text: 'x', by: 'Editor' });
		expect(result.error?.issues).toEqual([
			expect.objectContaining({ code: 'unrecognized_keys', keys: ['by'] }),
		]);
	});

	it('must be a list', () => {
		expect(issues({ corrections: { date: '2025-12-18', text: 'x' } })).toEqual([
			'corrections: expected a list of { date, text }',
		]);
	});
});

describe('tickerSchema', () => {
	const snapshot = {
		date: '2025-12-17',
		base: 'USD',
		rates: { KGS: 87.41, KZT: 515.46, TJS: 9.2243, TMT: 3.51, UZS: 12050.12 },
	};
	const tickerIssues = (input: unknown) => {
		const result = tickerSchema.safeParse(input);
		if (result.success) throw new Error('expected invalid');
		return result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
	};

	it('accepts a snapshot of the configured currencies', () => {
		expect(tickerSchema.parse(snapshot)).toEqual(snapshot);
	});

	it('accepts a snapshot holding only some of the configured currencies, and others', () => {
		expect(tickerSchema.safeParse({ ...snapshot, rates: { KGS: 87.41, EUR: 0.95 } }).success).toBe(
			true,
		);
	});

	it('rejects a snapshot holding none of the configured currencies', () => {
		expect(tickerIssues({ ...snapshot, rates: { EUR: 0.95 } })).toEqual([
			`rates: holds none of ${TICKER.currencies.join(', ')}`,
		]);
	});

	it.each([-87.41, 0])('rejects the rate %d', (rate) => {
		expect(tickerIssues({ ...snapshot, rates: { KGS: rate } })).toEqual([
			'rates.KGS: must be above 0',
		]);
	});

	it('rejects a rate that is not a number', () => {
		expect(tickerIssues({ ...snapshot, rates: { KGS: '87.41' } })).toEqual([
			'rates.KGS: expected a number of units per 1 base',
		]);
	});

	it('rejects malformed currency codes', () => {
		expect(tickerIssues({ ...snapshot, base: 'usd' })).toEqual([
			'base: expected a three-letter currency code like USD',
		]);
		expect(tickerSchema.safeParse({ ...snapshot, rates: { KGS: 87.41, kzt: 515 } }).success).toBe(
			false,
		);
	});

	it.each(['17.12.2025', '2025-12-17T00:00:00Z', '2025-1-7'])('rejects the date %j', (date) => {
		expect(tickerIssues({ ...snapshot, date })).toEqual([
			'date: expected the snapshot day as YYYY-MM-DD',
		]);
	});

	it.each(['2025-02-30', '2025-13-01', '2025-12-00'])('rejects the impossible day %j', (date) => {
		expect(tickerIssues({ ...snapshot, date })).toEqual([
			'date: is not a real calendar date, expected the snapshot day as YYYY-MM-DD',
		]);
	});

	it('accepts a leap day', () => {
		expect(tickerSchema.safeParse({ ...snapshot, date: '2028-02-29' }).success).toBe(true);
	});

	it('rejects unknown keys', () => {
		expect(tickerSchema.safeParse({ ...snapshot, source: 'api' }).success).toBe(false);
	});
});
