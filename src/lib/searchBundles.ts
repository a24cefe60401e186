/**
 * How the search index is split into Pagefind bundles: one per edition and publication period
 * (`SEARCH_BUNDLE_PERIOD` in src/config.ts), at `/pagefind/<lang>/<first day of the period>/`,
 * except that the newest periods share one bundle until it holds `SEARCH_RECENT_STORIES`: a
 * search touching a second bundle costs its metadata and an index chunk (~25 KB, however few
 * its stories), so the bundle a first search loads is never a period just begun. A period's
 * bundle never changes once newer periods hold enough stories, so a build re-indexes only the
 * bundles whose stories changed (scripts/lib/searchIndex.ts), and the search page searches the
 * newest bundle first and older ones as the reader asks for more (src/client/searchPage.ts).
 * Shared by the build and the search page: keep it free of Node.
 */

import type { SearchPeriod } from '../config.ts';

const DAY_MS = 86_400_000;

/** The first day (`YYYY-MM-DD`, UTC) of the period holding `date`. */
export function searchPeriodStart(date: Date, period: SearchPeriod): string {
	if ('days' in period) {
		const day = Math.floor(date.getTime() / DAY_MS);
		return new Date((day - (((day % period.days) + period.days) % period.days)) * DAY_MS)
			.toISOString()
			.slice(0, 10);
	}
	const month = date.getUTCMonth() - (date.getUTCMonth() % period.months);
	return new Date(Date.UTC(date.getUTCFullYear(), month, 1)).toISOString().slice(0, 10);
}

/** Site path of an edition's bundle for the period starting `start`. */
export function searchBundlePath(lang: string, start: string): string {
	return `/pagefind/${lang}/${start}/`;
}

/**
 * The first day of each story's bundle, in the order of `dates`: its period's, or for the
 * newest periods, together holding at least `recentStories`, the oldest of those.
 */
export function searchBundleStarts(
	dates: readonly Date[],
	period: SearchPeriod,
	recentStories: number,
): string[] {
	const starts = dates.map((date) => searchPeriodStart(date, period));
	const counts = new Map<string, number>();
	for (const start of starts) counts.set(start, (counts.get(start) ?? 0) + 1);
	let recent = '';
	let held = 0;
	for (const start of [...counts.keys()].sort().reverse()) {
		recent = start;
		held += counts.get(start) ?? 0;
		if (held >= recentStories) break;
	}
	return starts.map((start) => (start > recent ? recent : start));
}

/** The bundle paths an edition's search page searches, newest first, for stories of these dates. */
export function searchBundlePaths(
	lang: string,
	dates: readonly Date[],
	period: SearchPeriod,
	recentStories: number,
): string[] {
	const starts = new Set(searchBundleStarts(dates, period, recentStories));
	return [...starts]
		.sort()
		.reverse()
		.map((start) => searchBundlePath(lang, start));
}

/**
 * `_headers` rules for every bundle: a copy of each rule for `/pagefind/…` (the content-hashed
 * chunks) under each bundle's path, so public/_headers stays the one place that says how
 * they are cached. `headers` is the site's `_headers` text; `bundles` are site paths.
 */
export function bundleHeaderRules(headers: string, bundles: readonly string[]): string {
	const rules = headers.split(/\n(?=\S)/).filter((rule) => rule.startsWith('/pagefind/'));
	if (!rules.length || !bundles.length) return '';
	const copies = bundles.flatMap((bundle) =>
		rules.map((rule) => rule.trimEnd().replace(/^\/pagefind\//, bundle)),
	);
	return `\n# Search bundles (scripts/lib/searchIndex.ts): as /pagefind/ above.\n${copies.join('\n')}\n`;
}
