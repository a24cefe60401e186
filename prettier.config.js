/**
 * Prettier's settings: the style the code was already written in (tabs, single quotes), so the one
 * formatting commit changes as little as it can. printWidth 180 is the width that changed the
 * fewest lines of the code as it stood on 2026-12-06 (100 changed 9,774 lines, 140 3,230, 160 2,128,
 * 170 1,947, 180 1,890, 200 1,954). `npm run format` writes, `npm run lint` checks.
 */
/** @type {import('prettier').Config} */
export default {
	plugins: ['prettier-plugin-astro'],
	useTabs: true,
	singleQuote: true,
	printWidth: 180,
	// Whitespace as astro.config.mjs's `compressHTML: true` keeps it, so formatting never changes the HTML.
	astroCompressHTML: 'html',
	overrides: [
		// npm writes package.json with two spaces; keep its style so `npm install` and Prettier agree.
		{ files: 'package.json', options: { useTabs: false } },
	],
};
