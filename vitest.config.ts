import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['tests/**/*.test.ts'],
		// Build and browser tests share one machine's two cores: run files one or two at a time.
		maxWorkers: 2,
		// Tests that build wait their turn for the one build at a time (scripts/lib/fixtureSites.ts).
		testTimeout: 180_000,
		hookTimeout: 240_000,
		env: { ASTRO_TELEMETRY_DISABLED: '1' },
		// `npm test` runs the unit tests with --coverage and fails under these thresholds, set just
		// under the figures of 2026-12-06 (raise them as coverage rises). src/lib/ is pure and unit
		// tested: 98.6 % statements, 92.4 % branches, 99.6 % functions, 99.3 % lines. scripts/lib/
		// also holds I/O helpers that only the build and browser tests exercise, which this run
		// leaves out: 60.9 %, 64.9 %, 66.7 %, 61.7 %.
		coverage: {
			provider: 'v8',
			include: ['src/lib/**/*.ts', 'scripts/lib/**/*.ts'],
			reporter: ['text-summary'],
			thresholds: {
				'src/lib/**': { statements: 98, branches: 92, functions: 99, lines: 99 },
				'scripts/lib/**': { statements: 60, branches: 64, functions: 66, lines: 61 },
			},
		},
	},
});
