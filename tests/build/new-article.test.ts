/** `npm run new` writes a valid draft under CONTENT_DIR, with a unique transliterated slug. */
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanEnv, FIXTURE_EPOCH, ROOT, tempDir } from '../../scripts/lib/fixtureSites.ts';

function newArticle(contentDir: string, ...args: string[]) {
	const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts/new.ts'), ...args], {
		cwd: ROOT,
		encoding: 'utf8',
		env: cleanEnv({ CONTENT_DIR: contentDir, SOURCE_DATE_EPOCH: String(FIXTURE_EPOCH) }),
	});
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `npm run check` on `contentDir`. */
function runCheck(contentDir: string) {
	return spawnSync(process.execPath, [path.join(ROOT, 'scripts/check.ts')], {
		cwd: ROOT,
		encoding: 'utf8',
		env: cleanEnv({ CONTENT_DIR: contentDir }),
	});
}

describe('npm run new', () => {
	it('creates a draft that passes npm run check, and never reuses a slug', async () => {
		const content = await tempDir('caravan-new-');
		const first = newArticle(
			content,
			'Бюджет Қазақстана: 2027',
			'--section',
			'economy',
			'--country',
			'kazakhstan',
			'--author',
			'Aigerim Sadykova',
		);
		expect(first.status, first.stderr).toBe(0);
		const file = path.join(content, 'articles/byudzhet-qazaqstana-2027.md');
		expect(first.stdout).toContain(`Created ${file}`);
		expect(first.stdout).toContain('/articles/byudzhet-qazaqstana-2027/');
		expect(await readFile(file, 'utf8')).toBe(
			[
				'---',
				'title: "Бюджет Қазақстана: 2027"',
				'date: 2025-12-17T12:00:00+05:00',
				'author: "Aigerim Sadykova"',
				'section: economy',
				'countries: [kazakhstan]',
				'tags: []',
				'summary: ""',
				'# A draft is previewed by `npm run dev` and never published: delete this line to publish.',
				'draft: true',
				'---',
				'',
				'Write the story here. The first paragraph is the one readers see in listings.',
				'',
			].join('\n'),
		);
		const second = newArticle(
			content,
			'Бюджет Қазақстана: 2027',
			'--section',
			'economy',
			'--author',
			'A N Other',
			'--mdx',
		);
		expect(second.stdout).toContain(path.join(content, 'articles/byudzhet-qazaqstana-2027-2.mdx'));
		expect(await readFile(file, 'utf8')).toContain('Aigerim Sadykova'); // the first file is untouched
		const check = runCheck(content);
		expect(check.stdout).toContain('Content OK: 2 articles');
	});

	it('puts a Russian translation in the Russian edition, linked to its original', async () => {
		const content = await tempDir('caravan-new-');
		expect(newArticle(content, 'Budget vote', '--section', 'economy', '--author', 'A').status).toBe(
			0,
		);
		const russian = newArticle(
			content,
			'Бюджет принят',
			'--section',
			'economy',
			'--author',
			'Б',
			'--lang',
			'ru',
			'--translation-of',
			'budget-vote',
		);
		expect(russian.status, russian.stderr).toBe(0);
		const file = path.join(content, 'articles/ru/byudzhet-prinyat.md');
		expect(russian.stdout).toContain(`Created ${file}`);
		expect(russian.stdout).toContain('http://localhost:4321/ru/articles/byudzhet-prinyat/');
		expect(await readFile(file, 'utf8')).toContain('\ntranslationOf: budget-vote\n');
		const check = runCheck(content);
		expect(check.stdout + check.stderr).toContain('Content OK: 2 articles');
		// A translation of a story that is not there is caught by the check, naming the file.
		newArticle(
			content,
			'Другая',
			'--section',
			'economy',
			'--author',
			'Б',
			'--lang',
			'ru',
			'--translation-of',
			'no-such-story',
		);
		const bad = runCheck(content);
		expect(bad.status).toBe(1);
		expect(bad.stderr).toContain('drugaya.md');
		expect(bad.stderr).toContain('no-such-story');
	});

	it('explains an unknown section or country and writes nothing', async () => {
		const content = await tempDir('caravan-new-');
		const result = newArticle(
			content,
			'Headline',
			'--section',
			'sport',
			'--country',
			'mars',
			'--author',
			'X',
		);
		expect(result.status).toBe(1);
		expect(result.stderr).toContain(
			'npm run new: "sport" is not a section, expected one of politics, economy',
		);
		expect(result.stderr).toContain(
			'npm run new: "mars" is not a country, expected one of kazakhstan',
		);
		expect(spawnSync('ls', [content], { encoding: 'utf8' }).stdout).toBe('');
	});
});
