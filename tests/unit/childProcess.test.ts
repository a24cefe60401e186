import { describe, expect, it } from 'vitest';
import { inChildProcess } from '../../scripts/lib/childProcess.ts';

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
});
