/**
 * `npm run dev` previews drafts and embargoed stories, each labelled (the fixture build never has
 * them), and serves a story's new text once it is saved.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/bench/dev.ts';
import { parse, text, texts } from '../helpers/html.ts';
import {
	builtSite,
	cleanEnv,
	FIXTURE_EPOCH,
	OUTPUT,
	ROOT,
	SITES,
} from '../../scripts/lib/fixtureSites.ts';

let server: ChildProcess | undefined;
let origin = '';
let output = '';

/** The origin absolute URLs carry (the default SITE_URL). */
const SITE_URL = 'https://caravan.example';
/** The last build the dev server serves the search index of (one with four index bundles). */
let lastBuild = '';
/** A copy of the fixture content: the reload test edits it. */
const content = path.join(OUTPUT, 'dev-content');

beforeAll(async () => {
	lastBuild = await builtSite('fixtureBundled');
	await rm(content, { recursive: true, force: true });
	await cp(SITES.fixture.contentDir, content, { recursive: true });
	const port = await freePort();
	origin = `http://127.0.0.1:${port}`;
	server = spawn(
		process.execPath,
		[
			path.join(ROOT, 'node_modules/astro/bin/astro.mjs'),
			'dev',
			'--port',
			String(port),
			'--host',
			'127.0.0.1',
		],
		{
			cwd: ROOT,
			env: cleanEnv({
				CONTENT_DIR: content,
				SOURCE_DATE_EPOCH: String(FIXTURE_EPOCH),
				CARAVAN_CACHE_DIR: path.join(OUTPUT, 'dev-cache'),
				CARAVAN_OUT_DIR: lastBuild,
			}),
			stdio: ['ignore', 'pipe', 'pipe'],
		},
	);
	server.stdout?.on('data', (chunk) => (output += chunk));
	server.stderr?.on('data', (chunk) => (output += chunk));
	for (let waited = 0; ; waited += 250) {
		if (server.exitCode !== null) throw new Error(`astro dev exited:\n${output}`);
		if (waited > 60_000) throw new Error(`astro dev did not start in 60 s:\n${output}`);
		try {
			if ((await fetch(`${origin}/`)).ok) break;
		} catch {
			// not listening yet
		}
		await sleep(250);
	}
});

afterAll(async () => {
	if (server && server.exitCode === null) {
		server.kill('SIGTERM');
		await new Promise((resolve) => server?.once('exit', resolve));
	}
});

const page = async (url: string) => {
	const response = await fetch(`${origin}${url}`);
	expect(response.status, url).toBe(200);
	return parse(await response.text());
};

describe('npm run dev', () => {
	it('serves a draft with a "Draft" label', async () => {
		const doc = await page('/articles/draft-story/');
		expect(text(doc.querySelector('h1'))).toBe('Unpublished draft story');
		expect(texts(doc, '.byline .badge')).toEqual(['Draft: not published']);
		expect(text(doc.querySelector('.prose'))).toContain('xylophone marmalade quorum');
	});

	it("serves the last build's search index, every bundle of it, and nothing else from the build", async () => {
		const bundles = [
			'/pagefind/en/2025-11-28/',
			'/pagefind/en/2025-12-03/',
			'/pagefind/en/2025-12-08/',
			'/pagefind/en/2025-12-13/',
		];
		for (const bundle of bundles) {
			const response = await fetch(`${origin}${bundle}pagefind-entry.json`);
			expect(response.status, bundle).toBe(200);
			expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
			expect(Object.keys(((await response.json()) as { languages: object }).languages)).toEqual([
				'en',
			]);
		}
		expect((await fetch(`${origin}/pagefind/pagefind.js`)).status).toBe(200);
		expect((await fetch(`${origin}/pagefind/en/2025-12-18/pagefind-entry.json`)).status).toBe(404);
		expect((await fetch(`${origin}/pagefind/..%2Fticker.json`)).status).toBe(404);
	});

	it('serves an embargoed story labelled with its release time', async () => {
		const doc = await page('/articles/embargoed-story/');
		expect(texts(doc, '.byline .badge')).toEqual(['Embargoed until 20 January 2026']);
	});

	it('lists them, labelled, in listings', async () => {
		const labelled = (doc: Document) =>
			[...doc.querySelectorAll('.article-list article')]
				.filter((item) => item.querySelector('.badge'))
				.map(
					(item) =>
						`${text(item.querySelector('.headline'))}: ${text(item.querySelector('.badge'))}`,
				);
		// Newest first: the embargoed story (dated next month) heads the front page.
		expect(labelled(await page('/'))).toEqual([
			'Embargoed future story: Embargoed until 20 January 2026',
		]);
		expect(labelled(await page('/author/staff-reporter/'))).toContain(
			'Unpublished draft story: Draft: not published',
		);
	});

	it('keeps drafts and embargoed stories out of the feeds and sitemaps it serves', async () => {
		const index = await (await fetch(`${origin}/sitemap-index.xml`)).text();
		expect(index).toContain(`<loc>${SITE_URL}/sitemap-0.xml</loc>`);
		const served = new Map(
			await Promise.all(
				['/sitemap-0.xml', '/rss.xml', '/atom.xml', '/news-sitemap.xml'].map(
					async (url) => [url, await (await fetch(`${origin}${url}`)).text()] as const,
				),
			),
		);
		expect(served.get('/sitemap-0.xml')).toContain(`<loc>${SITE_URL}/articles/long-read/</loc>`);
		expect(served.get('/rss.xml')).toContain(`${SITE_URL}/articles/long-read/`);
		for (const [url, body] of served) {
			for (const needle of ['draft-story', 'embargoed-story', 'embargo-only-tag'])
				expect(body.includes(needle), `${needle} in ${url}`).toBe(false);
		}
	});
});

describe('npm run dev, after a story is saved', () => {
	/** Poll `url` until `ready` holds for its page (Astro reloads a story a moment after it is saved). */
	const eventually = async (url: string, ready: (doc: Document) => boolean) => {
		for (let tries = 0; ; tries++) {
			const doc = await page(url);
			if (ready(doc) || tries > 120) return doc;
			await sleep(250);
		}
	};

	it("serves the story's new headline and text, and lists it under the new headline", async () => {
		const file = path.join(content, 'articles/draft-story.md');
		const original = await readFile(file, 'utf8');
		await writeFile(
			file,
			`${original.replace('title: "Unpublished draft story"', 'title: "Retitled draft story"')}\nA sentence about zanzibar quinces.\n`,
		);
		const doc = await eventually(
			'/articles/draft-story/',
			(d) => text(d.querySelector('h1')) === 'Retitled draft story',
		);
		expect(text(doc.querySelector('h1'))).toBe('Retitled draft story');
		expect(text(doc.querySelector('.prose'))).toContain('zanzibar quinces');
		// The listings are worked out again too.
		const listing = await page('/author/staff-reporter/');
		expect(texts(listing, '.article-list .headline')).toContain('Retitled draft story');
		expect(texts(listing, '.article-list .headline')).not.toContain('Unpublished draft story');
	});
});

describe('the production build of the same content', () => {
	it('has neither story, nor any label', async () => {
		const dist = await builtSite('fixture');
		expect(existsSync(path.join(dist, 'articles/draft-story/index.html'))).toBe(false);
		expect(existsSync(path.join(dist, 'articles/embargoed-story/index.html'))).toBe(false);
		expect(
			texts(
				parse(
					await (await import('node:fs/promises')).readFile(path.join(dist, 'index.html'), 'utf8'),
				),
				'.badge',
			),
		).toEqual([]);
	});
});
