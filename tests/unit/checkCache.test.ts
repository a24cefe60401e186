/**
 * The validation cache is an optimisation only: with it cold, warm, or after edits (one that
 * breaks a rule across files in an unchanged file, one that mends an image), `npm run check`
 * reports exactly what it reports without a cache. The cache is read, and a code change empties it;
 * a file whose stat is unchanged is not read again.
 */
import { readFile, rm, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent, type CheckOptions } from '../../scripts/check.ts';
import { cacheFile, codeVersion } from '../../scripts/lib/checkCache.ts';
import { formatProblem } from '../../scripts/lib/validate.ts';
import { EVERY_PROBLEM, story, writeFiles } from '../helpers/content.ts';
import { tempDir } from '../../scripts/lib/fixtureSites.ts';

let root: string;
let content: string;
const savedCacheDir = process.env.CARAVAN_CACHE_DIR;

beforeAll(async () => {
	root = await tempDir('caravan-check-cache-');
	content = path.join(root, 'content');
	process.env.CARAVAN_CACHE_DIR = path.join(root, 'cache');
	await writeFiles(content, EVERY_PROBLEM);
});
afterAll(async () => {
	if (savedCacheDir === undefined) delete process.env.CARAVAN_CACHE_DIR;
	else process.env.CARAVAN_CACHE_DIR = savedCacheDir;
	await rm(root, { recursive: true, force: true });
});

const lines = async (options: CheckOptions = {}) =>
	(await checkContent(content, options)).problems.map(formatProblem);

/** Without a cache, with a cold one and with the warm one: the same problems. */
async function expectSameWithAndWithoutCache(options: CheckOptions = {}): Promise<string[]> {
	const uncached = await lines({ ...options, cache: false });
	expect(await lines(options)).toEqual(uncached);
	expect(await lines(options)).toEqual(uncached);
	return uncached;
}

describe('the validation cache', () => {
	it('changes nothing, cold or warm, for the whole content and for given files', async () => {
		await rm(path.join(root, 'cache'), { recursive: true, force: true });
		const all = await expectSameWithAndWithoutCache();
		expect(all.length).toBeGreaterThan(15);
		const given = await expectSameWithAndWithoutCache({
			only: [path.join(content, 'articles/links.mdx')],
		});
		expect(given).toEqual(all.filter((line) => line.includes('links.mdx')));
	});

	it('still applies the rules across files after an edit elsewhere, and sees a mended image', async () => {
		await lines();
		// good.md is unchanged (its result comes from the cache) but the story it links to is gone.
		await unlink(path.join(content, 'articles/other.md'));
		await writeFile(
			path.join(content, 'articles/ru/translated.md'),
			story('Перевод', 'Текст.', ['translationOf: misspelt']),
		);
		await sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } })
			.jpeg()
			.toFile(path.join(content, 'articles/photo/lead.jpg'));
		const after = await expectSameWithAndWithoutCache();
		expect(
			after.some((line) =>
				/good\.md:\d+: body: links to \/articles\/other\/ but there is no article "other"/.test(
					line,
				),
			),
		).toBe(true);
		expect(after.some((line) => line.includes('photo/index.md'))).toBe(false);
		// The story that lost its link is reported when the deleted file is the one given.
		expect(await lines({ only: [path.join(content, 'articles/other.md')] })).toEqual(
			after.filter((line) => line.includes('good.md')),
		);
	});

	it('is read, and emptied when the code that made it changes', async () => {
		await lines();
		const file = cacheFile(content);
		const cache = JSON.parse(await readFile(file, 'utf8')) as {
			version: string;
			files: Record<string, { checks: { kind: string; problem?: { message: string } }[] }>;
		};
		const key = Object.keys(cache.files).find((k) =>
			k.startsWith('articles/bad-section.md\0'),
		) as string;
		const planted = cache.files[key]?.checks.find((check) => check.kind === 'problem');
		if (planted?.problem) planted.problem.message = 'planted in the cache';
		await writeFile(file, JSON.stringify(cache));
		expect((await lines()).some((line) => line.endsWith('section: planted in the cache'))).toBe(
			true,
		);
		await writeFile(file, JSON.stringify({ ...cache, version: 'older code' }));
		expect((await lines()).some((line) => line.includes('planted'))).toBe(false);
	});

	it('reads only the files whose stat changed, and sees an edit in place of the same length', async () => {
		await lines();
		// Files written within the clock tick a check starts in are read again by the next one.
		await lines();
		expect((await checkContent(content)).read).toBe(0);
		const file = path.join(content, 'articles/a,b:c.md');
		const text = await readFile(file, 'utf8');
		// As an editor saves a one-letter slip: the same file, the same length, a newer time.
		await writeFile(file, text.replace('section: politics', 'section: polities'));
		const after = await checkContent(content);
		expect(after.read).toBe(1);
		expect(after.problems.map(formatProblem)).toEqual(await lines({ cache: false }));
		expect(after.problems.some((p) => p.file.endsWith('a,b:c.md') && p.field === 'section')).toBe(
			true,
		);
	});

	it("has a version that follows the checker's modules and what they import", async () => {
		const entry = path.join(root, 'entry.ts');
		await writeFile(entry, "import { rule } from './rule.ts';\nexport const x = rule;\n");
		await writeFile(path.join(root, 'rule.ts'), 'export const rule = 1;\n');
		const before = codeVersion(entry);
		expect(codeVersion(entry)).toBe(before);
		await writeFile(path.join(root, 'rule.ts'), 'export const rule = 2;\n');
		expect(codeVersion(entry)).not.toBe(before);
		expect(codeVersion()).not.toBe(before);
	});
});
