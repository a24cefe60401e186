/** The bench's generated corpus: deterministic, valid for the real schema, spread like a newsroom's. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	CORPUS_EPOCH,
	editArticle,
	generateCorpus,
	prng,
	SEARCH_WORD,
	writeCorpus,
} from '../../scripts/bench/corpus.ts';
import { validateArticle } from '../../scripts/lib/validate.ts';
import { tempDir } from '../../scripts/lib/fixtureSites.ts';
import matter from 'gray-matter';

const corpus = generateCorpus({ articles: 400, imageShare: 0.2 });
const articles = corpus.files.filter((f) => f.path.endsWith('.md'));
const frontMatter = articles.map((f) => matter(f.text ?? '').data as Record<string, unknown>);

describe('prng', () => {
	it('repeats its sequence for a seed and differs between seeds', () => {
		const a = prng(1);
		const b = prng(1);
		const first = Array.from({ length: 5 }, a);
		expect(Array.from({ length: 5 }, b)).toEqual(first);
		expect(Array.from({ length: 5 }, prng(2))).not.toEqual(first);
		expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
	});
});

describe('generateCorpus', () => {
	it('gives the same files for the same options', () => {
		expect(generateCorpus({ articles: 400, imageShare: 0.2 })).toEqual(corpus);
	});

	it('writes articles every one of which passes the real validation', () => {
		expect(articles).toHaveLength(400);
		for (const file of articles) {
			const relative = file.path.replace(/^articles\//, '');
			expect(validateArticle(file.path, relative, file.text ?? ''), file.path).toEqual([]);
		}
	});

	it('has 300–800-word bodies with subheadings, and about a fifth with a lead image beside them', () => {
		const bodies = articles.map((f) => matter(f.text ?? '').content);
		const wordCounts = bodies.map(
			(b) => b.split(/\s+/).filter((w) => /[a-z]/i.test(w) && !w.startsWith('#')).length,
		);
		expect(Math.min(...wordCounts)).toBeGreaterThanOrEqual(280);
		expect(Math.max(...wordCounts)).toBeLessThanOrEqual(900);
		expect(bodies.filter((b) => /^## /m.test(b)).length).toBeGreaterThan(0.85 * 400);
		const withImage = articles.filter((f) => f.path.endsWith('/index.md'));
		expect(withImage.length).toBe(corpus.summary.withImage);
		expect(withImage.length / 400).toBeGreaterThan(0.12);
		expect(withImage.length / 400).toBeLessThan(0.28);
		for (const file of withImage)
			expect(corpus.files.some((f) => f.path === file.path.replace('index.md', 'lead.jpg'))).toBe(
				true,
			);
	});

	it('spreads stories over sections, countries, ~40 authors and ~150 tags, the most used tags far ahead', () => {
		const sections = new Set(frontMatter.map((d) => d.section));
		expect(sections.size).toBe(8);
		const countries = new Set(frontMatter.flatMap((d) => d.countries as string[]));
		expect(countries.size).toBe(7);
		const authors = new Set(
			frontMatter.flatMap((d) => (Array.isArray(d.author) ? d.author : [d.author])),
		);
		expect(authors.size).toBeGreaterThan(30);
		expect(authors.size).toBeLessThanOrEqual(40);
		const tagUses = new Map<string, number>();
		for (const tag of frontMatter.flatMap((d) => d.tags as string[]))
			tagUses.set(tag, (tagUses.get(tag) ?? 0) + 1);
		expect(tagUses.size).toBeGreaterThan(60);
		const uses = [...tagUses.values()].sort((a, b) => b - a);
		expect(uses[0]).toBeGreaterThan(10 * (uses.at(-1) as number));
	});

	it('holds a few drafts and embargoed stories, the rest dated before "now", about 30 a day', () => {
		const { summary } = corpus;
		expect(frontMatter.filter((d) => d.draft === true)).toHaveLength(summary.drafts);
		expect(summary.drafts).toBeGreaterThanOrEqual(1);
		const future = frontMatter.filter(
			(d) =>
				Date.parse(String(d.date instanceof Date ? d.date.toISOString() : d.date)) >
				CORPUS_EPOCH * 1000,
		);
		expect(future).toHaveLength(summary.embargoed);
		expect(summary.embargoed).toBeGreaterThanOrEqual(1);
		expect(summary.published).toBe(400 - summary.drafts - summary.embargoed);
		const dates = frontMatter.map((d) =>
			d.date instanceof Date ? d.date.getTime() : Date.parse(String(d.date)),
		);
		const days = (Math.max(...dates) - Math.min(...dates)) / 86_400_000;
		expect(days).toBeGreaterThan(10);
		expect(days).toBeLessThan(16);
	});

	it('uses the search word in a good share of stories', () => {
		const withWord = articles.filter((f) =>
			new RegExp(`\\b${SEARCH_WORD}\\b`, 'i').test(f.text ?? ''),
		);
		expect(withWord.length / articles.length).toBeGreaterThan(0.1);
	});
});

describe('writeCorpus and editArticle', () => {
	it('writes the files, distinct lead images among them, and edits one story in place', async () => {
		const dir = path.join(await tempDir('caravan-corpus-'), 'content');
		const summary = await writeCorpus(dir, { articles: 30, imageShare: 0.3 });
		expect(summary.articles).toBe(30);
		const images = generateCorpus({ articles: 30, imageShare: 0.3 }).files.filter(
			(f) => f.image !== undefined,
		);
		expect(images.length).toBeGreaterThan(1);
		const [a, b] = await Promise.all(
			images.slice(0, 2).map((f) => readFile(path.join(dir, f.path))),
		);
		expect(a?.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
		expect(a?.equals(b as Buffer)).toBe(false);
		// Each story's copy names the story, so even the same pooled picture has distinct bytes.
		expect(a?.includes(Buffer.from(images[0]?.path ?? '-'))).toBe(true);
		const file = await editArticle(dir, summary.editTarget, 'a test edit');
		expect(await readFile(file, 'utf8')).toMatch(/Update: a test edit/);
	});
});
