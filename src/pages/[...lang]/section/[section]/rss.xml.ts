/** `/section/<slug>/rss.xml` (and under `/ru/`): one section's newest 50 stories as RSS 2.0. */
import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { SECTIONS, type SectionSlug } from '../../../../config.ts';
import { feedData } from '../../../../site/feeds.ts';
import type { Lang } from '../../../../i18n/ui.ts';
import { editionPaths } from '../../../../lib/editionPaths.ts';
import { rssOptions } from '../../../../lib/feeds.ts';

export const getStaticPaths = (() =>
	editionPaths().flatMap(({ params, props }) =>
		SECTIONS.map((section) => ({ params: { ...params, section }, props })),
	)) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, props }) => {
	const { articles, options } = await feedData(
		'rss',
		params.section as SectionSlug,
		(props as { lang: Lang }).lang,
	);
	return rss(rssOptions(articles, options));
};
