/** The index chunks a query needs, as Pagefind's `request_indexes` picks them (src/lib/searchChunks.ts). */
import { describe, expect, it } from 'vitest';
import { chunksForQuery, chunkTableText, readChunkTable, type IndexChunk } from '../../src/lib/searchChunks.ts';

const CHUNKS: IndexChunk[] = [
	['00', '2007', 'en_a'],
	['aa', 'alm', 'en_b'],
	['aln', 'water', 'en_c'],
	['waters', 'zz', 'en_d'],
	['а', 'яя', 'ru_e'],
];

describe('chunksForQuery', () => {
	it('finds the chunk whose range holds each word, its bounds included', () => {
		expect(chunksForQuery('water', CHUNKS)).toEqual(['en_c']);
		expect(chunksForQuery('aln', CHUNKS)).toEqual(['en_c']);
		expect(chunksForQuery('waters', CHUNKS)).toEqual(['en_d']);
		expect(chunksForQuery('2007', CHUNKS)).toEqual(['en_a']);
	});

	it('lowercases as Pagefind does, and gives each chunk once, sorted, for several words', () => {
		expect(chunksForQuery('  Water  Akmola water ', CHUNKS)).toEqual(['en_b', 'en_c']);
		expect(chunksForQuery('Вода', CHUNKS)).toEqual(['ru_e']);
	});

	it('words between two chunks need none; a query no chunk holds is left to Pagefind', () => {
		expect(chunksForQuery('water 3', CHUNKS)).toEqual(['en_c']);
		expect(chunksForQuery('3', CHUNKS)).toEqual([]);
	});

	it('predicts nothing where Pagefind rewrites the words: punctuation, diacritics, quotes', () => {
		expect(chunksForQuery('', CHUNKS)).toEqual([]);
		expect(chunksForQuery('"water"', CHUNKS)).toEqual([]);
		expect(chunksForQuery('water-supply', CHUNKS)).toEqual([]);
		expect(chunksForQuery('café', CHUNKS)).toEqual([]);
		expect(chunksForQuery('йод', CHUNKS)).toEqual([]);
	});
});

describe('the chunk table the search page carries', () => {
	it('reads back what the build writes', () => {
		expect(chunkTableText(CHUNKS)).toBe('00 2007 en_a aa alm en_b aln water en_c waters zz en_d а яя ru_e');
		expect(readChunkTable(chunkTableText(CHUNKS))).toEqual(CHUNKS);
	});

	it('is empty when missing or malformed, so the page only skips its preload', () => {
		expect(readChunkTable(undefined)).toEqual([]);
		expect(readChunkTable('')).toEqual([]);
		expect(readChunkTable('00 2007')).toEqual([]);
	});
});
