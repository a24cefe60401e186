// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { SITE } from './src/config.ts';
import { devSearchIndex } from './src/integrations/devSearchIndex.ts';

export default defineConfig({
	site: SITE.url,
	trailingSlash: 'always',
	// Lossless whitespace removal: the default 'jsx' mode drops spaces between inline elements.
	compressHTML: true,
	build: {
		format: 'directory',
		// Every stylesheet as a file: the Content-Security-Policy allows no inline styles.
		inlineStylesheets: 'never',
		// Pages render in parallel; measured faster on 2 cores (see README, Performance).
		concurrency: 2,
	},
	integrations: [mdx(), devSearchIndex()],
	// Tests build several content folders at once; each gets its own cache.
	cacheDir: process.env.CARAVAN_CACHE_DIR ?? './node_modules/.astro',
	devToolbar: { enabled: false },
});
