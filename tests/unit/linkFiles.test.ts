/** Output files linked from a build cache (scripts/lib/linkFiles.ts): the cache's own files, a copy only where a link fails. */
import { existsSync } from 'node:fs';
import { link, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { linkOrCopy, linkTree } from '../../scripts/lib/linkFiles.ts';
import { tempDir } from '../../scripts/lib/fixtureSites.ts';

/** When on, every hard link fails as it does across file systems. */
const links = vi.hoisted(() => ({ fail: false }));
vi.mock('node:fs/promises', async (importOriginal) => {
	const fs = await importOriginal<typeof import('node:fs/promises')>();
	const crossDevice = () =>
		Promise.reject(
			Object.assign(new Error('EXDEV: cross-device link not permitted'), { code: 'EXDEV' }),
		);
	return {
		...fs,
		link: (from: string, to: string) => (links.fail ? crossDevice() : fs.link(from, to)),
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
		await linkTree(path.join(work, 'cache', 'bundle'), to);
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
		await linkOrCopy(cached(), to);
		expect((await stat(to)).ino).toBe((await stat(cached())).ino);
		expect(await readFile(other, 'utf8')).toBe('another cached file');
	});

	it('copies where links fail (another file system), the same bytes, still never writing through', async () => {
		const to = path.join(work, 'copied.json');
		const other = await linkedElsewhere(to);
		links.fail = true;
		await linkOrCopy(cached(), to);
		expect(await readFile(to, 'utf8')).toBe('{"version":"1"}');
		expect((await stat(to)).ino).not.toBe((await stat(cached())).ino);
		expect(await readFile(other, 'utf8')).toBe('another cached file');
	});
});
