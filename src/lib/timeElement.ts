/**
 * What a `<time>` element holds: the reader's date ("17 December 2025", in the edition's language)
 * and the machine-readable value, both in the site's time zone. Articles' dates, the edition
 * strip's day and the ticker's "as of" day all come from here.
 */
import { SITE } from '../config.ts';
import { formatEditionDate } from '../i18n/format.ts';
import { t, type Lang } from '../i18n/ui.ts';
import { isoDay, isoWithOffset } from './dates.ts';

export interface TimeElement {
	/** `2025-12-17T09:30:00+05:00`, or `2025-12-17` for a calendar day. */
	datetime: string;
	text: string;
}

/** `date` for a `<time>`: an instant with the site's offset, or (`'day'`) only the calendar day. */
export function timeElement(
	date: Date,
	lang: Lang,
	precision: 'instant' | 'day' = 'instant',
	timeZone: string = SITE.timeZone,
): TimeElement {
	return {
		datetime: precision === 'day' ? isoDay(date, timeZone) : isoWithOffset(date, timeZone),
		text: formatEditionDate(date, t(lang).locale, timeZone),
	};
}
