/** The bench's count of a folder's files and bytes (scripts/lib/resources.ts), walked one folder at a time. */
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../scripts/lib/fixtureSites.ts';
import { folderSize } from '../../scripts/lib/resources.ts';

let work: string | undefined;
afterAll(async () => {
	if (work) await rm(work, { recursive: true, force: true });
});

describe('folderSize', () => {
	it('counts every file at every depth, once, and no folder or link', async () => {
		work = await tempDir('caravan-folder-size-');
		await mkdir(path.join(work, 'a', 'b', 'c'), { recursive: true });
		await mkdir(path.join(work, 'empty'));
		await writeFile(path.join(work, 'top.html'), 'x'.repeat(10));
		await writeFile(path.join(work, 'a', 'one.html'), 'x'.repeat(100));
		await writeFile(path.join(work, 'a', 'b', 'c', 'deep.json'), 'x'.repeat(1000));
		await symlink(path.join(work, 'a'), path.join(work, 'loop'));
		expect(folderSize(work)).toEqual({ files: 3, bytes: 1110 });
	});

	it('is 0 files and 0 bytes for a folder that is not there', () => {
		expect(folderSize('/nonexistent/caravan-folder')).toEqual({ files: 0, bytes: 0 });
	});
});
