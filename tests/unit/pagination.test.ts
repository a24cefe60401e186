import { describe, expect, it } from 'vitest';
import { SITE } from '../../src/config.ts';
import {
	archivePageCount,
	pageUrl,
	pageWindow,
	paginate,
	resultsLine,
	type Page,
} from '../../src/lib/pagination.ts';

/** `n` items, newest first: `n` is the newest, 1 the oldest (an item's value is its place from the oldest, 1-based). */
const items = (n: number) => Array.from({ length: n }, (_, i) => n - i);
const range = (from: number, to: number) =>
	from <= to
		? Array.from({ length: to - from + 1 }, (_, i) => from + i)
		: Array.from({ length: from - to + 1 }, (_, i) => from - i);
const root = <T>(pages: Page<T>[]) => pages[0]!;
/** Archive page `number` of `pages`. */
const archive = <T>(pages: Page<T>[], number: number) => pages.find((p) => p.number === number)!;
/** What a link shows: its number, or "latest" for the root, "…" for a gap; `*` marks the current page. */
const shown = (page: Page<unknown>) =>
	page.links.map((link) =>
		link === undefined ? '…' : `${link.number ?? 'latest'}${link.current ? '*' : ''}`,
	);

describe('configuration', () => {
	it('shows 6 articles per page', () => {
		expect(SITE.pageSize).toBe(6);
	});
});

describe('pageUrl', () => {
	it('puts the root at the base path and archive page N under page/N/', () => {
		expect(pageUrl('/')).toBe('/');
		expect(pageUrl('/', 1)).toBe('/page/1/');
		expect(pageUrl('/section/politics/')).toBe('/section/politics/');
		expect(pageUrl('/section/politics/', 82)).toBe('/section/politics/page/82/');
	});
});

describe('archivePageCount', () => {
	it('leaves the newest 6 to 11 stories (of 6 a page) to the root', () => {
		expect([0, 1, 5, 6, 11, 12, 13, 17, 18, 487].map((n) => archivePageCount(n, 6))).toEqual([
			0, 0, 0, 0, 0, 1, 1, 1, 2, 80,
		]);
	});
});

describe('paginate: 487 articles, 6 per page, numbered from the oldest', () => {
	const pages = paginate(items(487), SITE.pageSize, '/');

	it('makes the root and 80 full archive pages; the root shows the newest 7', () => {
		expect(pages).toHaveLength(81);
		expect(root(pages)).toMatchObject({ url: '/', total: 487, items: range(487, 481) });
		expect(root(pages).number).toBeUndefined();
		expect(pages.slice(1).map((p) => p.number)).toEqual(range(80, 1));
		expect(pages.slice(1).every((p) => p.items.length === 6 && p.total === undefined)).toBe(true);
	});

	it('puts the i-th story from the oldest (0-based) on page ⌊i / 6⌋ + 1, newest first on it', () => {
		expect(archive(pages, 1).items).toEqual([6, 5, 4, 3, 2, 1]);
		expect(archive(pages, 2).items).toEqual([12, 11, 10, 9, 8, 7]);
		expect(archive(pages, 80).items).toEqual(range(480, 475));
		for (const page of pages.slice(1))
			for (const item of page.items) expect(Math.floor((item - 1) / 6) + 1).toBe(page.number);
	});

	it('shows every article exactly once, in order, reading from the root through older pages', () => {
		expect(pages.flatMap((p) => p.items)).toEqual(items(487));
	});

	it('reads "Viewing results 1 - 7 of 487" on the root', () => {
		expect(resultsLine(root(pages))).toBe('Viewing results 1 - 7 of 487');
		expect(resultsLine(root(pages), 'ru')).toBe('Показаны результаты 1 - 7 из 487');
	});

	it('gives each archive page its URL under page/N/', () => {
		expect(archive(pages, 1).url).toBe('/page/1/');
		expect(archive(pages, 80).url).toBe('/page/80/');
	});

	it('links newer and older pages: the newest archive page to the root, page 1 to none older', () => {
		expect(root(pages).newerUrl).toBeUndefined();
		expect(root(pages).olderUrl).toBe('/page/80/');
		expect(archive(pages, 80).newerUrl).toBe('/');
		expect(archive(pages, 80).olderUrl).toBe('/page/79/');
		expect(archive(pages, 41).newerUrl).toBe('/page/42/');
		expect(archive(pages, 41).olderUrl).toBe('/page/40/');
		expect(archive(pages, 1).newerUrl).toBe('/page/2/');
		expect(archive(pages, 1).olderUrl).toBeUndefined();
	});

	it('links, newest first, the root, the pages next to this one and page 1, with gaps', () => {
		expect(shown(archive(pages, 41))).toEqual(['latest', '…', '42', '41*', '40', '…', '1']);
		expect(archive(pages, 41).links[0]).toEqual({ url: '/', current: false });
		expect(archive(pages, 41).links[3]).toEqual({ number: 41, url: '/page/41/', current: true });
		expect(archive(pages, 41).links.at(-1)).toEqual({ number: 1, url: '/page/1/', current: false });
		expect(shown(root(pages))).toEqual(['latest*', '80', '…', '1']);
		expect(shown(archive(pages, 80))).toEqual(['latest', '80*', '79', '…', '1']);
		expect(shown(archive(pages, 79))).toEqual(['latest', '80', '79*', '78', '…', '1']);
		expect(shown(archive(pages, 78))).toEqual(['latest', '…', '79', '78*', '77', '…', '1']);
		expect(shown(archive(pages, 2))).toEqual(['latest', '…', '3', '2*', '1']);
		expect(shown(archive(pages, 1))).toEqual(['latest', '…', '2', '1*']);
	});
});

describe('paginate: the boundaries (6 a page)', () => {
	it('has only the root, without links, for an empty listing', () => {
		expect(paginate([], 6, '/section/tech/')).toEqual([
			{ items: [], url: '/section/tech/', total: 0, links: [] },
		]);
		expect(resultsLine(root(paginate([], 6, '/')))).toBe('Viewing results 0 - 0 of 0');
	});

	it.each([1, 5, 6, 11])('shows all %d stories on the root alone', (n) => {
		const pages = paginate(items(n), 6, '/tag/oil/');
		expect(pages).toEqual([{ items: items(n), url: '/tag/oil/', total: n, links: [] }]);
	});

	it('makes the oldest 6 of 12 page 1, and the root the newest 6', () => {
		const pages = paginate(items(12), 6, '/tag/oil/');
		expect(pages.map((p) => [p.url, p.items])).toEqual([
			['/tag/oil/', range(12, 7)],
			['/tag/oil/page/1/', range(6, 1)],
		]);
		expect(root(pages)).toMatchObject({ olderUrl: '/tag/oil/page/1/', total: 12 });
		expect(archive(pages, 1)).toMatchObject({ newerUrl: '/tag/oil/', links: expect.any(Array) });
		expect(archive(pages, 1).olderUrl).toBeUndefined();
		expect(shown(root(pages))).toEqual(['latest*', '1']);
		expect(shown(archive(pages, 1))).toEqual(['latest', '1*']);
	});

	it('keeps 13 stories as the root of 7 and page 1', () => {
		const pages = paginate(items(13), 6, '/');
		expect(pages.map((p) => p.items.length)).toEqual([7, 6]);
		expect(archive(pages, 1).items).toEqual(range(6, 1));
	});

	it.each([0, -1, 2.5, Number.NaN])('rejects the page size %d', (size) => {
		expect(() => paginate(items(3), size, '/')).toThrow(/page size must be a whole number/);
	});

	it('does not change the list it is given', () => {
		const list = items(13);
		paginate(list, 6, '/');
		expect(list).toEqual(items(13));
	});
});

describe('paginate: a new story leaves the archive alone', () => {
	/** Each archive page, by number, as data: what its cache key is made of. */
	const archiveOf = (n: number, size: number) =>
		new Map(
			paginate(items(n), size, '/')
				.slice(1)
				.map((page) => [page.number, JSON.stringify(page)]),
		);

	it.each([6, 5, 1])(
		'changes no archive page (%d a page) except the two newest when the new story fills a page',
		(size) => {
			for (let n = 0; n <= 60; n++) {
				const before = archiveOf(n, size);
				const after = archiveOf(n + 1, size);
				const changed = [...before].filter(([number, page]) => after.get(number) !== page);
				const fills = archivePageCount(n + 1, size) > archivePageCount(n, size);
				if (!fills) {
					expect(changed, `${n} → ${n + 1}`).toEqual([]);
					expect(after.size).toBe(before.size);
				} else {
					// The new page is the one after the last; only the two before it change (their links).
					expect(after.size).toBe(before.size + 1);
					expect(
						changed.map(([number]) => number),
						`${n} → ${n + 1}`,
					).toEqual([before.size, before.size - 1].filter((number) => number >= 1));
				}
				// No page ever changes its stories.
				for (const [number, page] of before)
					expect((JSON.parse(after.get(number)!) as Page<number>).items).toEqual(
						(JSON.parse(page) as Page<number>).items,
					);
			}
		},
	);
});

describe('pageWindow', () => {
	it('shows every page when there are few', () => {
		expect(pageWindow(1, 1)).toEqual([1]);
		expect(pageWindow(3, 5)).toEqual([1, 2, 3, 4, 5]);
		expect(pageWindow(4, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
	});

	it('keeps first, last and two either side of the current page, with gaps between', () => {
		expect(pageWindow(1, 82)).toEqual([1, 2, 3, undefined, 82]);
		expect(pageWindow(5, 82)).toEqual([1, undefined, 3, 4, 5, 6, 7, undefined, 82]);
		expect(pageWindow(80, 82)).toEqual([1, undefined, 78, 79, 80, 81, 82]);
		expect(pageWindow(82, 82)).toEqual([1, undefined, 80, 81, 82]);
	});

	it('never puts a gap where no page is skipped', () => {
		expect(pageWindow(4, 82)).toEqual([1, 2, 3, 4, 5, 6, undefined, 82]);
		expect(pageWindow(79, 82)).toEqual([1, undefined, 77, 78, 79, 80, 81, 82]);
	});

	it('never has two gaps in a row', () => {
		for (let current = 1; current <= 30; current++) {
			const window = pageWindow(current, 30);
			window.forEach((n, i) => {
				if (n === undefined) expect(window[i + 1]).not.toBeUndefined();
			});
		}
	});

	it('widens with the radius', () => {
		expect(pageWindow(10, 20, 1)).toEqual([1, undefined, 9, 10, 11, undefined, 20]);
	});
});
