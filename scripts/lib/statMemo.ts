/**
 * What a step computed from each file it reads, remembered by the file's stat, as git's index
 * skips hashing files whose stat is unchanged: the post-build steps' findings in the output's
 * pages, and the check's digest of each content file. Files in the output and the caches are
 * never changed in place (docs/performance.md, "No full copy"): a page Astro restores from its
 * cache is a hard link to the file of the last build, and a page it renders is a new file. A
 * writer's editor does change content files in place, but each save gives a newer modification
 * time (see racy files below). So a file whose device, inode, size and modification time are
 * those remembered for its path is the file read last time, and is not read again; any other is
 * read and its entry replaced.
 *
 * - The change time is not part of the stat compared: linking a file (as Astro restores a page)
 *   changes it, so no restored page would ever match.
 * - Racy files, as git calls them: a file written again in place, to the same length and within
 *   one tick of the file system's clock, keeps its stat. The rule above rules that out for
 *   Caravan's own steps, and the memo does not depend on it either: a file modified no earlier
 *   than the moment the memo was opened (a probe file's modification time, on the same clock) is
 *   read and used but not remembered, so every file remembered was last written before it was
 *   read, and any later write gives it a newer modification time. The same holds for a new file
 *   that reuses a deleted file's inode: it is written after the memo was opened, so its time
 *   differs (short of a tool setting times by hand on the same disk).
 * - The memo lives in the build cache (`<cacheDir>/caravan-memo/<name>.json`), holds only the
 *   files looked up in the last run, and is written atomically (a new file renamed over the old
 *   one). A missing or unreadable memo, or one from another code version, is an empty one: it
 *   only saves time.
 */
import { readFileSync, statSync, type BigIntStats } from 'node:fs';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { cacheDir } from '../../src/config.ts';
import { writeFileAtomic } from '../../src/site/writeFileAtomic.ts';

/** Bump when the memo file changes shape. */
const FORMAT = 1;

/** The part of a file's stat that says it is the same file, unchanged: device, inode, size, mtime. */
export function statKey(stats: BigIntStats): string {
	return `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeNs}`;
}

/** Whether a file may change without its stat showing it: modified no earlier than `sinceNs`. */
export function isRacy(stats: BigIntStats, sinceNs: bigint): boolean {
	return stats.mtimeNs >= sinceNs;
}

/** The memo file: per path (relative to the folder the step reads), the stat key and the value. */
interface MemoData<T> {
	version: string;
	files: Record<string, [string, T]>;
}

/** The entries of a memo file's text, or none when it is not a memo of `version`. */
export function parseMemo<T>(text: string, version: string): Map<string, [string, T]> {
	try {
		const data = JSON.parse(text) as Partial<MemoData<T>> | null;
		if (data?.version !== version || typeof data.files !== 'object' || !data.files)
			return new Map();
		return new Map(
			Object.entries(data.files).filter(
				([, entry]) => Array.isArray(entry) && entry.length === 2 && typeof entry[0] === 'string',
			),
		);
	} catch {
		return new Map();
	}
}

export class StatMemo<T> {
	/** Files looked up, and of them those read, since the memo was opened. */
	looked = 0;
	read = 0;
	readonly #file: string;
	readonly #version: string;
	readonly #previous: Map<string, [string, T]>;
	/** The modification time of a file written as the memo was opened, on the file system's clock. */
	readonly #openedNs: bigint;
	readonly #next = new Map<string, [string, T]>();

	private constructor(
		file: string,
		version: string,
		previous: Map<string, [string, T]>,
		openedNs: bigint,
	) {
		this.#file = file;
		this.#version = version;
		this.#previous = previous;
		this.#openedNs = openedNs;
	}

	/** The memo `name` of the code `version`, from the build cache (empty when there is none). */
	static async open<T>(name: string, version: string): Promise<StatMemo<T>> {
		const file = path.join(cacheDir(), 'caravan-memo', `${name}.json`);
		const full = `${FORMAT}:${version}`;
		await mkdir(path.dirname(file), { recursive: true });
		const probe = `${file}.${process.pid}.probe`;
		await writeFile(probe, '');
		const { mtimeNs } = await stat(probe, { bigint: true });
		await rm(probe, { force: true });
		const text = await readFile(file, 'utf8').catch(() => '');
		return new StatMemo<T>(file, full, parseMemo<T>(text, full), mtimeNs);
	}

	/**
	 * What `compute` makes of the text of `file`, known as `key` (its path relative to the folder
	 * the step reads, so the same page in a new output folder is found): the remembered value
	 * while the file's stat is unchanged, else computed from the file read now.
	 */
	async value(file: string, key: string, compute: (text: string) => T): Promise<T> {
		const looked = this.#lookUp(file, key);
		if ('value' in looked) return looked.value;
		return this.#remember(key, looked, compute(await readFile(file, 'utf8')));
	}

	/**
	 * `value`, for a step that reads the file's bytes, and reads them synchronously: many small
	 * files, one at a time, are read faster so than through the thread pool.
	 */
	bytesValue(file: string, key: string, compute: (bytes: Buffer) => T): T {
		const looked = this.#lookUp(file, key);
		if ('value' in looked) return looked.value;
		return this.#remember(key, looked, compute(readFileSync(file)));
	}

	/** The remembered value of an unchanged file, or the stat of a file to read now. */
	#lookUp(file: string, key: string): { value: T } | BigIntStats {
		this.looked++;
		// Stat first, then read: a write between the two leaves a stat that no longer matches.
		const stats = statSync(file, { bigint: true });
		const known = this.#previous.get(key);
		if (known && known[0] === statKey(stats)) {
			this.#next.set(key, known);
			return { value: known[1] };
		}
		this.read++;
		return stats;
	}

	#remember(key: string, stats: BigIntStats, value: T): T {
		if (!isRacy(stats, this.#openedNs)) this.#next.set(key, [statKey(stats), value]);
		return value;
	}

	/** Write what this run looked up (files gone since the last run are left out), atomically. */
	async save(): Promise<void> {
		const data: MemoData<T> = { version: this.#version, files: Object.fromEntries(this.#next) };
		try {
			await writeFileAtomic(this.#file, JSON.stringify(data));
		} catch {
			// A read-only cache folder only costs time.
		}
	}
}
