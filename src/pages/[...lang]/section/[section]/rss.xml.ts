/** `/section/<slug>/rss.xml` (and under `/ru/`): one section's newest 50 stories as RSS 2.0. */
import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { SECTIONS, type SectionSlug } from '../../../../config.ts';
import { feedData } from '../../../../site/feeds.ts';
import { langParam, LANGS, type Lang } from '../../../../i18n/ui.ts';
import { rssOptions } from '../../../../lib/feeds.ts';

export const getStaticPaths = (() =>
	LANGS.flatMap((lang) =>
		SECTIONS.map((section) => ({ params: { lang: langParam(lang), section }, props: { lang } })),
	)) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, props }) => {
	const { articles, options } = await feedData('rss', params.section as SectionSlug, (props as { lang: Lang }).lang);
	return rss(rssOptions(articles, options));
};
