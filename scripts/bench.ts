/**
 * `npm run bench -- --articles 1000,10000 [--baseline hugo] [--keep]`: build a generated
 * newsroom corpus cold and warm, measure every step, the output and a first search, optionally
 * beside Hugo + Pagefind on the same corpus; write results.json, results.md and chart.svg.
 * See scripts/bench/README.md.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import {
	CORPUS_EPOCH,
	editArticle,
	SEARCH_WORD,
	writeCorpus,
	type CorpusSummary,
} from './bench/corpus.ts';
import { buildWithHugo, ensureHugo, hugoOutDir, hugoVersion } from './bench/hugo.ts';
import {
	cardText,
	markdownReport,
	svgChart,
	type ArticlePage,
	type BenchResults,
	type BuildResult,
	type Machine,
	type PipelineResult,
	type SiteOutput,
	type SizeResult,
} from './bench/results.ts';
import { measureCache } from './bench/diskUsage.ts';
import { runCaravanBuild, type CaravanPaths } from './bench/caravanBuild.ts';
import { cleanEnv } from './lib/fixtureSites.ts';
import type { DevFigures } from './bench/dev.ts';
import type { SearchFigures } from './bench/search.ts';
import { folderSize } from './lib/resources.ts';

const root = path.resolve(import.meta.dirname, '..');

const USAGE = `npm run bench -- [options]
  --articles N[,N…]   corpus sizes to build (default 1000)
  --baseline hugo     also build each corpus with Hugo + Pagefind and print ratios
  --images SHARE      share of stories with a lead image, 0–1 (default 0.2)
  --out DIR           where results.json, results.md and chart.svg go (default scripts/bench/last-run)
  --merge             keep the other sizes already in DIR/results.json
  --no-search         skip the first-search measurement in Chromium
  --no-warm           skip the warm rebuild
  --no-dev            skip timing npm run dev (start, and reload after an edit)
  --cpu-prof DIR      write V8 CPU profiles of the cold Astro build into DIR
  --work DIR          scratch folder (default: a new temporary folder)
  --keep              keep the scratch folder (corpus and outputs) afterwards
  --report-only       only rewrite results.md and chart.svg from DIR/results.json`;

const { values: args } = parseArgs({
	allowNegative: true,
	options: {
		articles: { type: 'string', default: '1000' },
		baseline: { type: 'string' },
		images: { type: 'string' },
		out: { type: 'string', default: path.join(root, 'scripts', 'bench', 'last-run') },
		merge: { type: 'boolean', default: false },
		search: { type: 'boolean', default: true },
		warm: { type: 'boolean', default: true },
		dev: { type: 'boolean', default: true },
		'cpu-prof': { type: 'string' },
		work: { type: 'string' },
		keep: { type: 'boolean', default: false },
		'report-only': { type: 'boolean', default: false },
		help: { type: 'boolean', default: false },
	},
});

if (args.help) {
	console.log(USAGE);
	process.exit(0);
}
if (args['report-only']) {
	const out = path.resolve(args.out);
	const results = JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8')) as BenchResults;
	await writeFile(path.join(out, 'results.md'), markdownReport(results));
	await writeFile(path.join(out, 'chart.svg'), svgChart(results));
	console.log(`rewrote ${path.join(out, 'results.md')} and chart.svg`);
	process.exit(0);
}
const sizes = args.articles.split(',').map((n) => Number(n.replace(/[_\s]/g, '')));
if (!sizes.length || sizes.some((n) => !Number.isInteger(n) || n < 10)) {
	console.error(`--articles expects whole numbers of at least 10, like 1000,10000\n\n${USAGE}`);
	process.exit(2);
}
if (args.baseline !== undefined && args.baseline !== 'hugo') {
	console.error(`--baseline: only "hugo" is supported\n\n${USAGE}`);
	process.exit(2);
}
const imageShare = args.images === undefined ? 0.2 : Number(args.images);
if (!(imageShare >= 0 && imageShare <= 1)) {
	console.error('--images expects a share between 0 and 1, like 0.2');
	process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// Progress: one line rewritten in place on a terminal, a line every few seconds in a log.

const tty = process.stderr.isTTY === true;
let shownAt = 0;
let shownPhase = '';
function progress(phase: string, detail = ''): void {
	const line = `[bench] ${phase}${detail ? ` · ${detail}` : ''}`;
	const now = performance.now();
	if (tty) process.stderr.write(`\r\x1b[K${line.slice(0, (process.stderr.columns || 120) - 1)}`);
	else if (phase !== shownPhase || now - shownAt > 10_000) {
		process.stderr.write(`${line}\n`);
		shownAt = now;
	}
	shownPhase = phase;
}
function say(line: string): void {
	if (tty) process.stderr.write('\r\x1b[K');
	process.stderr.write(`[bench] ${line}\n`);
	shownPhase = '';
}

// ---------------------------------------------------------------------------------------------
// Caravan

/** One `npm run build` of the corpus, with its step timings; cold when `fresh` (every cache emptied). */
async function buildCaravan(
	paths: CaravanPaths,
	label: string,
	fresh: boolean,
	cpuProfileDir?: string,
	epochSeconds = CORPUS_EPOCH,
): Promise<BuildResult> {
	if (fresh) {
		await rm(paths.outDir, { recursive: true, force: true });
		await rm(paths.cacheDir, { recursive: true, force: true });
		// Build steps may keep caches here too; a cold build starts without them.
		await rm(path.join(root, 'node_modules', '.cache'), { recursive: true, force: true });
	}
	let pages = 0;
	let lastStep = '';
	const started = performance.now();
	const elapsed = () => `${Math.round((performance.now() - started) / 1000)} s`;
	const ticker = setInterval(() => progress(`caravan ${label}`, status()), 1000);
	const status = () =>
		pages
			? `astro build: ${formatNumber(pages)} pages written, ${elapsed()}`
			: lastStep
				? `after ${lastStep}, ${elapsed()}`
				: `validating and starting Astro, ${elapsed()}`;
	try {
		const run = await runCaravanBuild(paths, label, {
			epochSeconds,
			astroNodeArgs: cpuProfileDir ? `--cpu-prof --cpu-prof-dir=${cpuProfileDir}` : undefined,
			onLine: (line) => {
				if (line.includes('├─')) pages++;
				const done = /^\[caravan\] (.+): [\d.]+ s$/.exec(line);
				if (done) {
					lastStep = done[1] as string;
					if (lastStep.startsWith('astro')) pages = 0;
				}
				progress(`caravan ${label}`, status());
			},
		});
		return {
			seconds: run.seconds,
			cpuSeconds: run.cpuSeconds,
			peakRssBytes: run.peakRssBytes,
			steps: run.steps,
			// What the caches hold once this build is done, beside the dist/ it left (issue 14).
			cache: measureCache(paths.cacheDir, paths.outDir),
		};
	} finally {
		clearInterval(ticker);
	}
}

const formatNumber = (n: number) => n.toLocaleString('en-GB');

// ---------------------------------------------------------------------------------------------
// Output

/** The median-sized article page, and what it weighs with the CSS and JS it links. */
async function articlePage(dist: string): Promise<ArticlePage | undefined> {
	const dir = path.join(dist, 'articles');
	const slugs = await readdir(dir).catch(() => [] as string[]);
	const pages: { file: string; size: number }[] = [];
	for (const slug of slugs) {
		const file = path.join(dir, slug, 'index.html');
		const size = await stat(file).then(
			(s) => s.size,
			() => -1,
		);
		if (size >= 0) pages.push({ file, size });
	}
	pages.sort((a, b) => a.size - b.size || (a.file < b.file ? -1 : 1));
	const median = pages[Math.floor(pages.length / 2)];
	if (!median) return undefined;
	const html = await readFile(median.file);
	let withAssetsBytes = html.length;
	let withAssetsGzipBytes = gzipSync(html).length;
	const assets = new Set<string>();
	for (const match of html
		.toString('utf8')
		.matchAll(/<(?:link[^>]*\brel="?stylesheet"?[^>]*\bhref|script[^>]*\bsrc)="?([^"\s>]+)/g)) {
		const href = match[1] as string;
		if (href.startsWith('/') && !href.startsWith('//')) assets.add(href.split(/[?#]/)[0] as string);
	}
	for (const asset of assets) {
		const body = await readFile(path.join(dist, asset)).catch(() => undefined);
		if (!body) continue;
		withAssetsBytes += body.length;
		withAssetsGzipBytes += gzipSync(body).length;
	}
	return {
		path: path.relative(dist, median.file).split(path.sep).join('/'),
		htmlBytes: html.length,
		htmlGzipBytes: gzipSync(html).length,
		withAssetsBytes,
		withAssetsGzipBytes,
	};
}

async function siteOutput(dist: string): Promise<SiteOutput> {
	const { files, bytes } = folderSize(dist);
	// Every bundle: pagefind/ holds them all (src/lib/searchBundles.ts), Hugo's one index too.
	const bundles = (await readdir(dist))
		.filter((name) => name === 'pagefind')
		.map((name) => folderSize(path.join(dist, name)));
	const searchIndex = bundles.length
		? bundles.reduce(
				(sum, size) => ({ files: sum.files + size.files, bytes: sum.bytes + size.bytes }),
				{ files: 0, bytes: 0 },
			)
		: undefined;
	return { files, bytes, articlePage: await articlePage(dist), searchIndex };
}

async function firstSearch(dist: string, label: string): Promise<SearchFigures> {
	if (!args.search) return { query: SEARCH_WORD, notes: ['not measured (--no-search)'] };
	progress(`${label}: first search in Chromium`);
	try {
		const { measureFirstSearch } = await import('./bench/search.ts');
		return await measureFirstSearch(dist, SEARCH_WORD);
	} catch (error) {
		return {
			query: SEARCH_WORD,
			notes: [
				`not measured: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
			],
		};
	}
}

/** `npm run dev` on the corpus (scripts/bench/dev.ts), after the builds, on a cache of its own. */
async function timeDev(
	paths: CaravanPaths,
	editTarget: string,
	phase: (what: string) => string,
): Promise<DevFigures> {
	const { measureDev } = await import('./bench/dev.ts');
	const dev = await measureDev({
		root,
		contentDir: paths.contentDir,
		cacheDir: path.join(paths.workDir, 'dev-cache'),
		env: cleanEnv({ SOURCE_DATE_EPOCH: String(CORPUS_EPOCH) }),
		editSlug: editTarget,
		onProgress: (what) => progress(phase(what)),
	});
	say(
		`npm run dev: cold start ${dev.cold.seconds.toFixed(1)} s, warm ${dev.warm?.seconds.toFixed(1)} s, reload after an edit ${dev.reload?.seconds.toFixed(2)} s`,
	);
	return dev;
}

// ---------------------------------------------------------------------------------------------
// One corpus size

async function benchSize(
	articles: number,
	workRoot: string,
	position: string,
): Promise<SizeResult> {
	const work = path.join(workRoot, String(articles));
	const contentDir = path.join(work, 'content');
	const notes: string[] = [];
	let share = imageShare;
	const generate = async () => {
		const summary = await writeCorpus(contentDir, { articles, imageShare: share }, (done, total) =>
			progress(
				`${position} ${formatNumber(articles)} articles: generating the corpus`,
				`${formatNumber(done)} / ${formatNumber(total)} files`,
			),
		);
		say(
			`${formatNumber(articles)} articles generated (${formatNumber(summary.published)} published, ${formatNumber(summary.withImage)} with images) in ${contentDir}`,
		);
		return summary;
	};
	let corpus: CorpusSummary = await generate();
	const caravanPaths: CaravanPaths = {
		contentDir,
		outDir: path.join(work, 'caravan', 'dist'),
		cacheDir: path.join(work, 'caravan', 'cache'),
		workDir: path.join(work, 'caravan'),
	};
	await mkdir(caravanPaths.workDir, { recursive: true });
	const phase = (what: string) => `${position} ${formatNumber(articles)} articles: ${what}`;

	progress(phase('timing npm run check'));
	const { measureCheck } = await import('./bench/check.ts');
	const check = await measureCheck(contentDir, caravanPaths.workDir, corpus.editTarget, cleanEnv());
	say(
		`npm run check of one changed file: ${check.oneFile.warm.seconds.toFixed(2)} s warm, ${check.oneFile.cold.seconds.toFixed(2)} s cold`,
	);

	let cold: BuildResult;
	try {
		cold = await buildCaravan(
			caravanPaths,
			phase('cold build'),
			true,
			args['cpu-prof'] && path.resolve(args['cpu-prof']),
		);
	} catch (error) {
		// Lead images need the image pipeline; on a build without it, measure without images.
		const tail = (error as { tail?: string[] }).tail?.join('\n') ?? '';
		if (args.images !== undefined || share === 0 || !/image/i.test(tail)) throw error;
		say('the build rejected lead images: measuring without them (--images 0)');
		notes.push(
			'This build rejected the `image` front-matter, so the corpus was generated without lead images.',
		);
		share = 0;
		corpus = await generate();
		cold = await buildCaravan(caravanPaths, phase('cold build'), true);
	}
	say(`caravan cold build: ${cold.seconds.toFixed(1)} s`);
	progress(phase('timing social cards'));
	const { measureCards } = await import('./bench/cards.ts');
	const cards = await measureCards(contentDir);
	say(`social cards: ${cardText(cards)}`);
	const output = await siteOutput(caravanPaths.outDir);
	const search = await firstSearch(caravanPaths.outDir, phase('caravan'));
	let warm: BuildResult | undefined;
	if (args.warm) {
		await editArticle(contentDir, corpus.editTarget, 'a first edit');
		warm = await buildCaravan(caravanPaths, phase('warm rebuild'), false);
		say(`caravan warm rebuild: ${warm.seconds.toFixed(1)} s`);
	}
	// A new story the same day, then the next day's first build (scripts/bench/archive.ts).
	const archive = args.warm
		? await (
				await import('./bench/archive.ts')
			).archiveRows(contentDir, async (label, epochSeconds) => {
				const build = await buildCaravan(
					caravanPaths,
					phase(label),
					false,
					undefined,
					epochSeconds,
				);
				say(`caravan ${label}: ${build.seconds.toFixed(1)} s`);
				return build;
			})
		: undefined;
	const caravan: PipelineResult = { cold, warm, ...archive, output, search };
	const dev = args.dev ? await timeDev(caravanPaths, corpus.editTarget, phase) : undefined;

	let hugo: PipelineResult | undefined;
	if (args.baseline === 'hugo') {
		const hugoPaths = { contentDir, workDir: path.join(work, 'hugo'), epochSeconds: CORPUS_EPOCH };
		const onHugoLine = (label: string) => (step: string) => progress(phase(label), step);
		const hugoCold = await buildWithHugo(hugoPaths, true, onHugoLine('Hugo + Pagefind, cold'));
		say(`Hugo + Pagefind cold: ${hugoCold.seconds.toFixed(1)} s`);
		const hugoOutput = await siteOutput(hugoOutDir(hugoPaths));
		const hugoSearch = await firstSearch(hugoOutDir(hugoPaths), phase('Hugo'));
		let hugoWarm: BuildResult | undefined;
		if (args.warm) {
			await editArticle(contentDir, corpus.editTarget, 'a second edit');
			hugoWarm = await buildWithHugo(hugoPaths, false, onHugoLine('Hugo + Pagefind, warm'));
			say(`Hugo + Pagefind warm: ${hugoWarm.seconds.toFixed(1)} s`);
		}
		hugo = { cold: hugoCold, warm: hugoWarm, output: hugoOutput, search: hugoSearch };
	}
	if (!args.keep) await rm(work, { recursive: true, force: true });
	return { articles, corpus, imageShare: share, caravan, hugo, cards, check, dev, notes };
}

// ---------------------------------------------------------------------------------------------

function packageVersion(name: string): string | undefined {
	try {
		return (
			JSON.parse(readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')) as {
				version: string;
			}
		).version;
	} catch {
		return undefined;
	}
}

function machine(): Machine {
	const cpus = os.cpus();
	return {
		cpu: cpus[0]?.model.trim() ?? 'unknown CPU',
		cores: cpus.length,
		memoryBytes: os.totalmem(),
		os: `${os.type()} ${os.release()}`,
		node: process.versions.node,
		astro: packageVersion('astro'),
		pagefind: packageVersion('pagefind'),
		hugo: hugoVersion(),
		loadAverage: { start: os.loadavg()[0] ?? 0 },
	};
}

async function writeResults(results: BenchResults): Promise<void> {
	const out = path.resolve(args.out);
	await mkdir(out, { recursive: true });
	const file = path.join(out, 'results.json');
	let merged = results;
	if (args.merge && existsSync(file)) {
		const previous = JSON.parse(await readFile(file, 'utf8')) as BenchResults;
		const fresh = new Set(results.sizes.map((s) => s.articles));
		merged = {
			...results,
			sizes: [...previous.sizes.filter((s) => !fresh.has(s.articles)), ...results.sizes].sort(
				(a, b) => a.articles - b.articles,
			),
		};
	}
	await writeFile(file, `${JSON.stringify(merged, null, '\t')}\n`);
	await writeFile(path.join(out, 'results.md'), markdownReport(merged));
	await writeFile(path.join(out, 'chart.svg'), svgChart(merged));
}

async function main(): Promise<void> {
	if (args.baseline === 'hugo') ensureHugo(say);
	const workRoot = args.work
		? path.resolve(args.work)
		: await mkdtemp(path.join(os.tmpdir(), 'caravan-bench-'));
	await mkdir(workRoot, { recursive: true });
	const results: BenchResults = {
		version: 1,
		date: new Date().toISOString().slice(0, 10),
		machine: machine(),
		sizes: [],
	};
	say(
		`${sizes.map(formatNumber).join(', ')} articles${args.baseline ? ', beside Hugo + Pagefind' : ''}; scratch folder ${workRoot}`,
	);
	try {
		for (const [i, articles] of sizes.entries()) {
			results.sizes.push(await benchSize(articles, workRoot, `(${i + 1}/${sizes.length})`));
			results.machine.loadAverage.end = os.loadavg()[0];
			// Written after every size, so a failure at 100,000 keeps the smaller sizes' results.
			await writeResults(results);
		}
	} finally {
		// A folder given with --work stays, emptied of each size's files unless --keep.
		if (args.keep) say(`kept the scratch folder ${workRoot}`);
		else if (!args.work) await rm(workRoot, { recursive: true, force: true });
	}
	say(
		`results in ${path.relative(process.cwd(), path.resolve(args.out)) || '.'}/: results.json, results.md, chart.svg`,
	);
	process.stdout.write(markdownReport({ ...results }));
}

main().catch((error: unknown) => {
	say(`failed: ${error instanceof Error ? error.message : String(error)}`);
	process.exit(1);
});
