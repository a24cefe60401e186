/**
 * Output files taken from a build cache by hard link, not by copy (issue 14: no full copy). The
 * caches write each file once, to a new name, and no step changes a file in place, so a linked
 * file costs no disk beside the cache; a copy only where a link fails (e.g. another file system).
 */
import { copyFile, link, mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';

/** `from` hard-linked at `to` (copied where the link fails). */
export async function linkOrCopy(from: string, to: string): Promise<void> {
	// A file already at `to` is replaced, never written through: it may be a cache's own file.
	await rm(to, { force: true });
	await link(from, to).catch(() => copyFile(from, to));
}

/** Every file under `from` linked at the same place under `to`, its folders (empty ones too) made. */
export async function linkTree(from: string, to: string): Promise<void> {
	await mkdir(to, { recursive: true });
	for (const entry of await readdir(from, { recursive: true, withFileTypes: true })) {
		const source = path.join(entry.parentPath, entry.name);
		const target = path.join(to, path.relative(from, source));
		await mkdir(entry.isDirectory() ? target : path.dirname(target), { recursive: true });
		if (!entry.isDirectory()) await linkOrCopy(source, target);
	}
}
