/**
 * `npm test`: everything the tests need, then every test. Installs Debian's Chromium (browser
 * tests use it through playwright-core) and shellcheck when they are missing, lints the GitHub
 * workflows with actionlint and shellcheck (scripts/actionlint.ts), lints the code, checks its
 * formatting and its import graph (scripts/lint.ts), type-checks, then runs Vitest: the unit tests
 * with coverage, then the rest. `npm test -- <files or filters>` runs only those, without coverage.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { SHELLCHECK } from './actionlint.ts';
import { aptInstall } from './lib/debian.ts';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);

function run(command: string, args: string[]): boolean {
	const result = spawnSync(command, args, {
		cwd: root,
		stdio: 'inherit',
		env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
	});
	return result.status === 0;
}

/** Install Debian's `pkg` when `binary` is missing. */
function ensureDebian(binary: string, pkg: string): void {
	if (existsSync(binary)) return;
	console.log(`[test] ${binary} is missing: installing Debian's ${pkg} (needs root and apt)`);
	if (!aptInstall(pkg)) {
		console.error(`[test] could not install ${pkg}: run "apt-get install -y ${pkg}" and try again`);
		process.exit(1);
	}
}

ensureDebian(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', 'chromium');
// actionlint's shell-script checks (scripts/actionlint.ts).
ensureDebian(SHELLCHECK, 'shellcheck');
rmSync(path.join(root, '.test-output'), { recursive: true, force: true });
const only = process.argv.slice(2);
// The whole suite: the unit tests first, alone, with coverage (thresholds in vitest.config.ts), then the rest.
const tests = () =>
	only.length > 0
		? run(bin('vitest'), ['run', ...only])
		: run(bin('vitest'), ['run', 'tests/unit', '--coverage']) &&
			run(bin('vitest'), ['run', '--exclude', 'tests/unit/**']);
const ok =
	run(process.execPath, [path.join(root, 'scripts', 'actionlint.ts')]) &&
	run(process.execPath, [path.join(root, 'scripts', 'lint.ts')]) &&
	run(bin('astro'), ['check']) &&
	tests();
process.exit(ok ? 0 : 1);
