/**
 * Hostile and odd content files: each kind gets one `path:line: field: message` line from
 * `npm run check` (never a stack trace), and files saved with a byte-order mark or Windows line
 * endings pass like any other. Large and binary files are made here, not committed.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../scripts/check.ts';
import { decodeContent, parseFrontmatter } from '../../src/lib/frontmatter.ts';
import { formatProblem } from '../../scripts/lib/validate.ts';
import {
	FRONT,
	GOOD,
	HOSTILE_FILES,
	hostileLines,
	TICKER,
	windowsSaved,
} from '../helpers/hostile.ts';
import { cleanEnv, ROOT, tempDir } from '../../scripts/lib/fixtureSites.ts';

async function contentWith(files: Record<string, string | Buffer>): Promise<string> {
	const dir = await tempDir('caravan-hostile-');
	await mkdir(path.join(dir, 'articles'), { recursive: true });
	await mkdir(path.join(dir, 'ticker'), { recursive: true });
	await writeFile(path.join(dir, 'articles/good.md'), GOOD);
	await writeFile(path.join(dir, 'ticker/2025-12-01.json'), TICKER);
	for (const [file, content] of Object.entries(files))
		await writeFile(path.join(dir, file), content);
	return dir;
}

/** check's lines, with the content folder's path taken off. */
async function checkLines(dir: string): Promise<string[]> {
	const { problems } = await checkContent(dir);
	return problems
		.map(formatProblem)
		.map(
			(line) =>
				path.relative(dir, path.resolve(line.split(':')[0] as string)) +
				line.slice(line.indexOf(':')),
		);
}

describe('npm run check: one line per hostile file', () => {
	it.each(HOSTILE_FILES)('$file', async ({ file, content, lines }) => {
		const dir = await contentWith({ [file]: content() });
		expect(await checkLines(dir)).toEqual(lines.map((line) => `${file}:${line}`));
	});

	it('prints them all at once, sorted by file, exits 1, with nothing else on stderr', async () => {
		const dir = await contentWith(
			Object.fromEntries(HOSTILE_FILES.map(({ file, content }) => [file, content()])),
		);
		const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts/check.ts')], {
			cwd: ROOT,
			encoding: 'utf8',
			env: cleanEnv({ CONTENT_DIR: dir }),
		});
		expect(result.status).toBe(1);
		const expected = hostileLines(`${dir}/`);
		expect(result.stderr).toBe(
			`${expected.join('\n')}\n\n${expected.length} problems in the content: fix them and run npm run check again.\n`,
		);
	});
});

describe('a byte-order mark and Windows line endings', () => {
	it('decodeContent drops the BOM and turns CRLF into LF', () => {
		const read = decodeContent(windowsSaved(`---\n${FRONT}---\n\nBody.\n`));
		expect(read).toEqual({ ok: true, text: `---\n${FRONT}---\n\nBody.\n` });
	});

	it('parseFrontmatter reads the fields and body of a BOM + CRLF file', () => {
		const parsed = parseFrontmatter(windowsSaved(`---\n${FRONT}---\n\nBody.\n`).toString('utf8'));
		expect(parsed.data).toMatchObject({ title: 'A story', section: 'politics' });
		expect(parsed.body).toBe('\nBody.\n');
	});

	it('npm run check passes articles (.md, .mdx) and a snapshot saved with both', async () => {
		const dir = await contentWith({
			'articles/bom-story.md': windowsSaved(GOOD),
			'articles/bom-mdx.mdx': windowsSaved(`---\n${FRONT}---\n\nAn *MDX* body.\n`),
			'ticker/2025-12-02.json': windowsSaved(TICKER.replace('12-01', '12-02')),
		});
		expect(await checkLines(dir)).toEqual([]);
	});
});
