/** Content collections: where articles and ticker snapshots come from, validated by `src/schema.ts`. */
import path from 'node:path';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { contentDir } from './config.ts';
import { slugFromPath } from './lib/slug.ts';
import { articleSchema, tickerSchema } from './schema.ts';

const articles = defineCollection({
	loader: glob({
		pattern: '**/*.{md,mdx}',
		base: path.join(contentDir(), 'articles'),
		generateId: ({ entry }) => slugFromPath(entry),
	}),
	schema: articleSchema,
});

const ticker = defineCollection({
	loader: glob({ pattern: '*.json', base: path.join(contentDir(), 'ticker') }),
	schema: tickerSchema,
});

export const collections = { articles, ticker };
