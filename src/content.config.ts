/** Content collections: where articles and ticker snapshots come from, validated by `src/schema.ts`. */
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import type { Loader } from 'astro/loaders';
import { contentDir } from './config.ts';
import { parseFrontmatter } from './lib/frontmatter.ts';
import { slugFromPath } from './lib/slug.ts';
import { articleLang, entryId } from './lib/translations.ts';
import { DEFAULT_LANG, LANGS } from './i18n/ui.ts';
import { articleSchema, tickerSchema } from './schema.ts';

/**
 * Astro reads front-matter with js-yaml, which turns dates into Date objects: an impossible
 * `2025-13-45` rolls over and `2025-12-17T05:00:00+05:00` becomes indistinguishable from a
 * date-only value. Re-read it with the parser `npm run check` uses, so both see the same data.
 */
function withOwnFrontmatter(loader: Loader): Loader {
	return {
		...loader,
		load: (context) => {
			const parseData = (async (props: Parameters<typeof context.parseData>[0]) => {
				const data = props.filePath ? parseFrontmatter(await readFile(props.filePath, 'utf8')).data : props.data;
				return context.parseData({ ...props, data: data as Record<string, unknown> });
			}) as typeof context.parseData;
			return loader.load({ ...context, parseData });
		},
	};
}

const articles = defineCollection({
	loader: withOwnFrontmatter(
		glob({
			pattern: '**/*.{md,mdx}',
			base: path.join(contentDir(), 'articles'),
			// `ru/<slug>`: each edition has its own slugs (a Russian story may reuse an English slug).
			generateId: ({ entry, data }) =>
				entryId(articleLang(entry, typeof data.lang === 'string' ? data.lang : undefined, LANGS, DEFAULT_LANG).lang, slugFromPath(entry), DEFAULT_LANG),
		}),
	),
	schema: articleSchema,
});

const ticker = defineCollection({
	loader: glob({ pattern: '*.json', base: path.join(contentDir(), 'ticker') }),
	schema: tickerSchema,
});

export const collections = { articles, ticker };
