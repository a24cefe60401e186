/** Content folders written by tests: a valid article to start from, and a folder with every kind of problem. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** A valid article's text, with `extra` front-matter lines and a body. */
export function story(title: string, body = 'Body text.', extra: string[] = []): string {
	return [
		'---',
		`title: "${title}"`,
		'date: 2025-12-01T10:00:00+05:00',
		'author: "Staff Reporter"',
		'section: politics',
		...extra,
		'---',
		'',
		body,
		'',
	].join('\n');
}

/** Write `files` (path inside the folder → text) under `dir`. */
export async function writeFiles(
	dir: string,
	files: Record<string, string | Buffer>,
): Promise<void> {
	for (const [name, text] of Object.entries(files)) {
		await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
		await writeFile(path.join(dir, name), text);
	}
}

const SNAPSHOT = '{"date":"2025-12-01","base":"USD","rates":{"KGS":87.41}}\n';

/** One file per kind of problem `npm run check` reports, beside valid ones. */
export const EVERY_PROBLEM: Record<string, string> = {
	'articles/good.md': story('A good story', 'Links to [the other](/articles/other/).'),
	'articles/other.md': story('Another good story'),
	'articles/a,b:c.md': story('A name with a comma and a colon'),
	'articles/bad-section.md': story('Bad section').replace('section: politics', 'section: sport'),
	'articles/no-front-matter.md': 'Just text, no front-matter.\n',
	'articles/broken-yaml.md': '---\ntitle: "Unclosed quote\nsection: politics\n---\nBody\n',
	'articles/misspelt.md': story('Misspelt key').replace('section:', 'sectoin:'),
	'articles/ru/wrong-edition.md': story('Wrong edition', 'Text.', ['lang: en']),
	'articles/ru/perevod.md': story('Перевод', 'Текст.', ['translationOf: no-such-story']),
	'articles/links.mdx': story(
		'Links',
		'See [gone](/articles/gone/).\n\n<Related slug="nope" />\n\n![](./missing.jpg)',
	),
	'articles/broken.mdx': story('Broken MDX', '<Factbox title="x">\n\nNever closed.'),
	'articles/photo/index.md': story('Photo', 'Text.', [
		'image:',
		'  src: ./lead.jpg',
		'  alt: "A lead photo"',
	]),
	'articles/photo/lead.jpg': 'not a JPEG at all',
	'articles/dup.md': story('Duplicate one'),
	'articles/dup/index.md': story('Duplicate two'),
	'ticker/2025-12-01.json': SNAPSHOT,
	'ticker/2025-12-02.json': '{"date": "2025-12-02"',
	'ticker/2025-12-03.json': SNAPSHOT,
	'ticker/latest.json': SNAPSHOT,
};
