/** Social cards for the site and its stories, drawn once and cached between builds. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { cacheDir, SITE } from './config.ts';
import { formatEditionDate } from './i18n/format.ts';
import { t } from './i18n/ui.ts';
import type { Article } from './lib/articles.ts';
import { cachedCard, type BrandedCard } from './lib/socialCard.ts';

/** Card PNGs by content hash; CI keeps this folder between builds along with Astro's cache. */
const CARD_CACHE = path.join(cacheDir(), 'caravan-cards');

const png = (bytes: Buffer) => new Response(new Uint8Array(bytes), { headers: { 'Content-Type': 'image/png' } });

/** The site's own card, for pages that have none of their own. */
export async function siteCardResponse(): Promise<Response> {
	const card: BrandedCard = {
		kind: 'branded',
		siteName: SITE.name,
		kicker: SITE.tagline,
		headline: SITE.description,
		footer: new URL(SITE.url).host,
	};
	return png((await cachedCard(card, CARD_CACHE)).png);
}

/** The branded card of a story without a lead image: headline, section and date. */
export function articleBrandedCard(article: Pick<Article, 'lang' | 'section' | 'title' | 'date'>): BrandedCard {
	return {
		kind: 'branded',
		siteName: SITE.name,
		kicker: t(article.lang).sections[article.section],
		headline: article.title,
		footer: formatEditionDate(article.date, t(article.lang).locale, SITE.timeZone),
	};
}

/** A story's card: its lead image cover-cropped when it has one, else the branded card. */
export async function articleCardResponse(article: Article): Promise<Response> {
	if (article.image) {
		return png((await cachedCard({ kind: 'photo', image: await readFile(article.image.file) }, CARD_CACHE)).png);
	}
	return png((await cachedCard(articleBrandedCard(article), CARD_CACHE)).png);
}
