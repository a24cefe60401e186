/**
 * Bad content stops the build with one clear line per problem (no stack trace) and leaves the
 * previous dist/ exactly as it was.
 */
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBuild, tempDir } from '../../scripts/lib/fixtureSites.ts';

const GOOD = `---
title: "A good story"
date: 2025-12-01
author: "Staff Reporter"
section: politics
---

Fine body.
`;

let base: string;

beforeAll(async () => {
	base = await tempDir('caravan-bad-');
	await mkdir(path.join(base, 'template/articles'), { recursive: true });
	await mkdir(path.join(base, 'template/ticker'), { recursive: true });
	await writeFile(path.join(base, 'template/articles/good.md'), GOOD);
	await writeFile(
		path.join(base, 'template/ticker/2025-12-01.json'),
		'{"date":"2025-12-01","base":"USD","rates":{"KGS":87.41}}\n',
	);
});

/** Build a content folder holding the good article plus `files`, over a dist/ that must survive. */
async function buildWith(name: string, files: Record<string, string>) {
	const contentDir = path.join(base, name);
	await cp(path.join(base, 'template'), contentDir, { recursive: true });
	for (const [file, content] of Object.entries(files))
		await writeFile(path.join(contentDir, file), content);
	const outDir = path.join(base, `${name}-out`, 'dist');
	await mkdir(outDir, { recursive: true });
	await writeFile(path.join(outDir, 'index.html'), 'previous build');
	const result = await runBuild({ contentDir, outDir });
	const output = `${result.stdout}\n${result.stderr}`;
	return {
		...result,
		output,
		lines: result.stderr
			.split('\n')
			.filter((line) => line.startsWith(contentDir))
			.map((line) => line.slice(contentDir.length + 1)),
		distAfter: await readFile(path.join(outDir, 'index.html'), 'utf8'),
	};
}

function expectCleanFailure(result: Awaited<ReturnType<typeof buildWith>>) {
	expect(result.status).toBe(1);
	expect(result.distAfter).toBe('previous build');
	expect(result.output).not.toMatch(/^\s+at /m); // no stack trace
	expect(result.output).toContain('dist/ was not changed');
}

describe('a bad article stops the build with a located message', () => {
	it('broken YAML (an unclosed quote)', async () => {
		const result = await buildWith('yaml', {
			'articles/broken.md': '---\ntitle: "Unclosed quote\nsection: politics\n---\nBody\n',
		});
		expectCleanFailure(result);
		expect(result.lines).toEqual([
			'articles/broken.md:2: (front-matter): broken YAML (Missing closing "quote), expected "key: value" lines; quote values that contain a colon or start with a quote',
		]);
	});

	it('a missing title', async () => {
		const result = await buildWith('title', {
			'articles/untitled.md':
				'---\ndate: 2025-12-01\nauthor: "Staff Reporter"\nsection: politics\n---\nBody\n',
		});
		expectCleanFailure(result);
		expect(result.lines).toEqual([
			'articles/untitled.md:1: title: is missing, expected a headline as text',
		]);
	});

	it('an impossible date', async () => {
		const result = await buildWith('date', {
			'articles/bad-date.md':
				'---\ntitle: "Bad date"\ndate: 2025-13-45\nauthor: "Staff Reporter"\nsection: politics\n---\nBody\n',
		});
		expectCleanFailure(result);
		expect(result.lines).toEqual([
			'articles/bad-date.md:3: date: "2025-13-45" is not a real calendar date',
		]);
	});

	it('an unknown section', async () => {
		const result = await buildWith('section', {
			'articles/sport.md':
				'---\ntitle: "Sport"\ndate: 2025-12-01\nauthor: "Staff Reporter"\nsection: sport\n---\nBody\n',
		});
		expectCleanFailure(result);
		expect(result.lines).toEqual([
			'articles/sport.md:5: section: "sport" is not a section, expected one of politics, economy, society, tech, culture, energy, security, opinion',
		]);
	});

	it('a misspelt key, with the closest known key suggested', async () => {
		const result = await buildWith('typo', {
			'articles/typo.md':
				'---\ntitle: "Typo"\ndate: 2025-12-01\nauthor: "Staff Reporter"\nsectoin: politics\n---\nBody\n',
		});
		expectCleanFailure(result);
		expect(result.lines).toEqual([
			'articles/typo.md:1: section: is missing, expected one of politics, economy, society, tech, culture, energy, security, opinion',
			'articles/typo.md:5: sectoin: unknown field, did you mean "section"?',
		]);
	});

	it('a bad ticker snapshot', async () => {
		const result = await buildWith('ticker', {
			'ticker/2025-12-02.json': '{"date":"2025-12-03","base":"USD","rates":{"KGS":-1}}\n',
		});
		expectCleanFailure(result);
		expect(result.lines).toEqual(['ticker/2025-12-02.json:1: rates.KGS: must be above 0']);
	});

	it('reports every problem in every file at once', async () => {
		const result = await buildWith('many', {
			'articles/a.md':
				'---\ntitle: ""\ndate: 2025-02-30\nauthor: "X"\nsection: politics\ncountries: [atlantis]\n---\nBody\n',
			'articles/b.md':
				'---\ntitle: "B"\ndate: 2025-12-01\nauthor: "X"\nsection: politics\nupdated: 2025-11-01\n---\nBody\n',
		});
		expectCleanFailure(result);
		expect(result.lines).toEqual([
			'articles/a.md:2: title: must not be empty, expected a headline',
			'articles/a.md:3: date: "2025-02-30" is not a real calendar date',
			'articles/a.md:6: countries[0]: "atlantis" is not a country, expected one of kazakhstan, kyrgyzstan, tajikistan, turkmenistan, uzbekistan, afghanistan, region',
			'articles/b.md:6: updated: is before `date`, expected a time on or after it',
		]);
	});
});
