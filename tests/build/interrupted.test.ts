/**
 * A build killed part-way (SIGKILL: a CI job's timeout, the kernel's out-of-memory killer) during
 * the Astro step or the search step leaves the previous dist/ whole, though restored pages are
 * hard links into the cache (scripts/patches/astro+7.3.5.patch); the next build is correct, byte
 * for byte the cold build of the same content.
 */
import { spawn } from 'node:child_process';
import { chmod, cp, readFile, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { stripVTControlCharacters } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectSameFiles } from '../helpers/files.ts';
import {
	buildEnv,
	ROOT,
	runBuild,
	SITES,
	tempDir,
	withBuildLock,
	type BuildResult,
} from '../../scripts/lib/fixtureSites.ts';

const env = { SOURCE_DATE_EPOCH: String(SITES.fixture.epoch) };

/**
 * Run the build and SIGKILL it, with every process it started, as soon as `due(output)` holds
 * (checked every 20 ms).
 * Fails if the build ends first.
 */
function killedBuild(
	options: { contentDir: string; outDir: string; env?: Record<string, string> },
	due: (output: string) => boolean,
): Promise<string> {
	return withBuildLock(async () => {
		const child = spawn(process.execPath, [path.join(ROOT, 'scripts/build.ts')], {
			cwd: ROOT,
			env: buildEnv(options),
			detached: true,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		child.stdout.on('data', (chunk) => (output += chunk));
		child.stderr.on('data', (chunk) => (output += chunk));
		const exited = new Promise<string>((resolve) =>
			child.on('exit', (code, signal) => resolve(signal ?? `exit ${code}`)),
		);
		let ended: string | undefined;
		void exited.then((how) => (ended = how));
		while (!ended && !due(stripVTControlCharacters(output))) await sleep(20);
		if (ended) throw new Error(`the build ended (${ended}) before it was killed:\n${output}`);
		process.kill(-child.pid!, 'SIGKILL');
		expect(await exited).toBe('SIGKILL');
		return output;
	});
}

let work: string;
let contentDir: string;
let before: string;
const dist = () => path.join(work, 'site', 'dist');
let afterSearchKill: string;
let next: BuildResult;

beforeAll(async () => {
	work = await tempDir('caravan-interrupted-');
	contentDir = path.join(work, 'content');
	await cp(SITES.fixture.contentDir, contentDir, { recursive: true });
	// Twice: the second build's dist/ is made of links to the cache's copies.
	for (let i = 0; i < 2; i++) {
		const result = await runBuild({ contentDir, outDir: dist(), env });
		expect(result.status, result.stderr).toBe(0);
	}
	before = path.join(work, 'before');
	await cp(dist(), before, { recursive: true });

	const story = path.join(contentDir, 'articles', 'fixture-story-05.md');
	await writeFile(
		story,
		(await readFile(story, 'utf8')).replace(
			'title: "Fixture story number 5"',
			'title: "Fixture story five, retitled"',
		),
	);
}, 300_000);

describe('a build killed part-way', () => {
	it('during the Astro step leaves the previous dist/ whole', async () => {
		// Killed once Astro has rendered the retitled story again (and restored others as links from
		// the cache): its new copy in the cache must not have changed the file dist/ links to.
		const cached = path.join(
			work,
			'site',
			'.astro-cache',
			'dist',
			'articles',
			'fixture-story-05',
			'index.html',
		);
		await killedBuild({ contentDir, outDir: dist(), env }, () =>
			readFileSync(cached, 'utf8').includes('Fixture story five, retitled'),
		);
		await expectSameFiles(dist(), before);
	}, 300_000);

	it('during the search step leaves the previous dist/ whole', async () => {
		// A stand-in Pagefind that never finishes: the build is killed while it waits for it.
		const pagefind = path.join(work, 'pagefind-never-done');
		await writeFile(pagefind, `#!/bin/sh\ntouch "${pagefind}.started"\nexec sleep 600\n`);
		await chmod(pagefind, 0o755);
		afterSearchKill = await killedBuild(
			{ contentDir, outDir: dist(), env: { ...env, PAGEFIND_BINARY_PATH: pagefind } },
			() => existsSync(`${pagefind}.started`),
		);
		await expectSameFiles(dist(), before);
	}, 300_000);

	it('does not trust page copies an interrupted Astro step may have replaced', () => {
		expect(afterSearchKill).toContain(
			'the last build stopped during the Astro step: every page is rendered again',
		);
	});

	it('is followed by a correct build: the cold build of the same content, byte for byte', async () => {
		next = await runBuild({ contentDir, outDir: dist(), env });
		expect(next.status, next.stderr).toBe(0);
		expect(next.stdout).toContain('(restored)');
		const cold = path.join(work, 'cold', 'dist');
		const result = await runBuild({ contentDir, outDir: cold, env });
		expect(result.status, result.stderr).toBe(0);
		await expectSameFiles(dist(), cold);
	}, 300_000);
});
