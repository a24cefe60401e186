/** `/news-sitemap.xml`: the Google News sitemap of the stories published in the last 48 hours. */
import type { APIRoute } from 'astro';
import { SITE } from '../config.ts';
import { siteData } from '../site/content.ts';
import { newsSitemapXml, recentArticles } from '../lib/newsSitemap.ts';

export const GET: APIRoute = async () => {
	// Both editions in one sitemap; each story says its own news:language.
	const { allPublished, now } = await siteData();
	const recent = recentArticles(allPublished, now);
	const body = newsSitemapXml(recent, {
		site: SITE.url,
		publicationName: SITE.name,
		language: SITE.lang,
		timeZone: SITE.timeZone,
	});
	return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
