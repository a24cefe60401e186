/**
 * Two `npm run build`s at once in one checkout: the second waits for the first (saying so), both
 * succeed, and dist/ is the complete site after each pair. A build killed with SIGKILL leaves a
 * stale lock that the next build takes over instead of waiting forever.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	buildEnv,
	builtSite,
	ROOT,
	SITES,
	tempDir,
	withBuildLock,
} from '../../scripts/lib/fixtureSites.ts';

const LOCK = path.join(ROOT, '.astro', 'build.lock');
const { contentDir, epoch } = SITES.fixture;
const env = { SOURCE_DATE_EPOCH: String(epoch) };

interface Run {
	status: number | null;
	output: string;
	/** When the process ended (ms since the epoch). */
	ended: number;
}

/**
 * Start `npm run build` of the fixture site into `outDir`: `exited` when the build process ends,
 * `done` once its output is closed too (its Astro child may hold that open after it was killed).
 */
function startBuild(
	outDir: string,
	options: { detached?: boolean } = {},
): { pid: number; exited: Promise<NodeJS.Signals | null>; done: Promise<Run> } {
	const child = spawn(process.execPath, [path.join(ROOT, 'scripts/build.ts')], {
		cwd: ROOT,
		env: buildEnv({ contentDir, outDir, env }),
		detached: options.detached ?? false,
	});
	let output = '';
	child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const done = new Promise<Run>((resolve) =>
		child.on('close', (status) =>
			resolve({ status, output: stripVTControlCharacters(output), ended: Date.now() }),
		),
	);
	const exited = new Promise<NodeJS.Signals | null>((resolve) =>
		child.on('exit', (_, signal) => resolve(signal)),
	);
	return { pid: child.pid as number, exited, done };
}

/** Every file under `dir`, relative and sorted. */
async function files(dir: string): Promise<string[]> {
	const entries = await readdir(dir, { recursive: true, withFileTypes: true });
	return entries
		.filter((e) => e.isFile())
		.map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
		.sort();
}

let expected: string[];
let expectedFront: string;
let base: string;

beforeAll(async () => {
	// The same content and clock built alone: what a complete dist/ holds.
	const reference = await builtSite('fixture');
	expected = await files(reference);
	expectedFront = await readFile(path.join(reference, 'index.html'), 'utf8');
	base = await tempDir('caravan-concurrent-');
}, 600_000);

/** `dist/` is a whole site, no scratch folder is left, and the site before it, if any, is whole too. */
async function expectComplete(outDir: string, { previous }: { previous: boolean }): Promise<void> {
	expect(await files(outDir)).toEqual(expected);
	expect(await readFile(path.join(outDir, 'index.html'), 'utf8')).toBe(expectedFront);
	expect(existsSync(`${outDir}.tmp`)).toBe(false);
	// The last build's site stays beside as dist.old/ until the next build removes it.
	if (previous) expect(await files(`${outDir}.old`)).toEqual(expected);
	else expect(existsSync(`${outDir}.old`)).toBe(false);
}

describe('two builds started at once in one checkout', () => {
	it.each([0, 1000, 3000])(
		'%i ms apart: the second waits for the first, both succeed, dist/ is complete',
		async (offset) => {
			const outDir = path.join(base, `apart-${offset}`, 'dist');
			const [first, second] = await withBuildLock(async () => {
				const a = startBuild(outDir);
				await sleep(offset);
				const secondStarted = Date.now();
				const b = startBuild(outDir);
				return [await a.done, { ...(await b.done), started: secondStarted }];
			});
			expect(first.status, first.output).toBe(0);
			expect(second.status, second.output).toBe(0);
			// Waiting is only owed when the first was still running; at 0 ms it always is.
			if (offset === 0 || second.started < first.ended) {
				expect(`${first.output}\n${second.output}`).toMatch(
					/another build \(PID \d+, started [\d:]+ UTC\) is running in this checkout; waiting for it to finish/,
				);
			}
			await expectComplete(outDir, { previous: true });
		},
		300_000,
	);
});

describe('a build killed with SIGKILL', () => {
	it.each([
		['with its Astro child', true],
		['alone, its Astro child still writing', false],
	])(
		'%s: the next build takes over the stale lock and finishes the site',
		async (_, wholeGroup) => {
			const outDir = path.join(base, `killed-${wholeGroup ? 'group' : 'alone'}`, 'dist');
			const next = await withBuildLock(async () => {
				const killed = startBuild(outDir, { detached: true });
				// Wait until the build holds the lock and its Astro child runs.
				for (;;) {
					const owner = await readFile(path.join(LOCK, 'owner.json'), 'utf8').catch(() => '');
					if (owner.includes(`"pid":${killed.pid},`) && owner.includes('"child"')) break;
					await sleep(100);
				}
				process.kill(wholeGroup ? -killed.pid : killed.pid, 'SIGKILL');
				expect(await killed.exited).toBe('SIGKILL');
				expect(existsSync(LOCK)).toBe(true);
				return startBuild(outDir).done;
			});
			const output = next.output;
			expect(next.status, output).toBe(0);
			expect(output).toMatch(
				/a build \(PID \d+, started [\d:]+ UTC\) was stopped before it finished; taking over its lock/,
			);
			// Killed alone, the build's Astro child keeps writing dist.tmp/: the next build waits for it.
			if (!wholeGroup) expect(output).toContain('waiting for it to finish');
			expect(existsSync(LOCK)).toBe(false);
			await expectComplete(outDir, { previous: false });
		},
		300_000,
	);
});
