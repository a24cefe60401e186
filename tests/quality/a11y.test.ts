/**
 * Accessibility in Debian Chromium: axe-core's WCAG 2.1 A/AA rules on one page of every kind in
 * light and dark schemes, the skip link, visible focus, and a ticker that stops on request.
 * The server applies dist/_headers, so the pages run under the site's real Content-Security-Policy.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { serve, type StaticServer } from '../../scripts/lib/server.ts';
import { builtSite } from '../../scripts/lib/fixtureSites.ts';
import { badDist } from './badDist.ts';
import {
	animationStates,
	axeViolations,
	focusWithoutIndicator,
	formatViolations,
	pauseTickerWithKeyboard,
	runningAnimations,
	skipLink,
	tickerFrame,
} from './checks/browser.ts';
import { pagesOfEveryKind, type PageOfKind } from './checks/pages.ts';

// Each test drives a real browser on a shared 2-core machine: allow for a slow one.
vi.setConfig({ testTimeout: 180_000 });

/** Every kind of page the site has or will have; kinds a build lacks are skipped with a note. */
const KINDS = [
	'front page',
	'front page archive',
	'article with image',
	'article without image',
	'section',
	'country',
	'author',
	'tag',
	'sections index',
	'search with results',
	'404',
];

let browser: Browser;
let site: StaticServer;
let bad: StaticServer;
let pages: PageOfKind[];
let missing: string[];

beforeAll(async () => {
	const dist = await builtSite('sample');
	({ pages, missing } = await pagesOfEveryKind(dist));
	[browser, site, bad] = await Promise.all([
		launchBrowser(),
		serve(dist),
		badDist().then((bad) => serve(bad)),
	]);
});

afterAll(async () => {
	await Promise.all([browser?.close(), site?.close(), bad?.close()]);
});

/** Open `url` of `server` in a fresh context; the caller closes the context. */
async function open(
	server: StaticServer,
	url: string,
	options: Parameters<Browser['newContext']>[0] = {},
): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
	const page = await context.newPage();
	await page.goto(new URL(url, server.url).href, { waitUntil: 'networkidle' });
	return { context, page };
}

function pageOfKind(kind: string, skip: (note: string) => void): PageOfKind {
	const found = pages.find((p) => p.kind === kind);
	if (!found) {
		const why = missing.find((m) => m.startsWith(`${kind}:`)) ?? `${kind}: not in this build`;
		console.warn(`[a11y] skipped ${why}`);
		skip(why);
	}
	return found!;
}

describe.each(['light', 'dark'] as const)('axe-core, WCAG 2.1 AA, %s scheme', (colorScheme) => {
	it.for(KINDS)('%s has no violations', async (kind, { skip }) => {
		const { url } = pageOfKind(kind, skip);
		const { context, page } = await open(site, url, { colorScheme });
		try {
			const violations = await axeViolations(page);
			expect(violations, `${url}\n${formatViolations(violations)}`).toEqual([]);
		} finally {
			await context.close();
		}
	});
});

describe('keyboard', () => {
	it.each(['/', '/articles/kazakhstan-budget-2027/'])(
		'%s: the skip link comes first, shows, and moves focus to main',
		async (url) => {
			const { context, page } = await open(site, url);
			try {
				expect(await skipLink(page)).toEqual({
					firstFocus: 'a.skip-link[href="#main"]',
					firstFocusText: 'Skip to content',
					visibleWhenFocused: true,
					focusAfterEnter: expect.stringMatching(/^main#main\b/),
					focusInMain: true,
				});
			} finally {
				await context.close();
			}
		},
	);

	it.each(['/', '/articles/kazakhstan-budget-2027/', '/page/1/'])(
		'%s: every focused element shows a focus outline',
		async (url) => {
			const { context, page } = await open(site, url);
			try {
				expect(await focusWithoutIndicator(page, 30)).toEqual([]);
			} finally {
				await context.close();
			}
		},
	);

	it('pauses the ticker with Space on its "Pause ticker" checkbox', async () => {
		const { context, page } = await open(site, '/');
		try {
			const result = await pauseTickerWithKeyboard(page);
			expect(result).toEqual({ before: ['running'], after: ['paused'], checked: true });
		} finally {
			await context.close();
		}
	});

	it('stops the marquee when the reader prefers reduced motion', async () => {
		const moving = await open(site, '/');
		const still = await open(site, '/', { reducedMotion: 'reduce' });
		try {
			expect(await runningAnimations(await tickerFrame(moving.page))).toBeGreaterThan(0);
			expect(await runningAnimations(await tickerFrame(still.page))).toBe(0);
			expect(await animationStates(await tickerFrame(still.page))).toEqual([]);
		} finally {
			await Promise.all([moving.context.close(), still.context.close()]);
		}
	});
});

describe('the checks catch a bad site', () => {
	it('axe reports an image without alt and low-contrast text', async () => {
		const article = await open(bad, '/articles/linked/');
		const front = await open(bad, '/');
		try {
			expect((await axeViolations(article.page)).map((v) => v.id)).toContain('image-alt');
			expect((await axeViolations(front.page)).map((v) => v.id)).toContain('color-contrast');
		} finally {
			await Promise.all([article.context.close(), front.context.close()]);
		}
	});

	it('reports a missing skip link, a ticker that will not pause and motion that ignores the reader', async () => {
		const first = await open(bad, '/');
		const second = await open(bad, '/');
		const still = await open(bad, '/', { reducedMotion: 'reduce' });
		try {
			const skip = await skipLink(first.page);
			expect(skip.firstFocus).toBe('a[href="/articles/linked/"]');
			expect(skip.focusInMain).toBe(false);
			expect(await pauseTickerWithKeyboard(second.page)).toEqual({
				before: ['running'],
				after: ['running'],
				checked: true,
			});
			expect(await runningAnimations(await tickerFrame(still.page))).toBeGreaterThan(0);
		} finally {
			await Promise.all([first.context.close(), second.context.close(), still.context.close()]);
		}
	});
});
