/** The check before a build swaps its output into dist/ (scripts/lib/finishedOutput.ts). */
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyFiles, markOutput, unfinishedOutput } from '../../scripts/lib/finishedOutput.ts';
import { tempDir } from '../../scripts/lib/fixtureSites.ts';

/** A scratch folder holding every key file, marked by build `id`. */
async function finished(id: string): Promise<string> {
	const dir = await tempDir('caravan-finished-');
	for (const file of keyFiles()) {
		await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
		await writeFile(path.join(dir, file), 'page');
	}
	await markOutput(dir, id);
	return dir;
}

describe('unfinishedOutput', () => {
	it('names every edition front page, 404 page and feed, the sitemap and the search index', () => {
		expect(keyFiles()).toEqual([
			'index.html',
			'404.html',
			'rss.xml',
			'ru/index.html',
			'ru/404.html',
			'ru/rss.xml',
			'sitemap-index.xml',
			'pagefind/pagefind.js',
		]);
	});

	it('accepts this build’s complete output and takes its mark away before the swap', async () => {
		const dir = await finished('1 2026-12-06T10:00:00.000Z');
		expect(await unfinishedOutput(dir, '1 2026-12-06T10:00:00.000Z')).toEqual([]);
		expect(existsSync(path.join(dir, '.caravan-build'))).toBe(false);
	});

	it('refuses output missing key pages (another build emptied the folder part-way)', async () => {
		const dir = await finished('1 2026-12-06T10:00:00.000Z');
		await rm(path.join(dir, 'index.html'));
		await rm(path.join(dir, 'ru'), { recursive: true });
		expect(await unfinishedOutput(dir, '1 2026-12-06T10:00:00.000Z')).toEqual([
			'index.html, ru/index.html, ru/404.html, ru/rss.xml missing',
		]);
	});

	it('refuses output another build marked, or whose mark is gone', async () => {
		const dir = await finished('2 2026-12-06T10:00:04.000Z');
		expect(await unfinishedOutput(dir, '1 2026-12-06T10:00:00.000Z')).toEqual([
			'another build wrote it',
		]);
		await rm(path.join(dir, '.caravan-build'));
		expect(await unfinishedOutput(dir, '1 2026-12-06T10:00:00.000Z')).toEqual([
			'its build mark is gone',
		]);
	});
});
