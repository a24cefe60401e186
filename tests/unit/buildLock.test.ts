/** The build lock (scripts/lib/buildLock.ts): who waits, and which locks count as stale. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { acquireBuildLock, type LockOwner } from '../../scripts/lib/buildLock.ts';
import { tempDir } from '../../scripts/lib/fixtureSites.ts';

async function lockWith(owner: LockOwner | undefined): Promise<string> {
	const lockDir = path.join(await tempDir('caravan-lock-'), 'build.lock');
	await mkdir(lockDir);
	if (owner) await writeFile(path.join(lockDir, 'owner.json'), JSON.stringify(owner));
	return lockDir;
}

/** The PID of a process that has ended. */
function deadPid(): number {
	return spawnSync('true').pid as number;
}

describe('acquireBuildLock', () => {
	it('takes a free lock, records its owner, and removes it on release', async () => {
		const lockDir = path.join(await tempDir('caravan-lock-'), 'build.lock');
		const lines: string[] = [];
		const lock = await acquireBuildLock(lockDir, (line) => lines.push(line));
		expect(JSON.parse(await readFile(path.join(lockDir, 'owner.json'), 'utf8'))).toMatchObject({
			pid: process.pid,
		});
		await lock.setChild(process.pid);
		expect(JSON.parse(await readFile(path.join(lockDir, 'owner.json'), 'utf8'))).toMatchObject({
			child: { pid: process.pid },
		});
		await lock.release();
		expect(existsSync(lockDir)).toBe(false);
		expect(lines).toEqual([]);
	});

	it('waits, saying so once, while a live build holds the lock, then takes it', async () => {
		const lockDir = path.join(await tempDir('caravan-lock-'), 'build.lock');
		const first = await acquireBuildLock(lockDir, () => undefined);
		const lines: string[] = [];
		let second = false;
		const waiting = acquireBuildLock(lockDir, (line) => lines.push(line), 20).then(
			(lock) => ((second = true), lock),
		);
		await sleep(200);
		expect(second).toBe(false);
		expect(lines).toEqual([
			expect.stringMatching(
				/^another build \(PID \d+, started \d\d:\d\d:\d\d UTC\) is running in this checkout; waiting for it to finish$/,
			),
		]);
		await first.release();
		await (await waiting).release();
		expect(second).toBe(true);
	});

	it.each([
		['its process has ended', { pid: deadPid(), since: '2026-01-01T09:00:00.000Z' }],
		[
			'its PID now belongs to another process (a different start time)',
			{ pid: process.pid, startTime: '1', since: '2026-01-01T09:00:00.000Z' },
		],
		[
			'both it and its Astro child have ended',
			{ pid: deadPid(), since: '2026-01-01T09:00:00.000Z', child: { pid: deadPid() } },
		],
	])('takes over a lock when %s', async (_, owner: LockOwner) => {
		const lockDir = await lockWith(owner);
		const lines: string[] = [];
		const lock = await acquireBuildLock(lockDir, (line) => lines.push(line), 20);
		expect(lines).toEqual([
			`a build (PID ${owner.pid}, started 09:00:00 UTC) was stopped before it finished; taking over its lock`,
		]);
		expect(JSON.parse(await readFile(path.join(lockDir, 'owner.json'), 'utf8'))).toMatchObject({
			pid: process.pid,
		});
		await lock.release();
	});

	it('keeps waiting while the Astro child of a killed build still runs', async () => {
		const lockDir = await lockWith({
			pid: deadPid(),
			since: '2026-01-01T09:00:00.000Z',
			child: { pid: process.pid },
		});
		const lines: string[] = [];
		let taken = false;
		void acquireBuildLock(lockDir, (line) => lines.push(line), 20).then(() => (taken = true));
		await sleep(200);
		expect(taken).toBe(false);
		expect(lines).toHaveLength(1);
		expect(lines[0]).toContain('waiting for it to finish');
		await writeFile(
			path.join(lockDir, 'owner.json'),
			JSON.stringify({ pid: deadPid(), since: '2026-01-01T09:00:00.000Z' }),
		);
		await expect.poll(() => taken).toBe(true);
	});

	it('takes over a lock folder left without an owner for a while, but not a fresh one', async () => {
		const fresh = await lockWith(undefined);
		let taken = false;
		void acquireBuildLock(fresh, () => undefined, 20).then(() => (taken = true));
		await sleep(200);
		expect(taken).toBe(false);
		const old = new Date(Date.now() - 60_000);
		await utimes(fresh, old, old);
		await expect.poll(() => taken).toBe(true);
	});
});
