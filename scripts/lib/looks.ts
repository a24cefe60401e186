/** Screenshots of the site as readers see it, shared by the tests and `npm run screenshots`. */
import type { Browser, Page } from 'playwright-core';

export interface Shot {
	/** File name without extension: `front-375`, `article-1280-dark`. */
	name: string;
	/** URL path to open. */
	path: string;
	width: number;
	colorScheme: 'light' | 'dark';
}

/** The front page and an article, phone and desktop, light and dark. */
export function standardShots(articlePath: string): Shot[] {
	const shots: Shot[] = [];
	for (const [page, path] of [
		['front', '/'],
		['article', articlePath],
	] as const) {
		for (const width of [375, 1280]) {
			for (const colorScheme of ['light', 'dark'] as const) {
				shots.push({
					name: `${page}-${width}${colorScheme === 'dark' ? '-dark' : ''}`,
					path,
					width,
					colorScheme,
				});
			}
		}
	}
	return shots;
}

/**
 * Open `shot` at its width and colour scheme, fonts loaded and the ticker still (reduced motion,
 * so pictures are stable), and return a viewport-high PNG and the page's horizontal overflow.
 */
export async function takeShot(
	browser: Browser,
	baseUrl: string,
	shot: Shot,
	height = 900,
): Promise<{ png: Buffer; overflow: number }> {
	const context = await browser.newContext({
		viewport: { width: shot.width, height },
		colorScheme: shot.colorScheme,
		reducedMotion: 'reduce',
	});
	try {
		const page = await context.newPage();
		await page.goto(new URL(shot.path, baseUrl).href);
		await page.evaluate(() => document.fonts.ready);
		const overflow = await horizontalOverflow(page);
		return { png: await page.screenshot(), overflow };
	} finally {
		await context.close();
	}
}

/** How far the page scrolls sideways: `scrollWidth - clientWidth` of the root (0 = no overflow). */
export async function horizontalOverflow(page: Page): Promise<number> {
	return page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth,
	);
}
