/** Related articles: those sharing tags, countries or the section, in linear time. */
import type { Article } from './articles.ts';

/** How much one shared facet counts: a shared tag says more than a shared section. */
const WEIGHT = { tag: 3, country: 2, section: 1 } as const;

/**
 * For each article, the `count` articles that share the most with it (ties: nearest in time),
 * shown newest first. Only the `window` nearest neighbours in each facet's timeline are
 * considered, which keeps this linear in the number of articles: a section of 10,000 stories
 * would otherwise make it quadratic, and news relevance fades with distance in time anyway.
 */
export function relatedArticles(articles: readonly Article[], count: number, window = 24): Map<string, Article[]> {
	// Facet timelines in the order given (newest first), with each article's position in them.
	const timelines = new Map<string, Article[]>();
	const position = new Map<string, number>();
	const facetsOf = (a: Article): [string, number][] => [
		...a.tags.map((t): [string, number] => [`tag:${t.slug}`, WEIGHT.tag]),
		...a.countries.map((c): [string, number] => [`country:${c}`, WEIGHT.country]),
		[`section:${a.section}`, WEIGHT.section],
	];
	for (const article of articles) {
		for (const [facet] of facetsOf(article)) {
			const line = timelines.get(facet) ?? [];
			position.set(`${facet}|${article.slug}`, line.length);
			line.push(article);
			timelines.set(facet, line);
		}
	}

	const result = new Map<string, Article[]>();
	for (const article of articles) {
		const scores = new Map<Article, number>();
		for (const [facet, weight] of facetsOf(article)) {
			const line = timelines.get(facet) as Article[];
			const at = position.get(`${facet}|${article.slug}`) as number;
			for (let i = Math.max(0, at - window); i <= Math.min(line.length - 1, at + window); i++) {
				const other = line[i] as Article;
				if (other !== article) scores.set(other, (scores.get(other) ?? 0) + weight);
			}
		}
		const distance = (other: Article) => Math.abs(other.date.getTime() - article.date.getTime());
		const picked = [...scores.entries()]
			.sort(([a, sa], [b, sb]) => sb - sa || distance(a) - distance(b) || (a.slug < b.slug ? -1 : 1))
			.slice(0, count)
			.map(([other]) => other)
			.sort((a, b) => b.date.getTime() - a.date.getTime() || (a.slug < b.slug ? -1 : 1));
		result.set(article.slug, picked);
	}
	return result;
}
