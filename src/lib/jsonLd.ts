/** schema.org structured data for article and listing pages, and its safe serialisation. */
import type { Article } from './articles.ts';

/** A JSON-LD node; `@context` is added by `serializeJsonLd` callers through the builders below. */
export type JsonLd = Record<string, unknown>;

/** The publisher and site facts every node needs (absolute URLs). */
export interface Publisher {
	name: string;
	/** Site origin, e.g. `https://caravan.example`. */
	url: string;
	/** Absolute URL of the logo image. */
	logo: string;
	/** BCP 47 language of the site, e.g. `en-GB`. */
	language: string;
	/** The edition's search page (`/search/`, `/ru/search/`). */
	searchPath?: string;
	/** Where the edition's author pages live (`/author/`, `/ru/author/`). */
	authorsPath?: string;
}

const CONTEXT = 'https://schema.org';

// `<` `>` `&` could end the script element or start an HTML comment; U+2028/2029 break old JS parsers.
const UNSAFE_IN_SCRIPT = /[<>&\u2028\u2029]/g;

/**
 * JSON for a `<script type="application/ld+json">` element: characters that could close the element
 * are written as `\uXXXX` escapes, so no writer text can break out; `JSON.parse` gives the same value.
 */
export function serializeJsonLd(value: unknown): string {
	return JSON.stringify(value).replace(
		UNSAFE_IN_SCRIPT,
		(char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
	);
}

const absolute = (path: string, site: string) => new URL(path, site).href;

function organization(publisher: Publisher): JsonLd {
	return {
		'@type': 'Organization',
		name: publisher.name,
		url: absolute('/', publisher.url),
		// schema.org wants ImageObject sizes as Distance text, and Google does not ask for them: URL only.
		logo: { '@type': 'ImageObject', url: publisher.logo },
	};
}

export interface NewsArticleInput {
	article: Pick<Article, 'url' | 'title' | 'date' | 'modified' | 'authors' | 'tags'>;
	/** Display name of the article's section. */
	sectionName: string;
	description: string;
	/** Absolute image URLs, best first (the lead image, else the social card). */
	images: string[];
	publisher: Publisher;
}

/** One `NewsArticle` for an article page. */
export function newsArticleLd({
	article,
	sectionName,
	description,
	images,
	publisher,
}: NewsArticleInput): JsonLd {
	const url = absolute(article.url, publisher.url);
	return {
		'@context': CONTEXT,
		'@type': 'NewsArticle',
		headline: article.title,
		description,
		url,
		mainEntityOfPage: { '@type': 'WebPage', '@id': url },
		datePublished: article.date.toISOString(),
		dateModified: article.modified.toISOString(),
		author: article.authors.map((author) => ({
			'@type': 'Person',
			name: author.name,
			url: absolute(`${publisher.authorsPath ?? '/author/'}${author.slug}/`, publisher.url),
		})),
		publisher: organization(publisher),
		image: images,
		articleSection: sectionName,
		...(article.tags.length ? { keywords: article.tags.map((tag) => tag.name) } : {}),
		inLanguage: publisher.language,
	};
}

export interface Crumb {
	name: string;
	/** Site-relative path. */
	path: string;
}

/** A `BreadcrumbList` from the front page down to the current page. */
export function breadcrumbLd(crumbs: readonly Crumb[], site: string): JsonLd {
	return {
		'@context': CONTEXT,
		'@type': 'BreadcrumbList',
		itemListElement: crumbs.map((crumb, index) => ({
			'@type': 'ListItem',
			position: index + 1,
			name: crumb.name,
			item: absolute(crumb.path, site),
		})),
	};
}

/**
 * The front page's `WebSite`, with a `SearchAction` on the site search (`/search/?q=…`). No
 * `query-input`: it is not a schema.org property (Google's retired sitelinks search box read it).
 */
export function websiteLd(publisher: Publisher, description: string): JsonLd {
	return {
		'@context': CONTEXT,
		'@type': 'WebSite',
		name: publisher.name,
		description,
		url: absolute('/', publisher.url),
		inLanguage: publisher.language,
		publisher: organization(publisher),
		potentialAction: {
			'@type': 'SearchAction',
			target: {
				'@type': 'EntryPoint',
				urlTemplate: `${absolute(publisher.searchPath ?? '/search/', publisher.url)}?q={search_term_string}`,
			},
		},
	};
}
