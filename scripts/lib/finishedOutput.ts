/**
 * The last look before a build swaps its output into `dist/`: the scratch folder must still hold
 * this build's mark (written once Astro finished, so nothing else emptied or rewrote the folder
 * since) and the pages no finished site lacks. A build that fails it stops and leaves `dist/` as
 * it was.
 */
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { LANGS, langPrefix } from '../../src/i18n/ui.ts';

const MARK = '.caravan-build';

/** Pages every finished build writes: each edition's front page, 404 page and feed, the sitemap and the search index. */
export function keyFiles(): string[] {
	const perEdition = LANGS.flatMap((lang) =>
		['index.html', '404.html', 'rss.xml'].map((file) =>
			path.posix.join(langPrefix(lang).replace(/^\//, ''), file),
		),
	);
	return [...perEdition, 'sitemap-index.xml', 'pagefind/pagefind.js'];
}

/** Mark `dir` as the output of the build `id`. */
export function markOutput(dir: string, id: string): Promise<void> {
	return writeFile(path.join(dir, MARK), id);
}

/** What makes `dir` not the finished output of build `id` (empty when it is); takes the mark away when it is. */
export async function unfinishedOutput(dir: string, id: string): Promise<string[]> {
	const mark = await readFile(path.join(dir, MARK), 'utf8').catch(() => undefined);
	const problems =
		mark === id ? [] : [mark === undefined ? 'its build mark is gone' : 'another build wrote it'];
	const missing = keyFiles().filter((file) => !existsSync(path.join(dir, file)));
	if (missing.length) problems.push(`${missing.join(', ')} missing`);
	if (!problems.length) await rm(path.join(dir, MARK));
	return problems;
}
