/**
 * Output files taken from a build cache by hard link, not by copy (issue 14: no full copy). The
 * caches write each file once, to a new name, and no step changes a file in place, so a linked
 * file costs no disk beside the cache; a copy only where a link fails (e.g. another file system).
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

/**
 * `from` hard-linked at `to` (copied where the link fails). Synchronous, as are the folders made
 * below: a warm build links ~100,000 cards and every search bundle's files, and a trip through
 * libuv's thread pool cost more than the call itself (measured: a recursive readdir of a
 * 213,000-folder dist/ took 17 s that way, 7 s synchronously).
 */
export function linkOrCopy(from: string, to: string): void {
	try {
		linkSync(from, to);
	} catch {
		// A file already at `to` is replaced, never written through: it may be a cache's own file.
		rmSync(to, { force: true });
		try {
			linkSync(from, to);
		} catch {
			copyFileSync(from, to);
		}
	}
}

/** Makes folders, each once per run (most calls name a folder already made). */
export class Folders {
	readonly #made = new Set<string>();

	make(folder: string): void {
		if (this.#made.has(folder)) return;
		mkdirSync(folder, { recursive: true });
		this.#made.add(folder);
	}
}

/**
 * Removes from the cache folder `folder` every entry whose name is not in `used`, returning how
 * many went: a cache keeps what the last build used, so it grows with the site, not with every
 * headline it ever had. The previous `dist/` keeps its own links to what goes.
 */
export function keepOnly(folder: string, used: ReadonlySet<string>): number {
	if (!existsSync(folder)) return 0;
	const unused = readdirSync(folder).filter((name) => !used.has(name));
	for (const name of unused) rmSync(path.join(folder, name), { recursive: true, force: true });
	return unused.length;
}

/** Every file under `from` linked at the same place under `to`, its folders (empty ones too) made. */
export function linkTree(from: string, to: string): void {
	const folders = new Folders();
	folders.make(to);
	for (const entry of readdirSync(from, { recursive: true, withFileTypes: true })) {
		const target = path.join(to, path.relative(from, path.join(entry.parentPath, entry.name)));
		if (entry.isDirectory()) folders.make(target);
		else {
			folders.make(path.dirname(target));
			linkOrCopy(path.join(entry.parentPath, entry.name), target);
		}
	}
}
