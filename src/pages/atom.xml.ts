/** `/atom.xml`: the newest 50 stories as Atom 1.0. */
import type { APIRoute } from 'astro';
import { feedData } from '../feedData.ts';
import { atomFeed } from '../lib/feeds.ts';

export const GET: APIRoute = async () => {
	const { articles, options } = await feedData('atom');
	return new Response(atomFeed(articles, options), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
