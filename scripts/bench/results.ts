/**
 * The bench's results: their shape, and the Markdown table and SVG chart made from them.
 * Pure functions of the results, so a results.json can always be re-rendered.
 */
import type { CardFigures } from './cards.ts';
import type { CheckFigures } from './check.ts';
import type { CorpusSummary } from './corpus.ts';
import type { DevFigures } from './dev.ts';
import type { CacheUsage } from './diskUsage.ts';
import type { SearchFigures, Transfer } from './search.ts';

export interface StepResult {
	name: string;
	seconds: number;
	/** CPU time of the step's processes: unlike wall time, it does not grow with a busy machine's load. */
	cpuSeconds?: number;
	peakRssBytes?: number;
	files: number;
	bytes: number;
}

export interface BuildResult {
	/** Wall time of the whole build command. */
	seconds: number;
	cpuSeconds?: number;
	/** Peak resident memory of the build's process tree. */
	peakRssBytes?: number;
	steps: StepResult[];
	/** `CARAVAN_CACHE_DIR` and `dist/` on disk once the build finished (Caravan's builds only). */
	cache?: CacheUsage;
}

export interface ArticlePage {
	/** The median-sized article page. */
	path: string;
	htmlBytes: number;
	htmlGzipBytes: number;
	/** With the stylesheets and scripts it links (images not counted). */
	withAssetsBytes: number;
	withAssetsGzipBytes: number;
}

export interface SiteOutput {
	files: number;
	bytes: number;
	articlePage?: ArticlePage;
	/** The `pagefind/` folder. */
	searchIndex?: { files: number; bytes: number };
}

export interface PipelineResult {
	cold: BuildResult;
	/** The second build after one article changed, caches kept. */
	warm?: BuildResult;
	/** Then one new story on the same day (scripts/bench/archive.ts). */
	publish?: BuildResult;
	/** Then the first build of the next day: tomorrow's ticker snapshot, one new story. */
	newDay?: BuildResult;
	output: SiteOutput;
	search?: SearchFigures;
}

export interface SizeResult {
	articles: number;
	corpus: CorpusSummary;
	/** Share of stories generated with a lead image. */
	imageShare: number;
	caravan: PipelineResult;
	/** Hugo + Pagefind over Hugo's output, same corpus, same run. */
	hugo?: PipelineResult;
	/** Social cards timed apart from the build, which draws them inside its Astro step. */
	cards?: CardFigures;
	/** `npm run check` timed apart: the whole content and one changed file, cold and warm cache. */
	check?: CheckFigures;
	/** `npm run dev` on the corpus: start to first page, and reload after an edit. */
	dev?: DevFigures;
	notes: string[];
}

export interface Machine {
	cpu: string;
	cores: number;
	memoryBytes: number;
	os: string;
	node: string;
	astro?: string;
	pagefind?: string;
	hugo?: string;
	/** 1-minute load average when the run started and ended: the machine may be shared. */
	loadAverage: { start: number; end?: number };
}

export interface BenchResults {
	version: 1;
	date: string;
	machine: Machine;
	sizes: SizeResult[];
}

// ---------------------------------------------------------------------------------------------
// Formatting

const integer = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

export const formatCount = (n: number): string => integer.format(n);
const plural = (n: number, noun: string) => `${formatCount(n)} ${noun}${n === 1 ? '' : 's'}`;

/** In units of 1,024 (1 GB = 1,024³ bytes), as every size and memory figure of the report. */
export function formatBytes(bytes: number | undefined): string {
	if (bytes === undefined) return 'n/a';
	const sign = bytes < 0 ? '−' : '';
	const abs = Math.abs(bytes);
	if (abs < 1024) return `${sign}${abs} B`;
	if (abs < 1024 ** 2) return `${sign}${(abs / 1024).toFixed(1)} KB`;
	if (abs < 1024 ** 3) return `${sign}${(abs / 1024 ** 2).toFixed(1)} MB`;
	return `${sign}${(abs / 1024 ** 3).toFixed(2)} GB`;
}

export const formatSeconds = (s: number | undefined): string =>
	s === undefined ? 'n/a' : s < 10 ? `${s.toFixed(2)} s` : `${s.toFixed(1)} s`;

/** `a / b` as "1.59×", or "n/a" when either side is missing. */
export function ratio(a: number | undefined, b: number | undefined): string {
	if (a === undefined || b === undefined || b === 0) return 'n/a';
	return `${(a / b).toFixed(2)}×`;
}

/** The rows every report shows, matched to whatever steps a build has. */
const CANONICAL_STEPS: { label: string; match: RegExp }[] = [
	{ label: 'validation', match: /^check$|valid/i },
	{ label: 'Astro build', match: /^astro/i },
	{ label: 'social cards', match: /card/i },
	{ label: 'Pagefind', match: /pagefind|search/i },
];

/** Steps in report order: the canonical ones (undefined where the build has none), then the rest. */
export function orderedSteps(steps: readonly StepResult[]): { label: string; step?: StepResult }[] {
	const used = new Set<StepResult>();
	const rows = CANONICAL_STEPS.map(({ label, match }) => {
		const step = steps.find((s) => !used.has(s) && match.test(s.name));
		if (step) used.add(step);
		return { label, step };
	});
	for (const step of steps) if (!used.has(step)) rows.push({ label: step.name, step });
	return rows;
}

const pagefindStep = (build: BuildResult | undefined) =>
	build?.steps.find((s) => /pagefind|search/i.test(s.name));

function transferText(transfer: Transfer | undefined): string {
	if (!transfer) return 'n/a';
	const images = transfer.imageBytes ? ` + ${formatBytes(transfer.imageBytes)} of images` : '';
	return `${formatBytes(transfer.gzipBytes)} gzip (${formatBytes(transfer.bytes)} raw, ${transfer.requests} requests)${images}`;
}

/** The summary's first-search cell: the page's figures when there is a page, else the API's bytes. */
function firstSearchCell(search: SearchFigures | undefined): string {
	const page = search?.page;
	if (!page) return formatBytes(search?.api?.gzipBytes);
	const time = (t: number | undefined) =>
		t === undefined || Number.isNaN(t) ? 'n/a' : formatSeconds(t / 1000);
	return `${formatBytes(page.gzipBytes)}, ${page.requests} req, ${time(page.timeToResultsMs)} / ${time(search?.slow4g?.timeToResultsMs)}`;
}

/** A search page's first search: its transfer and how long until the first results showed. */
function pageSearchText(transfer: (Transfer & { timeToResultsMs?: number }) | undefined): string {
	if (!transfer) return 'n/a';
	const shown =
		transfer.timeToResultsMs === undefined || Number.isNaN(transfer.timeToResultsMs)
			? ''
			: `, results on screen in ${formatSeconds(transfer.timeToResultsMs / 1000)}`;
	return `${transferText(transfer)}${shown}`;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

/** "branded 38.2 ms CPU (41.0 ms wall), photo …, cached 0.3 ms". */
export function cardText(cards: CardFigures): string {
	const size = (times: CardFigures['branded']) =>
		times.bytes === undefined ? '' : `, ${formatBytes(times.bytes)}`;
	const part = (label: string, times: CardFigures['branded']) =>
		`${label} ${ms(times.cpuMs)} CPU (${ms(times.wallMs)} wall${size(times)})`;
	return [
		part('branded', cards.branded),
		cards.photo && part('photo', cards.photo),
		part('cached', cards.cached),
	]
		.filter(Boolean)
		.join(', ');
}

function stepTable(result: SizeResult): string[] {
	const { caravan, articles } = result;
	const perArticle = (s: number) => `${((s * 1000) / articles).toFixed(2)}`;
	const lines = [
		'| step | wall time | CPU time | ms / article | peak RSS | files written | bytes written |',
		'| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
	];
	for (const { label, step } of orderedSteps(caravan.cold.steps)) {
		if (step) {
			lines.push(
				`| ${label} | ${formatSeconds(step.seconds)} | ${formatSeconds(step.cpuSeconds)} | ${perArticle(step.seconds)} | ${formatBytes(step.peakRssBytes)} | ${formatCount(step.files)} | ${formatBytes(step.bytes)} |`,
			);
			if (label === 'social cards' && result.cards)
				lines.push(
					`| social cards, per card (timed apart, one thread) | ${cardText(result.cards)} | | | | | |`,
				);
		} else if (label === 'social cards' && result.cards) {
			lines.push(
				`| social cards (inside the Astro build; timed apart, per card) | ${cardText(result.cards)} | | | | | |`,
			);
		} else {
			lines.push(`| ${label} | n/a (no such step in this build) | | | | | |`);
		}
	}
	const cold = caravan.cold;
	lines.push(
		`| **total, cold** | **${formatSeconds(cold.seconds)}** | ${formatSeconds(cold.cpuSeconds)} | ${perArticle(cold.seconds)} | ${formatBytes(cold.peakRssBytes)} | ${formatCount(caravan.output.files)} | ${formatBytes(caravan.output.bytes)} |`,
	);
	const laterBuilds: [string, BuildResult | undefined][] = [
		['warm rebuild, one article changed', caravan.warm],
		['publish one new story, same day', caravan.publish],
		["first build of a new day (tomorrow's ticker, one new story)", caravan.newDay],
	];
	for (const [label, build] of laterBuilds) {
		if (!build) continue;
		const detail = orderedSteps(build.steps)
			.filter((row) => row.step)
			.map((row) => `${row.label} ${formatSeconds(row.step?.seconds)}`)
			.join(', ');
		lines.push(
			`| **${label}** | **${formatSeconds(build.seconds)}** | ${formatSeconds(build.cpuSeconds)} | | ${formatBytes(build.peakRssBytes)} | | ${detail} |`,
		);
	}
	return lines;
}

/** Issue 14's target for the build cache, as a multiple of `dist/`. */
export const CACHE_TARGET = 1.5;

/** What each cache entry holds, for the report (an entry not listed shows by its name alone). */
const CACHE_ENTRIES: Record<string, string> = {
	dist: "Astro's page cache",
	'data-store': "Astro's content store",
	'data-store.json': "Astro's content store (one file: the dev server's, or an older build's)",
	'incremental-build.json': "Astro's page keys",
	'caravan-cards': 'social cards',
	'caravan-images': 'processed images',
	'caravan-search': 'search bundles',
	'caravan-check': 'check results',
	'caravan-memo': 'memo of each page (post-build steps) and content file (check)',
};

/** "540.1 MB (12.0 MB not in dist/)": an entry's disk, and what of it `dist/` does not share. */
function cacheCell(entry: { bytes: number; sharedBytes: number } | undefined): string {
	if (!entry) return '';
	if (!entry.sharedBytes) return formatBytes(entry.bytes);
	return `${formatBytes(entry.bytes)} (${formatBytes(entry.bytes - entry.sharedBytes)} not in \`dist/\`)`;
}

/** Whether `cache` meets the target: judged on the cache folder alone, as CI archives it, and beside `dist/`. */
export function cacheVerdict(cache: CacheUsage): string {
	const alone = cache.cache.bytes / cache.dist.bytes;
	const beside = (cache.cache.bytes - cache.cache.sharedBytes) / cache.dist.bytes;
	const verdict = (r: number) => (r <= CACHE_TARGET ? 'met' : 'missed');
	return `target ≤ ${CACHE_TARGET}× \`dist/\`: **${verdict(alone)}** for the cache folder alone (${alone.toFixed(2)}×, what a CI cache of it archives), **${verdict(beside)}** beside \`dist/\` on one disk (${beside.toFixed(2)}× more)`;
}

/**
 * The build cache after each build, entry by entry, in bytes of disk blocks (a hard-linked file
 * counted once), beside `dist/`: the issue-14 row "build cache on disk".
 */
export function cacheTable(caravan: PipelineResult): string[] {
	const measured: [string, BuildResult | undefined][] = [
		['cold', caravan.cold],
		['warm', caravan.warm],
		['publish', caravan.publish],
		['new day', caravan.newDay],
	];
	const builds = measured.flatMap(([label, build]) =>
		build?.cache ? [{ label, cache: build.cache }] : [],
	);
	const last = builds.at(-1)?.cache;
	if (!last) return [];
	const names = [
		...new Set(builds.flatMap(({ cache }) => cache.entries.map((entry) => entry.name))),
	];
	const sizeOf = (cache: CacheUsage, name: string) =>
		cache.entries.find((entry) => entry.name === name)?.bytes ?? 0;
	names.sort((a, b) => sizeOf(last, b) - sizeOf(last, a) || (a < b ? -1 : 1));
	const row = (label: string, cell: (cache: CacheUsage) => string) =>
		`| ${label} | ${builds.map(({ cache }) => cell(cache)).join(' | ')} |`;
	return [
		`| build cache on disk (\`CARAVAN_CACHE_DIR\`), after each build | ${builds.map(({ label }) => label).join(' | ')} |`,
		`| --- |${' ---: |'.repeat(builds.length)}`,
		row(
			'`dist/`: the site',
			(cache) => `${formatBytes(cache.dist.bytes)} (${formatCount(cache.dist.files)} files)`,
		),
		...names.map((name) =>
			row(`\`${name}\`${CACHE_ENTRIES[name] ? `: ${CACHE_ENTRIES[name]}` : ''}`, (cache) =>
				cacheCell(cache.entries.find((entry) => entry.name === name)),
			),
		),
		row(
			'**build cache on disk**',
			(cache) =>
				`**${formatBytes(cache.cache.bytes)}, ${ratio(cache.cache.bytes, cache.dist.bytes)} \`dist/\`**`,
		),
		row('of it, the same files as `dist/` (hard links)', (cache) =>
			formatBytes(cache.cache.sharedBytes),
		),
		row(
			'**beside `dist/`** (disk the cache adds)',
			(cache) =>
				`**${formatBytes(cache.cache.bytes - cache.cache.sharedBytes)}, ${ratio(cache.cache.bytes - cache.cache.sharedBytes, cache.dist.bytes)} \`dist/\`**`,
		),
		'',
		`Bytes of disk blocks, each hard-linked file once; ${cacheVerdict(last)}, after the last build.`,
	];
}

/** The writing preview: `npm run dev` starting cold and warm, and a saved edit served. */
function devTable(dev: DevFigures): string[] {
	const row = (
		label: string,
		figures: { seconds: number; cpuSeconds?: number; peakRssBytes?: number } | undefined,
	) =>
		figures
			? `| ${label} | ${formatSeconds(figures.seconds)} | ${formatSeconds(figures.cpuSeconds)} | ${formatBytes(figures.peakRssBytes)} |`
			: `| ${label} | n/a | | |`;
	return [
		'| `npm run dev` | wall time | CPU time | peak RSS |',
		'| --- | ---: | ---: | ---: |',
		row('cold start (no content cache) to the first story page', dev.cold),
		row('warm start (second start) to the first story page', dev.warm),
		row('edited story saved to its new text served (HMR reload, then the page)', dev.reload),
	];
}

function comparisonTable(result: SizeResult): string[] {
	const { caravan, hugo } = result;
	const both = (label: string, ours: string, theirs: string, r: string) =>
		`| ${label} | ${ours} | ${theirs} | ${r} |`;
	const lines = ['| figure | Caravan | Hugo + Pagefind | ratio |', '| --- | ---: | ---: | ---: |'];
	const h = hugo;
	// A row whose two figures are shown the same way and compared as they are.
	const figure = (
		label: string,
		format: (value: number | undefined) => string,
		ours: number | undefined,
		theirs: number | undefined,
	) => both(label, format(ours), format(theirs), ratio(ours, theirs));
	lines.push(figure('full build, cold', formatSeconds, caravan.cold.seconds, h?.cold.seconds));
	lines.push(figure('CPU time, cold', formatSeconds, caravan.cold.cpuSeconds, h?.cold.cpuSeconds));
	lines.push(
		figure(
			'rebuild after one changed article',
			formatSeconds,
			caravan.warm?.seconds,
			h?.warm?.seconds,
		),
	);
	lines.push(
		figure('peak RSS, cold', formatBytes, caravan.cold.peakRssBytes, h?.cold.peakRssBytes),
	);
	const ourIndexing = pagefindStep(caravan.cold);
	const theirIndexing = pagefindStep(h?.cold);
	lines.push(
		figure('Pagefind indexing', formatSeconds, ourIndexing?.seconds, theirIndexing?.seconds),
	);
	lines.push(
		both(
			'output',
			`${formatCount(caravan.output.files)} files, ${formatBytes(caravan.output.bytes)}`,
			h ? `${formatCount(h.output.files)} files, ${formatBytes(h.output.bytes)}` : 'n/a',
			ratio(caravan.output.bytes, h?.output.bytes),
		),
	);
	const page = caravan.output.articlePage;
	const theirPage = h?.output.articlePage;
	lines.push(
		both(
			'typical article page (HTML, gzip)',
			page ? `${formatBytes(page.htmlBytes)} (${formatBytes(page.htmlGzipBytes)})` : 'n/a',
			theirPage
				? `${formatBytes(theirPage.htmlBytes)} (${formatBytes(theirPage.htmlGzipBytes)})`
				: 'n/a',
			ratio(page?.htmlGzipBytes, theirPage?.htmlGzipBytes),
		),
	);
	lines.push(
		figure(
			'article page with its CSS and JS, gzip',
			formatBytes,
			page?.withAssetsGzipBytes,
			theirPage?.withAssetsGzipBytes,
		),
	);
	lines.push(
		both(
			'search index',
			caravan.output.searchIndex
				? `${formatCount(caravan.output.searchIndex.files)} files, ${formatBytes(caravan.output.searchIndex.bytes)}`
				: 'n/a',
			h?.output.searchIndex
				? `${formatCount(h.output.searchIndex.files)} files, ${formatBytes(h.output.searchIndex.bytes)}`
				: 'n/a',
			ratio(caravan.output.searchIndex?.bytes, h?.output.searchIndex?.bytes),
		),
	);
	const query = caravan.search?.query ?? h?.search?.query;
	lines.push(
		both(
			`first search, Pagefind API ("${query ?? ''}")`,
			transferText(caravan.search?.api),
			transferText(h?.search?.api),
			ratio(caravan.search?.api?.gzipBytes, h?.search?.api?.gzipBytes),
		),
	);
	lines.push(
		both(
			'first search, the /search/ page',
			pageSearchText(caravan.search?.page),
			'no search page',
			'',
		),
	);
	lines.push(
		both(
			'first search, the /search/ page on slow 4G (1.6 Mbit/s, 150 ms)',
			pageSearchText(caravan.search?.slow4g),
			'no search page',
			'',
		),
	);
	return lines;
}

/** `npm run check` on its own, as a writer or the pre-commit hook runs it. */
export function checkTable({ check }: SizeResult): string[] {
	if (!check) return [];
	const row = (label: string, run: CheckFigures['full']['cold']) =>
		`| ${label} | ${formatSeconds(run.seconds)} | ${formatSeconds(run.cpuSeconds)} | ${formatBytes(run.peakRssBytes)} |`;
	return [
		'',
		'| `npm run check` | wall time | CPU time | peak RSS |',
		'| --- | ---: | ---: | ---: |',
		row('every file, cold cache', check.full.cold),
		row('every file, warm cache', check.full.warm),
		row('one changed file, cold cache', check.oneFile.cold),
		row('one changed file, warm cache', check.oneFile.warm),
	];
}

/** "1412.6 s / 1944.0 s": wall and CPU time of a build. */
const wallAndCpu = (build: BuildResult | undefined) =>
	build ? `${formatSeconds(build.seconds)} / ${formatSeconds(build.cpuSeconds)}` : 'n/a';
const ratios = (ours: BuildResult | undefined, theirs: BuildResult | undefined) =>
	`${ratio(ours?.seconds, theirs?.seconds)} / ${ratio(ours?.cpuSeconds, theirs?.cpuSeconds)}`;

/** The whole report as Markdown: a summary across sizes, then each size in detail. */
export function markdownReport(results: BenchResults): string {
	const { machine } = results;
	const sizes = [...results.sizes].sort((a, b) => a.articles - b.articles);
	const lines = [
		`# Caravan benchmark`,
		'',
		`${results.date}, on ${machineLine(machine)}.`,
		'',
		'| articles | Caravan cold: wall / CPU | CPU ms / article | warm rebuild: wall / CPU | peak RSS | Hugo + Pagefind cold: wall / CPU | warm: wall / CPU | peak RSS | cold ratio: wall / CPU | warm ratio: wall / CPU | first search: gzip, requests, on screen (plain / slow 4G) |',
		'| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
	];
	for (const size of sizes) {
		const { caravan: c, hugo: h } = size;
		lines.push(
			`| ${formatCount(size.articles)} | ${wallAndCpu(c.cold)} | ${c.cold.cpuSeconds === undefined ? 'n/a' : ((c.cold.cpuSeconds * 1000) / size.articles).toFixed(1)} | ${wallAndCpu(c.warm)} | ${formatBytes(c.cold.peakRssBytes)} | ${wallAndCpu(h?.cold)} | ${wallAndCpu(h?.warm)} | ${formatBytes(h?.cold.peakRssBytes)} | ${ratios(c.cold, h?.cold)} | ${ratios(c.warm, h?.warm)} | ${firstSearchCell(c.search)} |`,
		);
	}
	for (const size of sizes) {
		const { corpus } = size;
		lines.push(
			'',
			`## ${formatCount(size.articles)} articles`,
			'',
			`${formatCount(corpus.published)} published, ${plural(corpus.drafts, 'draft')}, ${formatCount(corpus.embargoed)} embargoed; ${formatCount(corpus.withImage)} with a lead image; ${formatCount(Math.round(corpus.words / corpus.articles))} words on average.`,
			'',
			...stepTable(size),
			'',
			...comparisonTable(size),
			...(size.caravan.cold.cache ? ['', ...cacheTable(size.caravan)] : []),
			...checkTable(size),
			...(size.dev ? ['', ...devTable(size.dev)] : []),
		);
		const notes = [
			...size.notes,
			...(size.caravan.search?.notes ?? []).map((n) => `search: ${n}`),
			...(size.dev?.notes ?? []).map((n) => `dev: ${n}`),
		];
		if (size.hugo && pagefindStep(size.hugo.cold) && !pagefindStep(size.caravan.cold)) {
			notes.push(
				'This Caravan build has no Pagefind step: Hugo + Pagefind indexes for search, Caravan does not, so the ratios flatter Caravan.',
			);
		}
		if (notes.length) lines.push('', ...notes.map((note) => `- ${note}`));
	}
	return `${lines.join('\n')}\n`;
}

export function machineLine(machine: Machine): string {
	const load =
		machine.loadAverage.end === undefined
			? machine.loadAverage.start.toFixed(1)
			: `${machine.loadAverage.start.toFixed(1)}–${machine.loadAverage.end.toFixed(1)}`;
	const tools = [
		`Node ${machine.node}`,
		machine.astro && `Astro ${machine.astro}`,
		machine.pagefind && `Pagefind ${machine.pagefind}`,
		machine.hugo && `Hugo ${machine.hugo}`,
	]
		.filter(Boolean)
		.join(', ');
	return `${machine.cpu}, ${machine.cores} cores, ${formatBytes(machine.memoryBytes)} RAM, ${machine.os}; ${tools}; load average ${load}`;
}

// ---------------------------------------------------------------------------------------------
// Chart

const escapeXml = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

interface Series {
	label: string;
	colour: string;
	dashed: boolean;
	points: { x: number; y: number }[];
}

/** A round upper bound for an axis: 1, 2 or 5 times a power of ten, at or above `max`. */
export function niceMax(max: number): number {
	if (!(max > 0)) return 1;
	const power = 10 ** Math.floor(Math.log10(max));
	return ([1, 2, 5, 10].map((m) => m * power).find((v) => v >= max) as number) ?? 10 * power;
}

const shortCount = (n: number) => (n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : formatCount(n));

function panel(options: {
	x0: number;
	title: string;
	unit: string;
	series: Series[];
	sizes: number[];
	width: number;
	height: number;
}): string {
	const { x0, title, unit, series, sizes, width, height } = options;
	const left = x0 + 56;
	const right = x0 + width - 16;
	const top = 56;
	const bottom = height - 48;
	const xs = [...new Set(sizes)].sort((a, b) => a - b);
	const logMin = Math.log10(xs[0] ?? 1);
	const logMax = Math.log10(xs.at(-1) ?? 1);
	const xAt = (n: number) =>
		logMax === logMin
			? (left + right) / 2
			: left + ((Math.log10(n) - logMin) / (logMax - logMin)) * (right - left);
	const yMax = niceMax(Math.max(0, ...series.flatMap((s) => s.points.map((p) => p.y))));
	const yAt = (v: number) => bottom - (v / yMax) * (bottom - top);
	const parts = [`<text x="${left}" y="${top - 24}" class="title">${escapeXml(title)}</text>`];
	for (let i = 0; i <= 4; i++) {
		const v = (yMax / 4) * i;
		const y = yAt(v).toFixed(1);
		parts.push(`<line x1="${left}" x2="${right}" y1="${y}" y2="${y}" class="grid"/>`);
		parts.push(
			`<text x="${left - 6}" y="${y}" class="tick" text-anchor="end" dominant-baseline="middle">${escapeXml(`${Number(v.toPrecision(3))} ${unit}`)}</text>`,
		);
	}
	for (const n of xs) {
		parts.push(
			`<text x="${xAt(n).toFixed(1)}" y="${bottom + 18}" class="tick" text-anchor="middle">${escapeXml(shortCount(n))}</text>`,
		);
	}
	parts.push(
		`<text x="${(left + right) / 2}" y="${bottom + 38}" class="axis" text-anchor="middle">articles</text>`,
	);
	for (const s of series) {
		const points = [...s.points].sort((a, b) => a.x - b.x);
		if (!points.length) continue;
		const path = points
			.map((p, i) => `${i ? 'L' : 'M'}${xAt(p.x).toFixed(1)},${yAt(p.y).toFixed(1)}`)
			.join(' ');
		parts.push(
			`<path d="${path}" fill="none" stroke="${s.colour}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/>`,
		);
		for (const p of points) {
			const fill = s.dashed
				? `fill="#fff" stroke="${s.colour}" stroke-width="2"`
				: `fill="${s.colour}"`;
			parts.push(
				`<circle cx="${xAt(p.x).toFixed(1)}" cy="${yAt(p.y).toFixed(1)}" r="3.5" ${fill}><title>${escapeXml(`${s.label}, ${formatCount(p.x)} articles: ${Number(p.y.toPrecision(3))} ${unit}`)}</title></circle>`,
			);
		}
	}
	return parts.join('\n');
}

/** Build time and peak memory against the number of articles, Caravan beside Hugo + Pagefind. */
export function svgChart(results: BenchResults): string {
	const sizes = results.sizes.map((s) => s.articles);
	const point = (s: SizeResult, value: number | undefined) =>
		value === undefined ? [] : [{ x: s.articles, y: value }];
	const mb = (bytes: number | undefined) => (bytes === undefined ? undefined : bytes / 2 ** 20);
	const CARAVAN = '#b3261e';
	const HUGO = '#1f5fa8';
	// CPU time when every build has it: on a shared machine wall time charts the neighbours' load.
	const builds = results.sizes
		.flatMap((s) => [s.caravan.cold, s.caravan.warm, s.hugo?.cold, s.hugo?.warm])
		.filter((b) => b !== undefined);
	const useCpu = builds.length > 0 && builds.every((b) => b.cpuSeconds !== undefined);
	const time = (build: BuildResult | undefined) => (useCpu ? build?.cpuSeconds : build?.seconds);
	const timeSeries: Series[] = [
		{
			label: 'Caravan, cold',
			colour: CARAVAN,
			dashed: false,
			points: results.sizes.flatMap((s) => point(s, time(s.caravan.cold))),
		},
		{
			label: 'Caravan, warm rebuild',
			colour: CARAVAN,
			dashed: true,
			points: results.sizes.flatMap((s) => point(s, time(s.caravan.warm))),
		},
		{
			label: 'Hugo + Pagefind, cold',
			colour: HUGO,
			dashed: false,
			points: results.sizes.flatMap((s) => point(s, time(s.hugo?.cold))),
		},
		{
			label: 'Hugo + Pagefind, warm rebuild',
			colour: HUGO,
			dashed: true,
			points: results.sizes.flatMap((s) => point(s, time(s.hugo?.warm))),
		},
	];
	const memorySeries: Series[] = [
		{
			label: 'Caravan, cold',
			colour: CARAVAN,
			dashed: false,
			points: results.sizes.flatMap((s) => point(s, mb(s.caravan.cold.peakRssBytes))),
		},
		{
			label: 'Hugo + Pagefind, cold',
			colour: HUGO,
			dashed: false,
			points: results.sizes.flatMap((s) => point(s, mb(s.hugo?.cold.peakRssBytes))),
		},
	];
	const width = 960;
	const height = 420;
	const legend = timeSeries
		.filter((s) => s.points.length)
		.map((s, i) => {
			const x = 72 + i * 220;
			return `<line x1="${x}" x2="${x + 28}" y1="${height + 8}" y2="${height + 8}" stroke="${s.colour}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/><text x="${x + 34}" y="${height + 8}" class="tick" dominant-baseline="middle">${escapeXml(s.label)}</text>`;
		});
	return [
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height + 20}" width="${width}" height="${height + 20}" role="img" aria-labelledby="chart-title">`,
		`<title id="chart-title">${escapeXml(`Build time and peak memory against articles: Caravan beside Hugo + Pagefind (${machineLine(results.machine)})`)}</title>`,
		'<style>text{font-family:system-ui,sans-serif;fill:#222}.title{font-size:15px;font-weight:600}.tick{font-size:11px;fill:#555}.axis{font-size:12px;fill:#333}.grid{stroke:#ddd;stroke-width:1}</style>',
		'<rect width="100%" height="100%" fill="#fff"/>',
		panel({
			x0: 0,
			title: useCpu ? 'Build time (CPU, all cores)' : 'Build time (wall clock)',
			unit: 's',
			series: timeSeries,
			sizes,
			width: width / 2,
			height,
		}),
		panel({
			x0: width / 2,
			title: 'Peak memory (RSS, cold build)',
			unit: 'MB',
			series: memorySeries,
			sizes,
			width: width / 2,
			height,
		}),
		...legend,
		'</svg>',
		'',
	].join('\n');
}
