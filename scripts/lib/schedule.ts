/**
 * What goes live when, for `npm run schedule`: embargoed stories with the scheduled build that
 * will publish each, and drafts with their age. Which story is which comes from the publishing
 * rules in `articles.ts`; the build schedule from the workflow's cron lines.
 */
import { CronExpressionParser } from 'cron-parser';
import { parse } from 'yaml';
import { isPublished, type Article } from '../../src/lib/articles.ts';

export interface EmbargoedStory {
	id: string;
	file: string;
	title: string;
	/** When the story may go live (its `date`). */
	goLive: Date;
	/** The first scheduled build at or after `goLive`; undefined without a schedule. */
	publishedBy?: Date;
}

export interface DraftStory {
	id: string;
	file: string;
	title: string;
	authors: string[];
	/** Its `date`: when `npm run new` made it, unless the writer changed it. */
	date: Date;
	/** Milliseconds since `date` (negative when dated in the future). */
	ageMs: number;
}

export interface Schedule {
	embargoed: EmbargoedStory[];
	drafts: DraftStory[];
}

/** The cron lines of a GitHub Actions workflow's `on.schedule` (none when it has no schedule). */
export function workflowCrons(workflowYaml: string): string[] {
	const workflow = parse(workflowYaml) as { on?: { schedule?: { cron?: unknown }[] } } | null;
	const schedule = workflow?.on?.schedule;
	return Array.isArray(schedule)
		? schedule
				.map((entry) => entry?.cron)
				.filter((cron): cron is string => typeof cron === 'string')
		: [];
}

/**
 * The first run of any of `crons` (in UTC, as GitHub Actions reads them) at or after `at`.
 * GitHub may start a scheduled run some minutes late; never earlier.
 */
export function nextRun(crons: readonly string[], at: Date): Date | undefined {
	const runs = crons.map((cron) =>
		CronExpressionParser.parse(cron, { currentDate: at.getTime() - 1, tz: 'UTC' })
			.next()
			.toDate(),
	);
	return runs.sort((a, b) => a.getTime() - b.getTime())[0];
}

/** Embargoed stories by go-live time, and drafts oldest first. */
export function scheduleOf(
	articles: readonly (Article & { file: string })[],
	now: Date,
	crons: readonly string[],
): Schedule {
	const embargoed = articles
		.filter((article) => !article.draft && !isPublished(article))
		.map((article) => ({
			id: article.id,
			file: article.file,
			title: article.title,
			goLive: article.date,
			publishedBy: nextRun(crons, article.date),
		}))
		.sort((a, b) => a.goLive.getTime() - b.goLive.getTime() || a.id.localeCompare(b.id));
	const drafts = articles
		.filter((article) => article.draft)
		.map((article) => ({
			id: article.id,
			file: article.file,
			title: article.title,
			authors: article.authors.map((author) => author.name),
			date: article.date,
			ageMs: now.getTime() - article.date.getTime(),
		}))
		.sort((a, b) => a.date.getTime() - b.date.getTime() || a.id.localeCompare(b.id));
	return { embargoed, drafts };
}

/** "3 days", "5 h 20 min", "12 min": a rough span for people. */
export function formatSpan(ms: number): string {
	const minutes = Math.floor(Math.abs(ms) / 60_000);
	const days = Math.floor(minutes / 1440);
	const hours = Math.floor((minutes % 1440) / 60);
	if (days >= 2) return `${days} days`;
	if (days === 1) return hours ? `1 day ${hours} h` : '1 day';
	if (hours) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
	return `${minutes} min`;
}
