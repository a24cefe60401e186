/** `/cards/articles/<slug>.png` (`/cards/articles/ru/<slug>.png`): each story's 1200×630 social card. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { articleCardResponse } from '../../../cards.ts';
import { articleCardCacheKey, siteData } from '../../../content.ts';
import type { Article } from '../../../lib/articles.ts';

export const getStaticPaths = (async () => {
	const { all } = await siteData();
	// Unchanged cards are copied from the last build (experimental.incrementalBuild) rather than
	// read from the card cache and written out again.
	return Promise.all(all.map(async (article) => ({ params: { id: article.id }, props: { article }, cacheKey: await articleCardCacheKey(article) })));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
	const { article } = props as { article: Article };
	return articleCardResponse(article);
};
