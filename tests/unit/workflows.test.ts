/** Every GitHub Actions workflow passes actionlint; a broken one shows the check can fail. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintWorkflows, workflowFiles } from '../../scripts/actionlint.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('actionlint', () => {
	it('passes every workflow in .github/workflows/', async () => {
		const files = await workflowFiles();
		expect(files.map((file) => path.basename(file))).toEqual(expect.arrayContaining(['build.yml', 'preview.yml', 'preview-comment.yml']));
		expect(await lintWorkflows(files)).toEqual([]);
	});

	it('rejects a broken workflow, naming each line', async () => {
		const problems = await lintWorkflows([path.join(ROOT, 'tests/fixtures/workflows/broken.yml')]);
		expect(problems.map(({ line, kind }) => ({ line, kind }))).toEqual([
			{ line: 14, kind: 'action' },
			{ line: 16, kind: 'expression' },
			{ line: 18, kind: 'expression' },
		]);
		expect(problems[0]?.message).toContain('"fetch-dept" is not defined');
		expect(problems[1]?.message).toContain('potentially untrusted');
	});
});
