/**
 * The archive rows of `npm run bench` (publish one story, then the first build of a new day:
 * `archive.ts`) run again on a corpus and caches kept by `npm run bench -- --keep`, without the
 * cold build before them: to measure a change to warm builds at 100,000 stories in minutes, not
 * an hour. `reset` first builds the corpus as generated, so the caches start from the state the
 * bench's own rows start from.
 *
 *   node scripts/bench/archiveByHand.ts <work>/100000 <out-dir> [reset]
 *
 * Writes each build's step timings, the last lines of its log and `rows.json` into `<out-dir>`.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { archiveRows } from './archive.ts';
import { CORPUS_EPOCH } from './corpus.ts';
import type { StepResult } from './results.ts';
import { runMeasured } from './run.ts';

const [work, out, reset] = process.argv.slice(2);
if (!work || !out) {
	console.error(
		'usage: node scripts/bench/archiveByHand.ts <kept corpus folder> <out-dir> [reset]',
	);
	process.exit(2);
}
const root = path.resolve(import.meta.dirname, '..', '..');
const rows: Record<string, unknown> = {};
await mkdir(out, { recursive: true });

async function build(label: string, epochSeconds: number): Promise<void> {
	const name = label.replace(/\W+/g, '-');
	const timingsFile = path.resolve(out as string, `${name}.json`);
	const run = await runMeasured(process.execPath, [path.join(root, 'scripts', 'build.ts')], {
		cwd: root,
		env: {
			...process.env,
			ASTRO_TELEMETRY_DISABLED: '1',
			CONTENT_DIR: path.join(work as string, 'content'),
			CARAVAN_OUT_DIR: path.join(work as string, 'caravan', 'dist'),
			CARAVAN_CACHE_DIR: path.join(work as string, 'caravan', 'cache'),
			SOURCE_DATE_EPOCH: String(epochSeconds),
			CARAVAN_TIMINGS: timingsFile,
		},
	});
	const timings = JSON.parse(await readFile(timingsFile, 'utf8')) as {
		measuringSeconds?: number;
		steps: StepResult[];
	};
	// As the bench counts it: less the seconds the build spent counting its output for this report.
	const seconds = run.seconds - (timings.measuringSeconds ?? 0);
	const peak = Math.max(run.peakRssBytes ?? 0, ...timings.steps.map((s) => s.peakRssBytes ?? 0));
	rows[label] = { seconds, cpuSeconds: run.cpuSeconds, peakRssBytes: peak, steps: timings.steps };
	console.log(
		`${label}: ${seconds.toFixed(1)} s wall, ${run.cpuSeconds?.toFixed(1)} s CPU, ${(peak / 1e9).toFixed(2)} GB`,
	);
	for (const step of timings.steps)
		console.log(
			`    ${step.name}: ${step.seconds.toFixed(2)} s, ${(step.cpuSeconds ?? 0).toFixed(1)} s CPU, ${((step.peakRssBytes ?? 0) / 1e9).toFixed(2)} GB`,
		);
	await writeFile(path.join(out as string, 'rows.json'), `${JSON.stringify(rows, null, '\t')}\n`);
	await writeFile(path.join(out as string, `${name}.log`), `${run.tail.join('\n')}\n`);
}

if (reset === 'reset') await build('warm build on the corpus as generated', CORPUS_EPOCH);
await archiveRows(path.join(work, 'content'), build);
