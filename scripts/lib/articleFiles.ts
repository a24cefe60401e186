/**
 * Articles read straight from CONTENT_DIR, for code that runs outside Astro's content collections
 * (the sitemap options, `npm run schedule`): the same parser, schema and `toArticle` as the build,
 * so they decide what is published exactly as the pages do.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { contentDir, SITE } from '../../src/config.ts';
import { DEFAULT_LANG, LANGS } from '../../src/i18n/ui.ts';
import { toArticle, type Article } from '../../src/lib/articles.ts';
import { parseFrontmatter } from '../../src/lib/frontmatter.ts';
import { slugFromPath } from '../../src/lib/slug.ts';
import { articleLang } from '../../src/lib/translations.ts';
import { articleSchema } from '../../src/lib/schema.ts';

/** An article and the file it was read from. */
export type ArticleFile = Article & { file: string };

/**
 * One article file (`file` relative to the articles folder `dir`) as of `clock`; throws when it
 * cannot be read or does not validate (`npm run check` says why).
 */
export async function readArticleFile(dir: string, file: string, clock: Date): Promise<ArticleFile> {
	const absolute = path.join(dir, file);
	const { data, body } = parseFrontmatter(await readFile(absolute, 'utf8'));
	const parsed = articleSchema.safeParse(data);
	if (!parsed.success) throw new Error('invalid front-matter');
	const { lang } = articleLang(file, parsed.data.lang, LANGS, DEFAULT_LANG);
	const article = toArticle(
		{ slug: slugFromPath(file), lang: lang as (typeof LANGS)[number], data: parsed.data, body, format: file.endsWith('.mdx') ? 'mdx' : 'md' },
		{ now: clock, excerptWords: SITE.excerptWords, wordsPerMinute: SITE.wordsPerMinute },
	);
	return { ...article, file: absolute };
}

/**
 * Every article under `root/articles/` as of `clock`, drafts and embargoed ones included; files
 * that do not validate are listed apart (`npm run check` says why).
 */
export async function readArticles(clock: Date, root = contentDir()): Promise<{ articles: ArticleFile[]; invalid: string[] }> {
	const dir = path.join(root, 'articles');
	const files = (await readdir(dir, { recursive: true }).catch(() => [] as string[])).filter((file) => /\.mdx?$/i.test(file)).sort();
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
