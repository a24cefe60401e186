/**
 * `npm run check`'s validation of the whole content folder, run by the build in a child process:
 * its memory goes back to the system when it ends, where the build's own process would keep the
 * ~0.3 GB the check used at 10,000 stories through every later step (a worker thread kept most of it).
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CheckResult } from '../check.ts';

export function checkInChildProcess(): Promise<CheckResult> {
	return new Promise((resolve, reject) => {
		const child = fork(fileURLToPath(import.meta.url), { stdio: 'inherit' });
		let result: CheckResult | undefined;
		child.once('message', (message) => (result = message as CheckResult));
		child.once('error', reject);
		child.once('exit', (code, signal) =>
			result
				? resolve(result)
				: reject(new Error(`the content check stopped (${signal ?? `exit ${code}`})`)),
		);
	});
}

if (process.send && import.meta.main) {
	const { checkContent } = await import('../check.ts');
	const result = await checkContent();
	process.send(result, () => process.disconnect());
}
