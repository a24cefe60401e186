/** The article model the pages render, and the publishing rules. */
import { SITE, type CountrySlug, type SectionSlug } from '../config.ts';
import type { ArticleData } from './schema.ts';
import { excerpt, plainText, words } from './excerpt.ts';
import { slugFromPath, slugify } from './slug.ts';
import { articleLang, entryId } from './translations.ts';
import { DEFAULT_LANG, LANGS, langPrefix, type Lang } from '../i18n/ui.ts';

export interface Named {
	name: string;
	slug: string;
}

export interface Correction {
	date: Date;
	text: string;
}

/** The lead image as written, plus the original file it names. */
export type ArticleImage = NonNullable<ArticleData['image']> & { file: string };

export interface Article {
	/** Collection id: the slug, prefixed by the edition for non-English ones (`ru/<slug>`). */
	id: string;
	slug: string;
	/** Edition the article belongs to. */
	lang: Lang;
	/** Slug of the original, for a translation. */
	translationOf?: string;
	/** Site-relative URL, `/articles/<slug>/` or `/ru/articles/<slug>/`. */
	url: string;
	title: string;
	date: Date;
	updated?: Date;
	/** Latest of `date`, `updated` and any correction: `dateModified`. */
	modified: Date;
	authors: Named[];
	section: SectionSlug;
	countries: CountrySlug[];
	tags: Named[];
	summary?: string;
	image?: ArticleImage;
	/** Newest first. */
	corrections: Correction[];
	draft: boolean;
	/** Dated after "now": held back until then. */
	embargoed: boolean;
	/** Plain-text excerpt (first N words, `...` when cut). */
	excerpt: string;
	wordCount: number;
	readingMinutes: number;
}

export interface ArticleSource {
	slug: string;
	/** Edition, already resolved from `lang` and the folder (see `articleLang`). */
	lang: Lang;
	data: ArticleData;
	/** Read only when the excerpt or word count is first asked for (a build reads it from disk then). */
	body: string;
	format: 'md' | 'mdx';
	/** The file the lead image's `src` names (see `resolveImageSrc`). */
	imageFile?: string;
}

export interface ArticleOptions {
	now: Date;
	excerptWords: number;
	wordsPerMinute: number;
}

const named = (name: string): Named => ({ name, slug: slugify(name) });

/**
 * Shape one validated entry into the page model. Pure: the same input gives the same article.
 * The figures taken from the body (excerpt, word count) are worked out when first read: the dev
 * server shapes thousands of stories and renders a page or two of them.
 */
export function toArticle(source: ArticleSource, options: ArticleOptions): Article {
	const { slug, lang, data, format, imageFile } = source;
	let fromBody: { excerpt: string; wordCount: number } | undefined;
	const bodyFigures = () => {
		if (!fromBody) {
			const text = plainText(source.body, format);
			fromBody = {
				excerpt: excerpt(text, options.excerptWords).text,
				wordCount: words(text).length,
			};
		}
		return fromBody;
	};
	const corrections = [...data.corrections].sort((a, b) => b.date.getTime() - a.date.getTime());
	const modified = new Date(
		Math.max(
			data.date.getTime(),
			data.updated?.getTime() ?? 0,
			...corrections.map((c) => c.date.getTime()),
		),
	);
	return {
		id: entryId(lang, slug, DEFAULT_LANG),
		slug,
		lang,
		translationOf: data.translationOf,
		url: `${langPrefix(lang)}/articles/${slug}/`,
		title: data.title,
		date: data.date,
		updated: data.updated,
		modified,
		authors: data.author.map(named),
		section: data.section,
		countries: data.countries,
		tags: data.tags.map(named),
		summary: data.summary || undefined,
		image: data.image && imageFile ? { ...data.image, file: imageFile } : undefined,
		corrections,
		draft: data.draft,
		embargoed: data.date.getTime() > options.now.getTime(),
		get excerpt() {
			return bodyFigures().excerpt;
		},
		get wordCount() {
			return bodyFigures().wordCount;
		},
		get readingMinutes() {
			return Math.max(1, Math.round(bodyFigures().wordCount / options.wordsPerMinute));
		},
	};
}

/**
 * A story's edition and slug from its path inside `articles/` (`ru/x.md`, `x/index.md`) and the
 * `lang` its front-matter declares: what the collection's ids and the commands' reader both use.
 */
export function articleIdentity(
	relativePath: string,
	declaredLang: string | undefined,
): { lang: Lang; slug: string } {
	// A `lang` the schema refuses has already failed validation; the folder then decides.
	const declared = LANGS.includes(declaredLang as Lang) ? declaredLang : undefined;
	return {
		lang: articleLang(relativePath, declared, LANGS, DEFAULT_LANG).lang as Lang,
		slug: slugFromPath(relativePath),
	};
}

/** A validated article file, as any reader has it. */
export interface ArticleFileSource extends Omit<ArticleSource, 'format'> {
	/** The file's name or path: a `.mdx` file is MDX. */
	file: string;
}

/**
 * THE way a validated file becomes an article, as of `now`, with the site's settings (excerpt
 * length, reading speed): the build's content loader and the commands' reader both call it, so
 * they decide URLs, dates and publishing alike.
 */
export function articleFromFile(source: ArticleFileSource, now: Date): Article {
	const { slug, lang, data, imageFile, file } = source;
	return toArticle(
		{
			slug,
			lang,
			data,
			imageFile,
			format: file.endsWith('.mdx') ? 'mdx' : 'md',
			// Not copied: the body is read when first needed (see ArticleSource).
			get body() {
				return source.body;
			},
		},
		{ now, excerptWords: SITE.excerptWords, wordsPerMinute: SITE.wordsPerMinute },
	);
}

/** Published = not a draft and not dated after "now". */
export function isPublished(article: Pick<Article, 'draft' | 'embargoed'>): boolean {
	return !article.draft && !article.embargoed;
}

/** Newest first by date; the slug breaks ties so order never depends on file-system order. */
export function compareNewestFirst(
	a: Pick<Article, 'date' | 'slug'>,
	b: Pick<Article, 'date' | 'slug'>,
): number {
	return b.date.getTime() - a.date.getTime() || a.slug.localeCompare(b.slug, 'en');
}
