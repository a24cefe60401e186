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

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
	forbidden: [
		{
			name: 'no-circular',
			severity: 'error',
			comment: 'Modules import each other in a loop: move the shared part into a module both import.',
			from: {},
			to: { circular: true },
		},
		{
			name: 'src-not-to-scripts-or-tests',
			severity: 'error',
			comment: 'The site does not import the commands or the tests: move the shared code into src/lib.',
			from: { path: '^src/' },
			to: { path: '^(scripts|tests)/' },
		},
		{
			name: 'scripts-not-to-tests',
			severity: 'error',
			comment: 'Commands do not import tests/: helpers both use live in scripts/lib.',
			from: { path: '^scripts/' },
			to: { path: '^tests/' },
		},
		{
			name: 'lib-only-lib-config-i18n',
			severity: 'error',
			comment: 'src/lib holds pure functions: it imports only src/lib, src/config.ts and src/i18n.',
			from: { path: '^src/lib/' },
			to: { path: '^src/', pathNot: '^src/(lib/|i18n/|config\\.ts$)' },
		},
		{
			name: 'lib-no-io',
			severity: 'error',
			comment: 'src/lib holds pure functions: file, process and image I/O belong in src/site or scripts/lib.',
			from: { path: '^src/lib/' },
			to: { path: IO_MODULES },
		},
		{
			name: 'i18n-only-config',
			severity: 'error',
			comment: 'Interface strings and formatting import only src/config.ts.',
			from: { path: '^src/i18n/' },
			to: { path: '^src/', pathNot: '^src/(i18n/|config\\.ts$)' },
		},
		{
			name: 'config-is-a-leaf',
			severity: 'error',
			comment: 'src/config.ts is the settings every layer reads: it imports nothing from src/.',
			from: { path: '^src/config\\.ts$' },
			to: { path: '^src/' },
		},
		{
			name: 'client-only-lib-i18n',
			severity: 'error',
			comment: 'Browser code imports only src/lib and src/i18n (and itself).',
			from: { path: '^src/client/' },
			to: { path: '^src/', pathNot: '^src/(client|lib|i18n)/' },
		},
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
