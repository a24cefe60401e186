/** OpenGraph and Twitter card `<meta>` tags for a page. */
import { escapeUTF8 } from 'entities';

export interface SocialImage {
	/** Absolute URL. */
	url: string;
	width: number;
	height: number;
	alt: string;
}

export interface ArticleFacts {
	publishedTime: Date;
	modifiedTime: Date;
	/** Section display name. */
	section: string;
	tags: readonly string[];
	/** Absolute URLs of the authors' pages (OpenGraph wants profiles, not names). */
	authorUrls: readonly string[];
}

export interface SocialMetaInput {
	title: string;
	description: string;
	/** Absolute canonical URL. */
	url: string;
	siteName: string;
	/** BCP 47 locale (`en-GB`); written the OpenGraph way (`en_GB`). */
	locale: string;
	/** Locales of the other editions (`og:locale:alternate`). */
	alternateLocales?: readonly string[];
	image: SocialImage;
	/** Present on article pages: `og:type=article` and the `article:*` facts. */
	article?: ArticleFacts;
}

/** A `<meta>` element: OpenGraph uses `property`, Twitter uses `name`. */
export type MetaTag = { property: string; content: string } | { name: string; content: string };

/** Every OpenGraph, `article:*` and Twitter tag of a page, in a stable order. */
export function socialMeta({
	title,
	description,
	url,
	siteName,
	locale,
	alternateLocales = [],
	image,
	article,
}: SocialMetaInput): MetaTag[] {
	const og = (property: string, content: string): MetaTag => ({ property, content });
	const twitter = (name: string, content: string): MetaTag => ({ name, content });
	return [
		og('og:type', article ? 'article' : 'website'),
		og('og:title', title),
		og('og:description', description),
		og('og:url', url),
		og('og:site_name', siteName),
		og('og:locale', locale.replace('-', '_')),
		...alternateLocales.map((alternate) => og('og:locale:alternate', alternate.replace('-', '_'))),
		og('og:image', image.url),
		og('og:image:width', String(image.width)),
		og('og:image:height', String(image.height)),
		og('og:image:alt', image.alt),
		...(article
			? [
					og('article:published_time', article.publishedTime.toISOString()),
					og('article:modified_time', article.modifiedTime.toISOString()),
					og('article:section', article.section),
					...article.tags.map((tag) => og('article:tag', tag)),
					...article.authorUrls.map((author) => og('article:author', author)),
				]
			: []),
		twitter('twitter:card', 'summary_large_image'),
		twitter('twitter:title', title),
		twitter('twitter:description', description),
		twitter('twitter:image', image.url),
		twitter('twitter:image:alt', image.alt),
	];
}

/**
 * The tags as HTML. Every value is escaped in full (`& < > " '`), stricter than Astro's attribute
 * escaping (which leaves `<` alone), so a headline like `<script>` never appears as markup text.
 */
export function metaTagsHtml(tags: readonly MetaTag[]): string {
	return tags
		.map((tag) => {
			const [key, value] = 'property' in tag ? ['property', tag.property] : ['name', tag.name];
			return `<meta ${key}="${escapeUTF8(value)}" content="${escapeUTF8(tag.content)}">`;
		})
		.join('');
}
