/** `/sitemap-0.xml`, `/sitemap-1.xml`...: every published page of both editions, 45,000 to a file. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { sitemapFileResponse, sitemapFileUrls } from '../site/sitemaps.ts';

export const getStaticPaths = (async () =>
	(await sitemapFileUrls()).map((_, n) => ({ params: { n: String(n) } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
	const urls = (await sitemapFileUrls())[Number(params.n)];
	return urls ? sitemapFileResponse(urls) : new Response(null, { status: 404 });
};
