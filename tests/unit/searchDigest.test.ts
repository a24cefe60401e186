/**
 * The search step's pure parts (scripts/lib/searchIndex.ts): pages grouped into bundles by period,
 * and a bundle's cache digest from its pages' URLs and digests alone, so a build can tell which
 * bundles to index again without reading the pages it restored.
 */
import { describe, expect, it } from 'vitest';
import { bundleDigest, pageDigest, periodBundles } from '../../scripts/lib/searchIndex.ts';

const page = (url: string, day: string, html = url) => ({
	url,
	date: new Date(`${day}T12:00:00Z`),
	digest: pageDigest(html),
});

describe('search bundles of pages', () => {
	it('groups pages by period, newest bundle first, each in the order given', () => {
		const pages = [
			page('/articles/a/', '2026-01-05'),
			page('/articles/b/', '2026-03-02'),
			page('/articles/c/', '2026-01-20'),
			page('/articles/d/', '2026-03-09'),
		];
		const bundles = periodBundles('en', pages, { months: 1 }, 1);
		expect([...bundles.keys()]).toEqual(['/pagefind/en/2026-03-01/', '/pagefind/en/2026-01-01/']);
		expect(bundles.get('/pagefind/en/2026-01-01/')?.map((p) => p.url)).toEqual([
			'/articles/a/',
			'/articles/c/',
		]);
		expect(bundles.get('/pagefind/en/2026-03-01/')?.map((p) => p.url)).toEqual([
			'/articles/b/',
			'/articles/d/',
		]);
		expect(periodBundles('en', [], { months: 1 }, 1).size).toBe(0);
	});

	it('groups 100,000 pages in one bundle in linear time (copying the list for every page took tens of seconds)', () => {
		const many = Array.from({ length: 100_000 }, (_, i) =>
			page(`/articles/${i}/`, `2026-${String(1 + (i % 12)).padStart(2, '0')}-10`),
		);
		const start = performance.now();
		const bundles = periodBundles('en', many, { months: 12 }, 1);
		expect(performance.now() - start).toBeLessThan(2000);
		expect([...bundles.values()].reduce((sum, list) => sum + list.length, 0)).toBe(100_000);
	});

	it('gives a bundle the same digest whatever the order of its pages, and a new one when a page changes', () => {
		const a = page('/articles/a/', '2026-01-05', '<article>A</article>');
		const b = page('/articles/b/', '2026-01-06', '<article>B</article>');
		expect(bundleDigest([a, b])).toBe(bundleDigest([b, a]));
		expect(bundleDigest([a, b])).toMatch(/^[0-9a-f]{32}$/);
		expect(
			bundleDigest([a, { ...b, digest: pageDigest('<article>B, edited</article>') }]),
		).not.toBe(bundleDigest([a, b]));
		expect(bundleDigest([a, { ...b, url: '/articles/b2/' }])).not.toBe(bundleDigest([a, b]));
		expect(bundleDigest([a])).not.toBe(bundleDigest([a, b]));
	});
});
