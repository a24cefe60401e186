/**
 * What each kind of page puts in its `<head>` besides title and description: social card, OpenGraph
 * facts, JSON-LD and feed links. The pure builders in `src/lib/` given the one site config.
 */
import path from 'node:path';
import { cardPath } from './cards.ts';
import { cacheDir, IMAGES, SITE, type SectionSlug } from '../config.ts';
import { DEFAULT_LANG, langPrefix, t, type Lang } from '../i18n/ui.ts';
import type { Article } from '../lib/articles.ts';
import { clip } from '../lib/excerpt.ts';
import { processImage } from './imagePipeline.ts';
import {
	breadcrumbLd,
	newsArticleLd,
	websiteLd,
	type Crumb,
	type JsonLd,
	type Publisher,
} from '../lib/jsonLd.ts';
import { listingHeading } from '../lib/listingText.ts';
import type { ListingPage } from '../lib/listings.ts';
import { CARD_HEIGHT, CARD_WIDTH } from '../lib/socialCard.ts';
import type { ArticleFacts, SocialImage } from '../lib/socialMeta.ts';

export interface FeedLink {
	title: string;
	/** Site-relative path. */
	href: string;
	type: 'application/rss+xml' | 'application/atom+xml';
}

export interface PageHead {
	image?: SocialImage;
	article?: ArticleFacts;
	feeds?: FeedLink[];
	jsonLd?: JsonLd[];
}

const absolute = (path: string) => new URL(path, SITE.url).href;

/** The feeds every page of an edition announces. */
export function siteFeeds(lang: Lang = DEFAULT_LANG): FeedLink[] {
	const edition = lang === DEFAULT_LANG ? '' : ` — ${t(lang).languageName}`;
	return [
		{
			title: `${SITE.name}${edition} (RSS)`,
			href: `${langPrefix(lang)}/rss.xml`,
			type: 'application/rss+xml',
		},
		{
			title: `${SITE.name}${edition} (Atom)`,
			href: `${langPrefix(lang)}/atom.xml`,
			type: 'application/atom+xml',
		},
	];
}

/** A section's own RSS feed. */
export function sectionFeed(section: SectionSlug, lang: Lang = DEFAULT_LANG): FeedLink {
	return {
		title: `${SITE.name}: ${t(lang).sections[section]} (RSS)`,
		href: `${langPrefix(lang)}/section/${section}/rss.xml`,
		type: 'application/rss+xml',
	};
}

/** The publisher as an edition presents it (its language and search page). */
export function publisher(lang: Lang = DEFAULT_LANG): Publisher {
	return {
		name: SITE.name,
		url: SITE.url,
		logo: absolute(SITE.logo),
		language: t(lang).locale,
		searchPath: `${langPrefix(lang)}/search/`,
		authorsPath: `${langPrefix(lang)}/author/`,
	};
}

export const PUBLISHER: Publisher = publisher();

/** The card pages without their own card share. */
export const SITE_CARD: SocialImage = {
	url: absolute(cardPath()),
	width: CARD_WIDTH,
	height: CARD_HEIGHT,
	alt: `${SITE.name}: ${SITE.tagline}`,
};

/** Meta description of a story: its standfirst, else the start of its text. */
export function articleDescription(article: Pick<Article, 'summary' | 'excerpt'>): string {
	return article.summary ?? clip(article.excerpt, 160);
}

/**
 * Site path of the largest JPEG/PNG file of an image at `widths`, as a `<picture>` with those
 * widths makes it (the same call, so no extra encoding); the build links every `/_images/` file a
 * page names.
 */
async function largestFallback(
	image: NonNullable<Article['image']>,
	widths: readonly number[],
): Promise<string | undefined> {
	const set = await processImage(image.file, widths, path.join(cacheDir(), 'caravan-images'));
	const fallback = set.formats.at(-1)?.files ?? [];
	const largest = fallback.reduce<(typeof fallback)[number] | undefined>(
		(best, file) => (best && best.width >= file.width ? best : file),
		undefined,
	);
	return largest && `${IMAGES.urlPrefix}${largest.name}`;
}

/** The lead image's largest JPEG/PNG file, as the article shows it, as an absolute URL. */
async function leadImageUrl(image: NonNullable<Article['image']>): Promise<string | undefined> {
	const file = await largestFallback(image, IMAGES.widths);
	return file && absolute(file);
}

/**
 * The image a search result shows beside its headline: the listing thumbnail's largest JPEG/PNG
 * (made for the listings already). Without it Pagefind takes the article's `<img>`, the 800-pixel
 * lead image, ~30 KB for a 6rem thumbnail.
 */
export async function searchThumbnailPath(
	article: Pick<Article, 'image'>,
): Promise<string | undefined> {
	return article.image && largestFallback(article.image, IMAGES.thumbnailWidths);
}

/** An article page: its card, `article:*` facts and one `NewsArticle` (images: the lead image, then the card). */
export async function articleHead(article: Article): Promise<PageHead> {
	const image: SocialImage = {
		url: absolute(cardPath(article)),
		width: CARD_WIDTH,
		height: CARD_HEIGHT,
		// A photo card shows the lead image: describe it; a branded card shows the headline.
		alt: (!article.image?.decorative && article.image?.alt.trim()) || article.title,
	};
	const lead = article.image && (await leadImageUrl(article.image));
	return {
		image,
		article: {
			publishedTime: article.date,
			modifiedTime: article.modified,
			section: t(article.lang).sections[article.section],
			tags: article.tags.map((tag) => tag.name),
			authorUrls: article.authors.map((author) =>
				absolute(`${langPrefix(article.lang)}/author/${author.slug}/`),
			),
		},
		jsonLd: [
			newsArticleLd({
				article,
				sectionName: t(article.lang).sections[article.section],
				description: articleDescription(article),
				images: lead ? [lead, image.url] : [image.url],
				publisher: publisher(article.lang),
			}),
		],
	};
}

/** A page below the front page: a `BreadcrumbList` from the front page through `crumbs`. */
export function breadcrumbHead(crumbs: readonly Crumb[], lang: Lang = DEFAULT_LANG): PageHead {
	return {
		jsonLd: [
			breadcrumbLd([{ name: SITE.name, path: `${langPrefix(lang)}/` }, ...crumbs], SITE.url),
		],
	};
}

/** A listing page: the front page is the `WebSite`; the others are a breadcrumb (and a feed for sections). */
export function listingHead({ listing, page }: ListingPage, lang: Lang = DEFAULT_LANG): PageHead {
	const ui = t(lang);
	if (listing.kind === 'home' && page.number === undefined)
		return { jsonLd: [websiteLd(publisher(lang), ui.description)] };
	const crumbs: Crumb[] =
		listing.kind === 'home'
			? []
			: [{ name: listingHeading(listing, lang), path: listing.basePath }];
	if (page.number !== undefined) crumbs.push({ name: ui.page(page.number), path: page.url });
	return {
		...breadcrumbHead(crumbs, lang),
		feeds: listing.kind === 'section' ? [sectionFeed(listing.key as SectionSlug, lang)] : undefined,
	};
}
