/**
 * The import-graph rules of the project's layers (CONTRIBUTING.md, "Where code goes"), checked by
 * `npm run lint:deps` and `npm test`. Paths are relative to the tree being checked, so
 * tests/unit/importGraph.test.ts runs the same rules on a small fixture tree to show each one bites.
 * `.astro` files are not parsed (dependency-cruiser does not read them): pages, components and
 * layouts only render, and import from the layers below them.
 */

/** Modules that read or write files, spawn, serve, or draw: not for src/lib's pure functions. */
const IO_MODULES = [
	'^(node:)?(fs|fs/promises|child_process|http|https|http2|net|dgram|worker_threads|cluster|readline)$',
	// npm packages resolve to their files under node_modules/.
	'(^|/)node_modules/(sharp|satori)/',
	'^astro:',
];

/** A rule: imports from modules matching `from` to modules matching `to` (and not `toNot`) are errors. */
const forbid = (name, comment, from, to, toNot) => ({
	name,
	severity: 'error',
	comment,
	from: { path: from },
	to: toNot ? { path: to, pathNot: toNot } : { path: to },
});

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
	forbidden: [
		{
			name: 'no-circular',
			severity: 'error',
			comment:
				'Modules import each other in a loop: move the shared part into a module both import.',
			from: {},
			to: { circular: true },
		},
		forbid(
			'src-not-to-scripts-or-tests',
			'The site does not import the commands or the tests: move shared code into src/lib.',
			'^src/',
			'^(scripts|tests)/',
		),
		forbid(
			'scripts-not-to-tests',
			'Commands do not import tests/: helpers both use live in scripts/lib.',
			'^scripts/',
			'^tests/',
		),
		forbid(
			'lib-only-lib-config-i18n',
			'src/lib holds pure functions: it imports only src/lib, src/config.ts and src/i18n.',
			'^src/lib/',
			'^src/',
			'^src/(lib/|i18n/|config\\.ts$)',
		),
		forbid(
			'lib-no-io',
			'src/lib holds pure functions: file, process and image I/O belong in src/site or scripts/lib.',
			'^src/lib/',
			IO_MODULES,
		),
		forbid(
			'i18n-only-config',
			'Interface strings and formatting import only src/config.ts.',
			'^src/i18n/',
			'^src/',
			'^src/(i18n/|config\\.ts$)',
		),
		forbid(
			'config-is-a-leaf',
			'src/config.ts holds the settings every layer reads: it imports nothing from src/.',
			'^src/config\\.ts$',
			'^src/',
		),
		forbid(
			'client-only-lib-i18n',
			'Browser code imports only src/lib and src/i18n (and itself).',
			'^src/client/',
			'^src/',
			'^src/(client|lib|i18n)/',
		),
	],
	options: {
		doNotFollow: { path: 'node_modules' },
		exclude: { path: '^(tests/fixtures|node_modules|dist|\\.astro)/' },
		// Type-only imports count: a loop through types is still a loop a reader has to untangle.
		tsPreCompilationDeps: true,
		tsConfig: { fileName: 'tsconfig.json' },
		enhancedResolveOptions: { extensions: ['.ts', '.mjs', '.js', '.json'] },
	},
};
