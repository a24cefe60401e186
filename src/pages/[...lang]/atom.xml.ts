/** `/atom.xml`, `/ru/atom.xml`: each edition's newest 50 stories as Atom 1.0. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { feedData } from '../../site/feeds.ts';
import type { Lang } from '../../i18n/ui.ts';
import { editionPaths } from '../../lib/editionPaths.ts';
import { atomFeed } from '../../lib/feeds.ts';

export const getStaticPaths = (() => editionPaths()) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
	const { articles, options } = await feedData('atom', undefined, (props as { lang: Lang }).lang);
	return new Response(atomFeed(articles, options), {
		headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
	});
};
