import { describe, expect, it } from 'vitest';
import { inChildProcess, othersDone } from '../../scripts/lib/childProcess.ts';

const tasks = new URL('./fixtures/childTasks.ts', import.meta.url);

describe('inChildProcess', () => {
	it("returns the function's result, computed in another process", async () => {
		const result = await inChildProcess<{ sum: number; pid: number }>(tasks, 'sum', [2, 3]);
		expect(result.sum).toBe(5);
		expect(result.pid).not.toBe(process.pid);
	});

	it("rejects with the function's own error message", async () => {
		await expect(inChildProcess(tasks, 'fail')).rejects.toThrow('the step found a problem');
	});

	it('rejects, naming the function, when the process ends without an answer', async () => {
		await expect(inChildProcess(tasks, 'exit')).rejects.toThrow('exit stopped (exit 3)');
	});

	it('lets the child wait for the steps beside it, and says how long it waited', async () => {
		let settledAt = 0;
		const others = new Promise<void>((resolve) =>
			setTimeout(() => {
				settledAt = Date.now();
				resolve();
			}, 400),
		);
		let waited = -1;
		const resumedAt = await inChildProcess<number>(tasks, 'afterOthers', [], {
			others,
			waited: (seconds) => (waited = seconds),
		});
		expect(settledAt).toBeGreaterThan(0);
		expect(resumedAt).toBeGreaterThanOrEqual(settledAt);
		// The child starts within the 400 ms; most of them it spends waiting.
		expect(waited).toBeGreaterThan(0.1);
		expect(waited).toBeLessThan(5);
	});

	it('lets the child go on at once when the others failed, or when none were named', async () => {
		const failed = Promise.reject(new Error('another step failed'));
		const start = Date.now();
		await inChildProcess(tasks, 'afterOthers', [], { others: failed });
		await inChildProcess(tasks, 'afterOthers');
		expect(Date.now() - start).toBeLessThan(20_000);
	});

	it('goes on at once outside a child process', async () => {
		await expect(othersDone()).resolves.toBeUndefined();
	});
});
