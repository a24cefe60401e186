/** The hand-written bad `dist/` (tests/fixtures/quality/bad), copied with its too-big files added. */
import { cp, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT, tempDir } from '../../scripts/lib/fixtureSites.ts';

export const BAD_FIXTURE = path.join(ROOT, 'tests/fixtures/quality/bad');

/** A fresh copy of the bad site, plus an article page over 50 KB linking a stylesheet over the CSS budget. */
export async function badDist(): Promise<string> {
	const dist = path.join(await tempDir('caravan-bad-'), 'dist');
	await cp(BAD_FIXTURE, dist, { recursive: true });
	const paragraphs = Array.from(
		{ length: 800 },
		(_, i) => `<p>Paragraph ${i} of a story far longer than any page should be.</p>`,
	).join('');
	await mkdir(path.join(dist, 'articles/oversized'), { recursive: true });
	await writeFile(
		path.join(dist, 'articles/oversized/index.html'),
		`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Oversized</title><link rel="stylesheet" href="/_astro/huge.css"></head><body><main id="main"><h1>Oversized</h1>${paragraphs}</main></body></html>`,
	);
	const rules = Array.from(
		{ length: 800 },
		(_, i) => `.rule-${i} { margin-block: ${i}px; padding-inline: ${i}px; }`,
	).join('\n');
	await writeFile(path.join(dist, '_astro/huge.css'), rules);
	return dist;
}
