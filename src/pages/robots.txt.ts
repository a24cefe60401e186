/** `/robots.txt`: crawl everything; the sitemap index and the news sitemap, at the site's address. */
import type { APIRoute } from 'astro';
import { SITE } from '../config.ts';
import { robotsTxt } from '../lib/sitemap.ts';

export const GET: APIRoute = () =>
	new Response(robotsTxt([`${SITE.url}/sitemap-index.xml`, `${SITE.url}/news-sitemap.xml`]), {
		headers: { 'Content-Type': 'text/plain; charset=utf-8' },
	});
