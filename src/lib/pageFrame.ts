/**
 * What every page's frame (src/layouts/BaseLayout.astro) puts in its `<head>` and masthead from
 * the page's own facts: the full title, the canonical URL, hreflang links, the language switch
 * and the OpenGraph/Twitter tags.
 */
import { SITE } from '../config.ts';
import { LANGS, t, type Lang } from '../i18n/ui.ts';
import {
	hreflangLinks,
	languageSwitch,
	type Alternate,
	type HreflangLink,
	type LanguageSwitch,
} from './alternates.ts';
import { pageTitle } from './pageTitle.ts';
import { socialMeta, type ArticleFacts, type MetaTag, type SocialImage } from './socialMeta.ts';

export interface PageFrameInput {
	lang: Lang;
	/** Page title without the site name (the front page passes none). */
	title?: string;
	description: string;
	/** Site-relative path of the page. */
	path: string;
	image: SocialImage;
	article?: ArticleFacts;
	/** The same page in other editions. */
	alternates: readonly Alternate[];
}

export interface PageFrame {
	/** The `<title>`: the page's title and the site's name, or the site's name and tagline. */
	title: string;
	/** Absolute URL of the page. */
	canonical: string;
	hreflang: HreflangLink[];
	switchTo: LanguageSwitch;
	meta: MetaTag[];
}

/** A page's frame from its facts; `site` is the site's name and absolute URL. */
export function pageFrame(
	page: PageFrameInput,
	site: { name: string; url: string } = SITE,
): PageFrame {
	const { lang, title, description, path, image, article, alternates } = page;
	const ui = t(lang);
	const fullTitle = pageTitle(title, { name: site.name, tagline: ui.tagline });
	const canonical = new URL(path, site.url).href;
	return {
		title: fullTitle,
		canonical,
		hreflang: hreflangLinks(lang, path, alternates, site.url),
		switchTo: languageSwitch(lang, alternates),
		meta: socialMeta({
			title: title ?? fullTitle,
			description,
			url: canonical,
			siteName: site.name,
			locale: ui.locale,
			alternateLocales: LANGS.filter((other) => other !== lang).map((other) => t(other).locale),
			image,
			article,
		}),
	};
}
