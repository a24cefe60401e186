/**
 * The built fixture and writers sites in Chromium, served with `dist/_headers` applied: the pages
 * (search with its WebAssembly, pictures, click-to-load embeds included) load and the
 * Content-Security-Policy reports nothing. Violations are caught three ways: the page's
 * `securitypolicyviolation` events, console messages, and Chromium's own issue reports (CDP Audits).
 * Highlighted code blocks (in both writers' stories) are coloured by classes, so they pass too.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { axeViolations, formatViolations } from '../quality/checks/browser.ts';
import { serve, type StaticServer } from '../../scripts/lib/server.ts';
import { builtSite } from '../../scripts/lib/fixtureSites.ts';

let browser: Browser;
const servers: Partial<Record<'fixture' | 'writers', StaticServer>> = {};

beforeAll(async () => {
	servers.fixture = await serve(await builtSite('fixture'));
	servers.writers = await serve(await builtSite('writers'));
	browser = await launchBrowser();
});

afterAll(async () => {
	await browser?.close();
	await servers.fixture?.close();
	await servers.writers?.close();
});

interface Visit {
	status: number | undefined;
	csp: string | undefined;
	/** Everything that says the policy was broken. */
	violations: string[];
	/** Console errors, and sub-resources that failed to load. */
	errors: string[];
	page: Page;
}

/** Open `path` of a site, collect violations while it loads, then run `act` in it (for the control case). */
async function visit(
	site: keyof typeof servers,
	path: string,
	act?: (page: Page) => Promise<void>,
): Promise<Visit> {
	const page = await browser.newPage();
	const violations: string[] = [];
	const errors: string[] = [];
	page.on('console', (message) => {
		// A failed load is reported by URL below; the page's own 404 status is what that test expects.
		if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
			errors.push(message.text());
		if (/Content Security Policy/i.test(message.text()))
			violations.push(`console: ${message.text()}`);
	});
	page.on('pageerror', (error) => errors.push(error.message));
	page.on('requestfailed', (request) => errors.push(`failed: ${request.url()}`));
	page.on('response', (response) => {
		if (response.request().resourceType() !== 'document' && response.status() >= 400)
			errors.push(`${response.status()}: ${response.url()}`);
	});
	const cdp = await page.context().newCDPSession(page);
	cdp.on('Audits.issueAdded', ({ issue }) => {
		if (issue.code === 'ContentSecurityPolicyIssue')
			violations.push(`audit: ${JSON.stringify(issue.details.contentSecurityPolicyIssueDetails)}`);
	});
	await cdp.send('Audits.enable');
	// Init scripts are injected by the browser itself, so the policy does not stop this listener.
	await page.addInitScript(() => {
		const seen: string[] = [];
		(window as unknown as { cspViolations: string[] }).cspViolations = seen;
		document.addEventListener('securitypolicyviolation', (event) =>
			seen.push(`${event.violatedDirective} ${event.blockedURI}`),
		);
	});
	const response = await page.goto(`${servers[site]!.url}${path}`, { waitUntil: 'load' });
	await act?.(page);
	await page.waitForTimeout(250); // reports are delivered asynchronously
	violations.push(
		...(
			await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)
		).map((v) => `event: ${v}`),
	);
	return {
		status: response?.status(),
		csp: response?.headers()['content-security-policy'],
		violations,
		errors,
		page,
	};
}

describe('under the Content-Security-Policy', () => {
	for (const [name, site, path, status] of [
		['the front page', 'fixture', '/', 200],
		['an article', 'fixture', '/articles/long-read/', 200],
		['the hostile-headline article', 'fixture', '/articles/xss-headline/', 200],
		['a listing', 'fixture', '/section/economy/', 200],
		['the 404 page', 'fixture', '/no-such-page/', 404],
		['an article with pictures', 'writers', '/articles/illustrated-story/', 200],
		['an article with video embeds and components', 'writers', '/articles/components-story/', 200],
	] as const) {
		it(`${name} loads styled, with no violation and no console error`, async () => {
			const { status: actual, csp, violations, errors, page } = await visit(site, path);
			expect(actual).toBe(status);
			expect(csp).toContain("default-src 'self'");
			expect(violations).toEqual([]);
			expect(errors).toEqual([]);
			// The stylesheets applied: the skip link is moved off-screen by CSS, not shown at the top.
			const skip = await page.locator('.skip-link').boundingBox();
			expect(skip === null || skip.y < 0 || skip.x < 0 || skip.width <= 1).toBe(true);
			expect(await page.locator('h1').count()).toBeGreaterThan(0);
			await page.close();
		});
	}

	it('the search page finds stories (Pagefind compiles its WebAssembly) with no violation', async () => {
		const { violations, errors, page } = await visit('fixture', '/search/?q=steppe', async (p) => {
			await p.locator('main a[href="/articles/long-read/"]').first().waitFor({ timeout: 20_000 });
		});
		expect(violations).toEqual([]);
		expect(errors).toEqual([]);
		await page.close();
	});

	for (const [format, path] of [
		['Markdown', '/articles/illustrated-story/'],
		['MDX', '/articles/components-story/'],
	] as const) {
		it(`a ${format} code block is coloured by classes, legible in light and dark, with no violation`, async () => {
			const { violations, errors, page } = await visit('writers', path);
			expect(violations).toEqual([]);
			expect(errors).toEqual([]);
			expect(await page.locator('pre.astro-code').count()).toBe(1);
			expect(await page.locator('pre.astro-code[style], pre.astro-code [style]').count()).toBe(0);
			const keywords: string[] = [];
			for (const colorScheme of ['light', 'dark'] as const) {
				await page.emulateMedia({ colorScheme });
				const [keyword, plain] = await page.evaluate(() =>
					['pre.astro-code .code-keyword', 'pre.astro-code code'].map(
						(selector) => getComputedStyle(document.querySelector(selector)!).color,
					),
				);
				expect(keyword, colorScheme).not.toBe(plain);
				keywords.push(keyword!);
				const contrast = await axeViolations(page, undefined, 'pre.astro-code');
				expect(contrast, formatViolations(contrast)).toEqual([]);
			}
			expect(keywords[0]).not.toBe(keywords[1]);
			await page.close();
		});
	}

	it('does report a violation when a page breaks the policy (the checks are live)', async () => {
		const { violations, page } = await visit('fixture', '/', async (p) => {
			await p.evaluate(() => {
				const script = document.createElement('script');
				script.textContent = 'document.title = "inline ran"';
				document.head.append(script);
			});
		});
		expect(await page.title()).not.toBe('inline ran');
		expect(violations.some((v) => v.startsWith('event: script-src'))).toBe(true);
		expect(violations.some((v) => v.startsWith('audit:'))).toBe(true);
		expect(violations.some((v) => v.startsWith('console:'))).toBe(true);
		await page.close();
	});
});
