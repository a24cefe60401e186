/**
 * ESLint's settings (`npm run lint`): the recommended rules of ESLint, typescript-eslint and
 * eslint-plugin-astro, plus a few that catch real bugs. Formatting is Prettier's (prettier.config.js).
 */
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
	{
		// What no person edits, and fixtures kept broken on purpose.
		ignores: [
			'dist/',
			'dist.tmp/',
			'dist.old/',
			'.astro/',
			'.cache/',
			'.test-output/',
			'coverage/',
			'content/',
			'**/fixtures/',
			'scripts/bench/last-run/',
		],
	},
	js.configs.recommended,
	tseslint.configs.recommended,
	astro.configs['flat/recommended'],
	{
		languageOptions: { globals: { ...globals.node } },
		// Bugs the recommended sets let through.
		rules: {
			eqeqeq: ['error', 'smart'],
			'array-callback-return': 'error',
			'no-self-compare': 'error',
			'no-template-curly-in-string': 'error',
			'no-unreachable-loop': 'error',
		},
	},
	{
		// Type-aware rules, on TypeScript files only: promises nobody awaits or whose errors go nowhere.
		// Not on an .astro file's <script>s (virtual files the type checker cannot find: they would
		// fail to parse, silently, and go unlinted).
		files: ['**/*.ts'],
		ignores: ['**/*.astro/*.ts'],
		languageOptions: {
			parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
		},
		rules: {
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-misused-promises': 'error',
			'@typescript-eslint/await-thenable': 'error',
			'@typescript-eslint/switch-exhaustiveness-check': 'error',
		},
	},
	{
		// Browser code: the bundled <script>s and what they import.
		files: ['src/client/**', '**/*.astro', '**/*.astro/*'],
		languageOptions: { globals: { ...globals.browser } },
	},
);
