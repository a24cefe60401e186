/**
 * The import-graph check: dependency-cruiser with the layer rules of `.dependency-cruiser.cjs`,
 * run in-process by `npm run lint:deps` and `npm test` (scripts/test.ts), and on a fixture tree
 * by tests/unit/importGraph.test.ts to show every rule reports what it forbids.
 */
import path from 'node:path';
import { cruise, type IViolation } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

const root = path.resolve(import.meta.dirname, '../..');

/** What the check reads: the site, the commands, the tests and the root config files. */
export const CHECKED = ['src', 'scripts', 'tests', 'astro.config.mjs', 'vitest.config.ts'];

export interface ImportViolation {
	rule: string;
	from: string;
	to: string;
	/** For a loop: the modules around it, starting after `from`. */
	cycle?: string[];
}

/** The rules' violations in the tree at `baseDir` (paths relative to it), or [] when it keeps to them. */
export async function importGraphViolations(
	baseDir = root,
	entries: string[] = CHECKED,
): Promise<ImportViolation[]> {
	const options = await extractDepcruiseOptions(path.join(root, '.dependency-cruiser.cjs'));
	const tsConfig = extractTSConfig(path.join(root, 'tsconfig.json'));
	const result = await cruise(
		entries,
		{ ...options, baseDir, tsConfig: { fileName: path.join(root, 'tsconfig.json') } },
		undefined,
		{ tsConfig },
	);
	if (typeof result.output === 'string')
		throw new Error('dependency-cruiser returned a report, not a result');
	return result.output.summary.violations.map((violation: IViolation) => ({
		rule: violation.rule.name,
		from: violation.from,
		to: violation.to,
		...(violation.cycle ? { cycle: violation.cycle.map((step) => step.name) } : {}),
	}));
}

/** One line per violation, as `from → to (rule)`, a loop spelled out. */
export function formatImportViolation(violation: ImportViolation): string {
	const loop = violation.cycle ? `: ${[violation.from, ...violation.cycle].join(' → ')}` : '';
	return `${violation.from} → ${violation.to} (${violation.rule})${loop}`;
}
