/**
 * `npm run screenshots`: build the sample site (with the tests' fixed clock), open it in Debian
 * Chromium and refresh docs/screenshots/*.png, the pictures the README shows. Viewport-high,
 * palette PNGs, so the repository stays small.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { launchBrowser } from '../tests/helpers/browser.ts';
import { serve } from '../tests/helpers/server.ts';
import { runBuild, SITES, tempDir } from '../tests/helpers/site.ts';
import { standardShots, takeShot } from '../tests/quality/checks/looks.ts';

const root = path.resolve(import.meta.dirname, '..');
const outDir = path.join(root, 'docs', 'screenshots');
const ARTICLE = '/articles/kazakhstan-budget-2027/';

const work = await tempDir('caravan-shots-');
const dist = path.join(work, 'dist');
const build = await runBuild({ contentDir: SITES.sample.contentDir, outDir: dist, env: { SOURCE_DATE_EPOCH: String(SITES.sample.epoch) } });
if (build.status !== 0) {
	console.error(build.stdout, build.stderr);
	process.exit(1);
}
const [browser, server] = await Promise.all([launchBrowser(), serve(dist)]);
try {
	await mkdir(outDir, { recursive: true });
	for (const shot of standardShots(ARTICLE)) {
		const { png, overflow } = await takeShot(browser, server.url, shot);
		const small = await sharp(png).png({ palette: true, quality: 80, compressionLevel: 9, effort: 10 }).toBuffer();
		await writeFile(path.join(outDir, `${shot.name}.png`), small);
		console.log(`docs/screenshots/${shot.name}.png  ${(small.length / 1024).toFixed(0)} KB${overflow ? `  (overflows by ${overflow} px!)` : ''}`);
	}
} finally {
	await Promise.all([browser.close(), server.close()]);
	await rm(work, { recursive: true, force: true });
}
