/**
 * One `npm run build` at a time in a checkout. Builds share `dist.tmp/` and Astro's `.astro/`
 * folder, so two at once (a scheduled CI run beside a push, a writer pressing twice) wreck each
 * other's output. A second build waits for the first rather than failing: the newsroom wants the
 * newest content published, and a red CI run or a "try again later" for a writer who pressed
 * twice only adds work; waiting in line is also what CI concurrency groups do.
 *
 * The lock is a directory (mkdir is atomic) holding its owner: the build's PID and start time,
 * and its Astro child's. A lock whose processes are gone (a build killed with SIGKILL, a crashed
 * runner) is stale and is taken over at once; the start time tells a live owner from a new
 * process that reused its PID. Hand-written because lock libraries judge staleness by an mtime
 * the owner must keep touching, which a killed build leaves blocking for the stale period and a
 * busy build can miss.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { writeFileAtomic } from '../../src/site/writeFileAtomic.ts';

interface Process {
	pid: number;
	/** Start time in clock ticks since boot (Linux `/proc/<pid>/stat`), when known. */
	startTime?: string;
}

export interface LockOwner extends Process {
	/** When the build started, ISO 8601. */
	since: string;
	/** The Astro build the owner runs, which outlives it if only the owner is killed. */
	child?: Process;
}

/** How long a lock directory may stay without an owner file before it counts as abandoned. */
const UNOWNED_STALE_MS = 10_000;

/** State and start time of a process from Linux's `/proc`; undefined elsewhere or when it is gone. */
function procStat(pid: number): { state: string; startTime: string } | undefined {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		// The fields after the command name (in parentheses, may hold spaces): 3 is the state, 22 the start time.
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return { state: fields[0] ?? '', startTime: fields[19] ?? '' };
	} catch {
		return undefined;
	}
}

function isRunning(process_: Process): boolean {
	try {
		process.kill(process_.pid, 0);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
	}
	const now = procStat(process_.pid);
	if (!now) return true;
	// A zombie has finished; a different start time means the PID now belongs to another process.
	return now.state !== 'Z' && (!process_.startTime || now.startTime === process_.startTime);
}

function ownerAlive(owner: LockOwner): boolean {
	return isRunning(owner) || (owner.child !== undefined && isRunning(owner.child));
}

async function readOwner(lockDir: string): Promise<LockOwner | undefined> {
	try {
		return JSON.parse(await readFile(path.join(lockDir, 'owner.json'), 'utf8')) as LockOwner;
	} catch {
		return undefined;
	}
}

async function writeOwner(lockDir: string, owner: LockOwner): Promise<void> {
	// A waiting build never reads half an owner.
	await writeFileAtomic(path.join(lockDir, 'owner.json'), JSON.stringify(owner));
}

const sameOwner = (a: LockOwner | undefined, b: LockOwner | undefined) =>
	a?.pid === b?.pid && a?.since === b?.since;

/** Move a stale lock aside; if another build replaced it meanwhile, put that one back. */
async function breakLock(lockDir: string, stale: LockOwner | undefined): Promise<void> {
	const aside = `${lockDir}.stale-${process.pid}-${Date.now()}`;
	try {
		await rename(lockDir, aside);
	} catch {
		return; // Gone already: another waiting build broke it first.
	}
	if (!sameOwner(await readOwner(aside), stale)) {
		await rename(aside, lockDir).catch(() => undefined);
		return;
	}
	await rm(aside, { recursive: true, force: true });
}

/** When a process started, as the owner file says it, for messages. */
const clock = (iso: string) => `${iso.slice(11, 19)} UTC`;

export interface BuildLock {
	/** Record the Astro child, so a build killed alone still holds the lock while its child writes. */
	setChild(pid: number): Promise<void>;
	release(): Promise<void>;
}

/** Take the lock at `lockDir`, waiting while a live build holds it; `say` prints progress lines. */
export async function acquireBuildLock(
	lockDir: string,
	say: (line: string) => void,
	pollMs = 500,
): Promise<BuildLock> {
	const me: LockOwner = {
		pid: process.pid,
		startTime: procStat(process.pid)?.startTime,
		since: new Date().toISOString(),
	};
	await mkdir(path.dirname(lockDir), { recursive: true });
	let waitingFor: LockOwner | undefined;
	for (;;) {
		try {
			await mkdir(lockDir);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const owner = await readOwner(lockDir);
			const abandoned = owner
				? !ownerAlive(owner)
				: Date.now() - (await stat(lockDir).catch(() => ({ mtimeMs: Date.now() }))).mtimeMs >
					UNOWNED_STALE_MS;
			if (abandoned) {
				say(
					owner
						? `a build (PID ${owner.pid}, started ${clock(owner.since)}) was stopped before it finished; taking over its lock`
						: 'taking over an abandoned build lock',
				);
				await breakLock(lockDir, owner);
			} else {
				if (owner && !sameOwner(owner, waitingFor)) {
					say(
						`another build (PID ${owner.pid}, started ${clock(owner.since)}) is running in this checkout; waiting for it to finish`,
					);
					waitingFor = owner;
				}
				await sleep(pollMs);
			}
			continue;
		}
		await writeOwner(lockDir, me);
		return {
			setChild: (pid) =>
				writeOwner(lockDir, { ...me, child: { pid, startTime: procStat(pid)?.startTime } }),
			release: async () => {
				if (sameOwner(await readOwner(lockDir), me))
					await rm(lockDir, { recursive: true, force: true });
			},
		};
	}
}
