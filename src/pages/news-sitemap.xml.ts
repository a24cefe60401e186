/** `/news-sitemap.xml`: the Google News sitemap of the stories published in the last 48 hours. */
import type { APIRoute } from 'astro';
import { SITE } from '../config.ts';
import { siteData } from '../site/content.ts';
import { isPublished } from '../lib/articles.ts';
import { newsSitemapXml, recentArticles } from '../lib/newsSitemap.ts';

export const GET: APIRoute = async () => {
	// Both editions in one sitemap; each story says its own news:language.
	const { all, now } = await siteData();
	const recent = recentArticles(all.filter(isPublished), now);
	const body = newsSitemapXml(recent, { site: SITE.url, publicationName: SITE.name, language: SITE.lang, timeZone: SITE.timeZone });
	return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
