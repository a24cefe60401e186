import { describe, expect, it } from 'vitest';
import { timeElement } from '../../src/lib/timeElement.ts';

// 17 December 2025, 02:30 in Almaty (UTC+5), still the 16th in UTC.
const EARLY = new Date('2025-12-16T21:30:00Z');

describe('timeElement', () => {
	it("shows the day in the site's time zone, in the edition's language", () => {
		expect(timeElement(EARLY, 'en')).toEqual({
			datetime: '2025-12-17T02:30:00+05:00',
			text: '17 December 2025',
		});
		expect(timeElement(EARLY, 'ru')).toEqual({
			datetime: '2025-12-17T02:30:00+05:00',
			text: '17 декабря 2025',
		});
	});

	it("gives only the calendar day as `datetime` for a day (the edition strip, the ticker's 'as of')", () => {
		expect(timeElement(EARLY, 'en', 'day')).toEqual({
			datetime: '2025-12-17',
			text: '17 December 2025',
		});
	});

	it('follows the time zone it is given', () => {
		expect(timeElement(EARLY, 'en', 'day', 'UTC')).toEqual({
			datetime: '2025-12-16',
			text: '16 December 2025',
		});
		expect(timeElement(EARLY, 'en', 'instant', 'UTC').datetime).toBe('2025-12-16T21:30:00+00:00');
	});
});
