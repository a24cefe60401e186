/** The site before last, deleted in the background (scripts/lib/previousSite.ts). */
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../scripts/lib/fixtureSites.ts';
import { retirePreviousSite } from '../../scripts/lib/previousSite.ts';

let work: string | undefined;
afterAll(async () => {
	if (work) await rm(work, { recursive: true, force: true });
});

/** A small site folder at `dir`. */
async function site(dir: string): Promise<void> {
	await mkdir(path.join(dir, 'articles', 'a'), { recursive: true });
	await writeFile(path.join(dir, 'index.html'), '<p>front</p>');
	await writeFile(path.join(dir, 'articles', 'a', 'index.html'), '<p>a</p>');
}

describe('retirePreviousSite', () => {
	it('moves dist.old/ aside at once, then deletes it and any left from before, leaving dist/ alone', async () => {
		work = await tempDir('caravan-previous-site-');
		const outDir = path.join(work, 'dist');
		await site(outDir);
		await site(`${outDir}.old`);
		await site(`${outDir}.deleting-1`); // left by a deletion that was interrupted
		// Left by an interrupted build whose pid this one has again (containers reuse them).
		await site(`${outDir}.deleting-${process.pid}`);
		await site(path.join(work, 'other.deleting-2')); // not this site's
		await retirePreviousSite(outDir);
		expect(existsSync(`${outDir}.old`)).toBe(false);
		const deleting = async () =>
			(await readdir(work as string)).filter((name) => name.startsWith('dist.deleting-'));
		for (let waited = 0; (await deleting()).length && waited < 20_000; waited += 100)
			await sleep(100);
		expect(await deleting()).toEqual([]);
		expect((await readdir(work)).sort()).toEqual(['dist', 'other.deleting-2']);
		expect(existsSync(path.join(outDir, 'articles', 'a', 'index.html'))).toBe(true);
	});

	it('does nothing when there is no previous site', async () => {
		const outDir = path.join(work as string, 'fresh', 'dist');
		await mkdir(path.dirname(outDir), { recursive: true });
		await retirePreviousSite(outDir);
		expect(await readdir(path.dirname(outDir))).toEqual([]);
	});

	it("does nothing when the output folder's parent is not made yet", async () => {
		const outDir = path.join(work as string, 'not-yet', 'dist');
		await expect(retirePreviousSite(outDir)).resolves.toBeUndefined();
		expect(existsSync(path.dirname(outDir))).toBe(false);
	});
});
