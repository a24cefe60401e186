/**
 * The front-matter schemas: the single source of truth for what an article and a ticker snapshot
 * may say. `src/content.config.ts` hands them to Astro; `scripts/check.ts` validates raw files
 * with the very same objects, so the two can never disagree.
 */
import { z } from 'astro/zod';
import {
	COUNTRIES,
	SECTIONS,
	SITE,
	TICKER,
	type CountrySlug,
	type SectionSlug,
} from '../config.ts';
import { parseContentDate } from './dates.ts';
import { LANGS, type Lang } from '../i18n/ui.ts';
import { slugify } from './slug.ts';

const sectionSlugs = [...SECTIONS];
const countrySlugs = [...COUNTRIES];

const nonEmptyText = (what: string) =>
	z
		.string({ error: `expected ${what} as text` })
		.trim()
		.min(1, { error: `must not be empty, expected ${what}` });

/**
 * A date or date-time, strictly parsed (see `parseContentDate`). Front-matter is read with YAML's
 * core schema (`src/lib/frontmatter.ts`), so this always sees the text the writer typed.
 */
const contentDate = z
	.string({ error: 'expected a date like 2025-12-17 or 2025-12-17T09:30:00+05:00' })
	.transform((text, ctx) => {
		const parsed = parseContentDate(text, SITE.timeZone);
		if (!parsed.ok) {
			ctx.addIssue({ code: 'custom', message: parsed.message });
			return z.NEVER;
		}
		return parsed.date;
	});

/** One value or a list of them, always read as a list, without repeats. */
const oneOrMany = <T extends z.ZodType>(item: T) =>
	z.union([item.transform((v) => [v]), z.array(item)]).transform((list) => [...new Set(list)]);

/** "x" is not a <what>, expected one of …; just "expected one of …" when the value is missing. */
const oneOf = <T extends string>(values: readonly [T, ...T[]], what: string) =>
	z.enum(values, {
		error: (issue) =>
			`${issue.input === undefined ? '' : `${JSON.stringify(issue.input)} is not ${what}, `}expected one of ${values.join(', ')}`,
	});

const section = oneOf(sectionSlugs as [SectionSlug, ...SectionSlug[]], 'a section');
const country = oneOf(countrySlugs as [CountrySlug, ...CountrySlug[]], 'a country');

export const correctionSchema = z.strictObject({
	/** When the correction was made. */
	date: contentDate,
	/** What was wrong and what is right, in plain text. */
	text: nonEmptyText('the correction'),
});

export const imageSchema = z
	.strictObject({
		/** `./lead.jpg` beside the article, or `/images/lead.jpg` in the content folder's `images/` (see `src/lib/imagePaths.ts`). */
		src: nonEmptyText('the image file'),
		/** What the image shows, for readers who cannot see it. */
		alt: z.string({ error: 'expected a description of the image as text' }).optional(),
		caption: z.string().optional(),
		credit: z.string().optional(),
		/** Purely decorative images may have an empty (or no) `alt`. */
		decorative: z.boolean().optional(),
	})
	.superRefine((image, ctx) => {
		if (!image.decorative && !image.alt?.trim()) {
			ctx.addIssue({
				code: 'custom',
				path: ['alt'],
				message: `is ${image.alt === undefined ? 'missing' : 'empty'}, expected a description of the image (or \`decorative: true\`)`,
			});
		}
	})
	.transform((image) => ({ ...image, alt: image.alt ?? '' }));

export const articleSchema = z
	.strictObject({
		/** Headline. */
		title: nonEmptyText('a headline'),
		/** Publication time; a future date embargoes the story until then. */
		date: contentDate,
		/** Byline: one name or a list of names. */
		author: oneOrMany(nonEmptyText('an author name')).refine((names) => names.length > 0, {
			error: 'is an empty list, expected at least one name',
		}),
		/** One of the configured sections. */
		section,
		/** Countries the story is about. */
		countries: oneOrMany(country).default([]),
		/** Free tags; de-duplicated by their slug. */
		tags: oneOrMany(nonEmptyText('a tag'))
			.default([])
			.transform((tags) => [...new Map(tags.map((t) => [slugify(t), t])).values()]),
		/** Standfirst for meta descriptions and feeds, plain text. */
		summary: z.string({ error: 'expected plain text' }).trim().optional(),
		/** Last substantive update. */
		updated: contentDate.optional(),
		/** Drafts are never published. */
		draft: z.boolean({ error: 'expected true or false' }).default(false),
		/** Lead image. */
		image: imageSchema.optional(),
		/** Edition: `en` (default) or `ru`; articles under `articles/ru/` are Russian without saying so. */
		lang: oneOf(LANGS as [Lang, ...Lang[]], 'an edition').optional(),
		/** Slug of the original this article translates (in the other edition). */
		translationOf: z
			.string({ error: 'expected the slug of the original article' })
			.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
				error: 'expected the slug (file name) of the original article, like "budget-vote-2026"',
			})
			.optional(),
		/** Dated correction notes, shown newest first. */
		corrections: z
			.array(correctionSchema, { error: 'expected a list of { date, text }' })
			.default([]),
	})
	.superRefine((data, ctx) => {
		if (data.updated && data.updated < data.date) {
			ctx.addIssue({
				code: 'custom',
				path: ['updated'],
				message: 'is before `date`, expected a time on or after it',
			});
		}
	});

export type ArticleData = z.output<typeof articleSchema>;
/** Every front-matter key an article may use (for "did you mean" hints). */
export const ARTICLE_KEYS = Object.keys(articleSchema.shape);

const currencyCode = /^[A-Z]{3}$/;
const SNAPSHOT_DAY = /^\d{4}-\d{2}-\d{2}$/;

export const tickerSchema = z.strictObject({
	/** The day the rates are for; a real calendar day, so the ticker can show it without checking again. */
	date: z
		.string()
		.regex(SNAPSHOT_DAY, { error: 'expected the snapshot day as YYYY-MM-DD' })
		// Only a well-formed day is judged here: a malformed one has its own message above.
		.refine((day) => !SNAPSHOT_DAY.test(day) || parseContentDate(day, SITE.timeZone).ok, {
			error: 'is not a real calendar date, expected the snapshot day as YYYY-MM-DD',
		}),
	base: z.string().regex(currencyCode, { error: 'expected a three-letter currency code like USD' }),
	rates: z
		.record(
			z.string().regex(currencyCode, { error: 'expected three-letter currency codes' }),
			z
				.number({ error: 'expected a number of units per 1 base' })
				.positive({ error: 'must be above 0' }),
			{ error: 'expected { "CODE": units per 1 base, … }' },
		)
		.refine((rates) => TICKER.currencies.some((code) => code in rates), {
			error: `holds none of ${TICKER.currencies.join(', ')}`,
		}),
});

export type TickerSnapshot = z.output<typeof tickerSchema>;
