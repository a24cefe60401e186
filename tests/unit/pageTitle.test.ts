import { describe, expect, it } from 'vitest';
import { MAX_TITLE_CHARS, pageTitle, titleHtml } from '../../src/lib/pageTitle.ts';

const site = { name: 'Caravan', tagline: 'News from Central Asia' };

describe('pageTitle', () => {
	it('adds the site name when it fits', () => {
		expect(pageTitle('Economy', site)).toBe('Economy | Caravan');
	});

	it('names the site and its tagline on the front page', () => {
		expect(pageTitle(undefined, site)).toBe('Caravan: News from Central Asia');
	});

	it('drops the site name before cutting a headline', () => {
		const headline = "Kazakhstan's lower house approves 2027 budget built on cautious oil"; // 67 characters
		expect(pageTitle(headline, site)).toBe(headline);
	});

	it('clips a longer headline at a word boundary, within the limit', () => {
		const headline = "Kazakhstan's lower house approves 2027 budget built on cautious oil forecast";
		const title = pageTitle(headline, site);
		expect(title).toBe("Kazakhstan's lower house approves 2027 budget built on cautious oil…");
		expect(title.length).toBeLessThanOrEqual(MAX_TITLE_CHARS);
	});
});

describe('titleHtml', () => {
	it('escapes what could end or enter markup, and nothing more', () => {
		expect(titleHtml(`<script>alert('x')</script> & "quotes"`)).toBe(
			`&lt;script&gt;alert('x')&lt;/script&gt; &amp; "quotes"`,
		);
	});

	it('counts escapes against the limit, as html-validate does', () => {
		const headline = 'R&D & M&A & P&L: '.repeat(3).trim(); // 50 characters of text, 86 of source
		expect(titleHtml(pageTitle(headline, site)).length).toBeLessThanOrEqual(MAX_TITLE_CHARS);
	});
});
