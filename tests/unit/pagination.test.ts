import { describe, expect, it } from 'vitest';
import { SITE } from '../../src/config.ts';
import { pageUrl, pageWindow, paginate, resultsLine } from '../../src/lib/pagination.ts';

const items = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('configuration', () => {
	it('shows 6 articles per page', () => {
		expect(SITE.pageSize).toBe(6);
	});
});

describe('pageUrl', () => {
	it('puts page 1 at the base path and page N under page/N/', () => {
		expect(pageUrl('/', 1)).toBe('/');
		expect(pageUrl('/', 2)).toBe('/page/2/');
		expect(pageUrl('/section/politics/', 1)).toBe('/section/politics/');
		expect(pageUrl('/section/politics/', 82)).toBe('/section/politics/page/82/');
	});
});

describe('paginate: 487 articles, 6 per page', () => {
	const pages = paginate(items(487), SITE.pageSize, '/');

	it('makes 82 pages, the last one partial', () => {
		expect(pages).toHaveLength(82);
		expect(pages.every((p) => p.pageCount === 82 && p.total === 487)).toBe(true);
		expect(pages.slice(0, 81).every((p) => p.items.length === 6)).toBe(true);
		expect(pages[81]?.items).toEqual([487]);
	});

	it('reads "Viewing results 1 - 6 of 487" on page 1', () => {
		expect(resultsLine(pages[0]!)).toBe('Viewing results 1 - 6 of 487');
		expect(pages[0]?.items).toEqual([1, 2, 3, 4, 5, 6]);
	});

	it('reads "Viewing results 7 - 12 of 487" on page 2', () => {
		expect(resultsLine(pages[1]!)).toBe('Viewing results 7 - 12 of 487');
		expect(pages[1]?.items).toEqual([7, 8, 9, 10, 11, 12]);
	});

	it('reads "Viewing results 487 - 487 of 487" on the last page', () => {
		expect(pages[81]?.number).toBe(82);
		expect(resultsLine(pages[81]!)).toBe('Viewing results 487 - 487 of 487');
	});

	it('shows every article exactly once, in order', () => {
		expect(pages.flatMap((p) => p.items)).toEqual(items(487));
	});

	it('numbers pages from 1 and gives each its URL', () => {
		expect(pages.map((p) => p.number)).toEqual(items(82));
		expect(pages[0]?.url).toBe('/');
		expect(pages[1]?.url).toBe('/page/2/');
		expect(pages[81]?.url).toBe('/page/82/');
	});

	it('links previous and next pages', () => {
		expect(pages[0]?.prevUrl).toBeUndefined();
		expect(pages[0]?.nextUrl).toBe('/page/2/');
		expect(pages[1]?.prevUrl).toBe('/');
		expect(pages[1]?.nextUrl).toBe('/page/3/');
		expect(pages[40]?.prevUrl).toBe('/page/40/');
		expect(pages[40]?.nextUrl).toBe('/page/42/');
		expect(pages[81]?.prevUrl).toBe('/page/81/');
		expect(pages[81]?.nextUrl).toBeUndefined();
	});

	it('gives numbered links with gaps, marking the current page', () => {
		const links = pages[40]?.links ?? [];
		expect(links.map((l) => l?.number)).toEqual([1, undefined, 39, 40, 41, 42, 43, undefined, 82]);
		expect(links.filter((l) => l?.current).map((l) => l?.number)).toEqual([41]);
		expect(links[0]).toEqual({ number: 1, url: '/', current: false });
		expect(links[4]).toEqual({ number: 41, url: '/page/41/', current: true });
		expect(links.at(-1)).toEqual({ number: 82, url: '/page/82/', current: false });
	});
});

describe('paginate: other sizes', () => {
	it('fits exactly 6 on one page, and 7 on two', () => {
		const six = paginate(items(6), 6, '/tag/oil/');
		expect(six).toHaveLength(1);
		expect(resultsLine(six[0]!)).toBe('Viewing results 1 - 6 of 6');
		expect(six[0]?.nextUrl).toBeUndefined();
		const seven = paginate(items(7), 6, '/tag/oil/');
		expect(seven).toHaveLength(2);
		expect(resultsLine(seven[1]!)).toBe('Viewing results 7 - 7 of 7');
		expect(seven[1]?.url).toBe('/tag/oil/page/2/');
		expect(seven[1]?.prevUrl).toBe('/tag/oil/');
	});

	it('still has one empty page for an empty list', () => {
		const pages = paginate([], 6, '/section/tech/');
		expect(pages).toHaveLength(1);
		expect(pages[0]).toMatchObject({
			number: 1,
			pageCount: 1,
			items: [],
			first: 0,
			last: 0,
			total: 0,
			url: '/section/tech/',
		});
		expect(pages[0]?.prevUrl).toBeUndefined();
		expect(pages[0]?.nextUrl).toBeUndefined();
		expect(pages[0]?.links).toEqual([{ number: 1, url: '/section/tech/', current: true }]);
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
