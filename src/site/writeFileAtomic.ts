/**
 * Files in `dist/` and the build caches are never changed in place (docs/performance.md): a build,
 * a step running beside it or another worker may be reading the old file, or hold a hard link to
 * it. So a file is written whole under a name of its own, then renamed over the old one.
 */
import { rename, rm, writeFile } from 'node:fs/promises';
import { threadId } from 'node:worker_threads';

let written = 0;

/** Write `data` to `file` atomically: readers see the old file or the new one, never half of one. */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
	// Unique across processes, worker threads and calls in flight for the same file.
	const scratch = `${file}.${process.pid}.${threadId}.${(written += 1)}.tmp`;
	try {
		await writeFile(scratch, data);
		await rename(scratch, file);
	} catch (error) {
		await rm(scratch, { force: true }).catch(() => undefined);
		throw error;
	}
}
