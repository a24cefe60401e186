/** Small builders for unit-test data: article front-matter, articles, bodies and raw files. */
import { toArticle, type Article, type ArticleOptions } from '../../src/lib/articles.ts';
import type { ArticleData } from '../../src/lib/schema.ts';

/** A fixed "now" for every article built here: 17 December 2025, 17:00 in Almaty. */
export const NOW = new Date('2025-12-17T12:00:00Z');

export const OPTIONS: ArticleOptions = { now: NOW, excerptWords: 500, wordsPerMinute: 220 };

/** Validated front-matter (the schema's output) with sensible defaults. */
export function articleData(overrides: Partial<ArticleData> = {}): ArticleData {
	return {
		title: 'A headline',
		date: new Date('2025-12-10T05:00:00Z'),
		author: ['Aigerim Sadykova'],
		section: 'economy',
		countries: [],
		tags: [],
		draft: false,
		corrections: [],
		...overrides,
	};
}

export interface ArticleFixture extends Partial<ArticleData> {
	body?: string;
	format?: 'md' | 'mdx';
	options?: Partial<ArticleOptions>;
}

/** One article through the real `toArticle`, so fixtures obey the same rules as the site. */
export function makeArticle(slug: string, fixture: ArticleFixture = {}): Article {
	const { body = 'Some body text.', format = 'md', options, ...data } = fixture;
	return toArticle(
		{ slug, lang: data.lang ?? 'en', data: articleData(data), body, format },
		{ ...OPTIONS, ...options },
	);
}

/** `n` distinct words: `word1 word2 … wordN` (or with another prefix). */
export function numberedWords(n: number, prefix = 'word'): string[] {
	return Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
}

/** A raw article file: a front-matter block of `lines`, then `body`. */
export function rawArticle(lines: readonly string[], body = 'Body text.\n'): string {
	return `---\n${lines.join('\n')}\n---\n${body}`;
}

/** Front-matter lines of a valid article (title on line 2 of the file, date 3, author 4, section 5). */
export const VALID_LINES = [
	'title: A headline',
	'date: 2025-12-17',
	'author: Aigerim Sadykova',
	'section: economy',
] as const;

/** Day `n` of December 2025 at `hour` o'clock Almaty time (UTC+05:00), for ordering tests. */
export function decDay(n: number, hour = 9): Date {
	return new Date(Date.UTC(2025, 11, n, hour - 5));
}
