/**
 * `npm test`: everything the tests need, then every test. Installs Debian's Chromium when it is
 * missing (browser tests use it through playwright-core), lints the GitHub workflows with
 * actionlint (scripts/actionlint.ts), type-checks, then runs Vitest.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);

function run(command: string, args: string[]): boolean {
	const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
	return result.status === 0;
}

function ensureChromium(): void {
	const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
	if (existsSync(chromium)) return;
	console.log(`[test] ${chromium} is missing: installing Debian's chromium (needs root and apt)`);
	const apt = process.getuid?.() === 0 ? [] : ['sudo'];
	const aptGet = (...args: string[]) => run(apt[0] ?? 'apt-get', [...apt.slice(1), ...(apt.length ? ['apt-get'] : []), ...args]);
	if (!aptGet('install', '-y', 'chromium')) {
		aptGet('update');
		if (!aptGet('install', '-y', 'chromium')) {
			console.error('[test] could not install chromium: run "apt-get install -y chromium" and try again');
			process.exit(1);
		}
	}
}

ensureChromium();
rmSync(path.join(root, '.test-output'), { recursive: true, force: true });
const ok = run(process.execPath, [path.join(root, 'scripts', 'actionlint.ts')]) && run(bin('astro'), ['check']) && run(bin('vitest'), ['run', ...process.argv.slice(2)]);
process.exit(ok ? 0 : 1);
