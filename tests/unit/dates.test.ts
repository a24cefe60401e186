import { afterEach, describe, expect, it, vi } from 'vitest';
import {
	formatLongDate,
	isoDay,
	isoWithOffset,
	now,
	parseContentDate,
	startOfDay,
	timeZoneOffsetMinutes,
} from '../../src/lib/dates.ts';

const TZ = 'Asia/Almaty';

/** Parse and return the instant as ISO UTC, failing the test with the message when rejected. */
function parsedIso(text: string, timeZone = TZ): string {
	const result = parseContentDate(text, timeZone);
	if (!result.ok) throw new Error(`expected "${text}" to parse, got: ${result.message}`);
	return result.date.toISOString();
}

function rejection(text: string, timeZone = TZ): string {
	const result = parseContentDate(text, timeZone);
	if (result.ok)
		throw new Error(`expected "${text}" to be rejected, got ${result.date.toISOString()}`);
	return result.message;
}

describe('now', () => {
	afterEach(() => {
		vi.unstubAllEnvs();
		vi.useRealTimers();
	});

	it('uses SOURCE_DATE_EPOCH (seconds) when set', () => {
		expect(now({ SOURCE_DATE_EPOCH: '1765965600' }).toISOString()).toBe('2025-12-17T10:00:00.000Z');
		expect(now({ SOURCE_DATE_EPOCH: '0' }).toISOString()).toBe('1970-01-01T00:00:00.000Z');
	});

	it('tolerates surrounding whitespace in SOURCE_DATE_EPOCH', () => {
		expect(now({ SOURCE_DATE_EPOCH: ' 1765965600\n' }).toISOString()).toBe(
			'2025-12-17T10:00:00.000Z',
		);
	});

	it('reads process.env by default', () => {
		vi.stubEnv('SOURCE_DATE_EPOCH', '1765965600');
		expect(now().toISOString()).toBe('2025-12-17T10:00:00.000Z');
	});

	it('falls back to the clock when SOURCE_DATE_EPOCH is unset or blank', () => {
		vi.useFakeTimers();
		vi.setSystemTime(new Date('2031-05-04T03:02:01Z'));
		expect(now({}).toISOString()).toBe('2031-05-04T03:02:01.000Z');
		expect(now({ SOURCE_DATE_EPOCH: '' }).toISOString()).toBe('2031-05-04T03:02:01.000Z');
		expect(now({ SOURCE_DATE_EPOCH: '   ' }).toISOString()).toBe('2031-05-04T03:02:01.000Z');
	});

	it.each(['abc', '1.5', '2025-12-17', '17659656OO', 'NaN'])(
		'throws a clear message for SOURCE_DATE_EPOCH=%j',
		(value) => {
			expect(() => now({ SOURCE_DATE_EPOCH: value })).toThrow(
				`SOURCE_DATE_EPOCH must be whole seconds since 1970, got "${value}"`,
			);
		},
	);

	it('throws for a SOURCE_DATE_EPOCH too large to be a date instead of returning an Invalid Date', () => {
		// 10^17 seconds is a whole number but far beyond the largest JavaScript date (8.64e12 s).
		expect(() => now({ SOURCE_DATE_EPOCH: '99999999999999999' })).toThrow(/SOURCE_DATE_EPOCH/);
	});
});

describe('parseContentDate: date-only', () => {
	it('reads YYYY-MM-DD as the start of that day in Asia/Almaty (UTC+05:00)', () => {
		expect(parsedIso('2025-12-17')).toBe('2025-12-16T19:00:00.000Z');
		expect(parsedIso('2026-01-01')).toBe('2025-12-31T19:00:00.000Z');
	});

	it('trims surrounding whitespace', () => {
		expect(parsedIso('  2025-12-17 ')).toBe('2025-12-16T19:00:00.000Z');
	});

	it('accepts 29 February in leap years', () => {
		const result = parseContentDate('2024-02-29', TZ);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(isoDay(result.date, TZ)).toBe('2024-02-29');
		// Start of that day in Almaty (which was still on UTC+06:00 until March 2024).
		expect(isoWithOffset(result.date, TZ)).toMatch(/^2024-02-29T00:00:00[+-]\d\d:\d\d$/);
		expect(parsedIso('2000-02-29')).toBe('2000-02-28T18:00:00.000Z');
	});

	it.each([
		['2025-13-45'],
		['2025-02-30'],
		['2025-02-29'],
		['2100-02-29'],
		['2025-04-31'],
		['2025-00-10'],
		['2025-12-00'],
	])('rejects the impossible date %s instead of rolling it over', (text) => {
		expect(rejection(text)).toBe(`"${text}" is not a real calendar date`);
	});

	it('uses the time zone it is given', () => {
		expect(parsedIso('2025-12-17', 'UTC')).toBe('2025-12-17T00:00:00.000Z');
		expect(parsedIso('2025-07-01', 'America/New_York')).toBe('2025-07-01T04:00:00.000Z');
		expect(parsedIso('2025-12-17', 'Asia/Kolkata')).toBe('2025-12-16T18:30:00.000Z');
	});
});

describe('parseContentDate: date-time', () => {
	it('keeps the offset written in the file', () => {
		expect(parsedIso('2025-12-17T09:30:00+05:00')).toBe('2025-12-17T04:30:00.000Z');
		expect(parsedIso('2025-12-17T09:30:00Z')).toBe('2025-12-17T09:30:00.000Z');
		expect(parsedIso('2025-12-17T09:30:00-03:00')).toBe('2025-12-17T12:30:00.000Z');
		expect(parsedIso('2025-12-17T09:30:00+14:00')).toBe('2025-12-16T19:30:00.000Z');
	});

	it('ignores the site time zone when an offset is given', () => {
		expect(parsedIso('2025-12-17T09:30:00+05:00', 'UTC')).toBe('2025-12-17T04:30:00.000Z');
	});

	it('accepts a space separator, minutes-only times, compact offsets and fractions', () => {
		expect(parsedIso('2025-12-17 09:30:00Z')).toBe('2025-12-17T09:30:00.000Z');
		expect(parsedIso('2025-12-17T09:30+05:00')).toBe('2025-12-17T04:30:00.000Z');
		expect(parsedIso('2025-12-17T09:30:00+0500')).toBe('2025-12-17T04:30:00.000Z');
		expect(parsedIso('2025-12-17T09:30:00.250+05:00')).toBe('2025-12-17T04:30:00.250Z');
	});

	it('rejects a date-time without an offset (it would be ambiguous)', () => {
		expect(rejection('2025-12-17T09:30:00')).toBe(
			'"2025-12-17T09:30:00" is not a date; expected YYYY-MM-DD or a date-time with offset like 2025-12-17T09:30:00+05:00',
		);
	});

	it.each([
		'2025-02-30T09:30:00+05:00',
		'2025-12-17T24:00:00Z',
		'2025-12-17T09:60:00Z',
		'2025-12-17T09:30:60Z',
	])('rejects the impossible date-time %s', (text) => {
		expect(rejection(text)).toBe(`"${text}" is not a real date and time`);
	});

	it.each(['17/12/2025', 'December 17, 2025', '2025-12-17T', '', 'tomorrow', '20251217'])(
		'rejects the non-date %j',
		(text) => {
			expect(rejection(text)).toMatch(
				/is not a date; expected YYYY-MM-DD or a date-time with offset/,
			);
		},
	);
});

describe('time-zone helpers', () => {
	it('knows the offset of a zone at an instant', () => {
		expect(timeZoneOffsetMinutes(new Date('2025-12-17T00:00:00Z'), TZ)).toBe(300);
		expect(timeZoneOffsetMinutes(new Date('2025-12-17T00:00:00Z'), 'UTC')).toBe(0);
		expect(timeZoneOffsetMinutes(new Date('2025-01-15T00:00:00Z'), 'America/New_York')).toBe(-300);
		expect(timeZoneOffsetMinutes(new Date('2025-07-15T00:00:00Z'), 'America/New_York')).toBe(-240);
	});

	it('finds the start of a day, including days on which daylight saving changes', () => {
		expect(startOfDay(2025, 12, 17, TZ).toISOString()).toBe('2025-12-16T19:00:00.000Z');
		expect(startOfDay(2025, 3, 9, 'America/New_York').toISOString()).toBe(
			'2025-03-09T05:00:00.000Z',
		);
		expect(startOfDay(2025, 11, 2, 'America/New_York').toISOString()).toBe(
			'2025-11-02T04:00:00.000Z',
		);
	});
});

describe('formatting', () => {
	it('formats a long date in the site time zone: "17 December 2025"', () => {
		expect(formatLongDate(new Date('2025-12-16T19:00:00Z'), TZ)).toBe('17 December 2025');
		expect(formatLongDate(new Date('2025-12-17T18:59:59Z'), TZ)).toBe('17 December 2025');
		// One second before Almaty midnight is still the 16th there.
		expect(formatLongDate(new Date('2025-12-16T18:59:59Z'), TZ)).toBe('16 December 2025');
		expect(formatLongDate(new Date('2026-03-01T00:00:00Z'), TZ)).toBe('1 March 2026');
	});

	it('gives the calendar day in the site time zone', () => {
		expect(isoDay(new Date('2025-12-16T19:00:00Z'), TZ)).toBe('2025-12-17');
		expect(isoDay(new Date('2025-12-16T18:59:59Z'), TZ)).toBe('2025-12-16');
	});

	it('writes ISO 8601 with the site offset: ...+05:00', () => {
		expect(isoWithOffset(new Date('2025-12-17T04:30:00Z'), TZ)).toBe('2025-12-17T09:30:00+05:00');
		expect(isoWithOffset(new Date('2025-12-16T19:00:00Z'), TZ)).toBe('2025-12-17T00:00:00+05:00');
		// Milliseconds are dropped, never rounded up into the next second.
		expect(isoWithOffset(new Date('2025-12-17T04:30:00.999Z'), TZ)).toBe(
			'2025-12-17T09:30:00+05:00',
		);
	});

	it('writes negative, zero and half-hour offsets', () => {
		expect(isoWithOffset(new Date('2025-12-17T04:30:00Z'), 'America/New_York')).toBe(
			'2025-12-16T23:30:00-05:00',
		);
		expect(isoWithOffset(new Date('2025-12-17T04:30:00Z'), 'UTC')).toBe(
			'2025-12-17T04:30:00+00:00',
		);
		expect(isoWithOffset(new Date('2025-12-17T04:30:00Z'), 'Asia/Kolkata')).toBe(
			'2025-12-17T10:00:00+05:30',
		);
	});

	it('round-trips: a parsed date-only value prints as midnight +05:00 on that day', () => {
		const result = parseContentDate('2025-12-17', TZ);
		expect(result.ok && isoWithOffset(result.date, TZ)).toBe('2025-12-17T00:00:00+05:00');
		expect(result.ok && formatLongDate(result.date, TZ)).toBe('17 December 2025');
	});
});
