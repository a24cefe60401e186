/**
 * What the build cache costs on disk beside `dist/` (issue 14): the blocks of each entry of
 * `CARAVAN_CACHE_DIR`, a file hard-linked more than once counted once, and how much of it is the
 * very files of `dist/` (a page or card the cache links into `dist/` costs no disk of its own,
 * though a CI cache that archives the folder alone stores it in full). Walking a folder is the
 * only I/O; the sums (`diskUsage`) are pure, so they are tested on made-up trees.
 */
import { lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** One file or folder as stored: its inode (device and number) and the bytes of its blocks. */
export interface Inode {
	id: string;
	bytes: number;
	file: boolean;
}

export interface Usage {
	/** Distinct files (a file linked twice is one). */
	files: number;
	/** Bytes of the blocks of every distinct file and folder, as `du` counts them. */
	bytes: number;
}

export interface CacheEntryUsage extends Usage {
	/** The entry's name in the cache folder (`caravan-cards`, `data-store.json`, …). */
	name: string;
	/** Of `bytes`, what is the same files as `dist/` (hard links): no disk beside it. */
	sharedBytes: number;
}

export interface CacheUsage {
	dist: Usage;
	/** The whole cache folder, each file once. */
	cache: Usage & { sharedBytes: number };
	/** Its entries, largest first. */
	entries: CacheEntryUsage[];
}

/** The inode of `file` (a symbolic link itself, not followed), or undefined when there is none. */
function inodeOf(file: string): Inode | undefined {
	try {
		const stat = lstatSync(file, { bigint: true });
		return {
			id: `${stat.dev}:${stat.ino}`,
			bytes: Number(stat.blocks) * 512,
			file: !stat.isDirectory(),
		};
	} catch {
		return undefined; // removed meanwhile, or never there
	}
}

/** Every file and folder at and under `target` (nothing when it does not exist). */
export function inodesUnder(target: string): Inode[] {
	const top = inodeOf(target);
	if (!top || top.file) return top ? [top] : [];
	const below = readdirSync(target, { recursive: true, withFileTypes: true }).map((entry) =>
		inodeOf(path.join(entry.parentPath, entry.name)),
	);
	return [top, ...below.filter((found) => found !== undefined)];
}

/** Files and bytes of `inodes`, each inode once. */
export function usageOf(inodes: readonly Inode[]): Usage {
	const seen = new Map(inodes.map((inode) => [inode.id, inode]));
	let files = 0;
	let bytes = 0;
	for (const inode of seen.values()) {
		if (inode.file) files++;
		bytes += inode.bytes;
	}
	return { files, bytes };
}

/** Bytes of the distinct inodes of `inodes` that are also in `others`. */
function sharedBytes(inodes: readonly Inode[], others: ReadonlySet<string>): number {
	return usageOf(inodes.filter((inode) => others.has(inode.id))).bytes;
}

/** The cache's usage, whole and by entry, and what of it `dist/` shares. */
export function diskUsage(
	dist: readonly Inode[],
	entries: readonly { name: string; inodes: readonly Inode[] }[],
	cacheRoot: readonly Inode[] = [],
): CacheUsage {
	const inDist = new Set(dist.map((inode) => inode.id));
	const all = [...cacheRoot, ...entries.flatMap((entry) => entry.inodes)];
	return {
		dist: usageOf(dist),
		cache: { ...usageOf(all), sharedBytes: sharedBytes(all, inDist) },
		entries: entries
			.map(({ name, inodes }) => ({
				name,
				...usageOf(inodes),
				sharedBytes: sharedBytes(inodes, inDist),
			}))
			.sort((a, b) => b.bytes - a.bytes || (a.name < b.name ? -1 : 1)),
	};
}

/** Measure the cache folder `cacheDir` beside the output folder `distDir`. */
export function measureCache(cacheDir: string, distDir: string): CacheUsage {
	const root = inodeOf(cacheDir);
	const names = root && !root.file ? readdirSync(cacheDir).sort() : [];
	return diskUsage(
		inodesUnder(distDir),
		names.map((name) => ({ name, inodes: inodesUnder(path.join(cacheDir, name)) })),
		root ? [root] : [],
	);
}
