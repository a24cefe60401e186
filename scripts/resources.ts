/**
 * What a step costs: peak memory of a process tree (sampled from /proc) and the files and bytes
 * of a folder. Used by `scripts/build.ts` (when CARAVAN_TIMINGS is set) and by `npm run bench`.
 * Linux only; elsewhere memory is reported as unknown rather than guessed.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Resident and peak-resident memory of one process, in bytes, from /proc/<pid>/status. */
function processMemory(pid: number): { rss: number; hwm: number } | undefined {
	try {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
		return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
	} catch {
		return undefined; // exited between listing and reading, or no /proc
	}
}

/** `pid` and all its descendants, from the parent links in /proc/<pid>/stat. */
function processTree(root: number): number[] {
	const children = new Map<number, number[]>();
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		try {
			const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
			// The command name may contain spaces and parentheses: fields resume after the last ')'.
			const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			const list = children.get(parent) ?? [];
			list.push(Number(name));
			children.set(parent, list);
		} catch {
			// exited meanwhile
		}
	}
	const tree: number[] = [];
	const queue = [root];
	while (queue.length) {
		const pid = queue.pop() as number;
		tree.push(pid);
		queue.push(...(children.get(pid) ?? []));
	}
	return tree;
}

export const canMeasureMemory = process.platform === 'linux' && processMemory(process.pid) !== undefined;

export interface MemorySampler {
	/** Stop sampling; the peak in bytes (undefined where memory cannot be measured). */
	stop(): number | undefined;
}

/**
 * Sample the resident memory of `root` and its descendants every `intervalMs` until stopped.
 * The peak is the larger of the highest summed RSS seen and the highest single-process peak
 * (VmHWM), which also catches a child's spike between two samples. When `root` is this process,
 * its own peak counter is reset first, so an earlier step's peak is not counted again.
 */
export function sampleMemory(root: number = process.pid, intervalMs = 100): MemorySampler {
	if (!canMeasureMemory) return { stop: () => undefined };
	if (root === process.pid) {
		try {
			writeFileSync('/proc/self/clear_refs', '5'); // "5" resets VmHWM (Linux ≥ 4.0)
		} catch {
			// not permitted here: this process's own peak then includes earlier steps
		}
	}
	let peak = 0;
	const sample = () => {
		let sum = 0;
		for (const pid of processTree(root)) {
			const memory = processMemory(pid);
			if (!memory) continue;
			sum += memory.rss;
			peak = Math.max(peak, memory.hwm);
		}
		peak = Math.max(peak, sum);
	};
	sample();
	const timer = setInterval(sample, intervalMs);
	timer.unref();
	return {
		stop() {
			clearInterval(timer);
			sample();
			return peak;
		},
	};
}

export interface FolderSize {
	files: number;
	bytes: number;
}

/** Number of files and their total size under `dir` (0 and 0 when it does not exist). */
export function folderSize(dir: string): FolderSize {
	let files = 0;
	let bytes = 0;
	let entries;
	try {
		entries = readdirSync(dir, { recursive: true, withFileTypes: true });
	} catch {
		return { files, bytes };
	}
	for (const entry of entries) {
		if (!entry.isFile()) continue;
		files++;
		bytes += statSync(path.join(entry.parentPath, entry.name)).size;
	}
	return { files, bytes };
}
