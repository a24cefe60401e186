/**
 * `npm run check -- --changed`, `--staged` and given files, in a temporary git repository: only
 * the changed stories are checked, but the rules across files still see the whole content, so a
 * story deleted in one commit breaks the link in another, unchanged story. And the opt-in
 * pre-commit hook (`npm run hooks`) stops a commit with a broken story.
 */
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { story, writeFiles } from '../helpers/content.ts';
import { cleanEnv, ROOT, tempDir } from '../../scripts/lib/fixtureSites.ts';

let repo: string;
let content: string;

const gitEnv = {
	GIT_AUTHOR_NAME: 'Test Writer',
	GIT_AUTHOR_EMAIL: 'writer@example.com',
	GIT_COMMITTER_NAME: 'Test Writer',
	GIT_COMMITTER_EMAIL: 'writer@example.com',
	GIT_CONFIG_NOSYSTEM: '1',
	// The project's own Node first: the hook runs `npm run check`.
	PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`,
};

function git(...args: string[]) {
	const result = spawnSync('git', args, { cwd: repo, encoding: 'utf8', env: cleanEnv(gitEnv) });
	return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

function mustGit(...args: string[]): void {
	const result = git(...args);
	if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.output}`);
}

function check(...args: string[]) {
	const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts/check.ts'), ...args], {
		cwd: ROOT,
		encoding: 'utf8',
		env: cleanEnv({
			...gitEnv,
			CONTENT_DIR: content,
			CARAVAN_CACHE_DIR: path.join(repo, '.cache'),
		}),
	});
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
	repo = await tempDir('caravan-check-git-');
	content = path.join(repo, 'content');
	await writeFiles(repo, {
		'.gitignore': '.cache/\nnode_modules/\n',
		'package.json': JSON.stringify({
			private: true,
			scripts: { check: `node ${JSON.stringify(path.join(ROOT, 'scripts/check.ts'))}` },
		}),
		'content/articles/budget-vote.md': story(
			'Budget vote',
			'Background: [the talks](/articles/water-talks/).',
		),
		'content/articles/water-talks.md': story('Water talks'),
		'content/articles/harvest.md': story('Harvest'),
		'content/ticker/2025-12-01.json': '{"date":"2025-12-01","base":"USD","rates":{"KGS":87.41}}\n',
	});
	await mkdir(path.join(repo, '.githooks'));
	await copyFile(path.join(ROOT, '.githooks/pre-commit'), path.join(repo, '.githooks/pre-commit'));
	mustGit('init', '--quiet', '--initial-branch=main');
	mustGit('add', '.');
	mustGit('commit', '--quiet', '-m', 'Three stories');
	mustGit('checkout', '--quiet', '-b', 'feature');
});
afterAll(() => rm(repo, { recursive: true, force: true }));

describe('npm run check -- --changed', () => {
	it('has nothing to check on a branch without changes', () => {
		const result = check('--changed');
		expect(result.status, result.stderr).toBe(0);
		expect(result.stdout).toContain('nothing to check');
	});

	it('finds the link broken by a story deleted in another file, before and after the commit', () => {
		mustGit('rm', '--quiet', 'content/articles/water-talks.md');
		const broken =
			'budget-vote.md:8: body: links to /articles/water-talks/ but there is no article "water-talks"';
		for (const committed of [false, true]) {
			if (committed) mustGit('commit', '--quiet', '--no-verify', '-m', 'Drop the water story');
			const result = check('--changed');
			expect(result.status, `${result.stdout}${result.stderr}`).toBe(1);
			expect(result.stderr).toContain(broken);
			expect(result.stderr).toContain('1 problem in the content');
		}
		// Without git, the deleted story is not named: the other file given is fine on its own.
		const given = check(path.join(content, 'articles/harvest.md'));
		expect(given.status, given.stderr).toBe(0);
		expect(given.stdout).toContain(
			'Content OK: 1 changed file checked, and the rules across all 2 articles.',
		);
		// The whole check finds it too.
		expect(check().stderr).toContain(broken);
		mustGit('revert', '--no-edit', 'HEAD');
	});

	it('checks untracked and modified stories, and only those', async () => {
		await writeFile(
			path.join(content, 'articles/new-story.md'),
			story('New story').replace('section: politics', 'section: sport'),
		);
		await writeFile(
			path.join(content, 'articles/harvest.md'),
			story('Harvest', 'See [x](/articles/nowhere/).'),
		);
		const result = check('--changed');
		expect(result.status).toBe(1);
		expect(
			result.stderr
				.split('\n')
				.filter((line) => /\.md:\d+: /.test(line))
				.map((line) => path.basename(line.split(':')[0] as string)),
		).toEqual(['harvest.md', 'new-story.md']);
		const staged = check('--staged');
		expect(staged.status, staged.stderr).toBe(0);
		mustGit('checkout', '--', 'content/articles/harvest.md');
		await rm(path.join(content, 'articles/new-story.md'));
	});

	it('says clearly when given a file that does not exist or is not content', () => {
		const result = check(path.join(content, 'articles/no-such.md'));
		expect(result.status).toBe(2);
		expect(result.stderr).toMatch(/no-such\.md: no such file/);
		expect(result.stderr).not.toMatch(/^\s+at /m);
		const outside = check(path.join(repo, 'package.json'));
		expect(outside.status).toBe(2);
		expect(outside.stderr).toMatch(/package\.json: not in the content folder/);
	});
});

describe('npm run hooks: the pre-commit hook', () => {
	it('is off until asked for, then stops a commit with a broken story and lets a good one through', async () => {
		const hooks = (...args: string[]) =>
			spawnSync(process.execPath, [path.join(ROOT, 'scripts/hooks.ts'), ...args], {
				cwd: repo,
				encoding: 'utf8',
				env: cleanEnv(gitEnv),
			});
		expect(git('config', 'core.hooksPath').status).not.toBe(0);
		expect(hooks().status).toBe(0);
		expect(git('config', 'core.hooksPath').output.trim()).toBe('.githooks');

		await writeFile(
			path.join(content, 'articles/bad.md'),
			story('Bad', 'Text.').replace('section: politics', 'section: sport'),
		);
		mustGit('add', 'content/articles/bad.md');
		const refused = git('commit', '-m', 'A bad story');
		expect(refused.status).not.toBe(0);
		expect(refused.output).toContain('bad.md:5: section: "sport" is not a section');
		expect(git('log', '--format=%s', '-1').output).not.toContain('A bad story');

		await writeFile(path.join(content, 'articles/bad.md'), story('Bad no more'));
		mustGit('add', 'content/articles/bad.md');
		const accepted = git('commit', '-m', 'A good story');
		expect(accepted.status, accepted.output).toBe(0);

		expect(hooks('--off').status).toBe(0);
		expect(git('config', 'core.hooksPath').status).not.toBe(0);
	});
});
