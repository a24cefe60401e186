/**
 * The performance budget, in bytes rather than time: small article pages and stylesheets, no
 * JavaScript outside search, self-hosted subset web fonts, and images that reserve their space.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { distFiles, isSearchPage, urlPathToFile } from './dist.ts';

export interface Budget {
	/** Largest article page, bytes of HTML. */
	articleHtmlBytes: number;
	/** The click-to-load video script, the only JavaScript allowed outside search. */
	embedScriptBytes: number;
	/** All stylesheets that pages other than search link, together. */
	totalCssBytes: number;
	/** Largest single font file. */
	fontFileBytes: number;
}

export const BUDGET: Budget = {
	articleHtmlBytes: 50 * 1024,
	embedScriptBytes: 2 * 1024,
	// The whole site's one stylesheet (astro.config.mjs), search page's rules included since they
	// share it: 26.6 KB (5.3 KB gzip) when it became one file; 25 KB before, without search's 3.2 KB.
	totalCssBytes: 28 * 1024,
	// A Noto Serif latin-ext subset is about 66 KB; a whole un-subset family is several hundred.
	fontFileBytes: 100 * 1024,
};

export interface BudgetProblem {
	file: string;
	problem: string;
}

export interface BudgetReport {
	problems: BudgetProblem[];
	/** What was measured, for the test log. */
	largestArticleBytes: number;
	totalCssBytes: number;
	fontFiles: number;
}

const FONT_EXTENSIONS = ['.woff2', '.woff', '.ttf', '.otf', '.eot'];

/** Local `url(...)`s of @font-face `src` descriptors, and whether each rule has a unicode-range. */
function fontFaces(css: string): { urls: string[]; unicodeRange: boolean }[] {
	return [...css.matchAll(/@font-face\s*{([^}]*)}/g)].map((match) => {
		const body = match[1] ?? '';
		const src = /(?:^|;)\s*src\s*:([^;]*)/.exec(body)?.[1] ?? '';
		return {
			urls: [...src.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)].map((url) => url[2] ?? ''),
			unicodeRange: /(?:^|;)\s*unicode-range\s*:/.test(body),
		};
	});
}

/** Check `dist` against `budget`; every finding names its file. */
export async function checkBudget(dist: string, budget: Budget = BUDGET): Promise<BudgetReport> {
	const problems: BudgetProblem[] = [];
	const pages = await distFiles(dist, '.html');
	const stylesheets = new Set<string>();
	let largestArticleBytes = 0;

	for (const file of pages) {
		const html = await readFile(path.join(dist, file), 'utf8');
		const bytes = Buffer.byteLength(html);
		if (/^articles\/[^/]+\/index\.html$/.test(file)) {
			largestArticleBytes = Math.max(largestArticleBytes, bytes);
			if (bytes > budget.articleHtmlBytes)
				problems.push({
					file,
					problem: `article HTML is ${bytes} bytes, over ${budget.articleHtmlBytes}`,
				});
		}
		const { document } = parseHTML(html);
		if (!isSearchPage(file)) {
			for (const script of document.querySelectorAll('script')) {
				const type = script.getAttribute('type') ?? '';
				// Data blocks (JSON-LD) are not JavaScript.
				if (/^application\/(ld\+)?json$/.test(type)) continue;
				// The one exception: a story that embeds a video carries the small click-to-load
				// script (issue 5: no third-party code until the reader clicks). Without it the
				// poster is still a plain link to the video; other pages stay script-free.
				const src = script.getAttribute('src') ?? '';
				if (/\/Embed\.[^/]*\.js$/.test(src) && document.querySelector('caravan-embed')) {
					const bytes = (await stat(path.join(dist, src))).size;
					if (bytes > budget.embedScriptBytes)
						problems.push({
							file,
							problem: `the video embed script is ${bytes} bytes, over ${budget.embedScriptBytes}`,
						});
					continue;
				}
				problems.push({
					file,
					problem: `has JavaScript: <script${script.getAttribute('src') ? ` src="${script.getAttribute('src')}"` : ''}> (only the search page may)`,
				});
			}
			for (const link of document.querySelectorAll(
				'link[rel~="stylesheet"][href], link[rel="modulepreload"][href]',
			)) {
				const href = link.getAttribute('href') ?? '';
				if (link.getAttribute('rel') === 'modulepreload') {
					problems.push({ file, problem: `preloads JavaScript ${href}` });
					continue;
				}
				if (/^(https?:)?\/\//.test(href))
					problems.push({ file, problem: `stylesheet from another host: ${href}` });
				else
					stylesheets.add(urlPathToFile(dist, new URL(href, 'http://x/' + file).pathname) ?? href);
			}
		}
		for (const img of document.querySelectorAll('img')) {
			if (!img.hasAttribute('width') || !img.hasAttribute('height')) {
				problems.push({
					file,
					problem: `<img src="${img.getAttribute('src') ?? ''}"> lacks width or height`,
				});
			}
		}
		if (document.querySelector('link[href*="fonts.googleapis"], link[href*="fonts.gstatic"]')) {
			problems.push({ file, problem: 'loads fonts from another host' });
		}
	}

	let totalCssBytes = 0;
	for (const sheet of stylesheets) {
		try {
			totalCssBytes += (await stat(path.join(dist, sheet))).size;
		} catch {
			problems.push({ file: sheet, problem: 'linked stylesheet is missing' });
		}
	}
	if (totalCssBytes > budget.totalCssBytes) {
		problems.push({
			file: [...stylesheets].join(', '),
			problem: `CSS totals ${totalCssBytes} bytes, over ${budget.totalCssBytes}`,
		});
	}

	for (const file of await distFiles(dist, '.css')) {
		const css = await readFile(path.join(dist, file), 'utf8');
		for (const face of fontFaces(css)) {
			if (!face.unicodeRange)
				problems.push({ file, problem: '@font-face without unicode-range (not subset)' });
			for (const url of face.urls) {
				if (/^(https?:)?\/\//.test(url))
					problems.push({ file, problem: `font from another host: ${url}` });
				else if (!url.startsWith('data:') && !/\.woff2([?#].*)?$/.test(url))
					problems.push({ file, problem: `font is not woff2: ${url}` });
			}
		}
	}

	const fonts = await distFiles(dist, ...FONT_EXTENSIONS);
	for (const file of fonts) {
		const { size } = await stat(path.join(dist, file));
		if (size > budget.fontFileBytes)
			problems.push({
				file,
				problem: `font file is ${size} bytes, over ${budget.fontFileBytes}: not subset?`,
			});
	}
	return { problems, largestArticleBytes, totalCssBytes, fontFiles: fonts.length };
}
