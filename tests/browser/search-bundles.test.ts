/**
 * Search over an archive split into period bundles (the fixture with five-day periods: four
 * bundles, as a long archive has one per month): every story is in exactly one bundle, the
 * search page searches the newest period first and older ones as needed or asked, date order
 * and filters hold across bundles, and every state passes axe.
 */
import { readdir } from 'node:fs/promises';
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { parse } from '../helpers/html.ts';
import { serve, type StaticServer } from '../../scripts/lib/server.ts';
import { builtSite, readDist } from '../../scripts/lib/fixtureSites.ts';
import { axeViolations, formatViolations } from '../quality/checks/browser.ts';

/** Newest first: 13 Dec (folder-form story), 8–12 Dec, 3–7 Dec, 28 Nov–2 Dec (stories 1 and 2). */
const BUNDLES = [
	'/pagefind/en/2025-12-13/',
	'/pagefind/en/2025-12-08/',
	'/pagefind/en/2025-12-03/',
	'/pagefind/en/2025-11-28/',
];
const OLDEST = BUNDLES[3] as string;

let dist: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
	dist = await builtSite('fixtureBundled');
	server = await serve(dist);
	browser = await launchBrowser();
});

afterAll(async () => {
	await browser?.close();
	await server?.close();
});

const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });
const status = (page: Page) => page.locator('[data-status]');
const titles = (page: Page) => page.locator('[data-results] h3').allTextContents();
const more = (page: Page) => page.locator('[data-more]');

/** A page that records every text its status line shows (what a screen reader hears). */
async function newPage(): Promise<{ page: Page; heard: () => Promise<string[]> }> {
	// axe is injected as a script the site's CSP would (rightly) refuse: bypass it for these checks.
	const context = await browser.newContext({ bypassCSP: true });
	const page = await context.newPage();
	await page.addInitScript(() => {
		const heard: string[] = [];
		(window as unknown as { heard: string[] }).heard = heard;
		new MutationObserver(() => {
			const text = document.querySelector('[data-status]')?.textContent ?? '';
			if (text && heard.at(-1) !== text) heard.push(text);
		}).observe(document, { subtree: true, childList: true, characterData: true });
	});
	return {
		page,
		heard: () => page.evaluate(() => (window as unknown as { heard: string[] }).heard),
	};
}

/** Show every result: "Show more results" / "Search older stories" until the button goes. */
async function showAll(page: Page): Promise<void> {
	for (let clicks = 0; clicks < 20 && (await more(page).isVisible()); clicks++) {
		const before = await page.locator('[data-results] li').count();
		await more(page).click();
		await poll(
			async () =>
				(await page.locator('[data-results] li').count()) > before ||
				!(await more(page).isVisible()),
		).toBe(true);
	}
}

/** Every page of one bundle, through Pagefind's own API. */
async function bundleUrls(bundle: string): Promise<string[]> {
	const page = await browser.newPage();
	try {
		await page.goto(`${server.url}/`);
		// A string, so that Vitest's module transform cannot rewrite the import meant for the browser.
		const urls = await page.evaluate<string[]>(`(async () => {
			const { createInstance } = await import('/pagefind/pagefind.js');
			const index = createInstance({ basePath: ${JSON.stringify(bundle)}, noWorker: true });
			const search = await index.search(null);
			return Promise.all(search.results.map(async (result) => (await result.data()).url));
		})()`);
		return urls.sort();
	} finally {
		await page.close();
	}
}

describe('search over period bundles', { timeout: 90_000 }, () => {
	it('tells the search page its bundles, newest period first', async () => {
		const element = parse(await readDist(dist, 'search/index.html')).querySelector('search-page');
		expect(JSON.parse(element?.getAttribute('data-bundles') ?? 'null')).toEqual(BUNDLES);
		expect(
			JSON.parse(
				parse(await readDist(dist, 'ru/search/index.html'))
					.querySelector('search-page')
					?.getAttribute('data-bundles') ?? 'null',
			),
		).toEqual([]);
	});

	it('holds every published story in exactly one bundle, the one of its date', async () => {
		const perBundle = await Promise.all(BUNDLES.map(bundleUrls));
		expect(perBundle[0]).toEqual(['/articles/folder-form-story/']);
		expect(perBundle[3]).toEqual(['/articles/fixture-story-01/', '/articles/fixture-story-02/']);
		const all = perBundle.flat().sort();
		expect(new Set(all).size).toBe(all.length);
		expect(all).toEqual(
			(await readdir(`${dist}/articles`)).sort().map((slug) => `/articles/${slug}/`),
		);
	});

	it('finds a word only the oldest bundle holds, saying meanwhile that it searches older stories', async () => {
		const { page, heard } = await newPage();
		const fetched: string[] = [];
		page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
		await page.goto(`${server.url}/search/?q=Otrar`);
		await poll(() => status(page).textContent()).toBe('1 result for “Otrar”.');
		expect(await titles(page)).toEqual(['Fixture story number 1']);
		expect(await heard()).toContain('Searching older stories…');
		// Every bundle's metadata, but Pagefind's WebAssembly once for all of them.
		for (const bundle of BUNDLES)
			expect(
				fetched.filter((url) => url.startsWith(bundle) && url.endsWith('.pf_meta')),
				bundle,
			).toHaveLength(1);
		expect(fetched.filter((url) => url.endsWith('.pagefind'))).toEqual([
			`${BUNDLES[0]}wasm.en.pagefind`,
		]);
		expect(await more(page).isVisible()).toBe(false);
		await page.context().close();
	});

	it('preloads exactly what a first search fetches of the newest bundle before its results, each fetched once, and carries its entry file', async () => {
		const { page } = await newPage();
		const fetched: string[] = [];
		const failed: string[] = [];
		page.on('request', (request) => fetched.push(request.url().replace(server.url, '')));
		page.on('response', (response) => {
			if (!response.ok()) failed.push(`${response.status()} ${response.url()}`);
		});
		await page.goto(`${server.url}/search/?q=Story`);
		await poll(() => status(page).textContent()).toMatch(/^\d+ results for “Story”/);
		const newest = BUNDLES[0] as string;
		const preloads = await page
			.locator('link[rel="preload"], link[rel="modulepreload"]')
			.evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
		const ofNewest = (pattern: RegExp) =>
			fetched.filter((url) => url.startsWith(newest) && pattern.test(url));
		// The engine, WebAssembly and metadata (the build's links), then the index chunk holding the
		// URL's word (the page's, from the build's chunk table).
		expect(preloads).toEqual([
			'/pagefind/pagefind.js',
			`${newest}wasm.en.pagefind`,
			...ofNewest(/\.pf_meta$/),
			...ofNewest(/\/index\/[^/]+\.pf_index$/),
		]);
		// The entry file is in the page (the engine is given it): never fetched, nor preloaded.
		expect(ofNewest(/pagefind-entry\.json/)).toEqual([]);
		expect(
			JSON.parse((await page.locator('search-page').getAttribute('data-entry')) ?? 'null'),
		).toEqual(JSON.parse(await readDist(dist, `${newest.slice(1)}pagefind-entry.json`)));
		expect(ofNewest(/\/index\//)).toHaveLength(1);
		// Each preload is the very request the engine makes: a mismatch would fetch it twice, or another URL.
		for (const url of preloads)
			expect(
				fetched.filter((request) => request === url),
				url,
			).toHaveLength(1);
		// And everything the engine fetches of the newest bundle before it has results was preloaded.
		expect(
			[
				'/pagefind/pagefind.js',
				...ofNewest(/pagefind-entry\.json|\.pagefind$|\.pf_meta$|\.pf_index$/),
			].sort(),
		).toEqual([...preloads].sort());
		expect(failed).toEqual([]);
		await page.context().close();
	});

	it('stops at the first page of results, says how far back it searched, and goes on when asked', async () => {
		const { page } = await newPage();
		const fetched: string[] = [];
		page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
		await page.goto(`${server.url}/search/?q=fixture`);
		await poll(() => status(page).textContent()).toMatch(
			/^\d+ results for “fixture”\. Stories since 3 December 2025 searched so far\.$/,
		);
		expect(fetched.some((url) => url.startsWith(OLDEST))).toBe(false);
		await showAll(page);
		await poll(() => status(page).textContent()).toBe('10 results for “fixture”.');
		expect(fetched.some((url) => url.startsWith(OLDEST))).toBe(true);
		expect(await page.locator('[data-results] li').count()).toBe(10);
		await page.context().close();
	});

	it('lists a common word newest first across every bundle when sorted by date', async () => {
		const { page } = await newPage();
		await page.goto(`${server.url}/search/?q=fixture&sort=date`);
		await poll(() => status(page).textContent()).toMatch(/^\d+ results for/);
		await showAll(page);
		const dates = await page
			.locator('[data-results] time')
			.evaluateAll((times) => times.map((time) => time.getAttribute('datetime') ?? ''));
		expect(dates).toHaveLength(10);
		expect(dates).toEqual([...dates].sort().reverse());
		expect((await titles(page)).at(-1)).toBe('Fixture story number 1');
		await page.context().close();
	});

	it('narrows by filters across bundles, and counts the options over every bundle searched', async () => {
		const { page } = await newPage();
		await page.goto(`${server.url}/search/?q=fixture&section=Politics`);
		await poll(() => status(page).textContent()).toBe(
			'2 results for “fixture” with the chosen filters.',
		);
		// Story 8 is in the 8–12 December bundle, story 1 in the oldest.
		expect(await titles(page)).toEqual(['Fixture story number 8', 'Fixture story number 1']);
		await poll(() => page.getByRole('checkbox', { name: 'Politics (2)' }).isChecked()).toBe(true);
		await page.getByRole('checkbox', { name: 'Staff Reporter (1)' }).check();
		await poll(() => status(page).textContent()).toBe(
			'1 result for “fixture” with the chosen filters.',
		);
		expect(await titles(page)).toEqual(['Fixture story number 1']);
		await page.context().close();
	});

	it('has no axe violations while loading, while searching older stories, with results and with none', async () => {
		const report: string[] = [];
		const check = async (page: Page, state: string) => {
			const violations = await axeViolations(page);
			if (violations.length) report.push(`${state}: ${formatViolations(violations)}`);
		};
		// Hold one bundle's first file (the newest's metadata: its entry file is in the page; an
		// older one's entry file) until its state has been checked.
		const held = async (
			file: string,
			url: string,
			state: string,
			reached: (page: Page) => Promise<unknown>,
		) => {
			const { page } = await newPage();
			const waiting = new Promise<Route>((resolve) => void page.route(`**${file}`, resolve));
			await page.goto(`${server.url}${url}`);
			const route = await waiting;
			await reached(page);
			await check(page, state);
			await route.continue();
			return page;
		};
		const loading = await held(`${BUNDLES[0]}*.pf_meta`, '/search/?q=Otrar', 'loading', () =>
			Promise.resolve(),
		);
		await loading.context().close();
		const older = await held(
			`${OLDEST}pagefind-entry.json*`,
			'/search/?q=Otrar',
			'searching older stories',
			(page) => poll(() => status(page).textContent()).toBe('Searching older stories…'),
		);
		await poll(() => status(older).textContent()).toBe('1 result for “Otrar”.');
		await check(older, 'results');
		await older.context().close();

		const { page: none } = await newPage();
		await none.goto(`${server.url}/search/?q=zanzibarquux`);
		await poll(() => status(none).textContent()).toBe('No results for “zanzibarquux”.');
		await check(none, 'no results');
		await none.context().close();
		expect(report).toEqual([]);
	});
});
