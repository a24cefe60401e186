/**
 * Post-build step: the Pagefind search index of the built site, written to `<dir>/pagefind/`.
 * Only article pages are read (and on them only the `data-pagefind-body` article), so listings,
 * the search page and 404 can never turn up as results, even on a site with no articles yet,
 * where Pagefind would otherwise fall back to indexing every page whole.
 */
import path from 'node:path';
import * as pagefind from 'pagefind';

/**
 * Pages that are search results, relative to the built site: every edition's articles. Pagefind
 * makes one index per `<html lang>`, so /ru/search/ finds Russian stories (with Russian stemming)
 * and never English ones.
 */
export const INDEXED_PAGES = '{articles,*/articles}/*/index.html';

export async function buildSearchIndex(dir: string): Promise<void> {
	try {
		const { index, errors: createErrors } = await pagefind.createIndex({});
		if (!index) throw new Error(createErrors.join('; '));
		const added = await index.addDirectory({ path: dir, glob: INDEXED_PAGES });
		if (added.errors.length) throw new Error(added.errors.join('; '));
		const written = await index.writeFiles({ outputPath: path.join(dir, 'pagefind') });
		if (written.errors.length) throw new Error(written.errors.join('; '));
		console.log(`[caravan] search index: ${added.page_count} article${added.page_count === 1 ? '' : 's'}`);
	} finally {
		await pagefind.close();
	}
}
