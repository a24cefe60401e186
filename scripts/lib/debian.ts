/**
 * Debian packages the tests and the bench bring up themselves when missing (chromium,
 * shellcheck, hugo): one apt-get install, as root or through sudo, with one `apt-get update`
 * and a second try when the package lists are stale.
 */
import { spawnSync } from 'node:child_process';

/** Install Debian's `pkg`; `extra` goes to `apt-get install` (e.g. `--no-install-recommends`). Returns whether it worked. */
export function aptInstall(pkg: string, extra: readonly string[] = []): boolean {
	const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
	const aptGet = (...args: string[]) => {
		const [command, ...rest] = [...sudo, 'apt-get', ...args] as [string, ...string[]];
		return (
			spawnSync(command, rest, {
				stdio: 'inherit',
				env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
			}).status === 0
		);
	};
	if (aptGet('install', '-y', ...extra, pkg)) return true;
	aptGet('update');
	return aptGet('install', '-y', ...extra, pkg);
}
