/**
 * `/cards/manifest.json`: the social cards the site needs, for `scripts/lib/cards.ts`, which draws them
 * on every core after the Astro step (Astro renders on about one) and removes this file.
 */
import type { APIRoute } from 'astro';
import { cardJobs } from '../../site/cards.ts';
import { siteData } from '../../site/content.ts';

export const GET: APIRoute = async () => {
	const { all } = await siteData();
	return new Response(JSON.stringify(cardJobs(all)), {
		headers: { 'Content-Type': 'application/json' },
	});
};
