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
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { archiveRows } from './archive.ts';
import { fileLabel, runCaravanBuild } from './caravanBuild.ts';
import { CORPUS_EPOCH } from './corpus.ts';
import { formatBytes } from './results.ts';

const [work, out, reset] = process.argv.slice(2);
if (!work || !out) {
	console.error(
		'usage: node scripts/bench/archiveByHand.ts <kept corpus folder> <out-dir> [reset]',
	);
	process.exit(2);
}
const rows: Record<string, unknown> = {};
await mkdir(out, { recursive: true });
const paths = {
	contentDir: path.join(work, 'content'),
	outDir: path.join(work, 'caravan', 'dist'),
	cacheDir: path.join(work, 'caravan', 'cache'),
	workDir: path.resolve(out),
};

async function build(label: string, epochSeconds: number): Promise<void> {
	const { tail, ...row } = await runCaravanBuild(paths, label, { epochSeconds });
	rows[label] = row;
	console.log(
		`${label}: ${row.seconds.toFixed(1)} s wall, ${row.cpuSeconds?.toFixed(1)} s CPU, ${formatBytes(row.peakRssBytes)}`,
	);
	for (const step of row.steps)
		console.log(
			`    ${step.name}: ${step.seconds.toFixed(2)} s, ${(step.cpuSeconds ?? 0).toFixed(1)} s CPU, ${formatBytes(step.peakRssBytes)}`,
		);
	await writeFile(path.join(out as string, 'rows.json'), `${JSON.stringify(rows, null, '\t')}\n`);
	// Not `.log`, which git ignores: the tail is kept with the results.
	await writeFile(
		path.join(out as string, `${fileLabel(label)}-log-tail.txt`),
		`${tail.join('\n')}\n`,
	);
}

if (reset === 'reset') await build('warm build on the corpus as generated', CORPUS_EPOCH);
await archiveRows(paths.contentDir, build);
