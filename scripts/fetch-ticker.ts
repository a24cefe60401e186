/**
 * `npm run ticker [-- --force]`: fetch today's exchange rates from the rates API (TICKER.apiUrl;
 * `TICKER_API_URL` overrides it) and write `<CONTENT_DIR>/ticker/<today>.json`. "Today" is the
 * site's calendar day (`SOURCE_DATE_EPOCH` sets the clock). An existing snapshot for the day is
 * kept unless `--force` is given. Exit 0 when written, 1 on any failure, with a one-line reason.
 * The build never runs this: it only reads the snapshots already in the content folder.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { contentDir, SITE, TICKER } from '../src/config.ts';
import { isoDay, now } from '../src/lib/dates.ts';
import { fetchSnapshot, serializeSnapshot } from './lib/tickerFetch.ts';

const USAGE = 'usage: npm run ticker [-- --force]';

async function main(argv: string[]): Promise<void> {
	const { values } = parseArgs({
		args: argv,
		options: { force: { type: 'boolean', default: false }, help: { type: 'boolean' } },
	});
	if (values.help) {
		console.log(
			`${USAGE}\nFetches today's rates from ${TICKER.apiUrl} into ${path.join(contentDir(), 'ticker')}/.`,
		);
		return;
	}
	const day = isoDay(now(), SITE.timeZone);
	const file = path.join(contentDir(), 'ticker', `${day}.json`);
	const relative = path.relative(process.cwd(), file);
	const shown = relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
	if (!values.force && existsSync(file)) {
		throw new Error(`${shown} already exists; run with --force to replace it`);
	}
	const snapshot = await fetchSnapshot(TICKER.apiUrl, day);
	const text = serializeSnapshot(snapshot);
	await mkdir(path.dirname(file), { recursive: true });
	// `wx` fails rather than overwrite a file that appeared while we were fetching.
	await writeFile(file, text, { flag: values.force ? 'w' : 'wx' });
	const rates = TICKER.currencies.map((code) => `${code} ${snapshot.rates[code]}`).join(', ');
	console.log(`Wrote ${shown}: 1 ${snapshot.base} = ${rates}`);
}

if (import.meta.main) {
	try {
		await main(process.argv.slice(2));
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		const message =
			code === 'EEXIST'
				? 'the snapshot for today appeared while fetching; run again with --force to replace it'
				: code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ||
					  code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL'
					? `${(error as Error).message.split('\n')[0]} (${USAGE})`
					: error instanceof Error
						? error.message.split('\n')[0]
						: String(error);
		console.error(`ticker: ${message}. Nothing was written.`);
		process.exitCode = 1;
	}
}
