/** Currency ticker maths: which snapshots to show and what each item reads. */

export interface Snapshot {
	/** Calendar day, `YYYY-MM-DD`. */
	date: string;
	base: string;
	/** Units of each currency per 1 base. */
	rates: Record<string, number>;
}

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
	current: Snapshot;
	previous?: Snapshot;
	items: TickerItem[];
}

/** The newest snapshot dated on or before `today` (YYYY-MM-DD), and the one before it. */
export function pickSnapshots(
	snapshots: readonly Snapshot[],
	today: string,
): { current: Snapshot; previous?: Snapshot } | undefined {
	const usable = snapshots.filter((s) => s.date <= today).sort((a, b) => b.date.localeCompare(a.date));
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
export function tickerItems(current: Snapshot, previous: Snapshot | undefined, codes: readonly string[]): TickerItem[] {
	const comparable = previous && previous.base === current.base ? previous : undefined;
	return codes.flatMap((code) => {
		const rate = current.rates[code];
		if (rate === undefined) return [];
		const value = Number(formatValue(1 / rate));
		const label = `${code}/${current.base} = ${formatValue(1 / rate)}`;
		const previousRate = comparable?.rates[code];
		if (previousRate === undefined) return [{ code, base: current.base, value, label, text: label }];
		const change = roundChange(percentChange(rate, previousRate));
		const direction = change > 0 ? 'up' : change < 0 ? 'down' : 'flat';
		const changeText = formatChange(change);
		return [{ code, base: current.base, value, change, direction, label, changeText, text: `${label} ${changeText}` }];
	});
}

/** The ticker for `today`, or undefined when no snapshot is old enough. */
export function buildTicker(snapshots: readonly Snapshot[], today: string, codes: readonly string[]): Ticker | undefined {
	const picked = pickSnapshots(snapshots, today);
	if (!picked) return undefined;
	return { ...picked, items: tickerItems(picked.current, picked.previous, codes) };
}
