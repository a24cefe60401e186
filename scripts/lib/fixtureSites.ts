/**
 * Build a content folder once per test run, shared by every test file (and worker) that needs it.
 * A lock directory makes concurrent callers wait for the first build instead of racing it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { cameraJpeg } from './fixtureImages.ts';
import { prepareXssContent } from './xssSite.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const OUTPUT = path.join(ROOT, '.test-output');

/** 2025-12-17T12:00:00+05:00: "now" for every fixture build. */
export const FIXTURE_EPOCH = 1765954800;

export const SITES = {
	/** The test fixture content (tests/fixtures/site). */
	fixture: { contentDir: path.join(ROOT, 'tests/fixtures/site'), epoch: FIXTURE_EPOCH },
	/** The shipped sample content, built as `npm run build` would (with a fixed clock). */
	sample: {
		contentDir: path.join(ROOT, 'content'),
		epoch: 1795752000 /* 2026-11-27T09:00:00+05:00, after the sample stories */,
	},
	/** Both editions: English stories, Russian translations and Russian-only stories (tests/fixtures/editions). */
	editions: { contentDir: path.join(ROOT, 'tests/fixtures/editions'), epoch: FIXTURE_EPOCH },
	/** The test fixture with search bundles of five days instead of a month: four bundles, as a long archive has many. */
	fixtureBundled: {
		contentDir: path.join(ROOT, 'tests/fixtures/site'),
		epoch: FIXTURE_EPOCH,
		env: { CARAVAN_SEARCH_BUNDLE_DAYS: '5', CARAVAN_SEARCH_RECENT_STORIES: '1' },
	},
	/** The writers' toolkit fixture (tests/fixtures/writers), copied with camera-sized photos carrying EXIF/GPS. */
	writers: {
		contentDir: path.join(OUTPUT, 'writers-content'),
		epoch: FIXTURE_EPOCH,
		prepare: prepareWritersContent,
	},
	/** Known XSS vectors in Markdown and MDX bodies (tests/fixtures/xss/vectors.json, scripts/lib/xssSite.ts). */
	xss: {
		contentDir: path.join(OUTPUT, 'xss-content'),
		epoch: FIXTURE_EPOCH,
		prepare: prepareXssContent,
	},
} as const;

/** Copy tests/fixtures/writers and swap its small committed photos for a 6000×4000 and a 1000×700 camera JPEG. */
async function prepareWritersContent(contentDir: string): Promise<void> {
	await rm(contentDir, { recursive: true, force: true });
	await cp(path.join(ROOT, 'tests/fixtures/writers'), contentDir, { recursive: true });
	const story = path.join(contentDir, 'articles/illustrated-story');
	await cameraJpeg(path.join(story, 'lead.jpg'), 6000, 4000);
	await cameraJpeg(path.join(story, 'market.jpg'), 1000, 700);
}

export interface BuildResult {
	status: number | null;
	stdout: string;
	stderr: string;
}

/** The environment without what Vitest adds (`DEV`, `MODE`, `NODE_ENV`…), which would leak into Astro's build. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (!/^(VITEST.*|TEST|DEV|PROD|SSR|MODE|BASE_URL|NODE_ENV)$/.test(key)) env[key] = value;
	}
	return { ...env, ASTRO_TELEMETRY_DISABLED: '1', ...extra };
}

/**
 * Run the real `npm run build` script on `contentDir` into `outDir`. Builds run one at a time:
 * Astro writes per-build files into the project's `.astro/` (which MDX modules to load), so two
 * builds of different content folders at once would read each other's.
 */
export async function runBuild(options: {
	contentDir: string;
	outDir: string;
	env?: Record<string, string>;
}): Promise<BuildResult> {
	return withBuildLock(() => buildNow(options));
}

/** Run `work` (which builds, e.g. the bench) while no other test build runs. */
export async function withBuildLock<T>(work: () => T | Promise<T>): Promise<T> {
	const lock = path.join(OUTPUT, 'build.lock');
	mkdirSync(OUTPUT, { recursive: true });
	for (;;) {
		try {
			mkdirSync(lock);
			break;
		} catch {
			await sleep(200);
		}
	}
	try {
		return await work();
	} finally {
		rmSync(lock, { recursive: true, force: true });
	}
}

/** The environment of a test build: its content, its output and, beside that, its own caches. */
export function buildEnv(options: {
	contentDir: string;
	outDir: string;
	env?: Record<string, string>;
}): NodeJS.ProcessEnv {
	return cleanEnv({
		CONTENT_DIR: options.contentDir,
		CARAVAN_OUT_DIR: options.outDir,
		CARAVAN_CACHE_DIR: path.join(path.dirname(options.outDir), '.astro-cache'),
		...options.env,
	});
}

function buildNow(options: {
	contentDir: string;
	outDir: string;
	env?: Record<string, string>;
}): BuildResult {
	const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build.ts')], {
		cwd: ROOT,
		encoding: 'utf8',
		env: buildEnv(options),
	});
	// Astro colours its log when `CI` is set (as on the CI runner): tests read the plain text.
	return {
		status: result.status,
		stdout: stripVTControlCharacters(result.stdout),
		stderr: stripVTControlCharacters(result.stderr),
	};
}

/** The built `dist/` of a named site, building it on first use in this test run. */
export async function builtSite(name: keyof typeof SITES): Promise<string> {
	const site = SITES[name];
	const { contentDir, epoch } = site;
	const dir = path.join(OUTPUT, name);
	const dist = path.join(dir, 'dist');
	const done = path.join(dir, 'done');
	const lock = path.join(OUTPUT, `${name}.lock`);
	mkdirSync(OUTPUT, { recursive: true });
	for (;;) {
		if (existsSync(done)) {
			const status = readFileSync(done, 'utf8');
			if (status !== 'ok') throw new Error(`building the ${name} site failed:\n${status}`);
			return dist;
		}
		try {
			mkdirSync(lock);
		} catch {
			await sleep(250);
			continue;
		}
		mkdirSync(dir, { recursive: true });
		if ('prepare' in site) await site.prepare(contentDir);
		const env = { SOURCE_DATE_EPOCH: String(epoch), ...('env' in site ? site.env : {}) };
		const result = await runBuild({ contentDir, outDir: dist, env });
		writeFileSync(done, result.status === 0 ? 'ok' : `${result.stdout}\n${result.stderr}`);
	}
}

/** A fresh temporary folder. */
export function tempDir(prefix = 'caravan-'): Promise<string> {
	return mkdtemp(path.join(tmpdir(), prefix));
}

/** Read a built file as text. */
export function readDist(dist: string, file: string): Promise<string> {
	return readFile(path.join(dist, file), 'utf8');
}
