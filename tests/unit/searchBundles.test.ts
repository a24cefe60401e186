import { describe, expect, it } from 'vitest';
import { bundleHeaderRules, dealIntoBundles, mergedSearchBundles, searchBundleCount, searchBundleFolder } from '../../src/lib/searchBundles.ts';

describe('search bundles', () => {
	it('keeps an edition in one bundle up to the limit, then adds one per limit started', () => {
		expect(searchBundleCount(0, 20_000)).toBe(1);
		expect(searchBundleCount(20_000, 20_000)).toBe(1);
		expect(searchBundleCount(20_001, 20_000)).toBe(2);
		expect(searchBundleCount(100_000, 20_000)).toBe(5);
	});

	it('names the first bundle pagefind/ and the others pagefind-2/, pagefind-3/…', () => {
		expect([0, 1, 2].map(searchBundleFolder)).toEqual(['pagefind', 'pagefind-2', 'pagefind-3']);
	});

	it('has the search page merge only the bundles beyond the first', () => {
		expect(mergedSearchBundles(9_000, 20_000)).toEqual([]);
		expect(mergedSearchBundles(45_000, 20_000)).toEqual(['/pagefind-2/', '/pagefind-3/']);
	});

	it('deals pages round-robin, so bundle sizes differ by at most one and every page lands once', () => {
		const pages = Array.from({ length: 10 }, (_, i) => `p${i}`);
		const bundles = dealIntoBundles(pages, 3);
		expect(bundles).toEqual([
			['p0', 'p3', 'p6', 'p9'],
			['p1', 'p4', 'p7'],
			['p2', 'p5', 'p8'],
		]);
		expect(bundles.flat().sort()).toEqual([...pages].sort());
	});

	it('gives the other bundles the caching rules of /pagefind/, and adds nothing for a single bundle', () => {
		const headers = [
			'# Hashed files',
			'/_astro/*',
			'  Cache-Control: public, max-age=31536000, immutable',
			'/pagefind/fragment/*',
			'  Cache-Control: public, max-age=31536000, immutable',
			'',
			'# Pages',
			'/pagefind/index/*',
			'  Cache-Control: public, max-age=31536000, immutable',
			'  X-Extra: 1',
			'/',
			'  Cache-Control: public, max-age=60',
		].join('\n');
		const rules = bundleHeaderRules(headers, ['pagefind-2', 'pagefind-3']);
		expect(rules.split('\n').filter((line) => line && !line.startsWith('#'))).toEqual([
			'/pagefind-2/fragment/*',
			'  Cache-Control: public, max-age=31536000, immutable',
			'/pagefind-2/index/*',
			'  Cache-Control: public, max-age=31536000, immutable',
			'  X-Extra: 1',
			'/pagefind-3/fragment/*',
			'  Cache-Control: public, max-age=31536000, immutable',
			'/pagefind-3/index/*',
			'  Cache-Control: public, max-age=31536000, immutable',
			'  X-Extra: 1',
		]);
		expect(bundleHeaderRules(headers, [])).toBe('');
	});
});
