/**
 * `npm run screenshots [-- --pr-only]`: build the sample site (with the tests' fixed clock), open
 * it in Debian Chromium and refresh docs/screenshots/*.png, the pictures docs/design.md shows; then
 * draw the pull-request illustrations the writers' guide shows (scripts/lib/prIllustrations.ts).
 * `--pr-only` skips the site. Viewport-high, palette PNGs, so the repository stays small.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './lib/browser.ts';
import { serve } from './lib/server.ts';
import { runBuild, SITES, tempDir } from './lib/fixtureSites.ts';
import { standardShots, takeShot } from './lib/looks.ts';
import { prIllustrations } from './lib/prIllustrations.ts';

const root = path.resolve(import.meta.dirname, '..');
const outDir = path.join(root, 'docs', 'screenshots');
const ARTICLE = '/articles/kazakhstan-budget-2027/';

async function save(name: string, png: Buffer, note = ''): Promise<void> {
	const small = await sharp(png)
		.png({ palette: true, quality: 80, compressionLevel: 9, effort: 10 })
		.toBuffer();
	await writeFile(path.join(outDir, `${name}.png`), small);
	console.log(`docs/screenshots/${name}.png  ${(small.length / 1024).toFixed(0)} KB${note}`);
}

async function siteShots(browser: Browser): Promise<void> {
	const work = await tempDir('caravan-shots-');
	const dist = path.join(work, 'dist');
	try {
		const build = await runBuild({
			contentDir: SITES.sample.contentDir,
			outDir: dist,
			env: { SOURCE_DATE_EPOCH: String(SITES.sample.epoch) },
		});
		if (build.status !== 0) throw new Error(`${build.stdout}\n${build.stderr}`);
		const server = await serve(dist);
		try {
			for (const shot of standardShots(ARTICLE)) {
				const { png, overflow } = await takeShot(browser, server.url, shot);
				await save(shot.name, png, overflow ? `  (overflows by ${overflow} px!)` : '');
			}
		} finally {
			await server.close();
		}
	} finally {
		await rm(work, { recursive: true, force: true });
	}
}

/** Each illustration page, cut to its content. */
async function prShots(browser: Browser): Promise<void> {
	const page = await browser.newPage({ viewport: { width: 960, height: 400 } });
	try {
		for (const { name, html } of await prIllustrations()) {
			await page.setContent(html);
			await save(name, await page.screenshot({ fullPage: true }));
		}
	} finally {
		await page.close();
	}
}

await mkdir(outDir, { recursive: true });
const browser = await launchBrowser();
try {
	if (!process.argv.includes('--pr-only')) await siteShots(browser);
	await prShots(browser);
} finally {
	await browser.close();
}
