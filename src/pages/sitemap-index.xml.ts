/** `/sitemap-index.xml`: the news sitemap and the numbered page sitemaps (src/site/sitemaps.ts). */
import type { APIRoute } from 'astro';
import { sitemapIndexResponse } from '../site/sitemaps.ts';

export const GET: APIRoute = () => sitemapIndexResponse();
