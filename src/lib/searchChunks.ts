/**
 * Which index chunks of a Pagefind bundle a query needs, known before Pagefind's engine and
 * WebAssembly have loaded: the search step writes the newest bundle's chunk table into the
 * search page (scripts/lib/searchIndex.ts), and the page preloads the chunks its first query
 * needs beside the engine instead of a round trip after it (src/client/searchPage.ts).
 * The same rule as Pagefind's `request_indexes` (pagefind_web/src/lib.rs): each word of the
 * normalised query is looked up in the chunk whose `from`…`to` range holds it. Shared by the
 * build and the browser: keep it free of Node.
 */

/** One index chunk as Pagefind's metadata lists it: words from `from` to `to` are in `index/<hash>.pf_index`. */
export type IndexChunk = readonly [from: string, to: string, hash: string];

/**
 * The chunk table as the search page carries it (`data-index-chunks`): `from to hash` of each
 * chunk, all space-separated (Pagefind's words never hold a space), a third of the JSON's size.
 */
export function chunkTableText(chunks: readonly IndexChunk[]): string {
	return chunks.flat().join(' ');
}

/** The chunks of a `chunkTableText`; none for an empty or malformed table. */
export function readChunkTable(text: string | undefined): IndexChunk[] {
	const parts = text ? text.split(' ') : [];
	if (parts.length % 3 !== 0) return [];
	const chunks: IndexChunk[] = [];
	for (let i = 0; i < parts.length; i += 3)
		chunks.push([parts[i] as string, parts[i + 1] as string, parts[i + 2] as string]);
	return chunks;
}

/** A word Pagefind normalises to itself once lowercased: letters and digits, no diacritics, no surrogates. */
const PLAIN_WORD = /^[\p{L}\p{N}]+$/u;
const isPlain = (word: string) =>
	PLAIN_WORD.test(word) && !/[\uD800-\uDFFF]/.test(word) && word.normalize('NFD') === word;

/**
 * The chunk hashes Pagefind will fetch for `query`, sorted; empty when that is not certain: a
 * word with punctuation or diacritics (Pagefind rewrites those), whitespace other than spaces,
 * or a query no chunk's range holds (Pagefind then loads every chunk that may hold a longer or
 * shorter form).
 */
export function chunksForQuery(query: string, chunks: readonly IndexChunk[]): string[] {
	// Pagefind splits words at spaces only (a tab or no-break space stays inside a word), and
	// lowercases in the browser's own locale.
	if (/[^\S ]/.test(query)) return [];
	const words = query.toLocaleLowerCase().split(/ +/).filter(Boolean);
	if (!words.length || !words.every(isPlain)) return [];
	const hashes = new Set<string>();
	for (const word of words) {
		const chunk = chunks.find(([from, to]) => word >= from && word <= to);
		if (chunk) hashes.add(chunk[2]);
	}
	return [...hashes].sort();
}
