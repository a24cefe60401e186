/**
 * The patch scripts/patches/astro+7.3.5.patch makes to Astro's chunked content store (every
 * build's): chunk boundaries found by counting UTF-8 bytes from character codes, not by
 * encoding every character on its own (~1 µs a character: ~30 s per 20 MB chunk). The chunks
 * must still rejoin to the original, never split a character, and respect the byte limit. And a
 * build's pages read each chunk through a function, so no module keeps its text once parsed.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
// Internal modules of Astro's (not in its exports map), so by path.
import {
	ChunkedWriter,
	chunkString as split,
} from '../../node_modules/astro/dist/content/data-store-writer.js';
import { ImmutableDataStore } from '../../node_modules/astro/dist/content/data-store.js';

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

describe("Astro's data store chunks (patched)", () => {
	const text =
		'Қазақ тілі "Алматы" 😀 plain ascii, 中文, a lone \uD800 and \uDC00 surrogate. '.repeat(50);

	it.each([4, 5, 7, 64, 1000])(
		'rejoins to the original and keeps every chunk within %i bytes',
		(maxBytes) => {
			const chunks = split(text, maxBytes);
			expect(chunks.join('')).toBe(text);
			for (const chunk of chunks) expect(bytes(chunk)).toBeLessThanOrEqual(maxBytes);
			// No surrogate pair (the emoji) is cut between two chunks.
			chunks
				.slice(1)
				.forEach((chunk, i) =>
					expect(/[\uD800-\uDBFF]$/.test(chunks[i] ?? '') && /^[\uDC00-\uDFFF]/.test(chunk)).toBe(
						false,
					),
				);
		},
	);

	it('counts bytes as UTF-8 does: 1, 2, 3 and 4 bytes, and 3 for a lone surrogate', () => {
		expect(split('a'.repeat(10), 3)).toEqual(['aaa', 'aaa', 'aaa', 'a']);
		expect(split('яяя', 4)).toEqual(['яя', 'я']);
		expect(split('中中', 3)).toEqual(['中', '中']);
		expect(split('😀😀', 4)).toEqual(['😀', '😀']);
		expect(split('\uD800\uD800', 3)).toEqual(['\uD800', '\uD800']);
	});

	it('lets a character wider than the limit stand alone rather than loop', () => {
		expect(split('😀a', 2)).toEqual(['😀', 'a']);
	});
});

describe("Astro's chunked store read by a build's pages (patched)", () => {
	it('reads chunks a module hands over as functions, as the store was written', async () => {
		const dir = await mkdtemp(path.join(tmpdir(), 'caravan-chunks-'));
		const entries = new Map(
			['a', 'b', 'c'].map((id) => [id, { id, data: { title: `Алматы «water» ${id}` } }]),
		);
		// 64-byte chunks: each record is cut across several, as 20 MB chunks cut a large store.
		await new ChunkedWriter(pathToFileURL(`${dir}/`), 64).write(new Map([['articles', entries]]));
		const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as {
			articles: string[];
		};
		expect(manifest.articles.length).toBeGreaterThan(3);
		let reads = 0;
		const modules = manifest.articles.map((file) => ({
			default: () => {
				reads++;
				return readFileSync(path.join(dir, file), 'utf8');
			},
		}));
		const read = ImmutableDataStore.manifestToMap({ articles: modules });
		expect(reads).toBe(manifest.articles.length);
		expect(read.get('articles')).toEqual(entries);
		await rm(dir, { recursive: true, force: true });
	});
});
