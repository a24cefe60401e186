/**
 * `npm run bench` end to end on a tiny corpus, without Hugo: it must keep producing a JSON result,
 * a Markdown report and an SVG chart that are well-formed. Timings are never asserted.
 */
import { spawnSync } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BenchResults } from '../../scripts/bench/results.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { cleanEnv, ROOT, tempDir, withBuildLock } from '../helpers/site.ts';
import type { Browser } from 'playwright-core';

let out: string;
let work: string;
let run: { status: number | null; stdout: string; stderr: string };
let browser: Browser;

beforeAll(async () => {
	out = await tempDir('caravan-bench-results-');
	work = await tempDir('caravan-bench-work-');
	// The bench builds twice through the project's .astro/: not while another test builds.
	const result = await withBuildLock(() =>
		spawnSync(process.execPath, [path.join(ROOT, 'scripts/bench.ts'), '--articles', '30', '--out', out, '--work', work], {
			cwd: ROOT,
			encoding: 'utf8',
			env: cleanEnv(),
		}),
	);
	run = { status: result.status, stdout: result.stdout, stderr: result.stderr };
	browser = await launchBrowser();
}, 600_000);

afterAll(async () => {
	await browser?.close();
	await Promise.all([out, work].map((dir) => dir && rm(dir, { recursive: true, force: true })));
});

describe('npm run bench --articles 30', () => {
	it('finishes, showing its progress', () => {
		expect(run.status, run.stderr).toBe(0);
		expect(run.stderr).toMatch(/\[bench\] .*30 articles: cold build/);
		expect(run.stderr).toMatch(/\[bench\] caravan warm rebuild: [\d.]+ s/);
	});

	it('writes results.json with the corpus, every step of the cold and warm builds, the output and search', async () => {
		const results = JSON.parse(await readFile(path.join(out, 'results.json'), 'utf8')) as BenchResults;
		expect(results.version).toBe(1);
		expect(results.machine.cores).toBeGreaterThan(0);
		expect(results.sizes).toHaveLength(1);
		const [size] = results.sizes;
		expect(size?.articles).toBe(30);
		expect(size?.corpus.published).toBe(28);
		const cold = size?.caravan.cold;
		expect(cold?.seconds).toBeGreaterThan(0);
		expect(cold?.steps.map((s) => s.name).slice(0, 2)).toEqual(['check', 'astro build']);
		for (const step of cold?.steps ?? []) {
			expect(step.seconds).toBeGreaterThan(0);
			expect(step.peakRssBytes).toBeGreaterThan(10 * 2 ** 20);
		}
		expect(cold?.steps[1]?.files).toBeGreaterThan(28);
		expect(cold?.steps[1]?.cpuSeconds).toBeGreaterThan(0.5);
		// The whole command includes the Astro step (both sampled, so within a tick or two).
		expect(cold?.cpuSeconds).toBeGreaterThan(0.9 * (cold?.steps[1]?.cpuSeconds ?? Infinity));
		expect(size?.caravan.warm?.steps.map((s) => s.name).slice(0, 2)).toEqual(['check', 'astro build']);
		expect(size?.caravan.output.articlePage?.path).toMatch(/^articles\/[^/]+\/index\.html$/);
		expect(size?.caravan.output.articlePage?.htmlGzipBytes).toBeGreaterThan(500);
		expect(size?.caravan.search?.query).toBe('water');
		// Either measured (search is built) or explained.
		const search = size?.caravan.search;
		if (search?.api) expect(search.api.bytes).toBeGreaterThan(0);
		else expect(search?.notes.length).toBeGreaterThan(0);
		expect(size?.hugo).toBeUndefined();
	});

	it('writes results.md with well-formed tables', async () => {
		const markdown = await readFile(path.join(out, 'results.md'), 'utf8');
		expect(markdown).toMatch(/^# Caravan benchmark\n/);
		const rows = markdown.split('\n').filter((line) => line.startsWith('|'));
		expect(rows.length).toBeGreaterThan(15);
		expect(markdown).toContain('## 30 articles');
		expect(markdown).toMatch(/\| validation \| [\d.]+ s \|/);
		// The report on stdout is the same Markdown.
		expect(run.stdout).toContain('## 30 articles');
	});

	it('writes chart.svg that Chromium parses as SVG and draws', async () => {
		const svg = await readFile(path.join(out, 'chart.svg'), 'utf8');
		const page = await browser.newPage();
		const parsed = await page.evaluate((text) => {
			const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
			return { error: doc.querySelector('parsererror')?.textContent ?? '', root: doc.documentElement.localName, points: doc.querySelectorAll('circle').length };
		}, svg);
		expect(parsed).toEqual({ error: '', root: 'svg', points: 3 });
		await page.setContent(svg);
		const box = await page.locator('svg').boundingBox();
		expect(box?.width).toBeGreaterThan(500);
		await page.close();
	});
});
