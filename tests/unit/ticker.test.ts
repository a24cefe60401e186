import { describe, expect, it } from 'vitest';
import { TICKER } from '../../src/config.ts';
import type { TickerSnapshot } from '../../src/lib/schema.ts';
import {
	buildTicker,
	formatChange,
	formatValue,
	percentChange,
	pickSnapshots,
	tickerItems,
	tickerView,
} from '../../src/lib/ticker.ts';

const snap = (date: string, rates: Record<string, number>, base = 'USD'): TickerSnapshot => ({
	date,
	base,
	rates,
});

const ZONE = 'Asia/Almaty';

const texts = (
	current: TickerSnapshot,
	previous: TickerSnapshot | undefined,
	codes: readonly string[],
) => tickerItems(current, previous, codes).map((item) => item.text);

describe('formatValue', () => {
	it('always shows 5 decimals', () => {
		expect(formatValue(1 / 87.41)).toBe('0.01144');
		expect(formatValue(1 / 500)).toBe('0.00200');
		expect(formatValue(1)).toBe('1.00000');
		expect(formatValue(1 / 3.51)).toBe('0.28490');
	});
});

describe('formatChange', () => {
	it.each([
		[0, '0%'],
		[-0, '0%'],
		[-0.37, '-0.37%'],
		[1.5, '+1.5%'],
		[-12.5, '-12.5%'],
		[2, '+2%'],
		[-2.1, '-2.1%'],
		[0.1, '+0.1%'],
		[100, '+100%'],
	])('formats %d as %s', (change, text) => {
		expect(formatChange(change)).toBe(text);
	});

	it('rounds to 2 decimals and drops trailing zeros', () => {
		expect(formatChange(1.499)).toBe('+1.5%');
		expect(formatChange(1.4951)).toBe('+1.5%');
		expect(formatChange(-0.3712)).toBe('-0.37%');
		expect(formatChange(12.3449)).toBe('+12.34%');
		expect(formatChange(0.996)).toBe('+1%');
	});

	it('never shows "-0%" for tiny falls that round to zero', () => {
		for (const tiny of [-0.004, -0.001, -1e-9, -0.0049]) expect(formatChange(tiny)).toBe('0%');
		for (const tiny of [0.004, 1e-9]) expect(formatChange(tiny)).toBe('0%');
	});
});

describe('percentChange', () => {
	it('is the percent change of the value 1/rate, not of the rate', () => {
		// Rate up from 9.19 to 9.2243 units per dollar: each unit is worth less.
		expect(percentChange(9.2243, 9.19)).toBeCloseTo(
			((1 / 9.2243 - 1 / 9.19) / (1 / 9.19)) * 100,
			10,
		);
		expect(percentChange(9.2243, 9.19)).toBeLessThan(0);
		expect(percentChange(500, 507.5)).toBeCloseTo(1.5, 10);
		expect(percentChange(87.41, 87.41)).toBe(0);
	});
});

describe('tickerItems', () => {
	it('reads "CODE/BASE = value" with no previous snapshot, change left out', () => {
		const items = tickerItems(snap('2025-12-17', { KGS: 87.41 }), undefined, ['KGS']);
		expect(items).toHaveLength(1);
		const [item] = items;
		expect(item?.text).toBe('KGS/USD = 0.01144');
		expect(item?.label).toBe('KGS/USD = 0.01144');
		expect(item?.value).toBe(0.01144);
		expect(item?.change).toBeUndefined();
		expect(item?.changeText).toBeUndefined();
		expect(item?.direction).toBeUndefined();
	});

	it('reads "CODE/BASE = value change" against the previous snapshot', () => {
		const previous = snap('2025-12-16', { KGS: 87.41, TJS: 9.19, KZT: 507.5 });
		const current = snap('2025-12-17', { KGS: 87.41, TJS: 9.2243, KZT: 500 });
		expect(texts(current, previous, ['KGS', 'TJS', 'KZT'])).toEqual([
			'KGS/USD = 0.01144 0%',
			'TJS/USD = 0.10841 -0.37%',
			'KZT/USD = 0.00200 +1.5%',
		]);
	});

	it('gives change, direction and change text separately too', () => {
		const previous = snap('2025-12-16', { KGS: 87.41, TJS: 9.19, KZT: 507.5 });
		const current = snap('2025-12-17', { KGS: 87.41, TJS: 9.2243, KZT: 500 });
		const [kgs, tjs, kzt] = tickerItems(current, previous, ['KGS', 'TJS', 'KZT']);
		expect(kgs).toMatchObject({
			code: 'KGS',
			base: 'USD',
			change: 0,
			direction: 'flat',
			changeText: '0%',
		});
		expect(tjs).toMatchObject({
			code: 'TJS',
			value: 0.10841,
			change: -0.37,
			direction: 'down',
			changeText: '-0.37%',
		});
		expect(kzt).toMatchObject({
			code: 'KZT',
			value: 0.002,
			change: 1.5,
			direction: 'up',
			changeText: '+1.5%',
		});
	});

	it('drops trailing zeros of whole-percent changes', () => {
		expect(
			texts(snap('2025-12-17', { KZT: 500 }), snap('2025-12-16', { KZT: 510 }), ['KZT']),
		).toEqual(['KZT/USD = 0.00200 +2%']);
	});

	it('never shows "-0%": a fall too small to show is flat', () => {
		const [item] = tickerItems(
			snap('2025-12-17', { KGS: 87.412 }),
			snap('2025-12-16', { KGS: 87.41 }),
			['KGS'],
		);
		expect(item?.text).toBe('KGS/USD = 0.01144 0%');
		expect(item?.direction).toBe('flat');
		expect(Object.is(item?.change, -0)).toBe(false);
		expect(item?.change).toBe(0);
	});

	it('keeps the order of the codes asked for and skips codes the snapshot lacks', () => {
		const current = snap('2025-12-17', { UZS: 12050, KGS: 87.41, TMT: 3.51 });
		expect(
			tickerItems(current, undefined, ['KGS', 'KZT', 'TJS', 'TMT', 'UZS']).map((i) => i.code),
		).toEqual(['KGS', 'TMT', 'UZS']);
	});

	it('leaves the change out for a code the previous snapshot lacks', () => {
		expect(
			texts(snap('2025-12-17', { KGS: 87.41, TJS: 9.2243 }), snap('2025-12-16', { TJS: 9.19 }), [
				'KGS',
				'TJS',
			]),
		).toEqual(['KGS/USD = 0.01144', 'TJS/USD = 0.10841 -0.37%']);
	});

	it('does not compare snapshots with different bases', () => {
		expect(
			texts(snap('2025-12-17', { KGS: 87.41 }), snap('2025-12-16', { KGS: 80 }, 'EUR'), ['KGS']),
		).toEqual(['KGS/USD = 0.01144']);
	});

	it('uses the snapshot base in the label', () => {
		expect(texts(snap('2025-12-17', { KGS: 100 }, 'EUR'), undefined, ['KGS'])).toEqual([
			'KGS/EUR = 0.01000',
		]);
	});
});

describe('pickSnapshots', () => {
	const snapshots = [
		snap('2025-12-16', { KGS: 87.2 }),
		snap('2025-12-18', { KGS: 90 }),
		snap('2025-12-14', { KGS: 87 }),
		snap('2025-12-17', { KGS: 87.41 }),
	];

	it('takes the newest snapshot dated on or before today and the one before it', () => {
		const picked = pickSnapshots(snapshots, '2025-12-17');
		expect(picked?.current.date).toBe('2025-12-17');
		expect(picked?.previous?.date).toBe('2025-12-16');
	});

	it('ignores future snapshots', () => {
		const picked = pickSnapshots(snapshots, '2025-12-15');
		expect(picked?.current.date).toBe('2025-12-14');
		expect(picked?.previous).toBeUndefined();
	});

	it('skips gaps: the previous snapshot is simply the one before, however old', () => {
		const picked = pickSnapshots(snapshots, '2025-12-16');
		expect(picked?.current.date).toBe('2025-12-16');
		expect(picked?.previous?.date).toBe('2025-12-14');
	});

	it('is undefined when no snapshot is old enough', () => {
		expect(pickSnapshots(snapshots, '2025-12-13')).toBeUndefined();
		expect(pickSnapshots([], '2025-12-17')).toBeUndefined();
	});

	it('does not reorder the caller’s list', () => {
		const copy = [...snapshots];
		pickSnapshots(snapshots, '2025-12-17');
		expect(snapshots).toEqual(copy);
	});
});

describe('buildTicker', () => {
	const snapshots = [
		snap('2025-12-16', { KGS: 87.41, TJS: 9.19, KZT: 507.5, TMT: 3.5, UZS: 12050 }),
		snap('2025-12-17', { KGS: 87.41, TJS: 9.2243, KZT: 500, TMT: 3.5, UZS: 12050 }),
		snap('2025-12-18', { KGS: 1, TJS: 1, KZT: 1, TMT: 1, UZS: 1 }),
	];

	it('shows every configured currency with its change, in the configured order', () => {
		expect(TICKER.base).toBe('USD');
		const ticker = buildTicker(snapshots, '2025-12-17', TICKER.currencies, ZONE);
		expect(ticker?.current.date).toBe('2025-12-17');
		expect(ticker?.previous?.date).toBe('2025-12-16');
		expect(ticker?.items.map((i) => i.text)).toEqual([
			'KGS/USD = 0.01144 0%',
			'KZT/USD = 0.00200 +1.5%',
			'TJS/USD = 0.10841 -0.37%',
			'TMT/USD = 0.28571 0%',
			'UZS/USD = 0.00008 0%',
		]);
	});

	it("is as of the start of the current snapshot's day in the site's time zone", () => {
		expect(buildTicker(snapshots, '2025-12-17', TICKER.currencies, ZONE)?.asOf).toEqual(
			new Date('2025-12-16T19:00:00Z'),
		);
		expect(buildTicker(snapshots, '2025-12-17', TICKER.currencies, 'UTC')?.asOf).toEqual(
			new Date('2025-12-17T00:00:00Z'),
		);
	});

	it('refuses a snapshot day that is not a real date (the schema lets none through)', () => {
		expect(() =>
			buildTicker([snap('2025-02-30', { KGS: 87.41 })], '2025-12-17', ['KGS'], ZONE),
		).toThrow('ticker snapshot 2025-02-30: date: "2025-02-30" is not a real calendar date');
	});

	it('leaves changes out when only one snapshot is old enough', () => {
		const ticker = buildTicker(snapshots.slice(0, 1), '2025-12-17', ['KGS'], ZONE);
		expect(ticker?.items.map((i) => i.text)).toEqual(['KGS/USD = 0.01144']);
	});

	it('is undefined before the first snapshot', () => {
		expect(buildTicker(snapshots, '2025-12-15', TICKER.currencies, ZONE)).toBeUndefined();
	});

	it('never shows "-0%" anywhere', () => {
		const many = [
			snap('2025-12-16', { KGS: 87.41, KZT: 515.46, TJS: 9.2243, TMT: 3.51, UZS: 12050.12 }),
			snap('2025-12-17', {
				KGS: 87.4101,
				KZT: 515.4601,
				TJS: 9.22431,
				TMT: 3.510001,
				UZS: 12050.1201,
			}),
		];
		const ticker = buildTicker(many, '2025-12-17', TICKER.currencies, ZONE);
		expect(ticker?.items).toHaveLength(5);
		for (const item of ticker?.items ?? []) {
			expect(item.text).toMatch(/ 0%$/);
			expect(item.text).not.toContain('-0%');
		}
	});
});

describe('tickerView', () => {
	const ticker = buildTicker(
		[
			snap('2025-12-16', { KGS: 87.41, TJS: 9.19 }),
			snap('2025-12-17', { KGS: 87.41, TJS: 9.2243 }),
		],
		'2025-12-17',
		['KGS', 'TJS'],
		ZONE,
	)!;

	it('titles the ticker with its day and shows each item with its change, in English', () => {
		expect(tickerView(ticker, 'en')).toEqual({
			title: 'Currency rates on 17 December 2025',
			items: [
				{ label: 'KGS/USD = 0.01144', change: { text: '0%', direction: 'flat' } },
				{ label: 'TJS/USD = 0.10841', change: { text: '-0.37%', direction: 'down' } },
			],
		});
	});

	it("uses the edition's words and decimal separator", () => {
		const view = tickerView(ticker, 'ru');
		expect(view.title).toBe('Курсы валют на 17 декабря 2025');
		expect(view.items.map((item) => [item.label, item.change?.text])).toEqual([
			['KGS/USD = 0,01144', '0%'],
			['TJS/USD = 0,10841', '-0,37%'],
		]);
	});

	it('shows no change without a previous snapshot', () => {
		const first = buildTicker([snap('2025-12-16', { KGS: 87.41 })], '2025-12-17', ['KGS'], ZONE)!;
		expect(tickerView(first, 'en').items).toEqual([{ label: 'KGS/USD = 0.01144' }]);
	});
});
