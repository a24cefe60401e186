/**
 * `npm run schedule`: embargoed stories with their go-live time (site time zone and UTC) and the
 * scheduled build that publishes each, drafts with age and author, as text and as JSON, with the
 * clock fixed by SOURCE_DATE_EPOCH as for the build.
 */
import { spawnSync } from 'node:child_process';
import { cp, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatSpan, nextRun, scheduleOf, workflowCrons } from '../../scripts/lib/schedule.ts';
import { story, writeFiles } from '../helpers/content.ts';
import { cleanEnv, FIXTURE_EPOCH, ROOT, tempDir } from '../../scripts/lib/fixtureSites.ts';
import { makeArticle, NOW } from './fixtures.ts';

const at = (iso: string) => new Date(iso);

describe('the build schedule', () => {
	it('reads the cron lines of a workflow', () => {
		const workflow =
			"name: Build\non:\n  push:\n    branches: [main]\n  schedule:\n    - cron: '*/30 * * * *'\n    - cron: '5 4 * * 1'\n";
		expect(workflowCrons(workflow)).toEqual(['*/30 * * * *', '5 4 * * 1']);
		expect(workflowCrons('on:\n  push: {}\n')).toEqual([]);
	});

	it('reads the cron of the main workflow', async () => {
		expect(
			workflowCrons(await readFile(path.join(ROOT, '.github/workflows/build.yml'), 'utf8')).length,
		).toBeGreaterThan(0);
	});

	it('finds the first run at or after a time, in UTC, across several crons', () => {
		expect(nextRun(['*/30 * * * *'], at('2026-01-20T04:00:00Z'))).toEqual(
			at('2026-01-20T04:00:00Z'),
		);
		expect(nextRun(['*/30 * * * *'], at('2026-01-20T04:00:01Z'))).toEqual(
			at('2026-01-20T04:30:00Z'),
		);
		expect(nextRun(['0 * * * *', '45 4 * * *'], at('2026-01-20T04:10:00Z'))).toEqual(
			at('2026-01-20T04:45:00Z'),
		);
		expect(nextRun(['0 6 * * *'], at('2026-01-20T07:00:00Z'))).toEqual(at('2026-01-21T06:00:00Z'));
		expect(nextRun([], at('2026-01-20T07:00:00Z'))).toBeUndefined();
	});

	it('says spans as people do', () => {
		expect(
			[
				12 * 60_000,
				5 * 3_600_000 + 20 * 60_000,
				3 * 3_600_000,
				26 * 3_600_000,
				12 * 86_400_000,
			].map(formatSpan),
		).toEqual(['12 min', '5 h 20 min', '3 h', '1 day 2 h', '12 days']);
	});
});

describe('scheduleOf', () => {
	const file = (id: string) => ({ file: `articles/${id}.md` });
	const articles = [
		{ ...makeArticle('published'), ...file('published') },
		{ ...makeArticle('later', { date: at('2025-12-20T04:10:00Z') }), ...file('later') },
		{ ...makeArticle('sooner', { date: at('2025-12-18T06:00:00Z') }), ...file('sooner') },
		{
			...makeArticle('old-draft', {
				draft: true,
				date: at('2025-12-01T05:00:00Z'),
				author: ['A One', 'B Two'],
			}),
			...file('old-draft'),
		},
		{
			...makeArticle('future-draft', { draft: true, date: at('2025-12-24T05:00:00Z') }),
			...file('future-draft'),
		},
	];

	it('lists embargoed stories by go-live time with the build that publishes each, and drafts oldest first', () => {
		const { embargoed, drafts } = scheduleOf(articles, NOW, ['0 * * * *']);
		expect(embargoed).toEqual([
			{
				id: 'sooner',
				file: 'articles/sooner.md',
				title: 'A headline',
				goLive: at('2025-12-18T06:00:00Z'),
				publishedBy: at('2025-12-18T06:00:00Z'),
			},
			{
				id: 'later',
				file: 'articles/later.md',
				title: 'A headline',
				goLive: at('2025-12-20T04:10:00Z'),
				publishedBy: at('2025-12-20T05:00:00Z'),
			},
		]);
		expect(drafts.map((d) => [d.id, d.authors, d.ageMs / 86_400_000])).toEqual([
			['old-draft', ['A One', 'B Two'], 16.291666666666668],
			['future-draft', ['Aigerim Sadykova'], -6.708333333333333],
		]);
	});
});

describe('npm run schedule', () => {
	let content: string;
	const run = (...args: string[]) =>
		spawnSync(process.execPath, [path.join(ROOT, 'scripts/schedule.ts'), ...args], {
			cwd: ROOT,
			encoding: 'utf8',
			env: cleanEnv({
				CONTENT_DIR: content,
				SOURCE_DATE_EPOCH: String(FIXTURE_EPOCH),
				SITE_TIME_ZONE: 'Asia/Almaty',
			}),
		});

	beforeAll(async () => {
		// The site fixture (one embargoed story, one draft) and a Russian story due at 09:10, between two runs.
		content = path.join(await tempDir('caravan-schedule-'), 'content');
		await cp(path.join(ROOT, 'tests/fixtures/site'), content, { recursive: true });
		await writeFiles(content, {
			'articles/ru/skoro.md': story('Скоро', 'Текст.').replace(
				'2025-12-01T10:00:00+05:00',
				'2025-12-18T09:10:00+05:00',
			),
			'articles/broken.md': '---\ntitle: [unclosed\n---\n',
		});
	});
	afterAll(() => rm(path.dirname(content), { recursive: true, force: true }));

	it('prints go-live times in the site time zone and UTC, the publishing run, and drafts with age and author', () => {
		const result = run();
		expect(result.status, result.stderr).toBe(0);
		const text = result.stdout;
		expect(text).toContain('Now: 2025-12-17 12:00 Asia/Almaty (2025-12-17 07:00 UTC).');
		expect(text).toContain('Embargoed (2):');
		// Soonest first.
		expect(text.indexOf('ru/skoro')).toBeLessThan(text.indexOf('embargoed-story'));
		expect(text).toContain('goes live 2025-12-18 09:10 Asia/Almaty = 2025-12-18 04:10 UTC');
		expect(text).toContain(
			'published by the scheduled build of 2025-12-18 04:30 UTC (2025-12-18 09:30 Asia/Almaty), in 21 h 30 min',
		);
		expect(text).toContain('goes live 2026-01-20 09:00 Asia/Almaty = 2026-01-20 04:00 UTC');
		expect(text).toContain(
			'published by the scheduled build of 2026-01-20 04:00 UTC (2026-01-20 09:00 Asia/Almaty), in 33 days',
		);
		expect(text).toContain('Drafts (1):');
		expect(text).toContain(
			'draft-story  "Unpublished draft story"  by Staff Reporter, 12 days old (dated 2025-12-05 00:00 Asia/Almaty)',
		);
		expect(text).toMatch(/front-matter has problems \(run npm run check\): .*broken\.md/);
		expect(text).not.toContain('fixture-story-01');
	});

	it('gives the same as JSON for tools', () => {
		const result = run('--json');
		expect(result.status, result.stderr).toBe(0);
		const report = JSON.parse(result.stdout) as Record<string, unknown> & {
			embargoed: { id: string; goLive: unknown; publishedBy: unknown }[];
			drafts: unknown[];
		};
		expect(report.now).toEqual({
			utc: '2025-12-17T07:00:00.000Z',
			local: '2025-12-17T12:00:00+05:00',
		});
		expect(report.timeZone).toBe('Asia/Almaty');
		expect(
			report.embargoed.map(({ id, goLive, publishedBy }) => ({ id, goLive, publishedBy })),
		).toEqual([
			{
				id: 'ru/skoro',
				goLive: { utc: '2025-12-18T04:10:00.000Z', local: '2025-12-18T09:10:00+05:00' },
				publishedBy: { utc: '2025-12-18T04:30:00.000Z', local: '2025-12-18T09:30:00+05:00' },
			},
			{
				id: 'embargoed-story',
				goLive: { utc: '2026-01-20T04:00:00.000Z', local: '2026-01-20T09:00:00+05:00' },
				publishedBy: { utc: '2026-01-20T04:00:00.000Z', local: '2026-01-20T09:00:00+05:00' },
			},
		]);
		expect(report.drafts).toEqual([
			{
				id: 'draft-story',
				file: path.relative(ROOT, path.join(content, 'articles/draft-story.md')),
				title: 'Unpublished draft story',
				authors: ['Staff Reporter'],
				date: { utc: '2025-12-04T19:00:00.000Z', local: '2025-12-05T00:00:00+05:00' },
				ageDays: 12,
			},
		]);
		expect(report.invalid).toEqual([path.relative(ROOT, path.join(content, 'articles/broken.md'))]);
	});
});
