/**
 * Every interface string, one dictionary per language. `Dictionary` is the English shape; the
 * Russian one must satisfy it, so a missing key fails `astro check`.
 */
import type { CountrySlug, SectionSlug } from '../config.ts';
import { plural, type PluralForms } from './format.ts';

const en = {
	locale: 'en-GB',
	ogLocale: 'en_GB',
	decimalSeparator: '.',
	languageName: 'English',
	tagline: 'News from Central Asia',
	description:
		'Independent reporting on Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan.',
	skipToContent: 'Skip to content',
	latest: 'Latest',
	latestNews: 'latest news',
	sectionsNav: 'Sections',
	allSections: 'All sections',
	countriesNav: 'Countries',
	more: 'More',
	search: 'Search',
	siteSearch: 'Site search',
	searchFromHere: 'Search from this page',
	searchArticles: 'Search articles',
	pages: 'Pages',
	page: (n: number) => `Page ${n}`,
	newer: 'Newer',
	older: 'Older',
	/** A listing's page links: its root (the newest stories) and page 1 (the oldest). */
	latestPage: 'Latest',
	oldestPage: 'Oldest',
	/** A listing root's results line. */
	resultsLine: (first: number, last: number, total: number) =>
		`Viewing results ${first} - ${last} of ${total}`,
	/** An archive page's results line: its number and its stories' days ("3–9 March 2025"). */
	archiveLine: (page: number, days: string) => `Page ${page} · ${days}`,
	/** An archive page's description; `what` is the listing and the site, or the site alone. */
	archiveDescription: (what: string, days: string, page: number) =>
		`${what}: stories published ${days}, page ${page}.`,
	noStories: 'No stories here yet.',
	storiesCount: (n: number) => `${n} ${n === 1 ? 'story' : 'stories'}`,
	storiesBy: (name: string) => `Stories by ${name}`,
	tagged: (name: string) => `Tagged: ${name}`,
	listingDescription: (heading: string, site: string) => `${heading}: the latest from ${site}.`,
	by: 'By',
	and: 'and',
	updated: 'Updated',
	readingTime: (minutes: number) => `${minutes} min read`,
	corrections: 'Corrections',
	tags: 'Tags',
	relatedStories: 'Related stories',
	/** The MDX `<Related>` link: its visible label and its landmark's name. */
	relatedLink: { label: 'Related:', landmark: 'Related story' },
	/** The MDX `<Embed>` poster's call to action, with the provider's name. */
	playVideo: (provider: string) => `Play video (${provider})`,
	draft: 'Draft: not published',
	embargoedUntil: 'Embargoed until',
	tickerTitle: (date: string) => `Currency rates on ${date}`,
	pauseTicker: 'Pause ticker',
	editionStrip: "Today's edition: date and currency rates",
	notFoundTitle: 'Page not found',
	notFoundText:
		'The page you asked for does not exist, or it has moved. Try a search, or start from the latest stories.',
	notFoundDescription: 'This page does not exist or has moved.',
	goHome: 'Go to the front page',
	browseSections: 'Browse all sections',
	latestStories: 'Latest stories',
	readInOther: 'Читать по-русски',
	searchPage: {
		title: 'Search',
		description: (site: string) => `Search every story published on ${site}.`,
		landmark: 'Search the archive',
		label: 'Search all stories',
		noscript: 'Search runs in your browser and needs JavaScript. Without it, browse the',
		noscriptSections: 'sections',
		noscriptOr: 'or the',
		noscriptLatest: 'latest stories',
		refine: 'Filter and order',
		order: 'Order',
		bestMatch: 'Best match',
		newestFirst: 'Newest first',
		legends: { section: 'Section', country: 'Country', author: 'Author', tag: 'Tag' },
		showAll: 'Show all',
		clearFilters: 'Clear filters',
		results: 'Results',
		showMore: 'Show more results',
	},
	/** Texts the search page's script writes; `{n}` and `{q}` are filled in. */
	searchScript: {
		unavailable: 'Search is not available right now.',
		devHint:
			'The search index is made by "npm run build". Run it once; this dev server then serves the last built index from dist/pagefind/.',
		loadFailed: 'The search index could not be loaded. Please try again later.',
		searchFailed: 'Something went wrong while searching. Please try again.',
		showFewer: 'Show fewer',
		showAllN: 'Show all {n}',
		typeHint: 'Type a word or a phrase, or choose a section, country, author or tag.',
		noResults: 'No results for {q}.',
		noMatches: 'No stories match these filters.',
		tryFewerFiltered: 'Try fewer or different words, or clear the filters.',
		tryFewer: 'Check the spelling, or try fewer or different words.',
		/** Plural forms (CLDR categories; `other` is the fallback) with `{n}`. */
		found: { one: '{n} result', other: '{n} results' } as PluralForms,
		foundFor: '{found} for {q}.',
		foundForFiltered: '{found} for {q} with the chosen filters.',
		storiesMatch: {
			one: '{n} story matches the chosen filters.',
			other: '{n} stories match the chosen filters.',
		} as PluralForms,
		/** Announced after "Show more results"; `{shown}` is how many are listed now, `{n}` of how many. */
		shownOf: {
			one: 'Showing {shown} of {n} result.',
			other: 'Showing {shown} of {n} results.',
		} as PluralForms,
		quote: '“{q}”',
		/** While the search goes on into older periods of the archive (src/lib/searchBundles.ts). */
		searchingOlder: 'Searching older stories…',
		/** After the status when older periods are still unsearched; `{date}` is the oldest day searched. */
		searchedBack: 'Stories since {date} searched so far.',
		searchOlder: 'Search older stories',
	},
	otherEditionHome: 'Русская версия',
	sections: {
		politics: 'Politics',
		economy: 'Economy',
		society: 'Society',
		tech: 'Tech',
		culture: 'Culture',
		energy: 'Energy',
		security: 'Security',
		opinion: 'Opinion',
	} satisfies Record<SectionSlug, string>,
	countries: {
		kazakhstan: 'Kazakhstan',
		kyrgyzstan: 'Kyrgyzstan',
		tajikistan: 'Tajikistan',
		turkmenistan: 'Turkmenistan',
		uzbekistan: 'Uzbekistan',
		afghanistan: 'Afghanistan',
		region: 'Region-wide',
	} satisfies Record<CountrySlug, string>,
};

export type Dictionary = typeof en;
/** What the search page's script is given (as JSON in a data attribute). */
export type SearchScriptStrings = Dictionary['searchScript'];

const ru: Dictionary = {
	locale: 'ru-RU',
	ogLocale: 'ru_RU',
	decimalSeparator: ',',
	languageName: 'Русский',
	tagline: 'Новости Центральной Азии',
	description:
		'Независимая журналистика о Казахстане, Кыргызстане, Таджикистане, Туркменистане и Узбекистане.',
	skipToContent: 'Перейти к содержанию',
	latest: 'Главное',
	latestNews: 'последние новости',
	sectionsNav: 'Рубрики',
	allSections: 'Все рубрики',
	countriesNav: 'Страны',
	more: 'Ещё',
	search: 'Поиск',
	siteSearch: 'Поиск по сайту',
	searchFromHere: 'Поиск с этой страницы',
	searchArticles: 'Поиск по статьям',
	pages: 'Страницы',
	page: (n) => `Страница ${n}`,
	newer: 'Более новые',
	older: 'Более ранние',
	latestPage: 'Последние',
	oldestPage: 'Самые ранние',
	resultsLine: (first, last, total) => `Показаны результаты ${first} - ${last} из ${total}`,
	archiveLine: (page, days) => `Страница ${page} · ${days}`,
	archiveDescription: (what, days, page) => `${what}: материалы за ${days}, страница ${page}.`,
	noStories: 'Здесь пока нет материалов.',
	storiesCount: (n) =>
		`${n} ${plural(n, 'ru', { one: 'материал', few: 'материала', many: 'материалов', other: 'материала' })}`,
	storiesBy: (name) => `Материалы автора: ${name}`,
	tagged: (name) => `Тег: ${name}`,
	listingDescription: (heading, site) => `${heading}: последние материалы ${site}.`,
	by: 'Автор:',
	and: 'и',
	updated: 'Обновлено',
	readingTime: (minutes) =>
		`${minutes} ${plural(minutes, 'ru', { one: 'минута', few: 'минуты', many: 'минут', other: 'минуты' })} чтения`,
	corrections: 'Исправления',
	tags: 'Теги',
	relatedStories: 'Читайте также',
	relatedLink: { label: 'Читайте также:', landmark: 'Связанный материал' },
	playVideo: (provider) => `Смотреть видео (${provider})`,
	draft: 'Черновик: не опубликован',
	embargoedUntil: 'Под эмбарго до',
	tickerTitle: (date) => `Курсы валют на ${date}`,
	pauseTicker: 'Остановить ленту',
	editionStrip: 'Сегодняшний выпуск: дата и курсы валют',
	notFoundTitle: 'Страница не найдена',
	notFoundText:
		'Такой страницы нет или она переехала. Воспользуйтесь поиском или начните с последних материалов.',
	notFoundDescription: 'Такой страницы нет или она переехала.',
	goHome: 'На главную',
	browseSections: 'Все рубрики',
	latestStories: 'Последние материалы',
	readInOther: 'Read in English',
	searchPage: {
		title: 'Поиск',
		description: (site) => `Поиск по всем материалам ${site}.`,
		landmark: 'Поиск по архиву',
		label: 'Искать во всех материалах',
		noscript: 'Поиск работает в браузере и требует JavaScript. Без него смотрите',
		noscriptSections: 'рубрики',
		noscriptOr: 'или',
		noscriptLatest: 'последние материалы',
		refine: 'Фильтры и порядок',
		order: 'Порядок',
		bestMatch: 'По релевантности',
		newestFirst: 'Сначала новые',
		legends: { section: 'Рубрика', country: 'Страна', author: 'Автор', tag: 'Тег' },
		showAll: 'Показать все',
		clearFilters: 'Сбросить фильтры',
		results: 'Результаты',
		showMore: 'Показать ещё',
	},
	searchScript: {
		unavailable: 'Поиск сейчас недоступен.',
		devHint:
			'Поисковый индекс создаёт "npm run build". Запустите его один раз; сервер разработки будет отдавать последний индекс из dist/pagefind/.',
		loadFailed: 'Не удалось загрузить поисковый индекс. Попробуйте позже.',
		searchFailed: 'При поиске что-то пошло не так. Попробуйте ещё раз.',
		showFewer: 'Свернуть',
		showAllN: 'Показать все ({n})',
		typeHint: 'Введите слово или фразу либо выберите рубрику, страну, автора или тег.',
		noResults: 'По запросу {q} ничего не найдено.',
		noMatches: 'Нет материалов с такими фильтрами.',
		tryFewerFiltered: 'Попробуйте другие или меньше слов либо сбросьте фильтры.',
		tryFewer: 'Проверьте написание или попробуйте другие слова.',
		found: {
			one: '{n} результат',
			few: '{n} результата',
			many: '{n} результатов',
			other: '{n} результата',
		},
		foundFor: '{found} по запросу {q}.',
		foundForFiltered: '{found} по запросу {q} с выбранными фильтрами.',
		storiesMatch: {
			one: 'Выбранным фильтрам соответствует {n} материал.',
			few: 'Выбранным фильтрам соответствуют {n} материала.',
			many: 'Выбранным фильтрам соответствуют {n} материалов.',
			other: 'Выбранным фильтрам соответствуют {n} материала.',
		},
		shownOf: {
			one: 'Показано {shown} из {n} результата.',
			other: 'Показано {shown} из {n} результатов.',
		},
		quote: '«{q}»',
		searchingOlder: 'Ищем в более старых материалах…',
		searchedBack: 'Пока просмотрены материалы с {date}.',
		searchOlder: 'Искать в более старых материалах',
	},
	otherEditionHome: 'English edition',
	sections: {
		politics: 'Политика',
		economy: 'Экономика',
		society: 'Общество',
		tech: 'Технологии',
		culture: 'Культура',
		energy: 'Энергетика',
		security: 'Безопасность',
		opinion: 'Мнения',
	},
	countries: {
		kazakhstan: 'Казахстан',
		kyrgyzstan: 'Кыргызстан',
		tajikistan: 'Таджикистан',
		turkmenistan: 'Туркменистан',
		uzbekistan: 'Узбекистан',
		afghanistan: 'Афганистан',
		region: 'Весь регион',
	},
};

export const DICTIONARIES = { en, ru } as const;
export type Lang = keyof typeof DICTIONARIES;
export const LANGS = Object.keys(DICTIONARIES) as Lang[];
export const DEFAULT_LANG: Lang = 'en';

/** The interface strings of `lang`. */
export function t(lang: Lang): Dictionary {
	return DICTIONARIES[lang];
}

/** The `[...lang]` route parameter of an edition: none for English, `ru` for Russian. */
export function langParam(lang: Lang): string | undefined {
	return lang === DEFAULT_LANG ? undefined : lang;
}

/** The edition a site-relative path belongs to: `ru` under /ru/, else English. */
export function langOfPath(pathname: string): Lang {
	return (
		LANGS.find(
			(lang) =>
				lang !== DEFAULT_LANG && (pathname === `/${lang}` || pathname.startsWith(`/${lang}/`)),
		) ?? DEFAULT_LANG
	);
}

/** Site-relative path prefix of an edition: '' for English, '/ru' for Russian. */
export function langPrefix(lang: Lang): string {
	return lang === DEFAULT_LANG ? '' : `/${lang}`;
}
