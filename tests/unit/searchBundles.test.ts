/** How stories are split into search bundles by publication period, and how bundles are cached by the CDN. */
import { describe, expect, it } from 'vitest';
import {
	bundleHeaderRules,
	searchBundlePath,
	searchBundlePaths,
	searchBundleStarts,
	searchPeriodStart,
} from '../../src/lib/searchBundles.ts';

describe('search bundles', () => {
	it('puts a story in the calendar period of its date (UTC), whatever else is published', () => {
		const quarter = { months: 3 };
		expect(searchPeriodStart(new Date('2026-01-01T00:00:00Z'), quarter)).toBe('2026-01-01');
		expect(searchPeriodStart(new Date('2026-03-31T23:59:59Z'), quarter)).toBe('2026-01-01');
		expect(searchPeriodStart(new Date('2026-04-01T00:00:00Z'), quarter)).toBe('2026-04-01');
		// A story published just after midnight in Almaty (+05:00) is still in the previous quarter in UTC.
		expect(searchPeriodStart(new Date('2026-10-01T02:00:00+05:00'), quarter)).toBe('2026-07-01');
		expect(searchPeriodStart(new Date('2026-12-31T12:00:00Z'), { months: 12 })).toBe('2026-01-01');
		expect(searchPeriodStart(new Date('2026-05-17T12:00:00Z'), { months: 1 })).toBe('2026-05-01');
	});

	it('counts periods of days from 1970-01-01', () => {
		expect(searchPeriodStart(new Date('1970-01-03T12:00:00Z'), { days: 3 })).toBe('1970-01-01');
		expect(searchPeriodStart(new Date('1970-01-04T00:00:00Z'), { days: 3 })).toBe('1970-01-04');
		expect(searchPeriodStart(new Date('1969-12-31T00:00:00Z'), { days: 3 })).toBe('1969-12-29');
	});

	it("lists an edition's bundles newest period first, once each", () => {
		const dates = ['2025-02-01', '2026-08-09', '2025-03-30', '2026-07-01'].map(
			(day) => new Date(`${day}T12:00:00Z`),
		);
		expect(searchBundlePaths('ru', dates, { months: 3 }, 1)).toEqual([
			'/pagefind/ru/2026-07-01/',
			'/pagefind/ru/2025-01-01/',
		]);
		expect(searchBundlePaths('en', [], { months: 3 }, 1)).toEqual([]);
		expect(searchBundlePath('en', '2026-10-01')).toBe('/pagefind/en/2026-10-01/');
	});

	it('keeps the newest periods in one bundle until it holds enough stories, and older periods apart', () => {
		const days = [
			'2026-09-10',
			'2026-10-03',
			'2026-10-20',
			'2026-11-02',
			'2026-11-25',
			'2026-12-01',
		];
		const dates = days.map((day) => new Date(`${day}T12:00:00Z`));
		const month = { months: 1 };
		// December alone has one story: November joins it until the two hold three.
		expect(searchBundleStarts(dates, month, 3)).toEqual([
			'2026-09-01',
			'2026-10-01',
			'2026-10-01',
			'2026-11-01',
			'2026-11-01',
			'2026-11-01',
		]);
		expect(searchBundleStarts(dates, month, 1)).toEqual([
			'2026-09-01',
			'2026-10-01',
			'2026-10-01',
			'2026-11-01',
			'2026-11-01',
			'2026-12-01',
		]);
		// More than the archive holds: one bundle for everything.
		expect(new Set(searchBundleStarts(dates, month, 100))).toEqual(new Set(['2026-09-01']));
		// Once December holds enough, November's bundle is November's stories alone, as it stays.
		const later = [
			...dates,
			...['2026-12-05', '2026-12-09'].map((day) => new Date(`${day}T12:00:00Z`)),
		];
		expect(searchBundleStarts(later, month, 3).slice(3)).toEqual([
			'2026-11-01',
			'2026-11-01',
			'2026-12-01',
			'2026-12-01',
			'2026-12-01',
		]);
	});

	it('gives every bundle the caching rules of /pagefind/, and adds nothing without bundles', () => {
		const headers = [
			'# Hashed files',
			'/_astro/*',
			'  Cache-Control: public, max-age=31536000, immutable',
			'/pagefind/fragment/*',
			'  Cache-Control: public, max-age=31536000, immutable',
			'',
			'# Pages',
			'/pagefind/index/*',
			'  Cache-Control: public, max-age=31536000, immutable',
			'  X-Extra: 1',
			'/',
			'  Cache-Control: public, max-age=60',
		].join('\n');
		const rules = bundleHeaderRules(headers, [
			'/pagefind/en/2026-10-01/',
			'/pagefind/ru/2026-07-01/',
		]);
		expect(rules.split('\n').filter((line) => line && !line.startsWith('#'))).toEqual([
			'/pagefind/en/2026-10-01/fragment/*',
			'  Cache-Control: public, max-age=31536000, immutable',
			'/pagefind/en/2026-10-01/index/*',
			'  Cache-Control: public, max-age=31536000, immutable',
			'  X-Extra: 1',
			'/pagefind/ru/2026-07-01/fragment/*',
			'  Cache-Control: public, max-age=31536000, immutable',
			'/pagefind/ru/2026-07-01/index/*',
			'  Cache-Control: public, max-age=31536000, immutable',
			'  X-Extra: 1',
		]);
		expect(bundleHeaderRules(headers, [])).toBe('');
	});
});
