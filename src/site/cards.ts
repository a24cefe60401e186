/**
 * Social cards for the site and its stories: which cards the build writes, where, and what each
 * shows. Astro lists them (`/cards/manifest.json`); `scripts/lib/cards.ts` draws them after the Astro
 * step on every core and caches them between builds.
 */
import { SITE } from '../config.ts';
import { formatEditionDate } from '../i18n/format.ts';
import { t } from '../i18n/ui.ts';
import type { Article } from '../lib/articles.ts';
import { cardExtension, type BrandedCard } from '../lib/socialCard.ts';

/** A card to write: its site path, and its content (a photo card names its lead image file). */
export interface CardJob {
	path: string;
	card: BrandedCard | { kind: 'photo'; file: string };
}

/** The site's own card, for pages that have none of their own. */
export function siteCard(): BrandedCard {
	return {
		kind: 'branded',
		siteName: SITE.name,
		kicker: SITE.tagline,
		headline: SITE.description,
		footer: new URL(SITE.url).host,
	};
}

/** The branded card of a story without a lead image: headline, section and date. */
export function articleBrandedCard(
	article: Pick<Article, 'lang' | 'section' | 'title' | 'date'>,
): BrandedCard {
	return {
		kind: 'branded',
		siteName: SITE.name,
		kicker: t(article.lang).sections[article.section],
		headline: article.title,
		footer: formatEditionDate(article.date, t(article.lang).locale, SITE.timeZone),
	};
}

/** Site-relative path of a card: a story's (by id: `ru/<slug>` for Russian; JPEG when it shows the lead photo), or the site's own. */
export function cardPath(article?: Pick<Article, 'id' | 'image'>): string {
	if (!article) return '/cards/site.png';
	return `/cards/articles/${article.id}.${cardExtension({ kind: article.image ? 'photo' : 'branded' })}`;
}

/** Every card of the site: its own, and each story's (its lead image cover-cropped when it has one, else the branded card). */
export function cardJobs(articles: readonly Article[]): CardJob[] {
	return [
		{ path: cardPath(), card: siteCard() },
		...articles.map((article) => ({
			path: cardPath(article),
			card: article.image
				? { kind: 'photo' as const, file: article.image.file }
				: articleBrandedCard(article),
		})),
	];
}
