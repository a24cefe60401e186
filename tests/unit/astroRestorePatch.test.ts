/**
 * The patch scripts/patches/astro+7.3.5.patch makes to Astro's incremental build cache: a page
 * restored from the cache is a hard link to the cached file (made with synchronous calls: a warm
 * build restores tens of thousands), in a folder made as needed, and "not restored" when the
 * cache has lost the file, so Astro renders the page instead.
 */
import { existsSync, statSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// An internal module of Astro's (not in its exports map), so by path.
import { IncrementalBuildCache } from '../../node_modules/astro/dist/core/build/incremental.js';
import { tempDir } from '../../scripts/lib/fixtureSites.ts';

let work: string;
let settings: Parameters<InstanceType<typeof IncrementalBuildCache>['restoreOutputFile']>[0];
let cache: InstanceType<typeof IncrementalBuildCache>;

beforeAll(async () => {
	work = await tempDir('caravan-restore-patch-');
	// Only `config.cacheDir` is read.
	settings = {
		config: { cacheDir: pathToFileURL(path.join(work, 'cache') + path.sep) },
	} as unknown as typeof settings;
	await mkdir(path.join(work, 'cache', 'dist', 'articles', 'a'), { recursive: true });
	await writeFile(path.join(work, 'cache', 'dist', 'articles', 'a', 'index.html'), '<p>a</p>');
	cache = new IncrementalBuildCache('config', 'lock', 'key');
});
afterAll(async () => {
	await rm(work, { recursive: true, force: true });
});

/** Restore `page` (a path in the output) into `out/`: whether it was restored, and where to. */
async function restore(page: string): Promise<{ restored: boolean; destination: string }> {
	const destination = path.join(work, 'out', page);
	const restored = await cache.restoreOutputFile(settings, page, pathToFileURL(destination));
	return { restored, destination };
}

describe("Astro's incremental cache restores a page (patched)", () => {
	it('as a hard link to the cached file, making its folder', async () => {
		const { restored, destination } = await restore('articles/a/index.html');
		expect(restored).toBe(true);
		expect(await readFile(destination, 'utf8')).toBe('<p>a</p>');
		const cached = statSync(path.join(work, 'cache', 'dist', 'articles', 'a', 'index.html'));
		expect(statSync(destination).ino).toBe(cached.ino);
	});

	it('not at all when the cache has lost the file, so the page is rendered again', async () => {
		const { restored, destination } = await restore('articles/gone/index.html');
		expect(restored).toBe(false);
		expect(existsSync(destination)).toBe(false);
	});
});
