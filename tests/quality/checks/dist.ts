/** Reading a built site folder as a CDN serves it: files by extension, URL paths ↔ files. */
import { existsSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** Every file under `dist` whose name ends with one of `extensions`, as paths relative to `dist` with `/`. */
export async function distFiles(dist: string, ...extensions: string[]): Promise<string[]> {
	const entries = await readdir(dist, { recursive: true, withFileTypes: true });
	return entries
		.filter((entry) => entry.isFile() && extensions.some((ext) => entry.name.endsWith(ext)))
		.map((entry) =>
			path.relative(dist, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'),
		)
		.sort();
}

/** The URL path a file is served at: `a/b/index.html` → `/a/b/`, `404.html` → `/404.html`. */
export function fileToUrlPath(file: string): string {
	return `/${file}`.replace(/(^|\/)index\.html$/, '$1');
}

/**
 * The file in `dist` that serves a URL path, or undefined: `/x/` → `x/index.html`, `/x` → `x`
 * or `x/index.html` (a directory redirect). Decodes percent-escapes; never leaves `dist`.
 */
export function urlPathToFile(dist: string, urlPath: string): string | undefined {
	let decoded: string;
	try {
		decoded = decodeURIComponent(urlPath);
	} catch {
		return undefined;
	}
	const candidates = decoded.endsWith('/')
		? [`${decoded}index.html`]
		: [decoded, `${decoded}/index.html`];
	for (const candidate of candidates) {
		const file = path.join(dist, candidate);
		if (!file.startsWith(path.resolve(dist) + path.sep)) continue;
		if (existsSync(file) && statSync(file).isFile())
			return path.relative(dist, file).split(path.sep).join('/');
	}
	return undefined;
}

/** Pages that may carry JavaScript: the search page (Pagefind) and its assets. */
export function isSearchPage(file: string): boolean {
	// Each edition has one: search/ and ru/search/.
	return /^([a-z]{2}\/)?search\//.test(file);
}
