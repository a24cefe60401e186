/**
 * Post-build step: the Pagefind search index of the built site, one bundle per edition and
 * publication period at `<dir>/pagefind/<lang>/<period start>/` (src/lib/searchBundles.ts), and
 * Pagefind's browser engine at `<dir>/pagefind/pagefind.js`.
 * Only article pages are read, and of each only its `<html lang>` and the `data-pagefind-body`
 * article, so listings, the search page and 404 can never turn up as results, and what changes
 * around an article (related stories, the ticker) never changes its bundle.
 * A bundle is a pure function of those inputs, Pagefind's version and its options: a build
 * re-indexes only bundles whose digest is new and hard-links the others, byte for byte, from the
 * build cache (`<cacheDir>/caravan-search/<digest>/`). The digest is made of each page's URL and
 * a digest of what Pagefind reads of it, remembered with the page's date by the page file's stat
 * (scripts/lib/statMemo.ts): a page Astro restored from its cache is the last build's file and is
 * not read again, so a warm build reads the pages Astro rendered and those of bundles to index.
 * One Pagefind process per bundle, one after another, so memory stays that of the largest period.
 * The step runs beside the image and card steps (scripts/build.ts) but holds back what would add
 * much memory to theirs until they are done: reading more than `PAGES_READ_BESIDE_OTHERS` pages,
 * and indexing a second bundle. A publish or a new day (one bundle to index) then overlaps them,
 * and a cold build indexes on its own.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { appendFile, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decode } from 'cborg';
import { escapeAttribute } from 'entities';
import * as pagefind from 'pagefind';
import { cacheDir, SEARCH_BUNDLE_PERIOD, SEARCH_RECENT_STORIES } from '../../src/config.ts';
import { LANGS, langPrefix } from '../../src/i18n/ui.ts';
import type { SearchPeriod } from '../../src/config.ts';
import {
	bundleHeaderRules,
	searchBundlePath,
	searchBundleStarts,
} from '../../src/lib/searchBundles.ts';
import { chunkTableText, type IndexChunk } from '../../src/lib/searchChunks.ts';
import { codeVersion } from './checkCache.ts';
import { othersDone } from './childProcess.ts';
import { keepOnly, linkTree } from './linkFiles.ts';
import { StatMemo } from './statMemo.ts';
import { writeFileAtomic } from '../../src/site/writeFileAtomic.ts';

/**
 * Pages that are search results, relative to the built site: every edition's articles. Each
 * edition has its own bundles, so /ru/search/ finds Russian stories (with Russian stemming)
 * and never English ones.
 */
export const INDEXED_PAGES = '{articles,*/articles}/*/index.html';

/**
 * Pages read while the image and card steps run; past it the step waits for them. A warm build
 * reads the pages Astro rendered: a few, or every page when a template changed. ~2,000 reduced
 * pages are ~25 MB; every page of a cold build, with the bundle indexed next, ~0.7 GB.
 */
const PAGES_READ_BESIDE_OTHERS = 2000;

/** Options given to Pagefind's `createIndex` (part of every bundle's digest). */
const INDEX_OPTIONS = {};
/** Bump when what is fed to Pagefind changes shape, so cached bundles are not reused. */
const INPUT_FORMAT = 2;
const PAGEFIND_VERSION = (
	JSON.parse(
		await readFile(
			path.join(import.meta.dirname, '../../node_modules/pagefind/package.json'),
			'utf8',
		),
	) as { version: string }
).version;

/** What Pagefind indexes of one article page. */
export interface IndexedPage {
	url: string;
	date: Date;
	/** The page reduced to what Pagefind reads: `<html lang>` and the `data-pagefind-body` article. */
	html: string;
}

/**
 * The `data-pagefind-body` `<article>` of a built page, whole (nested articles included), with
 * its language and date; undefined for a page without one. The markup is Caravan's own, so
 * tags are found by text: writers' text in it is escaped (`&lt;article`).
 */
export function indexedPage(url: string, html: string): IndexedPage | undefined {
	const start = html.search(/<article\b[^>]*\sdata-pagefind-body\b/);
	if (start < 0) return undefined;
	const tags = /<(\/?)article\b/g;
	tags.lastIndex = start + 1;
	let depth = 1;
	let end = -1;
	for (let match = tags.exec(html); match; match = tags.exec(html)) {
		depth += match[1] ? -1 : 1;
		if (depth === 0) {
			end = html.indexOf('>', match.index) + 1;
			break;
		}
	}
	if (end <= 0) throw new Error(`${url}: the data-pagefind-body article is not closed`);
	const article = html.slice(start, end);
	const lang = /<html\b[^>]*\slang="([^"]+)"/.exec(html)?.[1];
	const date = /\sdata-pagefind-sort="date:([^"]+)"/.exec(
		article.slice(0, article.indexOf('>')),
	)?.[1];
	if (!lang || !date || Number.isNaN(Date.parse(date)))
		throw new Error(`${url}: the indexed article has no <html lang> or data-pagefind-sort date`);
	return {
		url,
		date: new Date(date),
		html: `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"></head><body>${article}</body></html>`,
	};
}

/** Pagefind's code that fetches an index's WebAssembly from that index's own folder. */
const WASM_FETCH =
	'let compressed_resp=await this.throttledFetch(wasm_url);let compressed_wasm=await compressed_resp.arrayBuffer();';
/** Pagefind's code that fetches an index's entry file, and the option it reads beside which `caravanEntry` goes. */
const ENTRY_FETCH =
	'let entry_response=await this.throttledFetch(entryUrl);let entry_json=await entry_response.json();';
const ENTRY_OPTION = 'this.metaCacheTag=opts.metaCacheTag??null;';
/** Pagefind's code that hands every fetched response (its files are gzip streams) to the code that asked. */
const FETCH_RESOLVE = 'queued.resolve(response);';
/**
 * A response whose body, when it is a gzip stream (Pagefind's WebAssembly, metadata, index
 * chunks, filters, fragments), is inflated by the browser's own `DecompressionStream`; other
 * bodies (the entry file, or a file a server already decompressed) as they came. Pagefind then
 * finds its signature at the start and skips its JavaScript inflate, ~20 ms of the main thread
 * for the WebAssembly alone (more on a slow phone) between its arrival and the first search.
 */
const GUNZIP =
	'const caravanGunzip=async(response)=>{const bytes=new Uint8Array(await response.arrayBuffer());return bytes[0]===31&&bytes[1]===139&&typeof DecompressionStream==="function"?new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))):new Response(bytes);};';

/** `engine` with `from` replaced by `to`, or a build failure when Pagefind's code no longer has `from`. */
function replaceOnce(engine: string, from: string, to: string, what: string): string {
	if (engine.split(from).length !== 2)
		throw new Error(`pagefind.js: ${what} was not found once (was Pagefind upgraded?)`);
	return engine.replace(from, () => to);
}

/**
 * Pagefind's engine, changed in three places. Each language's WebAssembly is fetched once per
 * page: every bundle holds the same file (one Pagefind version), but each index would fetch its
 * own copy (~58 KB gzip) when the search page goes on into older periods. An index can be given
 * its entry file (`pagefind-entry.json`, ~0.3 KB) as the `caravanEntry` option instead of
 * fetching it: the search page carries the newest bundle's, so a first search makes one request
 * fewer. And the browser inflates Pagefind's gzip files natively (`GUNZIP`). Fails the build if
 * Pagefind's code no longer has the lines this replaces (a new Pagefind version: check and update).
 */
export function caravanEngine(engine: string): string {
	const sharedWasm = replaceOnce(
		engine,
		WASM_FETCH,
		'let compressed_wasm=await(caravanWasm[language]??=this.throttledFetch(wasm_url).then((r)=>r.arrayBuffer()).catch((e)=>{delete caravanWasm[language];throw e;}));',
		'the WebAssembly fetch to share between bundles',
	);
	const givenEntry = replaceOnce(
		replaceOnce(
			sharedWasm,
			ENTRY_OPTION,
			`${ENTRY_OPTION}this.caravanEntry=opts.caravanEntry??null;`,
			'the metaCacheTag option, beside which caravanEntry is read,',
		),
		ENTRY_FETCH,
		'let entry_json=this.caravanEntry??await(await this.throttledFetch(entryUrl)).json();',
		'the entry file fetch',
	);
	const nativeGunzip = replaceOnce(
		givenEntry,
		FETCH_RESOLVE,
		'queued.resolve(await caravanGunzip(response));',
		'the fetched response handed on',
	);
	return `/* Caravan: one WebAssembly fetch per language for every bundle; an entry file given as caravanEntry is not fetched; gzip files inflated by the browser (scripts/lib/searchIndex.ts). */const caravanWasm={};${GUNZIP}\n${nativeGunzip}`;
}

/** What the memo keeps of an article page (null for a page without an indexed article). */
interface PageSummary {
	/** The page's `data-pagefind-sort` date, as an ISO string. */
	date: string;
	/** `pageDigest` of what Pagefind reads of the page. */
	digest: string;
}

/** An article page to index: its file, URL, date and digest, and its fed HTML when read in this build. */
interface ListedPage {
	url: string;
	file: string;
	date: Date;
	digest: string;
	html?: string;
}

/** The digest of what Pagefind reads of a page (`IndexedPage.html`). */
export function pageDigest(html: string): string {
	return createHash('sha256').update(html).digest('base64url');
}

/**
 * One edition's article pages, sorted by URL. A page is read only when the memo has nothing for
 * its file as it is now; what is read is kept for indexing, so no page is read twice.
 */
async function editionPages(
	dir: string,
	prefix: string,
	memo: StatMemo<PageSummary | null>,
): Promise<ListedPage[]> {
	const articles = path.join(dir, prefix, 'articles');
	if (!existsSync(articles)) return [];
	const pages: ListedPage[] = [];
	for (const slug of readdirSync(articles).sort()) {
		const file = path.join(articles, slug, 'index.html');
		if (!existsSync(file)) continue;
		const url = `/${path.posix.join(prefix, 'articles', slug)}/`;
		let html: string | undefined;
		const summary = await memo.value(file, path.relative(dir, file), (text) => {
			const page = indexedPage(url, text);
			html = page?.html;
			return page ? { date: page.date.toISOString(), digest: pageDigest(page.html) } : null;
		});
		if (summary)
			pages.push({ url, file, date: new Date(summary.date), digest: summary.digest, html });
		if (memo.read > PAGES_READ_BESIDE_OTHERS) await othersDone();
	}
	return pages;
}

/**
 * What Pagefind reads of each page of a bundle to index: read now for pages the memo knew. A page
 * whose text no longer gives its digest was rewritten in place, which no step may do.
 */
async function fedPages(pages: readonly ListedPage[]): Promise<IndexedPage[]> {
	const fed: IndexedPage[] = [];
	for (const page of pages) {
		const html = page.html ?? indexedPage(page.url, await readFile(page.file, 'utf8'))?.html;
		if (html === undefined || pageDigest(html) !== page.digest)
			throw new Error(
				`${page.url}: the page changed while the search index was built (rewritten in place?)`,
			);
		fed.push({ url: page.url, date: page.date, html });
	}
	return fed;
}

/** An edition's pages grouped into bundles by period: site path → pages, newest first. */
export function periodBundles<P extends { date: Date }>(
	lang: string,
	pages: readonly P[],
	period: SearchPeriod,
	recentStories: number,
): Map<string, P[]> {
	const bundles = new Map<string, P[]>();
	const starts = searchBundleStarts(
		pages.map((page) => page.date),
		period,
		recentStories,
	);
	pages.forEach((page, i) => {
		const bundle = searchBundlePath(lang, starts[i] as string);
		const bundlePages = bundles.get(bundle);
		if (bundlePages) bundlePages.push(page);
		else bundles.set(bundle, [page]);
	});
	return new Map([...bundles].sort(([a], [b]) => b.localeCompare(a)));
}

/**
 * The digest a bundle's files are cached under: its pages (each URL and `pageDigest` of what
 * Pagefind reads of it), Pagefind's version and options.
 */
export function bundleDigest(pages: readonly { url: string; digest: string }[]): string {
	const hash = createHash('sha256').update(
		JSON.stringify({ PAGEFIND_VERSION, INDEX_OPTIONS, INPUT_FORMAT }),
	);
	for (const page of [...pages].sort((a, b) => a.url.localeCompare(b.url)))
		hash.update(`\0${page.url}\0${page.digest}`);
	return hash.digest('hex').slice(0, 32);
}

async function check<T extends { errors: string[] }>(response: Promise<T>): Promise<T> {
	const result = await response;
	if (result.errors.length) throw new Error(result.errors.join('; '));
	return result;
}

/** Index `pages` with Pagefind into `outputPath`, in a Pagefind process of its own. */
async function writeBundle(
	outputPath: string,
	pages: readonly Pick<IndexedPage, 'url' | 'html'>[],
): Promise<void> {
	try {
		const { index, errors } = await pagefind.createIndex(INDEX_OPTIONS);
		if (!index) throw new Error(errors.join('; '));
		// In reverse URL order: Pagefind sorts ties in reverse of the order pages were added, so
		// stories of the same minute list newest-first as the site's listings do (slug order).
		for (const page of [...pages].sort((a, b) => b.url.localeCompare(a.url)))
			await check(index.addHTMLFile({ url: page.url, content: page.html }));
		await check(index.writeFiles({ outputPath }));
	} finally {
		// Ends the Pagefind process, and with it the bundle's memory.
		await pagefind.close();
	}
}

/** The cached copy of a bundle, indexed now if the cache has none. Returns whether it was indexed. */
async function cachedBundle(
	cache: string,
	digest: string,
	pages: () => Promise<IndexedPage[]>,
): Promise<boolean> {
	const folder = path.join(cache, digest);
	if (existsSync(folder)) {
		return false;
	}
	const scratch = `${folder}.tmp-${process.pid}`;
	await rm(scratch, { recursive: true, force: true });
	await writeBundle(scratch, await pages());
	await rename(scratch, folder);
	return true;
}

export async function buildSearchIndex(
	dir: string,
	period: SearchPeriod = SEARCH_BUNDLE_PERIOD,
	recentStories = SEARCH_RECENT_STORIES,
): Promise<void> {
	const cache = path.join(cacheDir(), 'caravan-search');
	await mkdir(cache, { recursive: true });
	const memo = await StatMemo.open<PageSummary | null>(
		'search-pages',
		codeVersion(import.meta.filename),
	);
	const written: string[] = [];
	const used = new Set<string>();
	let stories = 0;
	let indexed = 0;
	/** Pages the memo knew, read again to index their bundle. */
	let readAgain = 0;
	let engine: string | undefined;
	for (const lang of LANGS) {
		const prefix = langPrefix(lang).replace(/^\//, '');
		const pages = await editionPages(dir, prefix, memo);
		stories += pages.length;
		for (const [bundle, bundlePages] of periodBundles(lang, pages, period, recentStories)) {
			const digest = bundleDigest(bundlePages);
			used.add(digest);
			const fed = async () => {
				// One bundle is indexed beside the image and card steps, any more after them.
				if (indexed > 0) await othersDone();
				readAgain += bundlePages.filter((page) => page.html === undefined).length;
				return fedPages(bundlePages);
			};
			if (await cachedBundle(cache, digest, fed)) indexed++;
			// A bundle's pages are let go once it is indexed (or found in the cache).
			for (const page of bundlePages) delete page.html;
			linkTree(path.join(cache, digest), path.join(dir, bundle));
			engine ??= path.join(dir, bundle, 'pagefind.js');
			written.push(bundle);
		}
		await linkSearchPage(
			dir,
			prefix,
			written.filter((bundle) => bundle.startsWith(`/pagefind/${lang}/`)),
		);
	}
	await memo.save();
	// A bundle whose stories change is written anew anyway.
	keepOnly(cache, used);
	// The engine every bundle carries (the same file: one Pagefind version), at one stable URL.
	if (engine)
		await writeFile(
			path.join(dir, 'pagefind', 'pagefind.js'),
			caravanEngine(await readFile(engine, 'utf8')),
		);
	const headers = path.join(dir, '_headers');
	if (existsSync(headers))
		await appendFile(headers, bundleHeaderRules(await readFile(headers, 'utf8'), written));
	console.log(
		`[caravan] search index: ${stories} article${stories === 1 ? '' : 's'} in ${written.length} bundle${written.length === 1 ? '' : 's'}, ${indexed} indexed, ${written.length - indexed} from the cache; ${memo.read + readAgain} of ${memo.looked} pages read`,
	);
}

/**
 * What every first search fetches of the newest bundle, whatever the query: the engine, its
 * WebAssembly and its metadata (whose names only the index knows). In the order the engine
 * uses them. Not the entry file: the page gives it to the engine (`data-entry`).
 */
function firstSearchPreloads(bundle: string, index: { hash: string; wasm: string }): string[] {
	return [
		'<link rel="modulepreload" href="/pagefind/pagefind.js">',
		`<link rel="preload" href="${bundle}wasm.${index.wasm}.pagefind" as="fetch" crossorigin>`,
		`<link rel="preload" href="${bundle}pagefind.${index.hash}.pf_meta" as="fetch" crossorigin>`,
	];
}

/** What starts a Pagefind metadata file before its gzip-compressed CBOR. */
const META_SIGNATURE = 'pagefind_dcd';

/**
 * The index chunk table of a bundle's metadata file (`pagefind.<hash>.pf_meta`, as read): each
 * chunk's word range and hash, in Pagefind's order. Its layout is Pagefind's own (a CBOR array:
 * version, pages, chunks…): the build fails if a new Pagefind version changed it.
 */
export function metaIndexChunks(meta: Buffer, version: string): IndexChunk[] {
	const bytes = gunzipSync(meta);
	const fields: unknown =
		bytes.subarray(0, META_SIGNATURE.length).toString('latin1') === META_SIGNATURE
			? decode(bytes.subarray(META_SIGNATURE.length))
			: undefined;
	const chunks =
		Array.isArray(fields) && fields[0] === version ? (fields[2] as unknown) : undefined;
	const isChunk = (chunk: unknown): chunk is IndexChunk =>
		Array.isArray(chunk) && chunk.length === 3 && chunk.every((part) => typeof part === 'string');
	if (!Array.isArray(chunks) || !chunks.length || !chunks.every(isChunk))
		throw new Error(
			`pagefind ${version} metadata: no index chunk table where Caravan reads it (was Pagefind upgraded?)`,
		);
	return chunks;
}

/**
 * The edition's search page must search exactly the bundles written (it lists them from the
 * content); it is given the newest bundle's entry file (`data-entry`, which the engine then
 * does not fetch: one request fewer, ~0.3 KB in the page), its index chunk table
 * (`data-index-chunks`, so the page can preload the chunks its first query needs) and preload
 * links for what every first search fetches of that bundle, so they load beside the page's own
 * files instead of one after another (the index chunk was a round trip of its own after the
 * WebAssembly).
 */
async function linkSearchPage(
	dir: string,
	prefix: string,
	bundles: readonly string[],
): Promise<void> {
	const file = path.join(dir, prefix, 'search', 'index.html');
	if (!existsSync(file)) return;
	const html = await readFile(file, 'utf8');
	const listed = /\sdata-bundles="([^"]*)"/.exec(html)?.[1]?.replace(/&quot;/g, '"');
	const expected = JSON.stringify(bundles);
	if ((listed ?? '[]') !== expected)
		throw new Error(
			`${path.posix.join(prefix, 'search/index.html')}: searches ${listed ?? 'no bundles'}, but the index has ${expected}`,
		);
	const newest = bundles[0];
	if (!newest) return;
	const entry = JSON.parse(
		await readFile(path.join(dir, newest, 'pagefind-entry.json'), 'utf8'),
	) as {
		version: string;
		languages: Record<string, { hash: string; wasm: string }>;
	};
	const index = Object.values(entry.languages)[0];
	if (!index || !html.includes('</head>') || !html.includes('<search-page ')) return;
	const chunks = metaIndexChunks(
		await readFile(path.join(dir, newest, `pagefind.${index.hash}.pf_meta`)),
		entry.version,
	);
	const data = `data-entry="${escapeAttribute(JSON.stringify(entry))}" data-index-chunks="${escapeAttribute(chunkTableText(chunks))}"`;
	const linked = html
		.replace('<search-page ', `<search-page ${data} `)
		.replace('</head>', `${firstSearchPreloads(newest, index).join('')}</head>`);
	// A new file renamed over the page, never a rewrite in place: the image step, run beside this
	// one, may be reading it (scripts/lib/statMemo.ts).
	await writeFileAtomic(file, linked);
}
