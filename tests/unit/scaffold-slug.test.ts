import { describe, expect, it } from 'vitest';
import { uniqueSlug } from '../../scripts/lib/scaffold.ts';

describe('uniqueSlug', () => {
	it('keeps a free slug and appends -2, -3 to taken ones', () => {
		const taken = new Set(['budget-vote', 'budget-vote-2']);
		expect(uniqueSlug('Free headline', (s) => taken.has(s))).toBe('free-headline');
		expect(uniqueSlug('Budget vote', (s) => taken.has(s))).toBe('budget-vote-3');
	});

	it('falls back to "story" when the headline has no usable letters', () => {
		expect(uniqueSlug('???', () => false)).toBe('story');
	});

	it('caps very long headlines without a trailing hyphen', () => {
		const slug = uniqueSlug(`${'word '.repeat(40)}end`, () => false);
		expect(slug.length).toBeLessThanOrEqual(80);
		expect(slug.endsWith('-')).toBe(false);
	});
});
