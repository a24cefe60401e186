/**
 * Every interface string, one dictionary per language. `Dictionary` is the English shape; the
 * Russian one must satisfy it, so a missing key fails `astro check`.
 */
import type { CountrySlug, SectionSlug } from '../config.ts';
import { plural } from './format.ts';

const en = {
	locale: 'en-GB',
	ogLocale: 'en_GB',
	decimalSeparator: '.',
	languageName: 'English',
	tagline: 'News from Central Asia',
	description: 'Independent reporting on Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan.',
	skipToContent: 'Skip to content',
	latest: 'Latest',
	latestNews: 'latest news',
	sectionsNav: 'Sections',
	allSections: 'All sections',
	countriesNav: 'Countries',
	more: 'More',
	search: 'Search',
	searchArticles: 'Search articles',
	pages: 'Pages',
	page: (n: number) => `Page ${n}`,
	newer: 'Newer',
	older: 'Older',
	resultsLine: (first: number, last: number, total: number) => `Viewing results ${first} - ${last} of ${total}`,
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
	draft: 'Draft: not published',
	embargoedUntil: 'Embargoed until',
	tickerTitle: (date: string) => `Currency rates on ${date}`,
	pauseTicker: 'Pause ticker',
	notFoundTitle: 'Page not found',
	notFoundText: 'The page you asked for does not exist, or it has moved. Try a search, or start from the latest stories.',
	notFoundDescription: 'This page does not exist or has moved.',
	goHome: 'Go to the front page',
	browseSections: 'Browse all sections',
	latestStories: 'Latest stories',
	readInOther: 'Читать по-русски',
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

const ru: Dictionary = {
	locale: 'ru-RU',
	ogLocale: 'ru_RU',
	decimalSeparator: ',',
	languageName: 'Русский',
	tagline: 'Новости Центральной Азии',
	description: 'Независимая журналистика о Казахстане, Кыргызстане, Таджикистане, Туркменистане и Узбекистане.',
	skipToContent: 'Перейти к содержанию',
	latest: 'Главное',
	latestNews: 'последние новости',
	sectionsNav: 'Рубрики',
	allSections: 'Все рубрики',
	countriesNav: 'Страны',
	more: 'Ещё',
	search: 'Поиск',
	searchArticles: 'Поиск по статьям',
	pages: 'Страницы',
	page: (n) => `Страница ${n}`,
	newer: 'Новее',
	older: 'Старше',
	resultsLine: (first, last, total) => `Показаны результаты ${first} - ${last} из ${total}`,
	noStories: 'Здесь пока нет материалов.',
	storiesCount: (n) => `${n} ${plural(n, 'ru', { one: 'материал', few: 'материала', many: 'материалов', other: 'материала' })}`,
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
	draft: 'Черновик: не опубликован',
	embargoedUntil: 'Под эмбарго до',
	tickerTitle: (date) => `Курсы валют на ${date}`,
	pauseTicker: 'Остановить ленту',
	notFoundTitle: 'Страница не найдена',
	notFoundText: 'Такой страницы нет или она переехала. Воспользуйтесь поиском или начните с последних материалов.',
	notFoundDescription: 'Такой страницы нет или она переехала.',
	goHome: 'На главную',
	browseSections: 'Все рубрики',
	latestStories: 'Последние материалы',
	readInOther: 'Read in English',
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

/** Site-relative path prefix of an edition: '' for English, '/ru' for Russian. */
export function langPrefix(lang: Lang): string {
	return lang === DEFAULT_LANG ? '' : `/${lang}`;
}
