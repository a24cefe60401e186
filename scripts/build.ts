/**
 * `npm run build`: validate content, build with Astro into a scratch folder, run the post-build
 * steps, then swap the result into `dist/`, the previous site kept whole as `dist.old/` until the
 * next build. Any failure leaves the previous `dist/` untouched.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { cacheDir } from '../src/config.ts';
import { acquireBuildLock, type BuildLock } from './lib/buildLock.ts';
import { inChildProcess } from './lib/childProcess.ts';
import { previousSiteDir, retirePreviousSite } from './lib/previousSite.ts';
import type { CheckResult } from './check.ts';
import { markOutput, unfinishedOutput } from './lib/finishedOutput.ts';
import { guardPageCache } from './lib/pageCache.ts';
import { astroHeapLimitMb, folderSize, sampleUsage } from './lib/resources.ts';

const root = path.resolve(import.meta.dirname, '..');
const outDir = path.resolve(process.env.CARAVAN_OUT_DIR ?? path.join(root, 'dist'));
const scratchDir = `${outDir}.tmp`;
const oldDir = previousSiteDir(outDir);
/** One build at a time per checkout (scripts/lib/buildLock.ts); in `.astro/`, which builds share. */
const lockDir = path.join(root, '.astro', 'build.lock');
let lock: BuildLock | undefined;

/** A post-build step: what it is called, the folder of the output it writes, and how it runs. */
interface PostBuildStep {
	name: string;
	folder: string;
	/** Runs the step on the output folder; `others` settles when the other steps of its stage are done. */
	run: (dir: string, report: StepReport, others: Promise<unknown>) => Promise<void>;
}

/** A post-build step: `name` exported by `module`, given the output folder, in a child process. */
const inChild =
	(module: string, name: string): PostBuildStep['run'] =>
	(dir, report, others) =>
		inChildProcess<void>(new URL(module, import.meta.url), name, [dir], { ...report, others });

/**
 * Steps run on the finished Astro output before it replaces `dist/`: the stages in order, the
 * steps of a stage at once. Each runs in a child process (scripts/lib/childProcess.ts), so the
 * build's own process stays small beside Astro and Pagefind (issue 14's memory target counts the
 * whole process tree). None reads what another of its stage writes. The search index starts with
 * the images and cards but reads at most 2,000 pages and indexes at most one bundle beside them
 * (scripts/lib/searchIndex.ts): a publish at 100,000 stories, where the image and search steps
 * each use about one core, spends ~18 s here instead of ~24 s (at 10,000 stories, CPU-bound on 2
 * cores, the same as one after the other), and a cold build indexes on its own, within the memory
 * Pagefind needs alone (docs/performance.md, seventh part).
 */
const postBuildStages: PostBuildStep[][] = [
	// Astro writes ru/404.astro as ru/404/index.html; CDNs look for the nearest 404.html.
	[{ name: 'edition 404 pages', folder: '.', run: moveEdition404s }],
	[
		// The processed images the pages use, linked from the image cache (scripts/lib/processedImages.ts).
		{
			name: 'processed images',
			folder: '_images',
			run: inChild('./lib/processedImages.ts', 'linkProcessedImages'),
		},
		// The cards Astro listed, drawn on every core (scripts/lib/cards.ts).
		{ name: 'social cards', folder: 'cards', run: inChild('./lib/cards.ts', 'drawCards') },
		// Pagefind reads the article pages, which Astro has finished.
		{
			name: 'search index',
			folder: 'pagefind',
			run: inChild('./lib/searchIndex.ts', 'buildSearchIndex'),
		},
	],
];

async function moveEdition404s(dir: string): Promise<void> {
	for (const entry of await readdir(dir, { withFileTypes: true })) {
		const page = path.join(dir, entry.name, '404', 'index.html');
		if (!entry.isDirectory() || !existsSync(page)) continue;
		await rename(page, path.join(dir, entry.name, '404.html'));
		await rm(path.join(dir, entry.name, '404'), { recursive: true });
	}
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<void> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, {
			cwd: root,
			stdio: 'inherit',
			env: { ...process.env, ...env },
		});
		if (child.pid) lock?.setChild(child.pid).catch(reject);
		child.on('error', reject);
		child.on('exit', (code, signal) =>
			code === 0
				? resolve()
				: reject(
						new Error(
							`${path.basename(command)} ${args[0] ?? ''} failed (${signal ?? `exit ${code}`})`,
						),
					),
		);
	});
}

/** One step's cost, written to `CARAVAN_TIMINGS` for `npm run bench`. */
export interface StepTiming {
	name: string;
	seconds: number;
	/** Peak resident memory of the build and its child processes during the step. */
	peakRssBytes?: number;
	/** CPU time of the build and its child processes during the step. */
	cpuSeconds?: number;
	/** Files and bytes the step added to the output folder (negative when it removed some). */
	files: number;
	bytes: number;
}

/** Where to write step timings as JSON; measuring the output folder costs time, so only when asked. */
const timingsFile = process.env.CARAVAN_TIMINGS
	? path.resolve(process.env.CARAVAN_TIMINGS)
	: undefined;
const timings: StepTiming[] = [];
/** Seconds spent measuring folders, outside every step's time. */
let measuringSeconds = 0;

function measuredSize(dir: string): { files: number; bytes: number } {
	const start = performance.now();
	const size = folderSize(dir);
	measuringSeconds += (performance.now() - start) / 1000;
	return size;
}

/** What a step tells `timed` as it runs: its process, and time it spent waiting for others. */
interface StepReport {
	started: (pid: number) => void;
	waited: (seconds: number) => void;
}

/**
 * Run `step`, timed for `CARAVAN_TIMINGS`: wall and CPU time, peak memory, and the files and bytes
 * it added to `folder` of the output. Memory and CPU are the whole process tree's, or only the
 * step's own child process once the step names it (`started`), so that steps run at once are
 * told apart; the bench's figure for the whole build samples the whole tree. Time the step says
 * it spent waiting for the steps beside it (`waited`) is not its own. A step run beside others
 * passes `sizesLater`: its output is counted once they are all done, not while they write.
 */
async function timed<T>(
	name: string,
	step: (report: StepReport) => Promise<T>,
	folder = '.',
	sizesLater?: (() => void)[],
): Promise<T> {
	const measured = path.join(scratchDir, folder);
	const before = timingsFile ? measuredSize(measured) : undefined;
	let usage = timingsFile ? sampleUsage() : undefined;
	let waitedSeconds = 0;
	const report: StepReport = {
		started: (pid) => {
			if (!usage) return;
			usage.stop();
			usage = sampleUsage(pid);
		},
		waited: (seconds) => (waitedSeconds += seconds),
	};
	const start = performance.now();
	const result = await step(report);
	const seconds = (performance.now() - start) / 1000 - waitedSeconds;
	console.log(
		`[caravan] ${name}: ${seconds.toFixed(1)} s${waitedSeconds ? ` (and ${waitedSeconds.toFixed(1)} s waiting for the steps beside it)` : ''}`,
	);
	if (before && usage) {
		const { peakRssBytes, cpuSeconds } = usage.stop();
		const timing: StepTiming = { name, seconds, peakRssBytes, cpuSeconds, files: 0, bytes: 0 };
		timings.push(timing);
		const measure = () => {
			const after = measuredSize(measured);
			timing.files = after.files - before.files;
			timing.bytes = after.bytes - before.bytes;
		};
		if (sizesLater) sizesLater.push(measure);
		else measure();
	}
	return result;
}

async function runStage(stage: PostBuildStep[]): Promise<void> {
	const sizesLater: (() => void)[] = [];
	const done = stage.map(() => Promise.withResolvers<void>());
	await Promise.all(
		stage.map((step, i) =>
			timed(
				step.name,
				(report) => {
					const others = Promise.all(done.filter((_, j) => j !== i).map(({ promise }) => promise));
					return step.run(scratchDir, report, others);
				},
				step.folder,
				sizesLater,
			).finally(() => done[i]!.resolve()),
		),
	);
	for (const measure of sizesLater) measure();
}

/** Node arguments for the Astro child: its heap limit, and profiling flags when asked. */
function astroNodeArgs(articles: number): string[] {
	const args = (process.env.CARAVAN_ASTRO_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
	return [
		...args,
		`--max-old-space-size=${astroHeapLimitMb(articles, Number(process.env.CARAVAN_MAX_OLD_SPACE_MB))}`,
	];
}

async function main(): Promise<void> {
	const buildStart = performance.now();
	lock = await acquireBuildLock(lockDir, (line) => console.log(`[caravan] ${line}`));
	await retirePreviousSite(outDir);
	const buildId = `${process.pid} ${new Date().toISOString()}`;
	const { problems, articles } = await timed('check', (report) =>
		inChildProcess<CheckResult>(new URL('./check.ts', import.meta.url), 'checkContent', [], report),
	);
	if (problems.length) {
		(await import('./check.ts')).printProblems(problems);
		console.error(
			`\nBuild stopped: ${problems.length} problem${problems.length === 1 ? '' : 's'} in the content. dist/ was not changed.`,
		);
		await lock.release();
		process.exit(1);
	}
	console.log(`[caravan] content OK: ${articles} articles`);

	await rm(scratchDir, { recursive: true, force: true });
	const astro = path.join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
	const astroStepFinished = await guardPageCache(cacheDir());
	await timed('astro build', () =>
		run(process.execPath, [...astroNodeArgs(articles), astro, 'build', '--outDir', scratchDir], {
			ASTRO_TELEMETRY_DISABLED: '1',
			NODE_ENV: 'production',
			// Astro's content store in 20 MB files, at every size (astro.config.mjs); `0` asks for one file.
			CARAVAN_CHUNKED_STORE: process.env.CARAVAN_CHUNKED_STORE ?? '1',
			// glibc gives each thread that allocates (sharp's, libuv's) a malloc arena of its own and
			// keeps what they free: at 10,000 stories with lead images, 14 arenas held ~0.6 GB beside
			// an 850 MB heap (peak 1.56 GB); two arenas, 1.1 GB (docs/performance.md, sixth part).
			MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2',
		}),
	);
	await astroStepFinished();
	await markOutput(scratchDir, buildId);
	for (const stage of postBuildStages) await runStage(stage);

	// Swap: the old dist/ is moved aside only once the new one is complete, and this build's own.
	const unfinished = await unfinishedOutput(scratchDir, buildId);
	if (unfinished.length)
		throw new Error(
			`the new site in ${path.basename(scratchDir)}/ is not complete (${unfinished.join('; ')})`,
		);
	// The previous site stays beside the new one, whole, as `dist.old/` until the next build.
	if (existsSync(outDir)) await rename(outDir, oldDir);
	await rename(scratchDir, outDir);
	await lock.release();
	const relative = path.relative(process.cwd(), outDir);
	console.log(`[caravan] built ${relative && !relative.startsWith('..') ? relative : outDir}/`);
	if (timingsFile) {
		const seconds = (performance.now() - buildStart) / 1000 - measuringSeconds;
		await mkdir(path.dirname(timingsFile), { recursive: true });
		await writeFile(
			timingsFile,
			`${JSON.stringify({ articles, seconds, measuringSeconds, steps: timings }, null, '\t')}\n`,
		);
	}
}

main().catch(async (error: unknown) => {
	// Only a build holding the lock may touch the scratch folder: another build may be writing it.
	if (lock) {
		await rm(scratchDir, { recursive: true, force: true });
		await lock.release();
	}
	console.error(
		`\nBuild failed: ${error instanceof Error ? error.message : String(error)}. dist/ was not changed.`,
	);
	process.exit(1);
});
