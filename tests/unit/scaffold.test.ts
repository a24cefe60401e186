import { describe, expect, it } from 'vitest';
import { articleSchema } from '../../src/lib/schema.ts';
import { newArticleText, parseNewArgs } from '../../scripts/lib/scaffold.ts';
import { parseFrontmatter } from '../../src/lib/frontmatter.ts';

describe('parseNewArgs', () => {
	it('reads the headline, section, countries, author and format', () => {
		expect(
			parseNewArgs([
				'Бюджет 2027',
				'--section',
				'economy',
				'--country',
				'kazakhstan',
				'--country',
				'kyrgyzstan',
				'--author',
				'Aigerim',
				'--mdx',
			]),
		).toEqual({
			ok: true,
			request: {
				title: 'Бюджет 2027',
				section: 'economy',
				countries: ['kazakhstan', 'kyrgyzstan'],
				author: 'Aigerim',
				format: 'mdx',
				lang: 'en',
			},
		});
	});

	it('reads the edition and the story translated', () => {
		expect(
			parseNewArgs([
				'Бюджет 2027',
				'--section',
				'economy',
				'--lang',
				'ru',
				'--translation-of',
				'budget-vote',
			]),
		).toEqual({
			ok: true,
			request: {
				title: 'Бюджет 2027',
				section: 'economy',
				countries: [],
				format: 'md',
				lang: 'ru',
				translationOf: 'budget-vote',
			},
		});
		expect(
			parseNewArgs([
				'Headline',
				'--section',
				'economy',
				'--lang',
				'kk',
				'--translation-of',
				'Budget Vote',
			]),
		).toEqual({
			ok: false,
			errors: [
				'"kk" is not an edition, expected one of en, ru',
				`--translation-of "Budget Vote" is not a slug, expected the original's slug as in its URL, e.g. budget-vote`,
			],
		});
	});

	it('reports every mistake at once, with the allowed values', () => {
		expect(parseNewArgs(['--section', 'sport', '--country', 'mars', '--colour'])).toEqual({
			ok: false,
			errors: [
				'unknown option --colour',
				'the headline is missing, expected it in quotes first: "Headline here"',
				'"sport" is not a section, expected one of politics, economy, society, tech, culture, energy, security, opinion',
				'"mars" is not a country, expected one of kazakhstan, kyrgyzstan, tajikistan, turkmenistan, uzbekistan, afghanistan, region',
			],
		});
		expect(parseNewArgs(['Headline', '--section'])).toEqual({
			ok: false,
			errors: [
				'--section needs a value',
				'--section is missing, expected one of politics, economy, society, tech, culture, energy, security, opinion',
			],
		});
	});
});

describe('newArticleText', () => {
	it('writes front-matter the schema accepts, as a draft, escaping the headline', () => {
		const text = newArticleText({
			title: 'Quotes "inside": and a colon',
			section: 'politics',
			countries: ['uzbekistan'],
			author: "O'Brien",
			format: 'md',
			lang: 'ru',
			translationOf: 'budget-vote',
			date: '2025-12-17T09:30:00+05:00',
		});
		const parsed = articleSchema.parse(parseFrontmatter(text).data);
		expect(parsed).toMatchObject({
			title: 'Quotes "inside": and a colon',
			author: ["O'Brien"],
			section: 'politics',
			countries: ['uzbekistan'],
			translationOf: 'budget-vote',
			draft: true,
		});
		expect(parsed.date.toISOString()).toBe('2025-12-17T04:30:00.000Z');
	});
});
