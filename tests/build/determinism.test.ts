/** Same content and SOURCE_DATE_EPOCH give the same dist/, byte for byte. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import { expectSameFiles } from '../helpers/files.ts';
import { builtSite, runBuild, SITES, tempDir } from '../../scripts/lib/fixtureSites.ts';

/** Build the fixture again in a fresh folder with fresh caches; returns its dist/. */
async function rebuildFixture(prefix: string, env: Record<string, string> = {}): Promise<string> {
	const outDir = path.join(await tempDir(prefix), 'dist');
	const result = await runBuild({
		contentDir: SITES.fixture.contentDir,
		outDir,
		env: { SOURCE_DATE_EPOCH: String(SITES.fixture.epoch), ...env },
	});
	expect(result.status, result.stderr).toBe(0);
	return outDir;
}

it('rebuilding the fixture in a fresh place with fresh caches gives identical files', async () => {
	await expectSameFiles(await rebuildFixture('caravan-again-'), await builtSite('fixture'));
}, 240_000);

it("Astro's content store as one file, which the dev server keeps, gives the same files as the build's chunked store", async () => {
	const outDir = await rebuildFixture('caravan-single-store-', { CARAVAN_CHUNKED_STORE: '0' });
	const cache = path.join(path.dirname(outDir), '.astro-cache');
	expect(JSON.parse(await readFile(path.join(cache, 'data-store.json'), 'utf8'))).toBeTruthy();
	const chunked = path.join(path.dirname(await builtSite('fixture')), '.astro-cache', 'data-store');
	expect(JSON.parse(await readFile(path.join(chunked, 'manifest.json'), 'utf8'))).toHaveProperty(
		'articles',
	);
	await expectSameFiles(outDir, await builtSite('fixture'));
}, 240_000);
