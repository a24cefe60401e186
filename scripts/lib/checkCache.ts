/**
 * The cache behind `npm run check` (and the build's check step): each content file's result, keyed
 * by a digest of its text and path, and each image's inspection, keyed by its size and mtime
 * (camera originals are too big to hash on every run; the inspection reads only their header).
 * The cache holds results of the code that made them: a change to the validator, the schema, the
 * config or a dependency gives a new version and an empty cache. It is an optimisation only: a
 * missing, stale or unreadable cache means the files are checked again.
 */
import { createHash, hash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { cacheDir, SITE } from '../../src/config.ts';
import { writeFileAtomic } from '../../src/site/writeFileAtomic.ts';

/** What an image inspection found: nothing wrong, no file, or an unreadable one (and why). */
export type ImageState = {
	size: number;
	mtimeMs: number;
	trouble?: 'missing' | 'unreadable';
	detail?: string;
};

export interface CacheData<T> {
	version: string;
	/** Results by `fileKey`. */
	files: Record<string, T>;
	images: Record<string, ImageState>;
}

const root = path.resolve(import.meta.dirname, '../..');

/**
 * A digest of the checker's own code: the modules `entry` imports (followed through relative
 * imports), the dependency lock file and the settings that change what a file means.
 */
export function codeVersion(entry = path.join(root, 'scripts', 'check.ts')): string {
	const hash = createHash('sha256');
	const seen = new Set<string>();
	const queue = [entry];
	for (let file = queue.shift(); file; file = queue.shift()) {
		if (seen.has(file) || !existsSync(file)) continue;
		seen.add(file);
		const text = readFileSync(file, 'utf8');
		hash.update(`${path.relative(root, file)}\n${text}\n`);
		for (const [, spec] of text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
			queue.push(path.resolve(path.dirname(file), spec as string));
		}
	}
	for (const extra of ['package-lock.json']) {
		const file = path.join(root, extra);
		if (existsSync(file)) hash.update(readFileSync(file));
	}
	hash.update(`${SITE.timeZone}\n${process.versions.node}\n`);
	return hash.digest('hex');
}

/** The key of one file's result: where it is (relative to the content folder) and what it holds. */
export function fileKey(relative: string, text: string): string {
	return `${relative}\0${hash('sha256', text, 'base64url')}`;
}

/** The cache file of a content folder (one per folder, so two folders never evict each other). */
export function cacheFile(contentDir: string): string {
	const name = createHash('sha256').update(path.resolve(contentDir)).digest('hex').slice(0, 16);
	return path.join(cacheDir(), 'caravan-check', `${name}.json`);
}

/** The cache for `contentDir`, or an empty one when there is none for this code version. */
export async function loadCache<T>(contentDir: string, version: string): Promise<CacheData<T>> {
	try {
		const data = JSON.parse(await readFile(cacheFile(contentDir), 'utf8')) as CacheData<T>;
		if (data.version === version && data.files && data.images) return data;
	} catch {
		// No cache yet, or an unreadable one: check everything.
	}
	return { version, files: {}, images: {} };
}

/** Write the cache atomically (a concurrent check reads the old one or the new one, never half). */
export async function saveCache<T>(contentDir: string, data: CacheData<T>): Promise<void> {
	const file = cacheFile(contentDir);
	try {
		await mkdir(path.dirname(file), { recursive: true });
		await writeFileAtomic(file, JSON.stringify(data));
	} catch {
		// A read-only cache folder only costs time.
	}
}
