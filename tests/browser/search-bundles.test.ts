/**
 * An archive too large for one Pagefind bundle (here: the editions fixture with one story per
 * bundle): every edition's stories are indexed once, each bundle holds each edition's language,
 * and each edition's search page merges its bundles and finds stories in any of them.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { parse } from '../helpers/html.ts';
import { serve, type StaticServer } from '../helpers/server.ts';
import { builtSite, readDist } from '../helpers/site.ts';

let dist: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
	dist = await builtSite('editionsBundled');
	server = await serve(dist);
	browser = await launchBrowser();
});

afterAll(async () => {
	await browser?.close();
	await server?.close();
});

async function open(path: string): Promise<Page> {
	const page = await browser.newPage();
	await page.goto(`${server.url}${path}`);
	return page;
}

/**
 * Every page an edition's search finds with no words, across the first bundle and the merged
 * ones (Pagefind's own API, which picks the language from `<html lang>`). On the edition's front
 * page: the search page's own script would have merged the bundles into the same module already.
 */
async function everyIndexedUrl(editionPath: string, merged: string[]): Promise<string[]> {
	const page = await open(editionPath);
	try {
		// A string, so that Vitest's module transform cannot rewrite the import meant for the browser.
		const urls = await page.evaluate<string[]>(`(async () => {
			const pagefind = await import('/pagefind/pagefind.js');
			await pagefind.init();
			for (const url of ${JSON.stringify(merged)}) await pagefind.mergeIndex(url);
			const search = await pagefind.search(null);
			return Promise.all(search.results.map(async (result) => (await result.data()).url));
		})()`);
		return urls.sort();
	} finally {
		await page.close();
	}
}

async function foundTitles(path: string): Promise<string[]> {
	const page = await open(path);
	try {
		await expect.poll(() => page.locator('[data-status]').textContent(), { timeout: 15_000 }).not.toBe('');
		return await page.locator('[data-results] h3').allTextContents();
	} finally {
		await page.close();
	}
}

describe('search index in bundles', { timeout: 60_000 }, () => {
	it('writes two bundles, each holding one English and one Russian story', async () => {
		for (const folder of ['pagefind', 'pagefind-2']) {
			const entry = JSON.parse(await readDist(dist, `${folder}/pagefind-entry.json`)) as { languages: Record<string, { page_count: number }> };
			expect(Object.fromEntries(Object.entries(entry.languages).map(([lang, index]) => [lang, index.page_count])), folder).toEqual({ en: 1, ru: 1 });
		}
	});

	it('tells each search page which bundles to merge', async () => {
		for (const file of ['search/index.html', 'ru/search/index.html']) {
			const element = parse(await readDist(dist, file)).querySelector('search-page');
			expect(JSON.parse(element?.getAttribute('data-bundles') ?? 'null'), file).toEqual(['/pagefind-2/']);
		}
	});

	it('holds every story of an edition exactly once across the bundles, in its own language only', async () => {
		expect(await everyIndexedUrl('/', ['/pagefind-2/'])).toEqual(['/articles/budget-vote/', '/articles/water-talks/']);
		expect(await everyIndexedUrl('/ru/', ['/pagefind-2/'])).toEqual(['/ru/articles/parlament-prinyal-byudzhet/', '/ru/articles/yazyk-i-gorod/']);
	});

	it('finds stories from the first and the merged bundle on the search page', async () => {
		expect(await foundTitles('/search/?q=negotiators')).toEqual(['Water talks resume in Tashkent']);
		expect(await foundTitles('/search/?q=parliament')).toEqual(['Parliament passes the 2026 budget']);
		expect(await foundTitles('/ru/search/?q=вывеска')).toEqual(['Қазақ тілі на вывесках Алматы']);
		expect(await foundTitles('/ru/search/?q=бюджет')).toEqual(['Парламент принял бюджет на 2026 год']);
	});
});
