/**
 * Warm builds (Astro's incremental build, src/lib/pageKeys.ts): article pages nothing changed for
 * are taken from the cache (hard-linked, not copied), the rest are rendered again, and the result
 * is byte for byte the cold build of the same content. The same on the first build of a new day:
 * a new ticker snapshot, an embargo lifted and a new story render only the pages they change.
 * A story re-dated into another search bundle re-indexes only the two bundles it left and joined.
 * The image step reads only the pages Astro rendered (scripts/lib/statMemo.ts), and still links
 * the images that only restored pages use. The card and image caches keep only what the last
 * build used.
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectSameFiles } from '../helpers/files.ts';
import { runBuild, SITES, tempDir, type BuildResult } from '../../scripts/lib/fixtureSites.ts';

const env = { SOURCE_DATE_EPOCH: String(SITES.fixture.epoch) };
/** A day later: the fixture's 2025-12-18 ticker snapshot becomes today's. */
const nextDay = { SOURCE_DATE_EPOCH: String(SITES.fixture.epoch + 86_400) };
/** Embargoed until the morning of the next day. */
const EMBARGO_LIFTED = 'lifted-next-morning';
/** Written on the next day. */
const NEW_STORY = 'next-day-story';
/** The story whose headline changes, and the one whose body photo is replaced under the same name. */
const RETITLED = 'fixture-story-05';
const REPHOTOGRAPHED = 'folder-form-story';
/** A story with a photo that nothing changes: its page is restored from the cache on every warm build. */
const STILL_PHOTO = 'still-photo-story';

let work: string;
let contentDir: string;
let first: BuildResult;
let warm: BuildResult;
let cold: BuildResult;

const storyText = (title: string, date: string) =>
	`---\ntitle: "${title}"\ndate: ${date}\nauthor: "Staff Reporter"\nsection: economy\ncountries: [kazakhstan]\ntags: [trade]\n---\n\nA paragraph about trade.\n`;

const photo = (background: string) =>
	sharp({ create: { width: 900, height: 600, channels: 3, background } })
		.jpeg({ quality: 90 })
		.toBuffer();

/** Article pages the build copied from its cache instead of rendering. */
const restored = (build: BuildResult) =>
	[...build.stdout.matchAll(/├─ (\S+) \(restored\)/g)].map((match) => match[1] ?? '').sort();

/** How many HTML files the image step read, and of how many (from its log line). */
function htmlRead(build: BuildResult): [number, number] {
	const line = /processed images: \d+ linked into \/_images\/; (\d+) of (\d+) HTML files read/.exec(
		build.stdout,
	);
	expect(line, build.stdout).toBeTruthy();
	return [Number(line?.[1]), Number(line?.[2])];
}

/**
 * The processed images that only restored HTML pages of `dist` use (no page Astro rendered in
 * `build`): each must be in `dist/_images/` though the image step never read those pages.
 */
async function imagesOfRestoredPagesOnly(dist: string, build: BuildResult): Promise<string[]> {
	const restoredPages = new Set(restored(build).filter((file) => file.endsWith('.html')));
	const byRestored = new Set<string>();
	const byRendered = new Set<string>();
	for (const file of await readdir(dist, { recursive: true })) {
		if (!file.endsWith('.html')) continue;
		const names =
			(await readFile(path.join(dist, file), 'utf8')).match(/\/_images\/[^" ,]+/g) ?? [];
		for (const name of names) (restoredPages.has(`/${file}`) ? byRestored : byRendered).add(name);
	}
	return [...byRestored].filter((name) => !byRendered.has(name)).sort();
}

/** Every listing page in `dist` (`/index.html`, `/section/economy/index.html`, `/page/1/index.html`…). */
const listingFiles = async (dist: string) =>
	(await readdir(dist, { recursive: true }))
		// Not the search pages or the sections overview: rendered on every build (no cache key).
		.filter(
			(file) =>
				file.endsWith('index.html') &&
				!/^(ru\/)?(articles|search|edition|section\/index\.html)/.test(file),
		)
		.map((file) => `/${file}`)
		.sort();

beforeAll(async () => {
	work = await tempDir('caravan-incremental-');
	contentDir = path.join(work, 'content');
	await cp(SITES.fixture.contentDir, contentDir, { recursive: true });
	const story = path.join(contentDir, 'articles', REPHOTOGRAPHED, 'index.md');
	await writeFile(story, `${await readFile(story, 'utf8')}\n![A market stall](./market.jpg)\n`);
	await writeFile(path.join(path.dirname(story), 'market.jpg'), await photo('#b33a2a'));
	await mkdir(path.join(contentDir, 'articles', STILL_PHOTO));
	await writeFile(
		path.join(contentDir, 'articles', STILL_PHOTO, 'index.md'),
		`---\ntitle: "A photo nothing changes"\ndate: 2025-11-20T10:00:00+05:00\nauthor: "Staff Reporter"\nsection: energy\ncountries: [turkmenistan]\n---\n\nA paragraph.\n\n![A gas flare](./flare.jpg)\n`,
	);
	await writeFile(
		path.join(contentDir, 'articles', STILL_PHOTO, 'flare.jpg'),
		await photo('#d98c1f'),
	);
	await writeFile(
		path.join(contentDir, 'articles', `${EMBARGO_LIFTED}.md`),
		storyText('Embargo lifted on the second morning', '2025-12-18T10:00:00+05:00'),
	);
	first = await runBuild({ contentDir, outDir: path.join(work, 'warm', 'dist'), env });
	expect(first.status, first.stderr).toBe(0);

	const retitled = path.join(contentDir, 'articles', `${RETITLED}.md`);
	await writeFile(
		retitled,
		(await readFile(retitled, 'utf8')).replace(
			'title: "Fixture story number 5"',
			'title: "Fixture story five, retitled"',
		),
	);
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
		const rendered = new Set([
			RETITLED,
			REPHOTOGRAPHED,
			'mdx-story' /* MDX: always rendered */,
			...showing,
		]);
		const expected = articles
			.filter((slug) => !rendered.has(slug))
			.map((slug) => `/articles/${slug}/index.html`);
		expect(expected.length).toBeGreaterThan(0);
		expect(restored(warm).filter((file) => file.startsWith('/articles/'))).toEqual(expected);
	});

	it('takes the cards of unchanged stories from the card cache, and draws only the changed headline again', async () => {
		// The rephotographed story's card is branded (its new photo is in the body, not the lead).
		const drawn = (build: BuildResult) =>
			[...build.stdout.matchAll(/ card (\S+) \(drawn\)/g)].map((match) => match[1] ?? '').sort();
		expect(drawn(warm)).toEqual([`/cards/articles/${RETITLED}.png`]);
		const cards = await readdir(path.join(work, 'warm', 'dist', 'cards', 'articles'));
		expect(drawn(first)).toEqual(
			['/cards/site.png', ...cards.map((card) => `/cards/articles/${card}`)].sort(),
		);
		expect(restored(warm).filter((file) => file.startsWith('/cards/'))).toEqual([]);
		// Every card in the output is the card cache's own file, hard-linked: no disk beside it.
		const inCache = new Set<number>();
		for (const name of await readdir(path.join(work, 'warm', '.astro-cache', 'caravan-cards')))
			inCache.add((await stat(path.join(work, 'warm', '.astro-cache', 'caravan-cards', name))).ino);
		const inDist = (
			await readdir(path.join(work, 'warm', 'dist', 'cards'), { recursive: true })
		).filter((file) => /\.(png|jpg)$/.test(file));
		expect(inDist.length).toBe(cards.length + 1);
		for (const card of inDist)
			expect(
				inCache.has((await stat(path.join(work, 'warm', 'dist', 'cards', card))).ino),
				card,
			).toBe(true);
		// And the cache holds nothing else: the old headline's card is gone from it.
		expect(inCache.size).toBe(inDist.length);
		expect(warm.stdout).toMatch(/social cards: 1 drawn, .*; 1 unused removed from the cache/);
	});

	it('copies the listing pages that show neither story, and renders those that do', async () => {
		const dist = path.join(work, 'warm', 'dist');
		const listings = await listingFiles(dist);
		const showing: string[] = [];
		for (const file of listings) {
			const html = await readFile(path.join(dist, file), 'utf8');
			if (
				html.includes('Fixture story five, retitled') ||
				html.includes(`/articles/${REPHOTOGRAPHED}/`)
			)
				showing.push(file);
		}
		expect(showing).toContain('/index.html');
		expect(restored(warm).filter((file) => !/^\/(articles|cards)\//.test(file))).toEqual(
			listings.filter((file) => !showing.includes(file)),
		);
	});

	it('gives the same files, byte for byte, as a cold build of the changed content', async () => {
		await expectSameFiles(path.join(work, 'warm', 'dist'), path.join(work, 'cold', 'dist'));
		// The replaced photo is served under its new name.
		const html = await readFile(
			path.join(work, 'warm', 'dist', 'articles', REPHOTOGRAPHED, 'index.html'),
			'utf8',
		);
		const [photo] = /\/_images\/[^" ]+\.jpg/.exec(html) ?? [];
		expect(photo && existsSync(path.join(work, 'cold', 'dist', photo))).toBe(true);
	});

	it('keeps in the image cache only the images the output uses: the replaced photo is gone', async () => {
		const cache = path.join(work, 'warm', '.astro-cache', 'caravan-images');
		expect((await readdir(cache)).sort()).toEqual(
			(await readdir(path.join(work, 'warm', 'dist', '_images'))).sort(),
		);
		expect(warm.stdout).toMatch(/processed images: .*; [1-9]\d* unused removed from the cache/);
	});

	it('links the images of restored pages without reading those pages again', async () => {
		const dist = path.join(work, 'warm', 'dist');
		const images = await imagesOfRestoredPagesOnly(dist, warm);
		expect(images.some((name) => name.startsWith('/_images/flare-'))).toBe(true);
		for (const name of images) expect(existsSync(path.join(dist, name)), name).toBe(true);
		// The cold builds read every HTML file; the warm one only those Astro rendered.
		const restoredHtml = restored(warm).filter((file) => file.endsWith('.html')).length;
		const [read, html] = htmlRead(warm);
		expect(htmlRead(cold)).toEqual([html, html]);
		expect(read).toBe(html - restoredHtml);
	});
});

describe("first build of a new day: tomorrow's ticker snapshot, an embargo lifted, one new story", () => {
	let newDay: BuildResult;
	let coldNewDay: BuildResult;
	const dist = () => path.join(work, 'warm', 'dist');

	beforeAll(async () => {
		await writeFile(
			path.join(contentDir, 'articles', `${NEW_STORY}.md`),
			storyText('A story written on the second day', '2025-12-18T11:00:00+05:00'),
		);
		newDay = await runBuild({ contentDir, outDir: dist(), env: nextDay });
		expect(newDay.status, newDay.stderr).toBe(0);
		coldNewDay = await runBuild({
			contentDir,
			outDir: path.join(work, 'cold-new-day', 'dist'),
			env: nextDay,
		});
		expect(coldNewDay.status, coldNewDay.stderr).toBe(0);
	}, 300_000);

	it('shows the new day and its ticker in the edition strip', async () => {
		const strip = await readFile(path.join(dist(), 'edition', 'index.html'), 'utf8');
		expect(strip).toContain('<time datetime="2025-12-18"');
		expect(strip).toContain('KGS/USD = 0.01250');
		expect(existsSync(path.join(dist(), 'articles', EMBARGO_LIFTED, 'index.html'))).toBe(true);
	});

	it('renders only the pages that show a new story, not the archive', async () => {
		const articles = (await readdir(path.join(dist(), 'articles'))).sort();
		const rendered = new Set([NEW_STORY, EMBARGO_LIFTED, 'mdx-story']);
		for (const slug of articles) {
			const html = await readFile(path.join(dist(), 'articles', slug, 'index.html'), 'utf8');
			if (html.includes(`/articles/${NEW_STORY}/`) || html.includes(`/articles/${EMBARGO_LIFTED}/`))
				rendered.add(slug);
		}
		const expected = articles
			.filter((slug) => !rendered.has(slug))
			.map((slug) => `/articles/${slug}/index.html`);
		expect(expected.length).toBeGreaterThan(articles.length / 2);
		expect(restored(newDay).filter((file) => file.startsWith('/articles/'))).toEqual(expected);
	});

	it('renders the roots of the listings the new stories are in, and no archive page', async () => {
		const listings = await listingFiles(dist());
		const showing: string[] = [];
		for (const file of listings) {
			const html = await readFile(path.join(dist(), file), 'utf8');
			if (html.includes(`/articles/${NEW_STORY}/`) || html.includes(`/articles/${EMBARGO_LIFTED}/`))
				showing.push(file);
		}
		// Pages are numbered from the oldest: new stories go to the roots, and no page filled.
		expect(showing).toContain('/index.html');
		expect(showing.filter((file) => /\/page\/\d+\//.test(file))).toEqual([]);
		const archive = listings.filter((file) => /\/page\/\d+\//.test(file));
		expect(archive).toContain('/page/1/index.html');
		expect(restored(newDay).filter((file) => !/^\/(articles|cards)\//.test(file))).toEqual(
			listings.filter((file) => !showing.includes(file)),
		);
	});

	it('links the restored pages from the cache instead of copying them', async () => {
		const page = restored(newDay).find((file) => file.startsWith('/articles/'))!;
		const [inDist, inCache] = await Promise.all([
			stat(path.join(dist(), page)),
			stat(path.join(work, 'warm', '.astro-cache', 'dist', page)),
		]);
		expect(inDist.ino).toBe(inCache.ino);
	});

	it('gives the same files, byte for byte, as a cold build of the same content and day', async () => {
		await expectSameFiles(dist(), path.join(work, 'cold-new-day', 'dist'));
	});

	it('links the images of restored pages without reading those pages again', async () => {
		const images = await imagesOfRestoredPagesOnly(dist(), newDay);
		expect(images.some((name) => name.startsWith('/_images/flare-'))).toBe(true);
		for (const name of images) expect(existsSync(path.join(dist(), name)), name).toBe(true);
		const restoredHtml = restored(newDay).filter((file) => file.endsWith('.html')).length;
		const [read, html] = htmlRead(newDay);
		expect(read).toBe(html - restoredHtml);
	});
});

describe('a warm build whose cache has lost a page it would restore', () => {
	let rebuilt: BuildResult;
	const page = path.join('articles', STILL_PHOTO, 'index.html');

	beforeAll(async () => {
		await rm(path.join(work, 'warm', '.astro-cache', 'dist', page));
		rebuilt = await runBuild({ contentDir, outDir: path.join(work, 'warm', 'dist'), env: nextDay });
		expect(rebuilt.status, rebuilt.stderr).toBe(0);
	}, 300_000);

	it('renders that page and says so', async () => {
		expect(rebuilt.stdout + rebuilt.stderr).toContain(
			`The cached copy of /articles/${STILL_PHOTO}/ is missing: rendering it.`,
		);
		const [inDist, inCache] = await Promise.all([
			stat(path.join(work, 'warm', 'dist', page)),
			stat(path.join(work, 'warm', '.astro-cache', 'dist', page)),
		]);
		expect(inDist.ino).toBe(inCache.ino);
	});

	it('gives the same files, byte for byte, as a cold build', async () => {
		await expectSameFiles(path.join(work, 'warm', 'dist'), path.join(work, 'cold-new-day', 'dist'));
	});
});

describe('a warm build after a story moved to another search bundle', () => {
	// Five-day bundles, as a long archive has many; story 3 re-dated from 3 to 1 December moves
	// from the 3–7 December bundle to the oldest.
	const bundled = { ...env, ...SITES.fixtureBundled.env };
	const MOVED = 'fixture-story-03';
	let movedDir: string;
	let moved: BuildResult;

	beforeAll(async () => {
		movedDir = await tempDir('caravan-moved-');
		const content = path.join(movedDir, 'content');
		await cp(SITES.fixture.contentDir, content, { recursive: true });
		const outDir = path.join(movedDir, 'warm', 'dist');
		const before = await runBuild({ contentDir: content, outDir, env: bundled });
		expect(before.status, before.stderr).toBe(0);
		const story = path.join(content, 'articles', `${MOVED}.md`);
		const text = await readFile(story, 'utf8');
		const redated = text.replace('date: 2025-12-03T10:00:00', 'date: 2025-12-01T10:00:00');
		expect(redated).not.toBe(text);
		await writeFile(story, redated);
		moved = await runBuild({ contentDir: content, outDir, env: bundled });
		expect(moved.status, moved.stderr).toBe(0);
		const coldMoved = await runBuild({
			contentDir: content,
			outDir: path.join(movedDir, 'cold', 'dist'),
			env: bundled,
		});
		expect(coldMoved.status, coldMoved.stderr).toBe(0);
	}, 300_000);

	it('re-indexes the two bundles the story left and joined, and takes the others from the cache', () => {
		expect(moved.stdout).toMatch(/in 4 bundles, 2 indexed, 2 from the cache/);
	});

	it('gives the same files, byte for byte, as a cold build of the same content', async () => {
		await expectSameFiles(path.join(movedDir, 'warm', 'dist'), path.join(movedDir, 'cold', 'dist'));
	});
});
