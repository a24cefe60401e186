/**
 * The site before last: the build keeps the previous site whole beside the new one as
 * `dist.old/` (scripts/build.ts), and deletes the one before that without waiting for it.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { setPriority } from 'node:os';
import { readdir, rename } from 'node:fs/promises';
import path from 'node:path';

/** Where the previous site stays whole beside `outDir` until the next build. */
export const previousSiteDir = (outDir: string): string => `${outDir}.old`;

/**
 * Delete `<outDir>.old/` without waiting for it: it is renamed to `<outDir>.deleting-<pid>-<time>/`,
 * and a process of its own that outlives the build deletes it, and any that an interrupted
 * deletion left. Deleting a site's folders and links is slow on some disks (minutes for the
 * 420,000 files of a 100,000-story site), and no reader needs to wait for it.
 */
export async function retirePreviousSite(outDir: string): Promise<void> {
	const oldDir = previousSiteDir(outDir);
	// The time too: a container gives each run's build the same pid, and a rename onto a folder an
	// interrupted deletion left under that name would fail every build after it.
	if (existsSync(oldDir))
		await rename(oldDir, `${outDir}.deleting-${process.pid}-${Date.now().toString(36)}`);
	const parent = path.dirname(outDir);
	const prefix = `${path.basename(outDir)}.deleting-`;
	// A first build into a folder not made yet has nothing to delete.
	for (const name of await readdir(parent).catch(() => [])) {
		if (!name.startsWith(prefix)) continue;
		const deleter = spawn(
			process.execPath,
			[
				'-e',
				"require('node:fs').rmSync(process.argv[1], { recursive: true, force: true })",
				path.join(parent, name),
			],
			{ detached: true, stdio: 'ignore' },
		);
		deleter.unref();
		// At the lowest priority: it runs beside the build's Astro step, which needs the cores more.
		try {
			if (deleter.pid !== undefined) setPriority(deleter.pid, 19);
		} catch {
			// Already done, or not allowed here: it only runs at the build's priority.
		}
	}
}
