/**
 * Post-build step: the processed images the built pages use, linked from the image cache
 * (`<cacheDir>/caravan-images/`, written by src/site/imagePipeline.ts, each image once under a
 * new name) into `<dir>/_images/`. Which images a page uses is remembered by the page file's stat
 * (scripts/lib/statMemo.ts): a page Astro restored from its cache is the last build's file and is
 * not read again, so a warm build reads only the pages it rendered. `astro dev` serves the same
 * cache itself (src/integrations/imageFiles.ts).
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { cacheDir, IMAGES } from '../../src/config.ts';
import { codeVersion } from './checkCache.ts';
import { keepOnly, linkOrCopy } from './linkFiles.ts';
import { StatMemo } from './statMemo.ts';

const REFERENCE = new RegExp(
	`${IMAGES.urlPrefix.replace(/\//g, '\\/')}([a-z0-9-]+\\.(?:avif|webp|jpg|png))`,
	'g',
);

/**
 * The processed images a page's HTML refers to (`/_images/<name>`), by name, sorted, once each.
 * Each name is copied out of the page: a match is a slice that keeps the whole page alive, and
 * the memo keeps every page's names (1.1 GB at 10,000 stories, the pages' text, before the copy).
 */
export function imageNames(html: string): string[] {
	const names = new Set(Array.from(html.matchAll(REFERENCE), (match) => match[1] as string));
	return [...names].sort().map((name) => Buffer.from(name, 'latin1').toString('latin1'));
}

/** Top-level folders of the output that hold no pages (at 100,000 stories, ~100,000 cards). */
const NO_PAGES = new Set(['_astro', 'cards', 'pagefind', IMAGES.urlPrefix.replace(/\//g, '')]);

/**
 * The HTML files under `dir`, read synchronously: at 100,000 stories dist/ has 213,000 folders
 * (a recursive readdir took 17 s through libuv's pool, 7 s synchronously).
 */
function htmlFiles(dir: string): string[] {
	const files: string[] = [];
	for (const top of readdirSync(dir, { withFileTypes: true })) {
		if (NO_PAGES.has(top.name)) continue;
		const entries = top.isDirectory()
			? readdirSync(path.join(dir, top.name), { recursive: true, withFileTypes: true })
			: [top];
		for (const entry of entries)
			if (entry.isFile() && entry.name.endsWith('.html'))
				files.push(path.join(entry.parentPath, entry.name));
	}
	return files;
}

export async function linkProcessedImages(dir: string): Promise<void> {
	const memo = await StatMemo.open<string[]>('image-names', codeVersion(import.meta.filename));
	/** Each image used, and the first page using it (for the error when the cache has lost it). */
	const used = new Map<string, string>();
	for (const file of htmlFiles(dir)) {
		const page = path.relative(dir, file);
		for (const name of await memo.value(file, page, imageNames))
			if (!used.has(name)) used.set(name, page);
	}
	await memo.save();
	const images = path.join(cacheDir(), 'caravan-images');
	if (used.size) mkdirSync(path.join(dir, IMAGES.urlPrefix), { recursive: true });
	// Hard links, not copies: the cache writes each image once, to a new name.
	for (const name of [...used.keys()].sort()) {
		try {
			linkOrCopy(path.join(images, name), path.join(dir, IMAGES.urlPrefix, name));
		} catch (error) {
			if (existsSync(path.join(images, name))) throw error;
			throw new Error(
				`${IMAGES.urlPrefix}${name}, used by ${used.get(name)}, is not in the image cache (${images}): was part of the build cache deleted? Empty ${cacheDir()} and build again`,
				{ cause: error },
			);
		}
	}
	// Images of replaced or deleted photos go; a page that needs one again encodes it again.
	const removed = keepOnly(images, new Set(used.keys()));
	console.log(
		`[caravan] processed images: ${used.size} linked into ${IMAGES.urlPrefix}; ${memo.read} of ${memo.looked} HTML files read; ${removed} unused removed from the cache`,
	);
}
