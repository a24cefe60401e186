/** `/section/<slug>/rss.xml`: one section's newest 50 stories as RSS 2.0. */
import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { SECTIONS, type SectionSlug } from '../../../config.ts';
import { feedData } from '../../../feedData.ts';
import { rssOptions } from '../../../lib/feeds.ts';

export const getStaticPaths = (() =>
	Object.keys(SECTIONS).map((section) => ({ params: { section } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
	const { articles, options } = await feedData('rss', params.section as SectionSlug);
	return rss(rssOptions(articles, options));
};
