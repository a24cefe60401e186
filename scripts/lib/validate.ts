/**
 * Validation of raw content files against the schemas, reported the way writers need it:
 * `path:line: field: what is wrong, what is expected`, every problem at once, never a stack trace.
 */
import { isMap, isSeq, parseDocument, type Document } from 'yaml';
import type { z } from 'astro/zod';
import { ARTICLE_KEYS, articleSchema, tickerSchema } from '../../src/lib/schema.ts';
import {
	FrontmatterSyntaxError,
	normaliseText,
	parseFrontmatter,
	type ParsedFrontmatter,
} from '../../src/lib/frontmatter.ts';
import { resolveImageSrc } from '../../src/lib/imagePaths.ts';
import { DEFAULT_LANG, langPrefix, type Lang } from '../../src/i18n/ui.ts';
import { scanBody } from '../../src/lib/references.ts';
import { slugFromPath } from '../../src/lib/slug.ts';

export interface Problem {
	file: string;
	line: number;
	field: string;
	message: string;
}

export function formatProblem(p: Problem): string {
	return `${p.file}:${p.line}: ${p.field}: ${p.message}`;
}

/** Edit distance, for "did you mean" hints on misspelt keys. */
export function editDistance(a: string, b: string): number {
	let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		const row = [i];
		for (let j = 1; j <= b.length; j++) {
			row[j] = Math.min(
				(previous[j] as number) + 1,
				(row[j - 1] as number) + 1,
				(previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
			);
		}
		previous = row;
	}
	return previous[b.length] as number;
}

/** The known key closest to `key`, when it is close enough to be a typo. */
export function closestKey(key: string, known: readonly string[]): string | undefined {
	let best: { key: string; distance: number } | undefined;
	for (const candidate of known) {
		const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
		if (!best || distance < best.distance) best = { key: candidate, distance };
	}
	return best && best.distance <= Math.max(2, Math.floor(best.key.length / 3))
		? best.key
		: undefined;
}

/** 1-based line (in `text`) where the node at `path` starts, or of its nearest located parent. */
function lineOf(
	doc: Document,
	text: string,
	path: readonly PropertyKey[],
	lineOffset: number,
): number {
	for (let depth = path.length; depth > 0; depth--) {
		const parentPath = path.slice(0, depth - 1) as (string | number)[];
		const parent = parentPath.length ? doc.getIn(parentPath, true) : doc.contents;
		const key = path[depth - 1];
		let offset: number | undefined;
		if (isMap(parent)) {
			const pair = parent.items.find(
				(item) => (item.key as { value?: unknown } | null)?.value === key,
			);
			offset = (pair?.key as { range?: number[] } | undefined)?.range?.[0];
		} else if (isSeq(parent) && typeof key === 'number') {
			offset = (parent.items[key] as { range?: number[] } | undefined)?.range?.[0];
		}
		if (offset !== undefined) return lineOffset + text.slice(0, offset).split('\n').length - 1;
	}
	return 1;
}

function fieldName(path: readonly PropertyKey[]): string {
	return path.reduce<string>(
		(name, part) =>
			typeof part === 'number'
				? `${name}[${part}]`
				: name
					? `${name}.${String(part)}`
					: String(part),
		'',
	);
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
	return path.reduce<unknown>(
		(value, key) =>
			value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined,
		data,
	);
}

/**
 * At most this many schema problems are listed per file. A pasted data dump can hold 100,000
 * unknown keys: listing (and locating) each would take minutes and bury the first lines.
 */
export const MAX_PROBLEMS_PER_FILE = 20;

/** The first `MAX_PROBLEMS_PER_FILE` problems' issues (unknown keys count one each), and how many were left out. */
function firstIssues(issues: readonly z.core.$ZodIssue[]): {
	issues: z.core.$ZodIssue[];
	left: number;
} {
	const kept: z.core.$ZodIssue[] = [];
	let room = MAX_PROBLEMS_PER_FILE;
	let left = 0;
	for (const issue of issues) {
		const size = issue.code === 'unrecognized_keys' ? issue.keys.length : 1;
		if (size <= room) kept.push(issue);
		else if (room > 0 && issue.code === 'unrecognized_keys')
			kept.push({ ...issue, keys: issue.keys.slice(0, room) });
		left += Math.max(0, size - room);
		room = Math.max(0, room - size);
	}
	return { issues: kept, left };
}

/** Problems from a zod failure, located in the YAML/JSON source; past the limit, one line counts the rest. */
function schemaProblems(
	...[file, issues, ...rest]: Parameters<typeof issuesToProblems>
): Problem[] {
	const first = firstIssues(issues);
	const problems = issuesToProblems(file, first.issues, ...rest).sort((a, b) => a.line - b.line);
	if (first.left) {
		const line = problems.at(-1)?.line ?? 1;
		problems.push({
			file,
			line,
			field: '(file)',
			message: `has ${first.left} more problems like these, not listed, expected only the documented fields`,
		});
	}
	return problems;
}

/** Problems from a zod failure, located in the YAML/JSON source. */
function issuesToProblems(
	file: string,
	issues: readonly z.core.$ZodIssue[],
	data: unknown,
	locate: (path: readonly PropertyKey[]) => number,
	knownKeys: readonly string[],
	/** What to call the whole document when a problem has no field. */
	rootField = '(front-matter)',
): Problem[] {
	return issues.flatMap((issue): Problem[] => {
		if (issue.code === 'unrecognized_keys') {
			return issue.keys.map((key) => {
				const path = [...issue.path, key];
				const suggestion = issue.path.length === 0 ? closestKey(key, knownKeys) : undefined;
				return {
					file,
					line: locate(path),
					field: fieldName(path),
					message: suggestion
						? `unknown field, did you mean "${suggestion}"?`
						: `unknown field, expected one of ${issue.path.length === 0 ? knownKeys.join(', ') : 'the documented keys'}`,
				};
			});
		}
		if (issue.code === 'invalid_union' && issue.errors.length) {
			// "One value or a list": report the branch that got furthest into the value.
			const depth = (branch: readonly z.core.$ZodIssue[]) =>
				Math.max(...branch.map((i) => i.path.length));
			const best = issue.errors.reduce((a, b) => (depth(b) > depth(a) ? b : a));
			const nested = best.map(
				(inner) => ({ ...inner, path: [...issue.path, ...inner.path] }) as z.core.$ZodIssue,
			);
			return issuesToProblems(file, nested, data, locate, knownKeys, rootField);
		}
		const missing = valueAt(data, issue.path) === undefined;
		const message =
			missing && issue.message.startsWith('expected')
				? `is missing, ${issue.message}`
				: issue.message;
		return [{ file, line: locate(issue.path), field: fieldName(issue.path) || rootField, message }];
	});
}

/** Where a YAML error really starts: an unclosed quote is reported where the parser gave up. */
function yamlErrorLine(error: FrontmatterSyntaxError): number {
	const line = error.yamlError.linePos?.[0]?.line ?? 1;
	const quote = /Missing closing (["'])/.exec(error.yamlError.message)?.[1];
	if (quote) {
		const lines = error.yaml.split('\n');
		for (let i = Math.min(line, lines.length) - 1; i >= 0; i--) {
			if ((lines[i]?.split(quote).length ?? 1) % 2 === 0) return i + 1;
		}
	}
	return line;
}

/** One line for a front-matter that cannot be read as YAML (field "(front-matter)": nothing else can be checked). */
function yamlProblem(file: string, error: FrontmatterSyntaxError): Problem {
	const line = yamlErrorLine(error);
	if (error.plain) return { file, line, field: '(front-matter)', message: error.message };
	if ('code' in error.yamlError && error.yamlError.code === 'DUPLICATE_KEY') {
		const key = /^\s*["']?([^"':]+)/.exec(error.yaml.split('\n')[line - 1] ?? '')?.[1]?.trim();
		if (key)
			return {
				file,
				line,
				field: '(front-matter)',
				message: `has "${key}" twice, expected each field once`,
			};
	}
	const detail = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '');
	return {
		file,
		line,
		field: '(front-matter)',
		message: `broken YAML (${detail}), expected "key: value" lines; quote values that contain a colon or start with a quote`,
	};
}

const SLUG_FILE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Validate one article file. `file` is the path shown to the writer; `relativePath` is inside `articles/`. */
export function validateArticle(file: string, relativePath: string, raw: string): Problem[] {
	return validateAndParseArticle(file, relativePath, raw).problems;
}

/**
 * `validateArticle`'s problems, and the front-matter it read when it could, so `npm run check`
 * reads each file's YAML once (its edition and references need it too).
 */
export function validateAndParseArticle(
	file: string,
	relativePath: string,
	raw: string,
): { problems: Problem[]; parsed?: ParsedFrontmatter } {
	const problems: Problem[] = [];
	const slug = slugFromPath(relativePath);
	if (!SLUG_FILE.test(slug)) {
		problems.push({
			file,
			line: 1,
			field: '(file name)',
			message: `"${slug}" cannot be a URL, expected lower-case letters, digits and hyphens, like "budget-vote-2026"`,
		});
	}
	const text = normaliseText(raw);
	if (!text.trim()) {
		problems.push({
			file,
			line: 1,
			field: '(front-matter)',
			message: 'is missing (the file is empty), expected the file to start with a --- block',
		});
		return { problems };
	}
	if (!/^---\n/.test(text)) {
		problems.push({
			file,
			line: 1,
			field: '(front-matter)',
			message: 'is missing, expected the file to start with a --- block',
		});
		return { problems };
	}
	if (!/\n---/.test(text.slice(3))) {
		problems.push({
			file,
			line: 1,
			field: '(front-matter)',
			message: 'is never closed, expected a --- line after the last field',
		});
		return { problems };
	}
	let parsed: ParsedFrontmatter;
	try {
		parsed = parseFrontmatter(text);
	} catch (error) {
		if (!(error instanceof FrontmatterSyntaxError)) throw error;
		return { problems: [...problems, yamlProblem(file, error)] };
	}
	const data = parsed.data;
	if (!data || typeof data !== 'object' || Array.isArray(data)) {
		const what = Array.isArray(data) ? 'is a list' : 'is a single value';
		return {
			problems: [
				...problems,
				{ file, line: 2, field: '(front-matter)', message: `${what}, expected "key: value" lines` },
			],
			parsed,
		};
	}
	const result = articleSchema.safeParse(data);
	if (!result.success) {
		const locate = (path: readonly PropertyKey[]) => lineOf(parsed.doc, parsed.yaml, path, 1);
		problems.push(...schemaProblems(file, result.error.issues, data, locate, ARTICLE_KEYS));
	}
	return { problems: problems.sort((a, b) => a.line - b.line), parsed };
}

/** Validate one ticker snapshot file (`YYYY-MM-DD.json`). */
export function validateTicker(file: string, fileName: string, raw: string): Problem[] {
	let data: unknown;
	raw = normaliseText(raw);
	try {
		data = JSON.parse(raw);
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		const at = /position (\d+)/.exec(message);
		const line = at ? raw.slice(0, Number(at[1])).split('\n').length : 1;
		return [
			{
				file,
				line,
				field: '(json)',
				message: `broken JSON (${message.split('\n')[0]}), expected {"date", "base", "rates"}`,
			},
		];
	}
	const locate = (path: readonly PropertyKey[]) => {
		const key = path.at(-1);
		if (typeof key !== 'string') return 1;
		const index = raw.indexOf(`"${key}"`);
		return index < 0 ? 1 : raw.slice(0, index).split('\n').length;
	};
	const result = tickerSchema.safeParse(data);
	const problems = result.success
		? []
		: schemaProblems(
				file,
				result.error.issues,
				data,
				locate,
				Object.keys(tickerSchema.shape),
				'(json)',
			);
	const day = fileName.replace(/\.json$/, '');
	if (result.success && result.data.date !== day) {
		problems.push({
			file,
			line: locate(['date']),
			field: 'date',
			message: `is "${result.data.date}", expected "${day}" to match the file name`,
		});
	}
	return problems.sort((a, b) => a.line - b.line);
}

/** What reference checks need from the outside world (injected, so they are testable). */
export interface ContentIndex {
	contentDir: string;
	/** Slugs of every article file by edition (drafts included: they will be published). */
	slugs: ReadonlyMap<string, ReadonlySet<string>>;
	/** `undefined` when the file is a readable image, else what is wrong ("does not exist", "…"). */
	inspectImage(file: string): Promise<string | undefined>;
}

/**
 * What `validateReferences` decides from the file alone, in the order it is reported: a problem,
 * or a check against the rest of the content (an image to inspect, a slug to look up). Plain data,
 * so `npm run check` can keep it per file digest and settle the checks afresh on every run.
 */
export type ReferenceCheck =
	| { kind: 'problem'; problem: Problem }
	| { kind: 'image'; file: string; src: string; line: number; field: string; what: string }
	/** `edition`: where a link points (`/ru/articles/…` → ru); none for `<Related>`, which names a story of its own edition. */
	| { kind: 'slug'; reference: 'link' | 'related'; value: string; line: number; edition?: string };

/**
 * The checks of what an article points at: its lead image, images in its body, links to
 * `/articles/<slug>/` and `<Related slug>`. `articleFile` is the article's absolute path. Run it
 * on files `validateArticle` found no front-matter problems in; `parsed`, that front-matter as
 * `validateAndParseArticle` read it, saves reading the YAML again.
 */
export function referenceChecks(
	file: string,
	articleFile: string,
	raw: string,
	contentDir: string,
	parsed?: Pick<ParsedFrontmatter, 'yaml' | 'doc'>,
): ReferenceCheck[] {
	const checks: ReferenceCheck[] = [];
	const problem = (line: number, field: string, message: string) =>
		checks.push({ kind: 'problem', problem: { file, line, field, message } });
	raw = normaliseText(raw);
	const block = /^---\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/.exec(raw);
	const yamlText = block?.[1] ?? '';
	const content = raw.slice(block?.[0].length ?? 0);
	// The parser's block starts with the newline after the opening ---: the same YAML a line lower.
	const reused = parsed?.yaml === `\n${yamlText}` ? parsed : undefined;
	const doc = reused ? reused.doc : parseDocument(yamlText, { schema: 'core' });
	const imageLine = () =>
		reused
			? lineOf(reused.doc, reused.yaml, ['image', 'src'], 1)
			: lineOf(doc, yamlText, ['image', 'src'], 2);
	const checkImage = (src: string, line: number, field: string, what: string) => {
		const resolved = resolveImageSrc(src, articleFile, contentDir);
		if (!resolved.ok) problem(line, field, `${what}${resolved.message}`);
		else checks.push({ kind: 'image', file: resolved.file, src, line, field, what });
	};
	const imageSrc = doc.getIn(['image', 'src']);
	if (typeof imageSrc === 'string' && imageSrc.trim()) {
		checkImage(imageSrc, imageLine(), 'image.src', '');
	}
	const firstLine = raw.slice(0, raw.length - content.length).split('\n').length;
	const scan = scanBody(
		content,
		articleFile.toLowerCase().endsWith('.mdx') ? 'mdx' : 'md',
		firstLine,
	);
	if (!scan.ok) {
		problem(scan.line, 'body', scan.message);
		return checks;
	}
	for (const reference of scan.references) {
		const { line, value } = reference;
		if (reference.kind === 'image') {
			if (!reference.alt?.trim()) {
				problem(
					line,
					'body',
					`image "${value}" has no description, expected ![what it shows](${value}) or <Figure alt="what it shows">`,
				);
			}
			if (value) checkImage(value, line, 'body', 'image ');
			else problem(line, 'body', '<Figure> has no src, expected src="./photo.jpg"');
		} else if (reference.kind === 'link')
			checks.push({
				kind: 'slug',
				reference: 'link',
				value,
				line,
				edition: reference.edition ?? DEFAULT_LANG,
			});
		else checks.push({ kind: 'slug', reference: 'related', value, line });
	}
	return checks;
}

/**
 * The problem a slug check finds, when the slug names no article of its edition: a link's edition
 * is in its URL; `<Related>` looks in `storyEdition`, as the build does.
 */
export function slugProblem(
	file: string,
	check: Extract<ReferenceCheck, { kind: 'slug' }>,
	slugs: ContentIndex['slugs'],
	storyEdition: string = DEFAULT_LANG,
): Problem | undefined {
	const { line, value } = check;
	const edition = check.edition ?? storyEdition;
	if (slugs.get(edition)?.has(value)) return undefined;
	if (check.reference === 'link') {
		const url = `${langPrefix(edition as Lang)}/articles/${value}/`;
		return {
			file,
			line,
			field: 'body',
			message: `links to ${url} but there is no article "${value}", expected the slug (file name) of an existing article`,
		};
	}
	const where = edition === DEFAULT_LANG ? '' : ` in the story's edition (${edition})`;
	return {
		file,
		line,
		field: 'body',
		message: value
			? `<Related slug="${value}"> names no article${where}, expected the slug (file name) of an existing article${where ? ' of that edition' : ''}`
			: '<Related> has no slug, expected slug="other-story"',
	};
}

/** Settle reference checks against the content: the problems they find, in order. */
export async function settleReferenceChecks(
	file: string,
	checks: readonly ReferenceCheck[],
	index: ContentIndex,
	storyEdition: string = DEFAULT_LANG,
): Promise<Problem[]> {
	const problems: Problem[] = [];
	for (const check of checks) {
		if (check.kind === 'problem') problems.push({ ...check.problem, file });
		else if (check.kind === 'slug') {
			const found = slugProblem(file, check, index.slugs, storyEdition);
			if (found) problems.push(found);
		} else {
			const trouble = await index.inspectImage(check.file);
			if (trouble)
				problems.push({
					file,
					line: check.line,
					field: check.field,
					message: `${check.what}"${check.src}" ${trouble}`,
				});
		}
	}
	return problems;
}

/** Check what an article points at (see `referenceChecks`) against the content. */
export async function validateReferences(
	file: string,
	articleFile: string,
	raw: string,
	index: ContentIndex,
	storyEdition: string = DEFAULT_LANG,
): Promise<Problem[]> {
	return settleReferenceChecks(
		file,
		referenceChecks(file, articleFile, raw, index.contentDir),
		index,
		storyEdition,
	);
}
