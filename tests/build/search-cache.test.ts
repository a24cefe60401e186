/**
 * The search index step on its own (scripts/lib/searchIndex.ts), over copies of the built fixture in
 * five-day bundles: a bundle is reused from the cache byte for byte unless what Pagefind reads of
 * its stories changed, a story moved between bundles gives a cold build's index, a page that is
 * the last build's file (hard-linked, as Astro restores it) is not read again, what is fed to
 * Pagefind (the article alone) indexes exactly as the whole page would, and beside the build's
 * other steps only one bundle is indexed.
 */
import { cp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildSearchIndex, indexedPage } from '../../scripts/lib/searchIndex.ts';
import { builtSite, tempDir } from '../../scripts/lib/fixtureSites.ts';
import { linkTree } from '../../scripts/lib/linkFiles.ts';
import { inChildProcess } from '../../scripts/lib/childProcess.ts';

const PERIOD = { days: 5 };
const OLDEST = 'pagefind/en/2025-11-28';

let built: string;
let work: string;

/** Every file under `dir`, relative, with its bytes. */
async function tree(dir: string): Promise<Map<string, Buffer>> {
	const files = new Map<string, Buffer>();
	for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
		if (entry.isFile()) {
			const file = path.join(entry.parentPath, entry.name);
			files.set(path.relative(dir, file), await readFile(file));
		}
	}
	return files;
}

/** A copy of the built site without its index, to index with `cache`; returns the log line. */
async function indexCopy(
	name: string,
	cache: string,
	edit?: (dist: string) => Promise<void>,
): Promise<{ dist: string; log: string }> {
	const dist = path.join(work, name);
	// What the step reads: the article pages, and the search page it checks against.
	for (const folder of ['articles', 'search'])
		await cp(path.join(built, folder), path.join(dist, folder), { recursive: true });
	await edit?.(dist);
	vi.stubEnv('CARAVAN_CACHE_DIR', cache);
	const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
	try {
		await buildSearchIndex(dist, PERIOD, 1);
		return { dist, log: log.mock.calls.flat().join('\n') };
	} finally {
		log.mockRestore();
		vi.unstubAllEnvs();
	}
}

/** Rewrite an article page's text (in a new file where `newFile`, as Astro writes a page it renders). */
async function editPage(
	dist: string,
	slug: string,
	from: string | RegExp,
	to: string,
	{ newFile = false } = {},
): Promise<void> {
	const file = path.join(dist, 'articles', slug, 'index.html');
	const html = await readFile(file, 'utf8');
	const edited = html.replace(from, to);
	expect(edited).not.toBe(html);
	if (newFile) await rm(file);
	await writeFile(file, edited);
}

beforeAll(async () => {
	built = await builtSite('fixtureBundled');
	work = await tempDir('caravan-search-cache-');
});

afterAll(async () => {
	await rm(work, { recursive: true, force: true });
});

describe('search bundles from the cache', { timeout: 120_000 }, () => {
	it('re-indexes only the bundle of an edited old story, and reuses the others byte for byte', async () => {
		const cache = path.join(work, 'cache');
		const first = await indexCopy('first', cache);
		expect(first.log).toContain('14 articles in 4 bundles, 4 indexed, 0 from the cache');
		const cached = new Map(
			await Promise.all(
				(await readdir(path.join(cache, 'caravan-search'))).map(
					async (name) =>
						[name, (await stat(path.join(cache, 'caravan-search', name))).mtimeMs] as const,
				),
			),
		);

		const edited = await indexCopy('edited', cache, (dist) =>
			editPage(
				dist,
				'fixture-story-01',
				'filed from the ruins of Otrar',
				'filed from the gates of Sauran',
			),
		);
		expect(edited.log).toContain('14 articles in 4 bundles, 1 indexed, 3 from the cache');
		const before = await tree(path.join(first.dist, 'pagefind'));
		const after = await tree(path.join(edited.dist, 'pagefind'));
		for (const [file, bytes] of after) {
			if (file.startsWith(`${OLDEST.slice('pagefind/'.length)}/`)) continue;
			expect(before.get(file)?.equals(bytes), file).toBe(true);
		}
		expect([...before.keys()].filter((file) => !file.startsWith('en/2025-11-28/'))).toEqual(
			[...after.keys()].filter((file) => !file.startsWith('en/2025-11-28/')),
		);
		// Every bundle file in the output is the cache's own file, hard-linked: no disk beside it.
		const inCache = new Set<number>();
		for (const entry of await readdir(path.join(cache, 'caravan-search'), {
			recursive: true,
			withFileTypes: true,
		})) {
			if (entry.isFile()) inCache.add((await stat(path.join(entry.parentPath, entry.name))).ino);
		}
		const bundleFiles = [...after.keys()].filter((file) => file.includes(path.sep));
		expect(bundleFiles.length).toBeGreaterThan(10);
		for (const file of bundleFiles)
			expect(inCache.has((await stat(path.join(edited.dist, 'pagefind', file))).ino), file).toBe(
				true,
			);
		// The edited bundle changed; the three others' cached copies were not written again.
		expect(
			after
				.get('en/2025-11-28/pagefind-entry.json')
				?.equals(before.get('en/2025-11-28/pagefind-entry.json') ?? Buffer.alloc(0)),
		).toBe(false);
		const still = await Promise.all(
			[...cached].map(
				async ([name, mtime]) =>
					(await stat(path.join(cache, 'caravan-search', name)).catch(() => undefined))?.mtimeMs ===
					mtime,
			),
		);
		expect(still.filter(Boolean)).toHaveLength(3);

		// And the edited bundle is what a cold build makes of the same pages.
		const cold = await indexCopy('edited-cold', path.join(work, 'cache-cold-1'), (dist) =>
			editPage(
				dist,
				'fixture-story-01',
				'filed from the ruins of Otrar',
				'filed from the gates of Sauran',
			),
		);
		expect(cold.log).toContain('4 indexed, 0 from the cache');
		expect(await tree(path.join(cold.dist, 'pagefind'))).toEqual(after);
	});

	it('gives a story moved into another bundle the same index as a cold build', async () => {
		// Story 3 (3 December) re-dated to 1 December: from the 3–7 December bundle to the oldest.
		const move = (dist: string) =>
			editPage(dist, 'fixture-story-03', /2025-12-03T05:00:00\.000Z/g, '2025-12-01T05:00:00.000Z');
		const cache = path.join(work, 'cache-move');
		await indexCopy('before-move', cache);
		const warm = await indexCopy('moved-warm', cache, move);
		expect(warm.log).toContain('2 indexed, 2 from the cache');
		const cold = await indexCopy('moved-cold', path.join(work, 'cache-cold-2'), move);
		expect(await tree(path.join(warm.dist, 'pagefind'))).toEqual(
			await tree(path.join(cold.dist, 'pagefind')),
		);
	});

	it('reads only the pages that are new files, and re-indexes only their bundles', async () => {
		const cache = path.join(work, 'cache-memo');
		// Pages written well before the step, as Astro's are: one written in the clock tick the step
		// starts in is read again next time (scripts/lib/statMemo.ts, racy files).
		const hourAgo = new Date(Date.now() - 3_600_000);
		const first = await indexCopy('memo-first', cache, async (dist) => {
			for (const slug of await readdir(path.join(dist, 'articles')))
				await utimes(path.join(dist, 'articles', slug, 'index.html'), hourAgo, hourAgo);
		});
		expect(first.log).toContain('4 indexed, 0 from the cache; 14 of 14 pages read');
		/** The next build's output as Astro leaves it: every article page it restored hard-linked. */
		const restoredCopy = async (name: string, edit?: (dist: string) => Promise<void>) =>
			indexCopy(name, cache, async (dist) => {
				await rm(path.join(dist, 'articles'), { recursive: true });
				linkTree(path.join(first.dist, 'articles'), path.join(dist, 'articles'));
				await edit?.(dist);
			});
		const unchanged = await restoredCopy('memo-unchanged');
		expect(unchanged.log).toContain('0 indexed, 4 from the cache; 0 of 14 pages read');
		expect(await tree(path.join(unchanged.dist, 'pagefind'))).toEqual(
			await tree(path.join(first.dist, 'pagefind')),
		);

		// One old story rendered again (a new file, as Astro writes it): its bundle, and only
		// that, is indexed again, from its pages read in full.
		const rendered = (dist: string) =>
			editPage(dist, 'fixture-story-01', 'filed from the ruins of Otrar', 'filed from Sauran', {
				newFile: true,
			});
		const edited = await restoredCopy('memo-edited', rendered);
		const oldest = JSON.parse(
			await readFile(path.join(edited.dist, OLDEST, 'pagefind-entry.json'), 'utf8'),
		) as { languages: Record<string, { page_count: number }> };
		const pages = Object.values(oldest.languages)[0]?.page_count ?? 0;
		expect(pages).toBeGreaterThan(1);
		expect(edited.log).toContain(`1 indexed, 3 from the cache; ${pages} of 14 pages read`);
		const cold = await indexCopy('memo-edited-cold', path.join(work, 'cache-memo-cold'), rendered);
		expect(await tree(path.join(edited.dist, 'pagefind'))).toEqual(
			await tree(path.join(cold.dist, 'pagefind')),
		);
	});

	it('indexes the article it feeds Pagefind exactly as Pagefind indexes the whole page', async () => {
		const slugs = (await readdir(path.join(built, 'articles'))).sort();
		const outputs: string[] = [];
		for (const mode of ['page', 'article']) {
			const { index } = await pagefind.createIndex({});
			for (const slug of slugs) {
				const url = `/articles/${slug}/`;
				const html = await readFile(path.join(built, 'articles', slug, 'index.html'), 'utf8');
				const content = mode === 'page' ? html : indexedPage(url, html)?.html;
				await index?.addHTMLFile({ url, content: content ?? '' });
			}
			const output = path.join(work, `whole-${mode}`);
			await index?.writeFiles({ outputPath: output });
			await pagefind.close();
			outputs.push(output);
		}
		expect(await tree(outputs[1] as string)).toEqual(await tree(outputs[0] as string));
	});

	it('indexes one bundle beside the steps it runs with, and the rest once they are done', async () => {
		const dist = path.join(work, 'beside');
		for (const folder of ['articles', 'search'])
			await cp(path.join(built, folder), path.join(dist, folder), { recursive: true });
		const cache = path.join(work, 'cache-beside');
		const bundles = path.join(cache, 'caravan-search');
		/** The bundles indexed so far, and those being indexed (`.tmp-<pid>`). */
		const cached = async () => {
			const names = await readdir(bundles).catch(() => [] as string[]);
			return {
				done: names.filter((name) => !name.includes('.tmp')).length,
				started: names.length,
			};
		};
		const others = Promise.withResolvers<void>();
		vi.stubEnv('CARAVAN_CACHE_DIR', cache);
		try {
			const step = inChildProcess(
				new URL('../../scripts/lib/searchIndex.ts', import.meta.url),
				'buildSearchIndex',
				[dist, PERIOD, 1],
				{ others: others.promise },
			);
			await vi.waitFor(async () => expect((await cached()).done).toBe(1), {
				timeout: 60_000,
				interval: 100,
			});
			// The second bundle would start within milliseconds if the step did not wait.
			await new Promise((resolve) => setTimeout(resolve, 1500));
			expect(await cached()).toEqual({ done: 1, started: 1 });
			others.resolve();
			await step;
			expect((await cached()).done).toBe(4);
		} finally {
			others.resolve();
			vi.unstubAllEnvs();
		}
	});
});
