/**
 * The index chunks a query needs, as Pagefind's `request_indexes` picks them (src/lib/searchChunks.ts),
 * and the chunk table the build reads from a bundle's metadata (scripts/lib/searchIndex.ts).
 */
import { gzipSync } from 'node:zlib';
import { encode } from 'cborg';
import { describe, expect, it } from 'vitest';
import { metaIndexChunks } from '../../scripts/lib/searchIndex.ts';
import {
	chunksForQuery,
	chunkTableText,
	readChunkTable,
	type IndexChunk,
} from '../../src/lib/searchChunks.ts';

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

	it('predicts nothing where Pagefind rewrites the words or splits them otherwise: punctuation, diacritics, quotes, tabs', () => {
		expect(chunksForQuery('', CHUNKS)).toEqual([]);
		expect(chunksForQuery('"water"', CHUNKS)).toEqual([]);
		expect(chunksForQuery('water-supply', CHUNKS)).toEqual([]);
		expect(chunksForQuery('café', CHUNKS)).toEqual([]);
		expect(chunksForQuery('йод', CHUNKS)).toEqual([]);
		expect(chunksForQuery('water\tdam', CHUNKS)).toEqual([]);
		expect(chunksForQuery('water\u00a0dam', CHUNKS)).toEqual([]);
	});
});

describe('the chunk table the search page carries', () => {
	it('reads back what the build writes', () => {
		expect(chunkTableText(CHUNKS)).toBe(
			'00 2007 en_a aa alm en_b aln water en_c waters zz en_d а яя ru_e',
		);
		expect(readChunkTable(chunkTableText(CHUNKS))).toEqual(CHUNKS);
	});

	it('is empty when missing or malformed, so the page only skips its preload', () => {
		expect(readChunkTable(undefined)).toEqual([]);
		expect(readChunkTable('')).toEqual([]);
		expect(readChunkTable('00 2007')).toEqual([]);
	});
});

describe('metaIndexChunks', () => {
	/** A metadata file as Pagefind writes it: signature, then CBOR (version, pages, chunks, filters, sorts), gzipped. */
	const meta = (fields: unknown[]) =>
		gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), encode(fields)]));

	it("reads the chunk table of Pagefind's metadata", () => {
		const chunks = [
			['00', 'alm', 'en_1'],
			['aln', 'zz', 'en_2'],
		];
		expect(metaIndexChunks(meta(['1.6.0', [['en_p', 120]], chunks, [], []]), '1.6.0')).toEqual(
			chunks,
		);
	});

	it('fails the build, saying so, when the layout is not the one read (another Pagefind version)', () => {
		const message = /no index chunk table where Caravan reads it \(was Pagefind upgraded\?\)/;
		expect(() => metaIndexChunks(meta(['1.7.0', [], [['00', 'zz', 'en_1']]]), '1.6.0')).toThrow(
			message,
		);
		expect(() => metaIndexChunks(meta(['1.6.0', [], [['00', 'zz']]]), '1.6.0')).toThrow(message);
		expect(() =>
			metaIndexChunks(gzipSync(encode(['1.6.0', [], [['00', 'zz', 'en_1']]])), '1.6.0'),
		).toThrow(message);
	});
});
