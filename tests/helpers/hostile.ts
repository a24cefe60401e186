/** Hostile and odd content files, made at test time (large and binary ones are not committed), with the line check prints for each. */

export const FRONT =
	'title: "A story"\ndate: 2025-12-01\nauthor: "Staff Reporter"\nsection: politics\n';
export const GOOD = `---\n${FRONT}---\n\nFine body.\n`;
export const TICKER = '{"date":"2025-12-01","base":"USD","rates":{"KGS":87.41}}\n';
const YAML_HINT = 'expected "key: value" lines';

/** A "billion laughs" front-matter: nine levels of nine aliases each, 9^9 strings once expanded. */
function aliasBomb(): string {
	const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
	for (const [previous, name] of ['ab', 'bc', 'cd', 'de', 'ef', 'fg', 'gh', 'hi']) {
		lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
	}
	return `---\n${lines.join('\n')}\n${FRONT}---\nBody\n`;
}

/** The lines for unknown keys `k0`, `k1`… from file line `first` on, each naming the known fields. */
function unknownKeyLines(first: number, count: number): string[] {
	const known =
		'title, date, author, section, countries, tags, summary, updated, draft, image, lang, translationOf, corrections';
	return Array.from(
		{ length: count },
		(_, i) => `${first + i}: k${i}: unknown field, expected one of ${known}`,
	);
}

/** Each kind of bad article (as `articles/<kind>.md`) and the one line check must print for it. */
export const BAD_ARTICLES: { kind: string; content: () => string | Buffer; lines: string[] }[] = [
	{
		kind: 'binary',
		// A PNG's signature and bytes that are not text.
		content: () =>
			Buffer.concat([
				Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
				Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131) % 256)),
			]),
		lines: [
			'1: (file): is not UTF-8 text (a binary file, or saved in another encoding), expected a file saved as UTF-8',
		],
	},
	{
		kind: 'empty',
		content: () => '',
		lines: [
			'1: (front-matter): is missing (the file is empty), expected the file to start with a --- block',
		],
	},
	{
		kind: 'huge',
		content: () =>
			`---\n${FRONT}---\n\n${'A long paragraph of a pasted data dump. '.repeat(500_000)}\n`,
		lines: ['1: (file): is 20.0 MB, expected a text file under 1.0 MB'],
	},
	{
		kind: 'alias-bomb',
		content: aliasBomb,
		lines: [
			'3: (front-matter): repeats YAML aliases (*name) too many times, expected plain values',
		],
	},
	{
		kind: 'deep-flow',
		content: () => `---\n${FRONT}tags: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n---\nBody\n`,
		lines: [`6: (front-matter): is nested more than 16 levels deep, ${YAML_HINT} with short lists`],
	},
	{
		kind: 'deep-block',
		content: () =>
			`---\n${FRONT}image:\n${Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i + 1)}k:`).join('\n')} x\n---\nBody\n`,
		lines: [
			`22: (front-matter): is nested more than 16 levels deep, ${YAML_HINT} with short lists`,
		],
	},
	{
		kind: 'invalid-utf8',
		// "Ош" saved in Windows-1251 on line 2.
		content: () =>
			Buffer.concat([
				Buffer.from('---\ntitle: "'),
				Buffer.from([0xce, 0xf8]),
				Buffer.from(`"\n${FRONT.slice(FRONT.indexOf('\n') + 1)}---\nBody\n`),
			]),
		lines: [
			'2: (file): is not UTF-8 text (a binary file, or saved in another encoding), expected a file saved as UTF-8',
		],
	},
	{
		kind: 'control-character',
		content: () => `---\n${FRONT}---\nBody\u0001text\n`,
		lines: [
			'7: (file): holds the control character U+0001 (a binary or damaged file), expected plain text',
		],
	},
	{
		kind: 'nul-in-front-matter',
		content: () => `---\ntitle: "A\u0000B"\n${FRONT.slice(FRONT.indexOf('\n') + 1)}---\nBody\n`,
		lines: ['2: (front-matter): holds the control character U+0000, expected plain text'],
	},
	{
		kind: 'list',
		content: () => '---\n- title\n- date\n---\nBody\n',
		lines: [`2: (front-matter): is a list, ${YAML_HINT}`],
	},
	{
		kind: 'scalar',
		content: () => '---\nA headline only\n---\nBody\n',
		lines: [`2: (front-matter): is a single value, ${YAML_HINT}`],
	},
	{
		kind: 'unterminated',
		content: () => `---\n${FRONT}\nBody without a closing fence.\n`,
		lines: ['1: (front-matter): is never closed, expected a --- line after the last field'],
	},
	{
		kind: 'only-fence',
		content: () => '---\n',
		lines: ['1: (front-matter): is never closed, expected a --- line after the last field'],
	},
	{
		kind: 'duplicate-key',
		content: () => `---\n${FRONT}title: "Again"\n---\nBody\n`,
		lines: ['6: (front-matter): has "title" twice, expected each field once'],
	},
	{
		kind: 'tab-indent',
		content: () => `---\n${FRONT}image:\n\tsrc: ./a.jpg\n---\nBody\n`,
		lines: [
			`7: (front-matter): broken YAML (Tabs are not allowed as indentation), ${YAML_HINT}; quote values that contain a colon or start with a quote`,
		],
	},
	{
		kind: 'yaml-tag',
		content: () => `---\n${FRONT}summary: !!js/function "function () {}"\n---\nBody\n`,
		lines: ['6: (front-matter): uses the YAML tag !!js/function, expected plain values'],
	},
	{
		kind: 'many-keys',
		// A pasted dump: 100,000 keys, ~1 MB of front-matter.
		content: () =>
			`---\n${Array.from({ length: 100_000 }, (_, i) => `k${i}: 1`).join('\n')}\n---\nBody\n`,
		lines: [
			'1: (front-matter): is 989 kB, expected a front-matter under 32 kB (the story goes below the closing ---)',
		],
	},
	{
		kind: 'unknown-keys',
		content: () =>
			`---\n${FRONT}${Array.from({ length: 2000 }, (_, i) => `k${i}: 1`).join('\n')}\n---\nBody\n`,
		lines: [
			...unknownKeyLines(6, 20),
			'25: (file): has 1980 more problems like these, not listed, expected only the documented fields',
		],
	},
	{
		kind: 'deep-quote',
		content: () => `---\n${FRONT}---\n\n${'>'.repeat(900_000)} x\n`,
		lines: ['8: body: nests quotes 900000 levels deep, expected at most 32'],
	},
	{
		kind: 'complex-key',
		content: () => `---\n${FRONT}? [a, b]\n: c\n---\nBody\n`,
		lines: ['6: (front-matter): has a key that is a list or a map, expected a field name'],
	},
];

/** Bad MDX articles (as `articles/<kind>.mdx`) and their lines. */
export const BAD_MDX: { kind: string; content: () => string; lines: string[] }[] = [
	{
		kind: 'mdx-open-tags',
		content: () => `---\n${FRONT}---\n\n${'<a>'.repeat(300_000)}\n`,
		lines: [
			'8: body: nests <Tags> more than 32 levels deep (is one not closed?), expected at most 32',
		],
	},
	{
		kind: 'mdx-nested-tags',
		content: () => `---\n${FRONT}---\n\n${'<b>'.repeat(5000)}x${'</b>'.repeat(5000)}\n`,
		lines: [
			'8: body: nests <Tags> more than 32 levels deep (is one not closed?), expected at most 32',
		],
	},
	{
		kind: 'mdx-deep-expression',
		content: () => `---\n${FRONT}---\n\n{${'('.repeat(50_000)}${')'.repeat(50_000)}}\n`,
		lines: ['8: body: nests { ( [ brackets more than 32 levels deep, expected at most 32'],
	},
];

/** Bad ticker snapshots (`ticker/<name>`) and their lines. */
export const BAD_TICKERS: { name: string; content: () => string | Buffer; lines: string[] }[] = [
	{
		name: '2025-12-02.json',
		content: () => Buffer.from([0x00, 0xff, 0x10, 0x80]),
		lines: [
			'1: (file): is not UTF-8 text (a binary file, or saved in another encoding), expected a file saved as UTF-8',
		],
	},
	{
		name: '2025-12-04.json',
		content: () =>
			`{"date":"2025-12-04","base":"USD","rates":{${Array.from({ length: 50_000 }, (_, i) => `"C${i}":1`).join(',')}}}`,
		lines: [
			...Array.from(
				{ length: 20 },
				(_, i) => `1: rates.C${i}: expected { "CODE": units per 1 base, … }`,
			),
			'1: (file): has 49980 more problems like these, not listed, expected only the documented fields',
		],
	},
	{
		name: '2025-12-03.json',
		content: () =>
			`{"date":"2025-12-03","base":"USD","rates":{${Array.from({ length: 100_000 }, (_, i) => `"C${i}":1`).join(',')}}, "pad":"${'x'.repeat(1_000_000)}"}`,
		lines: ['1: (file): is 2.1 MB, expected a text file under 1.0 MB'],
	},
];

/** `text` as a Windows editor may save it: a UTF-8 byte-order mark and CRLF line endings. */
export function windowsSaved(text: string): Buffer {
	return Buffer.from(`\uFEFF${text.replace(/\n/g, '\r\n')}`);
}

/** Every hostile file, by its path in the content folder, sorted as check reports them. */
export const HOSTILE_FILES: { file: string; content: () => string | Buffer; lines: string[] }[] = [
	...BAD_ARTICLES.map(({ kind, content, lines }) => ({
		file: `articles/${kind}.md`,
		content,
		lines,
	})),
	...BAD_MDX.map(({ kind, content, lines }) => ({ file: `articles/${kind}.mdx`, content, lines })),
	...BAD_TICKERS.map(({ name, content, lines }) => ({ file: `ticker/${name}`, content, lines })),
].sort((a, b) => (a.file < b.file ? -1 : 1));

/** The lines check prints for every hostile file, each path prefixed by `prefix`. */
export function hostileLines(prefix: string): string[] {
	return HOSTILE_FILES.flatMap(({ file, lines }) =>
		lines.map((line) => `${prefix}${file}:${line}`),
	);
}
