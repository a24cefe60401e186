/**
 * `npm run build`: validate content, build with Astro into a scratch folder, run the post-build
 * steps, then swap the result into `dist/`. Any failure leaves the previous `dist/` untouched.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { formatProblem } from '../src/lib/validate.ts';
import { checkContent } from './check.ts';
import { buildSearchIndex } from './searchIndex.ts';

const root = path.resolve(import.meta.dirname, '..');
const outDir = path.resolve(process.env.CARAVAN_OUT_DIR ?? path.join(root, 'dist'));
const scratchDir = `${outDir}.tmp`;
const oldDir = `${outDir}.old`;

/** Steps run on the finished Astro output, in order, before it replaces `dist/`. */
const postBuildSteps: { name: string; run: (dir: string) => Promise<void> }[] = [
	// Last: Pagefind reads the finished article pages.
	{ name: 'search index', run: buildSearchIndex },
];

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<void> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
		child.on('error', reject);
		child.on('exit', (code, signal) =>
			code === 0 ? resolve() : reject(new Error(`${path.basename(command)} ${args[0] ?? ''} failed (${signal ?? `exit ${code}`})`)),
		);
	});
}

async function timed<T>(name: string, step: () => Promise<T>): Promise<T> {
	const start = performance.now();
	const result = await step();
	console.log(`[caravan] ${name}: ${((performance.now() - start) / 1000).toFixed(1)} s`);
	return result;
}

async function main(): Promise<void> {
	const { problems, articles } = await timed('check', () => checkContent());
	if (problems.length) {
		for (const problem of problems) console.error(formatProblem(problem));
		console.error(`\nBuild stopped: ${problems.length} problem${problems.length === 1 ? '' : 's'} in the content. dist/ was not changed.`);
		process.exit(1);
	}
	console.log(`[caravan] content OK: ${articles} articles`);

	await rm(scratchDir, { recursive: true, force: true });
	const astro = path.join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
	await timed('astro build', () =>
		run(process.execPath, [astro, 'build', '--outDir', scratchDir], { ASTRO_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' }),
	);
	for (const step of postBuildSteps) await timed(step.name, () => step.run(scratchDir));

	// Swap: the old dist/ is moved aside only once the new one is complete.
	await rm(oldDir, { recursive: true, force: true });
	if (existsSync(outDir)) await rename(outDir, oldDir);
	await rename(scratchDir, outDir);
	await rm(oldDir, { recursive: true, force: true });
	console.log(`[caravan] built ${path.relative(process.cwd(), outDir) || outDir}/`);
}

main().catch(async (error: unknown) => {
	await rm(scratchDir, { recursive: true, force: true });
	console.error(`\nBuild failed: ${error instanceof Error ? error.message : String(error)}. dist/ was not changed.`);
	process.exit(1);
});
