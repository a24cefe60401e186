import { describe, expect, it } from 'vitest';
import { SITE } from '../../src/config.ts';
import {
	articleFromFile,
	articleIdentity,
	compareNewestFirst,
	isPublished,
	toArticle,
	type Article,
} from '../../src/lib/articles.ts';
import { NOW, OPTIONS, articleData, decDay, makeArticle, numberedWords } from './fixtures.ts';

const slugs = (articles: readonly Pick<Article, 'slug'>[]) => articles.map((a) => a.slug);

describe('toArticle', () => {
	it('maps front-matter onto the page model', () => {
		const article = makeArticle('budget-vote', {
			title: 'Budget approved',
			date: decDay(10),
			author: ['Aigerim Sadykova', 'Timur Ахметов'],
			section: 'economy',
			countries: ['kazakhstan', 'region'],
			tags: ['Oil', 'National Fund'],
			summary: 'Deputies back a plan.',
			body: 'Two words.',
		});
		expect(article).toMatchObject({
			slug: 'budget-vote',
			url: '/articles/budget-vote/',
			title: 'Budget approved',
			date: decDay(10),
			section: 'economy',
			countries: ['kazakhstan', 'region'],
			summary: 'Deputies back a plan.',
			draft: false,
			embargoed: false,
			excerpt: 'Two words.',
			wordCount: 2,
		});
		expect(article.authors).toEqual([
			{ name: 'Aigerim Sadykova', slug: 'aigerim-sadykova' },
			{ name: 'Timur Ахметов', slug: 'timur-akhmetov' },
		]);
		expect(article.tags).toEqual([
			{ name: 'Oil', slug: 'oil' },
			{ name: 'National Fund', slug: 'national-fund' },
		]);
	});

	it('leaves an empty summary out', () => {
		expect(makeArticle('a', { summary: '' }).summary).toBeUndefined();
		expect(makeArticle('a').summary).toBeUndefined();
	});

	it('is pure: the same input gives the same article', () => {
		const source = {
			slug: 'a',
			lang: 'en' as const,
			data: articleData({ corrections: [{ date: decDay(12), text: 'x' }] }),
			body: 'Hello world',
			format: 'md' as const,
		};
		expect(toArticle(source, OPTIONS)).toEqual(toArticle(source, OPTIONS));
	});
});

describe('articleIdentity', () => {
	it("takes the edition from the folder, or from lang, and the slug from the file's name", () => {
		expect(articleIdentity('budget-vote.md', undefined)).toEqual({
			lang: 'en',
			slug: 'budget-vote',
		});
		expect(articleIdentity('ru/parlament.md', undefined)).toEqual({
			lang: 'ru',
			slug: 'parlament',
		});
		expect(articleIdentity('folder-story/index.mdx', undefined)).toEqual({
			lang: 'en',
			slug: 'folder-story',
		});
		expect(articleIdentity('ru/folder-story/index.md', 'ru')).toEqual({
			lang: 'ru',
			slug: 'folder-story',
		});
		expect(articleIdentity('elsewhere.md', 'ru')).toEqual({ lang: 'ru', slug: 'elsewhere' });
	});

	it('lets the folder decide when lang names no edition (validation reports it)', () => {
		expect(articleIdentity('ru/x.md', 'de')).toEqual({ lang: 'ru', slug: 'x' });
	});
});

describe('articleFromFile', () => {
	const source = {
		slug: 'a',
		lang: 'en' as const,
		data: articleData({ date: decDay(18) }),
		body: '# Hi\n\n{1 + 1} words here',
		file: 'x/a.mdx',
	};

	it("shapes with the site's excerpt length and reading speed, as of `now`", () => {
		expect(articleFromFile(source, NOW)).toEqual(
			toArticle(
				{ ...source, format: 'mdx' },
				{ now: NOW, excerptWords: SITE.excerptWords, wordsPerMinute: SITE.wordsPerMinute },
			),
		);
		expect(articleFromFile(source, NOW).embargoed).toBe(true);
		expect(articleFromFile(source, decDay(19)).embargoed).toBe(false);
	});

	it('reads a .md file as Markdown and a .mdx file as MDX', () => {
		expect(articleFromFile({ ...source, file: 'a.md' }, NOW).excerpt).toBe('Hi {1 + 1} words here');
		expect(articleFromFile(source, NOW).excerpt).toBe('Hi words here');
	});

	it('reads the body only when the excerpt or word count is first asked for, once', () => {
		// A build's store reads each body from disk when asked (scripts/patches), and most pages
		// of a warm build are not rendered at all.
		let reads = 0;
		const article = articleFromFile(
			{
				...source,
				get body() {
					reads++;
					return source.body;
				},
			},
			NOW,
		);
		expect(article.title).toBe(source.data.title);
		expect(reads).toBe(0);
		expect([article.excerpt, article.wordCount, article.readingMinutes]).toEqual([
			'Hi words here',
			3,
			1,
		]);
		expect(reads).toBe(1);
	});
});

describe('publishing rules', () => {
	it('publishes an article dated in the past', () => {
		const article = makeArticle('past', { date: new Date(NOW.getTime() - 1000) });
		expect(article.embargoed).toBe(false);
		expect(isPublished(article)).toBe(true);
	});

	it('publishes an article dated exactly "now"', () => {
		const article = makeArticle('now', { date: new Date(NOW) });
		expect(article.embargoed).toBe(false);
		expect(isPublished(article)).toBe(true);
	});

	it('embargoes an article dated after "now"', () => {
		const article = makeArticle('future', { date: new Date(NOW.getTime() + 1000) });
		expect(article.embargoed).toBe(true);
		expect(isPublished(article)).toBe(false);
	});

	it('lifts the embargo once "now" reaches the date', () => {
		const date = decDay(20);
		expect(
			makeArticle('x', { date, options: { now: new Date(date.getTime() - 1) } }).embargoed,
		).toBe(true);
		expect(makeArticle('x', { date, options: { now: date } }).embargoed).toBe(false);
	});

	it('never publishes a draft, even an old one', () => {
		const article = makeArticle('draft', { draft: true, date: decDay(1) });
		expect(article.draft).toBe(true);
		expect(isPublished(article)).toBe(false);
	});

	it('never publishes an embargoed draft', () => {
		expect(isPublished({ draft: true, embargoed: true })).toBe(false);
		expect(isPublished({ draft: false, embargoed: false })).toBe(true);
	});
});

describe('compareNewestFirst', () => {
	it('sorts newest first', () => {
		const articles = [
			makeArticle('old', { date: decDay(1) }),
			makeArticle('new', { date: decDay(15) }),
			makeArticle('mid', { date: decDay(8) }),
		];
		expect(slugs([...articles].sort(compareNewestFirst))).toEqual(['new', 'mid', 'old']);
	});

	it('compares to the millisecond, not the day', () => {
		const articles = [
			makeArticle('morning', { date: decDay(10, 9) }),
			makeArticle('evening', { date: decDay(10, 21) }),
		];
		expect(slugs([...articles].sort(compareNewestFirst))).toEqual(['evening', 'morning']);
	});

	it('breaks ties on the same instant by slug, A to Z', () => {
		const date = decDay(10);
		const articles = ['charlie', 'alpha', 'bravo-2', 'bravo'].map((slug) =>
			makeArticle(slug, { date }),
		);
		expect(slugs([...articles].sort(compareNewestFirst))).toEqual([
			'alpha',
			'bravo',
			'bravo-2',
			'charlie',
		]);
	});

	it('gives the same order whatever the input order', () => {
		const articles = [
			makeArticle('b', { date: decDay(10) }),
			makeArticle('a', { date: decDay(10) }),
			makeArticle('c', { date: decDay(11) }),
			makeArticle('d', { date: decDay(9) }),
		];
		const expected = ['c', 'a', 'b', 'd'];
		expect(slugs([...articles].sort(compareNewestFirst))).toEqual(expected);
		expect(slugs([...articles].reverse().sort(compareNewestFirst))).toEqual(expected);
		expect(
			slugs([articles[2]!, articles[0]!, articles[3]!, articles[1]!].sort(compareNewestFirst)),
		).toEqual(expected);
	});

	it('returns 0 only for the same article', () => {
		const a = makeArticle('a', { date: decDay(10) });
		expect(compareNewestFirst(a, a)).toBe(0);
		expect(compareNewestFirst(a, makeArticle('b', { date: decDay(10) }))).toBeLessThan(0);
		expect(compareNewestFirst(makeArticle('b', { date: decDay(10) }), a)).toBeGreaterThan(0);
	});
});

describe('modified date', () => {
	it('is the publication date when there is no update or correction', () => {
		expect(makeArticle('a', { date: decDay(10) }).modified).toEqual(decDay(10));
	});

	it('is the update time when there is one', () => {
		const article = makeArticle('a', { date: decDay(10), updated: decDay(12) });
		expect(article.updated).toEqual(decDay(12));
		expect(article.modified).toEqual(decDay(12));
	});

	it('is the newest correction when that is later than the update', () => {
		const article = makeArticle('a', {
			date: decDay(10),
			updated: decDay(11),
			corrections: [
				{ date: decDay(13), text: 'Later correction.' },
				{ date: decDay(12), text: 'Earlier correction.' },
			],
		});
		expect(article.modified).toEqual(decDay(13));
	});

	it('is the update when that is later than every correction', () => {
		const article = makeArticle('a', {
			date: decDay(10),
			updated: decDay(14),
			corrections: [{ date: decDay(12), text: 'A correction.' }],
		});
		expect(article.modified).toEqual(decDay(14));
	});

	it('takes corrections into account without an update', () => {
		const article = makeArticle('a', {
			date: decDay(10),
			corrections: [{ date: decDay(11, 15), text: 'Fixed a name.' }],
		});
		expect(article.modified).toEqual(decDay(11, 15));
	});

	it('is never before the publication date', () => {
		const article = makeArticle('a', {
			date: decDay(10),
			corrections: [{ date: decDay(5), text: 'Odd, but possible.' }],
		});
		expect(article.modified).toEqual(decDay(10));
	});
});

describe('corrections', () => {
	it('are listed newest first, whatever order the file gives', () => {
		const article = makeArticle('a', {
			date: decDay(1),
			corrections: [
				{ date: decDay(3), text: 'second' },
				{ date: decDay(2), text: 'first' },
				{ date: decDay(5), text: 'fourth' },
				{ date: decDay(4), text: 'third' },
			],
		});
		expect(article.corrections.map((c) => c.text)).toEqual(['fourth', 'third', 'second', 'first']);
		expect(article.corrections.map((c) => c.date)).toEqual([
			decDay(5),
			decDay(4),
			decDay(3),
			decDay(2),
		]);
	});

	it('is an empty list when there are none', () => {
		expect(makeArticle('a').corrections).toEqual([]);
	});

	it('does not reorder the front-matter list', () => {
		const corrections = [
			{ date: decDay(2), text: 'first' },
			{ date: decDay(3), text: 'second' },
		];
		makeArticle('a', { corrections });
		expect(corrections.map((c) => c.text)).toEqual(['first', 'second']);
	});
});

describe('reading time', () => {
	it('assumes 220 words a minute', () => {
		expect(SITE.wordsPerMinute).toBe(220);
	});

	it.each([
		[0, 1],
		[1, 1],
		[219, 1],
		[220, 1],
		[329, 1],
		[330, 2],
		[440, 2],
		[549, 2],
		[550, 3],
		[2200, 10],
	])('%d words take %d min', (count, minutes) => {
		const article = makeArticle('a', { body: numberedWords(count).join(' ') });
		expect(article.wordCount).toBe(count);
		expect(article.readingMinutes).toBe(minutes);
	});

	it('counts words of the plain text, not of the markup', () => {
		const body = `# Heading here\n\n<p>${numberedWords(218).join(' ')}</p>\n\n![image alt text](a.jpg)`;
		const article = makeArticle('a', { body });
		expect(article.wordCount).toBe(220);
		expect(article.readingMinutes).toBe(1);
	});

	it('counts an .mdx body without its imports and expressions', () => {
		const body = `import X from './x.js';\n\n${numberedWords(330).join(' ')} {someExpression}`;
		expect(makeArticle('a', { body, format: 'mdx' }).wordCount).toBe(330);
	});
});
