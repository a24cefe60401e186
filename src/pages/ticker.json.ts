/** `dist/ticker.json`: the snapshot the ticker shows, the one it compares with, and the computed items. */
import type { APIRoute } from 'astro';
import { siteData } from '../site/content.ts';

export const GET: APIRoute = async () => {
	const { ticker } = await siteData();
	const body = ticker
		? {
				date: ticker.current.date,
				base: ticker.current.base,
				snapshot: ticker.current,
				previous: ticker.previous ?? null,
				items: ticker.items,
			}
		: { date: null, base: null, snapshot: null, previous: null, items: [] };
	return new Response(`${JSON.stringify(body, null, '\t')}\n`, {
		headers: { 'Content-Type': 'application/json' },
	});
};
