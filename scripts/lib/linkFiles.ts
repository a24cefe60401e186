/**
 * Output files taken from a build cache by hard link, not by copy (issue 14: no full copy). The
 * caches write each file once, to a new name, and no step changes a file in place, so a linked
 * file costs no disk beside the cache; a copy only where a link fails (e.g. another file system).
 */
import { copyFile, link, mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';

/** Links made at once: the file system's calls run on libuv's threads, not one after another. */
const AT_ONCE = 32;

/** `from` hard-linked at `to` (copied where the link fails). */
export async function linkOrCopy(from: string, to: string): Promise<void> {
	try {
		await link(from, to);
	} catch {
		// A file already at `to` is replaced, never written through: it may be a cache's own file.
		await rm(to, { force: true });
		await link(from, to).catch(() => copyFile(from, to));
	}
}

/** `task` for every item, at most `limit` at a time; rejects with the first failure. */
export async function eachAtOnce<T>(
	items: readonly T[],
	task: (item: T) => Promise<void>,
	limit = AT_ONCE,
): Promise<void> {
	let next = 0;
	const worker = async () => {
		while (next < items.length) await task(items[next++] as T);
	};
	await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * Removes from the cache folder `folder` every entry whose name is not in `used`, returning how
 * many went: a cache keeps what the last build used, so it grows with the site, not with every
 * headline it ever had. The previous `dist/` keeps its own links to what goes.
 */
export async function keepOnly(folder: string, used: ReadonlySet<string>): Promise<number> {
	const unused = (await readdir(folder).catch(() => [])).filter((name) => !used.has(name));
	await eachAtOnce(unused, (name) => rm(path.join(folder, name), { recursive: true, force: true }));
	return unused.length;
}

/** Every file under `from` linked at the same place under `to`, its folders (empty ones too) made. */
export async function linkTree(from: string, to: string): Promise<void> {
	const entries = await readdir(from, { recursive: true, withFileTypes: true });
	const folders = new Set([to]);
	const files: [string, string][] = [];
	for (const entry of entries) {
		const target = path.join(to, path.relative(from, path.join(entry.parentPath, entry.name)));
		if (entry.isDirectory()) folders.add(target);
		else {
			folders.add(path.dirname(target));
			files.push([path.join(entry.parentPath, entry.name), target]);
		}
	}
	for (const folder of [...folders].sort()) await mkdir(folder, { recursive: true });
	await eachAtOnce(files, ([source, target]) => linkOrCopy(source, target));
}
