/** The fixture site, built through CONTENT_DIR with a fixed clock, read as a reader would. */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, text, texts } from '../helpers/html.ts';
import { builtSite, readDist } from '../../scripts/lib/fixtureSites.ts';
import { distFiles } from '../quality/checks/dist.ts';

let dist: string;
const page = async (file: string) => parse(await readDist(dist, file));

beforeAll(async () => {
	dist = await builtSite('fixture');
});

describe('every page', () => {
	it('embeds the edition strip (date in the site time zone, ticker) and shows the section navigation', async () => {
		const doc = await page('index.html');
		const frame = doc.querySelector('iframe.edition-frame');
		expect(frame?.getAttribute('src')).toBe('/edition/');
		expect(frame?.getAttribute('title')).toBe("Today's edition: date and currency rates");
		// The page itself holds nothing that changes with the day.
		expect(doc.querySelector('.ticker, time[datetime="2025-12-17"]')).toBeNull();
		const strip = await page('edition/index.html');
		expect(text(strip.querySelector('.edition'))).toBe('17 December 2025');
		expect(strip.querySelector('.edition time')?.getAttribute('datetime')).toBe('2025-12-17');
		expect(texts(strip, '.ticker .items:not([aria-hidden]) .item')).toEqual([
			'KGS/USD = 0.01144 0%',
			'KZT/USD = 0.00194 -0.63%',
			'TJS/USD = 0.10841 -0.37%',
			'TMT/USD = 0.28490 -0.28%',
			'UZS/USD = 0.00008 -0.41%',
		]);
		// The loop's second copy is hidden from assistive technology.
		expect(strip.querySelectorAll('.ticker .items[aria-hidden="true"]')).toHaveLength(1);
		expect(texts(doc, 'nav.sections a')).toEqual([
			'Latest',
			'Politics',
			'Economy',
			'Society',
			'Tech',
			'Culture',
			'Energy',
			'Security',
			'Opinion',
		]);
		expect(doc.querySelector('footer.site-footer')).not.toBeNull();
	});

	it('frames the strip on every page but the search pages, which show the same strip inline', async () => {
		const strips = new Map<string, string[]>();
		for (const prefix of ['', 'ru/']) {
			const file = `${prefix}edition/index.html`;
			if (existsSync(path.join(dist, file)))
				strips.set(prefix, texts(await page(file), 'main.strip > :not(h1)'));
		}
		const pages = (await distFiles(dist, '.html')).filter(
			(file) => !/^(ru\/)?edition\//.test(file),
		);
		expect(pages).toEqual(expect.arrayContaining(['index.html', 'search/index.html', '404.html']));
		for (const file of pages) {
			const doc = await page(file);
			// Redirect pages have no body of their own.
			if (!doc.querySelector('header.site-header')) continue;
			const prefix = doc.documentElement.getAttribute('lang') === 'ru' ? 'ru/' : '';
			const frames = [...doc.querySelectorAll('iframe.edition-frame')];
			const inline = doc.querySelector('section.edition-strip');
			if (/^(ru\/)?search\//.test(file)) {
				// The search pages are rendered on every build anyway (they list the index's bundles),
				// so the day in their HTML costs no render; inline, a first search skips the frame's
				// document and its stylesheet (issue 15). The same strip, as a labelled region.
				expect(frames, file).toHaveLength(0);
				expect(inline?.getAttribute('aria-label'), file).toBe(
					prefix
						? 'Сегодняшний выпуск: дата и курсы валют'
						: "Today's edition: date and currency rates",
				);
				expect(inline?.querySelector('h1, main'), file).toBeNull();
				expect(inline && texts(doc, 'section.edition-strip > *'), file).toEqual(strips.get(prefix));
			} else {
				// Every other page's HTML stays the same from day to day: the strip comes in a frame.
				expect(
					frames.map((frame) => frame.getAttribute('src')),
					file,
				).toEqual([`/${prefix}edition/`]);
				expect(inline, file).toBeNull();
			}
		}
	});
});

describe('front page', () => {
	it('lists the newest of all published articles not on a full archive page, with the results line', async () => {
		const doc = await page('index.html');
		// 14 stories, 6 a page: the oldest 6 fill page 1, the root shows the other 8.
		expect(text(doc.querySelector('.results'))).toBe('Viewing results 1 - 8 of 14');
		expect(texts(doc, '.article-list .headline')).toEqual([
			'Folder form story',
			'An MDX story',
			"<script>alert('x')</script> & “quotes” in a headline",
			'Long read across the steppe',
			'Fixture story number 9',
			'Fixture tie-break story',
			'Fixture story number 8',
			'Fixture story number 7',
		]);
		expect(
			[...doc.querySelectorAll('.article-list .headline a')].map((a) => a.getAttribute('href')),
		).toEqual([
			'/articles/folder-form-story/',
			'/articles/mdx-story/',
			'/articles/xss-headline/',
			'/articles/long-read/',
			'/articles/fixture-story-09/',
			'/articles/fixture-story-09b/',
			'/articles/fixture-story-08/',
			'/articles/fixture-story-07/',
		]);
		expect(doc.querySelector('a[rel="next"]')?.getAttribute('href')).toBe('/page/1/');
		expect(doc.querySelector('a[rel="prev"]')).toBeNull();
		expect(texts(doc, '.pagination a')).toEqual(['Latest', 'Oldest', 'Older']);
		expect(text(doc.querySelector('.pagination a[aria-current="page"]'))).toBe('Latest');
	});

	it('shows the excerpt: plain text, cut at 500 words with "..."', async () => {
		const doc = await page('index.html');
		const items = [...doc.querySelectorAll('.article-list article')];
		const long = items.find(
			(item) => text(item.querySelector('.headline')) === 'Long read across the steppe',
		);
		const excerpt = text(long?.querySelector('.excerpt'));
		expect(excerpt.startsWith('The start w001 w002')).toBe(true);
		expect(excerpt.split(' ')).toHaveLength(500);
		expect(excerpt.endsWith(' w498...')).toBe(true);
		const short = items.find(
			(item) => text(item.querySelector('.headline')) === 'Fixture story number 9',
		);
		expect(text(short?.querySelector('.excerpt'))).toBe(
			'Paragraph one of fixture story 9 with a bold word and a link. Paragraph two of fixture story 9.',
		);
	});

	it('keeps the oldest full page at page/1/, saying which page and days it holds, never the total', async () => {
		const oldest = await page('page/1/index.html');
		expect(text(oldest.querySelector('.results'))).toBe('Page 1 · 1 – 6 December 2025');
		expect(texts(oldest, '.article-list .headline')).toEqual(
			[6, 5, 4, 3, 2, 1].map((n) => `Fixture story number ${n}`),
		);
		expect(oldest.querySelector('title')?.textContent).toBe('Page 1 | Caravan');
		expect(oldest.querySelector('meta[name="description"]')?.getAttribute('content')).toBe(
			'Caravan: stories published 1 – 6 December 2025, page 1.',
		);
		expect(oldest.querySelector('a[rel="prev"]')?.getAttribute('href')).toBe('/');
		expect(oldest.querySelector('a[rel="next"]')).toBeNull();
		expect(texts(oldest, '.pagination a')).toEqual(['Newer', 'Latest', 'Oldest']);
		expect(text(oldest.querySelector('.pagination a[aria-current="page"]'))).toBe('Oldest');
		expect(text(oldest.querySelector('main'))).not.toContain('14');
		expect(existsSync(path.join(dist, 'page/2/index.html'))).toBe(false);
	});
});

describe('article page', () => {
	it('has headline, byline linked to the author, dateline, updated, places, reading time, body and tags', async () => {
		const doc = await page('articles/long-read/index.html');
		expect(text(doc.querySelector('h1'))).toBe('Long read across the steppe');
		expect(text(doc.querySelector('.byline'))).toBe(
			'By Staff Reporter · 10 December 2025 · Updated 11 December 2025 · 3 min read',
		);
		expect(doc.querySelector('.byline a[rel="author"]')?.getAttribute('href')).toBe(
			'/author/staff-reporter/',
		);
		expect(doc.querySelector('.byline time')?.getAttribute('datetime')).toBe(
			'2025-12-10T00:00:00+05:00',
		);
		expect(doc.querySelector('.places a')?.getAttribute('href')).toBe('/country/kazakhstan/');
		expect(text(doc.querySelector('.prose'))).toContain(
			'turquoise caravanserai lanterns of Turkestan',
		);
		expect(texts(doc, '.tags a')).toEqual(['fixture']);
	});

	it('shows corrections newest first, with dates', async () => {
		const doc = await page('articles/long-read/index.html');
		expect(texts(doc, '.corrections li')).toEqual([
			'13 December 2025: A caption misnamed the river.',
			'12 December 2025: An earlier version gave the wrong length of the steppe road.',
		]);
	});

	it('joins several authors in the byline and links each', async () => {
		const doc = await page('articles/fixture-story-09b/index.html');
		expect(text(doc.querySelector('.byline'))).toMatch(
			/^By Staff Reporter and Aida Bekova · 9 December 2025 · 1 min read$/,
		);
		expect([...doc.querySelectorAll('.byline a')].map((a) => a.getAttribute('href'))).toEqual([
			'/author/staff-reporter/',
			'/author/aida-bekova/',
		]);
	});

	it('lists three related articles, newest first', async () => {
		const doc = await page('articles/fixture-story-03/index.html');
		const related = [...doc.querySelectorAll('.related .headline a')].map((a) =>
			a.getAttribute('href'),
		);
		expect(related).toHaveLength(3);
		expect(related).not.toContain('/articles/fixture-story-03/');
		const dates = [...doc.querySelectorAll('.related time')].map((t) =>
			Date.parse(t.getAttribute('datetime') ?? ''),
		);
		expect([...dates].sort((a, b) => b - a)).toEqual(dates);
	});

	it('renders .mdx and <slug>/index.md articles', async () => {
		expect(text((await page('articles/mdx-story/index.html')).querySelector('.prose'))).toBe(
			'MDX body in 2025 with inline JSX text.',
		);
		const folderForm = await page('articles/folder-form-story/index.html');
		expect(text(folderForm.querySelector('h1'))).toBe('Folder form story');
		// 05:00 in Almaty is midnight UTC: the offset survives (js-yaml alone would lose it).
		expect(folderForm.querySelector('.byline time')?.getAttribute('datetime')).toBe(
			'2025-12-13T05:00:00+05:00',
		);
	});

	it('escapes writer text as text, never markup', async () => {
		const html = await readDist(dist, 'articles/xss-headline/index.html');
		expect(html).not.toContain("<script>alert('x')</script>");
		const doc = parse(html);
		expect(text(doc.querySelector('h1'))).toBe(
			"<script>alert('x')</script> & “quotes” in a headline",
		);
		expect(text(doc.querySelector('.byline a'))).toBe("O'Brien <b>Bold</b>");
		// The site name is dropped: escaped, "… | Caravan" would be over the 70 characters a <title> may have.
		expect(doc.querySelector('title')?.textContent).toBe(
			"<script>alert('x')</script> & “quotes” in a headline",
		);
	});
});

describe('listings by section, country, author and tag', () => {
	it('section page lists that section only, newest first, with the results line', async () => {
		const doc = await page('section/economy/index.html');
		expect(text(doc.querySelector('h1'))).toBe('Economy');
		expect(text(doc.querySelector('.results'))).toBe('Viewing results 1 - 3 of 3');
		expect(texts(doc, '.article-list .headline')).toEqual([
			'Fixture story number 9',
			'Fixture tie-break story',
			'Fixture story number 2',
		]);
		expect(text(doc.querySelector('nav.sections a[aria-current="page"]'))).toBe('Economy');
	});

	it('country, author and tag pages exist, paginated only when long', async () => {
		expect(text((await page('country/kazakhstan/index.html')).querySelector('.results'))).toBe(
			'Viewing results 1 - 3 of 3',
		);
		const author = await page('author/staff-reporter/index.html');
		expect(text(author.querySelector('h1'))).toBe('Stories by Staff Reporter');
		// 8 stories: fewer than two pages' worth, so all on the root, without page links.
		expect(text(author.querySelector('.results'))).toBe('Viewing results 1 - 8 of 8');
		expect(author.querySelector('.pagination')).toBeNull();
		expect(existsSync(path.join(dist, 'author/staff-reporter/page/1/index.html'))).toBe(false);
		expect(text((await page('tag/fixture/index.html')).querySelector('h1'))).toBe(
			'Tagged: fixture',
		);
		expect(text((await page('tag/water/index.html')).querySelector('.results'))).toBe(
			'Viewing results 1 - 3 of 3',
		);
	});

	it('has an index of sections and a useful 404 page', async () => {
		const sections = await page('section/index.html');
		expect(texts(sections, '.section-index h2')).toEqual([
			'Politics',
			'Economy',
			'Society',
			'Tech',
			'Culture',
			'Energy',
			'Security',
			'Opinion',
		]);
		const notFound = await page('404.html');
		expect(text(notFound.querySelector('h1'))).toBe('Page not found');
		expect(notFound.querySelector('main form[action="/search/"]')).not.toBeNull();
		expect(notFound.querySelector('main a[href="/"]')).not.toBeNull();
	});
});

describe('ticker.json', () => {
	it('holds the snapshot used (not the future one), the previous one, and the computed items', async () => {
		const ticker = JSON.parse(await readDist(dist, 'ticker.json'));
		expect(ticker.date).toBe('2025-12-17');
		expect(ticker.snapshot.rates.KGS).toBe(87.41);
		expect(ticker.previous.date).toBe('2025-12-16');
		expect(ticker.items.map((item: { text: string }) => item.text)).toContain(
			'TJS/USD = 0.10841 -0.37%',
		);
	});
});

describe('publishing rules', () => {
	async function allFiles(dir: string): Promise<string[]> {
		const entries = await readdir(dir, { recursive: true, withFileTypes: true });
		return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
	}

	it('leaves no trace of a draft or an embargoed article anywhere in dist/', async () => {
		expect(existsSync(path.join(dist, 'articles/draft-story'))).toBe(false);
		expect(existsSync(path.join(dist, 'articles/embargoed-story'))).toBe(false);
		expect(existsSync(path.join(dist, 'tag/embargo-only-tag'))).toBe(false);
		expect(existsSync(path.join(dist, 'author/embargo-writer'))).toBe(false);
		const needles = [
			'draft-story',
			'Unpublished draft story',
			'xylophone marmalade',
			'embargoed-story',
			'Embargoed future story',
			'periwinkle obelisk',
			'Embargo Writer',
		];
		for (const file of await allFiles(dist)) {
			const content = await readFile(file);
			for (const needle of needles) {
				expect(content.includes(needle), `${needle} in ${path.relative(dist, file)}`).toBe(false);
			}
		}
	});
});
