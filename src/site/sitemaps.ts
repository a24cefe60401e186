/**
 * The XML sitemaps, fed by the content loader (src/content.ts): the pages of both editions, split
 * into numbered files (`/sitemap-0.xml`, ...) named by `/sitemap-index.xml` beside the news
 * sitemap. The XML is written by the `sitemap` package (the one @astrojs/sitemap used).
 */
import { Readable } from 'node:stream';
import { SitemapIndexStream, SitemapStream, streamToPromise } from 'sitemap';
import { COUNTRIES, SECTIONS, SITE } from '../config.ts';
import { siteData } from './content.ts';
import { LANGS, langPrefix } from '../i18n/ui.ts';
import { sitemapFiles, sitemapIndex, sitemapUrls, type SitemapUrl } from '../lib/sitemap.ts';

/** Pages every edition has at the same path under its prefix: the language versions of each other. */
const SHARED_PATHS = ['/', '/section/', ...SECTIONS.map((s) => `/section/${s}/`), ...COUNTRIES.map((c) => `/country/${c}/`)];
/** Pages that are neither a listing nor a story (search and the edition strip are built too, never listed). */
const OTHER_PATHS = ['/section/'];

let files: Promise<SitemapUrl[][]> | undefined;

/** The published pages of both editions, split into the numbered files (worked out once per build). */
export async function sitemapFileUrls(): Promise<SitemapUrl[][]> {
	// In dev every request asks again, so an edit shows.
	if (import.meta.env.DEV || !files) {
		files = (async () => {
			const editions = await Promise.all(
				LANGS.map(async (lang) => ({ lang, prefix: langPrefix(lang), ...(await siteData(lang)).published() })),
			);
			return sitemapFiles(sitemapUrls(editions, { site: SITE.url, otherPaths: OTHER_PATHS, sharedPaths: SHARED_PATHS }));
		})();
	}
	return files;
}

const xmlResponse = async (stream: Readable) =>
	new Response((await streamToPromise(stream)).toString('utf8'), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });

/** One numbered sitemap file. */
export async function sitemapFileResponse(urls: readonly SitemapUrl[]): Promise<Response> {
	return xmlResponse(Readable.from(urls).pipe(new SitemapStream({ hostname: `${SITE.url}/` })));
}

/** The sitemap index: the news sitemap, then every numbered file. */
export async function sitemapIndexResponse(): Promise<Response> {
	const entries = sitemapIndex(await sitemapFileUrls(), SITE.url, [`${SITE.url}/news-sitemap.xml`]);
	return xmlResponse(Readable.from(entries).pipe(new SitemapIndexStream()));
}
