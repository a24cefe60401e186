/** Splitting a sorted list into numbered pages with stable URLs. */
import { DEFAULT_LANG, t, type Lang } from '../i18n/ui.ts';

export interface PageLink {
	number: number;
	url: string;
	current: boolean;
}

export interface Page<T> {
	/** 1-based. */
	number: number;
	pageCount: number;
	items: T[];
	/** 1-based position of the first and last item shown, and the total. */
	first: number;
	last: number;
	total: number;
	url: string;
	prevUrl?: string;
	nextUrl?: string;
	/** Numbered links, with gaps (`undefined`) where runs of pages are elided. */
	links: (PageLink | undefined)[];
}

/** Page 1 lives at `basePath`, page N at `basePath + "page/N/"`. */
export function pageUrl(basePath: string, number: number): string {
	return number <= 1 ? basePath : `${basePath}page/${number}/`;
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

/** Every page of `items`; an empty list still has one (empty) page. */
export function paginate<T>(items: readonly T[], pageSize: number, basePath: string): Page<T>[] {
	if (!Number.isInteger(pageSize) || pageSize < 1)
		throw new Error(`page size must be a whole number ≥ 1, got ${pageSize}`);
	const pageCount = Math.max(1, Math.ceil(items.length / pageSize));
	return Array.from({ length: pageCount }, (_, index) => {
		const number = index + 1;
		const start = index * pageSize;
		const pageItems = items.slice(start, start + pageSize);
		return {
			number,
			pageCount,
			items: pageItems,
			first: pageItems.length ? start + 1 : 0,
			last: start + pageItems.length,
			total: items.length,
			url: pageUrl(basePath, number),
			prevUrl: number > 1 ? pageUrl(basePath, number - 1) : undefined,
			nextUrl: number < pageCount ? pageUrl(basePath, number + 1) : undefined,
			links: pageWindow(number, pageCount).map((n) =>
				n === undefined
					? undefined
					: { number: n, url: pageUrl(basePath, n), current: n === number },
			),
		};
	});
}

/** "Viewing results 1 - 6 of 487" ("Показаны результаты 1 - 6 из 487"). */
export function resultsLine(
	page: Pick<Page<unknown>, 'first' | 'last' | 'total'>,
	lang: Lang = DEFAULT_LANG,
): string {
	return t(lang).resultsLine(page.first, page.last, page.total);
}
