/**
 * Articles read straight from CONTENT_DIR, for the commands that run outside Astro's content
 * collections (`npm run schedule`, the pull-request preview): the same parser, schema and
 * `articleFromFile` as the build, so they decide URLs and what is published exactly as the pages do.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { contentDir } from '../../src/config.ts';
import { articleFromFile, articleIdentity, type Article } from '../../src/lib/articles.ts';
import { parseFrontmatter } from '../../src/lib/frontmatter.ts';
import { articleSchema } from '../../src/lib/schema.ts';

/** An article and the file it was read from. */
export type ArticleFile = Article & { file: string };

/**
 * One article file (`file` relative to the articles folder `dir`) as of `clock`; throws when it
 * cannot be read or does not validate (`npm run check` says why).
 */
export async function readArticleFile(
	dir: string,
	file: string,
	clock: Date,
): Promise<ArticleFile> {
	const absolute = path.join(dir, file);
	const { data, body } = parseFrontmatter(await readFile(absolute, 'utf8'));
	const parsed = articleSchema.safeParse(data);
	if (!parsed.success) throw new Error('invalid front-matter');
	const article = articleFromFile(
		{ ...articleIdentity(file, parsed.data.lang), data: parsed.data, body, file },
		clock,
	);
	// Assigned, not spread: a spread would work out every story's excerpt, which no command shows.
	return Object.assign(article, { file: absolute });
}

/**
 * Every article under `root/articles/` as of `clock`, drafts and embargoed ones included; files
 * that do not validate are listed apart (`npm run check` says why).
 */
export async function readArticles(
	clock: Date,
	root = contentDir(),
): Promise<{ articles: ArticleFile[]; invalid: string[] }> {
	const dir = path.join(root, 'articles');
	const files = (await readdir(dir, { recursive: true }).catch(() => [] as string[]))
		.filter((file) => /\.mdx?$/i.test(file))
		.sort();
	const invalid: string[] = [];
	const articles = await Promise.all(
		files.map((file) =>
			readArticleFile(dir, file, clock).catch(() => {
				invalid.push(path.join(dir, file));
				return undefined;
			}),
		),
	);
	return { articles: articles.filter((article) => article !== undefined), invalid: invalid.sort() };
}
