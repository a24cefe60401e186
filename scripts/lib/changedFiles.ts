/**
 * Which files `npm run check -- --changed` / `--staged` looks at, asked of git: changed since the
 * merge base with the default branch (committed, staged, unstaged and untracked), or staged for
 * the next commit. Deleted files are included: rules across files care that they are gone.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

function git(cwd: string, args: string[]): { ok: boolean; out: string; err: string } {
	const result = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 2 ** 20 });
	if (result.error) throw new Error(`cannot run git (${result.error.message})`);
	return { ok: result.status === 0, out: result.stdout, err: result.stderr.trim() };
}

function must(cwd: string, args: string[], what: string): string {
	const result = git(cwd, args);
	if (!result.ok)
		throw new Error(`${what}: ${result.err.split('\n')[0] || `git ${args.join(' ')} failed`}`);
	return result.out;
}

/** The branch pull requests go into: the CI's base branch, origin's HEAD, else main or master. */
export function defaultBranch(cwd: string, env: NodeJS.ProcessEnv = process.env): string {
	const candidates = [
		env.GITHUB_BASE_REF && `origin/${env.GITHUB_BASE_REF}`,
		git(cwd, ['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD']).out.trim(),
		'main',
		'master',
		'origin/main',
		'origin/master',
	];
	for (const ref of candidates) {
		if (ref && git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).ok) return ref;
	}
	throw new Error(
		'cannot tell the default branch (no origin/HEAD, main or master): name it with --base <branch>',
	);
}

const names = (out: string) => out.split('\0').filter(Boolean);

/**
 * Absolute paths of the files changed in the git work tree holding `dir`: against the merge base
 * of HEAD and `base` (default: `defaultBranch`), or only the staged ones.
 */
export function changedFiles(dir: string, mode: 'changed' | 'staged', base?: string): string[] {
	const top = git(dir, ['rev-parse', '--show-toplevel']);
	if (!top.ok)
		throw new Error(
			`${dir} is not in a git repository, so there are no changes to check: name the files instead`,
		);
	const root = top.out.trim();
	const found = new Set<string>();
	if (mode === 'staged') {
		for (const name of names(
			must(
				root,
				['diff', '--cached', '--name-only', '--no-renames', '-z'],
				'cannot list the staged files',
			),
		))
			found.add(name);
	} else {
		const ref = base ?? defaultBranch(root);
		const mergeBase = must(
			root,
			['merge-base', 'HEAD', ref],
			`cannot find where HEAD and ${ref} part`,
		).trim();
		for (const name of names(
			must(
				root,
				['diff', '--name-only', '--no-renames', '-z', mergeBase],
				`cannot compare with ${ref}`,
			),
		))
			found.add(name);
		for (const name of names(
			must(
				root,
				['ls-files', '--others', '--exclude-standard', '-z'],
				'cannot list untracked files',
			),
		))
			found.add(name);
	}
	return [...found].map((name) => path.join(root, name)).sort();
}
