/**
 * The one site configuration: every site-wide setting lives here.
 * Server-side only (it reads the environment); never import it from a client script.
 */
import path from 'node:path';

const env = process.env;

/** Sections, in navigation order (their names, per language, are in src/i18n/ui.ts). */
export const SECTIONS = [
	'politics',
	'economy',
	'society',
	'tech',
	'culture',
	'energy',
	'security',
	'opinion',
] as const;

/** Countries an article can be filed under (names in src/i18n/ui.ts). */
export const COUNTRIES = [
	'kazakhstan',
	'kyrgyzstan',
	'tajikistan',
	'turkmenistan',
	'uzbekistan',
	'afghanistan',
	'region',
] as const;

export type SectionSlug = (typeof SECTIONS)[number];
export type CountrySlug = (typeof COUNTRIES)[number];

export const SITE = {
	name: 'Caravan',
	tagline: 'News from Central Asia',
	description:
		'Independent reporting on Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan.',
	/** Absolute origin used for canonical links, feeds and sitemaps. */
	url: (env.SITE_URL ?? 'https://caravan.example').replace(/\/+$/, ''),
	/** IANA time zone for the edition date and for date-only front-matter. */
	timeZone: env.SITE_TIME_ZONE ?? 'Asia/Almaty',
	/** BCP 47 locale of the English edition. */
	locale: 'en-GB',
	lang: 'en',
	/** Articles per listing page. */
	pageSize: 6,
	/** Words in a listing excerpt. */
	excerptWords: 500,
	/** Related articles shown under a story. */
	relatedCount: 3,
	/** Reading speed for the "N min read" estimate. */
	wordsPerMinute: 220,
	/** Publisher logo for structured data: a 512×512 PNG in `public/`. */
	logo: '/logo.png',
} as const;

export const TICKER = {
	base: 'USD',
	/** Currencies shown, in display order. */
	currencies: ['KGS', 'KZT', 'TJS', 'TMT', 'UZS'],
	/** Rates API for `npm run ticker`; must answer `{ rates: { CODE: number } }` for the base. */
	apiUrl: env.TICKER_API_URL ?? 'https://open.er-api.com/v6/latest/USD',
} as const;

/** How images are resized and where listings and articles show them (see `src/site/imagePipeline.ts`). */
export const IMAGES = {
	/** Widths made of article and body images; never wider than the original. */
	widths: [400, 800, 1200, 1600],
	/** Widths of listing thumbnails. */
	thumbnailWidths: [160, 320],
	/** Rendered width of an image in the article column (`sizes`). */
	articleSizes: '(min-width: 720px) 680px, 100vw',
	thumbnailSizes: '8rem',
	/** Site path the processed files are served under. */
	urlPrefix: '/_images/',
} as const;

/** A search bundle's span: calendar months (from January) or days (from 1970-01-01), in UTC. */
export type SearchPeriod = { months: number } | { days: number };

/**
 * The newest periods share one search bundle until it holds this many stories (a first search
 * that reached into a second bundle would cost ~25 KB and 3 requests more). At ~30 stories a
 * day: the month so far with, for its first ten days, the month before (300–1,200 stories).
 * `CARAVAN_SEARCH_RECENT_STORIES` overrides it (tests).
 */
export const SEARCH_RECENT_STORIES = Number(env.CARAVAN_SEARCH_RECENT_STORIES) || 300;

/**
 * One search-index bundle per edition and calendar month (src/lib/searchBundles.ts): a month's
 * bundle is the same however many stories come later, so builds reuse it, and the newest
 * month (and the one before, early in a month) is what a first search loads. At ~30 stories a
 * day a month is ~900 stories: a first search near 145 KB gzip, and ~0.6 GB for Pagefind while
 * it writes one (a quarter, ~2,700 stories, was over 150 KB and near 1.5 GB).
 * `CARAVAN_SEARCH_BUNDLE_DAYS` sets periods of that many days instead (tests: several bundles
 * from a few weeks of stories).
 */
export const SEARCH_BUNDLE_PERIOD: SearchPeriod =
	Number(env.CARAVAN_SEARCH_BUNDLE_DAYS) > 0
		? { days: Number(env.CARAVAN_SEARCH_BUNDLE_DAYS) }
		: { months: 1 };

/**
 * Astro's cache folder (processed images in its `caravan-images/`, social cards in its
 * `caravan-cards/`); `CARAVAN_CACHE_DIR` overrides it.
 */
export function cacheDir(): string {
	return path.resolve(env.CARAVAN_CACHE_DIR ?? 'node_modules/.astro');
}

/** The content folder (holding `articles/` and `ticker/`); `CONTENT_DIR` overrides it. */
export function contentDir(): string {
	return path.resolve(env.CONTENT_DIR ?? 'content');
}
