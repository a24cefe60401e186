/**
 * Keeps Astro's incremental-build cache (pages and cards kept in `CARAVAN_CACHE_DIR/dist/`,
 * hard-linked into the output: scripts/patches/astro+7.3.5.patch) true to its manifest when a
 * build is killed or fails part-way. Astro replaces a page's cached copy as soon as it renders
 * it, but writes the manifest of keys only at the end: after an interrupted build, a copy may
 * hold a page of newer content under an older key, and a later build back at that older
 * content would restore it. So the manifest is dropped (every page is rendered again, cards
 * and images stay cached) whenever the last Astro step did not finish.
 */
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Astro's manifest of page keys in its cache folder (node_modules/astro/dist/core/build/incremental.js). */
const MANIFEST = 'incremental-build.json';
/** Present while an Astro step runs: left behind, it says the step did not finish. */
const UNFINISHED = 'caravan-astro-step-unfinished';

/** Call before the Astro step; the function it returns, after the step succeeded. */
export async function guardPageCache(cacheDir: string): Promise<() => Promise<void>> {
	const marker = path.join(cacheDir, UNFINISHED);
	if (existsSync(marker)) {
		console.log(
			'[caravan] the last build stopped during the Astro step: every page is rendered again',
		);
		await rm(path.join(cacheDir, MANIFEST), { force: true });
	}
	await mkdir(cacheDir, { recursive: true });
	await writeFile(marker, `${process.pid}\n`);
	return () => rm(marker, { force: true });
}
