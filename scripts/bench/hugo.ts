/**
 * The baseline: Debian's Hugo builds the same corpus with the minimal newsroom layout in
 * `scripts/bench/hugo/`, then the same Pagefind indexes Hugo's output.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { aptInstall } from '../lib/debian.ts';
import { folderSize } from '../lib/resources.ts';
import { INDEXED_PAGES } from '../lib/searchIndex.ts';
import type { BuildResult, StepResult } from './results.ts';
import { runMeasured } from './run.ts';

const root = path.resolve(import.meta.dirname, '../..');
const layout = path.join(import.meta.dirname, 'hugo');
const pagefindBin = path.join(root, 'node_modules', '.bin', 'pagefind');

/** Hugo's version, or undefined when it is not installed. */
export function hugoVersion(): string | undefined {
	const result = spawnSync('hugo', ['version'], { encoding: 'utf8' });
	return result.status === 0 ? /v(\d+\.\d+\.\d+)/.exec(result.stdout)?.[1] : undefined;
}

/** Install Debian's `hugo` when it is missing (as root, or through sudo). */
export function ensureHugo(log: (line: string) => void): string {
	const installed = hugoVersion();
	if (installed) return installed;
	log("hugo is missing: installing Debian's hugo with apt-get");
	if (!aptInstall('hugo', ['--no-install-recommends']))
		throw new Error('could not install hugo: run "apt-get install -y hugo" and try again');
	const version = hugoVersion();
	if (!version) throw new Error('hugo was installed but does not run');
	return version;
}

/**
 * The branded card's base image (paper, the accent rule along the top, the rule above the footer),
 * made here rather than kept as a binary; Hugo's `images.Text` sets the words on it.
 */
async function writeCardBase(file: string): Promise<void> {
	await mkdir(path.dirname(file), { recursive: true });
	const rule = (top: number, height: number, colour: string) => ({
		input: { create: { width: 1200, height, channels: 3 as const, background: colour } },
		top,
		left: 0,
	});
	await sharp({ create: { width: 1200, height: 630, channels: 3, background: '#fdfcf9' } })
		.composite([
			rule(0, 16, '#8a1c1c'),
			{
				...rule(540, 2, '#d6d1c4'),
				left: 72,
				input: { create: { width: 1056, height: 2, channels: 3, background: '#d6d1c4' } },
			},
		])
		.png()
		.toFile(file);
}

export interface HugoPaths {
	contentDir: string;
	/** Scratch folder for the site, its output and its cache. */
	workDir: string;
	/** "Now" of the build, as SOURCE_DATE_EPOCH is for Caravan. */
	epochSeconds: number;
}

export const hugoOutDir = (paths: HugoPaths) => path.join(paths.workDir, 'public');

/** Build with Hugo, then index with Pagefind; cold when `fresh` (site, output and cache emptied first). */
export async function buildWithHugo(
	paths: HugoPaths,
	fresh: boolean,
	onLine: (step: string, line: string) => void,
): Promise<BuildResult> {
	const site = path.join(paths.workDir, 'site');
	const out = hugoOutDir(paths);
	const cache = path.join(paths.workDir, 'cache');
	if (fresh) {
		await rm(paths.workDir, { recursive: true, force: true });
		await cp(layout, site, { recursive: true });
		await writeCardBase(path.join(site, 'assets', 'card.png'));
	}
	// Hugo reads the clock as an offset date-time; the time zone is the site's.
	const clock =
		new Date((paths.epochSeconds + 5 * 3600) * 1000).toISOString().slice(0, 19) + '+05:00';
	const steps: StepResult[] = [];
	const step = async (name: string, command: string, args: string[]) => {
		const before = folderSize(out);
		const run = await runMeasured(command, args, {
			cwd: site,
			onLine: (line) => onLine(name, line),
		});
		const after = folderSize(out);
		steps.push({
			name,
			seconds: run.seconds,
			peakRssBytes: run.peakRssBytes,
			cpuSeconds: run.cpuSeconds,
			files: after.files - before.files,
			bytes: after.bytes - before.bytes,
		});
	};
	await step('hugo build', 'hugo', [
		'--source',
		site,
		'--contentDir',
		paths.contentDir,
		'--destination',
		out,
		'--cacheDir',
		cache,
		'--clock',
		clock,
		'--noBuildLock',
	]);
	// The pages Caravan's own search step reads, so both index the same work.
	await step('pagefind', pagefindBin, ['--site', out, '--glob', INDEXED_PAGES]);
	// The two commands' wall times: the folder measurements between them are the bench's, not Hugo's.
	const seconds = steps.reduce((sum, s) => sum + s.seconds, 0);
	const cpuSeconds = steps.reduce((sum, s) => sum + (s.cpuSeconds ?? 0), 0);
	return {
		seconds,
		cpuSeconds,
		peakRssBytes: Math.max(...steps.map((s) => s.peakRssBytes ?? 0)) || undefined,
		steps,
	};
}
