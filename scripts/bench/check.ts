/**
 * What `npm run check` costs on the bench corpus: the whole content and one changed file, each
 * with the validation cache empty (cold) and filled by the run before (warm). Every run is its
 * own process, as a writer or the pre-commit hook starts it: wall, CPU and peak memory.
 *
 * Also runs on its own, without building: `node scripts/bench/check.ts --articles 10000 [--work DIR]`.
 */
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { editArticle, generateCorpus, writeCorpus } from './corpus.ts';
import { runMeasured } from './run.ts';

const root = path.resolve(import.meta.dirname, '..', '..');

export interface CheckRun {
	seconds: number;
	cpuSeconds?: number;
	peakRssBytes?: number;
}

export interface CheckFigures {
	/** `npm run check` of every file. */
	full: { cold: CheckRun; warm: CheckRun };
	/** `npm run check -- <file>` after one story was edited: the file, plus the rules across all files. */
	oneFile: { cold: CheckRun; warm: CheckRun };
}

/** Measure the check on `contentDir`, editing the story `editSlug`; `workDir` holds the cache. */
export async function measureCheck(
	contentDir: string,
	workDir: string,
	editSlug: string,
	env: NodeJS.ProcessEnv = process.env,
): Promise<CheckFigures> {
	const cacheDir = path.join(workDir, 'check-cache');
	const run = async (args: string[], cold: boolean): Promise<CheckRun> => {
		if (cold) await rm(cacheDir, { recursive: true, force: true });
		const { seconds, cpuSeconds, peakRssBytes } = await runMeasured(
			process.execPath,
			[path.join(root, 'scripts', 'check.ts'), ...args],
			{
				cwd: root,
				env: { ...env, CONTENT_DIR: contentDir, CARAVAN_CACHE_DIR: cacheDir },
			},
		);
		return { seconds, cpuSeconds, peakRssBytes };
	};
	const full = { cold: await run([], true), warm: await run([], false) };
	const edited = await editArticle(contentDir, editSlug, 'a check');
	const warm = await run([edited], false);
	const cold = await run([edited], true);
	return { full, oneFile: { cold, warm } };
}

if (import.meta.main) {
	const { values } = parseArgs({
		options: {
			articles: { type: 'string', default: '1000' },
			work: { type: 'string' },
			images: { type: 'string', default: '0.2' },
		},
	});
	const options = { articles: Number(values.articles), imageShare: Number(values.images) };
	const work = path.resolve(
		values.work ?? path.join(os.tmpdir(), `caravan-bench-check-${options.articles}`),
	);
	const contentDir = path.join(work, 'content');
	await mkdir(work, { recursive: true });
	// The same seed gives the same corpus: one already on disk is reused.
	const { summary } = existsSync(contentDir)
		? generateCorpus(options)
		: { summary: await writeCorpus(contentDir, options) };
	const figures = await measureCheck(contentDir, work, summary.editTarget);
	console.log(
		JSON.stringify(
			{
				articles: options.articles,
				cores: os.cpus().length,
				loadAverage: os.loadavg()[0],
				...figures,
			},
			null,
			'\t',
		),
	);
}
