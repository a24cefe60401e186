/** Hostile and odd content files, made at test time (large and binary ones are not committed), with the line check prints for each. */

export const FRONT = 'title: "A story"\ndate: 2025-12-01\nauthor: "Staff Reporter"\nsection: politics\n';
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

/** Each kind of bad article (as `articles/<kind>.md`) and the one line check must print for it. */
export const BAD_ARTICLES: { kind: string; content: () => string | Buffer; line: string }[] = [
	{
		kind: 'binary',
		// A PNG's signature and bytes that are not text.
		content: () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131) % 256))]),
		line: '1: (file): is not UTF-8 text (a binary file, or saved in another encoding), expected a file saved as UTF-8',
	},
	{ kind: 'empty', content: () => '', line: '1: (front-matter): is missing (the file is empty), expected the file to start with a --- block' },
	{
		kind: 'huge',
		content: () => `---\n${FRONT}---\n\n${'A long paragraph of a pasted data dump. '.repeat(500_000)}\n`,
		line: '1: (file): is 20.0 MB, expected a text file under 1.0 MB',
	},
	{ kind: 'alias-bomb', content: aliasBomb, line: '3: (front-matter): repeats YAML aliases (*name) too many times, expected plain values' },
	{
		kind: 'deep-flow',
		content: () => `---\n${FRONT}tags: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n---\nBody\n`,
		line: `6: (front-matter): is nested more than 16 levels deep, ${YAML_HINT} with short lists`,
	},
	{
		kind: 'deep-block',
		content: () => `---\n${FRONT}image:\n${Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i + 1)}k:`).join('\n')} x\n---\nBody\n`,
		line: `22: (front-matter): is nested more than 16 levels deep, ${YAML_HINT} with short lists`,
	},
	{
		kind: 'invalid-utf8',
		// "Ош" saved in Windows-1251 on line 2.
		content: () => Buffer.concat([Buffer.from('---\ntitle: "'), Buffer.from([0xce, 0xf8]), Buffer.from(`"\n${FRONT.slice(FRONT.indexOf('\n') + 1)}---\nBody\n`)]),
		line: '2: (file): is not UTF-8 text (a binary file, or saved in another encoding), expected a file saved as UTF-8',
	},
	{ kind: 'control-character', content: () => `---\n${FRONT}---\nBody\u0000text\n`, line: '7: (file): holds the control character U+0000 (a binary or damaged file), expected plain text' },
	{ kind: 'list', content: () => '---\n- title\n- date\n---\nBody\n', line: `2: (front-matter): is a list, ${YAML_HINT}` },
	{ kind: 'scalar', content: () => '---\nA headline only\n---\nBody\n', line: `2: (front-matter): is a single value, ${YAML_HINT}` },
	{ kind: 'unterminated', content: () => `---\n${FRONT}\nBody without a closing fence.\n`, line: '1: (front-matter): is never closed, expected a --- line after the last field' },
	{ kind: 'only-fence', content: () => '---\n', line: '1: (front-matter): is never closed, expected a --- line after the last field' },
	{ kind: 'duplicate-key', content: () => `---\n${FRONT}title: "Again"\n---\nBody\n`, line: '6: (front-matter): has "title" twice, expected each field once' },
	{
		kind: 'tab-indent',
		content: () => `---\n${FRONT}image:\n\tsrc: ./a.jpg\n---\nBody\n`,
		line: `7: (front-matter): broken YAML (Tabs are not allowed as indentation), ${YAML_HINT}; quote values that contain a colon or start with a quote`,
	},
	{ kind: 'yaml-tag', content: () => `---\n${FRONT}summary: !!js/function "function () {}"\n---\nBody\n`, line: '6: (front-matter): uses the YAML tag !!js/function, expected plain values' },
	{ kind: 'complex-key', content: () => `---\n${FRONT}? [a, b]\n: c\n---\nBody\n`, line: '6: (front-matter): has a key that is a list or a map, expected a field name' },
];

/** Bad ticker snapshots (`ticker/<name>`) and their lines. */
export const BAD_TICKERS: { name: string; content: () => string | Buffer; line: string }[] = [
	{ name: '2025-12-02.json', content: () => Buffer.from([0x00, 0xff, 0x10, 0x80]), line: '1: (file): is not UTF-8 text (a binary file, or saved in another encoding), expected a file saved as UTF-8' },
	{ name: '2025-12-03.json', content: () => `{"date":"2025-12-03","base":"USD","rates":{${Array.from({ length: 100_000 }, (_, i) => `"C${i}":1`).join(',')}}, "pad":"${'x'.repeat(1_000_000)}"}`, line: '1: (file): is 2.1 MB, expected a text file under 1.0 MB' },
];

/** `text` as a Windows editor may save it: a UTF-8 byte-order mark and CRLF line endings. */
export function windowsSaved(text: string): Buffer {
	return Buffer.from(`\uFEFF${text.replace(/\n/g, '\r\n')}`);
}
