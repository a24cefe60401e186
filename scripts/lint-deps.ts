/**
 * `npm run lint:deps`: the import-graph check (scripts/lib/importGraph.ts, rules in
 * `.dependency-cruiser.cjs`): no import loops, and each layer imports only the layers below it.
 * Prints one line per violation and exits 1 when there is any.
 */
import { formatImportViolation, importGraphViolations } from './lib/importGraph.ts';

const violations = await importGraphViolations();
for (const violation of violations)
	console.error(`import graph: ${formatImportViolation(violation)}`);
if (violations.length > 0) {
	console.error(
		`[lint:deps] ${violations.length} import(s) break the layer rules (CONTRIBUTING.md, "Where code goes")`,
	);
	process.exit(1);
}
console.log('[lint:deps] the import graph keeps to the layer rules');
