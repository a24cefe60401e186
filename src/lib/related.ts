/** Related articles: those sharing tags, countries or the section, in linear time. */
import type { Article } from './articles.ts';

/** How much one shared facet counts: a shared tag says more than a shared section. */
const WEIGHT = { tag: 3, country: 2, section: 1 } as const;

/**
 * A function giving one article's `count` related articles: those that share the most with it
 * (ties: nearest in time), shown newest first. Only the `window` nearest neighbours in each
 * facet's timeline are considered, which keeps this linear in the number of articles: a section
 * of 10,000 stories would otherwise make it quadratic, and news relevance fades with distance in
 * time anyway. Preparing it is cheap; each call scores one article (the dev server asks only for
 * the pages it renders).
 */
export function relatedFinder(
	articles: readonly Article[],
	count: number,
	window = 24,
): (article: Article) => Article[] {
	// Each article's facets, worked out once.
	const facets = articles.map((a): [string, number][] => [
		...a.tags.map((t): [string, number] => [`tag:${t.slug}`, WEIGHT.tag]),
		...a.countries.map((c): [string, number] => [`country:${c}`, WEIGHT.country]),
		[`section:${a.section}`, WEIGHT.section],
	]);
	// Facet timelines in the order given (newest first), and each article's position in them.
	const timelines = new Map<string, Article[]>();
	const positions = articles.map((article, index) =>
		(facets[index] as [string, number][]).map(([facet]) => {
			let line = timelines.get(facet);
			if (!line) timelines.set(facet, (line = []));
			return line.push(article) - 1;
		}),
	);
	const indexOf = new Map(articles.map((article, index) => [article, index]));

	return (article) => {
		const index = indexOf.get(article);
		if (index === undefined) return [];
		const scores = new Map<Article, number>();
		(facets[index] as [string, number][]).forEach(([facet, weight], f) => {
			const line = timelines.get(facet) as Article[];
			const at = (positions[index] as number[])[f] as number;
			for (let i = Math.max(0, at - window); i <= Math.min(line.length - 1, at + window); i++) {
				const other = line[i] as Article;
				if (other !== article) scores.set(other, (scores.get(other) ?? 0) + weight);
			}
		});
		// The best `count` by score, then nearness in time, then slug: kept in order as we go,
		// rather than sorting every candidate (measured: 2-3x faster on a 10,000-story corpus).
		const time = article.date.getTime();
		const best: { other: Article; score: number; distance: number }[] = [];
		const before = (a: (typeof best)[number], b: (typeof best)[number]) =>
			a.score !== b.score
				? a.score > b.score
				: a.distance !== b.distance
					? a.distance < b.distance
					: a.other.slug < b.other.slug;
		for (const [other, score] of scores) {
			const candidate = { other, score, distance: Math.abs(other.date.getTime() - time) };
			if (best.length === count && !before(candidate, best[count - 1] as (typeof best)[number]))
				continue;
			let at = best.length;
			while (at > 0 && before(candidate, best[at - 1] as (typeof best)[number])) at--;
			best.splice(at, 0, candidate);
			if (best.length > count) best.pop();
		}
		return best
			.map(({ other }) => other)
			.sort((a, b) => b.date.getTime() - a.date.getTime() || (a.slug < b.slug ? -1 : 1));
	};
}

/** For each article (by slug), its related articles (see `relatedFinder`). */
export function relatedArticles(
	articles: readonly Article[],
	count: number,
	window = 24,
): Map<string, Article[]> {
	const find = relatedFinder(articles, count, window);
	return new Map(articles.map((article) => [article.slug, find(article)]));
}
