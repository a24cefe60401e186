/**
 * What a reader sees, in Debian Chromium: every page kind with JavaScript off shows its content and
 * navigation; no page scrolls sideways on a phone; screenshots of the front page and an article at
 * 375 and 1280 px (light and dark) land in .test-output/screenshots/ for a person to look at.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { serve, type StaticServer } from '../../scripts/lib/server.ts';
import { OUTPUT, builtSite } from '../../scripts/lib/fixtureSites.ts';
import { badDist } from './badDist.ts';
import { charactersPerLine, renderedContent } from './checks/browser.ts';
import { horizontalOverflow, standardShots, takeShot } from '../../scripts/lib/looks.ts';
import { pagesOfEveryKind, type PageOfKind } from './checks/pages.ts';

// Each test drives a real browser on a shared 2-core machine: allow for a slow one.
vi.setConfig({ testTimeout: 180_000 });

const SCREENSHOTS = path.join(OUTPUT, 'screenshots');
const ARTICLE = '/articles/kazakhstan-budget-2027/';

let browser: Browser;
let site: StaticServer;
let bad: StaticServer;
let pages: PageOfKind[];

beforeAll(async () => {
	const dist = await builtSite('sample');
	({ pages } = await pagesOfEveryKind(dist));
	[browser, site, bad] = await Promise.all([
		launchBrowser(),
		serve(dist),
		badDist().then((bad) => serve(bad)),
	]);
});

afterAll(async () => {
	await Promise.all([browser?.close(), site?.close(), bad?.close()]);
});

async function withoutJavaScript(server: StaticServer, url: string) {
	const context = await browser.newContext({
		javaScriptEnabled: false,
		viewport: { width: 375, height: 800 },
	});
	try {
		const page = await context.newPage();
		await page.goto(new URL(url, server.url).href);
		return await renderedContent(page);
	} finally {
		await context.close();
	}
}

describe('with JavaScript disabled', () => {
	it('every page kind but search shows its heading, its content and the navigation', async () => {
		const kinds = pages.filter((p) => !p.needsJavaScript);
		expect(kinds.map((p) => p.kind)).toEqual(
			expect.arrayContaining(['front page', 'article without image', 'section', '404']),
		);
		for (const { kind, url } of kinds) {
			const shown = await withoutJavaScript(site, url);
			expect(shown.heading, `${kind} ${url}`).not.toBe('');
			expect(shown.mainText, `${kind} ${url}: visible text in <main>`).toBeGreaterThan(
				kind.startsWith('article') ? 1000 : 100,
			);
			// Nine section links in the header, plus the footer's.
			expect(shown.navLinks, `${kind} ${url}: visible navigation links`).toBeGreaterThanOrEqual(9);
		}
	});

	it('reports a page that renders its content with JavaScript', async () => {
		expect(await withoutJavaScript(bad, '/js-only/')).toEqual({
			heading: '',
			mainText: 0,
			navLinks: 0,
		});
	});
});

describe('layout on a 375 px phone', () => {
	it('no page kind scrolls sideways, ticker moving or still', async () => {
		for (const reducedMotion of ['no-preference', 'reduce'] as const) {
			const context = await browser.newContext({
				viewport: { width: 375, height: 800 },
				reducedMotion,
			});
			const page = await context.newPage();
			for (const { kind, url } of pages) {
				await page.goto(new URL(url, site.url).href, { waitUntil: 'networkidle' });
				expect(await horizontalOverflow(page), `${kind} ${url} (${reducedMotion})`).toBe(0);
			}
			await context.close();
		}
	});

	it('reports a page wider than the phone', async () => {
		const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
		const page = await context.newPage();
		await page.goto(new URL('/wide/', bad.url).href);
		expect(await horizontalOverflow(page)).toBeGreaterThan(500);
		await context.close();
	});
});

describe('typography', () => {
	it.each([768, 1280, 1920])(
		'sets article text at a readable 60-75 characters a line at %i px',
		async (width) => {
			const context = await browser.newContext({ viewport: { width, height: 900 } });
			const page = await context.newPage();
			await page.goto(new URL(ARTICLE, site.url).href);
			await page.evaluate(() => document.fonts.ready);
			const perLine = await charactersPerLine(page, '.prose p');
			await context.close();
			expect(perLine).toBeGreaterThanOrEqual(60);
			expect(perLine).toBeLessThanOrEqual(75);
		},
	);

	it('loads the self-hosted Noto Serif for the text', async () => {
		const context = await browser.newContext();
		const page = await context.newPage();
		const fonts: string[] = [];
		page.on('response', (response) => {
			if (response.url().endsWith('.woff2')) fonts.push(new URL(response.url()).pathname);
		});
		await page.goto(new URL(ARTICLE, site.url).href, { waitUntil: 'networkidle' });
		const loaded = await page.evaluate(async () => {
			await document.fonts.ready;
			return (
				document.fonts.check('16px "Noto Serif"', 'Caravan') &&
				getComputedStyle(document.body).fontFamily
			);
		});
		await context.close();
		expect(loaded).toMatch(/^"Noto Serif"/);
		// Only the subsets English text needs (latin, maybe latin-ext), from this site, fingerprinted.
		expect(fonts.length).toBeGreaterThan(0);
		for (const font of fonts)
			expect(font).toMatch(
				/^\/_astro\/noto-serif-latin(-ext)?-(400|700)-(normal|italic)\.[\w-]+\.woff2$/,
			);
	});

	it('prints an article black on white, without the navigation, ticker, search and footer', async () => {
		const context = await browser.newContext();
		const page = await context.newPage();
		await page.goto(new URL(ARTICLE, site.url).href);
		await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
		const printed = await page.evaluate(() => {
			const shown = (selector: string) =>
				[...document.querySelectorAll(selector)].some((e) => e.getBoundingClientRect().height > 0);
			return {
				chrome: [
					'nav.sections',
					'.edition-frame',
					'.site-search',
					'.site-footer',
					'.related',
				].filter(shown),
				story: shown('h1') && shown('.prose p'),
				colors: [
					getComputedStyle(document.body).color,
					getComputedStyle(document.body).backgroundColor,
				],
			};
		});
		await context.close();
		expect(printed).toEqual({
			chrome: [],
			story: true,
			colors: ['rgb(0, 0, 0)', 'rgb(255, 255, 255)'],
		});
	});
});

describe('screenshots', () => {
	it('of the front page and an article, 375 and 1280 px, light and dark, none overflowing', async () => {
		await mkdir(SCREENSHOTS, { recursive: true });
		for (const shot of standardShots(ARTICLE)) {
			const { png, overflow } = await takeShot(browser, site.url, shot);
			await writeFile(path.join(SCREENSHOTS, `${shot.name}.png`), png);
			// A PNG of a real page, not a blank one: the signature and more than a few kilobytes.
			expect(png.subarray(1, 4).toString()).toBe('PNG');
			expect(png.length, shot.name).toBeGreaterThan(20_000);
			if (shot.width === 375) expect(overflow, shot.name).toBe(0);
		}
	});
});
