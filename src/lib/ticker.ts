/** Currency ticker maths: which snapshots to show, what each item reads, and the day it is for. */
import { localiseDecimal } from '../i18n/format.ts';
import { t, type Lang } from '../i18n/ui.ts';
import type { TickerSnapshot } from './schema.ts';
import { parseContentDate } from './dates.ts';
import { timeElement } from './timeElement.ts';

export interface TickerItem {
	code: string;
	base: string;
	/** Value of 1 unit of `code` in `base`, rounded to 5 decimals. */
	value: number;
	/** Percent change of that value against the previous snapshot (2 decimals); absent without one. */
	change?: number;
	direction?: 'up' | 'down' | 'flat';
	/** `KGS/USD = 0.01144` */
	label: string;
	/** `-0.37%`; absent without a previous snapshot. */
	changeText?: string;
	/** Exactly what the reader sees: `KGS/USD = 0.01144 -0.37%`. */
	text: string;
}

export interface Ticker {
	current: TickerSnapshot;
	previous?: TickerSnapshot;
	/** The start of the current snapshot's day in the site's time zone: what the rates are "as of". */
	asOf: Date;
	items: TickerItem[];
}

/** The newest snapshot dated on or before `today` (YYYY-MM-DD), and the one before it. */
export function pickSnapshots(
	snapshots: readonly TickerSnapshot[],
	today: string,
): { current: TickerSnapshot; previous?: TickerSnapshot } | undefined {
	const usable = snapshots
		.filter((s) => s.date <= today)
		.sort((a, b) => b.date.localeCompare(a.date));
	const [current, previous] = usable;
	return current ? { current, previous } : undefined;
}

/** `0.0114399` → `0.01144`: always 5 decimals. */
export function formatValue(value: number): string {
	return value.toFixed(5);
}

/** Percent change rounded to 2 decimals, trailing zeros dropped, sign shown: `0%`, `-0.37%`, `+1.5%`. */
export function formatChange(change: number): string {
	const rounded = roundChange(change);
	if (rounded === 0) return '0%';
	const text = String(Math.abs(rounded));
	return `${rounded > 0 ? '+' : '-'}${text}%`;
}

/** Round half away from zero to 2 decimals, so +0.005 and −0.005 round alike; never −0. */
function roundChange(change: number): number {
	return (Math.sign(change) * Math.round(Math.abs(change) * 100)) / 100 || 0;
}

/**
 * Percent change of the value 1/rate (what one unit is worth in the base), computed from the
 * exact rates: rounding to 5 decimals first would swamp small currencies (UZS is 0.00008).
 */
export function percentChange(currentRate: number, previousRate: number): number {
	// value = 1 / rate, so change = (1/current − 1/previous) / (1/previous) = previous/current − 1.
	return (previousRate / currentRate - 1) * 100;
}

/** Ticker items for `codes` (in that order) that the current snapshot has. */
export function tickerItems(
	current: TickerSnapshot,
	previous: TickerSnapshot | undefined,
	codes: readonly string[],
): TickerItem[] {
	const comparable = previous && previous.base === current.base ? previous : undefined;
	return codes.flatMap((code) => {
		const rate = current.rates[code];
		if (rate === undefined) return [];
		const value = Number(formatValue(1 / rate));
		const label = `${code}/${current.base} = ${formatValue(1 / rate)}`;
		const previousRate = comparable?.rates[code];
		if (previousRate === undefined)
			return [{ code, base: current.base, value, label, text: label }];
		const change = roundChange(percentChange(rate, previousRate));
		const direction = change > 0 ? 'up' : change < 0 ? 'down' : 'flat';
		const changeText = formatChange(change);
		return [
			{
				code,
				base: current.base,
				value,
				change,
				direction,
				label,
				changeText,
				text: `${label} ${changeText}`,
			},
		];
	});
}

/**
 * The ticker for `today` (YYYY-MM-DD in `timeZone`), or undefined when no snapshot is old enough.
 * Snapshots come through `tickerSchema`, which has checked every date is a real calendar day.
 */
export function buildTicker(
	snapshots: readonly TickerSnapshot[],
	today: string,
	codes: readonly string[],
	timeZone: string,
): Ticker | undefined {
	const picked = pickSnapshots(snapshots, today);
	if (!picked) return undefined;
	const day = parseContentDate(picked.current.date, timeZone);
	if (!day.ok) throw new Error(`ticker snapshot ${picked.current.date}: date: ${day.message}`);
	return { ...picked, asOf: day.date, items: tickerItems(picked.current, picked.previous, codes) };
}

/** What the ticker shows in an edition: its heading and each item's words, with the edition's decimal separator. */
export interface TickerView {
	/** "Currency rates on 17 December 2025". */
	title: string;
	items: {
		label: string;
		change?: { text: string; direction: NonNullable<TickerItem['direction']> };
	}[];
}

/** The ticker in `lang`'s words and numbers. */
export function tickerView(ticker: Pick<Ticker, 'asOf' | 'items'>, lang: Lang): TickerView {
	const ui = t(lang);
	const local = (text: string) => localiseDecimal(text, ui.decimalSeparator);
	return {
		title: ui.tickerTitle(timeElement(ticker.asOf, lang, 'day').text),
		items: ticker.items.map((item) => ({
			label: local(item.label),
			...(item.changeText && item.direction
				? { change: { text: local(item.changeText), direction: item.direction } }
				: {}),
		})),
	};
}
