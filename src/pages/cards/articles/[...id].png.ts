/** `/cards/articles/<slug>.png` (`/cards/articles/ru/<slug>.png`): each story's 1200×630 social card. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { articleCardResponse } from '../../../cards.ts';
import { siteData } from '../../../content.ts';
import type { Article } from '../../../lib/articles.ts';

export const getStaticPaths = (async () => {
	const { all } = await siteData();
	return all.map((article) => ({ params: { id: article.id }, props: { article } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
	const { article } = props as { article: Article };
	return articleCardResponse(article);
};
