/** `/rss.xml`: the newest 50 stories as RSS 2.0. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { feedData } from '../feedData.ts';
import { rssOptions } from '../lib/feeds.ts';

export const GET: APIRoute = async () => {
	const { articles, options } = await feedData('rss');
	return rss(rssOptions(articles, options));
};
