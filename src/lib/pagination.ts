/**
 * Splitting a listing (newest first) into pages numbered from the oldest, so that a full page
 * never changes once later stories arrive: the listing's root shows the newest stories, and
 * `page/N/` is a permalink to the same stories for good. A new story changes the root, and
 * once every page-size stories it fills a new archive page, which changes the two before it.
 */
import { DEFAULT_LANG, t, type Lang } from '../i18n/ui.ts';

/** One numbered link: an archive page (`number`), or the root (`number` undefined: "Latest"). */
export interface PageLink {
	number?: number;
	url: string;
	current: boolean;
}

/**
 * One page of a listing. Nothing on an archive page depends on how many stories the listing
 * has, beyond the few newest archive pages' links: so it stays the same, byte for byte, as new
 * stories arrive (its cache key is made of this object: src/site/content.ts).
 */
export interface Page<T> {
	/** An archive page's number, counted from the oldest page (1); none on the root. */
	number?: number;
	/** Newest first. */
	items: T[];
	url: string;
	/** On the root only: how many stories the listing has (the results line says "of N"). */
	total?: number;
	/** The page of the next newer stories (from the newest archive page, the root). */
	newerUrl?: string;
	/** The page of the next older stories. */
	olderUrl?: string;
	/**
	 * Newest first: the root ("Latest"), archive pages next to this one, page 1 ("Oldest"), with
	 * gaps (`undefined`) where pages are skipped. Empty when the listing has no archive pages.
	 */
	links: (PageLink | undefined)[];
}

/** The root lives at `basePath`, archive page N at `basePath + "page/N/"`. */
export function pageUrl(basePath: string, number?: number): string {
	return number === undefined ? basePath : `${basePath}page/${number}/`;
}

/** Page numbers to link: first, last, and a window around the current one; gaps as `undefined`. */
export function pageWindow(current: number, pageCount: number, radius = 2): (number | undefined)[] {
	const numbers: (number | undefined)[] = [];
	for (let n = 1; n <= pageCount; n++) {
		if (n === 1 || n === pageCount || Math.abs(n - current) <= radius) numbers.push(n);
		else if (numbers.at(-1) !== undefined) numbers.push(undefined);
	}
	return numbers;
}

/**
 * How many archive pages (full, never changing) a listing of `total` stories has: all but the
 * newest `pageSize` to `2 × pageSize − 1` stories, which the root shows.
 */
export function archivePageCount(total: number, pageSize: number): number {
	return Math.max(0, Math.floor(total / pageSize) - 1);
}

/**
 * Pages either side of the current one in the links. With 1, a page's links change only while
 * it is one of the two newest archive pages: a filled page re-renders those two, not more.
 */
const LINK_RADIUS = 1;

/**
 * Every page of `items` (sorted newest first): the root first, then the archive pages from the
 * newest to page 1. The story that is i-th from the oldest is on archive page ⌊i / pageSize⌋ + 1,
 * unless the root shows it: the root has the newest stories that do not fill an archive page
 * of their own, between `pageSize` and `2 × pageSize − 1` of them (all, in a shorter listing).
 * An empty list still has its root.
 */
export function paginate<T>(items: readonly T[], pageSize: number, basePath: string): Page<T>[] {
	if (!Number.isInteger(pageSize) || pageSize < 1)
		throw new Error(`page size must be a whole number ≥ 1, got ${pageSize}`);
	const total = items.length;
	const archived = archivePageCount(total, pageSize);
	// Positions 1…archived are archive pages; position archived + 1 is the root.
	const rootPosition = archived + 1;
	const numberAt = (position: number) => (position === rootPosition ? undefined : position);
	const links = (current: number) =>
		archived === 0
			? []
			: pageWindow(current, rootPosition, LINK_RADIUS)
					.reverse()
					.map((position) =>
						position === undefined
							? undefined
							: {
									...(position === rootPosition ? {} : { number: position }),
									url: pageUrl(basePath, numberAt(position)),
									current: position === current,
								},
					);
	const root: Page<T> = {
		items: items.slice(0, total - archived * pageSize),
		url: basePath,
		total,
		...(archived > 0 && { olderUrl: pageUrl(basePath, archived) }),
		links: links(rootPosition),
	};
	const archive = Array.from({ length: archived }, (_, index): Page<T> => {
		const number = archived - index;
		const end = total - (number - 1) * pageSize;
		return {
			number,
			items: items.slice(end - pageSize, end),
			url: pageUrl(basePath, number),
			newerUrl: pageUrl(basePath, numberAt(number + 1)),
			...(number > 1 && { olderUrl: pageUrl(basePath, number - 1) }),
			links: links(number),
		};
	});
	return [root, ...archive];
}

/** The root's "Viewing results 1 - 9 of 487" ("Показаны результаты 1 - 9 из 487"). */
export function resultsLine(
	page: Pick<Page<unknown>, 'items' | 'total'>,
	lang: Lang = DEFAULT_LANG,
): string {
	const shown = page.items.length;
	return t(lang).resultsLine(shown ? 1 : 0, shown, page.total ?? shown);
}
