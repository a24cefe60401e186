/**
 * What one social card costs, measured apart from the build's card step (which draws them on
 * every core, so its CPU time mixes threads): the build's own card code run on one thread over the
 * corpus's first stories, cold (nothing cached), then again from the cache.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { articleBrandedCard } from '../../src/site/cards.ts';
import type { SectionSlug } from '../../src/config.ts';
import { parseFrontmatter } from '../../src/lib/frontmatter.ts';
import type { Card } from '../../src/lib/socialCard.ts';
import { cachedCard, cardFonts, renderCard } from '../lib/cardDrawing.ts';

export interface CardTimes {
	cards: number;
	/** Per card: CPU time of this process (all its threads), and wall time. */
	cpuMs: number;
	wallMs: number;
	/** Mean file size of a card (absent from results of before 2026-12). */
	bytes?: number;
}

export interface CardFigures {
	/** Stories without a lead image: headline set in Noto Serif by satori, rasterised by sharp. */
	branded: CardTimes;
	/** Stories with a lead image, cover-cropped. */
	photo?: CardTimes;
	/** Any card a second time: read from the cache, not drawn. */
	cached: CardTimes;
}

interface Story {
	card: Card;
}

/** The first `count` stories of the corpus (in file-name order), as the cards the build would draw. */
async function stories(contentDir: string, count: number, withImage: boolean): Promise<Story[]> {
	const dir = path.join(contentDir, 'articles');
	const found: Story[] = [];
	for (const name of (await readdir(dir)).sort()) {
		if (found.length >= count) break;
		const folder = !name.endsWith('.md');
		if (folder !== withImage) continue;
		const file = folder ? path.join(dir, name, 'index.md') : path.join(dir, name);
		const lead = path.join(dir, name, 'lead.jpg');
		if (withImage) {
			const image = await readFile(lead).catch(() => undefined);
			if (image) found.push({ card: { kind: 'photo', image } });
			continue;
		}
		const { data } = parseFrontmatter(await readFile(file, 'utf8'));
		const { title, section, date } = data as {
			title: string;
			section: SectionSlug;
			date: string | Date;
		};
		found.push({ card: articleBrandedCard({ lang: 'en', title, section, date: new Date(date) }) });
	}
	return found;
}

async function timeCards(cards: Card[], cacheDir: string): Promise<CardTimes> {
	const cpu = process.cpuUsage();
	const start = performance.now();
	let bytes = 0;
	for (const card of cards) bytes += (await cachedCard(card, cacheDir)).bytes.length;
	const used = process.cpuUsage(cpu);
	const n = Math.max(cards.length, 1);
	return {
		cards: cards.length,
		cpuMs: (used.user + used.system) / 1000 / n,
		wallMs: (performance.now() - start) / n,
		bytes: Math.round(bytes / n),
	};
}

/** Draw `count` branded and (when the corpus has lead images) photo cards into a scratch cache, then read them back. */
export async function measureCards(contentDir: string, count = 30): Promise<CardFigures> {
	const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'caravan-bench-cards-'));
	try {
		const branded = (await stories(contentDir, count, false)).map((s) => s.card);
		const photos = (await stories(contentDir, Math.ceil(count / 3), true)).map((s) => s.card);
		// As in the build's card workers (scripts/lib/cardWorker.ts): one libvips thread each.
		const vipsThreads = sharp.concurrency();
		sharp.concurrency(1);
		// Fonts and satori's layout engine load once per build process, not once per card.
		await cardFonts();
		if (branded[0]) await renderCard(branded[0]);
		const figures: CardFigures = {
			branded: await timeCards(branded, cacheDir),
			photo: photos.length ? await timeCards(photos, cacheDir) : undefined,
			cached: { cards: 0, cpuMs: 0, wallMs: 0 },
		};
		figures.cached = await timeCards([...branded, ...photos], cacheDir);
		sharp.concurrency(vipsThreads);
		return figures;
	} finally {
		await rm(cacheDir, { recursive: true, force: true });
	}
}
