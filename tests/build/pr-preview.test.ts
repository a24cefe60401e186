/**
 * `node scripts/pr-preview.ts` as the Preview workflows run it, in a temporary git repository:
 * a pull request's branch adds, edits, renames and deletes stories; `collect` lists the stories
 * with the URLs the site gives them, and `comment` turns that into the comment's Markdown.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewData } from '../../scripts/lib/prPreview.ts';
import { cleanEnv, ROOT, tempDir } from '../../scripts/lib/fixtureSites.ts';

let repo: string;
const story = (title: string, extra = '') =>
	`---\ntitle: "${title}"\ndate: 2025-12-01\nauthor: "Staff Reporter"\nsection: politics\n${extra}---\n\nBody.\n`;

const run = (args: string[]) =>
	spawnSync(process.execPath, [path.join(ROOT, 'scripts/pr-preview.ts'), ...args], {
		cwd: repo,
		encoding: 'utf8',
		env: cleanEnv({ SOURCE_DATE_EPOCH: '1765954800' /* 2025-12-17 */ }),
	});

beforeAll(async () => {
	repo = await tempDir('caravan-pr-preview-');
	const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' });
	const write = async (file: string, text: string) => {
		await mkdir(path.dirname(path.join(repo, file)), { recursive: true });
		await writeFile(path.join(repo, file), text);
	};
	git('init', '-q', '-b', 'main');
	git('config', 'user.email', 'test@example.com');
	git('config', 'user.name', 'Test');
	await write('content/articles/edited.md', story('Before'));
	await write('content/articles/photo-story/index.md', story('Photo story'));
	await write('content/articles/photo-story/lead.jpg', 'one');
	await write('content/articles/deleted.md', story('Deleted'));
	await write('content/articles/old-name.md', story('Renamed'));
	await write('content/articles/untouched.md', story('Untouched'));
	git('add', '-A');
	git('commit', '-qm', 'base');
	git('switch', '-qc', 'story');
	await write('content/articles/edited.md', story('After: the vote'));
	await write('content/articles/photo-story/lead.jpg', 'two');
	await rm(path.join(repo, 'content/articles/deleted.md'));
	git('mv', 'content/articles/old-name.md', 'content/articles/new-name.md');
	await write('content/articles/ru/novaya-istoriya.md', story('Новая история'));
	await write('content/articles/russian-at-root.md', story('По-русски', 'lang: ru\n'));
	await write('content/articles/a-draft.md', story('A draft', 'draft: true\n'));
	await write('content/articles/later.md', story('Later').replace('2025-12-01', '2026-01-20'));
	await write('content/articles/broken.md', 'no front-matter at all\n');
	await write('README.md', 'not a story\n');
	git('add', '-A');
	git('commit', '-qm', 'stories');
	// Main moves on after the branch: those changes are not the pull request's.
	git('switch', '-q', 'main');
	await write('content/articles/untouched.md', story('Changed on main'));
	git('commit', '-qam', 'main moves on');
	git('switch', '-q', 'story');
});

afterAll(async () => {
	await rm(repo, { recursive: true, force: true });
});

describe('pr-preview.ts collect', () => {
	it('lists the stories the branch adds or edits since its merge base, with their URLs, headlines and states', () => {
		const result = run(['collect', '--base', 'main', '--pr', '7']);
		expect(result.status, result.stderr).toBe(0);
		const data = JSON.parse(result.stdout) as PreviewData;
		expect(data.pr).toBe(7);
		expect(data.outcome).toBe('success');
		expect(
			data.stories.map(({ url, title, change, state }) => [url, title, change, state]),
		).toEqual([
			['/articles/a-draft/', 'A draft', 'added', 'draft'],
			['/articles/broken/', 'broken', 'added', 'invalid'],
			['/articles/edited/', 'After: the vote', 'edited', 'published'],
			['/articles/later/', 'Later', 'added', 'embargoed'],
			['/articles/new-name/', 'Renamed', 'added', 'published'],
			['/articles/photo-story/', 'Photo story', 'edited', 'published'],
			['/ru/articles/novaya-istoriya/', 'Новая история', 'added', 'published'],
			['/ru/articles/russian-at-root/', 'По-русски', 'added', 'published'],
		]);
		expect(data.stories.find((s) => s.url === '/articles/photo-story/')?.file).toBe(
			'content/articles/photo-story/index.md',
		);
	});

	it('says the run failed when told', () => {
		const data = JSON.parse(
			run(['collect', '--base', 'main', '--outcome', 'failure']).stdout,
		) as PreviewData;
		expect(data.outcome).toBe('failure');
	});
});

describe('pr-preview.ts comment', () => {
	it("prints the comment's Markdown from collect's output", async () => {
		const file = path.join(repo, 'preview.json');
		await writeFile(file, run(['collect', '--base', 'main', '--pr', '7']).stdout);
		const result = run([
			'comment',
			file,
			'--artifact-url',
			'https://github.com/o/r/actions/runs/1/artifacts/2',
			'--preview-origin',
			'https://pr-7.example.pages.dev',
		]);
		expect(result.status, result.stderr).toBe(0);
		expect(result.stdout).toMatch(/^<!-- caravan-preview -->\n/);
		expect(result.stdout).toContain(
			'- edited: [/articles/edited/](https://pr-7.example.pages.dev/articles/edited/): After\\: the vote\n',
		);
		expect(result.stdout).toContain(
			'- **new**: `/articles/a-draft/`: A draft (draft: not in this build; see it with `npm run dev`)\n',
		);
		expect(result.stdout).toContain('(https://github.com/o/r/actions/runs/1/artifacts/2)');
	});

	it('explains its usage when called wrongly', () => {
		const result = run(['comment']);
		expect(result.status).toBe(2);
		expect(result.stderr).toContain('usage: node scripts/pr-preview.ts');
	});
});
