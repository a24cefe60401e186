/**
 * `npm run check`: validate every article and ticker snapshot under CONTENT_DIR and report all
 * problems at once. Exit 0 when clean, 1 when anything is wrong. Also the first step of the build.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { contentDir } from '../src/config.ts';
import { DEFAULT_LANG, LANGS } from '../src/i18n/ui.ts';
import { parseFrontmatter } from '../src/lib/frontmatter.ts';
import { slugFromPath } from '../src/lib/slug.ts';
import { articleLang, translationProblems, type Translatable } from '../src/lib/translations.ts';
import { formatProblem, validateArticle, validateReferences, validateTicker, type Problem } from '../src/lib/validate.ts';

async function filesUnder(dir: string, pattern: RegExp): Promise<string[]> {
	try {
		const entries = await readdir(dir, { recursive: true, withFileTypes: true });
		return entries
			.filter((e) => e.isFile() && pattern.test(e.name))
			.map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
			.sort();
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
		throw error;
	}
}

/** Validate the content folder; returns every problem and the article count. */
export async function checkContent(root = contentDir()): Promise<{ problems: Problem[]; articles: number; snapshots: number }> {
	// Paths as the writer knows them: relative to the project when inside it, else absolute.
	const shown = (file: string) => {
		const relative = path.relative(process.cwd(), file);
		return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
	};
	const problems: Problem[] = [];
	const articlesDir = path.join(root, 'articles');
	const articleFiles = await filesUnder(articlesDir, /\.mdx?$/i);
	if (articleFiles.length === 0) {
		problems.push({ file: shown(articlesDir), line: 1, field: '(folder)', message: 'holds no articles, expected .md or .mdx files' });
	}
	const seen = new Map<string, string>();
	const index = {
		contentDir: root,
		slugs: new Set(articleFiles.map(slugFromPath)),
		inspectImage: async (image: string) => {
			if (!existsSync(image)) return `does not exist, expected an image file at ${shown(image)}`;
			try {
				await sharp(image).metadata();
				return undefined;
			} catch (error) {
				return `cannot be read as an image (${error instanceof Error ? error.message : String(error)}), expected a JPEG, PNG, WebP or AVIF file`;
			}
		},
	};
	const editions: (Translatable & { file: string; line: number })[] = [];
	for (const relative of articleFiles) {
		const file = path.join(articlesDir, relative);
		const raw = await readFile(file, 'utf8');
		const found = validateArticle(shown(file), relative, raw);
		const lineOfKey = (key: string) => {
			const at = raw.split('\n').findIndex((line) => line.startsWith(`${key}:`));
			return at < 0 ? 1 : at + 1;
		};
		let lang: string = DEFAULT_LANG;
		if (!found.some((problem) => problem.field === '(front-matter)')) {
			const data = parseFrontmatter(raw).data as { lang?: unknown; translationOf?: unknown };
			const declared = typeof data.lang === 'string' ? data.lang : undefined;
			const edition = articleLang(relative, declared, LANGS, DEFAULT_LANG);
			lang = edition.lang;
			if (edition.problem) found.push({ file: shown(file), line: lineOfKey('lang'), field: 'lang', message: edition.problem });
			const translationOf = typeof data.translationOf === 'string' ? data.translationOf : undefined;
			editions.push({ slug: slugFromPath(relative), lang, translationOf, file: shown(file), line: lineOfKey('translationOf') });
		}
		// References need readable front-matter: a broken block has already said why.
		if (!found.some((problem) => problem.field === '(front-matter)')) found.push(...(await validateReferences(shown(file), file, raw, index)));
		problems.push(...found.sort((a, b) => a.line - b.line));
		// Slugs are unique within an edition: /articles/x/ and /ru/articles/x/ may both exist.
		const slug = slugFromPath(relative);
		const first = seen.get(`${lang}/${slug}`);
		if (first) {
			problems.push({ file: shown(file), line: 1, field: '(file name)', message: `gives the slug "${slug}" that ${first} already has, expected a unique name` });
		} else seen.set(`${lang}/${slug}`, shown(file));
	}
	for (const { article, message } of translationProblems(editions)) {
		problems.push({ file: article.file, line: article.line, field: 'translationOf', message });
	}
	const tickerDir = path.join(root, 'ticker');
	const tickerFiles = await filesUnder(tickerDir, /\.json$/i);
	for (const name of tickerFiles) {
		const file = path.join(tickerDir, name);
		if (!/^\d{4}-\d{2}-\d{2}\.json$/.test(name)) {
			problems.push({ file: shown(file), line: 1, field: '(file name)', message: 'expected a snapshot named YYYY-MM-DD.json' });
			continue;
		}
		problems.push(...validateTicker(shown(file), name, await readFile(file, 'utf8')));
	}
	return { problems, articles: articleFiles.length, snapshots: tickerFiles.length };
}

if (import.meta.main) {
	const { problems, articles, snapshots } = await checkContent();
	if (problems.length) {
		for (const problem of problems) console.error(formatProblem(problem));
		console.error(`\n${problems.length} problem${problems.length === 1 ? '' : 's'} in the content: fix ${problems.length === 1 ? 'it' : 'them'} and run npm run check again.`);
		process.exit(1);
	}
	console.log(`Content OK: ${articles} articles, ${snapshots} ticker snapshots.`);
}
