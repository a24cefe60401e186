/**
 * The sanitiser holds by itself: known XSS vectors (tests/fixtures/xss/vectors.json: the OWASP
 * filter-evasion cheat sheet, mutation XSS, disguised script URLs) typed into Markdown and MDX
 * bodies, built into a small site (scripts/lib/xssSite.ts), opened in Chromium served WITHOUT
 * the Content-Security-Policy. No script may run (alert, confirm, prompt and `__xssHit` are
 * trapped in every frame; a dialog or a request to another host counts too), no handler
 * attribute or script URL may be left in the page, and writers' formatting must stay.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { serve, type StaticServer } from '../../scripts/lib/server.ts';
import { builtSite } from '../../scripts/lib/fixtureSites.ts';
import { xssStories } from '../../scripts/lib/xssSite.ts';

vi.setConfig({ testTimeout: 60_000 });

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
	server = await serve(await builtSite('xss'), { applyHeaders: false });
	browser = await launchBrowser();
}, 600_000);

afterAll(async () => {
	await browser?.close();
	await server?.close();
});

interface Visit {
	page: Page;
	/** Everything that says a vector ran or reached out. */
	hits: string[];
	csp: string | undefined;
}

/** Open an article with the trap set in every frame, let handlers and animations fire, and collect the hits. */
async function visit(slug: string): Promise<Visit> {
	const context = await browser.newContext();
	const page = await context.newPage();
	const hits: string[] = [];
	await context.route('**/*', (route) => {
		if (route.request().url().startsWith(server.url)) return route.continue();
		hits.push(`request: ${route.request().url()}`);
		return route.abort();
	});
	page.on('dialog', (dialog) => {
		hits.push(`dialog: ${dialog.message()}`);
		void dialog.dismiss();
	});
	page.on('console', (message) => {
		if (message.text().startsWith('__xssHit')) hits.push(`console: ${message.text()}`);
	});
	page.on('popup', (popup) => hits.push(`popup: ${popup.url()}`));
	await context.addInitScript(() => {
		const hit = (what: unknown) => console.log(`__xssHit ${String(what)}`);
		Object.assign(window, { __xssHit: hit, alert: hit, confirm: hit, prompt: hit });
	});
	const response = await page.goto(`${server.url}/articles/${slug}/`, { waitUntil: 'load' });
	// Animations (`onbegin`), `ontoggle` and failed loads (`onerror`) fire after load.
	await page.waitForTimeout(600);
	if (!page.url().startsWith(`${server.url}/articles/${slug}/`))
		hits.push(`navigated: ${page.url()}`);
	return { page, hits, csp: response?.headers()['content-security-policy'] };
}

/** What in the page could still run a script: handler attributes, script URLs, active elements. */
function leftovers(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const found: string[] = [];
		// Attributes a browser reads as a URL (plain text, like a meta description quoting a vector, is harmless).
		const urlAttribute =
			/^(href|xlink:href|src|srcset|lowsrc|dynsrc|action|formaction|data|poster|background|cite|ping|codebase|longdesc|usemap|manifest|from|to|values|by)$/i;
		const scriptUrl = (value: string) =>
			/^(javascript|vbscript|data:text\/html)/i.test(
				// eslint-disable-next-line no-control-regex -- a browser ignores these characters in a URL, so the check does too
				value.replace(/[\u0000-\u0020\u007f-\u009f]/g, ''),
			);
		for (const element of document.querySelectorAll('*')) {
			for (const { name, value } of element.attributes) {
				if (
					/^on/i.test(name) ||
					(/^(srcdoc|formaction|action)$/i.test(name) && element.closest('main'))
				)
					found.push(`${element.localName}[${name}]`);
				else if (urlAttribute.test(name) && scriptUrl(value))
					found.push(`${element.localName}[${name}="${value}"]`);
			}
		}
		const active =
			'script:not([src^="/_astro/"]):not([type="application/ld+json"]), iframe, frame, object, embed, base, meta[http-equiv], style, svg, math, form, input, button, textarea, select, link[href^="http"], link[href^="//"]';
		for (const element of document.querySelectorAll(`main ${active.replaceAll(', ', ', main ')}`))
			found.push(`<${element.localName}>`);
		return found;
	});
}

const stories = xssStories();

describe('known XSS vectors in article bodies, without the CSP', () => {
	it('covers the whole corpus, in both formats', () => {
		const markers = stories.flatMap((story) => story.markers);
		expect(markers.filter((m) => m.startsWith('xss-vector-')).length).toBeGreaterThan(150);
		expect(markers.filter((m) => m.startsWith('xss-jsx-vector-')).length).toBeGreaterThan(40);
	});

	for (const story of stories.filter((s) => s.markers.length > 0)) {
		it(`${story.slug} (${story.format}, ${story.markers.length} vector${story.markers.length > 1 ? 's' : ''}): nothing runs, nothing is left, what follows stays`, async () => {
			const { page, hits, csp } = await visit(story.slug);
			expect(csp).toBeUndefined();
			expect(hits).toEqual([]);
			expect(await leftovers(page)).toEqual([]);
			const text = await page.locator('main').innerText();
			expect(story.markers.filter((marker) => !text.includes(marker))).toEqual([]);
			await page.context().close();
		});
	}
});

describe("writers' formatting survives the sanitiser", () => {
	for (const slug of ['safe-formatting', 'safe-formatting-mdx']) {
		it(`${slug}: links, emphasis, lists, tables, figures and images stay`, async () => {
			const { page, hits } = await visit(slug);
			expect(hits).toEqual([]);
			const prose = (selector: string) => page.locator(`main .prose ${selector}`);
			expect(await prose('a[href="https://example.org/report"]').innerText()).toBe('report');
			expect(await prose('em').innerText()).toBe('emphasis');
			expect(await prose('strong').innerText()).toBe('strong');
			expect(await prose('mark').innerText()).toBe('marked');
			expect(await prose('abbr').getAttribute('title')).toBe('Kyrgyz som');
			expect(await prose('ul li').allInnerTexts()).toEqual(['first item', 'second item']);
			expect(await prose('ol li').allInnerTexts()).toEqual(['one', 'two']);
			expect(await prose('table td').allInnerTexts()).toEqual(['Osh', '322,000']);
			expect(await prose('figure blockquote + figcaption').innerText()).toBe('A saying from Osh');
			const image = prose('picture img[alt="Map of the route"]');
			expect(await image.count()).toBe(1);
			expect(
				await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0),
			).toBe(true);
			await page.context().close();
		});
	}
});
