/** `/rss.xml`, `/ru/rss.xml`: each edition's newest 50 stories as RSS 2.0. */
import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { feedData } from '../../site/feeds.ts';
import type { Lang } from '../../i18n/ui.ts';
import { editionPaths } from '../../lib/editionPaths.ts';
import { rssOptions } from '../../lib/feeds.ts';

export const getStaticPaths = (() => editionPaths()) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
	const { articles, options } = await feedData('rss', undefined, (props as { lang: Lang }).lang);
	return rss(rssOptions(articles, options));
};
