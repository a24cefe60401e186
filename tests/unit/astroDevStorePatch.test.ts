/**
 * What scripts/patches/astro+7.3.5.patch changes in Astro's content store for `npm run dev`
 * (docs/performance.md, "Writing preview"): listeners hear of every change at once; writes can be held until
 * a sync completes; the same plain value set again leaves the store clean.
 */
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
// An internal module of Astro's (not in its exports map), so by path.
import { MutableDataStore } from '../../node_modules/astro/dist/content/mutable-data-store.js';

let dir: string;
beforeEach(async () => {
	dir = await mkdtemp(path.join(os.tmpdir(), 'caravan-store-'));
});
afterEach(async () => {
	await rm(dir, { recursive: true, force: true });
});

const storeIn = async () => {
	const file = pathToFileURL(path.join(dir, 'data-store.json'));
	return { store: await MutableDataStore.fromFile(file), file: path.join(dir, 'data-store.json') };
};
const exists = (file: string) =>
	stat(file).then(
		() => true,
		() => false,
	);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("Astro's content store in dev (patched)", () => {
	it('tells its change listeners at once, and not for a plain value set again', async () => {
		const { store } = await storeIn();
		let changes = 0;
		store.onChange(() => changes++);
		store.set('articles', 'a', { id: 'a', data: {} });
		expect(changes).toBe(1);
		store.metaStore().set('astro-version', '7.3.5');
		store.metaStore().set('astro-version', '7.3.5');
		expect(changes).toBe(2);
		store.delete('articles', 'a');
		expect(changes).toBe(3);
		await store.waitUntilSaveComplete();
	});

	it('with deferWrites, writes nothing after a change until a sync completes', async () => {
		const { store, file } = await storeIn();
		store.deferWrites = true;
		store.set('articles', 'a', { id: 'a', data: { title: 'A' } });
		await sleep(800); // past the 500 ms debounce
		expect(await exists(file)).toBe(false);
		await store.waitUntilSaveComplete();
		expect(await readFile(file, 'utf8')).toContain('"A"');
	});

	it('without it, writes on its own shortly after a change, as Astro does', async () => {
		const { store, file } = await storeIn();
		store.set('articles', 'a', { id: 'a', data: { title: 'A' } });
		for (let waited = 0; waited < 10_000 && !(await exists(file)); waited += 100) await sleep(100);
		expect(await exists(file)).toBe(true);
	});
});
