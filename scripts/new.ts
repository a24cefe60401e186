/**
 * `npm run new -- "Headline here" --section politics [--country kazakhstan] [--author "Name"] [--mdx]
 * [--lang ru] [--translation-of english-slug]`: create `articles/<slug>.md` (or `.mdx`; a Russian
 * story in `articles/ru/`) under CONTENT_DIR with valid front-matter, as a draft.
 * Never overwrites a file.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { contentDir, SITE } from '../src/config.ts';
import { langPrefix } from '../src/i18n/ui.ts';
import { isoWithOffset, now } from '../src/lib/dates.ts';
import { newArticleText, parseNewArgs, uniqueSlug, USAGE } from './lib/scaffold.ts';

function fail(errors: string[]): never {
	for (const error of errors) console.error(`npm run new: ${error}`);
	console.error(USAGE);
	process.exit(1);
}

const parsed = parseNewArgs(process.argv.slice(2));
if (!parsed.ok) fail(parsed.errors);
const { request } = parsed;

let author = request.author;
if (!author) {
	try {
		author = execFileSync('git', ['config', 'user.name'], { encoding: 'utf8' }).trim() || undefined;
	} catch {
		author = undefined;
	}
}
if (!author) fail(['no author: add --author "Your Name" (or set git config user.name)']);

// A story's folder says its edition (`articles/ru/` is Russian), as docs/editions.md tells writers.
const articlesDir = path.join(contentDir(), 'articles', langPrefix(request.lang));
const taken = (slug: string) =>
	['.md', '.mdx', ''].some((ext) => existsSync(path.join(articlesDir, `${slug}${ext}`)));
const slug = uniqueSlug(request.title, taken);
const file = path.join(articlesDir, `${slug}.${request.format}`);
await mkdir(articlesDir, { recursive: true });
try {
	// `wx`: fail rather than overwrite, even if the file appeared since the check above.
	await writeFile(
		file,
		newArticleText({ ...request, author, date: isoWithOffset(now(), SITE.timeZone) }),
		{ flag: 'wx' },
	);
} catch (error) {
	if ((error as NodeJS.ErrnoException).code === 'EEXIST')
		fail([`${file} already exists: not overwriting it`]);
	throw error;
}

const shown = path.relative(process.cwd(), file).startsWith('..')
	? file
	: path.relative(process.cwd(), file);
console.log(`Created ${shown}

Next:
  1. Write the story in that file (it is a draft: only npm run dev shows it).
  2. npm run dev, then open http://localhost:4321${langPrefix(request.lang)}/articles/${slug}/
  3. npm run check until it says "Content OK".
  4. Delete the line "draft: true" when it is ready to publish, and commit.`);
