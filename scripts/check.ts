/**
 * `npm run check [-- <files…> | --changed | --staged]`: validate the content under CONTENT_DIR and
 * report all problems at once. Exit 0 when clean, 1 when anything is wrong, 2 when the command
 * itself was misused. Also the first step of the build.
 *
 * Each file's own checks are cached by the digest of its text (scripts/lib/checkCache.ts); the rules
 * across files (unique slugs, links to other stories, translations) run on every check, over an
 * index of every article. Given files, only problems in those files, or across files involving
 * them (a link to a story deleted in one of them), are reported.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { contentDir } from '../src/config.ts';
import { DEFAULT_LANG, LANGS } from '../src/i18n/ui.ts';
import { errorAnnotation } from './lib/annotations.ts';
import { decodeContent } from '../src/lib/frontmatter.ts';
import { slugFromPath } from '../src/lib/slug.ts';
import { articleLang, translationProblems, type Translatable } from '../src/lib/translations.ts';
import {
	formatProblem,
	validateAndParseArticle,
	referenceChecks,
	settleReferenceChecks,
	slugProblem,
	validateTicker,
	type ContentIndex,
	type Problem,
	type ReferenceCheck,
} from './lib/validate.ts';
import { changedFiles } from './lib/changedFiles.ts';
import { StatMemo } from './lib/statMemo.ts';
import {
	cacheFile,
	codeVersion,
	fileKey,
	loadCache,
	saveCache,
	type CacheData,
	type ImageState,
} from './lib/checkCache.ts';

/** What one file's checks found from its text alone: the cached part of a check. */
export interface FileResult {
	/** Problems (with `file` left empty) and checks against the rest of the content, in order. */
	checks: ReferenceCheck[];
	/** An article's edition, when its front-matter could be read. */
	edition?: { lang: string; translationOf?: string; line: number };
}

/** Files under `dir` whose names match, `/`-separated, sorted (a walk: faster than a recursive readdir). */
function filesUnder(dir: string, pattern: RegExp): string[] {
	const found: string[] = [];
	const walk = (folder: string, prefix: string) => {
		for (const entry of readdirSync(folder, { withFileTypes: true })) {
			if (entry.isDirectory()) walk(path.join(folder, entry.name), `${prefix}${entry.name}/`);
			else if (entry.isFile() && pattern.test(entry.name)) found.push(`${prefix}${entry.name}`);
		}
	};
	try {
		walk(dir, '');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
		throw error;
	}
	return found.sort();
}

const asChecks = (problems: Problem[]): ReferenceCheck[] =>
	problems.map((problem) => ({ kind: 'problem', problem }));

/** One article's own checks. `relative` is its path inside `articles/`. */
export function analyseArticle(
	relative: string,
	file: string,
	raw: string,
	root: string,
): FileResult {
	const { problems, parsed } = validateAndParseArticle('', relative, raw);
	const checks = asChecks(problems);
	// The edition and references need readable front-matter: a broken block has already said why.
	if (
		!parsed ||
		checks.some((check) => check.kind === 'problem' && check.problem.field === '(front-matter)')
	)
		return { checks };
	const lineOfKey = (key: string) => {
		const at = raw.split('\n').findIndex((line) => line.startsWith(`${key}:`));
		return at < 0 ? 1 : at + 1;
	};
	const data = parsed.data as { lang?: unknown; translationOf?: unknown };
	const edition = articleLang(
		relative,
		typeof data.lang === 'string' ? data.lang : undefined,
		LANGS,
		DEFAULT_LANG,
	);
	if (edition.problem)
		checks.push(
			...asChecks([{ file: '', line: lineOfKey('lang'), field: 'lang', message: edition.problem }]),
		);
	checks.push(...referenceChecks('', file, raw, root, parsed));
	const translationOf = typeof data.translationOf === 'string' ? data.translationOf : undefined;
	return {
		checks,
		edition: { lang: edition.lang, translationOf, line: lineOfKey('translationOf') },
	};
}

/** One ticker snapshot's checks. */
function analyseTicker(name: string, raw: string): FileResult {
	if (!/^\d{4}-\d{2}-\d{2}\.json$/.test(name)) {
		return {
			checks: asChecks([
				{
					file: '',
					line: 1,
					field: '(file name)',
					message: 'expected a snapshot named YYYY-MM-DD.json',
				},
			]),
		};
	}
	return { checks: asChecks(validateTicker('', name, raw)) };
}

/** The result of a file that cannot be text (binary, not UTF-8, too big): its one problem. */
const unreadable = (problem: { line: number; message: string }): FileResult => ({
	checks: asChecks([{ file: '', line: problem.line, field: '(file)', message: problem.message }]),
});

/** A content file's digest (the key of its cached result), or the result of one that is not text. */
type Digest = { key: string } | { result: FileResult };

const byLine = (problems: Problem[]) => problems.sort((a, b) => a.line - b.line);

export interface CheckOptions {
	/**
	 * Check only these files (absolute paths; deleted files and images count): their own problems,
	 * and problems across files that involve them. Every file is checked when not given.
	 */
	only?: readonly string[];
	/** Use and update the cache of per-file results (default true). */
	cache?: boolean;
}

export interface CheckResult {
	problems: Problem[];
	articles: number;
	snapshots: number;
	/** Articles and snapshots whose own problems were reported. */
	checked: number;
	/** Content files read: the others' stat was unchanged since the last check. */
	read: number;
}

/** Validate the content folder; returns every problem and what was checked. */
export async function checkContent(
	root = contentDir(),
	options: CheckOptions = {},
): Promise<CheckResult> {
	// Paths as the writer knows them: relative to the project when inside it, else absolute.
	const shown = (file: string) => {
		const relative = path.relative(process.cwd(), file);
		return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
	};
	const useCache = options.cache ?? true;
	const version = useCache ? codeVersion() : '';
	const cache: CacheData<FileResult> = useCache
		? await loadCache<FileResult>(root, version)
		: { version, files: {}, images: {} };
	const only = options.only && new Set(options.only.map((file) => path.resolve(file)));
	// Images are only inspected for the files reported, so a partial check keeps the others' states.
	const next: CacheData<FileResult> = {
		version,
		files: {},
		images: only ? { ...cache.images } : {},
	};
	let changed = false;
	// Each file's digest (or its one problem), remembered by its stat: an unchanged file is not read.
	const digests = useCache
		? await StatMemo.open<Digest>(`check-${path.basename(cacheFile(root), '.json')}`, version)
		: undefined;
	/** A content file's result (`relative` to the content folder): cached by its digest, or made now. */
	const resultOf = (
		file: string,
		relative: string,
		analyse: (raw: string) => FileResult,
	): FileResult => {
		let text: string | undefined;
		const decode = (bytes: Buffer): Digest => {
			const read = decodeContent(bytes);
			if (!read.ok) return { result: unreadable(read) };
			text = read.text;
			return { key: fileKey(relative, read.text) };
		};
		const digest = digests
			? digests.bytesValue(file, relative, decode)
			: decode(readFileSync(file));
		if ('result' in digest) return digest.result;
		let result = cache.files[digest.key];
		if (!result) {
			// The memo knew the digest, but the cache file was lost: read the file again.
			if (text === undefined) {
				const again = decode(readFileSync(file));
				if ('result' in again) return again.result;
			}
			result = analyse(text as string);
			changed = true;
		}
		next.files[digest.key] = result;
		return result;
	};

	const problems: Problem[] = [];
	const articlesDir = path.join(root, 'articles');
	const articleFiles = filesUnder(articlesDir, /\.mdx?$/i);
	if (articleFiles.length === 0) {
		problems.push({
			file: shown(articlesDir),
			line: 1,
			field: '(folder)',
			message: 'holds no articles, expected .md or .mdx files',
		});
	}
	const articlesShown = shown(articlesDir);
	const articles = articleFiles.map((relative) => {
		const file = path.join(articlesDir, relative);
		const result = resultOf(file, `articles/${relative}`, (raw) =>
			analyseArticle(relative, file, raw, root),
		);
		const selected =
			!only ||
			only.has(file) ||
			result.checks.some((check) => check.kind === 'image' && only.has(check.file));
		// Its path as shown, made once: `path.relative` for each of 100,000 files costs ~0.3 s.
		const name = path.join(articlesShown, relative);
		return { relative, file, name, slug: slugFromPath(relative), result, selected };
	});
	/** Slugs of the articles given (deleted ones too): links to them and translations of them are checked everywhere. */
	const givenSlugs = new Set(
		[...(only ?? [])]
			.map((file) => path.relative(articlesDir, file))
			.filter((relative) => !relative.startsWith('..') && /\.mdx?$/i.test(relative))
			.map(slugFromPath),
	);

	let sharp: typeof import('sharp').default | undefined;
	const inspectImage = async (image: string): Promise<string | undefined> => {
		const stat = statSync(image, { throwIfNoEntry: false });
		let state: ImageState | undefined = cache.images[image];
		if (!stat) state = { size: -1, mtimeMs: -1, trouble: 'missing' };
		else if (state?.size !== stat.size || state.mtimeMs !== stat.mtimeMs) {
			sharp ??= (await import('sharp')).default;
			state = { size: stat.size, mtimeMs: stat.mtimeMs };
			try {
				await sharp(image).metadata();
			} catch (error) {
				state = {
					...state,
					trouble: 'unreadable',
					detail: error instanceof Error ? error.message : String(error),
				};
			}
			changed = true;
		}
		if (stat) next.images[image] = state;
		if (state.trouble === 'missing')
			return `does not exist, expected an image file at ${shown(image)}`;
		if (state.trouble === 'unreadable')
			return `cannot be read as an image (${state.detail}), expected a JPEG, PNG, WebP or AVIF file`;
		return undefined;
	};
	const slugs = new Map<string, Set<string>>();
	for (const { slug, result } of articles) {
		const lang = result.edition?.lang ?? DEFAULT_LANG;
		slugs.set(lang, (slugs.get(lang) ?? new Set()).add(slug));
	}
	const index: ContentIndex = { contentDir: root, slugs, inspectImage };

	const seen = new Map<string, { file: string; selected: boolean }>();
	const editions: (Translatable & { file: string; line: number; selected: boolean })[] = [];
	for (const { name, slug, result, selected } of articles) {
		// Slugs are unique within an edition: /articles/x/ and /ru/articles/x/ may both exist.
		const lang = result.edition?.lang ?? DEFAULT_LANG;
		if (selected)
			problems.push(...byLine(await settleReferenceChecks(name, result.checks, index, lang)));
		else {
			const links = result.checks.filter(
				(check) => check.kind === 'slug' && givenSlugs.has(check.value),
			);
			problems.push(
				...byLine(
					links.flatMap(
						(check) => (check.kind === 'slug' && slugProblem(name, check, index.slugs, lang)) || [],
					),
				),
			);
		}
		const first = seen.get(`${lang}/${slug}`);
		if (!first) seen.set(`${lang}/${slug}`, { file: name, selected });
		else if (selected || first.selected) {
			problems.push({
				file: name,
				line: 1,
				field: '(file name)',
				message: `gives the slug "${slug}" that ${first.file} already has, expected a unique name`,
			});
		}
		if (result.edition) editions.push({ slug, ...result.edition, file: name, selected });
	}
	for (const { article, message } of translationProblems(editions)) {
		if (!only || article.selected || givenSlugs.has(article.translationOf ?? '')) {
			problems.push({ file: article.file, line: article.line, field: 'translationOf', message });
		}
	}

	const tickerDir = path.join(root, 'ticker');
	const tickerFiles = filesUnder(tickerDir, /\.json$/i);
	let checkedSnapshots = 0;
	for (const name of tickerFiles) {
		const file = path.join(tickerDir, name);
		const result = resultOf(file, `ticker/${name}`, (raw) => analyseTicker(name, raw));
		if (only && !only.has(file)) continue;
		checkedSnapshots++;
		problems.push(...(await settleReferenceChecks(shown(file), result.checks, index)));
	}

	if (useCache && (changed || Object.keys(next.files).length !== Object.keys(cache.files).length))
		await saveCache(root, next);
	await digests?.save();
	return {
		problems,
		articles: articleFiles.length,
		snapshots: tickerFiles.length,
		checked: articles.filter((a) => a.selected).length + checkedSnapshots,
		read: digests?.read ?? articleFiles.length + tickerFiles.length,
	};
}

/**
 * Print problems as `path:line: field: message` on stderr; in GitHub Actions also as `::error`
 * workflow commands on stdout, so the pull request shows each on its line.
 */
export function printProblems(
	problems: readonly Problem[],
	env: NodeJS.ProcessEnv = process.env,
): void {
	for (const problem of problems) console.error(formatProblem(problem));
	if (env.GITHUB_ACTIONS === 'true') {
		const repoRoot = env.GITHUB_WORKSPACE || process.cwd();
		for (const problem of problems) console.log(errorAnnotation(problem, repoRoot));
	}
}

const USAGE = `npm run check [-- <files…> | --changed [--base <branch>] | --staged]
  (no arguments)   check every article and ticker snapshot
  <files…>         check these files, and the rules across files that involve them
  --changed        check the files changed since this branch left the default branch
                   (committed or not, untracked and deleted files too)
  --base <branch>  the branch --changed compares with (default: origin's HEAD, main or master)
  --staged         check the files staged for the next commit (what the pre-commit hook runs)`;

async function main(): Promise<void> {
	let args;
	try {
		args = parseArgs({
			allowPositionals: true,
			options: {
				changed: { type: 'boolean' },
				staged: { type: 'boolean' },
				base: { type: 'string' },
				help: { type: 'boolean' },
			},
		});
	} catch (error) {
		console.error(
			`npm run check: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`,
		);
		process.exit(2);
	}
	const { values, positionals } = args;
	if (values.help) {
		console.log(USAGE);
		return;
	}
	const root = contentDir();
	let only: string[] | undefined;
	try {
		const inContent = (file: string) => {
			const relative = path.relative(root, file);
			return !relative.startsWith('..') && !path.isAbsolute(relative);
		};
		if (values.changed || values.staged) {
			// Only files in the content folder: a change to a script or the README is not content.
			only = changedFiles(root, values.staged ? 'staged' : 'changed', values.base).filter(
				inContent,
			);
		}
		if (positionals.length) {
			// npm runs scripts from the project folder; names are relative to where the writer typed them.
			const given = positionals.map((name) =>
				path.resolve(process.env.INIT_CWD ?? process.cwd(), name),
			);
			const missing = given.filter((file) => !statSync(file, { throwIfNoEntry: false })?.isFile());
			if (missing.length)
				throw new Error(
					`${missing.join(', ')}: no such file, expected an article, ticker snapshot or image (use --changed to include deleted files)`,
				);
			const outside = given.filter((file) => !inContent(file));
			if (outside.length)
				throw new Error(
					`${outside.join(', ')}: not in the content folder ${root}, expected an article, ticker snapshot or image in it`,
				);
			only = [...(only ?? []), ...given];
		}
	} catch (error) {
		console.error(`npm run check: ${error instanceof Error ? error.message : String(error)}`);
		process.exit(2);
	}
	if (only?.length === 0) {
		console.log('No content file changed: nothing to check.');
		return;
	}
	const { problems, articles, snapshots, checked } = await checkContent(root, { only });
	if (problems.length) {
		printProblems(problems);
		console.error(
			`\n${problems.length} problem${problems.length === 1 ? '' : 's'} in the content: fix ${problems.length === 1 ? 'it' : 'them'} and run npm run check again.`,
		);
		process.exit(1);
	}
	if (only)
		console.log(
			`Content OK: ${checked} changed file${checked === 1 ? '' : 's'} checked, and the rules across all ${articles} articles.`,
		);
	else console.log(`Content OK: ${articles} articles, ${snapshots} ticker snapshots.`);
}

if (import.meta.main) await main();
