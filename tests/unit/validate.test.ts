import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../scripts/check.ts';
import { ARTICLE_KEYS } from '../../src/lib/schema.ts';
import {
	closestKey,
	editDistance,
	formatProblem,
	validateArticle,
	validateTicker,
} from '../../scripts/lib/validate.ts';
import { rawArticle, VALID_LINES } from './fixtures.ts';

const FILE = 'content/articles/budget-vote.md';
const SECTION_LIST = 'politics, economy, society, tech, culture, energy, security, opinion';
const BROKEN_YAML_HINT =
	'expected "key: value" lines; quote values that contain a colon or start with a quote';

/** Validate raw text as `content/articles/<relativePath>` and return the formatted lines. */
function check(raw: string, relativePath = 'budget-vote.md'): string[] {
	return validateArticle(`content/articles/${relativePath}`, relativePath, raw).map(formatProblem);
}

/** The valid front-matter with line `n` of the file (2 = title … 5 = section) replaced or removed. */
function linesWith(replacements: Record<number, string | null>, extra: string[] = []): string[] {
	const lines: string[] = [];
	VALID_LINES.forEach((line, index) => {
		const fileLine = index + 2;
		const replacement = fileLine in replacements ? replacements[fileLine] : line;
		if (replacement !== null && replacement !== undefined) lines.push(replacement);
	});
	return [...lines, ...extra];
}

describe('formatProblem', () => {
	it('reads path:line: field: message', () => {
		expect(
			formatProblem({ file: 'content/articles/a.md', line: 3, field: 'date', message: 'is wrong' }),
		).toBe('content/articles/a.md:3: date: is wrong');
	});
});

describe('editDistance and closestKey', () => {
	it('counts single-letter edits', () => {
		expect(editDistance('section', 'section')).toBe(0);
		expect(editDistance('sectoin', 'section')).toBe(2);
		expect(editDistance('titel', 'title')).toBe(2);
		expect(editDistance('author', 'authors')).toBe(1);
		expect(editDistance('', 'abc')).toBe(3);
		expect(editDistance('kitten', 'sitting')).toBe(3);
	});

	it('suggests the nearest known key for a typo, ignoring case', () => {
		expect(closestKey('sectoin', ARTICLE_KEYS)).toBe('section');
		expect(closestKey('authors', ARTICLE_KEYS)).toBe('author');
		expect(closestKey('Title', ARTICLE_KEYS)).toBe('title');
		expect(closestKey('tag', ARTICLE_KEYS)).toBe('tags');
		expect(closestKey('correction', ARTICLE_KEYS)).toBe('corrections');
	});

	it('suggests nothing when no key is close', () => {
		expect(closestKey('headline', ARTICLE_KEYS)).toBeUndefined();
		expect(closestKey('xyzzy', ARTICLE_KEYS)).toBeUndefined();
	});
});

describe('validateArticle: valid files', () => {
	it('finds nothing wrong with a valid article', () => {
		expect(check(rawArticle(linesWith({})))).toEqual([]);
	});

	it('finds nothing wrong with a full article', () => {
		const raw = rawArticle(
			linesWith({}, [
				'countries: [kazakhstan, region]',
				'tags: [budget, oil]',
				'summary: "Deputies back a plan: a cautious one."',
				'updated: 2025-12-18T10:00:00+05:00',
				'draft: false',
				'image:',
				'  src: ./lead.jpg',
				'  alt: Deputies voting',
				'corrections:',
				'  - date: 2025-12-18',
				'    text: A name was misspelt.',
			]),
		);
		expect(check(raw)).toEqual([]);
	});

	it('accepts <slug>/index.md and .mdx files', () => {
		expect(check(rawArticle(linesWith({})), 'budget-vote/index.md')).toEqual([]);
		expect(
			check(rawArticle(linesWith({}), "import X from './x.js';\n\n<X />\n"), 'budget-vote.mdx'),
		).toEqual([]);
	});

	it('accepts a file saved with Windows line endings', () => {
		const raw = rawArticle(linesWith({}, ['countries: kazakhstan'])).replace(/\n/g, '\r\n');
		expect(check(raw)).toEqual([]);
	});
});

describe('validateArticle: broken YAML', () => {
	it('reports an unclosed double quote on line 2 at line 2', () => {
		const raw = rawArticle(linesWith({ 2: 'title: "Budget approved' }));
		expect(check(raw)).toEqual([
			`${FILE}:2: (front-matter): broken YAML (Missing closing "quote), ${BROKEN_YAML_HINT}`,
		]);
	});

	it('reports an unclosed single quote on line 2 at line 2', () => {
		const raw = rawArticle(linesWith({ 2: "title: 'Budget approved" }));
		expect(check(raw)).toEqual([
			`${FILE}:2: (front-matter): broken YAML (Missing closing 'quote), ${BROKEN_YAML_HINT}`,
		]);
	});

	it('reports an unclosed quote at its line even when a later line holds an apostrophe', () => {
		const raw = rawArticle(
			linesWith({ 2: 'title: "Budget approved' }, ["summary: Kazakhstan's budget passes"]),
		);
		expect(check(raw)).toEqual([
			`${FILE}:2: (front-matter): broken YAML (Missing closing "quote), ${BROKEN_YAML_HINT}`,
		]);
	});

	it('reports an unclosed quote on a later line at that line', () => {
		const raw = rawArticle(linesWith({ 4: 'author: "Aigerim Sadykova' }));
		expect(check(raw)).toEqual([
			`${FILE}:4: (front-matter): broken YAML (Missing closing "quote), ${BROKEN_YAML_HINT}`,
		]);
	});

	it('reports the line with Windows line endings too', () => {
		const raw = rawArticle(linesWith({ 2: 'title: "Budget approved' })).replace(/\n/g, '\r\n');
		expect(check(raw)).toEqual([
			`${FILE}:2: (front-matter): broken YAML (Missing closing "quote), ${BROKEN_YAML_HINT}`,
		]);
	});

	it('reports an unquoted colon', () => {
		const raw = rawArticle(linesWith({ 2: 'title: Budget: approved' }));
		expect(check(raw)).toEqual([
			`${FILE}:2: (front-matter): broken YAML (Nested mappings are not allowed in compact mappings), ${BROKEN_YAML_HINT}`,
		]);
	});

	it('reports a duplicate key at the duplicate', () => {
		const raw = rawArticle(linesWith({}, ['title: Again']));
		expect(check(raw)).toEqual([
			`${FILE}:6: (front-matter): has "title" twice, expected each field once`,
		]);
	});

	it('never throws, whatever the input', () => {
		for (const raw of [
			'---\n"\n---\n',
			'---\n: :\n---\n',
			'---\n\t- [\n---\n',
			'---\n',
			'---\n---',
			'',
		]) {
			expect(() => check(raw)).not.toThrow();
			expect(check(raw).length).toBeGreaterThan(0);
		}
	});
});

describe('validateArticle: missing or malformed front-matter', () => {
	it('reports a file without a front-matter block', () => {
		expect(check('# Just a body\n')).toEqual([
			`${FILE}:1: (front-matter): is missing, expected the file to start with a --- block`,
		]);
	});

	it('reports front-matter that is not key: value lines', () => {
		expect(check('---\n- a\n- b\n---\nBody.\n')).toEqual([
			`${FILE}:2: (front-matter): is a list, expected "key: value" lines`,
		]);
	});

	it('reports every required key of an empty front-matter block', () => {
		const lines = check('---\n---\nBody.\n');
		expect(lines.map((l) => l.split(': ')[0])).toEqual([
			`${FILE}:1`,
			`${FILE}:1`,
			`${FILE}:1`,
			`${FILE}:1`,
		]);
		expect(lines.map((l) => l.split(': ')[1])).toEqual(['title', 'date', 'author', 'section']);
	});
});

describe('validateArticle: field problems', () => {
	it('reports a missing title (at line 1, where the block starts)', () => {
		expect(check(rawArticle(linesWith({ 2: null })))).toEqual([
			`${FILE}:1: title: is missing, expected a headline as text`,
		]);
	});

	it('reports an empty title at its line', () => {
		expect(check(rawArticle(linesWith({ 2: 'title: ""' })))).toEqual([
			`${FILE}:2: title: must not be empty, expected a headline`,
		]);
	});

	it('reports an impossible date at the line of the date key', () => {
		expect(check(rawArticle(linesWith({ 3: 'date: 2025-13-45' })))).toEqual([
			`${FILE}:3: date: "2025-13-45" is not a real calendar date`,
		]);
		expect(check(rawArticle(linesWith({ 3: 'date: 2025-02-30' })))).toEqual([
			`${FILE}:3: date: "2025-02-30" is not a real calendar date`,
		]);
	});

	it('accepts 29 February in a leap year', () => {
		expect(check(rawArticle(linesWith({ 3: 'date: 2024-02-29' })))).toEqual([]);
	});

	it('reports an unknown section at its line, naming the sections', () => {
		expect(check(rawArticle(linesWith({ 5: 'section: sport' })))).toEqual([
			`${FILE}:5: section: "sport" is not a section, expected one of ${SECTION_LIST}`,
		]);
	});

	it('reports a misspelt key at its line with a suggestion', () => {
		const lines = check(rawArticle(linesWith({ 5: 'sectoin: economy' })));
		expect(lines).toContain(`${FILE}:5: sectoin: unknown field, did you mean "section"?`);
		// The real key is then missing too (reported at line 1, like every missing key).
		expect(lines).toEqual([
			`${FILE}:1: section: is missing, expected one of ${SECTION_LIST}`,
			`${FILE}:5: sectoin: unknown field, did you mean "section"?`,
		]);
	});

	it('lists the known keys for an unknown key that resembles none', () => {
		expect(check(rawArticle(linesWith({}, ['headline: Budget'])))).toEqual([
			`${FILE}:6: headline: unknown field, expected one of ${ARTICLE_KEYS.join(', ')}`,
		]);
	});

	it('reports an unknown key inside the image at its line', () => {
		const raw = rawArticle(
			linesWith({}, ['image:', '  src: ./lead.jpg', '  alt: Deputies voting', '  width: 300']),
		);
		expect(check(raw)).toEqual([
			`${FILE}:9: image.width: unknown field, expected one of the documented keys`,
		]);
	});

	it('reports nested problems at their own lines with their full field names', () => {
		const raw = rawArticle(
			linesWith({}, [
				'image:',
				'  src: ./lead.jpg',
				'  alt: Deputies voting',
				'corrections:',
				'  - date: 2025-12-18',
				'    text: Fine.',
				'  - date: 2025-12-40',
				'    text: ""',
			]),
		);
		expect(check(raw)).toEqual([
			`${FILE}:12: corrections[1].date: "2025-12-40" is not a real calendar date`,
			`${FILE}:13: corrections[1].text: must not be empty, expected the correction`,
		]);
	});

	it('reports an image without alt at the image key', () => {
		const raw = rawArticle(linesWith({}, ['image:', '  src: ./lead.jpg']));
		expect(check(raw)).toEqual([
			`${FILE}:6: image.alt: is missing, expected a description of the image (or \`decorative: true\`)`,
		]);
	});

	it('reports an empty alt at its line', () => {
		const raw = rawArticle(linesWith({}, ['image:', '  src: ./lead.jpg', '  alt: ""']));
		expect(check(raw)).toEqual([
			`${FILE}:8: image.alt: is empty, expected a description of the image (or \`decorative: true\`)`,
		]);
	});

	it('reports updated before date at the updated line', () => {
		expect(check(rawArticle(linesWith({}, ['updated: 2025-12-16'])))).toEqual([
			`${FILE}:6: updated: is before \`date\`, expected a time on or after it`,
		]);
	});

	it('reports a draft flag that is not a boolean', () => {
		expect(check(rawArticle(linesWith({}, ['draft: yes'])))).toEqual([
			`${FILE}:6: draft: expected true or false`,
		]);
	});

	it('reports a file name that cannot be a URL, on line 1', () => {
		expect(check(rawArticle(linesWith({})), 'Budget Vote.md')).toEqual([
			'content/articles/Budget Vote.md:1: (file name): "Budget Vote" cannot be a URL, expected lower-case letters, digits and hyphens, like "budget-vote-2026"',
		]);
	});
});

describe('validateArticle: several problems in one file', () => {
	it('reports them all, in line order', () => {
		const raw = rawArticle([
			'title: ""',
			'date: 2025-02-30',
			'author: Aigerim Sadykova',
			'section: sport',
			'tags: [budget]',
			'sumary: A standfirst.',
		]);
		expect(check(raw)).toEqual([
			`${FILE}:2: title: must not be empty, expected a headline`,
			`${FILE}:3: date: "2025-02-30" is not a real calendar date`,
			`${FILE}:5: section: "sport" is not a section, expected one of ${SECTION_LIST}`,
			`${FILE}:7: sumary: unknown field, did you mean "summary"?`,
		]);
	});

	it('reports cross-field problems (updated before date, empty alt) beside other problems', () => {
		const raw = rawArticle([
			'title: A headline',
			'date: 2025-13-45',
			'author: Aigerim Sadykova',
			'section: economy',
			'updated: 2020-01-01',
			'image:',
			'  src: ./lead.jpg',
			'  alt: ""',
		]);
		expect(check(raw)).toEqual([
			`${FILE}:3: date: "2025-13-45" is not a real calendar date`,
			`${FILE}:9: image.alt: is empty, expected a description of the image (or \`decorative: true\`)`,
		]);
	});

	it('reports an empty alt and an early update together with an unknown key', () => {
		const raw = rawArticle([
			...linesWith({}),
			'updated: 2025-12-16',
			'colour: red',
			'image:',
			'  src: ./lead.jpg',
			'  alt: ""',
		]);
		expect(check(raw)).toEqual([
			`${FILE}:6: updated: is before \`date\`, expected a time on or after it`,
			`${FILE}:7: colour: unknown field, expected one of ${ARTICLE_KEYS.join(', ')}`,
			`${FILE}:10: image.alt: is empty, expected a description of the image (or \`decorative: true\`)`,
		]);
	});

	it('reports schema problems beside a bad file name', () => {
		const lines = check(
			rawArticle(linesWith({ 3: 'date: 2025-13-45', 5: 'section: sport' })),
			'Budget_Vote.md',
		);
		expect(lines).toHaveLength(3);
		expect(lines[0]).toMatch(
			/^content\/articles\/Budget_Vote\.md:1: \(file name\): "Budget_Vote" cannot be a URL/,
		);
		expect(lines[1]).toBe(
			'content/articles/Budget_Vote.md:3: date: "2025-13-45" is not a real calendar date',
		);
		expect(lines[2]).toBe(
			`content/articles/Budget_Vote.md:5: section: "sport" is not a section, expected one of ${SECTION_LIST}`,
		);
	});
});

describe('validateTicker', () => {
	const TICKER_FILE = 'content/ticker/2025-12-17.json';
	const checkTicker = (raw: string, fileName = '2025-12-17.json') =>
		validateTicker(`content/ticker/${fileName}`, fileName, raw).map(formatProblem);
	const json = (value: unknown) => JSON.stringify(value, null, 2);
	const good = { date: '2025-12-17', base: 'USD', rates: { KGS: 87.41, KZT: 515.46 } };

	it('finds nothing wrong with a valid snapshot', () => {
		expect(checkTicker(json(good))).toEqual([]);
		expect(checkTicker(JSON.stringify(good))).toEqual([]);
	});

	it('reports broken JSON at the line where it breaks', () => {
		const raw = '{\n  "date": "2025-12-17",\n  "base": "USD",\n  "rates": {"KGS": 87.41,,}\n}\n';
		const lines = checkTicker(raw);
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatch(
			/^content\/ticker\/2025-12-17\.json:4: \(json\): broken JSON \(.+\), expected \{"date", "base", "rates"\}$/,
		);
	});

	it('reports empty or truncated JSON', () => {
		expect(checkTicker('')).toEqual([
			`${TICKER_FILE}:1: (json): broken JSON (Unexpected end of JSON input), expected {"date", "base", "rates"}`,
		]);
		expect(checkTicker('{"date": "2025-12-17"')[0]).toMatch(/: \(json\): broken JSON \(/);
	});

	it('reports a negative rate at its line', () => {
		const raw = json({ ...good, rates: { KGS: 87.41, KZT: -515.46 } });
		expect(checkTicker(raw)).toEqual([`${TICKER_FILE}:6: rates.KZT: must be above 0`]);
	});

	it('reports a date that does not match the file name', () => {
		expect(checkTicker(json({ ...good, date: '2025-12-16' }))).toEqual([
			`${TICKER_FILE}:2: date: is "2025-12-16", expected "2025-12-17" to match the file name`,
		]);
	});

	it('reports an impossible day, where the ticker would show it', () => {
		expect(checkTicker(json({ ...good, date: '2025-02-30' }), '2025-02-30.json')).toEqual([
			'content/ticker/2025-02-30.json:2: date: is not a real calendar date, expected the snapshot day as YYYY-MM-DD',
		]);
	});

	it('reports a malformed date rather than a mismatch', () => {
		expect(checkTicker(json({ ...good, date: '17.12.2025' }))).toEqual([
			`${TICKER_FILE}:2: date: expected the snapshot day as YYYY-MM-DD`,
		]);
	});

	it('reports missing fields and suggests the key meant', () => {
		const raw = json({ date: '2025-12-17', base: 'USD', rattes: { KGS: 87.41 } });
		expect(checkTicker(raw)).toEqual([
			`${TICKER_FILE}:1: rates: is missing, expected { "CODE": units per 1 base, … }`,
			`${TICKER_FILE}:4: rattes: unknown field, did you mean "rates"?`,
		]);
	});

	it('reports a snapshot without any configured currency', () => {
		expect(checkTicker(json({ ...good, rates: { EUR: 0.95 } }))).toEqual([
			`${TICKER_FILE}:4: rates: holds none of KGS, KZT, TJS, TMT, UZS`,
		]);
	});

	it('reports several problems at once', () => {
		const raw = json({ date: '2025-12-17', base: 'usd', rates: { KGS: 0, KZT: 'many' } });
		expect(checkTicker(raw)).toEqual([
			`${TICKER_FILE}:3: base: expected a three-letter currency code like USD`,
			`${TICKER_FILE}:5: rates.KGS: must be above 0`,
			`${TICKER_FILE}:6: rates.KZT: expected a number of units per 1 base`,
		]);
	});
});

describe('checkContent (npm run check)', () => {
	const root = path.join('tests', 'unit', 'fixtures', 'check-content');
	const shown = (...parts: string[]) => path.relative(process.cwd(), path.resolve(root, ...parts));

	it('reports every problem in a content folder at once', async () => {
		const { problems, articles, snapshots } = await checkContent(path.resolve(root));
		expect(articles).toBe(4);
		expect(snapshots).toBe(3);
		expect(problems.map(formatProblem)).toEqual([
			`${shown('articles', 'Bad_Name.md')}:1: (file name): "Bad_Name" cannot be a URL, expected lower-case letters, digits and hyphens, like "budget-vote-2026"`,
			`${shown('articles', 'Bad_Name.md')}:5: section: "sport" is not a section, expected one of ${SECTION_LIST}`,
			`${shown('articles', 'dup', 'index.md')}:1: (file name): gives the slug "dup" that ${shown('articles', 'dup.md')} already has, expected a unique name`,
			`${shown('ticker', '2025-12-16.json')}:2: date: is "2025-12-15", expected "2025-12-16" to match the file name`,
			`${shown('ticker', 'latest.json')}:1: (file name): expected a snapshot named YYYY-MM-DD.json`,
		]);
	});

	it('reports a content folder without articles', async () => {
		const missing = path.resolve(root, 'does-not-exist');
		const { problems, articles, snapshots } = await checkContent(missing);
		expect([articles, snapshots]).toEqual([0, 0]);
		expect(problems.map(formatProblem)).toEqual([
			`${path.relative(process.cwd(), path.join(missing, 'articles'))}:1: (folder): holds no articles, expected .md or .mdx files`,
		]);
	});
});
