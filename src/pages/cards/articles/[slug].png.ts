/** `/cards/articles/<slug>.png`: each story's 1200×630 social card. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { articleCardResponse } from '../../../cards.ts';
import { siteData } from '../../../content.ts';
import type { Article } from '../../../lib/articles.ts';

export const getStaticPaths = (async () => {
	const { articles } = await siteData();
	return articles.map((article) => ({ params: { slug: article.slug }, props: { article } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
	const { article } = props as { article: Article };
	return articleCardResponse(article);
};
