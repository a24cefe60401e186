/** The bench report: Markdown tables and the SVG chart, from results of any shape the bench can produce. */
import { describe, expect, it } from 'vitest';
import {
	formatBytes,
	markdownReport,
	niceMax,
	orderedSteps,
	ratio,
	svgChart,
	type BenchResults,
	type SizeResult,
} from '../../scripts/bench/results.ts';

const MB = 2 ** 20;

function size(articles: number, withHugo: boolean): SizeResult {
	return {
		articles,
		imageShare: 0.2,
		corpus: {
			articles,
			published: articles - 2,
			drafts: 1,
			embargoed: 1,
			withImage: articles / 5,
			words: articles * 550,
			tickerSnapshots: 30,
			editTarget: 'x',
		},
		caravan: {
			cold: {
				seconds: articles / 250,
				cpuSeconds: articles / 200,
				peakRssBytes: 900 * MB,
				steps: [
					{ name: 'check', seconds: 1, peakRssBytes: 100 * MB, files: 0, bytes: 0 },
					{
						name: 'astro build',
						seconds: articles / 300,
						peakRssBytes: 900 * MB,
						files: articles * 2,
						bytes: articles * 40_000,
					},
					{ name: 'feeds', seconds: 0.5, peakRssBytes: 120 * MB, files: 20, bytes: 90_000 },
				],
			},
			warm: {
				seconds: articles / 500,
				peakRssBytes: 800 * MB,
				steps: [{ name: 'astro build', seconds: articles / 600, files: 1, bytes: 1 }],
			},
			output: {
				files: articles * 2,
				bytes: articles * 40_000,
				articlePage: {
					path: 'articles/a/index.html',
					htmlBytes: 24_000,
					htmlGzipBytes: 9_000,
					withAssetsBytes: 30_000,
					withAssetsGzipBytes: 11_000,
				},
			},
			search: {
				query: 'water',
				notes: ['no pagefind/pagefind.js in the output (search not built)'],
			},
		},
		hugo: withHugo
			? {
					cold: {
						seconds: articles / 500,
						cpuSeconds: articles / 400,
						peakRssBytes: 300 * MB,
						steps: [
							{
								name: 'hugo build',
								seconds: articles / 1000,
								peakRssBytes: 300 * MB,
								files: articles * 3,
								bytes: articles * 30_000,
							},
							{
								name: 'pagefind',
								seconds: articles / 1000,
								peakRssBytes: 200 * MB,
								files: articles,
								bytes: articles * 5_000,
							},
						],
					},
					warm: { seconds: articles / 500, steps: [] },
					output: {
						files: articles * 4,
						bytes: articles * 35_000,
						searchIndex: { files: articles, bytes: articles * 5_000 },
					},
					search: {
						query: 'water',
						results: 40,
						api: { requests: 15, bytes: 200_000, gzipBytes: 140_000, imageBytes: 0 },
						notes: [],
					},
				}
			: undefined,
		notes: [],
	};
}

const results: BenchResults = {
	version: 1,
	date: '2026-11-26',
	machine: {
		cpu: 'Test CPU <8>',
		cores: 2,
		memoryBytes: 24 * 2 ** 30,
		os: 'Linux',
		node: '24.0.0',
		astro: '7.3.5',
		pagefind: '1.6.0',
		hugo: '0.111.3',
		loadAverage: { start: 1.5, end: 2 },
	},
	sizes: [size(10_000, true), size(1000, true)],
};

describe('formatting', () => {
	it('formats bytes, ratios and axis maxima', () => {
		expect(formatBytes(undefined)).toBe('n/a');
		expect(formatBytes(512)).toBe('512 B');
		expect(formatBytes(150 * 1024)).toBe('150.0 KB');
		expect(formatBytes(1.5 * 2 ** 30)).toBe('1.50 GB');
		expect(ratio(30, 20)).toBe('1.50×');
		expect(ratio(30, undefined)).toBe('n/a');
		expect(ratio(30, 0)).toBe('n/a');
		expect([niceMax(0), niceMax(0.7), niceMax(37), niceMax(1400), niceMax(100)]).toEqual([
			1, 1, 50, 2000, 100,
		]);
	});

	it('orders steps as validation, Astro, cards, Pagefind, then any other, marking the missing ones', () => {
		const rows = orderedSteps(results.sizes[0]?.caravan.cold.steps ?? []);
		expect(rows.map((r) => [r.label, r.step?.name])).toEqual([
			['validation', 'check'],
			['Astro build', 'astro build'],
			['social cards', undefined],
			['Pagefind', undefined],
			['feeds', 'feeds'],
		]);
	});
});

/** Every Markdown table's rows have as many cells as its header. */
function tables(markdown: string): string[][][] {
	const found: string[][][] = [];
	let current: string[][] | undefined;
	for (const line of markdown.split('\n')) {
		if (line.startsWith('|')) {
			const cells = line
				.slice(1, -1)
				.split('|')
				.map((c) => c.trim());
			if (!current) found.push((current = []));
			current.push(cells);
		} else current = undefined;
	}
	return found;
}

describe('markdownReport', () => {
	const markdown = markdownReport(results);

	it('has well-formed tables: a summary by size, then each size in detail with ratios to Hugo', () => {
		const all = tables(markdown);
		expect(all).toHaveLength(5);
		for (const table of all)
			for (const row of table) expect(row.length, row.join(' | ')).toBe(table[0]?.length);
		// Summary: sizes in increasing order.
		expect(all[0]?.slice(2).map((row) => row[0])).toEqual(['1,000', '10,000']);
		expect(all[0]?.[2]?.[8]).toBe('2.00× / 2.00×'); // cold: 4 s against 2 s wall, 5 s against 2.5 s CPU
		expect(all[0]?.[2]?.[9]).toBe('1.00× / n/a'); // warm: 2 s each, no CPU time measured
		const comparison = all[2] ?? [];
		expect(comparison.find((row) => row[0] === 'full build, cold')).toEqual([
			'full build, cold',
			'4.00 s',
			'2.00 s',
			'2.00×',
		]);
		expect(comparison.find((row) => row[0] === 'Pagefind indexing')?.[3]).toBe('n/a');
	});

	it('says which steps a build does not have and why search was not measured', () => {
		expect(markdown).toContain('| social cards | n/a (no such step in this build) |');
		expect(markdown).toContain(
			'- search: no pagefind/pagefind.js in the output (search not built)',
		);
		expect(markdown).toContain('Test CPU <8>, 2 cores');
	});

	it('shows social cards timed apart when the build draws them inside Astro', () => {
		const withCards: SizeResult = {
			...size(1000, false),
			cards: {
				branded: { cards: 30, cpuMs: 41.25, wallMs: 44 },
				photo: { cards: 10, cpuMs: 80, wallMs: 90.5 },
				cached: { cards: 40, cpuMs: 0.31, wallMs: 0.5 },
			},
		};
		const report = markdownReport({ ...results, sizes: [withCards] });
		expect(report).toContain(
			'| social cards (inside the Astro build; timed apart, per card) | branded 41.3 ms CPU (44.0 ms wall), photo 80.0 ms CPU (90.5 ms wall), cached 0.3 ms CPU (0.5 ms wall) |',
		);
		expect(report).not.toContain('| social cards | n/a');
	});

	it('shows npm run check timed apart, cold and warm', () => {
		const run = (seconds: number) => ({
			seconds,
			cpuSeconds: seconds / 2,
			peakRssBytes: 150 * 2 ** 20,
		});
		const report = markdownReport({
			...results,
			sizes: [
				{
					...size(1000, false),
					check: {
						full: { cold: run(8), warm: run(0.6) },
						oneFile: { cold: run(7.5), warm: run(0.75) },
					},
				},
			],
		});
		expect(report).toContain('| every file, cold cache | 8.00 s | 4.00 s | 150.0 MB |');
		expect(report).toContain('| every file, warm cache | 0.60 s | 0.30 s | 150.0 MB |');
		expect(report).toContain('| one changed file, cold cache | 7.50 s | 3.75 s | 150.0 MB |');
		expect(report).toContain('| one changed file, warm cache | 0.75 s | 0.38 s | 150.0 MB |');
		expect(markdown).not.toContain('npm run check');
	});
});

describe('svgChart', () => {
	const svg = svgChart(results);

	it('plots time and memory for each size and series, with escaped text', () => {
		expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
		// 2 sizes × (4 time series + 2 memory series).
		expect(svg.match(/<circle /g)).toHaveLength(12);
		expect(svg.match(/<path /g)).toHaveLength(6);
		expect(svg).toContain('Test CPU &lt;8&gt;');
		expect(svg).not.toContain('NaN');
		expect(svg).toContain('>1k<');
		expect(svg).toContain('>10k<');
	});

	it('charts CPU time when every build has it, wall time otherwise', () => {
		expect(svg).toContain('Build time (wall clock)');
		const withCpu = (s: SizeResult): SizeResult => ({
			...s,
			caravan: { ...s.caravan, warm: s.caravan.warm && { ...s.caravan.warm, cpuSeconds: 1 } },
			hugo: s.hugo && { ...s.hugo, warm: s.hugo.warm && { ...s.hugo.warm, cpuSeconds: 1 } },
		});
		const cpuSvg = svgChart({ ...results, sizes: results.sizes.map(withCpu) });
		expect(cpuSvg).toContain('Build time (CPU, all cores)');
		expect(cpuSvg).toContain('Caravan, cold, 10,000 articles: 50 s');
	});

	it('draws a lone size without Hugo in the middle of the axis', () => {
		const svgOne = svgChart({ ...results, sizes: [size(30, false)] });
		expect(svgOne.match(/<circle /g)).toHaveLength(3);
		expect(svgOne).not.toContain('NaN');
	});
});
