/** The performance budget, in bytes: HTML, CSS, JavaScript, fonts, image dimensions. */
import { beforeAll, describe, expect, it } from 'vitest';
import { builtSite } from '../../scripts/lib/fixtureSites.ts';
import { badDist } from './badDist.ts';
import { BUDGET, checkBudget } from './checks/budget.ts';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { distFiles } from './checks/dist.ts';

const sites = { sample: '', fixture: '' };
beforeAll(async () => {
	[sites.sample, sites.fixture] = await Promise.all([builtSite('sample'), builtSite('fixture')]);
});

describe.each(['sample', 'fixture'] as const)('the %s site', (site) => {
	it('keeps within the budget', async () => {
		const report = await checkBudget(sites[site]);
		expect(report.problems.map((p) => `${p.file}: ${p.problem}`)).toEqual([]);
		// The numbers it measured are real ones, not zeros from an empty scan.
		expect(report.largestArticleBytes).toBeGreaterThan(5_000);
		expect(report.totalCssBytes).toBeGreaterThan(2_000);
		expect(report.totalCssBytes).toBeLessThanOrEqual(BUDGET.totalCssBytes);
		expect(report.fontFiles).toBeGreaterThan(0);
	});
});

describe.each(['sample', 'fixture'] as const)('the %s site', (site) => {
	it('links one stylesheet, the same on every page and in the edition strip', async () => {
		const linked = new Map<string, string[]>();
		for (const file of await distFiles(sites[site], '.html')) {
			const html = await readFile(path.join(sites[site], file), 'utf8');
			const hrefs = [...html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*>/g)].map((m) => m[0]);
			// Pages without a head of their own (redirects) link none.
			if (!hrefs.length && !/<body/.test(html)) continue;
			linked.set(hrefs.join(' '), [...(linked.get(hrefs.join(' ')) ?? []), file]);
		}
		expect([...linked.keys()]).toHaveLength(1);
		const [only] = linked.keys();
		expect(only).toMatch(/^<link rel="stylesheet" href="\/_astro\/[^"]+\.css">$/);
		expect(linked.get(only!)).toEqual(
			expect.arrayContaining(['index.html', 'edition/index.html', 'search/index.html']),
		);
	});
});

describe('the checker', () => {
	it('reports oversized HTML and CSS, scripts, remote un-subset fonts and images without size', async () => {
		const report = await checkBudget(await badDist());
		const found = report.problems.map((p) => `${p.file}: ${p.problem}`);
		expect(found).toEqual(
			expect.arrayContaining([
				expect.stringMatching(
					/^articles\/oversized\/index\.html: article HTML is \d+ bytes, over 51200$/,
				),
				expect.stringMatching(/CSS totals \d+ bytes, over 28672$/),
				'articles/linked/index.html: has JavaScript: <script> (only the search page may)',
				'js-only/index.html: has JavaScript: <script src="/_astro/fill.js"> (only the search page may)',
				'articles/linked/index.html: <img src="/favicon.svg"> lacks width or height',
				'_astro/bad.css: @font-face without unicode-range (not subset)',
				'_astro/bad.css: font from another host: https://fonts.example/remote-serif.woff2',
			]),
		);
	});
});
