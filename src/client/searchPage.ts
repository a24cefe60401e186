/**
 * `<search-page>`: the search page's behaviour on Pagefind's JS API. The page's markup (form,
 * status line, filter groups, result template) is rendered by src/pages/search.astro; this
 * fills it in. State lives in the URL, so every search can be shared and Back steps through them.
 */
import { formatEditionDate, plural, type PluralForms } from '../i18n/format.ts';
import type { SearchScriptStrings } from '../i18n/ui.ts';
import {
	FILTER_GROUPS,
	excerptParts,
	isBlank,
	pagefindFilters,
	readSearchState,
	searchStateToQuery,
	type FilterGroup,
	type PagefindFilters,
	type SearchState,
} from '../lib/searchQuery.ts';
import { chunksForQuery, readChunkTable } from '../lib/searchChunks.ts';

/** The part of Pagefind's browser API this page uses (pagefind.js ships no types). */
interface PagefindEngine {
	createInstance(options: {
		basePath: string;
		excerptLength?: number;
		noWorker?: boolean;
		/** The index's entry file, given instead of fetched (Caravan's change to the engine, scripts/lib/searchIndex.ts). */
		caravanEntry?: unknown;
	}): PagefindIndex;
}
/** One bundle's index (one publication period of the edition). */
interface PagefindIndex {
	init(): Promise<void>;
	filters(): Promise<FilterCounts>;
	search(
		term: string | null,
		options?: { filters?: PagefindFilters; sort?: Record<string, 'asc' | 'desc'> },
	): Promise<PagefindSearch>;
}
type FilterCounts = Partial<Record<string, Record<string, number>>>;
interface PagefindSearch {
	results: { id: string; data(): Promise<PagefindResult> }[];
	filters: FilterCounts;
}
interface PagefindResult {
	url: string;
	excerpt: string;
	meta: Partial<Record<'title' | 'date' | 'section' | 'image' | 'image_alt', string>>;
}

/** Add `more`'s counts into `into`. */
function addCounts(into: FilterCounts, more: FilterCounts): FilterCounts {
	for (const [group, values] of Object.entries(more)) {
		const sums = (into[group] ??= {});
		for (const [value, count] of Object.entries(values ?? {}))
			sums[value] = (sums[value] ?? 0) + count;
	}
	return into;
}

/** Pagefind's engine, written by the post-build step; fetched at run time, never bundled. */
const PAGEFIND_URL = '/pagefind/pagefind.js';
/**
 * Results shown at first and per "Show more": each costs a fragment request (~2 KB), and five
 * fill a first screen; more come only when the reader asks.
 */
const PAGE_SIZE = 5;
/** Words in a result's excerpt (set on every merged index bundle too). */
const EXCERPT_WORDS = 30;
/** Options shown per filter group before "Show all". */
const OPTIONS_SHOWN = 8;
const TYPING_DELAY_MS = 250;

/** Fill `{n}`, `{q}`, `{found}` in a text from the page's dictionary. */
const fill = (template: string, values: Record<string, string | number>) =>
	template.replace(/\{(\w+)\}/g, (match, key: string) =>
		key in values ? String(values[key]) : match,
	);

/**
 * Pagefind splits every query into graphemes with `Intl.Segmenter`; the first segmenter a page
 * makes loads the browser's break rules (~10–15 ms of CPU in Chromium). Made here, while the
 * engine and its WebAssembly are still on the way, the first search does not wait for it.
 */
function warmSegmenter(locale: string): void {
	if (typeof Intl.Segmenter === 'function') new Intl.Segmenter(locale, { granularity: 'grapheme' });
}

function required<T extends Element>(root: ParentNode, selector: string): T {
	const element = root.querySelector<T>(selector);
	if (!element) throw new Error(`search page: ${selector} is missing`);
	return element;
}

/** Defined from a module script, which runs after parsing: the page's markup is all there. */
class SearchPage extends HTMLElement {
	#engine: PagefindEngine | undefined;
	/** Set once the engine and the newest bundle are loaded (or there is none). */
	#ready = false;
	/** The filter panel opened while a search ran: count once it is done. */
	#countWhenDone = false;
	/** Each bundle's index, created when first searched (its metadata loads then). */
	#indexes = new Map<string, Promise<PagefindIndex>>();
	/** Bundles whose filter data is loaded (when the filter panel is open). */
	#filterData = new Map<string, Promise<FilterCounts>>();
	#state = readSearchState(new URLSearchParams(location.search));
	/** The current search's results from the bundles searched so far, newest period first. */
	#results: PagefindSearch['results'] = [];
	/** How many bundles (newest first) the current search has searched. */
	#searched = 0;
	/** Filter counts over the bundles searched so far. */
	#counts: FilterCounts = {};
	/** Bumped by every search, so a slow answer to an older one is dropped. */
	#run = 0;
	#typingTimer: ReturnType<typeof setTimeout> | undefined;
	/** The current history entry was made by typing: further keystrokes replace it. */
	#typing = false;
	#expanded = new Set<FilterGroup>();
	#baseTitle = document.title;

	#form = required<HTMLFormElement>(this, 'form');
	#input = required<HTMLInputElement>(this, 'input[name="q"]');
	#panel = required<HTMLElement>(this, '[data-enhanced]');
	#status = required<HTMLElement>(this, '[data-status]');
	#hint = required<HTMLElement>(this, '[data-hint]');
	#clear = required<HTMLButtonElement>(this, '[data-clear-filters]');
	#list = required<HTMLOListElement>(this, '[data-results]');
	#refine = required<HTMLDetailsElement>(this, 'details[data-refine]');
	/** Set once the panel has been open: Pagefind counts a group's options only after its data loads. */
	#filtersWanted = false;
	#more = required<HTMLButtonElement>(this, '[data-more]');
	#shown = required<HTMLElement>(this, '[data-shown]');
	#resultTemplate = required<HTMLTemplateElement>(this, 'template[data-result]');
	#optionTemplate = required<HTMLTemplateElement>(this, 'template[data-option]');
	#dateFormat = {
		locale: this.dataset.locale ?? 'en-GB',
		timeZone: this.dataset.timeZone ?? 'UTC',
	};
	/** The edition's texts (src/i18n/ui.ts `searchScript`), given by the page. */
	#text = JSON.parse(this.dataset.strings ?? '{}') as SearchScriptStrings;
	/** The edition's index bundles, one per publication period, newest first (src/lib/searchBundles.ts). */
	#bundles = JSON.parse(this.dataset.bundles ?? '[]') as string[];
	/**
	 * The newest bundle's entry file, set by the search step (scripts/lib/searchIndex.ts): given to
	 * Pagefind, which then does not fetch it (one request fewer for a first search).
	 */
	#entry: unknown = this.dataset.entry ? JSON.parse(this.dataset.entry) : undefined;
	/** The newest bundle's index chunk table (from the search step), to preload what the first query needs. */
	#indexChunks = readChunkTable(this.dataset.indexChunks);
	#quoted = (query: string) => fill(this.#text.quote, { q: query });
	#plural = (count: number, forms: PluralForms) =>
		fill(plural(count, this.#dateFormat.locale, forms), { n: count });

	async connectedCallback(): Promise<void> {
		this.#panel.hidden = false;
		// Filters wait behind their summary unless some are already chosen: their data (every
		// group's page lists, ~11 KB gzip at 1,000 stories, growing with the archive) loads when opened.
		this.#refine.open = FILTER_GROUPS.some((group) => this.#state.filters[group].length > 0);
		this.#refine.addEventListener('toggle', () => {
			if (this.#refine.open) void this.#showFilterCounts();
		});
		this.#showState();
		this.#form.addEventListener('submit', (event) => {
			event.preventDefault();
			this.#commitQuery(false);
		});
		this.#input.addEventListener('input', () => {
			clearTimeout(this.#typingTimer);
			this.#typingTimer = setTimeout(() => this.#commitQuery(true), TYPING_DELAY_MS);
		});
		this.addEventListener('change', (event) => this.#onChoice(event));
		this.#more.addEventListener('click', () => void this.#showMore());
		this.#clear.addEventListener('click', () => {
			for (const group of FILTER_GROUPS) this.#state.filters[group] = [];
			this.#navigate(false);
			this.#input.focus();
		});
		window.addEventListener('popstate', () => {
			this.#state = readSearchState(new URLSearchParams(location.search));
			this.#typing = false;
			this.#showState();
			void this.#search();
		});

		try {
			// An edition without stories has no bundle: nothing to load, and every search finds nothing.
			if (this.#bundles[0]) {
				this.#preloadChunks(this.#bundles[0]);
				warmSegmenter(this.#dateFormat.locale);
				this.#engine = (await import(/* @vite-ignore */ PAGEFIND_URL)) as PagefindEngine;
				// The newest bundle: what a first search needs, loaded while nothing else is.
				await this.#index(this.#bundles[0]);
			}
			this.#ready = true;
			// Open already (chosen filters in the URL, or opened while the index loaded).
			this.#filtersWanted ||= this.#refine.open;
		} catch {
			this.#status.textContent = this.#text.unavailable;
			this.#hint.textContent = import.meta.env.DEV ? this.#text.devHint : this.#text.loadFailed;
			this.#hint.hidden = false;
			return;
		}
		await this.#search();
	}

	/**
	 * Start fetching the newest bundle's index chunks the URL's query needs now, beside the engine
	 * and its WebAssembly: Pagefind would ask for them only once both are loaded. A preload link,
	 * so Pagefind's own fetch of the same file takes the answer instead of fetching again.
	 */
	#preloadChunks(bundle: string): void {
		for (const hash of chunksForQuery(this.#state.query, this.#indexChunks)) {
			document.head.append(
				Object.assign(document.createElement('link'), {
					rel: 'preload',
					as: 'fetch',
					crossOrigin: 'anonymous',
					href: `${bundle}index/${hash}.pf_index`,
				}),
			);
		}
	}

	/** Put the state into the controls (on load and on Back/Forward). */
	#showState(): void {
		this.#input.value = this.#state.query;
		for (const radio of this.querySelectorAll<HTMLInputElement>('input[name="sort"]')) {
			radio.checked = radio.value === this.#state.sort;
		}
		this.#showTitle();
	}

	/** The words in the tab title, so history and bookmarks tell searches apart. */
	#showTitle(): void {
		document.title = this.#state.query
			? `${this.#quoted(this.#state.query)}: ${this.#baseTitle}`
			: this.#baseTitle;
	}

	#commitQuery(typing: boolean): void {
		clearTimeout(this.#typingTimer);
		const query = this.#input.value.trim();
		if (query === this.#state.query) return;
		this.#state.query = query;
		this.#navigate(typing);
	}

	#onChoice(event: Event): void {
		const input = event.target;
		if (!(input instanceof HTMLInputElement)) return;
		if (input.name === 'sort') {
			this.#state.sort = input.value === 'date' ? 'date' : 'relevance';
		} else {
			const group = FILTER_GROUPS.find((name) => name === input.name);
			if (!group) return;
			const chosen = new Set(this.#state.filters[group]);
			if (input.checked) chosen.add(input.value);
			else chosen.delete(input.value);
			this.#state.filters[group] = [...chosen].sort();
		}
		this.#navigate(false);
	}

	/** Record the state in the URL (one history entry per edit, not per keystroke) and search. */
	#navigate(typing: boolean): void {
		const url = `${location.pathname}${searchStateToQuery(this.#state)}`;
		if (typing && this.#typing) history.replaceState(null, '', url);
		else history.pushState(null, '', url);
		this.#typing = typing;
		// Not #showState: rewriting the box would eat a trailing space the reader is still typing after.
		this.#showTitle();
		void this.#search();
	}

	/** A bundle's index, loaded on first use. */
	#index(bundle: string): Promise<PagefindIndex> {
		const engine = this.#engine;
		if (!engine) return Promise.reject(new Error('search engine not loaded'));
		let index = this.#indexes.get(bundle);
		if (!index) {
			// On the main thread: pagefind.js carries the whole engine, so a worker would only fetch
			// the same code again (pagefind-worker.js, ~12 KB gzip) for searches that take milliseconds.
			const entry = bundle === this.#bundles[0] ? this.#entry : undefined;
			const created = engine.createInstance({
				basePath: bundle,
				excerptLength: EXCERPT_WORDS,
				noWorker: true,
				...(entry ? { caravanEntry: entry } : {}),
			});
			index = created.init().then(() => created);
			// Let a later search try again after a failed load.
			index.catch(() => this.#indexes.delete(bundle));
			this.#indexes.set(bundle, index);
		}
		return index;
	}

	async #search(): Promise<void> {
		if (!this.#ready) return;
		const run = ++this.#run;
		const state = structuredClone(this.#state);
		this.#list.setAttribute('aria-busy', 'true');
		this.#results = [];
		this.#searched = 0;
		this.#counts = {};

		let items: HTMLLIElement[] | undefined;
		try {
			if (isBlank(state)) {
				// Nothing to search: the filter panel counts the newest period's stories.
				if (this.#filtersWanted && this.#bundles[0])
					this.#counts = structuredClone(await this.#bundleFilters(this.#bundles[0]));
				items = run === this.#run ? [] : undefined;
			} else {
				if (!(await this.#searchUntil(PAGE_SIZE, run, state))) return;
				items = await this.#resultItems(this.#results, 0, run);
			}
		} catch (error) {
			if (run !== this.#run) return;
			this.#list.removeAttribute('aria-busy');
			this.#status.textContent = this.#text.unavailable;
			this.#hint.textContent = this.#text.searchFailed;
			this.#hint.hidden = false;
			throw error;
		}
		if (!items) return;

		this.#list.replaceChildren(...items);
		this.#shown.textContent = '';
		this.#showMoreButton();
		this.#list.removeAttribute('aria-busy');
		this.#showFilters(this.#counts, state);
		this.#announce(state, this.#results.length);
		if (this.#countWhenDone) void this.#showFilterCounts();
	}

	/**
	 * Search further bundles, newest first, until `wanted` results are found or the archive is
	 * searched; past the first bundle, say so. False when a newer search has begun meanwhile.
	 */
	async #searchUntil(wanted: number, run: number, state: SearchState): Promise<boolean> {
		const term = state.query || null;
		// Without words there is no relevance to rank by: list what the filters match, newest first.
		// Periods are searched newest first, so within each period is all the date order needs.
		const sort = state.sort === 'date' || !term ? { date: 'desc' as const } : undefined;
		while (this.#results.length < wanted && this.#searched < this.#bundles.length) {
			const bundle = this.#bundles[this.#searched] as string;
			if (this.#searched > 0) {
				this.#status.textContent = this.#text.searchingOlder;
				this.#hint.hidden = true;
			}
			const index = await this.#index(bundle);
			// Pagefind counts a group's options only once its filter data is loaded.
			if (this.#filtersWanted) await this.#bundleFilters(bundle);
			const main = await index.search(term, { filters: pagefindFilters(state.filters), sort });
			const counts = this.#filtersWanted
				? await this.#filterCounts(bundle, index, state, main)
				: {};
			if (run !== this.#run) return false;
			this.#results.push(...main.results);
			addCounts(this.#counts, counts);
			this.#searched++;
		}
		return true;
	}

	/** A bundle's filter data, loaded once (every group's page lists, growing with the period). */
	#bundleFilters(bundle: string): Promise<FilterCounts> {
		let loaded = this.#filterData.get(bundle);
		if (!loaded) {
			loaded = this.#index(bundle).then((index) => index.filters());
			loaded.catch(() => this.#filterData.delete(bundle));
			this.#filterData.set(bundle, loaded);
		}
		return loaded;
	}

	/** The panel was opened: load the filters of the bundles searched so far and show their counts. */
	async #showFilterCounts(): Promise<void> {
		this.#filtersWanted = true;
		// The index is still loading, or a search is under way: it counts the filters when done.
		if (!this.#ready || this.#list.getAttribute('aria-busy') === 'true') {
			this.#countWhenDone = true;
			return;
		}
		this.#countWhenDone = false;
		const run = this.#run;
		const state = structuredClone(this.#state);
		const counts: FilterCounts = {};
		if (isBlank(state)) {
			if (this.#bundles[0]) addCounts(counts, await this.#bundleFilters(this.#bundles[0]));
		} else {
			for (const bundle of this.#bundles.slice(0, this.#searched))
				addCounts(counts, await this.#filterCounts(bundle, await this.#index(bundle), state));
		}
		if (run !== this.#run) return;
		this.#counts = counts;
		this.#showFilters(counts, state);
	}

	/**
	 * One bundle's option counts for `state`. A chosen group counts its options as if it were not
	 * applied, so its other options stay offered.
	 */
	async #filterCounts(
		bundle: string,
		index: PagefindIndex,
		state: SearchState,
		main?: PagefindSearch,
	): Promise<FilterCounts> {
		await this.#bundleFilters(bundle);
		const term = state.query || null;
		const [all, ...perGroup] = await Promise.all([
			main ?? index.search(term, { filters: pagefindFilters(state.filters) }),
			...FILTER_GROUPS.map((group) =>
				state.filters[group].length
					? index.search(term, { filters: pagefindFilters(state.filters, group) })
					: undefined,
			),
		]);
		return Object.fromEntries(
			FILTER_GROUPS.map((group, i) => [group, (perGroup[i] ?? all).filters[group]]),
		);
	}

	/** "Show more results" while found results are unshown; "Search older stories" once only older periods are left. */
	#showMoreButton(): void {
		const unshown = this.#results.length > this.#list.children.length;
		const older = this.#searched < this.#bundles.length && !isBlank(this.#state);
		this.#more.hidden = !unshown && !older;
		this.#more.textContent = unshown ? this.#moreLabel : this.#text.searchOlder;
	}

	#moreLabel = this.#more.textContent ?? '';

	/**
	 * Fetch and append the next page of results, move the keyboard to the first of them and say
	 * how many are now shown (the button may have just disappeared under the reader's focus).
	 */
	async #showMore(): Promise<void> {
		// One page at a time: a second click while the first is loading would fetch the same results.
		if (this.#list.getAttribute('aria-busy') === 'true') return;
		const run = this.#run;
		const state = structuredClone(this.#state);
		this.#list.setAttribute('aria-busy', 'true');
		let items: HTMLLIElement[] | undefined;
		try {
			const start = this.#list.children.length;
			// Older periods are searched only now, as the reader asks for more.
			if (!(await this.#searchUntil(start + PAGE_SIZE, run, state))) return;
			items = await this.#resultItems(this.#results, start, run);
		} finally {
			// A newer search owns the list (and its busy state) by now.
			if (run === this.#run) this.#list.removeAttribute('aria-busy');
		}
		if (!items) return;
		this.#list.append(...items);
		const shown = this.#list.children.length;
		this.#showMoreButton();
		this.#showFilters(this.#counts, state);
		this.#announce(state, this.#results.length);
		if (items[0]) {
			items[0].querySelector('a')?.focus();
			this.#shown.textContent = fill(this.#plural(this.#results.length, this.#text.shownOf), {
				shown,
			});
		} else {
			// The older periods held nothing more: the button is gone, so keep the keyboard in the results.
			this.#more.hidden = true;
			this.#input.focus();
		}
	}

	/** One page of results from `start`, or nothing when a newer search has begun meanwhile. */
	async #resultItems(
		results: PagefindSearch['results'],
		start: number,
		run: number,
	): Promise<HTMLLIElement[] | undefined> {
		const data = await Promise.all(
			results.slice(start, start + PAGE_SIZE).map((result) => result.data()),
		);
		return run === this.#run ? data.map((result) => this.#resultItem(result)) : undefined;
	}

	#resultItem(result: PagefindResult): HTMLLIElement {
		const item = (this.#resultTemplate.content.cloneNode(true) as DocumentFragment)
			.firstElementChild as HTMLLIElement;
		const link = required<HTMLAnchorElement>(item, '[data-title]');
		link.href = result.url;
		link.textContent = result.meta.title ?? result.url;

		required<HTMLElement>(item, '[data-section]').textContent = result.meta.section ?? '';
		const date = new Date(result.meta.date ?? '');
		if (!Number.isNaN(date.getTime())) {
			const time = Object.assign(document.createElement('time'), {
				dateTime: result.meta.date,
				textContent: formatEditionDate(date, this.#dateFormat.locale, this.#dateFormat.timeZone),
			});
			required<HTMLElement>(item, '[data-meta]').prepend(time, ' · ');
		}

		const excerpt = required<HTMLElement>(item, '[data-excerpt]');
		for (const part of excerptParts(result.excerpt)) {
			if (part.marked)
				excerpt.append(Object.assign(document.createElement('mark'), { textContent: part.text }));
			else excerpt.append(part.text);
		}

		if (result.meta.image) {
			// Decorative beside the linked headline, which already names the story.
			const image = Object.assign(document.createElement('img'), {
				src: result.meta.image,
				alt: '',
				loading: 'lazy',
			});
			image.className = 'thumb';
			item.firstElementChild?.prepend(image);
		}
		return item;
	}

	/** Each group's options that have results (or are chosen), most results first. */
	#showFilters(counts: FilterCounts, state: SearchState): void {
		const focused =
			document.activeElement instanceof HTMLInputElement ? document.activeElement : undefined;
		let refocus: HTMLInputElement | undefined;
		for (const group of FILTER_GROUPS) {
			const fieldset = required<HTMLFieldSetElement>(this, `[data-filter-group="${group}"]`);
			const list = required<HTMLUListElement>(fieldset, 'ul');
			const toggle = required<HTMLButtonElement>(fieldset, '[data-show-all]');
			const chosen = new Set(state.filters[group]);
			const groupCounts = counts[group] ?? {};
			const options = [...new Set([...Object.keys(groupCounts), ...chosen])]
				.map((value) => ({ value, count: groupCounts[value] ?? 0 }))
				.filter((option) => option.count > 0 || chosen.has(option.value))
				.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
			const shown = this.#expanded.has(group)
				? options
				: options.filter((option, i) => i < OPTIONS_SHOWN || chosen.has(option.value));

			list.replaceChildren(
				...shown.map(({ value, count }) => {
					const item = (this.#optionTemplate.content.cloneNode(true) as DocumentFragment)
						.firstElementChild as HTMLLIElement;
					const checkbox = required<HTMLInputElement>(item, 'input');
					checkbox.name = group;
					checkbox.value = value;
					checkbox.checked = chosen.has(value);
					required<HTMLElement>(item, '[data-value]').textContent = value;
					required<HTMLElement>(item, '[data-count]').textContent = `(${count})`;
					if (focused?.name === group && focused.value === value) refocus = checkbox;
					return item;
				}),
			);
			fieldset.hidden = options.length === 0;
			toggle.hidden = shown.length === options.length && !this.#expanded.has(group);
			toggle.setAttribute('aria-expanded', String(this.#expanded.has(group)));
			toggle.textContent = this.#expanded.has(group)
				? this.#text.showFewer
				: fill(this.#text.showAllN, { n: options.length });
			toggle.onclick = () => {
				if (this.#expanded.has(group)) this.#expanded.delete(group);
				else this.#expanded.add(group);
				this.#showFilters(counts, state);
				toggle.focus();
			};
		}
		// The lists were rebuilt: keep keyboard focus on the option just used.
		refocus?.focus();
	}

	#announce(state: SearchState, total: number): void {
		const filtered = FILTER_GROUPS.some((group) => state.filters[group].length > 0);
		this.#clear.hidden = !filtered;
		this.#hint.hidden = total > 0 && !isBlank(state);
		if (isBlank(state)) {
			this.#status.textContent = '';
			this.#hint.textContent = this.#text.typeHint;
		} else if (total === 0) {
			this.#status.textContent = state.query
				? fill(this.#text.noResults, { q: this.#quoted(state.query) })
				: this.#text.noMatches;
			this.#hint.textContent = filtered ? this.#text.tryFewerFiltered : this.#text.tryFewer;
		} else {
			const found = this.#plural(total, this.#text.found);
			this.#status.textContent = state.query
				? fill(filtered ? this.#text.foundForFiltered : this.#text.foundFor, {
						found,
						q: this.#quoted(state.query),
					})
				: this.#plural(total, this.#text.storiesMatch);
			// Older periods are not searched yet: say how far back these results go.
			const oldest = this.#bundles[this.#searched - 1];
			const since =
				oldest && this.#searched < this.#bundles.length
					? /\/(\d{4}-\d{2}-\d{2})\/$/.exec(oldest)?.[1]
					: undefined;
			if (since)
				this.#status.textContent += ` ${fill(this.#text.searchedBack, { date: formatEditionDate(new Date(`${since}T00:00:00Z`), this.#dateFormat.locale, 'UTC') })}`;
		}
	}
}

customElements.define('search-page', SearchPage);
