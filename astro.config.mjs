// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { cacheDir, SITE } from './src/config.ts';
import { sitemapOptions } from './src/sitemapOptions.ts';

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
	integrations: [mdx(), sitemap(sitemapOptions())],
	// Tests build several content folders at once; each gets its own cache.
	cacheDir: cacheDir(),
	devToolbar: { enabled: false },
});
