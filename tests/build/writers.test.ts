/**
 * The writers' toolkit fixture (tests/fixtures/writers, with camera-sized photos carrying EXIF/GPS),
 * built as `npm run build` would: optimised images, MDX components, sanitised bodies, the cache.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { parse, text, texts } from '../helpers/html.ts';
import { serve } from '../../scripts/lib/server.ts';
import {
	builtSite,
	FIXTURE_EPOCH,
	OUTPUT,
	readDist,
	runBuild,
	SITES,
} from '../../scripts/lib/fixtureSites.ts';

let dist: string;
const page = async (file: string) => parse(await readDist(dist, file));
const IMAGES = () => path.join(dist, '_images');

beforeAll(async () => {
	dist = await builtSite('writers');
});

/** Width → file for one format of a `srcset`. */
function candidates(srcset: string | null): { url: string; width: number }[] {
	return (srcset ?? '').split(', ').map((candidate) => {
		const [url, width] = candidate.split(' ');
		return { url: url as string, width: Number(width?.replace('w', '')) };
	});
}

describe('the lead image (a 6000×4000 camera JPEG)', () => {
	it('is a <picture>: AVIF and WebP sources, a JPEG fallback, 400–1600 wide, loaded first', async () => {
		const doc = await page('articles/illustrated-story/index.html');
		const picture = doc.querySelector('.lead-image picture');
		const sources = [...(picture?.querySelectorAll('source') ?? [])];
		expect(sources.map((s) => s.getAttribute('type'))).toEqual(['image/avif', 'image/webp']);
		for (const source of sources)
			expect(candidates(source.getAttribute('srcset')).map((c) => c.width)).toEqual([
				400, 800, 1200, 1600,
			]);
		const img = picture?.querySelector('img');
		expect(
			candidates(img?.getAttribute('srcset') ?? null).map((c) =>
				c.url.replace(/-[0-9a-f]{12}-/, '-#-'),
			),
		).toEqual([
			'/_images/lead-#-400.jpg',
			'/_images/lead-#-800.jpg',
			'/_images/lead-#-1200.jpg',
			'/_images/lead-#-1600.jpg',
		]);
		expect(img?.getAttribute('width')).toBe('1600');
		expect(img?.getAttribute('height')).toBe('1067');
		expect(img?.getAttribute('alt')).toBe('Stalls under an orange awning at dawn');
		expect(img?.getAttribute('loading')).toBe('eager');
		expect(img?.getAttribute('fetchpriority')).toBe('high');
		expect(img?.getAttribute('sizes')).toBeTruthy();
		expect(text(doc.querySelector('.lead-image figcaption'))).toBe(
			'The bazaar opens before sunrise. Staff Photographer',
		);
	});

	it('files are the size they claim, small, and carry no EXIF or GPS', async () => {
		const doc = await page('articles/illustrated-story/index.html');
		const urls = [...doc.querySelectorAll('.lead-image source, .lead-image img')].flatMap((el) =>
			candidates(el.getAttribute('srcset')),
		);
		expect(urls).toHaveLength(12);
		const original = (
			await stat(path.join(SITES.writers.contentDir, 'articles/illustrated-story/lead.jpg'))
		).size;
		for (const { url, width } of urls) {
			const file = path.join(dist, url);
			const meta = await sharp(file).metadata();
			expect(meta.width, url).toBe(width);
			expect(meta.exif, url).toBeUndefined();
			expect(meta.icc, url).toBeUndefined();
			const bytes = (await readFile(file)).toString('latin1');
			expect(bytes, url).not.toContain('CaravanCam');
			const size = (await stat(file)).size;
			expect(size, url).toBeLessThan(Math.min(original, 150_000));
		}
	});
});

describe('an image in the body', () => {
	it('goes through the same pipeline, lazily, never upscaled past its 1000 px', async () => {
		const doc = await page('articles/illustrated-story/index.html');
		const picture = doc.querySelector('.prose picture');
		expect(
			[...(picture?.querySelectorAll('source') ?? [])].map((s) => s.getAttribute('type')),
		).toEqual(['image/avif', 'image/webp']);
		const img = picture?.querySelector('img');
		expect(img?.getAttribute('alt')).toBe('Apricots piled on a blue cloth');
		expect(candidates(img?.getAttribute('srcset') ?? null).map((c) => c.width)).toEqual([
			400, 800, 1000,
		]);
		expect([
			img?.getAttribute('width'),
			img?.getAttribute('height'),
			img?.getAttribute('loading'),
		]).toEqual(['1000', '700', 'lazy']);
		for (const { url } of candidates(img?.getAttribute('srcset') ?? null))
			expect((await sharp(path.join(dist, url)).metadata()).exif).toBeUndefined();
	});

	it('ships no original: only processed files are in the output', async () => {
		const all = await readdir(dist, { recursive: true });
		// cards/articles/<slug>.png are social cards (re-drawn at 1200×630), named after the story, not originals.
		expect(
			all.filter(
				(file) =>
					!String(file).startsWith('cards/') &&
					/(lead|market|route-map)\.(jpg|png)$/.test(String(file)),
			),
		).toEqual([]);
		expect(
			(await readdir(IMAGES())).every((name) =>
				/^[a-z0-9-]+-[0-9a-f]{12}-\d+\.(avif|webp|jpg|png)$/.test(name),
			),
		).toBe(true);
	});
});

describe('shared images and listings', () => {
	it('reads /images/… from the content folder and keeps a PNG fallback for transparency', async () => {
		const img = (await page('articles/route-map/index.html')).querySelector('.lead-image img');
		expect(img?.getAttribute('src')).toMatch(/^\/_images\/route-map-[0-9a-f]{12}-300\.png$/);
	});

	it('shows a small decorative thumbnail for stories with an image, none for the others', async () => {
		const doc = await page('index.html');
		const rows = [...doc.querySelectorAll('.article-list article')].map((item) => {
			const img = item.querySelector('picture.thumbnail img');
			return [
				text(item.querySelector('.headline')),
				img
					? `${img.getAttribute('alt') === '' ? 'decorative' : 'ALT'} ${candidates(
							img.getAttribute('srcset'),
						)
							.map((c) => c.width)
							.join('/')} ${img.getAttribute('loading')}`
					: 'none',
			];
		});
		expect(rows).toEqual([
			["Every writer's component in one story", 'none'],
			['Illustrated story from the Osh bazaar', 'decorative 160/320 lazy'],
			['Route map from the shared images folder', 'decorative 160/300 lazy'],
			['A story without pictures', 'none'],
		]);
	});
});

describe('an MDX article using every component', () => {
	it('renders Figure, PullQuote, Factbox and Related', async () => {
		const doc = await page('articles/components-story/index.html');
		const figure = doc.querySelector('.prose figure.figure');
		expect(figure?.querySelector('picture img')?.getAttribute('alt')).toBe(
			'Map of the festival route',
		);
		expect(text(figure?.querySelector('figcaption'))).toBe(
			'The route of the parade. Caravan graphics',
		);
		expect(text(doc.querySelector('.pull-quote blockquote'))).toBe(
			'The komuz is older than the road.',
		);
		expect(text(doc.querySelector('.pull-quote figcaption'))).toBe('Aibek Toktogulov, musician');
		expect(text(doc.querySelector('.factbox h2'))).toBe('The festival in numbers');
		expect(texts(doc, '.factbox li')).toEqual(['120 musicians', '3 days']);
		const related = doc.querySelector('.related-link a');
		expect([related?.getAttribute('href'), text(related)]).toEqual([
			'/articles/illustrated-story/',
			'Illustrated story from the Osh bazaar',
		]);
	});

	it('shows each video as a local poster that links to the video, with no player in the page', async () => {
		const html = await readDist(dist, 'articles/components-story/index.html');
		const doc = parse(html);
		const embeds = [...doc.querySelectorAll('caravan-embed')].map((embed) => ({
			player: embed.getAttribute('data-player'),
			link: embed.querySelector('a.embed-poster')?.getAttribute('href'),
			text: text(embed),
		}));
		expect(embeds).toEqual([
			{
				player: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1',
				link: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
				text: 'Opening night of the komuz festival Play video (YouTube)',
			},
			{
				player: 'https://player.vimeo.com/video/76979871?autoplay=1&dnt=1',
				link: 'https://vimeo.com/76979871',
				text: 'The parade in slow motion Play video (Vimeo)',
			},
		]);
		// The only frame is the edition strip's (date and ticker), never a player.
		expect([...doc.querySelectorAll('iframe')].map((frame) => frame.getAttribute('src'))).toEqual([
			'/edition/',
		]);
		expect(html).not.toMatch(/<img[^>]+(youtube|ytimg|vimeocdn)/);
		// The behaviour is a bundled file: no inline script anywhere.
		// JSON-LD blocks are data, not scripts: the CSP does not run them.
		const scripts = [...doc.querySelectorAll('script:not([type="application/ld+json"])')];
		expect(scripts.length).toBeGreaterThan(0);
		for (const script of scripts) expect(script.getAttribute('src')).toMatch(/^\/_astro\/.+\.js$/);
	});

	it('loads the player only when the reader clicks, and nothing from the provider before', async () => {
		const server = await serve(dist);
		const browser = await launchBrowser();
		try {
			const context = await browser.newContext();
			const thirdParty: string[] = [];
			await context.route('**/*', (route) => {
				const url = route.request().url();
				if (url.startsWith(server.url)) return route.continue();
				thirdParty.push(url);
				return route.abort(); // offline: never reach the internet
			});
			const tab = await context.newPage();
			await tab.goto(`${server.url}/articles/components-story/`, { waitUntil: 'networkidle' });
			expect(thirdParty).toEqual([]);
			await tab.click('caravan-embed >> nth=0');
			const frame = tab.locator('caravan-embed iframe').first();
			await frame.waitFor();
			expect(await frame.getAttribute('src')).toBe(
				'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1',
			);
			expect(await frame.getAttribute('title')).toBe('Opening night of the komuz festival');
			expect(await tab.locator('caravan-embed >> nth=1').locator('a.embed-poster').count()).toBe(1);
			await context.close();

			// Without JavaScript the poster is a plain link to the video.
			const noScript = await browser.newContext({ javaScriptEnabled: false });
			await noScript.route('**/*', (route) =>
				route.request().url().startsWith(server.url) ? route.continue() : route.abort(),
			);
			const plain = await noScript.newPage();
			await plain.goto(`${server.url}/articles/components-story/`);
			expect(await plain.locator('caravan-embed a.embed-poster').first().getAttribute('href')).toBe(
				'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
			);
			await noScript.close();
		} finally {
			await browser.close();
			await server.close();
		}
	});
});

describe('raw HTML in bodies', () => {
	it('keeps formatting but no script, iframe, event handler or javascript: URL reaches any page', async () => {
		const files = (await readdir(dist, { recursive: true }))
			.map(String)
			.filter((file) => file.endsWith('.html'));
		for (const file of files) {
			const html = await readDist(dist, file);
			expect(html, file).not.toMatch(
				/compromised|evil\.example|stealCookies|steal\(\)|\son[a-z]+=|javascript:/i,
			);
			expect(
				[...parse(html).querySelectorAll('script:not([src]):not([type="application/ld+json"])')],
				file,
			).toHaveLength(0);
		}
		const doc = await page('articles/illustrated-story/index.html');
		expect(texts(doc, '.prose mark')).toEqual(['formatting']);
		expect(doc.querySelector('.prose abbr')?.getAttribute('title')).toBe('Kyrgyz som');
		expect(texts(doc, '.prose b')).toEqual(['event handlers']);
		expect(text(doc.querySelector('.prose .note'))).toBe('A note in a div.');
		expect(
			[...doc.querySelectorAll('.prose a')].map((a) => [text(a), a.getAttribute('href')]),
		).toEqual([
			['components story', '/articles/components-story/'],
			['raw javascript link', null],
			['Markdown javascript link', null],
		]);
		const mdx = await page('articles/components-story/index.html');
		expect(texts(mdx, '.prose b')).toEqual(['bold stays']);
	});
});

describe('the image cache', () => {
	it('a rebuild with unchanged images encodes nothing, and gives the same pages', async () => {
		const cache = path.join(OUTPUT, 'writers', '.astro-cache', 'caravan-images');
		const snapshot = async () =>
			Object.fromEntries(
				await Promise.all(
					(await readdir(cache)).map(async (name) => [
						name,
						(await stat(path.join(cache, name))).mtimeMs,
					]),
				),
			);
		const before = await snapshot();
		expect(Object.keys(before).length).toBeGreaterThan(30);
		const outDir = path.join(OUTPUT, 'writers-rebuild', 'dist');
		const result = await runBuild({
			contentDir: SITES.writers.contentDir,
			outDir,
			env: {
				SOURCE_DATE_EPOCH: String(FIXTURE_EPOCH),
				CARAVAN_CACHE_DIR: path.join(OUTPUT, 'writers', '.astro-cache'),
			},
		});
		expect(result.status, result.stderr).toBe(0);
		expect(result.stdout).not.toContain('image encoded');
		expect(await snapshot()).toEqual(before);
		for (const file of [
			'index.html',
			'articles/illustrated-story/index.html',
			'articles/components-story/index.html',
		]) {
			expect(await readDist(outDir, file), file).toBe(await readDist(dist, file));
		}
	}, 180_000);
});
