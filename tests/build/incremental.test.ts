/**
 * Warm builds (Astro's incremental build, src/lib/pageKeys.ts): article pages nothing changed for
 * are copied from the cache, the rest are rendered again, and the result is byte for byte the
 * cold build of the same content.
 */
import { existsSync } from 'node:fs';
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectSameFiles } from '../helpers/files.ts';
import { runBuild, SITES, tempDir, type BuildResult } from '../helpers/site.ts';

const env = { SOURCE_DATE_EPOCH: String(SITES.fixture.epoch) };
/** The story whose headline changes, and the one whose body photo is replaced under the same name. */
const RETITLED = 'fixture-story-05';
const REPHOTOGRAPHED = 'folder-form-story';

let work: string;
let contentDir: string;
let first: BuildResult;
let warm: BuildResult;
let cold: BuildResult;

const photo = (background: string) =>
	sharp({ create: { width: 900, height: 600, channels: 3, background } }).jpeg({ quality: 90 }).toBuffer();

/** Article pages the build copied from its cache instead of rendering. */
const restored = (build: BuildResult) => [...build.stdout.matchAll(/├─ (\S+) \(restored\)/g)].map((match) => match[1] ?? '').sort();

beforeAll(async () => {
	work = await tempDir('caravan-incremental-');
	contentDir = path.join(work, 'content');
	await cp(SITES.fixture.contentDir, contentDir, { recursive: true });
	const story = path.join(contentDir, 'articles', REPHOTOGRAPHED, 'index.md');
	await writeFile(story, `${await readFile(story, 'utf8')}\n![A market stall](./market.jpg)\n`);
	await writeFile(path.join(path.dirname(story), 'market.jpg'), await photo('#b33a2a'));
	first = await runBuild({ contentDir, outDir: path.join(work, 'warm', 'dist'), env });
	expect(first.status, first.stderr).toBe(0);

	const retitled = path.join(contentDir, 'articles', `${RETITLED}.md`);
	await writeFile(retitled, (await readFile(retitled, 'utf8')).replace('title: "Fixture story number 5"', 'title: "Fixture story five, retitled"'));
	await writeFile(path.join(path.dirname(story), 'market.jpg'), await photo('#2a6bb3'));
	warm = await runBuild({ contentDir, outDir: path.join(work, 'warm', 'dist'), env });
	expect(warm.status, warm.stderr).toBe(0);
	cold = await runBuild({ contentDir, outDir: path.join(work, 'cold', 'dist'), env });
	expect(cold.status, cold.stderr).toBe(0);
}, 300_000);

describe('warm build after changing two stories', () => {
	it('renders nothing from the cache on a cold build', () => {
		expect(restored(first)).toEqual([]);
		expect(restored(cold)).toEqual([]);
	});

	it('copies the unchanged article pages, and renders the changed ones and every page showing them again', async () => {
		const dist = path.join(work, 'warm', 'dist');
		const articles = (await readdir(path.join(dist, 'articles'))).sort();
		// Pages listing the retitled story among their related stories show its new headline.
		const showing: string[] = [];
		for (const slug of articles) {
			const html = await readFile(path.join(dist, 'articles', slug, 'index.html'), 'utf8');
			if (slug !== RETITLED && html.includes('Fixture story five, retitled')) showing.push(slug);
		}
		expect(showing.length).toBeGreaterThan(0);
		const rendered = new Set([RETITLED, REPHOTOGRAPHED, 'mdx-story' /* MDX: always rendered */, ...showing]);
		const expected = articles.filter((slug) => !rendered.has(slug)).map((slug) => `/articles/${slug}/index.html`);
		expect(expected.length).toBeGreaterThan(0);
		expect(restored(warm).filter((file) => file.startsWith('/articles/'))).toEqual(expected);
	});

	it('copies the cards of unchanged stories, and draws the changed ones again', async () => {
		const cards = (await readdir(path.join(work, 'warm', 'dist', 'cards', 'articles'))).sort();
		const changed = [`${RETITLED}.png`, `${REPHOTOGRAPHED}.png`];
		expect(restored(warm).filter((file) => file.startsWith('/cards/'))).toEqual(cards.filter((card) => !changed.includes(card)).map((card) => `/cards/articles/${card}`));
	});

	it('copies the listing pages that show neither story, and renders those that do', async () => {
		const dist = path.join(work, 'warm', 'dist');
		const listings = (await readdir(dist, { recursive: true }))
			// Not the search pages or the sections overview: rendered on every build (no cache key).
			.filter((file) => file.endsWith('index.html') && !/^(ru\/)?(articles|search|section\/index\.html)/.test(file))
			.map((file) => `/${file}`)
			.sort();
		const showing: string[] = [];
		for (const file of listings) {
			const html = await readFile(path.join(dist, file), 'utf8');
			if (html.includes('Fixture story five, retitled') || html.includes(`/articles/${REPHOTOGRAPHED}/`)) showing.push(file);
		}
		expect(showing).toContain('/index.html');
		expect(restored(warm).filter((file) => !/^\/(articles|cards)\//.test(file))).toEqual(listings.filter((file) => !showing.includes(file)));
	});

	it('gives the same files, byte for byte, as a cold build of the changed content', async () => {
		await expectSameFiles(path.join(work, 'warm', 'dist'), path.join(work, 'cold', 'dist'));
		// The replaced photo is served under its new name.
		const html = await readFile(path.join(work, 'warm', 'dist', 'articles', REPHOTOGRAPHED, 'index.html'), 'utf8');
		const [photo] = /\/_images\/[^" ]+\.jpg/.exec(html) ?? [];
		expect(photo && existsSync(path.join(work, 'cold', 'dist', photo))).toBe(true);
	});
});
