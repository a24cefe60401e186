/**
 * The patch scripts/patches/astro+7.3.5.patch makes to Astro's chunked content store (every
 * build's): records go into groups whose bounds depend only on the ids around them, and a write
 * serialises again only the groups whose entries changed, keeping the other groups' chunk files
 * (at 100,000 stories the store is ~930 MB); the files are those a whole write gives. And a
 * build's pages read each chunk through a function, so no module keeps its text once parsed, and
 * read an entry's body and rendered HTML back from its record when a page asks for them.
 */
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
// Internal modules of Astro's (not in its exports map), so by path.
import { ChunkedWriter } from '../../node_modules/astro/dist/content/data-store-writer.js';
import { ImmutableDataStore } from '../../node_modules/astro/dist/content/data-store.js';
import { MutableDataStore } from '../../node_modules/astro/dist/content/mutable-data-store.js';

/** A store in `dir`'s chunk files, as a build reads it: the chunk files and the entries. */
async function readStore(dir: string) {
	const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as Record<
		string,
		string[]
	>;
	const modules = Object.fromEntries(
		Object.entries(manifest).map(([name, files]) => [
			name,
			files.map((file) => ({ default: () => readFileSync(path.join(dir, file), 'utf8') })),
		]),
	);
	return { manifest, collections: ImmutableDataStore.manifestToMap(modules) };
}

/** An entry as the glob loader stores one, ~1 KB with a curly quote (two bytes a character in V8). */
const story = (id: string, title = `Story ${id}`) => ({
	id,
	data: { title: `${title} — «Алматы»` },
	body: 'The reservoir talks resumed. '.repeat(30),
	digest: id,
});

describe("Astro's chunked content store, written by groups (patched)", () => {
	let dirs: string[] = [];
	const tempStore = async () => {
		const dir = await mkdtemp(path.join(tmpdir(), 'caravan-store-'));
		dirs.push(dir);
		// Written only when asked, as a build's sync does once it is done.
		const store = await MutableDataStore.fromDir(pathToFileURL(`${dir}/`), 64 * 1024, console);
		store.deferWrites = true;
		return { dir, store };
	};
	afterEach(async () => {
		await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
		dirs = [];
	});
	const ids = Array.from({ length: 6000 }, (_, i) => `story-${String(i).padStart(5, '0')}`);

	it('writes again only the group of a new, an edited and a deleted story; the same files as a store written whole', async () => {
		const { dir, store } = await tempStore();
		for (const id of ids) store.set('articles', id, story(id));
		store.metaStore().set('astro-version', '7.3.5');
		await store.writeToDisk();
		const first = await readStore(dir);
		// Groups of ~1,024 stories, in chunk files of at most 64 KB, each holding whole records.
		expect(first.manifest.articles?.length).toBeGreaterThan(20);
		for (const file of first.manifest.articles ?? []) {
			expect((await stat(path.join(dir, file))).size).toBeLessThanOrEqual(64 * 1024);
			expect(readFileSync(path.join(dir, file), 'utf8').endsWith('\n')).toBe(true);
		}
		const inodes = new Map<string, bigint>();
		for (const file of first.manifest.articles ?? [])
			inodes.set(file, (await stat(path.join(dir, file), { bigint: true })).ino);

		// The next build's sync: the store read back, one story edited, one added, one deleted.
		const next = await MutableDataStore.fromDir(pathToFileURL(`${dir}/`), 64 * 1024, console);
		next.deferWrites = true;
		// Bodies are read back from the files when asked for (a changed group's other records), not kept.
		expect(
			Object.getOwnPropertyDescriptor(next.get('articles', 'story-00101'), 'body')?.get,
		).toBeTypeOf('function');
		next.set('articles', 'story-00100', story('story-00100', 'Edited'));
		next.set('articles', 'story-03000-new', story('story-03000-new'));
		next.delete('articles', 'story-05000');
		// Changed behind the store's back (no `set`): its group is not serialised again, so the
		// files still hold it as written.
		(next.get('articles', 'story-02000') as ReturnType<typeof story>).data.title = 'Not written';
		await next.writeToDisk();
		const second = await readStore(dir);

		// The same files a store written whole from the same entries has.
		const { dir: wholeDir, store: whole } = await tempStore();
		for (const [id, entry] of second.collections.get('articles') ?? [])
			whole.set('articles', id, entry);
		whole.metaStore().set('astro-version', '7.3.5');
		await whole.writeToDisk();
		const written = await readStore(wholeDir);
		expect(second.manifest).toEqual(written.manifest);
		for (const file of second.manifest.articles ?? [])
			expect(await readFile(path.join(dir, file), 'utf8')).toBe(
				await readFile(path.join(wholeDir, file), 'utf8'),
			);

		// What the build's pages read: the edit, the new story, not the deleted one, in id order.
		const articles = second.collections.get('articles');
		expect(articles?.get('story-02000')).toEqual(story('story-02000'));
		expect(articles?.get('story-00100')).toEqual(story('story-00100', 'Edited'));
		expect(articles?.get('story-03000-new')).toEqual(story('story-03000-new'));
		expect(articles?.has('story-05000')).toBe(false);
		expect([...(articles?.keys() ?? [])]).toEqual(
			[...ids.filter((id) => id !== 'story-05000'), 'story-03000-new'].sort((a, b) =>
				a.localeCompare(b),
			),
		);

		// The first write's files that are still used are untouched.
		const kept = (second.manifest.articles ?? []).filter((file) => inodes.has(file));
		expect(kept.length).toBeGreaterThan((second.manifest.articles?.length ?? 0) / 2);
		for (const file of kept)
			expect((await stat(path.join(dir, file), { bigint: true })).ino).toBe(inodes.get(file));
		// And the files no group uses any more are gone.
		expect((await readdir(dir)).sort()).toEqual(
			[
				...(second.manifest.articles ?? []),
				...(second.manifest['meta::meta'] ?? []),
				'manifest.json',
			].sort(),
		);
	});

	it('writes every record again after the whole store is cleared (a new Astro or config)', async () => {
		const { dir, store } = await tempStore();
		for (const id of ids.slice(0, 3000)) store.set('articles', id, story(id));
		await store.writeToDisk();
		const first = await readStore(dir);
		const next = await MutableDataStore.fromDir(pathToFileURL(`${dir}/`), 64 * 1024, console);
		next.deferWrites = true;
		next.clearAll();
		for (const id of ids.slice(0, 3000)) next.set('articles', id, story(id, 'Again'));
		await next.writeToDisk();
		const second = await readStore(dir);
		expect(second.collections.get('articles')?.get('story-00001')).toEqual(
			story('story-00001', 'Again'),
		);
		expect(second.manifest.articles?.some((file) => first.manifest.articles?.includes(file))).toBe(
			false,
		);
	});

	it('reads a store an unpatched writer cut mid-record, and writes it whole the next time', async () => {
		const { dir, store } = await tempStore();
		for (const id of ids.slice(0, 50)) store.set('articles', id, story(id));
		await store.writeToDisk();
		// Astro's own layout: the same records as one text cut every 64 bytes, across files.
		const { manifest: written } = await readStore(dir);
		let text = '';
		for (const file of written.articles ?? []) text += await readFile(path.join(dir, file), 'utf8');
		await rm(dir, { recursive: true });
		await mkdir(dir);
		const chunks = text.match(/[\s\S]{1,64}/g) ?? [];
		const files = chunks.map((_, i) => `old-${i}.txt`);
		await Promise.all(chunks.map((chunk, i) => writeFile(path.join(dir, files[i] ?? ''), chunk)));
		await writeFile(path.join(dir, 'manifest.json'), JSON.stringify({ articles: files }));
		const next = await MutableDataStore.fromDir(pathToFileURL(`${dir}/`), 64 * 1024, console);
		next.deferWrites = true;
		next.set('articles', 'story-00001', story('story-00001', 'Edited'));
		await next.writeToDisk();
		const { manifest, collections } = await readStore(dir);
		expect(manifest.articles?.some((file) => file.startsWith('old-'))).toBe(false);
		expect(collections.get('articles')?.size).toBe(50);
		expect(collections.get('articles')?.get('story-00001')).toEqual(story('story-00001', 'Edited'));
		expect(collections.get('articles')?.get('story-00049')).toEqual(story('story-00049'));
	});
});

describe("Astro's chunked store read by a build's pages (patched)", () => {
	it('reads chunks a module hands over as functions, as the store was written', async () => {
		const dir = await mkdtemp(path.join(tmpdir(), 'caravan-chunks-'));
		const entries = new Map(
			['a', 'b', 'c'].map((id) => [id, { id, data: { title: `Алматы «water» ${id}` } }]),
		);
		// 64-byte chunks: each record, larger, stands in a chunk of its own.
		await new ChunkedWriter(pathToFileURL(`${dir}/`), 64).write(new Map([['articles', entries]]));
		const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as {
			articles: string[];
		};
		expect(manifest.articles.length).toBe(3);
		let reads = 0;
		const modules = manifest.articles.map((file) => ({
			default: () => {
				reads++;
				return readFileSync(path.join(dir, file), 'utf8');
			},
		}));
		const read = ImmutableDataStore.manifestToMap({ articles: modules });
		expect(reads).toBe(manifest.articles.length);
		expect(read.get('articles')).toEqual(entries);
		await rm(dir, { recursive: true, force: true });
	});

	it("reads an entry's body and rendered HTML back from its record only when they are asked for", async () => {
		const dir = await mkdtemp(path.join(tmpdir(), 'caravan-chunks-'));
		const entries = new Map(
			['a', 'b', 'c'].map((id) => [
				id,
				{
					id,
					data: { title: `Алматы «water» ${id}` },
					body: `Водохранилище ${id}. `.repeat(40),
					rendered: { html: `<p>Водохранилище ${id}.</p>`, metadata: { headings: [] } },
					digest: id,
				},
			]),
		);
		await new ChunkedWriter(pathToFileURL(`${dir}/`), 2 * 1024).write(
			new Map([['articles', entries]]),
		);
		const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as {
			articles: string[];
		};
		let slices = 0;
		const modules = manifest.articles.map((file) => ({
			default: () => readFileSync(path.join(dir, file), 'utf8'),
			bytes: () => readFileSync(path.join(dir, file)),
			slice: (start: number, end: number) => {
				slices++;
				return readFileSync(path.join(dir, file)).toString('utf8', start, end);
			},
		}));
		const articles = ImmutableDataStore.manifestToMap({ articles: modules }).get('articles');
		const b = articles?.get('b');
		// getCollection's copy of an entry (its fields as defined: scripts/patches) reads nothing.
		const copy = Object.defineProperties({}, Object.getOwnPropertyDescriptors(b)) as {
			data: unknown;
			body: string;
			rendered: { html: string; metadata: unknown };
		};
		expect(copy.data).toEqual(entries.get('b')?.data);
		expect(copy.rendered.metadata).toEqual({ headings: [] });
		expect(slices).toBe(0);
		expect(copy.body).toBe(entries.get('b')?.body);
		expect(slices).toBe(1);
		expect(copy.rendered.html).toBe('<p>Водохранилище b.</p>');
		expect(slices).toBe(2);
		expect(articles).toEqual(entries);
		await rm(dir, { recursive: true, force: true });
	});
});
