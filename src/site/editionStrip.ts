/**
 * What the edition strip shows (src/components/EditionStrip.astro): the edition's day and its
 * ticker, the only things on the site's pages that change with the day. Its own page
 * (`/edition/`) shows them, framed by every page, and so do the search pages inline.
 */
import type { Lang } from '../i18n/ui.ts';
import type { Ticker } from '../lib/ticker.ts';
import { timeElement, type TimeElement } from '../lib/timeElement.ts';
import { siteData } from './content.ts';

export interface EditionStripData {
	/** The edition's day, in its language and the site's time zone. */
	today: TimeElement;
	ticker?: Ticker;
}

export async function editionStrip(lang: Lang): Promise<EditionStripData> {
	const { now, ticker } = await siteData(lang);
	return { today: timeElement(now, lang, 'day'), ...(ticker ? { ticker } : {}) };
}
