/** The Pagefind index of the built fixture site: exactly the published articles, whole, with their metadata. */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { parse, text } from '../helpers/html.ts';
import { serve } from '../../scripts/lib/server.ts';
import { SITES, builtSite, readDist } from '../../scripts/lib/fixtureSites.ts';

/** The fixture's articles that must not be published (a draft and a story dated after "now"). */
const UNPUBLISHED = ['draft-story', 'embargoed-story'];

interface IndexedPage {
	url: string;
	meta: Record<string, string>;
	filters: Record<string, string[]>;
	content: string;
}

/** The fixture's one bundle: English stories of December 2025. */
const BUNDLE = '/pagefind/en/2025-12-01/';

let dist: string;
/** Every page Pagefind holds, as its own browser API lists them. */
let indexed: IndexedPage[];

async function htmlFiles(dir: string): Promise<string[]> {
	const entries = await readdir(dir, { recursive: true });
	return entries.filter((entry) => entry.endsWith('.html')).sort();
}

beforeAll(async () => {
	dist = await builtSite('fixture');
	const server = await serve(dist);
	const browser = await launchBrowser();
	try {
		const page = await browser.newPage();
		await page.goto(`${server.url}/search/`);
		// A search without words lists every page of a bundle (the fixture's stories are all in one
		// month). (A string, so that Vitest's module transform cannot rewrite the dynamic import
		// meant for the browser.)
		indexed = await page.evaluate<IndexedPage[]>(`(async () => {
			const { createInstance } = await import('/pagefind/pagefind.js');
			const index = createInstance({ basePath: ${JSON.stringify(BUNDLE)}, noWorker: true });
			const search = await index.search(null);
			return Promise.all(search.results.map((result) => result.data()));
		})()`);
	} finally {
		await browser.close();
		await server.close();
	}
});

describe('search index', () => {
	it('holds exactly the published articles: one per built article page, none other', async () => {
		const fixtureSlugs = (await readdir(path.join(SITES.fixture.contentDir, 'articles'))).map(
			(name) => name.replace(/\.mdx?$/, ''),
		);
		const published = fixtureSlugs.filter((slug) => !UNPUBLISHED.includes(slug)).sort();
		expect(published).toHaveLength(14);
		const built = (await readdir(path.join(dist, 'articles'))).sort();
		expect(built).toEqual(published);
		expect(indexed.map((page) => page.url).sort()).toEqual(
			published.map((slug) => `/articles/${slug}/`),
		);

		const entry = JSON.parse(await readDist(dist, `${BUNDLE.slice(1)}pagefind-entry.json`)) as {
			languages: Record<string, { page_count: number }>;
		};
		expect(Object.keys(entry.languages)).toEqual(['en']);
		expect(entry.languages.en?.page_count).toBe(published.length);
	});

	it('marks only article pages as searchable', async () => {
		const withBody: string[] = [];
		for (const file of await htmlFiles(dist)) {
			if ((await readDist(dist, file)).includes('data-pagefind-body')) withBody.push(file);
		}
		expect(withBody).toEqual(
			(await htmlFiles(path.join(dist, 'articles'))).map((file) => `articles/${file}`),
		);
	});

	it('indexes the whole article, and nothing around it', () => {
		const longRead = indexed.find((page) => page.url === '/articles/long-read/');
		expect(longRead?.content).toContain(
			'The final paragraph mentions the turquoise caravanserai lanterns of Turkestan.',
		);
		expect(longRead?.content).toContain('w610');
		for (const page of indexed) {
			// Ticker, navigation, byline, tags and related stories are not part of the text.
			expect(page.content, page.url).not.toMatch(
				/KZT\/USD|Skip to content|Related stories|Pause ticker|min read/,
			);
		}
	});

	it('gives every result its title, date, section and filters, as the article page shows them', async () => {
		for (const page of indexed) {
			const doc = parse(await readDist(dist, `${page.url.slice(1)}index.html`));
			expect(page.meta.title, page.url).toBe(text(doc.querySelector('h1')));
			expect(page.meta.section, page.url).toBe(text(doc.querySelector('.story .kicker')));
			const dateTime = doc.querySelector('.byline time')?.getAttribute('datetime') ?? '';
			expect(new Date(page.meta.date ?? '').getTime(), page.url).toBe(new Date(dateTime).getTime());
			expect(page.filters.section, page.url).toEqual([page.meta.section]);
			expect(page.filters.author?.sort(), page.url).toEqual(
				[...doc.querySelectorAll('.byline a[rel="author"]')].map((a) => text(a)).sort(),
			);
			expect(page.filters.country?.sort() ?? [], page.url).toEqual(
				[...doc.querySelectorAll('.places a')].map((a) => text(a)).sort(),
			);
			expect(page.filters.tag?.sort() ?? [], page.url).toEqual(
				[...doc.querySelectorAll('.tags a')].map((a) => text(a)).sort(),
			);
		}
		const byAuthors = indexed.find((page) => page.url === '/articles/fixture-story-01/');
		expect(byAuthors?.filters).toEqual({
			section: ['Politics'],
			author: ['Staff Reporter'],
			country: ['Kazakhstan'],
			tag: ['fixture', 'trade'],
		});
	});

	it('loads the search script on the search page only, as a file (no inline script)', async () => {
		const searchPage = await readDist(dist, 'search/index.html');
		// Inside the document: a script after </html> is invalid HTML.
		expect(searchPage.trimEnd().endsWith('</html>')).toBe(true);
		const scripts = [...parse(searchPage).querySelectorAll('script')];
		expect(scripts.length).toBeGreaterThan(0);
		for (const script of scripts) {
			expect(script.getAttribute('src')).toMatch(/^\/_astro\/.+\.js$/);
			expect(text(script)).toBe('');
		}
		const searchScripts = scripts.map((script) => script.getAttribute('src'));
		for (const file of await htmlFiles(dist)) {
			if (/^(ru\/)?search\/index\.html$/.test(file)) continue;
			const html = await readDist(dist, file);
			for (const src of searchScripts) expect(html.includes(src ?? ''), file).toBe(false);
		}
	});
});
describe('search result thumbnails', () => {
	it('are the listing thumbnail of the lead image (the same file), not the article-sized lead image', async () => {
		const sample = await builtSite('sample');
		const doc = parse(await readDist(sample, 'articles/issyk-kul-autumn-shoreline/index.html'));
		const metas = [
			...doc.querySelectorAll(
				'[data-pagefind-body] [data-pagefind-meta], [data-pagefind-body][data-pagefind-meta]',
			),
		].map((element) => element.getAttribute('data-pagefind-meta') ?? '');
		const image = metas.map((meta) => /^image:(.+)$/.exec(meta)?.[1]).find(Boolean);
		expect(image, metas.join(' | ')).toMatch(/^\/_images\/[a-z0-9-]+-320\.jpg$/);
		expect(existsSync(path.join(sample, image ?? ''))).toBe(true);
		// A listing shows the same file as its thumbnail.
		expect(await readDist(sample, 'index.html')).toContain(`${image} 320w`);
		// And Pagefind gives it to the result (fragments are gzip-compressed JSON).
		const bundles = JSON.parse(
			parse(await readDist(sample, 'search/index.html'))
				.querySelector('search-page')
				?.getAttribute('data-bundles') ?? '[]',
		) as string[];
		const fragmentFiles = (
			await Promise.all(
				bundles.map(async (bundle) =>
					(await readdir(path.join(sample, bundle, 'fragment'))).map((name) =>
						path.join(sample, bundle, 'fragment', name),
					),
				),
			)
		).flat();
		const fragments = await Promise.all(
			fragmentFiles.map(async (file) => gunzipSync(await readFile(file)).toString()),
		);
		expect(fragments.filter((fragment) => fragment.includes(`"image":"${image}"`))).toHaveLength(1);
	});
});

// The index's determinism is covered with the whole of dist/ in tests/build/determinism.test.ts.
