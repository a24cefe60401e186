/**
 * The testable half of `npm run ticker`: turn a rates API answer into a ticker snapshot, check it
 * with the same schema the build uses, and describe every failure in one readable line.
 * The CLI (`scripts/fetch-ticker.ts`) only adds the clock, the arguments and the file system.
 */
import { TICKER } from '../../src/config.ts';
import { tickerSchema, type TickerSnapshot } from '../../src/lib/schema.ts';

/** How long the API may take to answer, body included. */
export const FETCH_TIMEOUT_MS = 15_000;

/** A failure whose message is meant for the person running the script, as it is. */
export class TickerFetchError extends Error {
	override name = 'TickerFetchError';
}

export interface SnapshotOptions {
	/** Base currency the rates must be quoted in. */
	base?: string;
	/** Currencies to keep, in the order they are written. */
	currencies?: readonly string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The response body as JSON, or a one-line explanation of why it is not. */
export function parseResponseText(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch (error) {
		const detail = (error instanceof Error ? error.message : String(error)).split('\n')[0];
		const start = text.trim().slice(0, 40).replace(/\s+/g, ' ');
		throw new TickerFetchError(
			`the API answer is not JSON (${detail})${start ? `; it starts with ${JSON.stringify(start)}` : '; it is empty'}`,
		);
	}
}

/**
 * Build the snapshot for `date` from an API answer shaped like open.er-api.com's
 * (`{ "base_code": "USD", "rates": { … } }`) or the older `{ "base": "USD", "rates": { … } }`.
 * Keeps only the configured currencies, in their configured order; every one of them must be there.
 */
export function snapshotFromResponse(
	body: unknown,
	date: string,
	options: SnapshotOptions = {},
): TickerSnapshot {
	const base = options.base ?? TICKER.base;
	const currencies = options.currencies ?? TICKER.currencies;
	if (!isRecord(body)) {
		throw new TickerFetchError(
			'the API answer is not a JSON object, expected { "rates": { "CODE": number, … } }',
		);
	}
	if (body.result === 'error') {
		const kind = body['error-type'] ?? body.error;
		throw new TickerFetchError(
			`the API reported an error${typeof kind === 'string' ? `: ${kind}` : ''}`,
		);
	}
	const answeredBase = body.base_code ?? body.base;
	if (answeredBase !== undefined) {
		if (typeof answeredBase !== 'string') {
			throw new TickerFetchError(
				`the API answer has base ${JSON.stringify(answeredBase)}, expected a currency code like ${base}`,
			);
		}
		if (answeredBase.toUpperCase() !== base) {
			throw new TickerFetchError(
				`the API answered rates against ${answeredBase}, expected ${base}`,
			);
		}
	}
	const rates = body.rates;
	if (!isRecord(rates)) {
		throw new TickerFetchError(
			'the API answer has no "rates" object, expected { "rates": { "CODE": number, … } }',
		);
	}
	const missing = currencies.filter((code) => rates[code] === undefined);
	if (missing.length) {
		throw new TickerFetchError(
			`the API answer lacks ${missing.join(', ')}; expected rates for all of ${currencies.join(', ')}`,
		);
	}
	const kept: Record<string, number> = {};
	for (const code of currencies) {
		const rate = rates[code];
		if (typeof rate !== 'number' || !Number.isFinite(rate) || rate <= 0) {
			throw new TickerFetchError(
				`the API gives ${code} as ${JSON.stringify(rate)}, expected a number above 0`,
			);
		}
		kept[code] = rate;
	}
	return validateSnapshot({ date, base, rates: kept });
}

/** Check a snapshot with `tickerSchema`; every problem is listed on one line. */
export function validateSnapshot(snapshot: unknown): TickerSnapshot {
	const result = tickerSchema.safeParse(snapshot);
	if (result.success) return result.data;
	const problems = result.error.issues.map((issue) => {
		const field = issue.path.map(String).join('.');
		return field ? `${field}: ${issue.message}` : issue.message;
	});
	throw new TickerFetchError(`the snapshot is not valid: ${problems.join('; ')}`);
}

/** The file contents: `{"date":…,"base":…,"rates":{…}}` on one line, rates in `currencies` order. */
export function serializeSnapshot(
	snapshot: TickerSnapshot,
	currencies: readonly string[] = TICKER.currencies,
): string {
	const order = [
		...currencies,
		...Object.keys(snapshot.rates).filter((code) => !currencies.includes(code)),
	];
	const rates = Object.fromEntries(
		order.flatMap((code) =>
			snapshot.rates[code] === undefined ? [] : [[code, snapshot.rates[code]]],
		),
	);
	return `${JSON.stringify({ date: snapshot.date, base: snapshot.base, rates })}\n`;
}

/** One line saying why a request failed: timeout, refused connection, unknown host… */
export function describeFetchFailure(
	error: unknown,
	url: string,
	timeoutMs = FETCH_TIMEOUT_MS,
): string {
	if (error instanceof TickerFetchError) return error.message;
	const name = error instanceof Error || error instanceof DOMException ? error.name : '';
	if (name === 'TimeoutError') return `${url} did not answer within ${timeoutMs / 1000} s`;
	if (name === 'AbortError') return `the request to ${url} was aborted`;
	const cause =
		error instanceof Error
			? (error.cause as { code?: unknown; message?: unknown } | undefined)
			: undefined;
	// Node's fetch says only "fetch failed"; the cause says why ("getaddrinfo ENOTFOUND host").
	const reason =
		typeof cause?.message === 'string' && cause.message
			? cause.message
			: typeof cause?.code === 'string'
				? cause.code
				: error instanceof Error
					? error.message
					: String(error);
	return `could not reach ${url} (${reason.split('\n')[0]})`;
}

export interface FetchOptions extends SnapshotOptions {
	timeoutMs?: number;
	/** Stand-in for the global `fetch`, for tests. */
	fetch?: typeof globalThis.fetch;
}

/** Fetch `url` and return the snapshot for `date`; any failure is a `TickerFetchError` with one line. */
export async function fetchSnapshot(
	url: string,
	date: string,
	options: FetchOptions = {},
): Promise<TickerSnapshot> {
	const timeoutMs = options.timeoutMs ?? FETCH_TIMEOUT_MS;
	const doFetch = options.fetch ?? globalThis.fetch;
	let parsedUrl: URL;
	try {
		parsedUrl = new URL(url);
	} catch {
		throw new TickerFetchError(
			`${JSON.stringify(url)} is not a URL; set TICKER_API_URL to an http(s) address`,
		);
	}
	if (parsedUrl.protocol !== 'http:' && parsedUrl.protocol !== 'https:') {
		throw new TickerFetchError(`${url} is not an http(s) address; set TICKER_API_URL to one`);
	}
	let text: string;
	try {
		const response = await doFetch(parsedUrl, {
			headers: { accept: 'application/json' },
			signal: AbortSignal.timeout(timeoutMs),
		});
		if (!response.ok) {
			await response.body?.cancel().catch(() => {});
			const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
			throw new TickerFetchError(`${url} answered HTTP ${status}, expected 200 with the rates`);
		}
		text = await response.text();
	} catch (error) {
		throw new TickerFetchError(describeFetchFailure(error, url, timeoutMs));
	}
	return snapshotFromResponse(parseResponseText(text), date, options);
}
