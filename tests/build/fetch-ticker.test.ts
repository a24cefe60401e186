/**
 * `npm run ticker` end to end: the real script, as a child process, against a local mock API.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const script = path.join(root, 'scripts', 'fetch-ticker.ts');
/** 2026-11-25T20:00:00Z: still the 25th in UTC, already the 26th in Almaty (the site's time zone). */
const EPOCH = String(Date.UTC(2026, 10, 25, 20) / 1000);
const DAY = '2026-11-26';

const ER_API = {
	result: 'success',
	base_code: 'USD',
	rates: {
		USD: 1,
		AED: 3.6725,
		KGS: 87.41,
		KZT: 515.46,
		RUB: 78.5,
		TJS: 9.2243,
		TMT: 3.51,
		UZS: 12050.12,
	},
};

/** Path → [status, body] of the mock rates API. */
const routes: Record<string, [number, string]> = {
	'/ok': [200, JSON.stringify(ER_API)],
	'/server-error': [500, 'Internal Server Error'],
	'/malformed': [200, '{"base_code":"USD","rates":{"KGS":87.41,'],
	'/missing': [200, JSON.stringify({ base: 'USD', rates: { KGS: 87.41, KZT: 515.46 } })],
};

let server: Server;
let api: string;
let requests = 0;
let contentDir: string;

interface Run {
	code: number | null;
	stdout: string;
	stderr: string;
}

/** Run the script; asynchronously, so this process's mock server can answer it. */
function runTicker(urlPath: string, args: string[] = []): Promise<Run> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [script, ...args], {
			cwd: root,
			env: {
				...process.env,
				TICKER_API_URL: `${api}${urlPath}`,
				CONTENT_DIR: contentDir,
				SOURCE_DATE_EPOCH: EPOCH,
				SITE_TIME_ZONE: 'Asia/Almaty',
			},
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code, stdout, stderr }));
	});
}

const snapshotFile = () => path.join(contentDir, 'ticker', `${DAY}.json`);

/** A failure: exit 1, one readable line on stderr, no stack trace, nothing written. */
function expectCleanFailure(run: Run, message: RegExp): void {
	expect(run.code).toBe(1);
	expect(run.stdout).toBe('');
	expect(run.stderr).toMatch(message);
	expect(run.stderr.trim().split('\n')).toHaveLength(1);
	expect(run.stderr).not.toMatch(/^\s+at /m);
}

beforeAll(async () => {
	server = createServer((request, response) => {
		requests++;
		const [status, body] = routes[request.url ?? ''] ?? [404, 'Not Found'];
		response.writeHead(status, {
			'content-type': status === 200 ? 'application/json' : 'text/plain',
		});
		response.end(body);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
	server.closeAllConnections();
	await new Promise((resolve) => server.close(resolve));
});

beforeEach(async () => {
	contentDir = await mkdtemp(path.join(os.tmpdir(), 'caravan-ticker-'));
	requests = 0;
});

afterEach(async () => {
	await rm(contentDir, { recursive: true, force: true });
});

describe('npm run ticker', () => {
	it("writes the day's snapshot with only the configured currencies, in order", async () => {
		const run = await runTicker('/ok');
		expect(run.stderr).toBe('');
		expect(run.code).toBe(0);
		expect(await readFile(snapshotFile(), 'utf8')).toBe(
			'{"date":"2026-11-26","base":"USD","rates":{"KGS":87.41,"KZT":515.46,"TJS":9.2243,"TMT":3.51,"UZS":12050.12}}\n',
		);
		expect(run.stdout).toContain(`${DAY}.json`);
		expect(run.stdout).toContain('KGS 87.41');
	});

	it('fails readably on an HTTP error and writes nothing', async () => {
		const run = await runTicker('/server-error');
		expectCleanFailure(run, /^ticker: .*\/server-error answered HTTP 500 Internal Server Error/);
		expect(existsSync(snapshotFile())).toBe(false);
	});

	it('fails readably on malformed JSON and writes nothing', async () => {
		const run = await runTicker('/malformed');
		expectCleanFailure(run, /^ticker: the API answer is not JSON \(/);
		expect(existsSync(snapshotFile())).toBe(false);
	});

	it('fails readably when configured currencies are missing and writes nothing', async () => {
		const run = await runTicker('/missing');
		expectCleanFailure(run, /^ticker: the API answer lacks TJS, TMT, UZS/);
		expect(existsSync(snapshotFile())).toBe(false);
	});

	it('fails readably when the API cannot be reached', async () => {
		const closed = createServer();
		await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
		const port = (closed.address() as AddressInfo).port;
		await new Promise((resolve) => closed.close(resolve));
		const saved = api;
		api = `http://127.0.0.1:${port}`;
		try {
			expectCleanFailure(
				await runTicker('/ok'),
				/^ticker: could not reach http:\/\/127\.0\.0\.1:\d+\/ok \(.*ECONNREFUSED/,
			);
		} finally {
			api = saved;
		}
		expect(existsSync(snapshotFile())).toBe(false);
	});

	it('keeps an existing snapshot for the day unless --force is given', async () => {
		const existing = '{"date":"2026-11-26","base":"USD","rates":{"KGS":80}}\n';
		await mkdir(path.dirname(snapshotFile()), { recursive: true });
		await writeFile(snapshotFile(), existing);

		const refused = await runTicker('/ok');
		expectCleanFailure(refused, /already exists; run with --force/);
		expect(requests).toBe(0);
		expect(await readFile(snapshotFile(), 'utf8')).toBe(existing);

		const forced = await runTicker('/ok', ['--force']);
		expect(forced.stderr).toBe('');
		expect(forced.code).toBe(0);
		expect(await readFile(snapshotFile(), 'utf8')).toMatch(
			/^\{"date":"2026-11-26","base":"USD","rates":\{"KGS":87.41,/,
		);
	});
});
