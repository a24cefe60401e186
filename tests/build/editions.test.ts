/** The Russian edition beside the English one: pages, links both ways, feeds, sitemaps, metadata. */
import { existsSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../scripts/check.ts';
import { parse, text, texts } from '../helpers/html.ts';
import { builtSite, readDist, tempDir } from '../../scripts/lib/fixtureSites.ts';

const SITE = 'https://caravan.example';
const EN = 'articles/budget-vote/index.html';
const RU = 'ru/articles/parlament-prinyal-byudzhet/index.html';
let dist: string;
const page = async (file: string) => parse(await readDist(dist, file));
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });

beforeAll(async () => {
	dist = await builtSite('editions');
});

describe('the Russian edition', () => {
	it('has every page kind under /ru/, in Russian', async () => {
		for (const file of [
			'ru/index.html',
			RU,
			'ru/section/index.html',
			'ru/section/economy/index.html',
			'ru/country/kazakhstan/index.html',
			'ru/author/aygerim-sadykova/index.html',
			'ru/tag/byudzhet/index.html',
			'ru/search/index.html',
			'ru/404.html',
		]) {
			const doc = await page(file);
			expect(doc.documentElement.getAttribute('lang'), file).toBe('ru');
		}
		const home = await page('ru/index.html');
		expect(home.querySelector('iframe.edition-frame')?.getAttribute('src')).toBe('/ru/edition/');
		const strip = await page('ru/edition/index.html');
		expect(strip.documentElement.getAttribute('lang')).toBe('ru');
		expect(text(strip.querySelector('.edition time'))).toBe('17 декабря 2025');
		expect(text(home.querySelector('.results'))).toBe('Показаны результаты 1 - 2 из 2');
		expect(texts(home, '.article-list .headline')).toEqual([
			'Парламент принял бюджет на 2026 год',
			'Қазақ тілі на вывесках Алматы',
		]);
		expect(texts(home, 'nav.sections a').slice(0, 3)).toEqual(['Главное', 'Политика', 'Экономика']);
		expect(texts(strip, '.ticker .items:not([aria-hidden]) .item')[1]).toBe(
			'KZT/USD = 0,00194 -0,63%',
		);
	});

	it('keeps the English edition English and its URLs unchanged', async () => {
		const home = await page('index.html');
		expect(home.documentElement.getAttribute('lang')).toBe('en');
		expect(text(home.querySelector('.results'))).toBe('Viewing results 1 - 2 of 2');
		expect(texts(home, '.article-list .headline')).toEqual([
			'Parliament passes the 2026 budget',
			'Water talks resume in Tashkent',
		]);
		expect(existsSync(path.join(dist, EN))).toBe(true);
		expect(
			texts(await page('edition/index.html'), '.ticker .items:not([aria-hidden]) .item')[1],
		).toBe('KZT/USD = 0.00194 -0.63%');
	});

	it('writes the byline, reading time and dates in Russian', async () => {
		const doc = await page(RU);
		expect(text(doc.querySelector('.byline'))).toBe(
			'Автор: Айгерим Садыкова · 16 декабря 2025 · 1 минута чтения',
		);
		expect(doc.querySelector('.byline a')?.getAttribute('href')).toBe(
			'/ru/author/aygerim-sadykova/',
		);
		expect(doc.querySelector('.kicker')?.getAttribute('href')).toBe('/ru/section/economy/');
		expect(text(doc.querySelector('.kicker'))).toBe('Экономика');
	});

	it('switches language to the translation when there is one, else to the other front page', async () => {
		expect((await page(EN)).querySelector('a.switch')?.getAttribute('href')).toBe(
			'/ru/articles/parlament-prinyal-byudzhet/',
		);
		expect((await page(RU)).querySelector('a.switch')?.getAttribute('href')).toBe(
			'/articles/budget-vote/',
		);
		expect(
			(await page('articles/water-talks/index.html'))
				.querySelector('a.switch')
				?.getAttribute('href'),
		).toBe('/ru/');
		expect(
			(await page('ru/articles/yazyk-i-gorod/index.html'))
				.querySelector('a.switch')
				?.getAttribute('href'),
		).toBe('/');
	});
});

describe('MDX components in a Russian story', () => {
	it('labels the <Embed> poster in Russian', async () => {
		const poster = (await page('ru/articles/yazyk-i-gorod/index.html')).querySelector(
			'.prose .embed-poster',
		);
		expect(text(poster?.querySelector('.embed-provider'))).toBe('Смотреть видео (Vimeo)');
	});

	it('<Related> links the Russian story it names and speaks Russian', async () => {
		const doc = await page('ru/articles/yazyk-i-gorod/index.html');
		const aside = doc.querySelector('.prose .related-link');
		expect(aside?.getAttribute('aria-label')).toBe('Связанный материал');
		expect(text(aside?.querySelector('.related-label'))).toBe('Читайте также:');
		const link = aside?.querySelector('a');
		expect([link?.getAttribute('href'), text(link)]).toEqual([
			'/ru/articles/parlament-prinyal-byudzhet/',
			'Парламент принял бюджет на 2026 год',
		]);
	});
});

describe('hreflang', () => {
	async function htmlFiles(): Promise<string[]> {
		return (await readdir(dist, { recursive: true })).filter((file) => file.endsWith('.html'));
	}
	const fileOf = (url: string) => {
		const pathname = new URL(url).pathname;
		return pathname.endsWith('/') ? `${pathname.slice(1)}index.html` : pathname.slice(1);
	};

	it('links every translated page both ways, with x-default on the English one', async () => {
		let linked = 0;
		for (const file of await htmlFiles()) {
			const doc = await page(file);
			const links = [...doc.querySelectorAll('link[rel="alternate"][hreflang]')];
			if (!links.length) continue;
			linked++;
			const self = `${SITE}/${file.replace(/index\.html$/, '')}`;
			const byLang = new Map(
				links.map((link) => [link.getAttribute('hreflang'), link.getAttribute('href') ?? '']),
			);
			expect(byLang.get(doc.documentElement.getAttribute('lang')), file).toBe(self);
			expect(byLang.get('x-default'), file).toBe(byLang.get('en'));
			for (const [lang, href] of byLang) {
				if (lang === 'x-default') continue;
				const other = await page(fileOf(href));
				const back = [...other.querySelectorAll('link[rel="alternate"][hreflang]')].map((link) =>
					link.getAttribute('href'),
				);
				expect(back, `${href} links back to ${self}`).toContain(self);
			}
		}
		// Articles with translations, front pages, sections, countries, the sections index and search, in both editions.
		expect(linked).toBeGreaterThanOrEqual(2 * (1 + 1 + 8 + 7 + 1 + 1));
		const untranslated = await page('articles/water-talks/index.html');
		expect(untranslated.querySelectorAll('link[hreflang]')).toHaveLength(0);
	});
});

describe('feeds and sitemaps per edition', () => {
	it('gives each edition its own RSS and Atom feed', async () => {
		const ruRss = xml.parse(await readDist(dist, 'ru/rss.xml')).rss.channel;
		expect(ruRss.language).toBe('ru-RU');
		expect([ruRss.item].flat().map((item: { title: string }) => item.title)).toEqual([
			'Парламент принял бюджет на 2026 год',
			'Қазақ тілі на вывесках Алматы',
		]);
		const enRss = xml.parse(await readDist(dist, 'rss.xml')).rss.channel;
		expect(enRss.language).toBe('en-GB');
		expect([enRss.item].flat().map((item: { title: string }) => item.title)).toEqual([
			'Parliament passes the 2026 budget',
			'Water talks resume in Tashkent',
		]);
		const ruAtom = xml.parse(await readDist(dist, 'ru/atom.xml')).feed;
		expect(ruAtom['xml:lang']).toBe('ru-RU');
		expect([ruAtom.entry].flat()).toHaveLength(2);
		expect(existsSync(path.join(dist, 'ru/section/economy/rss.xml'))).toBe(true);
		const ruPage = await page(RU);
		expect(ruPage.querySelector('link[type="application/rss+xml"]')?.getAttribute('href')).toBe(
			'/ru/rss.xml',
		);
	});

	it('lists both editions in the sitemap with xhtml:link alternates both ways', async () => {
		const sitemap = await readDist(dist, 'sitemap-0.xml');
		const urls = [xml.parse(sitemap).urlset.url].flat() as {
			loc: string;
			'xhtml:link'?: { hreflang: string; href: string } | { hreflang: string; href: string }[];
		}[];
		const alternates = (loc: string) =>
			[urls.find((url) => url.loc === loc)?.['xhtml:link'] ?? []]
				.flat()
				.map((link) => `${link.hreflang} ${link.href}`);
		const en = `${SITE}/articles/budget-vote/`;
		const ru = `${SITE}/ru/articles/parlament-prinyal-byudzhet/`;
		expect(alternates(en)).toEqual(expect.arrayContaining([`en ${en}`, `ru ${ru}`]));
		expect(alternates(ru)).toEqual(expect.arrayContaining([`en ${en}`, `ru ${ru}`]));
		expect(alternates(`${SITE}/ru/`)).toEqual(
			expect.arrayContaining([`en ${SITE}/`, `ru ${SITE}/ru/`]),
		);
		expect(urls.some((url) => url.loc.includes('/ru/search/') || url.loc.includes('404'))).toBe(
			false,
		);
	});

	it('lists exactly the published pages of both editions: no draft or embargoed story, nor their author and tag pages', async () => {
		const index = [
			xml.parse(await readDist(dist, 'sitemap-index.xml')).sitemapindex.sitemap,
		].flat() as { loc: string }[];
		expect(index.map((entry) => entry.loc)).toEqual([
			`${SITE}/news-sitemap.xml`,
			`${SITE}/sitemap-0.xml`,
		]);
		const listed = [xml.parse(await readDist(dist, 'sitemap-0.xml')).urlset.url]
			.flat()
			.map((url: { loc: string }) => url.loc.slice(SITE.length));
		const built = (await readdir(dist, { recursive: true }))
			.filter((file) => file.endsWith('index.html') && !/^(ru\/)?(search|edition)\//.test(file))
			.map((file) => `/${file.replace(/index\.html$/, '')}`);
		expect([...listed].sort()).toEqual(built.sort());
		expect(listed).toEqual(
			expect.arrayContaining([
				'/articles/budget-vote/',
				'/ru/articles/yazyk-i-gorod/',
				'/ru/author/aygerim-sadykova/',
				'/ru/section/',
			]),
		);
		// tests/fixtures/editions holds a draft and an embargoed story in each edition, the draft and
		// the embargoed one translations of published stories; none has a page, nor a place in a sitemap or feed.
		for (const file of [
			'articles/draft-story/',
			'articles/language-and-the-city/',
			'ru/articles/chernovik-o-vode/',
			'ru/articles/zavtra-v-nomere/',
		]) {
			expect(existsSync(path.join(dist, file)), file).toBe(false);
		}
		for (const file of [
			'sitemap-0.xml',
			'news-sitemap.xml',
			'rss.xml',
			'ru/rss.xml',
			'atom.xml',
			'ru/atom.xml',
		]) {
			const content = await readDist(dist, file);
			for (const needle of [
				'quokka',
				'ocelot',
				'pangolin',
				'axolotl',
				'draft-story',
				'language-and-the-city',
				'chernovik',
				'zavtra',
			]) {
				expect(content.includes(needle), `${needle} in ${file}`).toBe(false);
			}
		}
	});

	it('gives each news sitemap entry its own news:language', async () => {
		const news = [xml.parse(await readDist(dist, 'news-sitemap.xml')).urlset.url].flat() as {
			loc: string;
			'news:news': { 'news:publication': { 'news:language': string } };
		}[];
		const language = (loc: string) =>
			news.find((url) => url.loc === loc)?.['news:news']['news:publication']['news:language'];
		expect(language(`${SITE}/articles/budget-vote/`)).toBe('en');
		expect(language(`${SITE}/ru/articles/parlament-prinyal-byudzhet/`)).toBe('ru');
	});

	it('marks language in JSON-LD and OpenGraph', async () => {
		const doc = await page(RU);
		const ld = JSON.parse(
			doc.querySelector('script[type="application/ld+json"]')?.textContent ?? '{}',
		);
		expect(ld.inLanguage).toBe('ru-RU');
		expect(ld.articleSection).toBe('Экономика');
		expect(doc.querySelector('meta[property="og:locale"]')?.getAttribute('content')).toBe('ru_RU');
		expect(doc.querySelector('meta[property="og:locale:alternate"]')?.getAttribute('content')).toBe(
			'en_GB',
		);
		expect(doc.querySelector('meta[property="og:image"]')?.getAttribute('content')).toBe(
			`${SITE}/cards/articles/ru/parlament-prinyal-byudzhet.png`,
		);
		expect(existsSync(path.join(dist, 'cards/articles/ru/parlament-prinyal-byudzhet.png'))).toBe(
			true,
		);
	});
});

describe('translation links in npm run check', () => {
	it('reports an unknown original, a same-language original and a lang that contradicts the folder', async () => {
		const root = await tempDir('caravan-editions-');
		await mkdir(path.join(root, 'articles/ru'), { recursive: true });
		const article = (extra: string) =>
			`---\ntitle: "T"\ndate: 2025-12-01\nauthor: "A"\nsection: politics\n${extra}---\nBody.\n`;
		await writeFile(path.join(root, 'articles/original.md'), article(''));
		await writeFile(
			path.join(root, 'articles/ru/unknown.md'),
			article('translationOf: no-such-story\n'),
		);
		await writeFile(path.join(root, 'articles/same-lang.md'), article('translationOf: original\n'));
		await writeFile(path.join(root, 'articles/ru/wrong-lang.md'), article('lang: en\n'));
		const { problems } = await checkContent(root);
		const lines = problems.map(
			(p) => `${path.relative(root, p.file)}:${p.line}: ${p.field}: ${p.message}`,
		);
		expect(lines).toEqual(
			expect.arrayContaining([
				'articles/ru/unknown.md:6: translationOf: "no-such-story" is not an article, expected the slug of the original',
				'articles/same-lang.md:6: translationOf: "original" is also in "en", expected an original in another language',
				'articles/ru/wrong-lang.md:6: lang: is "en" but the file is in the ru/ folder, expected "ru"',
			]),
		);
		expect(problems).toHaveLength(3);
	});
});
