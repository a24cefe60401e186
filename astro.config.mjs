// @ts-check
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import caravanImages from './src/integrations/imageFiles.ts';
import { devSearchIndex } from './src/integrations/devSearchIndex.ts';
import { resolveImages, sanitizeAndPicture } from './src/markdown/plugins.ts';
import { codeClasses } from './src/markdown/codeClasses.ts';
import { cacheDir, SITE } from './src/config.ts';

// Astro's incremental build keeps every page while its own config hash is unchanged, and that hash
// leaves out settings that change every page (vite.build.cssCodeSplit renames the stylesheets the
// pages link): this file's digest, as an unused define, puts any change to it into that hash.
const configDigest = createHash('sha256')
	.update(readFileSync(new URL(import.meta.url)))
	.digest('hex');

export default defineConfig({
	site: SITE.url,
	trailingSlash: 'always',
	// Lossless whitespace removal: the default 'jsx' mode drops spaces between inline elements.
	compressHTML: true,
	build: {
		format: 'directory',
		// Every stylesheet as a file: the Content-Security-Policy allows no inline styles.
		inlineStylesheets: 'never',
		// Pages render in parallel; measured faster on 2 cores (see docs/performance.md).
		// CARAVAN_BUILD_CONCURRENCY sets it for measuring (scripts/bench/README.md).
		concurrency: Number(process.env.CARAVAN_BUILD_CONCURRENCY) || 2,
	},
	markdown: {
		// Article bodies (Markdown and MDX): responsive images, raw HTML sanitised (src/markdown/plugins.ts).
		processor: satteri({ mdastPlugins: [resolveImages], hastPlugins: [sanitizeAndPicture] }),
		// Code coloured by classes, not inline styles, which the CSP blocks (src/markdown/codeClasses.ts);
		// `wrap: null`: no inline `overflow-x` on the block either.
		shikiConfig: { theme: 'css-variables', wrap: null, transformers: [codeClasses] },
	},
	integrations: [mdx(), caravanImages(), devSearchIndex()],
	// Every script as a file, never inlined: the Content-Security-Policy allows no inline scripts.
	// One stylesheet for the whole site (~27 KB, ~5.3 KB gzip), cached after the first page: a
	// first search made five stylesheet requests (three on the page, two in the edition strip's
	// frame), and each new kind of page more (docs/search.md, "What a first search costs").
	vite: {
		build: { assetsInlineLimit: 0, cssCodeSplit: false },
		define: { __CARAVAN_ASTRO_CONFIG_DIGEST__: JSON.stringify(configDigest) },
	},
	// Tests build several content folders at once; each gets its own cache.
	cacheDir: cacheDir(),
	devToolbar: { enabled: false },
	experimental: {
		// A build's content store in 20 MB files (scripts/build.ts asks for it): pages read it one
		// record at a time, where one JSON file was parsed whole beside its own text (at 10,000
		// stories the Astro step's peak 1.5 → 1.3 GB, same CPU), and past ~50,000 stories one file no
		// longer fits a JSON string at all. The dev server keeps one file, which its patch serves live.
		collectionStorage: process.env.CARAVAN_CHUNKED_STORE === '1' ? 'chunked' : 'single-file',
		// Article pages, listing pages and cards whose cache key (src/lib/pageKeys.ts) and code
		// are unchanged are copied from the last build's copies in the cache folder, not rendered.
		incrementalBuild: true,
	},
});
