/** The stories and settings of each feed: the whole site's, or one section's. */
import { SITE, type SectionSlug } from '../config.ts';
import { DEFAULT_LANG, langPrefix, t, type Lang } from '../i18n/ui.ts';
import { siteData } from './content.ts';
import type { Article } from '../lib/articles.ts';
import type { FeedOptions } from '../lib/feeds.ts';

/** Published stories (dev previews drafts, feeds never show them), newest first, and the feed's options. */
export async function feedData(
	format: 'rss' | 'atom',
	section?: SectionSlug,
	lang: Lang = DEFAULT_LANG,
): Promise<{ articles: Article[]; options: FeedOptions }> {
	const { published, now } = await siteData(lang);
	const ui = t(lang);
	const base = `${langPrefix(lang)}${section ? `/section/${section}/` : '/'}`;
	return {
		articles: section
			? published().articles.filter((article) => article.section === section)
			: published().articles,
		options: {
			title: section
				? `${SITE.name}: ${ui.sections[section]}`
				: lang === DEFAULT_LANG
					? SITE.name
					: `${SITE.name} — ${ui.languageName}`,
			description: section
				? `${ui.sections[section]}: ${ui.tagline}`
				: `${ui.tagline}. ${ui.description}`,
			language: ui.locale,
			selfPath: `${base}${format === 'rss' ? 'rss' : 'atom'}.xml`,
			alternatePath: base,
			fallbackUpdated: now,
			site: SITE.url,
			sections: ui.sections,
		},
	};
}
