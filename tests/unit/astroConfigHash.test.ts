/**
 * Astro's incremental build keeps every page while its config hash is unchanged, and that hash
 * leaves out settings that change every page (vite.build.cssCodeSplit renamed the stylesheets and
 * a warm build kept pages linking files that no longer existed). astro.config.mjs therefore puts
 * its own digest into the hash, as an unused Vite define: checked here against Astro's own input.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getConfigHashInput } from '../../node_modules/astro/dist/core/build/config-hash/input.js';
import config from '../../astro.config.mjs';

describe('astro.config.mjs and the incremental build', () => {
	const digest = createHash('sha256').update(readFileSync('astro.config.mjs')).digest('hex');

	it('puts the digest of its own text into Astro config hash input', () => {
		const input = getConfigHashInput({
			...config,
			build: config.build ?? {},
			experimental: config.experimental ?? {},
			vite: config.vite ?? {},
		} as never) as { vite: { define?: Record<string, string> } };
		expect(input.vite.define?.__CARAVAN_ASTRO_CONFIG_DIGEST__).toBe(JSON.stringify(digest));
	});
});
