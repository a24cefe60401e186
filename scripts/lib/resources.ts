/**
 * What a step costs: peak memory and CPU time of a process tree (sampled from /proc), and the
 * files and bytes of a folder. Used by `scripts/build.ts` (when CARAVAN_TIMINGS is set) and by
 * `npm run bench`. Linux only; elsewhere memory and CPU time are reported as unknown, not guessed.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { totalmem } from 'node:os';
import path from 'node:path';

/** Resident and peak-resident memory of one process, in bytes, from /proc/<pid>/status. */
function processMemory(pid: number): { rss: number; hwm: number } | undefined {
	try {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		const kb = (field: string) =>
			Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
		return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
	} catch {
		return undefined; // exited between listing and reading, or no /proc
	}
}

/** Every process's parent and CPU time so far (user + system, in clock ticks), from /proc/<pid>/stat. */
function processTable(): Map<number, { parent: number; cpuTicks: number }> {
	const table = new Map<number, { parent: number; cpuTicks: number }>();
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		try {
			const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
			// The command name may contain spaces and parentheses: fields resume after the last ')'.
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			table.set(Number(name), {
				parent: Number(fields[1]),
				cpuTicks: Number(fields[11]) + Number(fields[12]),
			});
		} catch {
			// exited meanwhile
		}
	}
	return table;
}

/** `root` and all its descendants. */
function processTree(root: number, table: Map<number, { parent: number }>): number[] {
	const children = new Map<number, number[]>();
	for (const [pid, { parent }] of table)
		children.set(parent, [...(children.get(parent) ?? []), pid]);
	const tree: number[] = [];
	const queue = [root];
	while (queue.length) {
		const pid = queue.pop() as number;
		tree.push(pid);
		queue.push(...(children.get(pid) ?? []));
	}
	return tree;
}

export const canMeasureMemory =
	process.platform === 'linux' && processMemory(process.pid) !== undefined;

/** Clock ticks per second of /proc's CPU times (USER_HZ: 100 on every common Linux). */
const TICKS_PER_SECOND = 100;

export interface Usage {
	peakRssBytes?: number;
	/** CPU time of the whole tree (approximate: a child's last ~100 ms before exiting may be missed). */
	cpuSeconds?: number;
}

export interface UsageSampler {
	/** Stop sampling; undefined figures where they cannot be measured. */
	stop(): Usage;
}

/**
 * Sample the memory and CPU time of `root` and its descendants every `intervalMs` until stopped.
 * The peak is the larger of the highest summed RSS seen and the highest single-process peak
 * (VmHWM), which also catches a child's spike between two samples. When `root` is this process,
 * its own peak counter is reset first, so an earlier step's peak is not counted again. CPU time
 * tells a slow step from a busy machine: wall time grows with the neighbours' load, CPU time not.
 */
export function sampleUsage(root: number = process.pid, intervalMs = 100): UsageSampler {
	if (!canMeasureMemory) return { stop: () => ({}) };
	if (root === process.pid) {
		try {
			writeFileSync('/proc/self/clear_refs', '5'); // "5" resets VmHWM (Linux ≥ 4.0)
		} catch {
			// not permitted here: this process's own peak then includes earlier steps
		}
	}
	let peak = 0;
	/** CPU ticks per process: when first seen (0 for those born while sampling) and last seen. */
	const cpu = new Map<number, { first: number; last: number }>();
	let firstSample = true;
	const sample = () => {
		const table = processTable();
		let sum = 0;
		for (const pid of processTree(root, table)) {
			const ticks = table.get(pid)?.cpuTicks;
			if (ticks !== undefined) {
				const seen = cpu.get(pid);
				if (seen) seen.last = ticks;
				else cpu.set(pid, { first: firstSample ? ticks : 0, last: ticks });
			}
			const memory = processMemory(pid);
			if (!memory) continue;
			sum += memory.rss;
			peak = Math.max(peak, memory.hwm);
		}
		peak = Math.max(peak, sum);
		firstSample = false;
	};
	sample();
	const timer = setInterval(sample, intervalMs);
	timer.unref();
	return {
		stop() {
			clearInterval(timer);
			sample();
			let ticks = 0;
			for (const { first, last } of cpu.values()) ticks += last - first;
			return { peakRssBytes: peak, cpuSeconds: ticks / TICKS_PER_SECOND };
		},
	};
}

export interface FolderSize {
	files: number;
	bytes: number;
}

/**
 * Number of files and their total size under `dir` (0 and 0 when it does not exist). Walked one
 * folder at a time: a recursive listing of a 100,000-story `dist/` held ~0.5 GB in the build's
 * own process, which the bench's peak counts beside Astro's.
 */
export function folderSize(dir: string): FolderSize {
	let files = 0;
	let bytes = 0;
	const folders = [dir];
	while (folders.length) {
		const folder = folders.pop() as string;
		let entries;
		try {
			entries = readdirSync(folder, { withFileTypes: true });
		} catch {
			continue; // gone (or never there)
		}
		for (const entry of entries) {
			const file = path.join(folder, entry.name);
			if (entry.isDirectory()) folders.push(file);
			else if (entry.isFile()) {
				files++;
				bytes += statSync(file).size;
			}
		}
	}
	return { files, bytes };
}

/**
 * Node arguments for the Astro child: a V8 heap limit that grows with the article count. Without
 * one V8 puts off collections while memory is free and the peak follows the machine, not the
 * site (1.97 GB at 10,000 stories, against 1.28 GB with a 850 MB limit and the same CPU time;
 * 700 MB cost 45 % more CPU in collections: `docs/performance.md`). What Astro keeps alive grows
 * with the stories (their entries in the content store, one route each): ~0.3 GB at 10,000, where
 * a fixed ~0.3 GB weighs most, and ~2.5 GB at 100,000 (~25 KB a story), so the limit grows by
 * 50 KB a story up to 10,000 and 25 KB a story past that (3.1 GB at 100,000), capped at three
 * quarters of the machine. `byHand` (`CARAVAN_MAX_OLD_SPACE_MB`) overrides it.
 */
export function astroHeapLimitMb(
	articles: number,
	byHand?: number,
	machineMb = totalmem() / 2 ** 20,
): number {
	if (byHand !== undefined && byHand > 0) return byHand;
	const cap = Math.floor(machineMb * 0.75);
	const small = Math.min(articles, 10_000);
	const beyond = Math.max(articles - 10_000, 0);
	return Math.min(cap, 350 + Math.ceil(small * 0.05 + beyond * 0.025));
}
