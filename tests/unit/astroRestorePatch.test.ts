/**
 * The patch scripts/patches/astro+7.3.5.patch makes to Astro's incremental build cache: a page
 * restored from the cache is a hard link to the cached file, in a folder made as needed, made by
 * a thread of its own beside the rendering (a warm build restores tens of thousands); a page whose
 * cached file the cache has lost comes back from `finishRestores()`, so Astro renders it instead.
 */
import { existsSync, statSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
// An internal module of Astro's (not in its exports map), so by path.
import { IncrementalBuildCache } from '../../node_modules/astro/dist/core/build/incremental.js';
import { tempDir } from '../../scripts/lib/fixtureSites.ts';

type Cache = InstanceType<typeof IncrementalBuildCache>;
type Settings = Parameters<Cache['restoreOutputFileLater']>[0];

let work: string;
let settings: Settings;
let cache: Cache;

/** Writes `text` as the cached copy of the output page `page`. */
async function cached(page: string, text: string): Promise<void> {
	const file = path.join(work, 'cache', 'dist', page);
	await mkdir(path.dirname(file), { recursive: true });
	await writeFile(file, text);
}

/** Queues `page` (a path in the output, as Astro keeps it: URL-encoded) with itself as its job. */
function restoreLater(page: string): void {
	cache.restoreOutputFileLater(settings, encodeURI(page), page);
}

beforeEach(async () => {
	work = await tempDir('caravan-restore-patch-');
	// Only `config.cacheDir` and `config.outDir` are read.
	settings = {
		config: {
			cacheDir: pathToFileURL(path.join(work, 'cache') + path.sep),
			outDir: pathToFileURL(path.join(work, 'out') + path.sep),
		},
	} as unknown as Settings;
	cache = new IncrementalBuildCache('config', 'lock', 'key');
});
afterEach(async () => {
	await cache.stopRestores();
	await rm(work, { recursive: true, force: true });
});

describe("Astro's incremental cache restores pages (patched)", () => {
	it('as hard links to the cached files, making their folders, in batches', async () => {
		// More pages than one batch the thread is sent (1,024), one name outside ASCII.
		const pages = Array.from({ length: 1500 }, (_, i) => `articles/a${i}/index.html`);
		pages[1200] = 'ru/статьи/вода/index.html';
		for (const [i, page] of pages.entries()) await cached(page, `<p>${i}</p>`);
		for (const page of pages) restoreLater(page);
		expect(await cache.finishRestores()).toEqual([]);
		for (const [i, page] of pages.entries()) {
			const destination = path.join(work, 'out', page);
			expect(await readFile(destination, 'utf8')).toBe(`<p>${i}</p>`);
			expect(statSync(destination).ino).toBe(statSync(path.join(work, 'cache', 'dist', page)).ino);
		}
	});

	it('hands back the pages whose cached file is lost, to be rendered', async () => {
		const pages = Array.from({ length: 1100 }, (_, i) => `articles/b${i}/index.html`);
		for (const [i, page] of pages.entries()) if (i !== 3 && i !== 1050) await cached(page, 'x');
		for (const page of pages) restoreLater(page);
		const [lost, kept] = ['articles/b3/index.html', 'articles/b4/index.html'];
		expect(await cache.finishRestores()).toEqual([lost, 'articles/b1050/index.html']);
		expect(existsSync(path.join(work, 'out', lost))).toBe(false);
		expect(existsSync(path.join(work, 'out', kept))).toBe(true);
	});

	it('keeps a page already in the output, as Astro did', async () => {
		await cached('about/index.html', 'cached');
		await mkdir(path.join(work, 'out', 'about'), { recursive: true });
		await writeFile(path.join(work, 'out', 'about', 'index.html'), 'already there');
		restoreLater('about/index.html');
		expect(await cache.finishRestores()).toEqual([]);
		expect(await readFile(path.join(work, 'out', 'about', 'index.html'), 'utf8')).toBe(
			'already there',
		);
	});

	it('fails the build with the first error the thread met', async () => {
		await cached('blocked/page/index.html', 'x');
		// A file where the page's folder should be: its folder cannot be made.
		await mkdir(path.join(work, 'out'), { recursive: true });
		await writeFile(path.join(work, 'out', 'blocked'), 'a file');
		restoreLater('blocked/page/index.html');
		await expect(cache.finishRestores()).rejects.toThrow(/ENOTDIR/);
	});

	it('has nothing to wait for when nothing was restored', async () => {
		expect(await cache.finishRestores()).toEqual([]);
	});
});
