/** html-validate over every HTML file of a built site, with the project's `.htmlvalidate.json`. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { HtmlValidate, StaticConfigLoader, type ConfigData } from 'html-validate';
import { distFiles } from './dist.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');

export interface HtmlProblem {
	file: string;
	line: number;
	column: number;
	rule: string;
	message: string;
}

/** Every html-validate error in every `*.html` under `dist`. */
export async function validateHtml(
	dist: string,
): Promise<{ files: number; problems: HtmlProblem[] }> {
	const config = JSON.parse(
		await readFile(path.join(ROOT, '.htmlvalidate.json'), 'utf8'),
	) as ConfigData;
	const validator = new HtmlValidate(new StaticConfigLoader(config));
	const files = await distFiles(dist, '.html');
	const problems: HtmlProblem[] = [];
	for (const file of files) {
		const report = await validator.validateString(
			await readFile(path.join(dist, file), 'utf8'),
			file,
		);
		for (const result of report.results) {
			for (const message of result.messages) {
				problems.push({
					file,
					line: message.line,
					column: message.column,
					rule: message.ruleId,
					message: message.message,
				});
			}
		}
	}
	return { files: files.length, problems };
}

/** One line per problem, for assertion messages. */
export function formatHtmlProblems(problems: HtmlProblem[]): string {
	return problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.rule}: ${p.message}`).join('\n');
}
