/**
 * What a reader's first search downloads, measured in Chromium against the statically served
 * output: the search page itself when there is one (bytes, requests and time until the first
 * results show, plain and on an emulated slow 4G link), and Pagefind's JS API on its own (the
 * figure that compares across sites, since the Hugo baseline has no search page).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext } from 'playwright-core';
import { launchBrowser } from '../lib/browser.ts';
import { serve } from '../lib/server.ts';

export interface Transfer {
	requests: number;
	/** Response bodies as served, raster images excepted. */
	bytes: number;
	/** The same as a CDN would send them: text types gzip-compressed, binary ones as they are. */
	gzipBytes: number;
	/** Raster images (result thumbnails), counted apart: the budget is for JS, WASM, index and fragments. */
	imageBytes: number;
}

export interface SearchFigures {
	query: string;
	/** Results Pagefind found for the query through its API. */
	results?: number;
	/** Pagefind's JS API alone: load, search, the first five results' data, the filter counts. */
	api?: Transfer;
	/** `/search/?q=…` opened as a reader would, everything it loads until its first results. */
	page?: Transfer & { timeToResultsMs: number };
	/** The same on an emulated slow 4G link (`SLOW_4G`), cache empty. */
	slow4g?: Transfer & { timeToResultsMs: number };
	/** Why a figure is missing. */
	notes: string[];
}

/** A slow 4G link, as in Lighthouse's mobile preset: 1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip. */
/** The search page's first result: its headline's link. */
const FIRST_RESULT = '[data-results] li h3 a';

/**
 * Run in the page before its own scripts: records, as `window.caravanFirstResultMs`, the start of
 * the animation frame that first paints a match for `selector` (ms from the navigation's start).
 */
function firstResultClock(selector: string): void {
	const observer = new MutationObserver(() => {
		if (!document.querySelector(selector)) return;
		observer.disconnect();
		requestAnimationFrame((frameStart) => {
			(window as { caravanFirstResultMs?: number }).caravanFirstResultMs = frameStart;
		});
	});
	observer.observe(document, { childList: true, subtree: true });
}

export const SLOW_4G = { latencyMs: 150, downloadKbps: 1600, uploadKbps: 750 };

const COMPRESSIBLE = /^(text\/|application\/(javascript|json|xml)|image\/svg)/;

interface Recorder {
	/** Wait until `ready()` holds and no response has arrived for `quietMs` (or `timeoutMs` passed). */
	settle(
		ready: (urls: string[]) => boolean,
		quietMs?: number,
		timeoutMs?: number,
	): Promise<boolean>;
	result(): Promise<Transfer>;
}

/** Count every response body the context receives from now on (its pages and their workers). */
function recordTransfers(context: BrowserContext, only: (url: URL) => boolean): Recorder {
	const pending: Promise<void>[] = [];
	const urls: string[] = [];
	let lastAt = performance.now();
	const transfer: Transfer = { requests: 0, bytes: 0, gzipBytes: 0, imageBytes: 0 };
	context.on('response', (response) => {
		const url = new URL(response.url());
		if (!only(url)) return;
		urls.push(url.pathname);
		lastAt = performance.now();
		// A body Chromium no longer holds is counted by its Content-Length.
		const body = response
			.body()
			.catch(() => Buffer.alloc(Number(response.headers()['content-length'] ?? 0)));
		pending.push(
			body.then((bytes) => {
				transfer.requests++;
				const type = response.headers()['content-type'] ?? '';
				if (/^image\/(?!svg)/.test(type)) transfer.imageBytes += bytes.length;
				else {
					transfer.bytes += bytes.length;
					transfer.gzipBytes += COMPRESSIBLE.test(type)
						? gzipSync(bytes, { level: 6 }).length
						: bytes.length;
				}
			}),
		);
	});
	return {
		async settle(ready, quietMs = 2000, timeoutMs = 30_000) {
			const start = performance.now();
			while (performance.now() - start < timeoutMs) {
				if (ready(urls) && performance.now() - lastAt >= quietMs) return true;
				await new Promise((resolve) => setTimeout(resolve, 100));
			}
			return false;
		},
		async result() {
			await Promise.all(pending);
			return transfer;
		},
	};
}

/** The newest index bundle the site's search page lists (Caravan), or undefined (one Pagefind index at /pagefind/). */
async function newestBundle(dist: string): Promise<string | undefined> {
	const page = await readFile(path.join(dist, 'search', 'index.html'), 'utf8').catch(() => '');
	const listed = /\sdata-bundles="([^"]*)"/.exec(page)?.[1]?.replace(/&quot;/g, '"');
	return listed ? (JSON.parse(listed) as string[])[0] : undefined;
}

/** Measure a first search for `query` on the built site in `dist`. */
export async function measureFirstSearch(dist: string, query: string): Promise<SearchFigures> {
	const figures: SearchFigures = { query, notes: [] };
	if (!existsSync(path.join(dist, 'pagefind', 'pagefind.js'))) {
		figures.notes.push('no pagefind/pagefind.js in the output (search not built)');
		return figures;
	}
	const server = await serve(dist, { gzip: true });
	const browser = await launchBrowser();
	try {
		// The API alone, from an empty page on the same origin.
		const context = await browser.newContext();
		const page = await context.newPage();
		await page.route(`${server.url}/__bench__/`, (route) =>
			route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title>' }),
		);
		await page.goto(`${server.url}/__bench__/`);
		const done = recordTransfers(context, (url) => url.pathname.startsWith('/pagefind/'));
		// Caravan's index is in period bundles: the API figure is its newest one, as the page searches first.
		const bundle = (await newestBundle(dist)) ?? null;
		figures.results = await page.evaluate(
			async ([q, basePath]) => {
				// Held in a variable: the module exists only in the served site, not for the type checker.
				const entry = '/pagefind/pagefind.js';
				const engine = await import(entry);
				const pagefind = basePath ? engine.createInstance({ basePath, noWorker: true }) : engine;
				await pagefind.init?.();
				const search = await pagefind.search(q);
				await Promise.all(
					search.results
						.slice(0, 5)
						.map((result: { data: () => Promise<unknown> }) => result.data()),
				);
				await pagefind.filters?.();
				return search.results.length as number;
			},
			[query, bundle] as const,
		);
		figures.api = await done.result();
		await context.close();

		// The site's own search page, when it has one.
		if (existsSync(path.join(dist, 'search', 'index.html'))) {
			for (const link of ['plain', 'slow 4G'] as const) {
				const pageContext = await browser.newContext();
				const searchPage = await pageContext.newPage();
				if (link === 'slow 4G') {
					const cdp = await pageContext.newCDPSession(searchPage);
					await cdp.send('Network.enable');
					await cdp.send('Network.emulateNetworkConditions', {
						offline: false,
						latency: SLOW_4G.latencyMs,
						downloadThroughput: (SLOW_4G.downloadKbps * 1000) / 8,
						uploadThroughput: (SLOW_4G.uploadKbps * 1000) / 8,
					});
				}
				// On screen: the first result's headline is in the list (its fragment fetched and shown),
				// timed by the page itself: the start of the frame that paints it, on the page's clock
				// (from the navigation's start). Playwright's waitFor only sees it at its next poll, up
				// to 500 ms late (~1.6 s reported for a headline in the page at ~1.4 s on slow 4G).
				await pageContext.addInitScript(firstResultClock, FIRST_RESULT);
				const pageDone = recordTransfers(pageContext, () => true);
				await searchPage.goto(`${server.url}/search/?q=${encodeURIComponent(query)}`, {
					waitUntil: 'commit',
				});
				const shown = await searchPage
					.locator(FIRST_RESULT)
					.first()
					.waitFor({ timeout: 60_000 })
					.then(
						() =>
							searchPage.waitForFunction(
								() => (window as { caravanFirstResultMs?: number }).caravanFirstResultMs,
							),
						() => undefined,
					)
					.then((handle) => (handle ? (handle.jsonValue() as Promise<number>) : undefined));
				// Done when the network is quiet: what the first results cost, nothing the reader did not ask for.
				await pageDone.settle(() => true);
				if (shown === undefined)
					figures.notes.push(
						`the search page showed no results for "${query}" within 60 s (${link})`,
					);
				const transfer = { ...(await pageDone.result()), timeToResultsMs: shown ?? Number.NaN };
				if (link === 'plain') figures.page = transfer;
				else figures.slow4g = transfer;
				await pageContext.close();
			}
		} else {
			figures.notes.push('no /search/ page in the output: only the API figure');
		}
	} finally {
		await browser.close();
		await server.close();
	}
	return figures;
}
