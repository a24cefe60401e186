/**
 * The post-build step that links processed images into the output (scripts/lib/processedImages.ts):
 * every image a page uses, hard-linked from the image cache; pages that are the last build's files
 * are not read again; an image the cache lost fails the build, naming a page that uses it; the
 * cache keeps only the images the last output used.
 */
import { existsSync } from 'node:fs';
import { link, mkdir, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { imageNames, linkProcessedImages } from '../../scripts/lib/processedImages.ts';
import { tempDir } from '../../scripts/lib/fixtureSites.ts';

let work: string;
const savedCacheDir = process.env.CARAVAN_CACHE_DIR;
const images = () => path.join(work, 'cache', 'caravan-images');

const PAGE = `<!doctype html><html><body><picture><source type="image/avif" srcset="/_images/lead-0123456789ab-400.avif 400w, /_images/lead-0123456789ab-800.avif 800w"><img src="/_images/lead-0123456789ab-800.jpg" alt=""></picture><p>Escaped text: &lt;img src=/_images/NOT-A-NAME.gif&gt;</p></body></html>`;

/** Run the step on `dir`; its log line. */
async function run(dir: string): Promise<string> {
	const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
	try {
		await linkProcessedImages(dir);
		return log.mock.calls.flat().join('\n');
	} finally {
		log.mockRestore();
	}
}

beforeAll(async () => {
	work = await tempDir('caravan-processed-images-');
	process.env.CARAVAN_CACHE_DIR = path.join(work, 'cache');
	await mkdir(images(), { recursive: true });
	for (const name of [
		'lead-0123456789ab-400.avif',
		'lead-0123456789ab-800.avif',
		'lead-0123456789ab-800.jpg',
		'unused-0123456789ab-400.jpg',
	])
		await writeFile(path.join(images(), name), name);
});
afterAll(async () => {
	if (savedCacheDir === undefined) delete process.env.CARAVAN_CACHE_DIR;
	else process.env.CARAVAN_CACHE_DIR = savedCacheDir;
	await rm(work, { recursive: true, force: true });
});

describe('processed images', () => {
	it('finds the processed images a page refers to, once each', () => {
		expect(imageNames(PAGE + PAGE)).toEqual([
			'lead-0123456789ab-400.avif',
			'lead-0123456789ab-800.avif',
			'lead-0123456789ab-800.jpg',
		]);
		expect(imageNames('<p>No pictures</p>')).toEqual([]);
	});

	it('links every image a page uses from the cache, and reads no page twice', async () => {
		const first = path.join(work, 'first');
		await mkdir(path.join(first, 'articles', 'story'), { recursive: true });
		await writeFile(path.join(first, 'articles', 'story', 'index.html'), PAGE);
		await writeFile(path.join(first, 'index.html'), '<p>No pictures</p>');
		// Written well before the step, as Astro's pages are (a page written as the step starts is
		// read again next time: statMemo.ts, racy files).
		const hourAgo = new Date(Date.now() - 3_600_000);
		await utimes(path.join(first, 'articles', 'story', 'index.html'), hourAgo, hourAgo);
		expect(await run(first)).toContain(
			'3 linked into /_images/; 2 of 2 HTML files read; 1 unused removed from the cache',
		);
		expect((await readdir(images())).sort()).toEqual(imageNames(PAGE));
		expect((await readdir(path.join(first, '_images'))).sort()).toEqual(imageNames(PAGE));
		for (const name of imageNames(PAGE))
			expect((await stat(path.join(first, '_images', name))).ino).toBe(
				(await stat(path.join(images(), name))).ino,
			);

		// The next output, with the page restored (the same file, hard-linked) and one rendered.
		const next = path.join(work, 'next');
		await mkdir(path.join(next, 'articles', 'story'), { recursive: true });
		await link(
			path.join(first, 'articles', 'story', 'index.html'),
			path.join(next, 'articles', 'story', 'index.html'),
		);
		await writeFile(path.join(next, 'index.html'), '<p>No pictures</p>');
		expect(await run(next)).toContain('3 linked into /_images/; 1 of 2 HTML files read');
		expect((await readdir(path.join(next, '_images'))).sort()).toEqual(imageNames(PAGE));
	});

	it('makes no image folder for pages without images, and empties the cache, not the last output', async () => {
		const dir = path.join(work, 'plain');
		await mkdir(dir, { recursive: true });
		await writeFile(path.join(dir, 'index.html'), '<p>No pictures</p>');
		expect(await run(dir)).toContain(
			'0 linked into /_images/; 1 of 1 HTML files read; 3 unused removed',
		);
		expect(existsSync(path.join(dir, '_images'))).toBe(false);
		expect(await readdir(images())).toEqual([]);
		// The output before keeps its own links to the images the cache let go.
		for (const name of imageNames(PAGE))
			expect(await readFile(path.join(work, 'next', '_images', name), 'utf8')).toBe(name);
	});

	it('fails on an image the cache lost, naming a page that uses it', async () => {
		const dir = path.join(work, 'lost');
		await mkdir(path.join(dir, 'articles', 'lost'), { recursive: true });
		await writeFile(
			path.join(dir, 'articles', 'lost', 'index.html'),
			'<img src="/_images/gone-0123456789ab-800.jpg" alt="">',
		);
		await expect(run(dir)).rejects.toThrow(
			/\/_images\/gone-0123456789ab-800\.jpg, used by articles\/lost\/index\.html, is not in the image cache/,
		);
	});
});
