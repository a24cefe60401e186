/**
 * What a social card costs, measured apart from the build (Astro draws cards inside its own
 * step, so the build's timings cannot separate them): the build's own card code run on the
 * corpus's first stories, cold (nothing cached), then again from the cache.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { articleBrandedCard } from '../../src/cards.ts';
import type { SectionSlug } from '../../src/config.ts';
import { parseFrontmatter } from '../../src/lib/frontmatter.ts';
import { cachedCard, cardFonts, renderCard, type Card } from '../../src/lib/socialCard.ts';

export interface CardTimes {
	cards: number;
	/** Per card: CPU time of this process (all its threads), and wall time. */
	cpuMs: number;
	wallMs: number;
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
		const { title, section, date } = data as { title: string; section: SectionSlug; date: string | Date };
		found.push({ card: articleBrandedCard({ lang: 'en', title, section, date: new Date(date) }) });
	}
	return found;
}

async function timeCards(cards: Card[], cacheDir: string): Promise<CardTimes> {
	const cpu = process.cpuUsage();
	const start = performance.now();
	for (const card of cards) await cachedCard(card, cacheDir);
	const used = process.cpuUsage(cpu);
	const n = Math.max(cards.length, 1);
	return { cards: cards.length, cpuMs: (used.user + used.system) / 1000 / n, wallMs: (performance.now() - start) / n };
}

/** Draw `count` branded and (when the corpus has lead images) photo cards into a scratch cache, then read them back. */
export async function measureCards(contentDir: string, count = 30): Promise<CardFigures> {
	const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'caravan-bench-cards-'));
	try {
		const branded = (await stories(contentDir, count, false)).map((s) => s.card);
		const photos = (await stories(contentDir, Math.ceil(count / 3), true)).map((s) => s.card);
		// Fonts and satori's layout engine load once per build process, not once per card.
		await cardFonts();
		if (branded[0]) await renderCard(branded[0]);
		const figures: CardFigures = {
			branded: await timeCards(branded, cacheDir),
			photo: photos.length ? await timeCards(photos, cacheDir) : undefined,
			cached: { cards: 0, cpuMs: 0, wallMs: 0 },
		};
		figures.cached = await timeCards([...branded, ...photos], cacheDir);
		return figures;
	} finally {
		await rm(cacheDir, { recursive: true, force: true });
	}
}
