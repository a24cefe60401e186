/**
 * What a reader's first search downloads, measured in Chromium against the statically served
 * output: the search page itself when there is one, and Pagefind's JS API on its own (the figure
 * that compares across sites, since the Hugo baseline has no search page).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../../tests/helpers/browser.ts';
import { serve } from '../../tests/helpers/server.ts';

export interface Transfer {
	requests: number;
	/** Response bodies as served. */
	bytes: number;
	/** As a CDN would send them: text types gzip-compressed, binary ones as they are. */
	gzipBytes: number;
}

export interface SearchFigures {
	query: string;
	/** Results Pagefind found for the query through its API. */
	results?: number;
	/** Pagefind's JS API alone: load, search, the first five results' data, the filter counts. */
	api?: Transfer;
	/** `/search/?q=…` opened as a reader would, everything it loads. */
	page?: Transfer;
	/** Why a figure is missing. */
	notes: string[];
}

const COMPRESSIBLE = /^(text\/|application\/(javascript|json|xml)|image\/svg)/;

/** Count every response body the page receives from now on. */
function recordTransfers(page: Page, only: (url: URL) => boolean): () => Promise<Transfer> {
	const pending: Promise<void>[] = [];
	const transfer: Transfer = { requests: 0, bytes: 0, gzipBytes: 0 };
	page.on('response', (response) => {
		const url = new URL(response.url());
		if (!only(url)) return;
		pending.push(
			response
				.body()
				.then((body) => {
					transfer.requests++;
					transfer.bytes += body.length;
					const type = response.headers()['content-type'] ?? '';
					transfer.gzipBytes += COMPRESSIBLE.test(type) ? gzipSync(body, { level: 6 }).length : body.length;
				})
				.catch(() => {}),
		);
	});
	return async () => {
		await Promise.all(pending);
		return transfer;
	};
}

/** Measure a first search for `query` on the built site in `dist`. */
export async function measureFirstSearch(dist: string, query: string): Promise<SearchFigures> {
	const figures: SearchFigures = { query, notes: [] };
	if (!existsSync(path.join(dist, 'pagefind', 'pagefind.js'))) {
		figures.notes.push('no pagefind/pagefind.js in the output (search not built)');
		return figures;
	}
	const server = await serve(dist);
	const browser = await launchBrowser();
	try {
		// The API alone, from an empty page on the same origin.
		const context = await browser.newContext();
		const page = await context.newPage();
		await page.route(`${server.url}/__bench__/`, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title>' }));
		await page.goto(`${server.url}/__bench__/`);
		const done = recordTransfers(page, (url) => url.pathname.startsWith('/pagefind/'));
		figures.results = await page.evaluate(async (q) => {
			const pagefind = await import('/pagefind/pagefind.js');
			await pagefind.init?.();
			const search = await pagefind.search(q);
			await Promise.all(search.results.slice(0, 5).map((result: { data: () => Promise<unknown> }) => result.data()));
			await pagefind.filters?.();
			return search.results.length as number;
		}, query);
		figures.api = await done();
		await context.close();

		// The site's own search page, when it has one.
		if (existsSync(path.join(dist, 'search', 'index.html'))) {
			const pageContext = await browser.newContext();
			const searchPage = await pageContext.newPage();
			const pageDone = recordTransfers(searchPage, () => true);
			await searchPage.goto(`${server.url}/search/?q=${encodeURIComponent(query)}`, { waitUntil: 'networkidle' });
			figures.page = await pageDone();
			await pageContext.close();
		} else {
			figures.notes.push('no /search/ page in the output: only the API figure');
		}
	} finally {
		await browser.close();
		await server.close();
	}
	return figures;
}
