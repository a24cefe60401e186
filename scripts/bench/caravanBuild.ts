/**
 * One timed run of `scripts/build.ts` on a bench corpus, as the bench and `archiveByHand.ts`
 * both run it: the environment of a CI job, the build's own step timings (`CARAVAN_TIMINGS`),
 * and its wall time less the seconds it spent counting its output for that report.
 */
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { cleanEnv, ROOT } from '../lib/fixtureSites.ts';
import { CORPUS_EPOCH } from './corpus.ts';
import type { StepResult } from './results.ts';
import { runMeasured } from './run.ts';

/** Where a corpus's build reads, writes and keeps its caches and timings. */
export interface CaravanPaths {
	contentDir: string;
	outDir: string;
	cacheDir: string;
	workDir: string;
}

export interface CaravanRun {
	seconds: number;
	cpuSeconds?: number;
	/** The highest of the whole run's and of any step's own peak. */
	peakRssBytes?: number;
	steps: StepResult[];
	/** The build's last lines of output. */
	tail: string[];
}

/** A run's label as part of a file name. */
export const fileLabel = (label: string): string => label.replace(/\W+/g, '-');

export async function runCaravanBuild(
	paths: CaravanPaths,
	label: string,
	options: { epochSeconds?: number; astroNodeArgs?: string; onLine?: (line: string) => void } = {},
): Promise<CaravanRun> {
	const timingsFile = path.join(paths.workDir, `timings-${fileLabel(label)}.json`);
	await rm(timingsFile, { force: true });
	const run = await runMeasured(process.execPath, [path.join(ROOT, 'scripts', 'build.ts')], {
		cwd: ROOT,
		env: cleanEnv({
			CONTENT_DIR: paths.contentDir,
			CARAVAN_OUT_DIR: paths.outDir,
			CARAVAN_CACHE_DIR: paths.cacheDir,
			SOURCE_DATE_EPOCH: String(options.epochSeconds ?? CORPUS_EPOCH),
			CARAVAN_TIMINGS: timingsFile,
			...(options.astroNodeArgs ? { CARAVAN_ASTRO_NODE_ARGS: options.astroNodeArgs } : {}),
		}),
		onLine: options.onLine,
	});
	const timings = existsSync(timingsFile)
		? (JSON.parse(await readFile(timingsFile, 'utf8')) as {
				steps: StepResult[];
				measuringSeconds?: number;
			})
		: { steps: [] };
	const peaks = [run.peakRssBytes, ...timings.steps.map((s) => s.peakRssBytes)].filter(
		(v): v is number => v !== undefined,
	);
	return {
		// Less the time the build spent counting its output's files for this report
		// (CARAVAN_TIMINGS: twice a step, ~3 s at 10,000 stories), which a real build does not do.
		seconds: run.seconds - (timings.measuringSeconds ?? 0),
		cpuSeconds: run.cpuSeconds,
		peakRssBytes: peaks.length ? Math.max(...peaks) : undefined,
		steps: timings.steps,
		tail: run.tail,
	};
}
