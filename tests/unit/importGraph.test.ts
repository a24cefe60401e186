/**
 * The import-graph rules (.dependency-cruiser.cjs): the real tree keeps to them, and a fixture
 * tree with one deliberate violation of each kind (tests/fixtures/import-graph) gets each one
 * reported, and nothing for the imports the layers allow.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatImportViolation, importGraphViolations } from '../../scripts/lib/importGraph.ts';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/import-graph');

describe('the import graph', () => {
	it('has no violation in the real tree', async () => {
		expect((await importGraphViolations()).map(formatImportViolation)).toEqual([]);
	});

	it('reports each kind of violation in the fixture tree, and no allowed import', async () => {
		const violations = await importGraphViolations(FIXTURE, ['src', 'scripts', 'tests']);
		// An npm package resolves to its file (`../../../node_modules/sharp/dist/index.cjs`): name the package.
		const found = violations.map(
			({ rule, from, to }) =>
				`${rule}: ${from} → ${to.replace(/^.*node_modules\/([^/]+)\/.*$/, '$1')}`,
		);
		expect(found.sort()).toEqual(
			[
				'no-circular: src/site/loopA.ts → src/site/loopB.ts',
				'src-not-to-scripts-or-tests: src/site/usesScripts.ts → scripts/lib/helper.ts',
				'src-not-to-scripts-or-tests: src/site/usesTests.ts → tests/helpers/testHelper.ts',
				'scripts-not-to-tests: scripts/command.ts → tests/helpers/testHelper.ts',
				'lib-only-lib-config-i18n: src/lib/usesSite.ts → src/site/page.ts',
				'lib-no-io: src/lib/readsFiles.ts → fs',
				'lib-no-io: src/lib/loadsContent.ts → astro:content',
				'lib-no-io: src/lib/drawsImages.ts → sharp',
				'i18n-only-config: src/i18n/ui.ts → src/site/page.ts',
				'config-is-a-leaf: src/config.ts → src/lib/leaf.ts',
				'client-only-lib-i18n: src/client/search.ts → src/site/page.ts',
			].sort(),
		);
	});
});
