/** Same content and SOURCE_DATE_EPOCH give the same dist/, byte for byte. */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import { builtSite, runBuild, SITES, tempDir } from '../helpers/site.ts';

async function digestTree(dir: string): Promise<Map<string, string>> {
	const entries = await readdir(dir, { recursive: true, withFileTypes: true });
	const digests = new Map<string, string>();
	for (const entry of entries.filter((e) => e.isFile())) {
		const file = path.join(entry.parentPath, entry.name);
		digests.set(path.relative(dir, file), createHash('sha256').update(await readFile(file)).digest('hex'));
	}
	return new Map([...digests].sort(([a], [b]) => (a < b ? -1 : 1)));
}

it('rebuilding the fixture in a fresh place with fresh caches gives identical files', async () => {
	const first = await builtSite('fixture');
	const outDir = path.join(await tempDir('caravan-again-'), 'dist');
	const again = await runBuild({
		contentDir: SITES.fixture.contentDir,
		outDir,
		env: { SOURCE_DATE_EPOCH: String(SITES.fixture.epoch) },
	});
	expect(again.status, again.stderr).toBe(0);
	const [a, b] = [await digestTree(first), await digestTree(outDir)];
	expect([...b.keys()]).toEqual([...a.keys()]);
	const differing = [...a].filter(([file, digest]) => b.get(file) !== digest).map(([file]) => file);
	expect(differing).toEqual([]);
}, 240_000);

it("Astro's chunked content store, which the build script asks for above 30,000 stories, gives the same files", async () => {
	const first = await builtSite('fixture');
	const outDir = path.join(await tempDir('caravan-chunked-'), 'dist');
	const chunked = await runBuild({
		contentDir: SITES.fixture.contentDir,
		outDir,
		env: { SOURCE_DATE_EPOCH: String(SITES.fixture.epoch), CARAVAN_CHUNKED_STORE: '1' },
	});
	expect(chunked.status, chunked.stderr).toBe(0);
	const manifest = path.join(path.dirname(outDir), '.astro-cache', 'data-store', 'manifest.json');
	expect(JSON.parse(await readFile(manifest, 'utf8'))).toHaveProperty('articles');
	const [a, b] = [await digestTree(first), await digestTree(outDir)];
	expect([...b.keys()]).toEqual([...a.keys()]);
	expect([...a].filter(([file, digest]) => b.get(file) !== digest).map(([file]) => file)).toEqual([]);
}, 240_000);
