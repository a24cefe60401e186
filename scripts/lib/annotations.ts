/**
 * Problems as GitHub Actions workflow commands (`::error file=…,line=…,title=…::message`), so a
 * pull request shows each one on the line it is on. Escaped as the runner unescapes them: in the
 * message `%`, CR and LF; in properties also `:` and `,`, which separate them.
 */
import path from 'node:path';
import type { Problem } from './validate.ts';

/** A workflow command's message. */
export function escapeData(text: string): string {
	return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A workflow command's property value. */
export function escapeProperty(text: string): string {
	return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * One problem as an `::error` command. `problem.file` is read from `cwd` (as printed) and given
 * relative to `repoRoot`, `/`-separated, which is how GitHub matches it to the changed file.
 */
export function errorAnnotation(problem: Problem, repoRoot: string, cwd = process.cwd()): string {
	const file = path.relative(repoRoot, path.resolve(cwd, problem.file)).split(path.sep).join('/');
	const title = `npm run check: ${problem.field}`;
	return `::error file=${escapeProperty(file)},line=${problem.line},title=${escapeProperty(title)}::${escapeData(problem.message)}`;
}
