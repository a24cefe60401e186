/**
 * Post-build step: the Pagefind search index of the built site, written to `<dir>/pagefind/`.
 * Only article pages are read (and on them only the `data-pagefind-body` article), so listings,
 * the search page and 404 can never turn up as results, even on a site with no articles yet,
 * where Pagefind would otherwise fall back to indexing every page whole.
 * Archives of more than `SEARCH_BUNDLE_PAGES` stories in an edition are indexed in several
 * bundles, one Pagefind process at a time, so memory stays bounded (src/lib/searchBundles.ts).
 */
import { existsSync } from 'node:fs';
import { appendFile, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { SEARCH_BUNDLE_PAGES } from '../src/config.ts';
import { LANGS, langPrefix } from '../src/i18n/ui.ts';
import { bundleHeaderRules, dealIntoBundles, searchBundleCount, searchBundleFolder } from '../src/lib/searchBundles.ts';

/**
 * Pages that are search results, relative to the built site: every edition's articles. Pagefind
 * makes one index per `<html lang>`, so /ru/search/ finds Russian stories (with Russian stemming)
 * and never English ones.
 */
export const INDEXED_PAGES = '{articles,*/articles}/*/index.html';

/** Every edition's article pages (`articles/<slug>/index.html`, `ru/articles/<slug>/index.html`), sorted. */
async function articlePagesByEdition(dir: string): Promise<string[][]> {
	const editions: string[][] = [];
	for (const lang of LANGS) {
		const prefix = langPrefix(lang).replace(/^\//, '');
		const articles = path.join(dir, prefix, 'articles');
		if (!existsSync(articles)) continue;
		const slugs = (await readdir(articles)).filter((slug) => existsSync(path.join(articles, slug, 'index.html')));
		editions.push(slugs.sort().map((slug) => path.posix.join(prefix, 'articles', slug, 'index.html')));
	}
	return editions;
}

async function check<T extends { errors: string[] }>(response: Promise<T>): Promise<T> {
	const result = await response;
	if (result.errors.length) throw new Error(result.errors.join('; '));
	return result;
}

/** One bundle from the given pages, or from every article page when `pages` is left out. */
async function writeBundle(dir: string, folder: string, pages?: string[]): Promise<number> {
	try {
		const { index, errors } = await pagefind.createIndex({});
		if (!index) throw new Error(errors.join('; '));
		let count = 0;
		if (pages) {
			for (const page of pages) {
				const content = await readFile(path.join(dir, page), 'utf8');
				await check(index.addHTMLFile({ url: `/${page.replace(/index\.html$/, '')}`, content }));
				count++;
			}
		} else {
			count = (await check(index.addDirectory({ path: dir, glob: INDEXED_PAGES }))).page_count;
		}
		await check(index.writeFiles({ outputPath: path.join(dir, folder) }));
		return count;
	} finally {
		// Ends the Pagefind process, and with it the bundle's memory.
		await pagefind.close();
	}
}

export async function buildSearchIndex(dir: string, pagesPerBundle = SEARCH_BUNDLE_PAGES): Promise<void> {
	const editions = await articlePagesByEdition(dir);
	const bundles = Math.max(1, ...editions.map((pages) => searchBundleCount(pages.length, pagesPerBundle)));
	let indexed = 0;
	if (bundles === 1) {
		indexed = await writeBundle(dir, searchBundleFolder(0));
	} else {
		const dealt = editions.map((pages) => dealIntoBundles(pages, searchBundleCount(pages.length, pagesPerBundle)));
		for (let n = 0; n < bundles; n++) {
			indexed += await writeBundle(dir, searchBundleFolder(n), dealt.flatMap((edition) => edition[n] ?? []));
		}
		const headers = path.join(dir, '_headers');
		const folders = Array.from({ length: bundles - 1 }, (_, i) => searchBundleFolder(i + 1));
		if (existsSync(headers)) await appendFile(headers, bundleHeaderRules(await readFile(headers, 'utf8'), folders));
	}
	const where = bundles === 1 ? '' : ` in ${bundles} bundles`;
	console.log(`[caravan] search index: ${indexed} article${indexed === 1 ? '' : 's'}${where}`);
}
