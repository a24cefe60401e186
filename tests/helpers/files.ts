/** Comparing built sites file by file. */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'vitest';

/** Every file's SHA-256 under `dir`, by path relative to it, sorted by path. */
async function digestTree(dir: string): Promise<Map<string, string>> {
	const digests = new Map<string, string>();
	for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile()) continue;
		const file = path.join(entry.parentPath, entry.name);
		digests.set(
			path.relative(dir, file),
			createHash('sha256')
				.update(await readFile(file))
				.digest('hex'),
		);
	}
	return new Map([...digests].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Two built sites hold the same files, byte for byte; a failure names the files that differ. */
export async function expectSameFiles(dir: string, expectedDir: string): Promise<void> {
	const [actual, expected] = [await digestTree(dir), await digestTree(expectedDir)];
	expect([...actual.keys()]).toEqual([...expected.keys()]);
	expect(
		[...actual].filter(([file, digest]) => expected.get(file) !== digest).map(([file]) => file),
	).toEqual([]);
}
