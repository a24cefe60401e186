/**
 * The patch scripts/patches/astro+7.3.5.patch makes to Astro's chunked content store (used above
 * 30,000 stories): chunk boundaries found by counting UTF-8 bytes from character codes, not by
 * encoding every character on its own (~1 µs a character: ~30 s per 20 MB chunk). The chunks
 * must still rejoin to the original, never split a character, and respect the byte limit.
 */
import { describe, expect, it } from 'vitest';
// An internal module of Astro's (not in its exports map), so by path.
import { chunkString as split } from '../../node_modules/astro/dist/content/data-store-writer.js';

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
