/** The Russian edition in Chromium: its own search index with Russian stemming, and no axe violations. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { serve, type StaticServer } from '../../scripts/lib/server.ts';
import { builtSite } from '../../scripts/lib/fixtureSites.ts';
import { axeViolations, formatViolations } from '../quality/checks/browser.ts';

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
	server = await serve(await builtSite('editions'));
	browser = await launchBrowser();
});

afterAll(async () => {
	await browser?.close();
	await server?.close();
});

async function open(path: string, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
	// axe is injected as a script the site's CSP would (rightly) refuse: bypass it for these checks.
	const context = await browser.newContext({ bypassCSP: true, colorScheme });
	const page = await context.newPage();
	await page.goto(`${server.url}${path}`);
	return page;
}

const titles = (page: Page) => page.locator('[data-results] h3').allTextContents();

async function search(path: string): Promise<string[]> {
	const page = await open(path);
	await expect
		.poll(() => page.locator('[data-status]').textContent(), { timeout: 15_000 })
		.not.toBe('');
	const found = await titles(page);
	await page.context().close();
	return found;
}

describe('search per edition', { timeout: 60_000 }, () => {
	it('finds the Russian budget story for "бюджета" on /ru/search/ (Russian stemming), never the English one', async () => {
		// The Russian story says only "бюджет"; the English one quotes "бюджета" word for word.
		expect(await search('/ru/search/?q=бюджета')).toEqual(['Парламент принял бюджет на 2026 год']);
	});

	it('keeps the English index English: the same query there finds only the English story', async () => {
		expect(await search('/search/?q=бюджета')).toEqual(['Parliament passes the 2026 budget']);
	});

	it('speaks Russian on the Russian search page', async () => {
		const page = await open('/ru/search/?q=бюджета');
		await expect
			.poll(() => page.locator('[data-status]').textContent(), { timeout: 15_000 })
			.toBe('1 результат по запросу «бюджета».');
		await page.context().close();
	});
});

describe('accessibility of Russian pages', { timeout: 120_000 }, () => {
	const pages = [
		'/ru/',
		'/ru/articles/parlament-prinyal-byudzhet/',
		'/ru/section/economy/',
		'/ru/section/',
		'/ru/404.html',
		'/ru/search/?q=бюджета',
	];
	for (const scheme of ['light', 'dark'] as const) {
		it(`has no axe violations (WCAG 2.1 A and AA) in the ${scheme} scheme`, async () => {
			const report: string[] = [];
			for (const path of pages) {
				const page = await open(path, scheme);
				if (path.includes('search'))
					await expect
						.poll(() => page.locator('[data-status]').textContent(), { timeout: 15_000 })
						.not.toBe('');
				const violations = await axeViolations(page);
				if (violations.length) report.push(`${path}: ${formatViolations(violations)}`);
				await page.context().close();
			}
			expect(report).toEqual([]);
		});
	}
});
