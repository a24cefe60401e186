import { describe, expect, it } from 'vitest';
import { TICKER } from '../../src/config.ts';
import {
	describeFetchFailure,
	fetchSnapshot,
	parseResponseText,
	serializeSnapshot,
	snapshotFromResponse,
	TickerFetchError,
	validateSnapshot,
} from '../../scripts/lib/tickerFetch.ts';

const DAY = '2026-11-25';
/** Shaped like open.er-api.com's answer: many currencies, in the API's own (alphabetical) order. */
const ER_API = {
	result: 'success',
	base_code: 'USD',
	time_last_update_unix: 1795910400,
	rates: {
		USD: 1,
		EUR: 0.86,
		KGS: 87.41,
		KZT: 515.46,
		RUB: 78.5,
		TJS: 9.2243,
		TMT: 3.51,
		UZS: 12050.12,
	},
};

function thrown(run: () => unknown): string {
	try {
		run();
	} catch (error) {
		expect(error).toBeInstanceOf(TickerFetchError);
		return (error as Error).message;
	}
	throw new Error('expected a TickerFetchError');
}

async function rejected(promise: Promise<unknown>): Promise<string> {
	try {
		await promise;
	} catch (error) {
		expect(error).toBeInstanceOf(TickerFetchError);
		return (error as Error).message;
	}
	throw new Error('expected a TickerFetchError');
}

describe('snapshotFromResponse', () => {
	it('keeps only the configured currencies, in the configured order', () => {
		const snapshot = snapshotFromResponse(ER_API, DAY);
		expect(snapshot).toEqual({
			date: DAY,
			base: 'USD',
			rates: { KGS: 87.41, KZT: 515.46, TJS: 9.2243, TMT: 3.51, UZS: 12050.12 },
		});
		expect(Object.keys(snapshot.rates)).toEqual([...TICKER.currencies]);
	});

	it('accepts the older { base, rates } shape and an answer without a base', () => {
		const rates = { UZS: 12050.12, TMT: 3.51, TJS: 9.2243, KZT: 515.46, KGS: 87.41 };
		expect(snapshotFromResponse({ base: 'USD', rates }, DAY).base).toBe('USD');
		expect(snapshotFromResponse({ rates }, DAY)).toEqual(snapshotFromResponse(ER_API, DAY));
	});

	it('names every missing currency', () => {
		const message = thrown(() =>
			snapshotFromResponse({ base_code: 'USD', rates: { KGS: 87.41, KZT: 515.46, TJS: 9.2 } }, DAY),
		);
		expect(message).toMatch(/lacks TMT, UZS/);
		expect(message).toContain(TICKER.currencies.join(', '));
	});

	it('rejects rates against another base', () => {
		expect(thrown(() => snapshotFromResponse({ ...ER_API, base_code: 'EUR' }, DAY))).toMatch(
			/against EUR, expected USD/,
		);
	});

	it('rejects rates that are not positive numbers', () => {
		for (const bad of ['87.41', 0, -1, null, Number.NaN]) {
			const message = thrown(() =>
				snapshotFromResponse({ rates: { ...ER_API.rates, KZT: bad } }, DAY),
			);
			expect(message).toMatch(/^the API gives KZT as .*, expected a number above 0$/);
		}
	});

	it('rejects answers without a rates object', () => {
		for (const body of [null, [], 'USD', { base_code: 'USD' }, { rates: [1, 2] }]) {
			expect(thrown(() => snapshotFromResponse(body, DAY))).toMatch(
				/not a JSON object|no "rates" object/,
			);
		}
	});

	it('passes on an error the API reports', () => {
		expect(
			thrown(() =>
				snapshotFromResponse({ result: 'error', 'error-type': 'unsupported-code' }, DAY),
			),
		).toBe('the API reported an error: unsupported-code');
	});

	it('validates the result with tickerSchema (the date, here)', () => {
		expect(thrown(() => snapshotFromResponse(ER_API, '25/11/2026'))).toMatch(
			/^the snapshot is not valid: date: expected the snapshot day/,
		);
	});
});

describe('validateSnapshot', () => {
	it('returns a valid snapshot and lists every problem of an invalid one on one line', () => {
		const good = { date: DAY, base: 'USD', rates: { KGS: 87.41 } };
		expect(validateSnapshot(good)).toEqual(good);
		const message = thrown(() =>
			validateSnapshot({ date: 'today', base: 'usd', rates: { KGS: -1 } }),
		);
		expect(message).toContain('date: expected the snapshot day as YYYY-MM-DD');
		expect(message).toContain('base: expected a three-letter currency code');
		expect(message).toContain('rates.KGS: must be above 0');
		expect(message).not.toContain('\n');
	});
});

describe('parseResponseText', () => {
	it('parses JSON and explains what is not JSON', () => {
		expect(parseResponseText('{"rates":{}}')).toEqual({ rates: {} });
		expect(thrown(() => parseResponseText('<html>Service Unavailable</html>'))).toMatch(
			/^the API answer is not JSON \(.+\); it starts with "<html>Service Unavailable<\/html>"$/,
		);
		expect(thrown(() => parseResponseText('  '))).toMatch(/it is empty$/);
	});
});

describe('serializeSnapshot', () => {
	it('writes one compact line in the configured key order, with a trailing newline', () => {
		const snapshot = {
			date: DAY,
			base: 'USD',
			rates: { UZS: 12050.12, TMT: 3.51, TJS: 9.2243, KZT: 515.46, KGS: 87.41 },
		};
		expect(serializeSnapshot(snapshot)).toBe(
			'{"date":"2026-11-25","base":"USD","rates":{"KGS":87.41,"KZT":515.46,"TJS":9.2243,"TMT":3.51,"UZS":12050.12}}\n',
		);
	});
});

describe('describeFetchFailure', () => {
	const url = 'https://rates.example/latest';

	it('explains a timeout', () => {
		expect(
			describeFetchFailure(
				new DOMException('The operation was aborted due to timeout', 'TimeoutError'),
				url,
				15_000,
			),
		).toBe(`${url} did not answer within 15 s`);
	});

	it('gives the cause of a network failure, not "fetch failed"', () => {
		const cause = Object.assign(new Error('getaddrinfo ENOTFOUND rates.example'), {
			code: 'ENOTFOUND',
		});
		expect(describeFetchFailure(new TypeError('fetch failed', { cause }), url)).toBe(
			`could not reach ${url} (getaddrinfo ENOTFOUND rates.example)`,
		);
	});
});

describe('fetchSnapshot', () => {
	const url = 'https://rates.example/latest';
	const answer =
		(body: string, init?: ResponseInit): typeof fetch =>
		async () =>
			new Response(body, init);

	it('fetches and converts the answer', async () => {
		const snapshot = await fetchSnapshot(url, DAY, { fetch: answer(JSON.stringify(ER_API)) });
		expect(snapshot.rates).toEqual({
			KGS: 87.41,
			KZT: 515.46,
			TJS: 9.2243,
			TMT: 3.51,
			UZS: 12050.12,
		});
	});

	it('reports an HTTP error status', async () => {
		const message = await rejected(
			fetchSnapshot(url, DAY, {
				fetch: answer('oops', { status: 503, statusText: 'Service Unavailable' }),
			}),
		);
		expect(message).toBe(
			`${url} answered HTTP 503 Service Unavailable, expected 200 with the rates`,
		);
	});

	it('reports a timeout', async () => {
		const hang: typeof fetch = (_input, init) =>
			new Promise((_resolve, reject) =>
				init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
			);
		expect(await rejected(fetchSnapshot(url, DAY, { fetch: hang, timeoutMs: 20 }))).toBe(
			`${url} did not answer within 0.02 s`,
		);
	});

	it('reports bad JSON and bad URLs', async () => {
		expect(await rejected(fetchSnapshot(url, DAY, { fetch: answer('{"rates":') }))).toMatch(
			/^the API answer is not JSON/,
		);
		expect(await rejected(fetchSnapshot('rates.example', DAY))).toMatch(/is not a URL/);
		expect(await rejected(fetchSnapshot('file:///etc/passwd', DAY))).toMatch(
			/is not an http\(s\) address/,
		);
	});
});
