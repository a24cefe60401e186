/**
 * `npm run hooks` (opt-in): make git run `.githooks/pre-commit`, which checks the staged stories
 * before each commit. `npm run hooks -- --off` goes back to git's own hooks folder. Plain
 * `git config core.hooksPath`: nothing to install, and the hook is a file in the repository. Run
 * from the project folder (as npm does).
 */
import { spawnSync } from 'node:child_process';

const off = process.argv.includes('--off');
const args = off
	? ['config', '--unset', 'core.hooksPath']
	: ['config', 'core.hooksPath', '.githooks'];
const result = spawnSync('git', args, { encoding: 'utf8' });
// `--unset` of a setting that is not there exits 5: already off.
if (result.error || (result.status !== 0 && !(off && result.status === 5))) {
	console.error(
		`npm run hooks: git ${args.join(' ')} failed: ${result.error?.message ?? result.stderr.trim()}`,
	);
	process.exit(1);
}
console.log(
	off
		? 'Git hooks off: commits are no longer checked.'
		: 'Git hooks on: each commit first runs `npm run check -- --staged` (skip it once with `git commit --no-verify`; `npm run hooks -- --off` to stop).',
);
