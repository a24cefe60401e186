/** The stories and settings of each feed: the whole site's, or one section's. */
import { SECTIONS, SITE, type SectionSlug } from './config.ts';
import { siteData } from './content.ts';
import { isPublished, type Article } from './lib/articles.ts';
import type { FeedOptions } from './lib/feeds.ts';

/** Published stories (dev previews drafts, feeds never do), newest first, and the feed's options. */
export async function feedData(
	format: 'rss' | 'atom',
	section?: SectionSlug,
): Promise<{ articles: Article[]; options: FeedOptions }> {
	const { articles, now } = await siteData();
	const base = section ? `/section/${section}/` : '/';
	return {
		articles: articles.filter((article) => isPublished(article) && (!section || article.section === section)),
		options: {
			title: section ? `${SITE.name}: ${SECTIONS[section]}` : SITE.name,
			description: section ? `${SECTIONS[section]}: ${SITE.tagline}` : `${SITE.tagline}. ${SITE.description}`,
			language: SITE.locale,
			selfPath: `${base}${format === 'rss' ? 'rss' : 'atom'}.xml`,
			alternatePath: base,
			fallbackUpdated: now,
			site: SITE.url,
			sections: SECTIONS,
		},
	};
}
