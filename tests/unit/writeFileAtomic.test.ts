/** Files replaced whole, never changed in place (src/site/writeFileAtomic.ts). */
import { link, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/site/writeFileAtomic.ts';
import { tempDir } from '../../scripts/lib/fixtureSites.ts';

let work: string;
beforeAll(async () => {
	work = await tempDir('caravan-atomic-');
});
afterAll(async () => {
	await rm(work, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
	it('replaces the file with a new one: a hard link to the old file keeps its bytes', async () => {
		const file = path.join(work, 'page.html');
		const previous = path.join(work, 'previous.html');
		await writeFile(file, 'old');
		await link(file, previous);
		await writeFileAtomic(file, 'new');
		expect(await readFile(file, 'utf8')).toBe('new');
		expect(await readFile(previous, 'utf8')).toBe('old');
		expect((await readdir(work)).sort()).toEqual(['page.html', 'previous.html']);
	});

	it('gives each of many writes to one file in flight a name of its own', async () => {
		const file = path.join(work, 'memo.json');
		const texts = Array.from({ length: 20 }, (_, i) => `write ${i}`);
		await Promise.all(texts.map((text) => writeFileAtomic(file, text)));
		expect(texts).toContain(await readFile(file, 'utf8'));
		expect((await readdir(work)).filter((name) => name.startsWith('memo.json'))).toEqual([
			'memo.json',
		]);
	});

	it('fails as the write fails, and leaves nothing behind', async () => {
		const file = path.join(work, 'missing-folder', 'card.png');
		await expect(writeFileAtomic(file, 'bytes')).rejects.toThrow(/ENOENT/);
		await expect(writeFileAtomic(work, 'a folder is not a file')).rejects.toThrow();
		expect((await readdir(work)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
	});
});
