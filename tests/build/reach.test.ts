/**
 * Feeds, sitemaps, robots.txt, structured data, meta tags and social cards, read from built sites
 * with a real XML parser: the fixture site (its clock is 2025-12-17T12:00+05:00, so no story is
 * within the news window) and tests/fixtures/reach (clock 2026-03-02T12:00+05:00: stories in and
 * out of the window, a lead image, a Kazakh headline), built under another SITE_URL.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from '../helpers/html.ts';
import { builtSite, OUTPUT, readDist, ROOT, runBuild } from '../../scripts/lib/fixtureSites.ts';
import { parseXml } from '../helpers/xml.ts';

const XSS = "<script>alert('x')</script> & “quotes” in a headline";
/** Parse an XML file of `dist`, failing on anything not well-formed. */
async function readXml(dist: string, file: string) {
	return parseXml(await readDist(dist, file), [
		'item',
		'entry',
		'url',
		'sitemap',
		'dc:creator',
		'author',
	]);
}

async function filesUnder(dir: string): Promise<string[]> {
	const entries = await readdir(dir, { recursive: true, withFileTypes: true });
	return entries
		.filter((e) => e.isFile())
		.map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
		.sort();
}

/** Site-relative URL of a built HTML file (`articles/x/index.html` → `/articles/x/`). */
const urlOf = (file: string) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`;

const jsonLd = (doc: Document) =>
	[...doc.querySelectorAll('script[type="application/ld+json"]')].map((script) =>
		JSON.parse(script.textContent ?? ''),
	);

const metaContent = (doc: Document, key: string) =>
	doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content');

describe('the fixture site', () => {
	let dist: string;
	const page = async (file: string) => parse(await readDist(dist, file));

	beforeAll(async () => {
		dist = await builtSite('fixture');
	});

	describe('feeds', () => {
		it('/rss.xml is RSS 2.0 of every published story, newest first, with author, date, section and description', async () => {
			const { rss } = await readXml(dist, 'rss.xml');
			expect(rss['@_version']).toBe('2.0');
			expect(rss.channel.link).toBe('https://caravan.example/');
			expect(rss.channel['atom:link']['@_href']).toBe('https://caravan.example/rss.xml');
			const items = rss.channel.item;
			expect(items).toHaveLength(14);
			expect(items.slice(0, 3).map((item: { title: string }) => item.title)).toEqual([
				'Folder form story',
				'An MDX story',
				XSS,
			]);
			const dates = items.map((item: { pubDate: string }) => Date.parse(item.pubDate));
			expect([...dates].sort((a, b) => b - a)).toEqual(dates);
			const longRead = items.find(
				(item: { title: string }) => item.title === 'Long read across the steppe',
			);
			expect(longRead).toMatchObject({
				link: 'https://caravan.example/articles/long-read/',
				'dc:creator': ['Staff Reporter'],
				category: 'Society',
				description: 'A long article that listings cut at five hundred words.',
			});
			expect(new Date(longRead.pubDate).toISOString()).toBe('2025-12-09T19:00:00.000Z');
			const noSummary = items.find(
				(item: { title: string }) => item.title === 'Fixture story number 9',
			);
			expect(noSummary.description).toBe(
				'Paragraph one of fixture story 9 with a bold word and a link. Paragraph two of fixture story 9.',
			);
		});

		it('/atom.xml is Atom 1.0 of the same stories, with updated dates from corrections', async () => {
			const { feed } = await readXml(dist, 'atom.xml');
			expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
			expect(feed.entry).toHaveLength(14);
			const longRead = feed.entry.find(
				(entry: { id: string }) => entry.id === 'https://caravan.example/articles/long-read/',
			);
			expect(longRead.updated).toBe('2025-12-13T05:00:00.000Z');
			expect(longRead.published).toBe('2025-12-09T19:00:00.000Z');
			expect(longRead.author[0]).toEqual({
				name: 'Staff Reporter',
				uri: 'https://caravan.example/author/staff-reporter/',
			});
		});

		it('escapes the hostile headline, author and summary in both feeds and reads them back exactly', async () => {
			for (const file of ['rss.xml', 'atom.xml'])
				expect(await readDist(dist, file)).not.toContain('<script>');
			const item = (await readXml(dist, 'rss.xml')).rss.channel.item.find((i: { link: string }) =>
				i.link.endsWith('/xss-headline/'),
			);
			expect(item.title).toBe(XSS);
			expect(item['dc:creator']).toEqual(["O'Brien <b>Bold</b>"]);
			expect(item.description).toBe('Summary with </script> and & and "quotes".');
			const entry = (await readXml(dist, 'atom.xml')).feed.entry.find((e: { id: string }) =>
				e.id.endsWith('/xss-headline/'),
			);
			expect(entry.title['#text']).toBe(XSS);
			expect(entry.author[0].name).toBe("O'Brien <b>Bold</b>");
		});

		it('has one RSS feed per section holding only that section', async () => {
			const economy = (await readXml(dist, 'section/economy/rss.xml')).rss.channel;
			expect(economy.link).toBe('https://caravan.example/section/economy/');
			expect(economy.item.map((item: { title: string }) => item.title)).toEqual([
				'Fixture story number 9',
				'Fixture tie-break story',
				'Fixture story number 2',
			]);
			expect(economy.item.every((item: { category: string }) => item.category === 'Economy')).toBe(
				true,
			);
			for (const section of [
				'politics',
				'society',
				'tech',
				'culture',
				'energy',
				'security',
				'opinion',
			]) {
				expect(
					(await readXml(dist, `section/${section}/rss.xml`)).rss.channel.title,
					section,
				).toMatch(/^Caravan: /);
			}
		});

		it('is announced on every page, and each section page announces its own feed too', async () => {
			for (const file of [
				'index.html',
				'articles/long-read/index.html',
				'tag/water/index.html',
				'404.html',
			]) {
				// Feed links (hreflang alternates to the other edition are links too, without a type).
				const links = [...(await page(file)).querySelectorAll('link[rel="alternate"][type]')].map(
					(l) => [l.getAttribute('type'), l.getAttribute('href')],
				);
				expect(links, file).toEqual([
					['application/rss+xml', '/rss.xml'],
					['application/atom+xml', '/atom.xml'],
				]);
			}
			const economy = await page('section/economy/index.html');
			expect(
				economy
					.querySelector('link[rel="alternate"][href="/section/economy/rss.xml"]')
					?.getAttribute('type'),
			).toBe('application/rss+xml');
		});
	});

	describe('sitemaps and robots.txt', () => {
		it('the sitemap index lists the page sitemap and the news sitemap', async () => {
			const { sitemapindex } = await readXml(dist, 'sitemap-index.xml');
			expect(sitemapindex.sitemap.map((s: { loc: string }) => s.loc).sort()).toEqual([
				'https://caravan.example/news-sitemap.xml',
				'https://caravan.example/sitemap-0.xml',
			]);
		});

		it('lists every built page but search, 404 and the edition strip, each one a real file', async () => {
			const { urlset } = await readXml(dist, 'sitemap-0.xml');
			const listed = urlset.url.map((u: { loc: string }) => new URL(u.loc).pathname).sort();
			const pages = (await filesUnder(dist))
				.filter((f) => f.endsWith('.html'))
				.map(urlOf)
				.sort();
			expect(pages).toContain('/search/');
			expect(pages).toContain('/ru/search/');
			expect(pages).toContain('/edition/');
			expect(listed).toEqual(
				pages.filter((p) => !/^(\/ru)?\/(404\.html|search\/|edition\/)$/.test(p)),
			);
			expect(listed).toContain('/section/economy/');
			expect(listed).toContain('/page/1/');
			expect(listed.some((p: string) => p.startsWith('/search'))).toBe(false);
		});

		it('dates articles by update or latest correction, listings by their newest story', async () => {
			const { urlset } = await readXml(dist, 'sitemap-0.xml');
			const lastmod = (pathname: string) =>
				urlset.url.find((u: { loc: string }) => u.loc === `https://caravan.example${pathname}`)
					?.lastmod;
			expect(lastmod('/articles/long-read/')).toBe('2025-12-13T05:00:00.000Z'); // the latest correction
			expect(lastmod('/articles/fixture-story-01/')).toBe('2025-12-01T05:00:00.000Z');
			expect(lastmod('/')).toBe('2025-12-13T05:00:00.000Z');
			expect(lastmod('/section/economy/')).toBe('2025-12-09T05:00:00.000Z');
			expect(lastmod('/section/security/')).toBe('2025-12-07T05:00:00.000Z');
		});

		it('the news sitemap is valid and holds no story when none is from the last 48 hours', async () => {
			const { urlset } = await readXml(dist, 'news-sitemap.xml');
			expect(urlset['@_xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
			expect(urlset.url).toEqual([{ loc: 'https://caravan.example/' }]);
		});

		it('robots.txt lists both sitemaps at the site URL', async () => {
			const robots = await readDist(dist, 'robots.txt');
			expect(robots).toContain('Sitemap: https://caravan.example/sitemap-index.xml\n');
			expect(robots).toContain('Sitemap: https://caravan.example/news-sitemap.xml\n');
		});
	});

	describe('structured data', () => {
		it('an article carries one NewsArticle with everything Google asks for', async () => {
			const blocks = jsonLd(await page('articles/long-read/index.html'));
			expect(blocks).toHaveLength(1);
			const [article] = blocks;
			expect(article).toMatchObject({
				'@context': 'https://schema.org',
				'@type': 'NewsArticle',
				headline: 'Long read across the steppe',
				datePublished: '2025-12-09T19:00:00.000Z',
				dateModified: '2025-12-13T05:00:00.000Z',
				author: [
					{
						'@type': 'Person',
						name: 'Staff Reporter',
						url: 'https://caravan.example/author/staff-reporter/',
					},
				],
				publisher: {
					'@type': 'Organization',
					name: 'Caravan',
					logo: { '@type': 'ImageObject', url: 'https://caravan.example/logo.png' },
				},
				image: ['https://caravan.example/cards/articles/long-read.png'],
				mainEntityOfPage: {
					'@type': 'WebPage',
					'@id': 'https://caravan.example/articles/long-read/',
				},
				articleSection: 'Society',
				inLanguage: 'en-GB',
			});
			expect(existsSync(path.join(dist, 'logo.png'))).toBe(true);
		});

		it('no writer text can close the JSON-LD script, and it parses back exactly', async () => {
			const html = await readDist(dist, 'articles/xss-headline/index.html');
			const script =
				/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
			expect(script).not.toMatch(/[<>]/);
			const [article] = jsonLd(parse(html));
			expect(article.headline).toBe(XSS);
			expect(article.author[0].name).toBe("O'Brien <b>Bold</b>");
			expect(article.description).toBe('Summary with </script> and & and "quotes".');
		});

		it('the front page is a WebSite with a SearchAction; listings carry a BreadcrumbList', async () => {
			const [site] = jsonLd(await page('index.html'));
			expect(site['@type']).toBe('WebSite');
			expect(site.potentialAction.target.urlTemplate).toBe(
				'https://caravan.example/search/?q={search_term_string}',
			);
			const [crumbs] = jsonLd(await page('page/1/index.html'));
			expect(crumbs['@type']).toBe('BreadcrumbList');
			expect(
				crumbs.itemListElement.map((c: { position: number; name: string; item: string }) => [
					c.position,
					c.name,
					c.item,
				]),
			).toEqual([
				[1, 'Caravan', 'https://caravan.example/'],
				[2, 'Page 1', 'https://caravan.example/page/1/'],
			]);
			const [tag] = jsonLd(await page('tag/fixture/index.html'));
			expect(
				tag.itemListElement.map((c: { name: string; item: string }) => [c.name, c.item]),
			).toEqual([
				['Caravan', 'https://caravan.example/'],
				['Tagged: fixture', 'https://caravan.example/tag/fixture/'],
			]);
			expect(jsonLd(await page('section/index.html'))[0].itemListElement).toHaveLength(2);
		});
	});

	describe('meta tags', () => {
		it('every page has title, description, canonical, OpenGraph with an image and a Twitter card', async () => {
			// Not the edition strip: a framed part of every page, never shared or indexed on its own.
			const strips = ['edition/index.html', 'ru/edition/index.html'];
			for (const strip of strips)
				expect(
					(await page(strip)).querySelector('meta[name="robots"]')?.getAttribute('content'),
					strip,
				).toBe('noindex');
			for (const file of (await filesUnder(dist)).filter(
				(f) => f.endsWith('.html') && !strips.includes(f),
			)) {
				const doc = await page(file);
				expect(doc.querySelector('title')?.textContent, file).toBeTruthy();
				for (const key of [
					'description',
					'og:type',
					'og:title',
					'og:description',
					'og:url',
					'og:image',
					'og:image:alt',
					'og:site_name',
					'og:locale',
					'twitter:card',
					'twitter:image',
				]) {
					expect(metaContent(doc, key), `${key} on ${file}`).toBeTruthy();
				}
				const image = new URL(metaContent(doc, 'og:image')!);
				expect(image.origin).toBe('https://caravan.example');
				expect(existsSync(path.join(dist, image.pathname)), `${image.pathname} for ${file}`).toBe(
					true,
				);
				expect([metaContent(doc, 'og:image:width'), metaContent(doc, 'og:image:height')]).toEqual([
					'1200',
					'630',
				]);
				expect(metaContent(doc, 'og:url')).toBe(
					doc.querySelector('link[rel="canonical"]')?.getAttribute('href'),
				);
			}
		});

		it('an article is og:type article with its times, section, tags and authors', async () => {
			const doc = await page('articles/long-read/index.html');
			expect(metaContent(doc, 'og:type')).toBe('article');
			expect(metaContent(doc, 'description')).toBe(
				'A long article that listings cut at five hundred words.',
			);
			expect(metaContent(doc, 'article:published_time')).toBe('2025-12-09T19:00:00.000Z');
			expect(metaContent(doc, 'article:modified_time')).toBe('2025-12-13T05:00:00.000Z');
			expect(metaContent(doc, 'article:section')).toBe('Society');
			expect(metaContent(doc, 'article:tag')).toBe('fixture');
			expect(metaContent(doc, 'article:author')).toBe(
				'https://caravan.example/author/staff-reporter/',
			);
			expect(metaContent(doc, 'og:image')).toBe(
				'https://caravan.example/cards/articles/long-read.png',
			);
			expect(metaContent(await page('index.html'), 'og:type')).toBe('website');
		});

		it('a story without a summary is described by the start of its text', async () => {
			const doc = await page('articles/fixture-story-09/index.html');
			const start =
				'Paragraph one of fixture story 9 with a bold word and a link. Paragraph two of fixture story 9.';
			for (const key of ['description', 'og:description', 'twitter:description'])
				expect(metaContent(doc, key), key).toBe(start);
			expect(jsonLd(doc)[0].description).toBe(start);
		});

		it('escapes the hostile headline in every meta tag and reads back exactly', async () => {
			const doc = await page('articles/xss-headline/index.html');
			for (const key of ['og:title', 'twitter:title', 'og:image:alt'])
				expect(metaContent(doc, key), key).toBe(XSS);
			expect(metaContent(doc, 'og:description')).toBe('Summary with </script> and & and "quotes".');
			expect(doc.querySelectorAll('script:not([type="application/ld+json"])')).toHaveLength(0);
		});
	});

	describe('social cards', () => {
		it('every article has a 1200×630 card (PNG, or JPEG when it shows the lead photo), and the site has one', async () => {
			const cards = (await filesUnder(path.join(dist, 'cards'))).sort();
			expect(cards).toContain('site.png');
			expect(cards.filter((c) => c.startsWith('articles/'))).toHaveLength(14);
			for (const card of ['site.png', 'articles/xss-headline.png', 'articles/long-read.png']) {
				const meta = await sharp(path.join(dist, 'cards', card)).metadata();
				expect([meta.format, meta.width, meta.height], card).toEqual(['png', 1200, 630]);
			}
			// The list Astro hands the card step is not published.
			expect(cards).not.toContain('manifest.json');
		});
	});
});

describe('the reach fixture, built under another SITE_URL', () => {
	const contentDir = path.join(ROOT, 'tests/fixtures/reach');
	const epoch = 1772434800; // 2026-03-02T12:00:00+05:00
	const root = path.join(OUTPUT, 'reach');
	const dist = path.join(root, 'dist');
	const cache = path.join(root, '.astro-cache', 'caravan-cards');

	beforeAll(async () => {
		await rm(root, { recursive: true, force: true });
		const env = { SOURCE_DATE_EPOCH: String(epoch), SITE_URL: 'https://news.example.org/' };
		const result = await runBuild({ contentDir, outDir: dist, env });
		if (result.status !== 0)
			throw new Error(`building the reach fixture failed:\n${result.stdout}\n${result.stderr}`);
	});

	it('the news sitemap holds exactly the stories of the 48 hours before now, with publication, date and title', async () => {
		const { urlset } = await readXml(dist, 'news-sitemap.xml');
		expect(urlset.url).toEqual([
			{
				loc: 'https://news.example.org/articles/kazakh-headline/',
				'news:news': {
					'news:publication': { 'news:name': 'Caravan', 'news:language': 'en' },
					'news:publication_date': '2026-03-02T09:00:00+05:00',
					'news:title':
						'Қазақстан әкімдері ғимарат қаржысын өңірлерге бөлді: ұлттық қор, үкімет һәм іс-шара',
				},
			},
			{
				loc: 'https://news.example.org/articles/lead-image-story/',
				'news:news': {
					'news:publication': { 'news:name': 'Caravan', 'news:language': 'en' },
					'news:publication_date': '2026-03-01T15:00:00+05:00',
					'news:title': 'Lead image story',
				},
			},
		]);
	});

	it('uses SITE_URL for every absolute URL, and never the default', async () => {
		expect((await readXml(dist, 'rss.xml')).rss.channel.item[0].link).toBe(
			'https://news.example.org/articles/kazakh-headline/',
		);
		expect(await readDist(dist, 'robots.txt')).toContain(
			'Sitemap: https://news.example.org/sitemap-index.xml',
		);
		const doc = parse(await readDist(dist, 'articles/lead-image-story/index.html'));
		expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
			'https://news.example.org/articles/lead-image-story/',
		);
		expect(jsonLd(doc)[0].publisher.logo.url).toBe('https://news.example.org/logo.png');
		for (const file of await filesUnder(dist)) {
			if (/\.(html|xml|txt|json)$/.test(file))
				expect(await readDist(dist, file), file).not.toContain('caravan.example');
		}
	});

	it('leaves drafts and embargoed stories out of feeds, sitemaps and cards', async () => {
		for (const file of await filesUnder(dist)) {
			const content = await readFile(path.join(dist, file));
			for (const needle of ['future-story', 'nightingale', 'draft-story', 'albatross']) {
				expect(content.includes(needle), `${needle} in ${file}`).toBe(false);
			}
		}
		expect((await readXml(dist, 'rss.xml')).rss.channel.item).toHaveLength(4);
	});

	it('dates the sitemap entries by update and correction', async () => {
		const { urlset } = await readXml(dist, 'sitemap-0.xml');
		const lastmod = (slug: string) =>
			urlset.url.find((u: { loc: string }) => u.loc.endsWith(`/articles/${slug}/`))?.lastmod;
		expect(lastmod('lead-image-story')).toBe('2026-03-02T03:00:00.000Z');
		expect(lastmod('edge-of-window')).toBe('2026-03-01T05:00:00.000Z');
		expect(lastmod('older-story')).toBe('2026-02-19T19:00:00.000Z');
	});

	it('makes the card of a story with a lead image from that image, cover-cropped to a 1200×630 JPEG under 200 KB', async () => {
		const card = path.join(dist, 'cards/articles/lead-image-story.jpg');
		expect((await sharp(card).metadata()).format).toBe('jpeg');
		expect((await readFile(card)).length).toBeLessThan(200 * 1024);
		const { data, info } = await sharp(card).raw().toBuffer({ resolveWithObject: true });
		expect([info.width, info.height]).toEqual([1200, 630]);
		const pixel = (x: number, y: number) => [
			...data.subarray(
				(y * info.width + x) * info.channels,
				(y * info.width + x) * info.channels + 3,
			),
		];
		const near = (actual: number[], hex: string) =>
			actual.reduce(
				(sum, value, i) => sum + Math.abs(value - parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16)),
				0,
			) < 30;
		expect(near(pixel(600, 20), '#2a9d8f'), 'teal sky at the top').toBe(true);
		expect(near(pixel(600, 315), '#264653'), 'dark band across the middle').toBe(true);
		const doc = parse(await readDist(dist, 'articles/lead-image-story/index.html'));
		expect(metaContent(doc, 'og:image:alt')).toBe('A teal field under a dark band of cloud');
		expect(metaContent(doc, 'og:image')).toBe(
			'https://news.example.org/cards/articles/lead-image-story.jpg',
		);
		expect(metaContent(doc, 'twitter:image')).toBe(
			'https://news.example.org/cards/articles/lead-image-story.jpg',
		);
	});

	it('gives the NewsArticle the processed lead image first, then the card', async () => {
		const [article] = jsonLd(parse(await readDist(dist, 'articles/lead-image-story/index.html')));
		expect(article.image).toHaveLength(2);
		const [lead, card] = article.image.map((url: string) => new URL(url));
		expect(lead.origin).toBe('https://news.example.org');
		expect(lead.pathname).toMatch(/^\/_images\/lead-[0-9a-f]+-800\.jpg$/);
		expect((await sharp(path.join(dist, lead.pathname)).metadata()).width).toBe(800);
		expect(card.pathname).toBe('/cards/articles/lead-image-story.jpg');
		expect(
			jsonLd(parse(await readDist(dist, 'articles/kazakh-headline/index.html')))[0].image,
		).toEqual(['https://news.example.org/cards/articles/kazakh-headline.png']);
	});

	it('draws the Kazakh headline card at 1200×630', async () => {
		const meta = await sharp(path.join(dist, 'cards/articles/kazakh-headline.png')).metadata();
		expect([meta.width, meta.height]).toEqual([1200, 630]);
	});

	it('keeps every card in the cache by content hash, so a rebuild draws none again', async () => {
		const cached = await Promise.all(
			(await readdir(cache)).map((name) => readFile(path.join(cache, name))),
		);
		const built = await Promise.all(
			(await filesUnder(path.join(dist, 'cards'))).map((card) =>
				readFile(path.join(dist, 'cards', card)),
			),
		);
		expect(built).toHaveLength(5); // 4 published stories (one from its photo) + the site card
		expect(cached).toHaveLength(5);
		for (const card of built) expect(cached.some((file) => file.equals(card))).toBe(true);
	});
});
