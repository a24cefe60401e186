/**
 * `npm run schedule [-- --json]`: what goes live when. Embargoed stories with their go-live time
 * in the site's time zone and in UTC, and the scheduled build (the cron in
 * .github/workflows/build.yml) that will publish each; drafts with their age and author. "Now" is
 * SOURCE_DATE_EPOCH when set, as for the build.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readArticles } from './lib/articleFiles.ts';
import { SITE } from '../src/config.ts';
import { isoWithOffset, now } from '../src/lib/dates.ts';
import { formatSpan, scheduleOf, workflowCrons } from './lib/schedule.ts';

const root = path.resolve(import.meta.dirname, '..');
const WORKFLOW = path.join(root, '.github', 'workflows', 'build.yml');

const { values } = parseArgs({
	options: { json: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } },
});
if (values.help) {
	console.log(
		'npm run schedule [-- --json]: embargoed stories and drafts, and when the site publishes each.',
	);
	process.exit(0);
}

const clock = now();
const crons = existsSync(WORKFLOW) ? workflowCrons(readFileSync(WORKFLOW, 'utf8')) : [];
const { articles, invalid } = await readArticles(clock);
const { embargoed, drafts } = scheduleOf(articles, clock, crons);
const shown = (file: string) => path.relative(process.cwd(), file);
/** A time both ways: `{ utc: "…Z", local: "…+05:00" }`. */
const both = (date: Date) => ({
	utc: date.toISOString(),
	local: isoWithOffset(date, SITE.timeZone),
});

if (values.json) {
	const report = {
		now: both(clock),
		timeZone: SITE.timeZone,
		crons,
		embargoed: embargoed.map((story) => ({
			...story,
			file: shown(story.file),
			goLive: both(story.goLive),
			publishedBy: story.publishedBy ? both(story.publishedBy) : null,
		})),
		drafts: drafts.map(({ ageMs, ...draft }) => ({
			...draft,
			file: shown(draft.file),
			date: both(draft.date),
			ageDays: Math.floor(ageMs / 86_400_000),
		})),
		invalid: invalid.map(shown),
	};
	console.log(JSON.stringify(report, null, '\t'));
} else {
	const local = (date: Date) =>
		`${isoWithOffset(date, SITE.timeZone).slice(0, 16).replace('T', ' ')} ${SITE.timeZone}`;
	const utc = (date: Date) => `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
	const lines = [`Now: ${local(clock)} (${utc(clock)}).`, ''];
	lines.push(embargoed.length ? `Embargoed (${embargoed.length}):` : 'Embargoed: none.');
	for (const story of embargoed) {
		const run = story.publishedBy
			? `published by the scheduled build of ${utc(story.publishedBy)} (${local(story.publishedBy)}), in ${formatSpan(story.publishedBy.getTime() - clock.getTime())}`
			: `published by the first build after that (${path.relative(root, WORKFLOW)} has no schedule)`;
		lines.push(
			`  ${story.id}  "${story.title}"`,
			`    goes live ${local(story.goLive)} = ${utc(story.goLive)}`,
			`    ${run}`,
			`    ${shown(story.file)}`,
		);
	}
	lines.push(
		'',
		drafts.length
			? `Drafts (${drafts.length}): not published while they say draft: true`
			: 'Drafts: none.',
	);
	for (const draft of drafts) {
		const age =
			draft.ageMs >= 0
				? `${formatSpan(draft.ageMs)} old`
				: `dated ${formatSpan(draft.ageMs)} ahead`;
		lines.push(
			`  ${draft.id}  "${draft.title}"  by ${draft.authors.join(', ')}, ${age} (dated ${local(draft.date)})`,
			`    ${shown(draft.file)}`,
		);
	}
	if (invalid.length)
		lines.push(
			'',
			`Not listed, front-matter has problems (run npm run check): ${invalid.map(shown).join(', ')}`,
		);
	console.log(lines.join('\n'));
}
