/**
 * The search page's state and its URL: `/search/?q=words&section=Politics&tag=oil&sort=date`.
 * Shared by the page (server) and its script (browser): keep it free of Node and of `config.ts`.
 */

/** Filter groups, in display order; each is a `data-pagefind-filter` name on article pages. */
export const FILTER_GROUPS = ['section', 'country', 'author', 'tag'] as const;
export type FilterGroup = (typeof FILTER_GROUPS)[number];

export type SortOrder = 'relevance' | 'date';

export interface SearchState {
	query: string;
	/** Chosen values per group: a result must match one of them in every group that has any. */
	filters: Record<FilterGroup, string[]>;
	sort: SortOrder;
}

/** Pagefind's filter argument: any of the chosen values within a group, every group at once. */
export type PagefindFilters = Partial<Record<FilterGroup, { any: string[] }>>;

/** The state a query string describes; unknown or repeated parameters are ignored. */
export function readSearchState(params: URLSearchParams): SearchState {
	const filters = {} as Record<FilterGroup, string[]>;
	for (const group of FILTER_GROUPS) {
		filters[group] = [
			...new Set(
				params
					.getAll(group)
					.map((value) => value.trim())
					.filter(Boolean),
			),
		].sort();
	}
	return {
		query: (params.get('q') ?? '').trim(),
		filters,
		sort: params.get('sort') === 'date' ? 'date' : 'relevance',
	};
}

/** The query string for a state (`?…`, or empty for a blank search), in a stable order. */
export function searchStateToQuery(state: SearchState): string {
	const params = new URLSearchParams();
	if (state.query) params.set('q', state.query);
	for (const group of FILTER_GROUPS)
		for (const value of [...state.filters[group]].sort()) params.append(group, value);
	if (state.sort === 'date') params.set('sort', 'date');
	const query = params.toString();
	return query ? `?${query}` : '';
}

/** True when the state asks for nothing: no words and no filters. */
export function isBlank(state: SearchState): boolean {
	return !state.query && FILTER_GROUPS.every((group) => state.filters[group].length === 0);
}

/** Pagefind filters for a state, optionally leaving one group out (to count that group's options). */
export function pagefindFilters(
	filters: SearchState['filters'],
	except?: FilterGroup,
): PagefindFilters {
	const result: PagefindFilters = {};
	for (const group of FILTER_GROUPS) {
		if (group !== except && filters[group].length > 0) result[group] = { any: filters[group] };
	}
	return result;
}

export interface ExcerptPart {
	text: string;
	/** A matched word, shown in `<mark>`. */
	marked: boolean;
}

/**
 * Split Pagefind's excerpt into plain-text runs so the page can build it from text nodes and
 * never assign HTML. Pagefind escapes only `<` and `>` in the page text, then wraps matches in
 * `<mark>…</mark>`; this undoes exactly that.
 */
export function excerptParts(excerpt: string): ExcerptPart[] {
	const parts: ExcerptPart[] = [];
	let marked = false;
	for (const piece of excerpt.split(/(<\/?mark>)/)) {
		if (piece === '<mark>' || piece === '</mark>') {
			marked = piece === '<mark>';
			continue;
		}
		const text = piece.replace(/&lt;/g, '<').replace(/&gt;/g, '>');
		if (!text) continue;
		const last = parts.at(-1);
		if (last && last.marked === marked) last.text += text;
		else parts.push({ text, marked });
	}
	return parts;
}
