/**
 * GitHub Actions annotations from `npm run check` and the build's check step: every kind of
 * problem becomes an `::error` command with the file relative to the repository root, its line,
 * a title and the message, escaped as the runner expects; nothing changes outside Actions.
 */
import { spawnSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkContent, printProblems } from '../../scripts/check.ts';
import { errorAnnotation, escapeData, escapeProperty } from '../../scripts/lib/annotations.ts';
import type { Problem } from '../../scripts/lib/validate.ts';
import { EVERY_PROBLEM, writeFiles } from '../helpers/content.ts';
import { cleanEnv, ROOT, tempDir } from '../../scripts/lib/fixtureSites.ts';

/** GitHub's unescaping, applied to what we print: the inverse of the escaping under test. */
const unescape = (text: string) =>
	text
		.replace(/%2C/g, ',')
		.replace(/%3A/g, ':')
		.replace(/%0A/g, '\n')
		.replace(/%0D/g, '\r')
		.replace(/%25/g, '%');

function parseAnnotation(line: string) {
	const match = /^::error file=([^,:]*),line=(\d+),title=([^,:]*)::(.*)$/s.exec(line);
	if (!match) throw new Error(`not an ::error command: ${line}`);
	const [, file, lineNumber, title, message] = match as unknown as string[];
	return {
		file: unescape(file as string),
		line: Number(lineNumber),
		title: unescape(title as string),
		message: unescape(message as string),
	};
}

describe('escaping', () => {
	it('escapes %, CR and LF in a message, and also : and , in a property', () => {
		expect(escapeData('50% done\r\nnext: a, b')).toBe('50%25 done%0D%0Anext: a, b');
		expect(escapeProperty('50% done\r\nnext: a, b')).toBe('50%25 done%0D%0Anext%3A a%2C b');
		// `%` first: an escape already in the text is not taken for one.
		expect(escapeData('%0A')).toBe('%250A');
		expect(escapeProperty('%2C,')).toBe('%252C%2C');
	});

	it('writes one ::error command with the file relative to the repository root', () => {
		const problem: Problem = {
			file: 'content/articles/a,b:c.md',
			line: 7,
			field: 'body',
			message: 'links to /articles/x/, which is 100%\ngone',
		};
		expect(errorAnnotation(problem, '/repo', '/repo')).toBe(
			'::error file=content/articles/a%2Cb%3Ac.md,line=7,title=npm run check%3A body::links to /articles/x/, which is 100%25%0Agone',
		);
		expect(
			errorAnnotation({ ...problem, file: '/repo/site/content/x.md' }, '/repo', '/elsewhere'),
		).toMatch(/^::error file=site\/content\/x\.md,/);
	});
});

describe('every kind of problem as an annotation', () => {
	let root: string;
	let problems: Problem[];

	beforeAll(async () => {
		root = await tempDir('caravan-annotations-');
		await writeFiles(path.join(root, 'content'), EVERY_PROBLEM);
		problems = (await checkContent(path.join(root, 'content'), { cache: false })).problems;
	});
	afterAll(() => rm(root, { recursive: true, force: true }));

	it('covers each kind of problem the checker reports', () => {
		const kinds = new Set(
			problems.map((p) => `${p.field} ${p.message.replace(/".*?"/g, '"…"').slice(0, 30)}`),
		);
		expect(problems.length).toBeGreaterThanOrEqual(16);
		for (const field of [
			'(file name)',
			'(front-matter)',
			'section',
			'sectoin',
			'lang',
			'translationOf',
			'image.src',
			'body',
			'(json)',
			'date',
		]) {
			expect(
				problems.some((p) => p.field === field),
				`${field} in ${[...kinds].join('\n')}`,
			).toBe(true);
		}
	});

	it('gives each one its file (from the repository root), line, title and message, read back unchanged', () => {
		for (const problem of problems) {
			const line = errorAnnotation(problem, root);
			expect(line).not.toMatch(/[\r\n]/);
			expect(parseAnnotation(line)).toEqual({
				file: path.relative(root, path.resolve(problem.file)).split(path.sep).join('/'),
				line: problem.line,
				title: `npm run check: ${problem.field}`,
				message: problem.message,
			});
			expect(parseAnnotation(line).file).toMatch(/^content\/(articles|ticker)(\/|$)/);
		}
	});

	it('escapes a comma and a colon in a file name', () => {
		const problem = problems.find((p) => p.file.endsWith('a,b:c.md'));
		expect(errorAnnotation(problem as Problem, root)).toBe(
			'::error file=content/articles/a%2Cb%3Ac.md,line=1,title=npm run check%3A (file name)::"a,b:c" cannot be a URL, expected lower-case letters, digits and hyphens, like "budget-vote-2026"',
		);
	});

	it('prints annotations on stdout in GitHub Actions only, beside the usual lines', () => {
		const out = vi.spyOn(console, 'log').mockImplementation(() => undefined);
		const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
		try {
			printProblems(problems, {});
			expect(out).not.toHaveBeenCalled();
			expect(err).toHaveBeenCalledTimes(problems.length);
			printProblems(problems, { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: root });
			expect(out.mock.calls.map(([line]) => line)).toEqual(
				problems.map((p) => errorAnnotation(p, root)),
			);
			expect(err).toHaveBeenCalledTimes(2 * problems.length);
		} finally {
			out.mockRestore();
			err.mockRestore();
		}
	});

	it("npm run check and the build's check step annotate in GitHub Actions, and not elsewhere", () => {
		const content = path.join(root, 'content');
		const env = {
			CONTENT_DIR: content,
			CARAVAN_CACHE_DIR: path.join(root, 'cache'),
			CARAVAN_OUT_DIR: path.join(root, 'dist'),
		};
		for (const script of ['check.ts', 'build.ts']) {
			const run = (extra: Record<string, string>) =>
				spawnSync(process.execPath, [path.join(ROOT, 'scripts', script)], {
					cwd: ROOT,
					encoding: 'utf8',
					env: cleanEnv({ ...env, ...extra }),
				});
			const actions = run({ GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: root });
			expect(actions.status, actions.stderr).toBe(1);
			const annotations = actions.stdout.split('\n').filter((line) => line.startsWith('::error '));
			expect(
				annotations
					.map(parseAnnotation)
					.map(
						(a) => `${a.file}:${a.line}: ${a.title.replace('npm run check: ', '')}: ${a.message}`,
					),
			).toEqual(
				problems.map(
					(p) => `${path.relative(root, path.resolve(p.file))}:${p.line}: ${p.field}: ${p.message}`,
				),
			);
			const local = run({ GITHUB_ACTIONS: '' });
			expect(local.status).toBe(1);
			expect(local.stdout).not.toContain('::error');
			expect(local.stderr).toContain('a,b:c.md:1: (file name): ');
		}
	});
});
