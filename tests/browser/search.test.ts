/**
 * The search page in real Chromium over the built fixture site, served statically as a CDN
 * would, under the Content-Security-Policy the site will ship (no inline script, no eval).
 */
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { serve, type StaticServer } from '../../scripts/lib/server.ts';
import { ROOT, builtSite } from '../../scripts/lib/fixtureSites.ts';

const CSP =
	"default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:";

let server: StaticServer;
let browser: Browser;
let contexts: BrowserContext[];
/** Console errors and uncaught exceptions of the current test's pages (CSP violations land here). */
let problems: string[];

beforeAll(async () => {
	server = await serve(await builtSite('fixture'));
	browser = await launchBrowser();
});

afterAll(async () => {
	await browser?.close();
	await server?.close();
});

beforeEach(() => {
	contexts = [];
	problems = [];
});

afterEach(async () => {
	await Promise.all(contexts.map((context) => context.close()));
	expect(problems).toEqual([]);
});

async function newPage(
	options: { csp?: boolean; javaScriptEnabled?: boolean } = {},
): Promise<Page> {
	// `csp: false` also lifts the policy dist/_headers sends (the test server applies that file).
	const context = await browser.newContext({
		javaScriptEnabled: options.javaScriptEnabled ?? true,
		bypassCSP: options.csp === false,
	});
	contexts.push(context);
	const page = await context.newPage();
	page.on('console', (message) => {
		if (message.type() === 'error') problems.push(message.text());
	});
	page.on('pageerror', (error) => problems.push(error.message));
	if (options.csp !== false) {
		await page.route(
			(url) => url.pathname.endsWith('/'),
			async (route) => {
				const response = await route.fetch();
				await route.fulfill({
					response,
					headers: { ...response.headers(), 'content-security-policy': CSP },
				});
			},
		);
	}
	return page;
}

/** Wait for a value to settle: the machine may be busy, so allow more than Vitest's default second. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 10_000 });
const status = (page: Page) => page.locator('[data-status]');
const resultTitles = (page: Page) => page.locator('[data-results] h3').allTextContents();
const resultSections = (page: Page) =>
	page.locator('[data-results] [data-section]').allTextContents();

/** Open the "Filter and order" panel and wait for its options' counts. */
async function openFilters(page: Page): Promise<void> {
	await page.getByText('Filter and order').click();
	await poll(() => page.locator('[data-filter-group] input').count()).toBeGreaterThan(0);
}

/** Open the search page and wait for its first answer. */
async function openSearch(query: string, options?: Parameters<typeof newPage>[0]): Promise<Page> {
	const page = await newPage(options);
	await page.goto(`${server.url}/search/${query}`);
	await poll(() => status(page).textContent()).not.toBe('');
	return page;
}

// A browser on a shared, busy machine: allow each test more than the suite's default.
describe('search page', { timeout: 60_000 }, () => {
	it('finds a phrase from the last paragraph of a long article, with date, section and highlighted excerpt', async () => {
		const page = await openSearch('?q=turquoise+caravanserai+lanterns');
		await poll(() => status(page).textContent()).toBe(
			'1 result for “turquoise caravanserai lanterns”.',
		);
		expect(await resultTitles(page)).toEqual(['Long read across the steppe']);
		const result = page.locator('[data-results] li').first();
		expect(
			await result.getByRole('link', { name: 'Long read across the steppe' }).getAttribute('href'),
		).toBe('/articles/long-read/');
		expect(await result.locator('time').textContent()).toBe('10 December 2025');
		expect(await result.locator('[data-section]').textContent()).toBe('Society');
		expect(await result.locator('mark').allTextContents()).toEqual([
			'turquoise',
			'caravanserai',
			'lanterns',
		]);
		expect(await result.locator('[data-excerpt]').textContent()).toContain(
			'The final paragraph mentions the turquoise caravanserai lanterns of Turkestan.',
		);
		expect(await page.locator('#search-query').inputValue()).toBe(
			'turquoise caravanserai lanterns',
		);
		expect(await page.title()).toBe('“turquoise caravanserai lanterns”: Search | Caravan');
	});

	it('shows writer text as text: a headline with markup and an excerpt with only Pagefind’s marks', async () => {
		const page = await openSearch('?q=script');
		expect(await resultTitles(page)).toEqual([
			"<script>alert('x')</script> & “quotes” in a headline",
		]);
		expect(await page.locator('[data-results] mark').allTextContents()).toEqual([
			"<script>alert('x')</script>",
			'</script>',
		]);
		expect(await page.locator('[data-results] script, [data-results] b').count()).toBe(0);
		await openFilters(page);
		expect(await page.getByRole('checkbox', { name: "O'Brien <b>Bold</b> (1)" }).count()).toBe(1);
	});

	it('narrows by section (any of the chosen sections), keeps the URL in step, and goes back', async () => {
		const page = await openSearch('?q=fixture');
		await poll(() => status(page).textContent()).toBe('10 results for “fixture”.');
		expect(await page.locator('[data-results] li').count()).toBe(5);

		await openFilters(page);
		const politics = page.getByRole('checkbox', { name: 'Politics (2)' });
		await politics.check();
		await poll(() => status(page).textContent()).toBe(
			'2 results for “fixture” with the chosen filters.',
		);
		expect(new Set(await resultSections(page))).toEqual(new Set(['Politics']));
		expect(new URL(page.url()).search).toBe('?q=fixture&section=Politics');
		// The options were redrawn with new counts; the keyboard stays on the one just used.
		expect(
			await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value),
		).toBe('Politics');

		// Other sections stay offered, with their counts for the same words.
		await page.getByRole('checkbox', { name: 'Economy (3)' }).check();
		await poll(() => status(page).textContent()).toBe(
			'5 results for “fixture” with the chosen filters.',
		);
		expect(new Set(await resultSections(page))).toEqual(new Set(['Politics', 'Economy']));
		expect(new URL(page.url()).search).toBe('?q=fixture&section=Economy&section=Politics');

		await page.goBack();
		await poll(() => status(page).textContent()).toBe(
			'2 results for “fixture” with the chosen filters.',
		);
		expect(await page.getByRole('checkbox', { name: /^Politics/ }).isChecked()).toBe(true);
		expect(await page.getByRole('checkbox', { name: /^Economy/ }).isChecked()).toBe(false);
		await page.goBack();
		await poll(() => status(page).textContent()).toBe('10 results for “fixture”.');
		expect(new URL(page.url()).search).toBe('?q=fixture');
		await page.goForward();
		await poll(() => status(page).textContent()).toBe(
			'2 results for “fixture” with the chosen filters.',
		);
	});

	it('orders newest first on request, and records the order in the URL', async () => {
		const page = await openSearch('?q=fixture');
		await page.getByText('Filter and order').click();
		await page.getByRole('radio', { name: 'Newest first' }).check();
		await poll(() => new URL(page.url()).search).toBe('?q=fixture&sort=date');
		await poll(() => resultTitles(page)).toEqual([
			'Fixture story number 9',
			'Fixture tie-break story',
			...[8, 7, 6].map((n) => `Fixture story number ${n}`),
		]);
		await page.getByRole('button', { name: 'Show more results' }).click();
		await poll(() => resultTitles(page)).toEqual([
			'Fixture story number 9',
			'Fixture tie-break story',
			...[8, 7, 6, 5, 4, 3, 2, 1].map((n) => `Fixture story number ${n}`),
		]);
	});

	it('searches as the reader types, with one history entry per edit', async () => {
		const page = await openSearch('?q=fixture');
		// A pause after a space must not cost the reader that space.
		await page.locator('#search-query').fill('steppe ');
		await poll(() => new URL(page.url()).search).toBe('?q=steppe');
		await poll(() => resultTitles(page)).toEqual(['Long read across the steppe']);
		await page.locator('#search-query').pressSequentially('road', { delay: 20 });
		await poll(() => new URL(page.url()).search).toBe('?q=steppe+road');
		expect(await page.locator('#search-query').inputValue()).toBe('steppe road');
		await page.goBack();
		await poll(() => status(page).textContent()).toBe('10 results for “fixture”.');
		expect(await page.locator('#search-query').inputValue()).toBe('fixture');
	});

	it('shows five results at a time; "Show more results" fetches the next, moves the keyboard to them and says how many show', async () => {
		const page = await newPage();
		const fragments: string[] = [];
		page.on('request', (request) => {
			if (request.url().endsWith('.pf_fragment')) fragments.push(request.url());
		});
		await page.goto(`${server.url}/search/?q=story`);
		await poll(() => status(page).textContent()).toMatch(/^1[1-4] results for “story”\.$/);
		const total = Number((await status(page).textContent())?.split(' ')[0]);
		expect(await page.locator('[data-results] li').count()).toBe(5);
		// Only the results shown are fetched.
		expect(fragments).toHaveLength(5);
		const more = page.getByRole('button', { name: 'Show more results' });
		const shown = page.locator('[data-shown]');
		expect(await shown.getAttribute('role')).toBe('status');
		expect(await shown.textContent()).toBe('');

		// From the keyboard, as a screen reader user would.
		await more.focus();
		await page.keyboard.press('Enter');
		await poll(() => page.locator('[data-results] li').count()).toBe(10);
		expect(fragments).toHaveLength(10);
		expect(
			await page.evaluate(
				() =>
					document.activeElement?.closest('li') ===
					document.querySelectorAll('[data-results] li')[5],
			),
		).toBe(true);
		expect(await shown.textContent()).toBe(`Showing 10 of ${total} results.`);

		await more.click();
		await poll(() => page.locator('[data-results] li').count()).toBe(total);
		expect(
			await page.evaluate(
				() =>
					document.activeElement?.closest('li') ===
					document.querySelectorAll('[data-results] li')[10],
			),
		).toBe(true);
		expect(await shown.textContent()).toBe(`Showing ${total} of ${total} results.`);
		expect(await more.isVisible()).toBe(false);

		// A new search starts from the first five again, and the count said before is gone.
		await page.locator('#search-query').fill('fixture');
		await poll(() => status(page).textContent()).toBe('10 results for “fixture”.');
		expect(await page.locator('[data-results] li').count()).toBe(5);
		expect(await shown.textContent()).toBe('');
	});

	it('fetches neither a search worker nor the filter data until the reader opens the filters', async () => {
		const page = await newPage();
		const fetched: string[] = [];
		page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
		await page.goto(`${server.url}/search/?q=fixture`);
		await poll(() => status(page).textContent()).toBe('10 results for “fixture”.');
		const filterPanel = page.locator('details[data-refine]');
		expect(await filterPanel.getAttribute('open')).toBeNull();
		expect(fetched.filter((url) => url.includes('worker'))).toEqual([]);
		expect(fetched.filter((url) => url.endsWith('.pf_filter'))).toEqual([]);

		await openFilters(page);
		expect(fetched.filter((url) => url.endsWith('.pf_filter')).length).toBeGreaterThan(0);
		expect(await page.getByRole('checkbox', { name: 'Politics (2)' }).isVisible()).toBe(true);
		// The results shown stay as they were.
		expect(await page.locator('[data-results] li').count()).toBe(5);
	});

	it('finds nothing of a draft or an embargoed story, and says so clearly', async () => {
		for (const words of ['xylophone marmalade', 'periwinkle obelisk']) {
			const page = await openSearch(`?q=${encodeURIComponent(words)}`);
			await poll(() => status(page).textContent()).toBe(`No results for “${words}”.`);
			expect(await page.locator('[data-results] li').count()).toBe(0);
			expect(await page.locator('[data-hint]').isVisible()).toBe(true);
		}
	});

	it('offers every filter on an empty search, without the unpublished story’s tag', async () => {
		const page = await newPage();
		await page.goto(`${server.url}/search/`);
		await poll(() => page.locator('[data-hint]').textContent()).not.toBe('');
		await openFilters(page);
		await poll(() => page.locator('[data-filter-group="tag"] input').count()).toBeGreaterThan(0);
		expect(await page.locator('[data-filter-group="tag"] label').allTextContents()).not.toContain(
			'embargo-only-tag',
		);
		await page.getByRole('checkbox', { name: 'Culture (2)' }).check();
		await poll(() => status(page).textContent()).toBe('2 stories match the chosen filters.');
		expect(await resultTitles(page)).toEqual(['Folder form story', 'Fixture story number 5']);
	});

	it('has no accessibility violations with results and filters shown (axe, WCAG 2.1 A and AA)', async () => {
		// axe is injected as an inline script, which the CSP would (rightly) block.
		const page = await openSearch('?q=fixture&section=Politics', { csp: false });
		await poll(() => status(page).textContent()).toBe(
			'2 results for “fixture” with the chosen filters.',
		);
		await page.addScriptTag({ path: path.join(ROOT, 'node_modules/axe-core/axe.min.js') });
		const violations = await page.evaluate(async () => {
			const { axe } = window as unknown as {
				axe: {
					run(
						context: Document,
						options: object,
					): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
				};
			};
			const results = await axe.run(document, {
				runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
			});
			return results.violations.map(
				(violation) =>
					`${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
			);
		});
		expect(violations).toEqual([]);
	});

	it('labels the query visibly and announces results in a live region', async () => {
		const page = await openSearch('?q=fixture');
		expect(await page.getByLabel('Search all stories').isVisible()).toBe(true);
		expect(await status(page).getAttribute('role')).toBe('status');
		await openFilters(page);
		expect(await page.getByRole('group', { name: 'Section' }).isVisible()).toBe(true);
		expect(await page.getByRole('group', { name: 'Order' }).isVisible()).toBe(true);
	});

	it('without JavaScript, says search needs it and still submits as a GET form', async () => {
		const page = await newPage({ javaScriptEnabled: false });
		await page.goto(`${server.url}/search/`);
		// Playwright's text locators skip <noscript>, so find the notice by its element.
		const notice = page.locator('search-page .notice');
		expect(await notice.isVisible()).toBe(true);
		expect(await notice.textContent()).toMatch(
			/^\s*Search runs in your browser and needs JavaScript\./,
		);
		expect(await page.locator('[data-enhanced]').isVisible()).toBe(false);
		await page.locator('#search-query').fill('steppe road');
		await page.locator('#search-query').press('Enter');
		await page.waitForURL(/\/search\/\?q=steppe\+road$/);
	});
});
