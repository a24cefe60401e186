/** What the search page needs to know of the index: its edition's bundles, newest period first. */
import { SEARCH_BUNDLE_PERIOD, SEARCH_RECENT_STORIES } from '../config.ts';
import type { Lang } from '../i18n/ui.ts';
import { searchBundlePaths } from '../lib/searchBundles.ts';
import { siteData } from './content.ts';

/** The edition's index bundles, newest period first (scripts/lib/searchIndex.ts checks they match what it wrote). */
export async function editionSearchBundles(lang: Lang): Promise<string[]> {
	const { articles } = await siteData(lang);
	return searchBundlePaths(
		lang,
		articles.map((article) => article.date),
		SEARCH_BUNDLE_PERIOD,
		SEARCH_RECENT_STORIES,
	);
}
