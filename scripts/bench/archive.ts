/**
 * The archive rows of `npm run bench` (issue 14), run on the caches the warm rebuild left:
 * publishing one new story on the same day, then the first build of the next day (tomorrow's
 * ticker snapshot, one new story, SOURCE_DATE_EPOCH a day later). The corpus is put back as it
 * was afterwards, so the Hugo baseline builds the same content as before.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CORPUS_EPOCH, SEARCH_WORD } from './corpus.ts';

export interface ArchiveRows<T> {
	/** One new story, dated ten minutes before "now", on the same day. */
	publish: T;
	/** A day later: tomorrow's ticker snapshot and one more new story. */
	newDay: T;
}

const day = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10);

function storyText(title: string, seconds: number): string {
	const date = `${new Date((seconds + 5 * 3600) * 1000).toISOString().slice(0, 19)}+05:00`;
	const paragraph = `The ${SEARCH_WORD} ministry said the reservoir talks would resume next week, with customs officials from both sides.`;
	return `---\ntitle: "${title}"\ndate: ${date}\nauthor: "Bench Reporter"\nsection: economy\ncountries: [kazakhstan]\ntags: [trade]\n---\n\n${paragraph}\n\n${paragraph}\n`;
}

/** Run both builds, `build(label, epochSeconds)`, each after its change to the corpus in `contentDir`. */
export async function archiveRows<T>(
	contentDir: string,
	build: (label: string, epochSeconds: number) => Promise<T>,
): Promise<ArchiveRows<T>> {
	const tomorrow = CORPUS_EPOCH + 86_400;
	const sameDayStory = path.join(contentDir, 'articles', 'bench-new-story-same-day.md');
	const nextDayStory = path.join(contentDir, 'articles', 'bench-new-story-next-day.md');
	const snapshot = path.join(contentDir, 'ticker', `${day(tomorrow)}.json`);
	try {
		await writeFile(
			sameDayStory,
			storyText('A story published on the same day', CORPUS_EPOCH - 600),
		);
		const publish = await build('publish one new story, same day', CORPUS_EPOCH);

		const today = JSON.parse(
			await readFile(path.join(contentDir, 'ticker', `${day(CORPUS_EPOCH)}.json`), 'utf8'),
		) as { rates: Record<string, number> };
		const rates = Object.fromEntries(
			Object.entries(today.rates).map(([code, rate]) => [
				code,
				Number((rate * 1.002).toPrecision(6)),
			]),
		);
		await writeFile(snapshot, `${JSON.stringify({ date: day(tomorrow), base: 'USD', rates })}\n`);
		await writeFile(nextDayStory, storyText('A story published on the next day', tomorrow - 600));
		const newDay = await build('first build of a new day', tomorrow);
		return { publish, newDay };
	} finally {
		await Promise.all(
			[sameDayStory, nextDayStory, snapshot].map((file) => rm(file, { force: true })),
		);
	}
}
