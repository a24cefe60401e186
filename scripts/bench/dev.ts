/**
 * The writing preview as the bench sees it: how long `npm run dev` takes on the corpus from start
 * to the first page served, cold (no content cache) and warm (second start), and how long after
 * an edited story is saved the dev server serves the new text. Starts are timed by polling the
 * page over HTTP on 127.0.0.1; the reload as a browser sees it: the HMR websocket's
 * `full-reload` message, then the page fetched again.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { sampleUsage } from '../lib/resources.ts';
import { CORPUS_EPOCH, editArticle, writeCorpus } from './corpus.ts';

export interface DevStart {
	/** From spawning `astro dev` to the first page answered with 200. */
	seconds: number;
	/** CPU time of the dev server's process tree over the same span. */
	cpuSeconds?: number;
	peakRssBytes?: number;
	/** The page that was polled. */
	url: string;
}

export interface DevFigures {
	cold: DevStart;
	warm?: DevStart;
	/** From saving an edited story to its page serving the new text (warm server). */
	reload?: {
		seconds: number;
		cpuSeconds?: number;
		url: string;
		/** How the change was noticed. */ via: 'hmr' | 'polling';
	};
	notes: string[];
}

export interface DevOptions {
	root: string;
	contentDir: string;
	cacheDir: string;
	env: NodeJS.ProcessEnv;
	/** Story to edit for the reload figure (slug of an English story). */
	editSlug: string;
	/** Give up on a start or a reload after this long. */
	timeoutSeconds?: number;
	onProgress?: (what: string) => void;
}

/** A port nobody listens on right now (other worktrees may run their own dev servers). */
export async function freePort(): Promise<number> {
	const probe = createServer();
	await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
	const { port } = probe.address() as { port: number };
	await new Promise((resolve) => probe.close(resolve));
	return port;
}

/** The body of `url`, or undefined while the server does not answer it with 200. */
async function get(url: string): Promise<string | undefined> {
	try {
		const response = await fetch(url, { signal: AbortSignal.timeout(60_000) });
		return response.ok ? await response.text() : undefined;
	} catch {
		return undefined;
	}
}

interface Server {
	child: ChildProcess;
	origin: string;
	output: string[];
	stop(): Promise<void>;
}

function startServer(options: DevOptions, port: number): Server {
	const child = spawn(
		process.execPath,
		[
			path.join(options.root, 'node_modules/astro/bin/astro.mjs'),
			'dev',
			'--port',
			String(port),
			'--host',
			'127.0.0.1',
		],
		{
			cwd: options.root,
			env: { ...options.env, CONTENT_DIR: options.contentDir, CARAVAN_CACHE_DIR: options.cacheDir },
			stdio: ['ignore', 'pipe', 'pipe'],
		},
	);
	const output: string[] = [];
	const keep = (chunk: Buffer) => {
		output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
		output.splice(0, Math.max(0, output.length - 60));
	};
	child.stdout?.on('data', keep);
	child.stderr?.on('data', keep);
	return {
		child,
		origin: `http://127.0.0.1:${port}`,
		output,
		stop: async () => {
			if (child.exitCode !== null) return;
			const exited = new Promise((resolve) => child.once('exit', resolve));
			child.kill('SIGTERM');
			await exited;
		},
	};
}

/** Poll until `ready(body)` holds for `url`; seconds from `since`. */
async function waitFor(
	server: Server,
	url: string,
	ready: (body: string) => boolean,
	since: number,
	timeoutSeconds: number,
): Promise<number> {
	for (;;) {
		if (server.child.exitCode !== null)
			throw new Error(`astro dev exited (${server.child.exitCode}):\n${server.output.join('\n')}`);
		const body = await get(`${server.origin}${url}`);
		if (body !== undefined && ready(body)) return (performance.now() - since) / 1000;
		if (performance.now() - since > timeoutSeconds * 1000)
			throw new Error(`${url} not ready after ${timeoutSeconds} s:\n${server.output.join('\n')}`);
		await sleep(25);
	}
}

/** Vite's HMR websocket, as the page's client opens it (with the token /@vite/client carries). */
async function hmrSocket(
	origin: string,
): Promise<{ nextReload(timeoutMs: number): Promise<void>; close(): void }> {
	const client = await (await fetch(`${origin}/@vite/client`)).text();
	const token = /const wsToken = "([^"]*)"/.exec(client)?.[1];
	if (token === undefined) throw new Error('no wsToken in /@vite/client');
	const socket = new WebSocket(`${origin.replace(/^http/, 'ws')}/?token=${token}`, 'vite-hmr');
	let waiting: (() => void) | undefined;
	socket.addEventListener('message', (event) => {
		if ((JSON.parse(String(event.data)) as { type?: string }).type === 'full-reload') waiting?.();
	});
	await new Promise((resolve, reject) => {
		socket.addEventListener('open', resolve, { once: true });
		socket.addEventListener('error', () => reject(new Error('the HMR websocket did not open')), {
			once: true,
		});
	});
	return {
		nextReload: (timeoutMs) =>
			new Promise<void>((resolve, reject) => {
				const timer = setTimeout(
					() => reject(new Error(`no full-reload message in ${timeoutMs / 1000} s`)),
					timeoutMs,
				);
				waiting = () => {
					clearTimeout(timer);
					resolve();
				};
			}),
		close: () => socket.close(),
	};
}

/** Start the dev server and time it to the first story page served; the server keeps running. */
async function timedStart(
	options: DevOptions,
	url: string,
	port: number,
): Promise<{ server: Server; start: DevStart }> {
	const started = performance.now();
	const server = startServer(options, port);
	const usage = sampleUsage(server.child.pid ?? process.pid);
	try {
		const seconds = await waitFor(server, url, () => true, started, options.timeoutSeconds ?? 600);
		const { cpuSeconds, peakRssBytes } = usage.stop();
		return { server, start: { seconds, cpuSeconds, peakRssBytes, url } };
	} catch (error) {
		usage.stop();
		await server.stop();
		throw error;
	}
}

/**
 * Cold start (the content cache emptied), then a warm start of a second server on the same
 * cache, then a story edited while that one runs.
 */
export async function measureDev(options: DevOptions): Promise<DevFigures> {
	const url = `/articles/${options.editSlug}/`;
	const notes: string[] = [];
	// Astro keeps the dev content store in the project's .astro/ (the build's in cacheDir).
	const store = path.join(options.root, '.astro', 'data-store.json');
	await rm(store, { force: true });
	await rm(options.cacheDir, { recursive: true, force: true });
	// One port for both starts, as a writer's `npm run dev` always has: Astro's content cache is
	// dropped when its config (the port included) changes.
	const port = await freePort();
	options.onProgress?.('npm run dev, cold start');
	const cold = await timedStart(options, url, port);
	await cold.server.stop();
	options.onProgress?.('npm run dev, warm start');
	const warm = await timedStart(options, url, port);
	try {
		options.onProgress?.('npm run dev, reload after an edit');
		const marker = `reload-marker-${Date.now().toString(36)}`;
		const hmr = await hmrSocket(warm.server.origin).catch((error: unknown) => {
			notes.push(
				`reload timed by polling the page: no HMR websocket (${error instanceof Error ? error.message : String(error)})`,
			);
			return undefined;
		});
		const timeout = options.timeoutSeconds ?? 600;
		const usage = sampleUsage(warm.server.child.pid ?? process.pid);
		const saved = performance.now();
		await editArticle(options.contentDir, options.editSlug, marker);
		let seconds: number;
		if (hmr) {
			// Each full reload, a fetch as the browser would make, until the new text is there.
			for (;;) {
				await hmr.nextReload(timeout * 1000);
				if ((await get(`${warm.server.origin}${url}`))?.includes(marker)) break;
			}
			seconds = (performance.now() - saved) / 1000;
			hmr.close();
		} else {
			seconds = await waitFor(warm.server, url, (body) => body.includes(marker), saved, timeout);
		}
		const { cpuSeconds } = usage.stop();
		return {
			cold: cold.start,
			warm: warm.start,
			reload: { seconds, cpuSeconds, url, via: hmr ? 'hmr' : 'polling' },
			notes,
		};
	} finally {
		await warm.server.stop();
	}
}

/**
 * `node scripts/bench/dev.ts --articles N [--work DIR]`: only these figures, on a generated
 * corpus (the builds of `npm run bench` skipped), printed as JSON.
 */
if (import.meta.main) {
	const { values } = parseArgs({
		options: { articles: { type: 'string', default: '1000' }, work: { type: 'string' } },
	});
	const work = values.work
		? path.resolve(values.work)
		: await mkdtemp(path.join(os.tmpdir(), 'caravan-dev-bench-'));
	const contentDir = path.join(work, 'content');
	const corpus = await writeCorpus(contentDir, {
		articles: Number(values.articles),
		imageShare: 0.2,
	});
	const env: NodeJS.ProcessEnv = {
		...process.env,
		ASTRO_TELEMETRY_DISABLED: '1',
		SOURCE_DATE_EPOCH: String(CORPUS_EPOCH),
	};
	const root = path.resolve(import.meta.dirname, '..', '..');
	const figures = await measureDev({
		root,
		contentDir,
		cacheDir: path.join(work, 'cache'),
		env,
		editSlug: corpus.editTarget,
		onProgress: (what) => console.error(`[bench] ${what}`),
	});
	console.log(JSON.stringify({ articles: corpus.articles, ...figures }, null, '\t'));
	if (!values.work) await rm(work, { recursive: true, force: true });
}
