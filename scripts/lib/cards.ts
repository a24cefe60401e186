/**
 * The build's social-card step: reads the cards Astro listed (`/cards/manifest.json`, see
 * `src/site/cards.ts`), removes that list, and draws the cards on every core with a pool of worker
 * threads (Astro renders pages on about one), each card cached by content hash between builds (the
 * cache keeps the cards of the last build only).
 */
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
// Loaded here before any worker thread, as sharp asks, so its native library stays loaded.
import 'sharp';
import Tinypool from 'tinypool';
import type { CardJob } from '../../src/site/cards.ts';
import { cacheDir } from '../../src/config.ts';
import type { BatchResult, CardBatch } from './cardWorker.ts';
import { keepOnly } from './linkFiles.ts';

/** Cards per task: large enough that messages cost nothing, small enough to share the work out evenly. */
const BATCH = 32;

export async function drawCards(dir: string): Promise<void> {
	const manifest = path.join(dir, 'cards', 'manifest.json');
	if (!existsSync(manifest))
		throw new Error(`${manifest} is missing: the Astro build listed no social cards`);
	const jobs = JSON.parse(await readFile(manifest, 'utf8')) as CardJob[];
	await rm(manifest);
	const threads = Math.max(1, Math.min(availableParallelism(), Math.ceil(jobs.length / BATCH)));
	const pool = new Tinypool({
		filename: new URL('./cardWorker.ts', import.meta.url).href,
		minThreads: threads,
		maxThreads: threads,
	});
	try {
		const cache = path.join(cacheDir(), 'caravan-cards');
		const batches: CardBatch[] = [];
		for (let i = 0; i < jobs.length; i += BATCH)
			batches.push({ jobs: jobs.slice(i, i + BATCH), outDir: dir, cacheDir: cache });
		const results = await Promise.all(
			batches.map((batch) => pool.run(batch) as Promise<BatchResult>),
		);
		const drawn = results.flatMap((result) => result.drawn);
		// Cards of old headlines and deleted stories go.
		const removed = keepOnly(cache, new Set(results.flatMap((result) => result.cacheFiles)));
		// The cards drawn anew (the rest were copied from the cache); not in Astro's "├─" form, which
		// the bench counts as pages written.
		for (const card of drawn) console.log(`  card ${card} (drawn)`);
		console.log(
			`[caravan] social cards: ${drawn.length} drawn, ${jobs.length - drawn.length} from the cache, on ${threads} thread${threads === 1 ? '' : 's'}; ${removed} unused removed from the cache`,
		);
	} finally {
		await pool.destroy();
	}
}
