/**
 * Output files linked from a build cache (scripts/lib/linkFiles.ts): the cache's own files, a copy
 * only where a link fails; a cache pruned to what the last build used.
 */
import { existsSync } from 'node:fs';
import { link, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { keepOnly, linkOrCopy, linkTree } from '../../scripts/lib/linkFiles.ts';
import { tempDir } from '../../scripts/lib/fixtureSites.ts';

/** When on, every hard link fails as it does across file systems. */
const links = vi.hoisted(() => ({ fail: false }));
vi.mock('node:fs', async (importOriginal) => {
	const fs = await importOriginal<typeof import('node:fs')>();
	return {
		...fs,
		linkSync: (from: string, to: string) => {
			if (links.fail)
				throw Object.assign(new Error('EXDEV: cross-device link not permitted'), {
					code: 'EXDEV',
				});
			fs.linkSync(from, to);
		},
	};
});

let work: string;
const cached = () => path.join(work, 'cache', 'bundle', 'pagefind-entry.json');

beforeAll(async () => {
	work = await tempDir('caravan-link-files-');
	await mkdir(path.join(work, 'cache', 'bundle', 'index'), { recursive: true });
	await mkdir(path.join(work, 'cache', 'bundle', 'filter'), { recursive: true });
	await writeFile(cached(), '{"version":"1"}');
	await writeFile(path.join(work, 'cache', 'bundle', 'index', 'en_1.pf_index'), 'index chunk');
});
afterEach(() => {
	links.fail = false;
});
afterAll(() => rm(work, { recursive: true, force: true }));

/** A file at `to` that is a hard link of another cache file, which must never be written through. */
async function linkedElsewhere(to: string): Promise<string> {
	const other = path.join(work, `other-${path.basename(to)}`);
	await writeFile(other, 'another cached file');
	await link(other, to);
	return other;
}

describe('linkTree', () => {
	it('links every file at the same place, and makes the folders, empty ones too', async () => {
		const to = path.join(work, 'dist', 'pagefind', 'en', '2026-11');
		linkTree(path.join(work, 'cache', 'bundle'), to);
		for (const file of ['pagefind-entry.json', 'index/en_1.pf_index']) {
			const [inCache, inDist] = await Promise.all([
				stat(path.join(work, 'cache', 'bundle', file)),
				stat(path.join(to, file)),
			]);
			expect(inDist.ino, file).toBe(inCache.ino);
		}
		expect(existsSync(path.join(to, 'filter'))).toBe(true);
	});
});

describe('linkOrCopy', () => {
	it('replaces a file already there instead of writing through it', async () => {
		const to = path.join(work, 'taken.json');
		const other = await linkedElsewhere(to);
		linkOrCopy(cached(), to);
		expect((await stat(to)).ino).toBe((await stat(cached())).ino);
		expect(await readFile(other, 'utf8')).toBe('another cached file');
	});

	it('copies where links fail (another file system), the same bytes, still never writing through', async () => {
		const to = path.join(work, 'copied.json');
		const other = await linkedElsewhere(to);
		links.fail = true;
		linkOrCopy(cached(), to);
		expect(await readFile(to, 'utf8')).toBe('{"version":"1"}');
		expect((await stat(to)).ino).not.toBe((await stat(cached())).ino);
		expect(await readFile(other, 'utf8')).toBe('another cached file');
	});
});

describe('keepOnly', () => {
	it('removes the files and folders of a cache that the build did not use, and keeps the rest', async () => {
		const cache = path.join(work, 'pruned');
		await mkdir(path.join(cache, 'old-bundle', 'index'), { recursive: true });
		await writeFile(path.join(cache, 'old-bundle', 'index', 'en_1.pf_index'), 'old');
		await writeFile(path.join(cache, 'used.png'), 'used');
		await writeFile(path.join(cache, 'old-headline.png'), 'old');
		// The last output's link to a file the cache lets go keeps it.
		await link(path.join(cache, 'old-headline.png'), path.join(work, 'last-output.png'));
		expect(keepOnly(cache, new Set(['used.png']))).toBe(2);
		expect(await readdir(cache)).toEqual(['used.png']);
		expect(await readFile(path.join(work, 'last-output.png'), 'utf8')).toBe('old');
	});

	it('finds nothing to remove in a cache that is not there yet', async () => {
		expect(keepOnly(path.join(work, 'no-cache'), new Set())).toBe(0);
	});
});
