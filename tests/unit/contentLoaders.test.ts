/**
 * The loader wrapper that folds a story's images into its digest (src/site/contentLoaders.ts),
 * driven as Astro's glob loader drives it: for each file, its entry info, then its digest. A file
 * whose stored entry has the digest it has now is not parsed again, and each file's text is hashed
 * once.
 */
import { createHash } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Loader } from 'astro/loaders';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { withImagesInDigest } from '../../src/site/contentLoaders.ts';
import { tempDir } from '../../scripts/lib/fixtureSites.ts';

type Context = Parameters<Loader['load']>[0];
type EntryInfo = { data: Record<string, unknown>; body: string };
type EntryType = { getEntryInfo(params: { contents: string; fileUrl: URL }): EntryInfo };
interface Loaded {
	file: string;
	info: EntryInfo;
	digest: string;
}

let root: string;
let articlesDir: string;
/** The stored entries a load starts from: path from the root → digest and `lang`. */
let stored: Map<string, { digest: string; lang: string }>;
/** What the loader hashed, and which files the Markdown reader parsed, in the last load. */
let hashed: unknown[];
let parsed: string[];

beforeEach(async () => {
	root = await tempDir('caravan-content-loaders-');
	articlesDir = path.join(root, 'content', 'articles');
	await mkdir(articlesDir, { recursive: true });
	// Images are read only from inside the content folder.
	vi.stubEnv('CONTENT_DIR', path.join(root, 'content'));
	stored = new Map();
});
afterEach(async () => {
	vi.unstubAllEnvs();
	await rm(root, { recursive: true, force: true });
});

/** Writes the story files (paths relative to `articles/`) and returns their absolute paths. */
async function write(files: Record<string, string | Buffer>): Promise<string[]> {
	const written: string[] = [];
	for (const [name, contents] of Object.entries(files)) {
		const file = path.join(articlesDir, name);
		await mkdir(path.dirname(file), { recursive: true });
		await writeFile(file, contents);
		written.push(file);
	}
	return written;
}

/** One load of `files` as Astro's glob loader runs it; each loaded entry is stored for the next. */
async function load(files: Record<string, string>): Promise<Loaded[]> {
	hashed = [];
	parsed = [];
	const loaded: Loaded[] = [];
	const glob: Loader = {
		name: 'glob-like',
		load: async (context) => {
			const { entryTypes } = context as unknown as { entryTypes: Map<string, EntryType> };
			for (const [name, contents] of Object.entries(files)) {
				const file = path.join(articlesDir, name);
				const info = entryTypes
					.get('.md')!
					.getEntryInfo({ contents, fileUrl: pathToFileURL(file) });
				loaded.push({ file, info, digest: context.generateDigest(contents) });
			}
		},
	};
	const context = {
		config: { root: pathToFileURL(`${root}/`) },
		store: {
			values: () =>
				[...stored]
					.map(([filePath, { digest, lang }]) => ({ filePath, digest, data: { lang } }))
					.values(),
		},
		generateDigest: (data: unknown) => {
			hashed.push(data);
			return createHash('sha256').update(String(data)).digest('hex');
		},
		entryTypes: new Map([
			[
				'.md',
				{
					getEntryInfo: ({ fileUrl }: { fileUrl: URL }) => {
						parsed.push(
							path.basename(path.dirname(fileUrl.pathname)) + '/' + path.basename(fileUrl.pathname),
						);
						return { data: { lang: 'ru' }, body: 'parsed' };
					},
				},
			],
		]),
	} as unknown as Context;
	await withImagesInDigest(glob, articlesDir).load(context);
	for (const { file, digest } of loaded)
		stored.set(path.relative(root, file), { digest, lang: 'ru' });
	return loaded;
}

describe('content loader: digests with images, unchanged files not parsed', () => {
	it('parses every file of a first load, hashing each text once', async () => {
		const texts = { 'a.md': 'Story A', 'b/index.md': 'Story B\n\n![x](./photo.jpg)\n' };
		await write({ ...texts, 'b/photo.jpg': Buffer.from('photo one') });
		const loaded = await load(texts);
		expect(parsed).toEqual(['articles/a.md', 'b/index.md']);
		expect(hashed).toHaveLength(2);
		expect(loaded.map((entry) => entry.info.body)).toEqual(['parsed', 'parsed']);
	});

	it('hands back the stored lang, without parsing, for a file whose digest is unchanged', async () => {
		const texts = { 'a.md': 'Story A', 'b/index.md': 'Story B\n\n![x](./photo.jpg)\n' };
		await write({ ...texts, 'b/photo.jpg': Buffer.from('photo one') });
		await load(texts);
		const again = await load(texts);
		expect(parsed).toEqual([]);
		expect(hashed).toHaveLength(2);
		expect(again.map((entry) => entry.info)).toEqual([
			{ data: { lang: 'ru' }, body: '' },
			{ data: { lang: 'ru' }, body: '' },
		]);
	});

	it('parses again a file whose text or whose image changed, and only that one', async () => {
		const texts = {
			'a.md': 'Story A',
			'b/index.md': 'Story B\n\n![x](./photo.jpg)\n',
			'c.md': 'Story C',
		};
		await write({ ...texts, 'b/photo.jpg': Buffer.from('photo one') });
		const first = await load(texts);
		await write({ 'b/photo.jpg': Buffer.from('photo two') });
		const second = await load({ ...texts, 'c.md': 'Story C, edited' });
		expect(parsed).toEqual(['b/index.md', 'articles/c.md']);
		expect(second[1]?.digest).not.toBe(first[1]?.digest);
		expect(second[0]?.digest).toBe(first[0]?.digest);
	});

	it('gives two files with the same text but different images different digests', async () => {
		const text = 'Same text\n\n![x](./photo.jpg)\n';
		await write({
			'one/index.md': text,
			'one/photo.jpg': Buffer.from('photo one'),
			'two/index.md': text,
			'two/photo.jpg': Buffer.from('photo two'),
		});
		const loaded = await load({ 'one/index.md': text, 'two/index.md': text });
		expect(loaded[0]?.digest).not.toBe(loaded[1]?.digest);
	});
});
