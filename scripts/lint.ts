/**
 * `npm run lint`: ESLint (eslint.config.js), Prettier's check (prettier.config.js) and the
 * import-graph rules (`npm run lint:deps`, scripts/lint-deps.ts). Runs every step even when one
 * fails, so one run shows all the problems. `npm test` runs it; `npm run format` rewrites what
 * Prettier's check reports.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);

const STEPS: { name: string; command: string; args: string[] }[] = [
	{ name: 'ESLint', command: bin('eslint'), args: ['.'] },
	{ name: 'Prettier', command: bin('prettier'), args: ['--check', '.', '--log-level', 'warn'] },
	{
		name: 'import graph',
		command: process.execPath,
		args: [path.join(root, 'scripts', 'lint-deps.ts')],
	},
];

/** Run every step; true when all pass. */
export function lint(): boolean {
	const failed = STEPS.filter(
		(step) => spawnSync(step.command, step.args, { cwd: root, stdio: 'inherit' }).status !== 0,
	).map((step) => step.name);
	if (failed.length > 0)
		console.error(
			`[lint] failed: ${failed.join(', ')}${failed.includes('Prettier') ? ' (npm run format rewrites the files Prettier listed)' : ''}`,
		);
	return failed.length === 0;
}

if (import.meta.main) process.exit(lint() ? 0 : 1);
