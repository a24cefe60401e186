/** Running a build command as the bench sees it: wall time, peak memory of its process tree, its output. */
import { spawn } from 'node:child_process';
import { sampleUsage } from '../lib/resources.ts';

export interface RunResult {
	seconds: number;
	peakRssBytes?: number;
	cpuSeconds?: number;
	/** The last lines of stdout and stderr, for error messages. */
	tail: string[];
}

/**
 * Run `command` to completion, handing every output line to `onLine`; rejects with the last
 * lines of output when it fails.
 */
export function runMeasured(
	command: string,
	args: string[],
	options: { cwd: string; env?: NodeJS.ProcessEnv; onLine?: (line: string) => void },
): Promise<RunResult> {
	return new Promise((resolve, reject) => {
		const start = performance.now();
		const child = spawn(command, args, {
			cwd: options.cwd,
			env: options.env ?? process.env,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		const usage = sampleUsage(child.pid ?? process.pid);
		const tail: string[] = [];
		const take = (chunk: Buffer, rest: { text: string }) => {
			const lines = (rest.text + chunk.toString('utf8')).split(/\r?\n/);
			rest.text = lines.pop() ?? '';
			for (const line of lines) {
				tail.push(line);
				if (tail.length > 60) tail.shift();
				options.onLine?.(line);
			}
		};
		const out = { text: '' };
		const err = { text: '' };
		child.stdout.on('data', (chunk: Buffer) => take(chunk, out));
		child.stderr.on('data', (chunk: Buffer) => take(chunk, err));
		child.on('error', (error) => {
			usage.stop();
			reject(error);
		});
		child.on('close', (code, signal) => {
			const seconds = (performance.now() - start) / 1000;
			const { peakRssBytes, cpuSeconds } = usage.stop();
			for (const rest of [out.text, err.text]) if (rest) tail.push(rest);
			if (code === 0) resolve({ seconds, peakRssBytes, cpuSeconds, tail });
			else {
				const error = new Error(
					`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`}):\n${tail.join('\n')}`,
				);
				reject(Object.assign(error, { tail }));
			}
		});
	});
}
