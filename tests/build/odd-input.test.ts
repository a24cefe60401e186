/**
 * Hostile and odd files through the real build: every hostile kind stops it with one line each
 * and leaves dist/ alone; files saved by a Windows editor (byte-order mark, CRLF) build like any
 * other, with no stray U+FEFF anywhere in the output.
 */
import { readdir, readFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { GOOD, HOSTILE_FILES, hostileLines, TICKER, windowsSaved } from '../helpers/hostile.ts';
import { FIXTURE_EPOCH, runBuild, tempDir } from '../../scripts/lib/fixtureSites.ts';
import { parse, text } from '../helpers/html.ts';

async function content(
	files: Record<string, string | Buffer>,
): Promise<{ base: string; dir: string; outDir: string }> {
	const base = await tempDir('caravan-odd-');
	const dir = path.join(base, 'content');
	await mkdir(path.join(dir, 'articles'), { recursive: true });
	await mkdir(path.join(dir, 'ticker'), { recursive: true });
	for (const [file, body] of Object.entries(files)) await writeFile(path.join(dir, file), body);
	return { base, dir, outDir: path.join(base, 'out', 'dist') };
}

describe('hostile files stop the build', () => {
	it('with one line per file, sorted, no stack trace, dist/ untouched', async () => {
		const files = Object.fromEntries(
			HOSTILE_FILES.map(({ file, content: make }) => [file, make()]),
		);
		const { dir, outDir } = await content({
			...files,
			'articles/good.md': GOOD,
			'ticker/2025-12-01.json': TICKER,
		});
		await mkdir(outDir, { recursive: true });
		await writeFile(path.join(outDir, 'index.html'), 'previous build');
		const result = await runBuild({ contentDir: dir, outDir });
		expect(result.status).toBe(1);
		const lines = result.stderr
			.split('\n')
			.filter((line) => line.startsWith(dir))
			.map((line) => line.slice(dir.length + 1));
		expect(lines).toEqual(hostileLines(''));
		expect(`${result.stdout}${result.stderr}`).not.toMatch(/^\s+at /m);
		expect(result.stderr).toContain('dist/ was not changed');
		expect(await readFile(path.join(outDir, 'index.html'), 'utf8')).toBe('previous build');
	}, 60_000);
});

/** Every file under `dir`, as text (Pagefind's gzipped fragments unpacked), for the text formats. */
async function outputTexts(dir: string): Promise<Map<string, string>> {
	const texts = new Map<string, string>();
	for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile()) continue;
		const file = path.join(entry.parentPath, entry.name);
		if (/\.(html|xml|json|js|css|txt|webmanifest)$/.test(entry.name))
			texts.set(file, await readFile(file, 'utf8'));
		else if (entry.name.endsWith('.pf_fragment'))
			texts.set(file, gunzipSync(await readFile(file)).toString('utf8'));
	}
	return texts;
}

describe('files saved with a byte-order mark and CRLF line endings', () => {
	it('build like any other (as does odd but valid YAML): headline, paragraphs, ticker, and no U+FEFF in the output', async () => {
		const { dir, outDir } = await content({
			'articles/bom-story.md': windowsSaved(
				'---\ntitle: "Saved on Windows"\ndate: 2025-12-01\nauthor: "Staff Reporter"\nsection: politics\n---\n\nFirst paragraph of the story.\n\nSecond paragraph, *emphasised*.\n',
			),
			'articles/bom-mdx.mdx': windowsSaved(
				'---\ntitle: "MDX saved on Windows"\ndate: 2025-12-02\nauthor: "Staff Reporter"\nsection: economy\n---\n\nFirst MDX paragraph.\n\nSecond MDX paragraph, **strong**.\n',
			),
			'ticker/2025-12-01.json': windowsSaved(TICKER),
			// Valid YAML check accepts that Astro's own reader (js-yaml, still used for MDX pages) must take too.
			'articles/odd-yaml.mdx':
				'---\n# a comment\n"title": &t "Odd but valid YAML"\ndate: 2025-12-03 # a note\nauthor:\n  - &who Staff Reporter\nsection: politics\ntags: [budget, *who]\nsummary: >-\n  Folded\n  summary.\n---\n\nBody of the odd story.\n',
		});
		const result = await runBuild({
			contentDir: dir,
			outDir,
			env: { SOURCE_DATE_EPOCH: String(FIXTURE_EPOCH) },
		});
		expect(result.status, result.stderr).toBe(0);
		for (const [slug, headline, paragraphs] of [
			[
				'bom-story',
				'Saved on Windows',
				['First paragraph of the story.', 'Second paragraph, emphasised.'],
			],
			[
				'bom-mdx',
				'MDX saved on Windows',
				['First MDX paragraph.', 'Second MDX paragraph, strong.'],
			],
			['odd-yaml', 'Odd but valid YAML', ['Body of the odd story.']],
		] as const) {
			const page = parse(await readFile(path.join(outDir, 'articles', slug, 'index.html'), 'utf8'));
			expect(text(page.querySelector('h1'))).toBe(headline);
			const body = [...page.querySelectorAll('article p')].map((p) => text(p));
			expect(body).toEqual(expect.arrayContaining([...paragraphs]));
			expect(body.join('\n')).not.toMatch(/---|title:|section:/);
		}
		// The snapshot was read: the ticker's data carries its rate.
		expect(JSON.parse(await readFile(path.join(outDir, 'ticker.json'), 'utf8'))).toMatchObject({
			snapshot: { date: '2025-12-01', rates: { KGS: 87.41 } },
		});
		const texts = await outputTexts(outDir);
		expect(texts.size).toBeGreaterThan(10);
		expect(
			[...texts]
				.filter(([, body]) => body.includes('\uFEFF'))
				.map(([file]) => path.relative(outDir, file)),
		).toEqual([]);
	}, 300_000);
});
