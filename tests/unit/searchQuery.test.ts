import { describe, expect, it } from 'vitest';
import {
	excerptParts,
	isBlank,
	pagefindFilters,
	readSearchState,
	searchStateToQuery,
	type SearchState,
} from '../../src/lib/searchQuery.ts';

const state = (overrides: Partial<SearchState> = {}): SearchState => ({
	query: '',
	filters: { section: [], country: [], author: [], tag: [] },
	sort: 'relevance',
	...overrides,
});

describe('readSearchState', () => {
	it('reads words, filters and order from the query string', () => {
		const read = readSearchState(
			new URLSearchParams('q=+oil+price+&section=Politics&section=Economy&tag=oil&sort=date'),
		);
		expect(read).toEqual(
			state({
				query: 'oil price',
				filters: { section: ['Economy', 'Politics'], country: [], author: [], tag: ['oil'] },
				sort: 'date',
			}),
		);
	});

	it('ignores unknown parameters, blank and repeated values, and unknown orders', () => {
		const read = readSearchState(new URLSearchParams('x=1&author=&author=A&author=A&sort=oldest'));
		expect(read).toEqual(state({ filters: { section: [], country: [], author: ['A'], tag: [] } }));
	});
});

describe('searchStateToQuery', () => {
	it('writes a stable query string that reads back to the same state', () => {
		const original = state({
			query: 'caravan & “lanterns”',
			filters: {
				section: ['Society'],
				country: ['Kazakhstan', 'Afghanistan'],
				author: ["O'Brien <b>"],
				tag: [],
			},
			sort: 'date',
		});
		const query = searchStateToQuery(original);
		expect(query).toBe(
			'?q=caravan+%26+%E2%80%9Clanterns%E2%80%9D&section=Society&country=Afghanistan&country=Kazakhstan&author=O%27Brien+%3Cb%3E&sort=date',
		);
		expect(readSearchState(new URLSearchParams(query))).toEqual({
			...original,
			filters: { ...original.filters, country: ['Afghanistan', 'Kazakhstan'] },
		});
	});

	it('is empty for a blank search with the default order', () => {
		expect(searchStateToQuery(state())).toBe('');
	});
});

describe('isBlank', () => {
	it('is true only without words and without filters', () => {
		expect(isBlank(state())).toBe(true);
		expect(isBlank(state({ sort: 'date' }))).toBe(true);
		expect(isBlank(state({ query: 'oil' }))).toBe(false);
		expect(
			isBlank(state({ filters: { section: [], country: [], author: [], tag: ['oil'] } })),
		).toBe(false);
	});
});

describe('pagefindFilters', () => {
	const filters = { section: ['Economy', 'Politics'], country: [], author: ['A'], tag: [] };

	it('asks for any chosen value within each group that has one', () => {
		expect(pagefindFilters(filters)).toEqual({
			section: { any: ['Economy', 'Politics'] },
			author: { any: ['A'] },
		});
	});

	it('can leave one group out, to count that group’s options', () => {
		expect(pagefindFilters(filters, 'section')).toEqual({ author: { any: ['A'] } });
	});
});

describe('excerptParts', () => {
	it('splits the excerpt into plain and marked runs, undoing Pagefind’s < > escaping', () => {
		expect(
			excerptParts(
				'<mark>&lt;script&gt;alert(1)&lt;/script&gt;</mark> & “quotes” with <mark>two</mark> <mark>words</mark>.',
			),
		).toEqual([
			{ text: '<script>alert(1)</script>', marked: true },
			{ text: ' & “quotes” with ', marked: false },
			{ text: 'two', marked: true },
			{ text: ' ', marked: false },
			{ text: 'words', marked: true },
			{ text: '.', marked: false },
		]);
	});

	it('keeps text without marks whole, and an empty excerpt empty', () => {
		expect(excerptParts('Plain text & more')).toEqual([
			{ text: 'Plain text & more', marked: false },
		]);
		expect(excerptParts('')).toEqual([]);
	});
});
