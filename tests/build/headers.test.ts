/**
 * `_headers` as a CDN applies it to the built fixture site, and to the fixture indexed in
 * several search bundles: one Cache-Control per path, the CSP everywhere.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseHeadersFile } from '../../scripts/lib/server.ts';
import { builtSite, readDist } from '../../scripts/lib/fixtureSites.ts';

/** The URL path a CDN serves a file at (`articles/x/index.html` → `/articles/x/`). */
const urlOf = (file: string) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`;

describe.each(['fixture', 'fixtureBundled'] as const)('_headers of the %s site', (site) => {
	let dist: string;
	let rules: ReturnType<typeof parseHeadersFile>;
	let urls: string[];

	/** Every value of `name` that the rules give `url` (Cloudflare Pages would join them with commas). */
	const values = (url: string, name: string) =>
		rules
			.filter((rule) => rule.pattern.test(url))
			.flatMap((rule) => rule.headers.filter(([n]) => n === name).map(([, v]) => v));

	beforeAll(async () => {
		dist = await builtSite(site);
		rules = parseHeadersFile(await readDist(dist, '_headers'));
		const entries = await readdir(dist, { recursive: true, withFileTypes: true });
		urls = entries
			.filter((e) => e.isFile() && e.name !== '_headers')
			.map((e) =>
				urlOf(path.relative(dist, path.join(e.parentPath, e.name)).split(path.sep).join('/')),
			);
	});

	it('gives no path two Cache-Control values', () => {
		for (const url of urls) expect(values(url, 'Cache-Control').length, url).toBeLessThanOrEqual(1);
	});

	it('caches hashed assets for a year, immutable', () => {
		const assets = urls.filter((url) => url.startsWith('/_astro/'));
		expect(assets.length).toBeGreaterThan(0);
		for (const url of assets)
			expect(values(url, 'Cache-Control'), url).toEqual(['public, max-age=31536000, immutable']);
		const chunks = urls.filter((url) =>
			/^\/pagefind\/[a-z]+\/\d{4}-\d\d-\d\d\/(fragment|index|filter)\//.test(url),
		);
		expect(chunks.length).toBeGreaterThan(0);
		const bundles = new Set(chunks.map((url) => url.split('/').slice(0, 4).join('/')));
		expect(bundles.size).toBe(site === 'fixtureBundled' ? 4 : 1);
		for (const url of chunks)
			expect(values(url, 'Cache-Control'), url).toEqual(['public, max-age=31536000, immutable']);
		// Processed images are named by content hash too (the fixture site has none: the rule itself).
		expect(values('/_images/lead-0123456789ab-800.avif', 'Cache-Control')).toEqual([
			'public, max-age=31536000, immutable',
		]);
		// Pagefind's entry points keep their names from build to build: never immutable.
		const entryPoints = urls.filter((url) => url.startsWith('/pagefind/') && !chunks.includes(url));
		expect(entryPoints).toContain('/pagefind/pagefind.js');
		for (const url of entryPoints)
			expect(values(url, 'Cache-Control').join(), url).not.toContain('immutable');
	});

	it('caches every page for a minute at most', () => {
		const pages = urls.filter((url) => url.endsWith('/') || url.endsWith('.html'));
		expect(pages).toContain('/');
		expect(pages).toContain('/404.html');
		for (const url of pages) {
			const [value] = values(url, 'Cache-Control');
			expect(value, url).toMatch(/max-age=(\d+)/);
			expect(Number(/max-age=(\d+)/.exec(value!)![1]), url).toBeLessThanOrEqual(60);
		}
	});

	it('sends the CSP and the other security headers with every response', () => {
		for (const url of urls) {
			const [csp] = values(url, 'Content-Security-Policy');
			expect(csp, url).toContain("script-src 'self' 'wasm-unsafe-eval'");
			expect(csp).toContain("style-src 'self';");
			// Only the site's own pages may frame it (every page embeds the edition strip).
			expect(csp).toContain("frame-ancestors 'self'");
			expect(csp).toMatch(/frame-src 'self'[ ;]/);
			expect(values(url, 'X-Frame-Options'), url).toEqual(['SAMEORIGIN']);
			expect(csp).not.toContain('unsafe-inline');
			expect(values(url, 'X-Content-Type-Options'), url).toEqual(['nosniff']);
			expect(values(url, 'Referrer-Policy'), url).toEqual(['strict-origin-when-cross-origin']);
			expect(values(url, 'Permissions-Policy'), url).toHaveLength(1);
		}
	});
});
