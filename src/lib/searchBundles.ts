/**
 * How the search index is split into Pagefind bundles. A bundle is written whole from memory
 * (Pagefind holds ~600 bytes per indexed word: ~3.4 GB for 10,000 stories), so a large archive
 * is indexed in parts, one at a time, and the search page merges them (`mergeIndex`), sharing
 * the first bundle's WASM. Each edition's pages are dealt round-robin over its own bundles, so
 * every bundle an edition's search page merges holds that edition's language: Pagefind answers
 * a language a bundle lacks with the bundle's largest language instead.
 */

/** Bundles an edition of `pages` article pages is split into, at most `pagesPerBundle` each. */
export function searchBundleCount(pages: number, pagesPerBundle: number): number {
	return Math.max(1, Math.ceil(pages / pagesPerBundle));
}

/** Folder of bundle `n` (from 0) in the built site: `pagefind`, then `pagefind-2`, `pagefind-3`… */
export function searchBundleFolder(n: number): string {
	return n === 0 ? 'pagefind' : `pagefind-${n + 1}`;
}

/** Site paths of the bundles an edition's search page merges into the first (`/pagefind/`). */
export function mergedSearchBundles(pages: number, pagesPerBundle: number): string[] {
	const count = searchBundleCount(pages, pagesPerBundle);
	return Array.from({ length: count - 1 }, (_, i) => `/${searchBundleFolder(i + 1)}/`);
}

/** Deal `items` round-robin into `count` bundles (sizes differ by at most one). */
export function dealIntoBundles<T>(items: readonly T[], count: number): T[][] {
	const bundles: T[][] = Array.from({ length: count }, () => []);
	items.forEach((item, i) => bundles[i % count]?.push(item));
	return bundles;
}

/**
 * `_headers` rules for the bundles beyond the first: a copy of every rule for `/pagefind/…`
 * under each other bundle's folder, so `pagefind-2/` caches as `pagefind/` does (public/_headers
 * stays the one place that says how). `headers` is the site's `_headers` text.
 */
export function bundleHeaderRules(headers: string, folders: readonly string[]): string {
	const rules = headers.split(/\n(?=\S)/).filter((rule) => rule.startsWith('/pagefind/'));
	if (!rules.length || !folders.length) return '';
	const copies = folders.flatMap((folder) => rules.map((rule) => rule.trimEnd().replace(/^\/pagefind\//, `/${folder}/`)));
	return `\n# Search bundles beyond the first (scripts/searchIndex.ts): as /pagefind/ above.\n${copies.join('\n')}\n`;
}
