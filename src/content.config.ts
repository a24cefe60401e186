/** Content collections: where articles and ticker snapshots come from, validated by `src/lib/schema.ts`. */
import path from 'node:path';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { contentDir } from './config.ts';
import { withImagesInDigest, withOwnReader } from './site/contentLoaders.ts';
import { articleIdentity } from './lib/articles.ts';
import { entryId } from './lib/translations.ts';
import { DEFAULT_LANG } from './i18n/ui.ts';
import { articleSchema, tickerSchema } from './lib/schema.ts';

const articlesDir = path.join(contentDir(), 'articles');

const articles = defineCollection({
	loader: withOwnReader(
		withImagesInDigest(
			glob({
				pattern: '**/*.{md,mdx}',
				base: articlesDir,
				// `ru/<slug>`: each edition has its own slugs (a Russian story may reuse an English slug).
				generateId: ({ entry, data }) => {
					const { lang, slug } = articleIdentity(
						entry,
						typeof data.lang === 'string' ? data.lang : undefined,
					);
					return entryId(lang, slug, DEFAULT_LANG);
				},
			}),
			articlesDir,
		),
	),
	schema: articleSchema,
});

const ticker = defineCollection({
	loader: withOwnReader(glob({ pattern: '*.json', base: path.join(contentDir(), 'ticker') })),
	schema: tickerSchema,
});

export const collections = { articles, ticker };
