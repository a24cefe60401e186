/**
 * The edition strip (date and ticker, /edition/) that every page frames: accessible on its own in
 * both schemes and editions, moving or still; it fits its fixed-size frame (nothing clipped,
 * nothing moves when it loads), and so does the search page's inline copy, in the same box;
 * under reduced motion its row scrolls sideways and takes focus.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { serve, type StaticServer } from '../../scripts/lib/server.ts';
import { builtSite } from '../../scripts/lib/fixtureSites.ts';
import { axeViolations, formatViolations, tickerFrame, WCAG_TAGS } from './checks/browser.ts';

vi.setConfig({ testTimeout: 180_000 });

let browser: Browser;
let site: StaticServer;

beforeAll(async () => {
	[browser, site] = await Promise.all([
		launchBrowser(),
		builtSite('sample').then((dist) => serve(dist)),
	]);
});

afterAll(async () => {
	await Promise.all([browser?.close(), site?.close()]);
});

/** `check` on a new page at a phone's and a desktop's width, moving and still; the page's context closed after. */
async function atEachViewport(check: (page: Page, label: string) => Promise<void>): Promise<void> {
	for (const width of [375, 1280]) {
		for (const reducedMotion of ['no-preference', 'reduce'] as const) {
			const context = await browser.newContext({ viewport: { width, height: 800 }, reducedMotion });
			await check(await context.newPage(), `${width} px, ${reducedMotion}`);
			await context.close();
		}
	}
}

describe('the edition strip', () => {
	// Best practice too: opened alone (or by a validator), the strip is a page with one main and one h1.
	it.for(['/edition/', '/ru/edition/'])(
		'%s alone has no axe violations (best practice too), light or dark, moving or still',
		async (url) => {
			for (const colorScheme of ['light', 'dark'] as const) {
				for (const reducedMotion of ['no-preference', 'reduce'] as const) {
					const context = await browser.newContext({
						viewport: { width: 1280, height: 60 },
						colorScheme,
						reducedMotion,
					});
					const page = await context.newPage();
					await page.goto(new URL(url, site.url).href, { waitUntil: 'networkidle' });
					const violations = await axeViolations(page, [...WCAG_TAGS, 'best-practice']);
					await context.close();
					expect(
						violations,
						`${url} ${colorScheme} ${reducedMotion}\n${formatViolations(violations)}`,
					).toEqual([]);
				}
			}
		},
	);

	it('fits its frame on a phone and a desktop, moving or still, and the page does not move when it loads', async () => {
		await atEachViewport(async (page, label) => {
			// The frame's box before the strip has loaded, and every layout shift from the start.
			await page.route('**/edition/', async (route) => {
				await new Promise((resolve) => setTimeout(resolve, 300));
				await route.continue();
			});
			await page.goto(new URL('/', site.url).href, { waitUntil: 'domcontentloaded' });
			// As first painted: a browser paints nothing before the page's stylesheets apply.
			await page.waitForFunction(() =>
				[...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].every(
					(link) => link.sheet,
				),
			);
			const before = await page.locator('iframe.edition-frame').boundingBox();
			await page.waitForLoadState('networkidle');
			const after = await page.locator('iframe.edition-frame').boundingBox();
			const frame = await tickerFrame(page);
			const fit = await frame.evaluate(() => ({
				clipped: document.documentElement.scrollHeight - innerHeight,
				date: document.querySelector('.edition time')?.getBoundingClientRect().bottom ?? Infinity,
				rows: [...document.querySelectorAll('.item')]
					.filter((item) => item.getBoundingClientRect().height > 0)
					.map((item) => item.getBoundingClientRect().bottom),
				height: innerHeight,
			}));
			expect(before?.height, label).toBeGreaterThan(30);
			expect(after, label).toEqual(before);
			expect(fit.clipped, label).toBeLessThanOrEqual(0);
			expect(fit.date, label).toBeLessThanOrEqual(fit.height);
			expect(fit.rows.length, label).toBeGreaterThan(0);
			for (const bottom of fit.rows) expect(bottom, label).toBeLessThanOrEqual(fit.height);
		});
	});

	// The search pages show the strip inline (src/components/EditionStrip.astro), not framed: the
	// same box, in the same place, with the same date and ticker fitting it.
	it('shows inline on the search page in the box the frame has on other pages, nothing clipped', async () => {
		await atEachViewport(async (page, label) => {
			await page.goto(new URL('/', site.url).href, { waitUntil: 'networkidle' });
			const framed = await page.locator('iframe.edition-frame').boundingBox();
			await page.goto(new URL('/search/', site.url).href, { waitUntil: 'domcontentloaded' });
			await page.waitForFunction(() =>
				[...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].every(
					(link) => link.sheet,
				),
			);
			const strip = page.locator('section.edition-strip');
			const before = await strip.boundingBox();
			await page.waitForLoadState('networkidle');
			expect(await page.locator('iframe').count(), label).toBe(0);
			expect(await strip.boundingBox(), label).toEqual(before);
			expect(before, label).toEqual(framed);
			const fit = await strip.evaluate((box) => {
				const bottom = box.getBoundingClientRect().bottom;
				return {
					clipped: box.scrollHeight - box.clientHeight,
					date:
						(box.querySelector('.edition time')?.getBoundingClientRect().bottom ?? Infinity) -
						bottom,
					rows: [...box.querySelectorAll('.item')]
						.filter((item) => item.getBoundingClientRect().height > 0)
						.map((item) => item.getBoundingClientRect().bottom - bottom),
				};
			});
			expect(fit.clipped, label).toBeLessThanOrEqual(0);
			expect(fit.date, label).toBeLessThanOrEqual(0);
			expect(fit.rows.length, label).toBeGreaterThan(0);
			for (const bottom of fit.rows) expect(bottom, label).toBeLessThanOrEqual(0);
		});
	});

	it('scrolls its still row sideways from the keyboard on a phone', async () => {
		const context = await browser.newContext({
			viewport: { width: 375, height: 800 },
			reducedMotion: 'reduce',
		});
		const page = await context.newPage();
		await page.goto(new URL('/', site.url).href, { waitUntil: 'networkidle' });
		const frame = await tickerFrame(page);
		let reached = false;
		for (let i = 0; i < 40 && !reached; i++) {
			await page.keyboard.press('Tab');
			reached = await frame.evaluate(
				() => document.hasFocus() && (document.activeElement?.matches('.viewport') ?? false),
			);
		}
		expect(reached).toBe(true);
		const overflow = await frame.evaluate(() => {
			const row = document.querySelector('.viewport')!;
			return row.scrollWidth - row.clientWidth;
		});
		expect(overflow).toBeGreaterThan(0);
		for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
		await frame
			.waitForFunction(() => document.querySelector('.viewport')!.scrollLeft > 0, undefined, {
				timeout: 5000,
			})
			.catch(() => undefined);
		expect(
			await frame.evaluate(() => document.querySelector('.viewport')!.scrollLeft),
		).toBeGreaterThan(0);
		await context.close();
	});
});
