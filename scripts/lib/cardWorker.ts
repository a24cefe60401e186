/**
 * One thread of the social-card pool (`scripts/lib/cards.ts`): draws the cards of a batch, or finds
 * them in the cache by content hash, and hard-links each into the output folder.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import type { CardJob } from '../../src/site/cards.ts';
import { cachedCardFile } from './cardDrawing.ts';
import { Folders, linkOrCopy } from './linkFiles.ts';

/** The folders this thread made, over all its batches (cards of a listing share one). */
const folders = new Folders();

// One libvips thread per worker: the pool already keeps every core busy.
sharp.concurrency(1);

export interface CardBatch {
	jobs: CardJob[];
	outDir: string;
	cacheDir: string;
}

export interface BatchResult {
	/** The site paths of the cards this batch drew (the others came from the cache). */
	drawn: string[];
	/** The names of the cache's files the batch's cards are. */
	cacheFiles: string[];
}

export default async function drawBatch({
	jobs,
	outDir,
	cacheDir,
}: CardBatch): Promise<BatchResult> {
	const drawn: string[] = [];
	const cacheFiles: string[] = [];
	for (const job of jobs) {
		const card =
			job.card.kind === 'photo'
				? { kind: 'photo' as const, image: await readFile(job.card.file) }
				: job.card;
		const { file, cached } = await cachedCardFile(card, cacheDir);
		const target = path.join(outDir, job.path);
		folders.make(path.dirname(target));
		// The cache writes each card once, to a new name (cardDrawing.ts): linked, it costs no disk beside dist/.
		linkOrCopy(file, target);
		if (!cached) drawn.push(job.path);
		cacheFiles.push(path.basename(file));
	}
	return { drawn, cacheFiles };
}
