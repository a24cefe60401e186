/** Every listing of the site (front page, section, country, author, tag), each paginated. */
import type { Article } from './articles.ts';
import { paginate, type Page } from './pagination.ts';

export type ListingKind = 'home' | 'section' | 'country' | 'author' | 'tag';

export interface Listing {
	kind: ListingKind;
	/** Slug of the section, country, author or tag; empty for the front page. */
	key: string;
	/** Display name of what is listed ("Politics", "Aigerim Sadykova"). */
	name: string;
	basePath: string;
	articles: Article[];
}

// A type, not an interface: Astro's page props must be assignable to an index signature.
export type ListingPage = {
	listing: Listing;
	page: Page<Article>;
};

/** Group articles (already sorted newest first) by a facet, keeping that order inside each group. */
export function groupBy(
	articles: readonly Article[],
	facets: (article: Article) => readonly { slug: string; name: string }[],
): Map<string, { name: string; articles: Article[] }> {
	const groups = new Map<string, { name: string; articles: Article[] }>();
	for (const article of articles) {
		for (const { slug, name } of facets(article)) {
			const group = groups.get(slug) ?? { name, articles: [] };
			group.articles.push(article);
			groups.set(slug, group);
		}
	}
	return groups;
}

export interface ListingNames {
	sections: Record<string, string>;
	countries: Record<string, string>;
}

/**
 * All listings for sorted, published `articles`. Every configured section and country gets a
 * listing even when empty, so navigation links never break; authors and tags exist only when used.
 */
export function buildListings(
	articles: readonly Article[],
	names: ListingNames,
	prefix = '',
	homeName = 'Latest',
): Listing[] {
	const listings: Listing[] = [
		{ kind: 'home', key: '', name: homeName, basePath: `${prefix}/`, articles: [...articles] },
	];
	const bySection = groupBy(articles, (a) => [
		{ slug: a.section, name: names.sections[a.section] ?? a.section },
	]);
	for (const [slug, name] of Object.entries(names.sections)) {
		listings.push({
			kind: 'section',
			key: slug,
			name,
			basePath: `${prefix}/section/${slug}/`,
			articles: bySection.get(slug)?.articles ?? [],
		});
	}
	const byCountry = groupBy(articles, (a) =>
		a.countries.map((c) => ({ slug: c, name: names.countries[c] ?? c })),
	);
	for (const [slug, name] of Object.entries(names.countries)) {
		listings.push({
			kind: 'country',
			key: slug,
			name,
			basePath: `${prefix}/country/${slug}/`,
			articles: byCountry.get(slug)?.articles ?? [],
		});
	}
	const sortedGroups = (groups: Map<string, { name: string; articles: Article[] }>) =>
		[...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	for (const [slug, group] of sortedGroups(groupBy(articles, (a) => a.authors))) {
		listings.push({
			kind: 'author',
			key: slug,
			name: group.name,
			basePath: `${prefix}/author/${slug}/`,
			articles: group.articles,
		});
	}
	for (const [slug, group] of sortedGroups(groupBy(articles, (a) => a.tags))) {
		listings.push({
			kind: 'tag',
			key: slug,
			name: group.name,
			basePath: `${prefix}/tag/${slug}/`,
			articles: group.articles,
		});
	}
	return listings;
}

/** Every page of every listing. */
export function listingPages(listings: readonly Listing[], pageSize: number): ListingPage[] {
	return listings.flatMap((listing) =>
		paginate(listing.articles, pageSize, listing.basePath).map((page) => ({ listing, page })),
	);
}

/** One line of the sections index: a section, how many stories it has, and its newest few. */
export interface SectionSummary {
	name: string;
	basePath: string;
	total: number;
	/** Newest first. */
	latest: Article[];
}

/** The sections index: every section listing, in navigation order, with its `latest` newest stories. */
export function sectionSummaries(listings: readonly Listing[], latest: number): SectionSummary[] {
	return listings
		.filter((listing) => listing.kind === 'section')
		.map(({ name, basePath, articles }) => ({
			name,
			basePath,
			total: articles.length,
			latest: articles.slice(0, latest),
		}));
}
