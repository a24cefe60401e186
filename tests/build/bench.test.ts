/**
 * `npm run bench` end to end on a tiny corpus beside Hugo + Pagefind (Debian's hugo, installed by
 * the bench when missing): it must keep producing a JSON result, a Markdown report and an SVG
 * chart that are well-formed, with both pipelines and the social-card timings in them. Timings
 * are never asserted, only that they were measured.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BenchResults } from '../../scripts/bench/results.ts';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { cleanEnv, ROOT, tempDir, withBuildLock } from '../../scripts/lib/fixtureSites.ts';
import type { Browser } from 'playwright-core';

const filesUnder = (dist: string) =>
	readdirSync(dist, { recursive: true, encoding: 'utf8' }).map((file) =>
		file.split(path.sep).join('/'),
	);

/**
 * The English edition's pages and cards, as paths under the output folder: the front page,
 * articles, section, country, author and tag pages (each listing's first page), and social
 * cards. A listing's further pages are counted apart (`listingPageCounts`): Caravan numbers them
 * from the oldest story, Hugo from the newest.
 */
function pageSet(dist: string): Set<string> {
	return new Set(
		filesUnder(dist).filter((file) =>
			/^(index\.html|articles\/[^/]+\/index\.html|(section|country|author|tag)\/([^/]+\/)?index\.html|cards\/.+\.(png|jpg))$/.test(
				file,
			),
		),
	);
}

/**
 * How many pages each listing has, its first included, by its folder (`''` for the front page).
 * Hugo's page/1/ redirects to the first page (Hugo 0.111 always writes them) are not pages;
 * Caravan's page/1/ is its oldest stories.
 */
function listingPageCounts(dist: string, redirects: boolean): Map<string, number> {
	const counts = new Map<string, number>();
	for (const file of filesUnder(dist)) {
		const match =
			/^((?:(?:section|country|author|tag)\/[^/]+\/)?)(?:page\/(\d+)\/)?index\.html$/.exec(file);
		if (!match || (redirects && match[2] === '1')) continue;
		counts.set(match[1] ?? '', (counts.get(match[1] ?? '') ?? 0) + 1);
	}
	return counts;
}

/** `npm run bench` with these arguments; it builds through the project's .astro/, so not while another test builds. */
function runBench(args: string[]) {
	return withBuildLock(() =>
		spawnSync(process.execPath, [path.join(ROOT, 'scripts/bench.ts'), ...args], {
			cwd: ROOT,
			encoding: 'utf8',
			env: cleanEnv(),
		}),
	);
}

let out: string;
let work: string;
let run: { status: number | null; stdout: string; stderr: string };
let browser: Browser;

beforeAll(async () => {
	out = await tempDir('caravan-bench-results-');
	work = await tempDir('caravan-bench-work-');
	const result = await runBench([
		'--articles',
		'30',
		'--baseline',
		'hugo',
		'--keep',
		'--out',
		out,
		'--work',
		work,
	]);
	run = { status: result.status, stdout: result.stdout, stderr: result.stderr };
	browser = await launchBrowser();
}, 600_000);

afterAll(async () => {
	await browser?.close();
	await Promise.all(
		[out, work].filter(Boolean).map((dir) => rm(dir, { recursive: true, force: true })),
	);
});

describe('npm run bench --articles 30 --baseline hugo', () => {
	it('finishes, showing its progress', () => {
		expect(run.status, run.stderr).toBe(0);
		expect(run.stderr).toMatch(/\[bench\] .*30 articles: cold build/);
		expect(run.stderr).toMatch(/\[bench\] caravan warm rebuild: [\d.]+ s/);
		expect(run.stderr).toMatch(/\[bench\] caravan publish one new story, same day: [\d.]+ s/);
		expect(run.stderr).toMatch(/\[bench\] caravan first build of a new day: [\d.]+ s/);
	});

	it('writes results.json with the corpus, every step of the cold and warm builds, the output and search', async () => {
		const results = JSON.parse(
			await readFile(path.join(out, 'results.json'), 'utf8'),
		) as BenchResults;
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
		expect(size?.caravan.warm?.steps.map((s) => s.name).slice(0, 2)).toEqual([
			'check',
			'astro build',
		]);
		// Publishing a story the same day, then the next day's first build, each measured.
		for (const build of [size?.caravan.publish, size?.caravan.newDay]) {
			expect(build?.steps.map((s) => s.name).slice(0, 2)).toEqual(['check', 'astro build']);
			expect(build?.cpuSeconds).toBeGreaterThan(0);
			expect(build?.peakRssBytes).toBeGreaterThan(10 * 2 ** 20);
		}
		// Issue 14: the build cache on disk after every build, entry by entry, beside dist/; the
		// pages, cards and bundles the build links into dist/ are counted as shared with it.
		for (const build of [cold, size?.caravan.warm, size?.caravan.publish, size?.caravan.newDay]) {
			expect(build?.cache?.dist.bytes).toBeGreaterThan(0);
			expect(build?.cache?.entries.map((entry) => entry.name)).toEqual(
				expect.arrayContaining([
					'dist',
					'data-store',
					'caravan-cards',
					'caravan-search',
					'caravan-check',
				]),
			);
			for (const name of ['dist', 'caravan-cards', 'caravan-search'])
				expect(
					build?.cache?.entries.find((entry) => entry.name === name)?.sharedBytes,
					name,
				).toBeGreaterThan(0);
			expect(build?.cache?.cache.bytes).toBeGreaterThan(
				build?.cache?.cache.sharedBytes ?? Infinity,
			);
		}
		expect(size?.caravan.output.articlePage?.path).toMatch(/^articles\/[^/]+\/index\.html$/);
		expect(size?.caravan.output.articlePage?.htmlGzipBytes).toBeGreaterThan(500);
		expect(size?.caravan.search?.query).toBe('water');
		// Measured in Chromium, through Pagefind's API and through the /search/ page.
		const search = size?.caravan.search;
		expect(search?.notes).toEqual([]);
		expect(search?.results).toBeGreaterThan(0);
		expect(search?.api?.gzipBytes).toBeGreaterThan(0);
		expect(search?.page?.gzipBytes).toBeGreaterThan(0);
		// And on the emulated slow 4G link, each with the time until the first results showed.
		expect(search?.slow4g?.gzipBytes).toBeGreaterThan(0);
		expect(search?.page?.timeToResultsMs).toBeGreaterThan(0);
		expect(search?.slow4g?.timeToResultsMs).toBeGreaterThan(0);
	});

	it('times npm run check apart: every file and one changed file, with the cache cold and warm', async () => {
		const [size] = (
			JSON.parse(await readFile(path.join(out, 'results.json'), 'utf8')) as BenchResults
		).sizes;
		const check = size?.check;
		for (const run of [
			check?.full.cold,
			check?.full.warm,
			check?.oneFile.cold,
			check?.oneFile.warm,
		]) {
			expect(run?.seconds).toBeGreaterThan(0);
			expect(run?.cpuSeconds).toBeGreaterThan(0);
			expect(run?.peakRssBytes).toBeGreaterThan(10 * 2 ** 20);
		}
		expect(run.stderr).toMatch(
			/\[bench\] npm run check of one changed file: [\d.]+ s warm, [\d.]+ s cold/,
		);
		const markdown = await readFile(path.join(out, 'results.md'), 'utf8');
		expect(markdown).toMatch(
			/\| one changed file, warm cache \| [\d.]+ s \| [\d.]+ s \| [\d.]+ MB \|/,
		);
	});

	it('times social cards apart: branded and photo cards drawn cold, then read from the cache', async () => {
		const [size] = (
			JSON.parse(await readFile(path.join(out, 'results.json'), 'utf8')) as BenchResults
		).sizes;
		expect(size?.corpus.withImage).toBeGreaterThan(0);
		for (const times of [size?.cards?.branded, size?.cards?.photo]) {
			expect(times?.cards).toBeGreaterThan(0);
			expect(times?.cpuMs).toBeGreaterThan(0);
		}
		expect(size?.cards?.cached.cards).toBe(
			(size?.cards?.branded.cards ?? 0) + (size?.cards?.photo?.cards ?? 0),
		);
		expect(run.stderr).toMatch(/\[bench\] social cards: branded [\d.]+ ms CPU/);
		// The build draws them in a step of its own, after Astro: 28 stories' cards and the site's,
		// less the list of them Astro wrote (cards/manifest.json), which the step removes.
		expect(size?.caravan.cold.steps.find((step) => step.name === 'social cards')?.files).toBe(
			29 - 1,
		);
	});

	it('builds the same corpus with Hugo, lead images resized as Caravan does, and indexes it with Pagefind', async () => {
		const [size] = (
			JSON.parse(await readFile(path.join(out, 'results.json'), 'utf8')) as BenchResults
		).sizes;
		const hugo = size?.hugo;
		expect(hugo?.cold.steps.map((s) => s.name)).toEqual(['hugo build', 'pagefind']);
		expect(hugo?.warm?.steps.map((s) => s.name)).toEqual(['hugo build', 'pagefind']);
		expect(hugo?.cold.cpuSeconds).toBeGreaterThan(0);
		expect(hugo?.output.searchIndex?.files).toBeGreaterThan(0);
		expect(hugo?.search?.results).toBeGreaterThan(0);
		// Every published story has a page; the drafts and the embargoed one do not.
		const articles = path.join(work, '30', 'hugo', 'public', 'articles');
		const pages = readdirSync(articles).filter((slug) =>
			existsSync(path.join(articles, slug, 'index.html')),
		);
		expect(pages).toHaveLength(size?.corpus.published ?? -1);
		// A story with a lead image gets WebP and JPEG at the article widths, not the original.
		const withLead = pages.find((slug) =>
			readdirSync(path.join(articles, slug)).some((name) => name.endsWith('.webp')),
		);
		const files = readdirSync(path.join(articles, withLead ?? '-'));
		for (const width of [400, 800, 1200]) {
			expect(
				files.some((name) => name.endsWith('.webp') && name.includes(`_${width}x0_`)),
				`${width} WebP`,
			).toBe(true);
			expect(
				files.some((name) => name.endsWith('.jpg') && name.includes(`_${width}x0_`)),
				`${width} JPEG`,
			).toBe(true);
		}
		const html = await readFile(path.join(articles, withLead ?? '-', 'index.html'), 'utf8');
		expect(html).toMatch(
			/<picture><source type="image\/webp" srcset="[^"]+ 400w, [^"]+ 800w, [^"]+ 1200w"/,
		);
		expect(html).not.toContain('src="lead.jpg"');
	});

	it('times npm run dev on the corpus: cold and warm start to the first story page, and a saved edit served', async () => {
		const [size] = (
			JSON.parse(await readFile(path.join(out, 'results.json'), 'utf8')) as BenchResults
		).sizes;
		const dev = size?.dev;
		for (const start of [dev?.cold, dev?.warm]) {
			expect(start?.seconds).toBeGreaterThan(0);
			expect(start?.cpuSeconds).toBeGreaterThan(0);
			expect(start?.peakRssBytes).toBeGreaterThan(10 * 2 ** 20);
			expect(start?.url).toBe(`/articles/${size?.corpus.editTarget}/`);
		}
		expect(dev?.reload?.seconds).toBeGreaterThan(0);
		// Noticed as a browser does: Vite's full-reload message, then the page fetched.
		expect(dev?.reload?.via).toBe('hmr');
		expect(run.stderr).toMatch(
			/\[bench\] npm run dev: cold start [\d.]+ s, warm [\d.]+ s, reload after an edit [\d.]+ s/,
		);
		expect(await readFile(path.join(out, 'results.md'), 'utf8')).toMatch(
			/\| edited story saved to its new text served \(HMR reload, then the page\) \| [\d.]+ s \|/,
		);
	});

	it('writes results.md with well-formed tables', async () => {
		const markdown = await readFile(path.join(out, 'results.md'), 'utf8');
		expect(markdown).toMatch(/^# Caravan benchmark\n/);
		const rows = markdown.split('\n').filter((line) => line.startsWith('|'));
		expect(rows.length).toBeGreaterThan(15);
		expect(markdown).toContain('## 30 articles');
		expect(markdown).toMatch(/\| validation \| [\d.]+ s \|/);
		expect(markdown).toMatch(
			/\| first search, the \/search\/ page on slow 4G \(1\.6 Mbit\/s, 150 ms\) \| [\d.]+ KB gzip \([^)]+ requests\)[^|]*, results on screen in [\d.]+ s \|/,
		);
		expect(markdown).toMatch(/\| \*\*publish one new story, same day\*\* \| \*\*[\d.]+ s\*\* \|/);
		expect(markdown).toMatch(
			/\| \*\*build cache on disk\*\* \| \*\*[\d.]+ [KMG]?B, [\d.]+× `dist\/`\*\* \|/,
		);
		expect(markdown).toMatch(
			/\| \*\*first build of a new day \(tomorrow's ticker, one new story\)\*\* \| \*\*[\d.]+ s\*\* \|/,
		);
		// The report on stdout is the same Markdown.
		expect(run.stdout).toContain('## 30 articles');
	});

	it('writes chart.svg that Chromium parses as SVG and draws', async () => {
		const svg = await readFile(path.join(out, 'chart.svg'), 'utf8');
		const page = await browser.newPage();
		const parsed = await page.evaluate((text) => {
			const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
			return {
				error: doc.querySelector('parsererror')?.textContent ?? '',
				root: doc.documentElement.localName,
				points: doc.querySelectorAll('circle').length,
			};
		}, svg);
		// Caravan and Hugo: cold and warm time, cold memory.
		expect(parsed).toEqual({ error: '', root: 'svg', points: 6 });
		await page.setContent(svg);
		const box = await page.locator('svg').boundingBox();
		expect(box?.width).toBeGreaterThan(500);
		await page.close();
	});
});

/**
 * The page-set comparison needs both builds of the same content: the run above goes on to publish
 * stories on Caravan's side only (the warm and new-day builds), so this one builds cold only.
 */
describe('npm run bench --articles 30 --baseline hugo --no-warm', () => {
	let coldWork: string;
	let coldOut: string;
	beforeAll(async () => {
		coldWork = await tempDir('caravan-bench-cold-');
		coldOut = await tempDir('caravan-bench-cold-results-');
		const result = await runBench([
			'--articles',
			'30',
			'--baseline',
			'hugo',
			'--no-warm',
			'--no-search',
			'--no-dev',
			'--keep',
			'--out',
			coldOut,
			'--work',
			coldWork,
		]);
		expect(result.status, result.stderr).toBe(0);
	}, 600_000);
	afterAll(() =>
		Promise.all(
			[coldWork, coldOut].filter(Boolean).map((dir) => rm(dir, { recursive: true, force: true })),
		),
	);

	it("gives Hugo's baseline the same articles, listings, taxonomy pages and social cards as Caravan's English edition", async () => {
		const caravanDist = path.join(coldWork, '30', 'caravan', 'dist');
		const hugoDist = path.join(coldWork, '30', 'hugo', 'public');
		const caravan = pageSet(caravanDist);
		const hugo = pageSet(hugoDist);
		expect([...caravan].filter((page) => page.startsWith('articles/'))).toHaveLength(28);
		expect([...caravan].filter((page) => page.startsWith('cards/'))).toHaveLength(29);
		expect([...caravan].some((page) => page.endsWith('.jpg'))).toBe(true);
		expect([...hugo].filter((page) => !caravan.has(page))).toEqual([]);
		// The same listings, paginated six to a page: Hugo makes ⌈n / 6⌉ pages of n stories,
		// Caravan ⌊n / 6⌋ (its newest page holds 6 to 11 stories), so Hugo at most one more.
		const caravanPages = listingPageCounts(caravanDist, false);
		const hugoPages = listingPageCounts(hugoDist, true);
		expect(caravanPages.get('')).toBeGreaterThan(1);
		expect([...hugoPages].some(([listing, pages]) => listing !== '' && pages > 1)).toBe(true);
		for (const [listing, pages] of hugoPages)
			expect([pages, pages - 1], listing).toContain(caravanPages.get(listing));
		// Caravan also lists the sections no story is in yet; Hugo has no page for an unused term.
		const missing = [...caravan].filter((page) => !hugo.has(page));
		for (const page of missing) {
			expect(page).toMatch(/^section\/[^/]+\/index\.html$/);
			expect(readFileSync(path.join(caravanDist, page), 'utf8')).not.toContain('href="/articles/');
		}
		// Every Hugo story page names its own card, as Caravan's do.
		const article = [...hugo].find((page) => page.startsWith('articles/')) ?? '-';
		const card =
			/<meta property="og:image" content="https:\/\/caravan\.example\/(cards\/articles\/[^"]+)"/.exec(
				readFileSync(path.join(hugoDist, article), 'utf8'),
			)?.[1];
		expect(card && hugo.has(card)).toBe(true);
	});
});
