/**
 * One page of every kind a built site has, found by looking at `dist` (so new kinds of output are
 * picked up as they land). A kind the site does not have yet is listed in `missing`, with why.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { distFiles, fileToUrlPath } from './dist.ts';

export interface PageOfKind {
	kind: string;
	/** URL path (with query) to open. */
	url: string;
	/** Needs JavaScript to show its content (search results). */
	needsJavaScript?: boolean;
}

/** The first `<kind>/<slug>/index.html` listing (section, country, author, tag) with stories. */
async function firstListing(dist: string, kind: string): Promise<string | undefined> {
	const files = (await distFiles(dist, 'index.html')).filter((file) =>
		new RegExp(`^${kind}/[^/]+/index\\.html$`).test(file),
	);
	for (const file of files) {
		const { document } = parseHTML(await readFile(path.join(dist, file), 'utf8'));
		if (document.querySelector('main article')) return fileToUrlPath(file);
	}
	return files[0] && fileToUrlPath(files[0]);
}

export async function pagesOfEveryKind(
	dist: string,
): Promise<{ pages: PageOfKind[]; missing: string[] }> {
	const pages: PageOfKind[] = [];
	const missing: string[] = [];
	const add = (
		kind: string,
		url: string | undefined,
		why: string,
		extra: Partial<PageOfKind> = {},
	) => (url ? pages.push({ kind, url, ...extra }) : missing.push(`${kind}: ${why}`));

	add('front page', '/', '');
	add(
		'front page archive',
		// Page 1 holds the oldest stories once the front page has two pages' worth.
		existsSync(path.join(dist, 'page/1/index.html')) ? '/page/1/' : undefined,
		'fewer stories than two pages',
	);

	const articles = (await distFiles(dist, 'index.html')).filter((file) =>
		/^articles\/[^/]+\/index\.html$/.test(file),
	);
	let withImage: string | undefined;
	let withoutImage: string | undefined;
	let searchWord: string | undefined;
	for (const file of articles) {
		const { document } = parseHTML(await readFile(path.join(dist, file), 'utf8'));
		const hasImage = Boolean(document.querySelector('main article img'));
		if (hasImage) withImage ??= fileToUrlPath(file);
		else withoutImage ??= fileToUrlPath(file);
		searchWord ??= (document.querySelector('h1')?.textContent ?? '')
			.split(/\W+/)
			.sort((a, b) => b.length - a.length)[0];
	}
	add('article with image', withImage, 'no article in this site has an image yet');
	add('article without image', withoutImage, 'every article has an image');
	for (const kind of ['section', 'country', 'author', 'tag'])
		add(kind, await firstListing(dist, kind), `no /${kind}/… pages`);
	add(
		'sections index',
		existsSync(path.join(dist, 'section/index.html')) ? '/section/' : undefined,
		'no /section/ page',
	);
	add(
		'search with results',
		existsSync(path.join(dist, 'search/index.html')) && searchWord
			? `/search/?q=${encodeURIComponent(searchWord)}`
			: undefined,
		'no /search/ page in this build yet (Pagefind search lands with its own issue)',
		{ needsJavaScript: true },
	);
	// Served for a path that does not exist, as the CDN would.
	add('404', existsSync(path.join(dist, '404.html')) ? '/no-such-page/' : undefined, 'no 404.html');
	return { pages, missing };
}
