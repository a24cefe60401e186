/** The static server of the tests and the bench (scripts/lib/server.ts): a request it cannot decode gets an answer, not a hang. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type StaticServer } from '../../scripts/lib/server.ts';

let dir: string;
let server: StaticServer;

beforeAll(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'caravan-server-'));
	await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>home</title>');
	server = await serve(dir);
});

afterAll(async () => {
	await server.close();
	await rm(dir, { recursive: true, force: true });
});

describe('serve', () => {
	it('answers a path with a malformed %-escape with 400, and goes on serving', async () => {
		// Without an answer the request would hang: give up after 5 s rather than at the test timeout.
		const malformed = await fetch(`${server.url}/%E0%A4%A/`, {
			signal: AbortSignal.timeout(5_000),
		});
		expect(malformed.status).toBe(400);
		const home = await fetch(`${server.url}/`);
		expect(home.status).toBe(200);
		expect(await home.text()).toContain('<title>home</title>');
	});
});
