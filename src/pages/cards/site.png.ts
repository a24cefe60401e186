/** `/cards/site.png`: the card of pages without their own (listings, the 404 page). */
import type { APIRoute } from 'astro';
import { siteCardResponse } from '../../cards.ts';

export const GET: APIRoute = () => siteCardResponse();
