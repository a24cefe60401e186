/**
 * The stat memo of the post-build steps and the check (scripts/lib/statMemo.ts): a file whose stat
 * is unchanged is not read again, in a new output folder too when it is the same file hard-linked
 * (as Astro restores a page); anything else is read, and a file written since the memo was opened
 * is never remembered.
 */
import { statSync } from 'node:fs';
import { link, mkdir, readdir, readFile, rename, rm, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isRacy, parseMemo, StatMemo, statKey } from '../../scripts/lib/statMemo.ts';
import { tempDir } from '../../scripts/lib/fixtureSites.ts';

let work: string;
let out: string;
const savedCacheDir = process.env.CARAVAN_CACHE_DIR;
const memoFile = () => path.join(work, 'cache', 'caravan-memo', 'words.json');

/** A page written an hour ago, so that it is never racy. */
async function page(file: string, text: string): Promise<void> {
	await mkdir(path.dirname(file), { recursive: true });
	await writeFile(file, text);
	const hourAgo = new Date(Date.now() - 3_600_000);
	await utimes(file, hourAgo, hourAgo);
}

/** Open the memo, look up `files` (relative to `dir`) counting words, save; what was read. */
async function run(
	files: string[],
	dir = out,
	version = 'v1',
): Promise<{ values: number[]; computed: string[]; read: number }> {
	const memo = await StatMemo.open<number>('words', version);
	const computed: string[] = [];
	const values: number[] = [];
	for (const file of files)
		values.push(
			await memo.value(path.join(dir, file), file, (text) => {
				computed.push(file);
				return text.split(' ').length;
			}),
		);
	await memo.save();
	expect(memo.looked).toBe(files.length);
	return { values, computed, read: memo.read };
}

beforeAll(async () => {
	work = await tempDir('caravan-stat-memo-');
	process.env.CARAVAN_CACHE_DIR = path.join(work, 'cache');
});
afterAll(async () => {
	if (savedCacheDir === undefined) delete process.env.CARAVAN_CACHE_DIR;
	else process.env.CARAVAN_CACHE_DIR = savedCacheDir;
	await rm(work, { recursive: true, force: true });
});
beforeEach(async () => {
	await rm(path.join(work, 'cache'), { recursive: true, force: true });
	out = path.join(work, `out-${Math.random().toString(36).slice(2)}`);
	await page(path.join(out, 'a/index.html'), 'one two three');
	await page(path.join(out, 'b/index.html'), 'four five');
});

describe('stat memo', () => {
	it('reads every file once, then none while their stat is unchanged', async () => {
		const files = ['a/index.html', 'b/index.html'];
		expect(await run(files)).toEqual({ values: [3, 2], computed: files, read: 2 });
		expect(await run(files)).toEqual({ values: [3, 2], computed: [], read: 0 });
	});

	it('finds the same file hard-linked into a new output folder, as Astro restores a page', async () => {
		await run(['a/index.html', 'b/index.html']);
		const next = path.join(work, `next-${Math.random().toString(36).slice(2)}`);
		await mkdir(path.join(next, 'a'), { recursive: true });
		await link(path.join(out, 'a/index.html'), path.join(next, 'a/index.html'));
		// A rendered page: a new file, even with the same length.
		await page(path.join(next, 'b/index.html'), 'six seven');
		await rm(out, { recursive: true });
		expect(await run(['a/index.html', 'b/index.html'], next)).toEqual({
			values: [3, 2],
			computed: ['b/index.html'],
			read: 1,
		});
	});

	it('reads a file replaced by another of the same size and time', async () => {
		await run(['a/index.html']);
		const file = path.join(out, 'a/index.html');
		const { mtime } = statSync(file);
		await writeFile(`${file}.new`, 'one two, four');
		expect(statSync(`${file}.new`).size).toBe(statSync(file).size);
		await utimes(`${file}.new`, mtime, mtime);
		await rename(`${file}.new`, file);
		expect(await run(['a/index.html'])).toMatchObject({ computed: ['a/index.html'], read: 1 });
	});

	it('does not remember a file written after the memo was opened (a racy one)', async () => {
		const memo = await StatMemo.open<number>('words', 'v1');
		// Written now, within the clock tick the memo opened in or after it.
		await writeFile(path.join(out, 'c.html'), 'fresh page');
		expect(await memo.value(path.join(out, 'c.html'), 'c.html', () => 1)).toBe(1);
		expect(await memo.value(path.join(out, 'a/index.html'), 'a/index.html', () => 3)).toBe(3);
		await memo.save();
		const saved = parseMemo<number>(await readFile(memoFile(), 'utf8'), '1:v1');
		expect([...saved.keys()]).toEqual(['a/index.html']);
		expect(await run(['c.html', 'a/index.html'])).toMatchObject({ computed: ['c.html'], read: 1 });
	});

	it('keeps only the files looked up in the last run', async () => {
		await run(['a/index.html', 'b/index.html']);
		await run(['a/index.html']);
		expect(await run(['a/index.html', 'b/index.html'])).toMatchObject({
			computed: ['b/index.html'],
		});
	});

	it('starts empty for another code version, or from an unreadable memo', async () => {
		await run(['a/index.html']);
		expect(await run(['a/index.html'], out, 'v2')).toMatchObject({ read: 1 });
		await writeFile(memoFile(), '{"version":"1:v2","files":');
		expect(await run(['a/index.html'], out, 'v2')).toMatchObject({ read: 1 });
		expect(await run(['a/index.html'], out, 'v2')).toMatchObject({ read: 0 });
	});

	it("serves a step that reads bytes (the check's) from the same memo", async () => {
		const file = path.join(out, 'a/index.html');
		const memo = await StatMemo.open<number>('words', 'v1');
		expect(memo.bytesValue(file, 'a/index.html', (bytes) => bytes.length)).toBe(13);
		await memo.save();
		const again = await StatMemo.open<number>('words', 'v1');
		expect(again.bytesValue(file, 'a/index.html', () => -1)).toBe(13);
		expect([again.looked, again.read]).toEqual([1, 0]);
	});

	it('writes the memo atomically, leaving no scratch or probe file', async () => {
		await run(['a/index.html']);
		expect(await readdir(path.dirname(memoFile()))).toEqual(['words.json']);
	});
});

describe('stat memo: pure parts', () => {
	const stats = (fields: Partial<Record<'dev' | 'ino' | 'size' | 'mtimeNs', bigint>>) =>
		({ dev: 1n, ino: 2n, size: 3n, mtimeNs: 4n, ctimeNs: 5n, ...fields }) as never;

	it('compares device, inode, size and modification time, not the change time', () => {
		expect(statKey(stats({}))).toBe('1:2:3:4');
		expect(statKey({ ...(stats({}) as object), ctimeNs: 99n } as never)).toBe('1:2:3:4');
		expect(statKey(stats({ ino: 7n }))).not.toBe(statKey(stats({})));
		expect(statKey(stats({ mtimeNs: 5n }))).not.toBe(statKey(stats({})));
	});

	it('calls a file racy when modified no earlier than the memo was opened', () => {
		expect(isRacy(stats({ mtimeNs: 10n }), 10n)).toBe(true);
		expect(isRacy(stats({ mtimeNs: 11n }), 10n)).toBe(true);
		expect(isRacy(stats({ mtimeNs: 9n }), 10n)).toBe(false);
	});

	it('parses only a memo of the same version, and only well-formed entries', () => {
		const text = JSON.stringify({
			version: 'v',
			files: { a: ['1:2:3:4', 5], b: 'broken', c: ['1:2:3:4'] },
		});
		expect([...parseMemo(text, 'v')]).toEqual([['a', ['1:2:3:4', 5]]]);
		expect(parseMemo(text, 'w').size).toBe(0);
		expect(parseMemo('null', 'v').size).toBe(0);
		expect(parseMemo('{', 'v').size).toBe(0);
	});
});
