import { describe, expect, it } from 'vitest';
import { COUNTRIES, SECTIONS, SITE } from '../../src/config.ts';
import { t } from '../../src/i18n/ui.ts';
import { compareNewestFirst, type Article } from '../../src/lib/articles.ts';
import {
	listingHeading,
	listingPageText,
	listingTitle,
	pageDateRange,
} from '../../src/lib/listingText.ts';
import {
	buildListings,
	groupBy,
	listingPages,
	sectionSummaries,
	type Listing,
} from '../../src/lib/listings.ts';
import { decDay, makeArticle } from './fixtures.ts';

const NAMES = t('en');

const articles: Article[] = [
	makeArticle('budget', {
		date: decDay(10),
		section: 'economy',
		countries: ['kazakhstan'],
		author: ['Aigerim Sadykova'],
		tags: ['Budget', 'Oil'],
	}),
	makeArticle('rogun', {
		date: decDay(12),
		section: 'energy',
		countries: ['tajikistan', 'afghanistan'],
		author: ['Farrukh Nazarov'],
		tags: ['Water'],
	}),
	makeArticle('tenge', {
		date: decDay(11),
		section: 'economy',
		countries: ['kazakhstan'],
		author: ['Aigerim Sadykova', 'Daniyar Ospanov'],
		tags: ['budget'],
	}),
	makeArticle('comment', {
		date: decDay(9),
		section: 'opinion',
		countries: ['region'],
		author: ['Daniyar Ospanov'],
	}),
].sort(compareNewestFirst);

const listings = buildListings(articles, NAMES);
const find = (kind: Listing['kind'], key: string) =>
	listings.find((l) => l.kind === kind && l.key === key);
const slugsOf = (listing: Listing | undefined) => listing?.articles.map((a) => a.slug);

describe('buildListings', () => {
	it('starts with the front page listing everything, newest first', () => {
		expect(listings[0]).toMatchObject({ kind: 'home', key: '', name: 'Latest', basePath: '/' });
		expect(slugsOf(listings[0])).toEqual(['rogun', 'tenge', 'budget', 'comment']);
	});

	it('has a listing for every configured section, in navigation order, even when empty', () => {
		const sections = listings.filter((l) => l.kind === 'section');
		expect(sections.map((l) => l.key)).toEqual([
			'politics',
			'economy',
			'society',
			'tech',
			'culture',
			'energy',
			'security',
			'opinion',
		]);
		expect(sections.map((l) => l.name)).toEqual(SECTIONS.map((slug) => NAMES.sections[slug]));
		expect(find('section', 'economy')?.basePath).toBe('/section/economy/');
		expect(slugsOf(find('section', 'economy'))).toEqual(['tenge', 'budget']);
		expect(slugsOf(find('section', 'politics'))).toEqual([]);
	});

	it('has a listing for every configured country, even when empty', () => {
		const countries = listings.filter((l) => l.kind === 'country');
		expect(countries.map((l) => l.key)).toEqual([...COUNTRIES]);
		expect(find('country', 'region')).toMatchObject({
			name: 'Region-wide',
			basePath: '/country/region/',
		});
		expect(slugsOf(find('country', 'kazakhstan'))).toEqual(['tenge', 'budget']);
		expect(slugsOf(find('country', 'afghanistan'))).toEqual(['rogun']);
		expect(slugsOf(find('country', 'turkmenistan'))).toEqual([]);
	});

	it('has author listings only for authors with articles, sorted by slug', () => {
		const authors = listings.filter((l) => l.kind === 'author');
		expect(authors.map((l) => l.key)).toEqual([
			'aigerim-sadykova',
			'daniyar-ospanov',
			'farrukh-nazarov',
		]);
		expect(find('author', 'daniyar-ospanov')).toMatchObject({
			name: 'Daniyar Ospanov',
			basePath: '/author/daniyar-ospanov/',
		});
		expect(slugsOf(find('author', 'aigerim-sadykova'))).toEqual(['tenge', 'budget']);
		expect(slugsOf(find('author', 'daniyar-ospanov'))).toEqual(['tenge', 'comment']);
	});

	it('has tag listings only for used tags, grouping spellings with the same slug', () => {
		const tags = listings.filter((l) => l.kind === 'tag');
		expect(tags.map((l) => l.key)).toEqual(['budget', 'oil', 'water']);
		expect(find('tag', 'budget')?.basePath).toBe('/tag/budget/');
		expect(slugsOf(find('tag', 'budget'))).toEqual(['tenge', 'budget']);
		// The name is the spelling of the newest article using it.
		expect(find('tag', 'budget')?.name).toBe('budget');
	});

	it('keeps the newest-first order inside every listing', () => {
		for (const listing of listings) {
			const times = listing.articles.map((a) => a.date.getTime());
			expect(times).toEqual([...times].sort((a, b) => b - a));
		}
	});

	it('lists everything in the given order: kinds in home, section, country, author, tag order', () => {
		const kinds = listings.map((l) => l.kind);
		expect(kinds.indexOf('section')).toBeGreaterThan(kinds.lastIndexOf('home'));
		expect(kinds.indexOf('country')).toBeGreaterThan(kinds.lastIndexOf('section'));
		expect(kinds.indexOf('author')).toBeGreaterThan(kinds.lastIndexOf('country'));
		expect(kinds.indexOf('tag')).toBeGreaterThan(kinds.lastIndexOf('author'));
		expect(listings).toHaveLength(1 + 8 + 7 + 3 + 3);
	});

	it('builds only navigation listings when there are no articles', () => {
		const empty = buildListings([], NAMES);
		expect(empty.map((l) => l.kind).filter((k) => k === 'author' || k === 'tag')).toEqual([]);
		expect(empty).toHaveLength(1 + 8 + 7);
		expect(empty.every((l) => l.articles.length === 0)).toBe(true);
	});

	it('does not share the caller’s array as the front page list', () => {
		const list = [...articles];
		const built = buildListings(list, NAMES);
		list.pop();
		expect(built[0]?.articles).toHaveLength(4);
	});
});

describe('groupBy', () => {
	it('groups by facet slug, keeping the first name and the input order', () => {
		const groups = groupBy(articles, (a) => a.tags);
		expect([...groups.keys()]).toEqual(['water', 'budget', 'oil']);
		expect(groups.get('budget')?.name).toBe('budget');
		expect(groups.get('budget')?.articles.map((a) => a.slug)).toEqual(['tenge', 'budget']);
	});
});

describe('listingPages', () => {
	it('paginates every listing 6 to a page under its base path, numbered from the oldest', () => {
		const many = Array.from({ length: 14 }, (_, i) =>
			makeArticle(`story-${String(i + 1).padStart(2, '0')}`, {
				date: decDay(i + 1),
				section: 'tech',
				tags: ['ai'],
			}),
		).sort(compareNewestFirst);
		const pages = listingPages(buildListings(many, NAMES), SITE.pageSize);
		const tech = pages.filter((p) => p.listing.kind === 'section' && p.listing.key === 'tech');
		// 14 stories: the oldest 6 are page 1 for good; the root shows the newest 8.
		expect(tech.map((p) => p.page.url)).toEqual(['/section/tech/', '/section/tech/page/1/']);
		expect(tech.map((p) => p.page.items.length)).toEqual([8, 6]);
		expect(tech[0]?.page.items[0]?.slug).toBe('story-14');
		expect(tech[1]?.page.items.map((a) => a.slug)).toEqual(
			[6, 5, 4, 3, 2, 1].map((n) => `story-0${n}`),
		);
		expect(pages.filter((p) => p.listing.kind === 'home').map((p) => p.page.url)).toEqual([
			'/',
			'/page/1/',
		]);
		expect(pages.filter((p) => p.listing.kind === 'tag').map((p) => p.page.url)).toEqual([
			'/tag/ai/',
			'/tag/ai/page/1/',
		]);
	});

	it('gives empty listings one page', () => {
		const pages = listingPages(buildListings([], NAMES), SITE.pageSize);
		expect(pages).toHaveLength(1 + 8 + 7);
		expect(
			pages.every(
				(p) => p.page.number === undefined && p.page.items.length === 0 && p.page.total === 0,
			),
		).toBe(true);
	});

	it('gives every page a unique URL', () => {
		const urls = listingPages(listings, SITE.pageSize).map((p) => p.page.url);
		expect(new Set(urls).size).toBe(urls.length);
	});
});

describe('listing headings and titles', () => {
	it('names what is listed', () => {
		expect(listingHeading({ kind: 'section', name: 'Politics' })).toBe('Politics');
		expect(listingHeading({ kind: 'country', name: 'Kazakhstan' })).toBe('Kazakhstan');
		expect(listingHeading({ kind: 'author', name: 'Aigerim Sadykova' })).toBe(
			'Stories by Aigerim Sadykova',
		);
		expect(listingHeading({ kind: 'tag', name: 'budget' })).toBe('Tagged: budget');
		expect(listingHeading({ kind: 'home', name: 'Latest' })).toBe('Latest');
	});

	it("adds an archive page's number and leaves the front page's root untitled", () => {
		expect(listingTitle({ kind: 'home', name: 'Latest' }, undefined)).toBeUndefined();
		expect(listingTitle({ kind: 'home', name: 'Latest' }, 1)).toBe('Page 1');
		expect(listingTitle({ kind: 'section', name: 'Politics' }, undefined)).toBe('Politics');
		expect(listingTitle({ kind: 'section', name: 'Politics' }, 81, 'ru')).toBe(
			'Politics, Страница 81',
		);
		expect(listingTitle({ kind: 'tag', name: 'budget' }, 3)).toBe('Tagged: budget, Page 3');
	});
});

describe('pageDateRange', () => {
	const on = (...days: number[]) => days.map((day) => ({ date: decDay(day) }));

	it("spans an archive page's stories, newest first, from the oldest day to the newest", () => {
		expect(pageDateRange(on(9, 5, 3), 'en', 'Asia/Almaty')).toBe('3 – 9 December 2025');
		expect(pageDateRange(on(9, 5, 3), 'ru', 'Asia/Almaty')).toBe('3–9 декабря 2025');
		expect(pageDateRange(on(4, 4), 'en', 'Asia/Almaty')).toBe('4 December 2025');
		expect(pageDateRange([], 'en', 'Asia/Almaty')).toBe('');
	});

	it('counts days in the site time zone', () => {
		// 22:00 in Almaty on the 9th is the 10th in Tokyo.
		expect(pageDateRange([{ date: decDay(9, 22) }], 'en', 'Asia/Almaty')).toBe('9 December 2025');
		expect(pageDateRange([{ date: decDay(9, 22) }], 'en', 'Asia/Tokyo')).toBe('10 December 2025');
	});
});

describe('listingPageText', () => {
	/** A listing's root with all its stories, and an archive page with the given stories. */
	const rootOf = (listing: Listing) => ({
		items: listing.articles,
		total: listing.articles.length,
	});
	const archivePage = (number: number, items: Article[]) => ({ number, items });

	it("heads the front page with the site's name for screen readers, leads with a story on its root only", () => {
		const home = find('home', '')!;
		expect(listingPageText(home, rootOf(home), 'en', 'Caravan', 'Asia/Almaty')).toEqual({
			heading: 'Caravan: latest news',
			headingHidden: true,
			title: undefined,
			description: NAMES.description,
			results: 'Viewing results 1 - 4 of 4',
			currentSection: '',
			layout: 'front',
		});
		expect(
			listingPageText(home, archivePage(2, home.articles), 'en', 'Caravan', 'Asia/Almaty'),
		).toEqual({
			heading: 'Caravan: latest news',
			headingHidden: true,
			title: 'Page 2',
			description: 'Caravan: stories published 9 – 12 December 2025, page 2.',
			results: 'Page 2 · 9 – 12 December 2025',
			currentSection: '',
			layout: 'list',
		});
	});

	it('marks a section as current in the navigation and describes it', () => {
		const economy = find('section', 'economy')!;
		expect(listingPageText(economy, rootOf(economy), 'en', 'Caravan')).toEqual({
			heading: 'Economy',
			headingHidden: false,
			title: 'Economy',
			description: 'Economy: the latest from Caravan.',
			results: 'Viewing results 1 - 2 of 2',
			currentSection: 'economy',
			layout: 'list',
		});
	});

	it('says on an archive page which page it is and when its stories appeared, never how many there are', () => {
		const economy = find('section', 'economy')!;
		const text = listingPageText(economy, archivePage(81, economy.articles), 'en', 'Caravan');
		expect(text).toMatchObject({
			title: 'Economy, Page 81',
			description: 'Economy, Caravan: stories published 10 – 11 December 2025, page 81.',
			results: 'Page 81 · 10 – 11 December 2025',
		});
	});

	it('marks no section on author, tag and country pages', () => {
		const author = find('author', 'aigerim-sadykova')!;
		expect(listingPageText(author, archivePage(2, author.articles), 'en', 'Caravan')).toMatchObject(
			{
				heading: 'Stories by Aigerim Sadykova',
				title: 'Stories by Aigerim Sadykova, Page 2',
				currentSection: undefined,
			},
		);
		const kazakhstan = find('country', 'kazakhstan')!;
		expect(
			listingPageText(kazakhstan, rootOf(kazakhstan), 'en', 'Caravan').currentSection,
		).toBeUndefined();
	});

	it("speaks the edition's language", () => {
		const ru = t('ru');
		const home = { kind: 'home', key: '', name: ru.latest } as const;
		const text = listingPageText(home, { items: [], total: 0 }, 'ru', 'Caravan');
		expect(text.heading).toBe(`Caravan: ${ru.latestNews}`);
		expect(text.description).toBe(ru.description);
		expect(text.results).toBe('Показаны результаты 0 - 0 из 0');
		const economy = find('section', 'economy')!;
		expect(
			listingPageText(
				{ ...economy, name: ru.sections.economy },
				archivePage(3, economy.articles),
				'ru',
				'Караван',
				'Asia/Almaty',
			),
		).toMatchObject({
			title: 'Экономика, Страница 3',
			description: 'Экономика, Караван: материалы за 10–11 декабря 2025, страница 3.',
			results: 'Страница 3 · 10–11 декабря 2025',
		});
	});
});

describe('sectionSummaries', () => {
	it('lists every section in navigation order with its total and newest stories', () => {
		const summaries = sectionSummaries(listings, 1);
		expect(summaries.map((summary) => summary.basePath)).toEqual(
			SECTIONS.map((slug) => `/section/${slug}/`),
		);
		const economy = summaries.find((summary) => summary.basePath === '/section/economy/');
		expect(economy).toMatchObject({ name: 'Economy', total: 2 });
		expect(economy?.latest.map((article) => article.slug)).toEqual(['tenge']);
	});

	it('keeps empty sections, with nothing to show', () => {
		expect(
			sectionSummaries(listings, 3).find((summary) => summary.basePath === '/section/politics/'),
		).toEqual({
			name: NAMES.sections.politics,
			basePath: '/section/politics/',
			total: 0,
			latest: [],
		});
	});
});
