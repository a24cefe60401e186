/**
 * Prettier's settings: the style the code was already written in (tabs, single quotes), lines of
 * code wrapped at 100 characters. `.astro` templates keep 180: wrapping an element's children
 * there would put whitespace into the built HTML. `npm run format` writes, `npm run lint` checks.
 */
/** @type {import('prettier').Config} */
export default {
	plugins: ['prettier-plugin-astro'],
	useTabs: true,
	singleQuote: true,
	printWidth: 100,
	// Whitespace as astro.config.mjs's `compressHTML: true` keeps it, so formatting never changes the HTML.
	astroCompressHTML: 'html',
	overrides: [
		// npm writes package.json with two spaces; keep its style so `npm install` and Prettier agree.
		{ files: 'package.json', options: { useTabs: false } },
		// Templates keep long lines: wrapping an element's children puts whitespace into the HTML.
		{ files: '*.astro', options: { printWidth: 180 } },
	],
};
