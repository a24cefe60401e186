/** Every GitHub Actions workflow passes actionlint and shellcheck; a broken one shows the check can fail. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintWorkflows, SHELLCHECK, workflowFiles } from '../../scripts/actionlint.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('actionlint', () => {
	it('passes every workflow in .github/workflows/', async () => {
		const files = await workflowFiles();
		expect(files.map((file) => path.basename(file))).toEqual(
			expect.arrayContaining(['build.yml', 'preview.yml', 'preview-comment.yml']),
		);
		expect(await lintWorkflows(files)).toEqual([]);
	});

	it('rejects a broken workflow, naming each line, shell scripts included', async () => {
		expect(existsSync(SHELLCHECK), "shellcheck (npm test installs Debian's)").toBe(true);
		const problems = await lintWorkflows([path.join(ROOT, 'tests/fixtures/workflows/broken.yml')]);
		expect(problems.map(({ line, kind }) => ({ line, kind }))).toEqual([
			{ line: 14, kind: 'action' },
			{ line: 16, kind: 'expression' },
			{ line: 18, kind: 'expression' },
			{ line: 22, kind: 'shellcheck note' },
		]);
		expect(problems[0]?.message).toContain('"fetch-dept" is not defined');
		expect(problems[1]?.message).toContain('potentially untrusted');
		// Where the unquoted variable is in the file, not in the script.
		expect(problems[3]).toMatchObject({
			column: 18,
			message: 'Double quote to prevent globbing and word splitting. [SC2086]',
		});
	});
});
