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
	},
});
