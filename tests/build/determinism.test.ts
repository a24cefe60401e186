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

it("Astro's chunked content store, which the build script asks for above 30,000 stories, gives the same files", async () => {
	const outDir = await rebuildFixture('caravan-chunked-', { CARAVAN_CHUNKED_STORE: '1' });
	const manifest = path.join(path.dirname(outDir), '.astro-cache', 'data-store', 'manifest.json');
	expect(JSON.parse(await readFile(manifest, 'utf8'))).toHaveProperty('articles');
	await expectSameFiles(outDir, await builtSite('fixture'));
}, 240_000);
