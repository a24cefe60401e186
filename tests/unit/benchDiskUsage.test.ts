/**
 * The bench's build-cache figures (issue 14): disk blocks with a hard-linked file counted once,
 * what of the cache is the same files as `dist/`, and the report's "build cache on disk" rows.
 */
import { link, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	diskUsage,
	inodesUnder,
	measureCache,
	usageOf,
	type CacheUsage,
	type Inode,
} from '../../scripts/bench/diskUsage.ts';
import { cacheTable, cacheVerdict, type BuildResult } from '../../scripts/bench/results.ts';
import { tempDir } from '../../scripts/lib/fixtureSites.ts';

const KB = 1024;
const file = (id: string, bytes: number): Inode => ({ id, bytes, file: true });
const folder = (id: string): Inode => ({ id, bytes: 4 * KB, file: false });

describe('diskUsage', () => {
	it('counts a file linked twice once, folders by their blocks', () => {
		expect(usageOf([folder('d'), file('a', 8 * KB), file('a', 8 * KB), file('b', 4 * KB)])).toEqual(
			{ files: 2, bytes: 16 * KB },
		);
	});

	it('splits the cache by entry, each with what dist/ shares, and counts a file in two entries once in the whole', () => {
		const dist = [folder('dist'), file('page', 8 * KB), file('card', 60 * KB)];
		const usage = diskUsage(
			dist,
			[
				{ name: 'dist', inodes: [folder('pages'), file('page', 8 * KB), file('old-page', 8 * KB)] },
				{ name: 'caravan-cards', inodes: [folder('cards'), file('card', 60 * KB)] },
				{ name: 'data-store.json', inodes: [file('store', 100 * KB)] },
				{ name: 'also-old-page', inodes: [file('old-page', 8 * KB)] },
			],
			[folder('root')],
		);
		expect(usage.dist).toEqual({ files: 2, bytes: 72 * KB });
		expect(usage.entries).toEqual([
			{ name: 'data-store.json', files: 1, bytes: 100 * KB, sharedBytes: 0 },
			{ name: 'caravan-cards', files: 1, bytes: 64 * KB, sharedBytes: 60 * KB },
			{ name: 'dist', files: 2, bytes: 20 * KB, sharedBytes: 8 * KB },
			{ name: 'also-old-page', files: 1, bytes: 8 * KB, sharedBytes: 0 },
		]);
		// root 4 + pages 4 + page 8 + old-page 8 + cards 4 + card 60 + store 100
		expect(usage.cache).toEqual({ files: 4, bytes: 188 * KB, sharedBytes: 68 * KB });
	});
});

describe('measureCache, on a real tree', () => {
	let work: string;
	beforeAll(async () => {
		work = await tempDir('caravan-disk-usage-');
		await mkdir(path.join(work, 'dist', 'articles'), { recursive: true });
		await mkdir(path.join(work, 'cache', 'dist', 'articles'), { recursive: true });
		await mkdir(path.join(work, 'cache', 'caravan-cards'), { recursive: true });
		await writeFile(path.join(work, 'cache', 'dist', 'articles', 'a.html'), 'x'.repeat(20_000));
		await link(
			path.join(work, 'cache', 'dist', 'articles', 'a.html'),
			path.join(work, 'dist', 'articles', 'a.html'),
		);
		await writeFile(path.join(work, 'cache', 'caravan-cards', 'c.png'), 'y'.repeat(50_000));
		await writeFile(path.join(work, 'cache', 'data-store.json'), 'z'.repeat(30_000));
	});
	afterAll(() => rm(work, { recursive: true, force: true }));

	it('counts the page linked into dist/ as shared and each file once', () => {
		const usage = measureCache(path.join(work, 'cache'), path.join(work, 'dist'));
		const sizeOf = (relative: string) => usageOf(inodesUnder(path.join(work, relative))).bytes;
		const page = sizeOf('dist/articles/a.html');
		expect(page).toBeGreaterThanOrEqual(20_000);
		expect(usage.entries.map((entry) => entry.name)).toEqual([
			'caravan-cards',
			'data-store.json',
			'dist',
		]);
		expect(usage.entries.find((entry) => entry.name === 'dist')).toMatchObject({
			files: 1,
			sharedBytes: page,
		});
		expect(usage.entries.find((entry) => entry.name === 'caravan-cards')).toMatchObject({
			files: 1,
			sharedBytes: 0,
		});
		expect(usage.cache.sharedBytes).toBe(page);
		expect(usage.cache.files).toBe(3);
		// The whole is the cache folder's tree, as `du -s` counts it; the linked page is in both
		// the cache and dist/, but in each only once.
		expect(usage.cache.bytes).toBe(sizeOf('cache'));
		expect(usage.cache.bytes).toBeLessThan(
			usage.entries.reduce((sum, entry) => sum + entry.bytes, 0) + 64 * KB,
		);
		expect(usage.dist.bytes).toBe(usageOf(inodesUnder(path.join(work, 'dist'))).bytes);
	});

	it('measures a missing cache as empty', () => {
		const usage = measureCache(path.join(work, 'no-cache'), path.join(work, 'dist'));
		expect(usage.cache).toEqual({ files: 0, bytes: 0, sharedBytes: 0 });
		expect(usage.entries).toEqual([]);
	});
});

describe('the report', () => {
	const MB = 2 ** 20;
	const cache = (cards: number): CacheUsage => ({
		dist: { files: 1000, bytes: 1000 * MB },
		cache: { files: 900, bytes: (700 + cards) * MB, sharedBytes: 600 * MB },
		entries: [
			{ name: 'dist', files: 500, bytes: 600 * MB, sharedBytes: 600 * MB },
			{ name: 'caravan-cards', files: 300, bytes: cards * MB, sharedBytes: 0 },
			{ name: 'data-store.json', files: 1, bytes: 100 * MB, sharedBytes: 0 },
		],
	});
	const build = (usage: CacheUsage): BuildResult => ({ seconds: 1, steps: [], cache: usage });

	it('has one column per build measured, a row per entry, the whole and what it adds beside dist/', () => {
		const lines = cacheTable({
			cold: build(cache(500)),
			warm: { seconds: 1, steps: [] },
			newDay: build(cache(1000)),
			output: { files: 0, bytes: 0 },
		});
		expect(lines[0]).toBe(
			'| build cache on disk (`CARAVAN_CACHE_DIR`), after each build | cold | new day |',
		);
		expect(lines).toContain('| `caravan-cards`: social cards | 500.0 MB | 1000.0 MB |');
		expect(lines).toContain(
			"| `dist`: Astro's page cache | 600.0 MB (0 B not in `dist/`) | 600.0 MB (0 B not in `dist/`) |",
		);
		expect(lines).toContain(
			'| **build cache on disk** | **1.17 GB, 1.20× `dist/`** | **1.66 GB, 1.70× `dist/`** |',
		);
		expect(lines).toContain(
			'| **beside `dist/`** (disk the cache adds) | **600.0 MB, 0.60× `dist/`** | **1.07 GB, 1.10× `dist/`** |',
		);
		// Entries in the order of the last build's sizes.
		expect(lines.findIndex((line) => line.includes('caravan-cards'))).toBeLessThan(
			lines.findIndex((line) => line.includes('`dist`:')),
		);
		expect(lines.at(-1)).toContain('**missed** for the cache folder alone (1.70×');
		expect(lines.at(-1)).toContain('**met** beside `dist/` on one disk (1.10× more)');
	});

	it('judges the target on the cache alone and beside dist/', () => {
		expect(cacheVerdict(cache(100))).toMatch(
			/\*\*met\*\* for the cache folder alone \(0\.80×.*\*\*met\*\* beside/,
		);
		expect(cacheTable({ cold: { seconds: 1, steps: [] }, output: { files: 0, bytes: 0 } })).toEqual(
			[],
		);
	});
});
