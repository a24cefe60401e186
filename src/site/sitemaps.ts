/**
 * The XML sitemaps, fed by the content loader (content.ts): the pages of both editions, split
 * into numbered files (`/sitemap-0.xml`, ...) named by `/sitemap-index.xml` beside the news
 * sitemap. The XML is written by the `sitemap` package (the one @astrojs/sitemap used).
 */
import { Readable } from 'node:stream';
import { SitemapIndexStream, SitemapStream, streamToPromise } from 'sitemap';
import { SITE } from '../config.ts';
import { siteData } from './content.ts';
import { LANGS } from '../i18n/ui.ts';
import { sitemapFiles, sitemapIndex, sitemapUrls, type SitemapUrl } from '../lib/sitemap.ts';

/**
 * Listed pages that are neither a listing nor a story, at this path in every edition: the
 * sections index (search and the edition strip are never listed).
 */
const SHARED_PATHS = ['/section/'];

let files: Promise<SitemapUrl[][]> | undefined;

/** The published pages of both editions, split into the numbered files (worked out once per build). */
export async function sitemapFileUrls(): Promise<SitemapUrl[][]> {
	// In dev every request asks again, so an edit shows.
	if (import.meta.env.DEV || !files) {
		files = (async () => {
			const editions = await Promise.all(
				LANGS.map(async (lang) => ({ lang, ...(await siteData(lang)).published() })),
			);
			return sitemapFiles(sitemapUrls(editions, { site: SITE.url, sharedPaths: SHARED_PATHS }));
		})();
	}
	return files;
}

const xmlResponse = async (stream: Readable) =>
	new Response((await streamToPromise(stream)).toString('utf8'), {
		headers: { 'Content-Type': 'application/xml; charset=utf-8' },
	});

/** One numbered sitemap file. */
export async function sitemapFileResponse(urls: readonly SitemapUrl[]): Promise<Response> {
	return xmlResponse(Readable.from(urls).pipe(new SitemapStream({ hostname: `${SITE.url}/` })));
}

/** The sitemap index: the news sitemap, then every numbered file. */
export async function sitemapIndexResponse(): Promise<Response> {
	const entries = sitemapIndex(await sitemapFileUrls(), SITE.url, [`${SITE.url}/news-sitemap.xml`]);
	return xmlResponse(Readable.from(entries).pipe(new SitemapIndexStream()));
}
