/** Dates: "now", parsing front-matter dates strictly, and formatting in the site's time zone. */
import { formatter } from '../i18n/format.ts';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})$/;

/** "Now": `SOURCE_DATE_EPOCH` (seconds) when set, so builds are reproducible; else the clock. */
export function now(env: Record<string, string | undefined> = process.env): Date {
	const epoch = env.SOURCE_DATE_EPOCH;
	if (epoch !== undefined && epoch.trim() !== '') {
		const date = new Date(Number(epoch.trim()) * 1000);
		if (!/^\d+$/.test(epoch.trim()) || Number.isNaN(date.getTime())) {
			throw new Error(`SOURCE_DATE_EPOCH must be whole seconds since 1970, got "${epoch}"`);
		}
		return date;
	}
	return new Date();
}

function isRealCalendarDate(year: number, month: number, day: number): boolean {
	if (month < 1 || month > 12 || day < 1) return false;
	return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Offset of `timeZone` from UTC at `instant`, in minutes (Asia/Almaty → 300). */
export function timeZoneOffsetMinutes(instant: Date, timeZone: string): number {
	const parts = formatter('parts', 'en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
	}).formatToParts(instant);
	const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
	const asUtc = Date.UTC(
		get('year'),
		get('month') - 1,
		get('day'),
		get('hour'),
		get('minute'),
		get('second'),
	);
	return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

/** Midnight at the start of a calendar day in `timeZone`. */
export function startOfDay(year: number, month: number, day: number, timeZone: string): Date {
	const utcMidnight = Date.UTC(year, month - 1, day);
	const guess = new Date(
		utcMidnight - timeZoneOffsetMinutes(new Date(utcMidnight), timeZone) * 60000,
	);
	// A second pass settles days on which the offset itself changes (daylight saving).
	return new Date(utcMidnight - timeZoneOffsetMinutes(guess, timeZone) * 60000);
}

export type DateParseResult = { ok: true; date: Date } | { ok: false; message: string };

/**
 * Parse a front-matter date: `YYYY-MM-DD` (start of that day in the site's time zone) or an
 * ISO date-time with an offset. Impossible dates (`2025-13-45`) are rejected, not rolled over.
 */
export function parseContentDate(input: string, timeZone: string): DateParseResult {
	const text = input.trim();
	const dateOnly = DATE_ONLY.exec(text);
	if (dateOnly) {
		const [year, month, day] = dateOnly.slice(1, 4).map(Number) as [number, number, number];
		if (!isRealCalendarDate(year, month, day)) {
			return { ok: false, message: `"${text}" is not a real calendar date` };
		}
		return { ok: true, date: startOfDay(year, month, day, timeZone) };
	}
	const dateTime = DATE_TIME.exec(text);
	if (dateTime) {
		const [year, month, day, hour, minute, second] = dateTime
			.slice(1, 7)
			.map((v) => Number(v ?? 0)) as [number, number, number, number, number, number];
		if (!isRealCalendarDate(year, month, day) || hour > 23 || minute > 59 || second > 59) {
			return { ok: false, message: `"${text}" is not a real date and time` };
		}
		const date = new Date(text.replace(' ', 'T'));
		if (Number.isNaN(date.getTime()))
			return { ok: false, message: `"${text}" is not a valid date-time` };
		return { ok: true, date };
	}
	return {
		ok: false,
		message: `"${text}" is not a date; expected YYYY-MM-DD or a date-time with offset like 2025-12-17T09:30:00+05:00`,
	};
}

/** "17 December 2025" for `date` in `timeZone`. */
export function formatLongDate(date: Date, timeZone: string, locale = 'en-GB'): string {
	return formatter('long', locale, {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone,
	}).format(date);
}

/** `YYYY-MM-DD` of `date` as a calendar day in `timeZone`. */
export function isoDay(date: Date, timeZone: string): string {
	return formatter('day', 'en-CA', {
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		timeZone,
	}).format(date);
}

/** ISO 8601 with the site's offset, e.g. `2025-12-17T09:30:00+05:00` (for `<time datetime>` and feeds). */
export function isoWithOffset(date: Date, timeZone: string): string {
	const offset = timeZoneOffsetMinutes(date, timeZone);
	const local = new Date(date.getTime() + offset * 60000).toISOString().slice(0, 19);
	const sign = offset < 0 ? '-' : '+';
	const abs = Math.abs(offset);
	const hh = String(Math.floor(abs / 60)).padStart(2, '0');
	const mm = String(abs % 60).padStart(2, '0');
	return `${local}${sign}${hh}:${mm}`;
}
