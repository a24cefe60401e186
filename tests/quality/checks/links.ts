/**
 * Internal links of a built site: every reference in HTML, CSS, feeds, sitemaps and robots.txt
 * must resolve to a file in `dist`, and every `#fragment` to an id on the target page.
 * Absolute URLs on the site's own origin (canonical links, feeds, sitemaps, social images) count
 * as internal; other origins and schemes (mailto:, data:) are not checked. Form actions are
 * skipped: the search form's target is a page that may not exist yet.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DOMParser, parseHTML } from 'linkedom';
import { distFiles, fileToUrlPath, urlPathToFile } from './dist.ts';

export interface LinkProblem {
	/** File holding the reference, relative to `dist`. */
	file: string;
	/** The reference as written. */
	ref: string;
	problem: string;
}

interface Reference {
	ref: string;
	/** What the reference is resolved against: the document's own URL. */
	base: string;
}

/** Attributes holding one URL, by selector. */
const HTML_URL_ATTRIBUTES: [selector: string, attribute: string][] = [
	['a[href]', 'href'],
	['area[href]', 'href'],
	['link[href]:not([rel~="preconnect"]):not([rel~="dns-prefetch"])', 'href'],
	['img[src]', 'src'],
	['source[src]', 'src'],
	['script[src]', 'src'],
	['iframe[src]', 'src'],
	['video[src]', 'src'],
	['video[poster]', 'poster'],
	['audio[src]', 'src'],
	['track[src]', 'src'],
	['object[data]', 'data'],
	['meta[property="og:image"]', 'content'],
	['meta[property="og:url"]', 'content'],
	['meta[name="twitter:image"]', 'content'],
];

/** `a.jpg 1x, b.jpg 480w` → the URLs. */
export function srcsetUrls(srcset: string): string[] {
	return srcset
		.split(',')
		.map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
		.filter(Boolean);
}

/** Every string in a JSON-LD value that looks like a URL on `origin`. */
function jsonUrls(value: unknown, origin: string, into: string[] = []): string[] {
	if (typeof value === 'string' && value.startsWith(`${origin}/`)) into.push(value);
	else if (Array.isArray(value)) for (const item of value) jsonUrls(item, origin, into);
	else if (value && typeof value === 'object')
		for (const item of Object.values(value)) jsonUrls(item, origin, into);
	return into;
}

function htmlReferences(
	html: string,
	base: string,
	origin: string,
): { refs: Reference[]; problems: string[] } {
	const { document } = parseHTML(html);
	const refs: Reference[] = [];
	const problems: string[] = [];
	const baseHref = document.querySelector('base[href]')?.getAttribute('href');
	const docBase = baseHref ? new URL(baseHref, base).href : base;
	for (const [selector, attribute] of HTML_URL_ATTRIBUTES) {
		for (const element of document.querySelectorAll(selector))
			refs.push({ ref: element.getAttribute(attribute) ?? '', base: docBase });
	}
	for (const element of document.querySelectorAll('img[srcset], source[srcset]')) {
		for (const ref of srcsetUrls(element.getAttribute('srcset') ?? ''))
			refs.push({ ref, base: docBase });
	}
	for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
		try {
			for (const ref of jsonUrls(JSON.parse(script.textContent ?? ''), origin))
				refs.push({ ref, base: docBase });
		} catch {
			problems.push('JSON-LD block is not valid JSON');
		}
	}
	return { refs, problems };
}

/** URLs in feeds and sitemaps: `<loc>`, RSS `<link>`/`<url>` text, and `href`/`url` attributes (Atom, enclosures). */
function xmlReferences(xml: string, base: string): Reference[] {
	const document = new DOMParser().parseFromString(xml, 'text/xml');
	const refs: Reference[] = [];
	for (const element of document.querySelectorAll('*')) {
		const name = element.localName ?? element.tagName.toLowerCase();
		if (['loc', 'link', 'url', 'guid'].includes(name) && element.children.length === 0) {
			const value = (element.textContent ?? '').trim();
			// An RSS <guid> is only a URL when it says so (isPermaLink defaults to true).
			if (value && !(name === 'guid' && element.getAttribute('isPermaLink') === 'false'))
				refs.push({ ref: value, base });
		}
		for (const attribute of ['href', 'url']) {
			const value = element.getAttribute(attribute);
			if (value) refs.push({ ref: value, base });
		}
	}
	return refs;
}

function cssReferences(css: string, base: string): Reference[] {
	return [...css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)].map((match) => ({
		ref: match[2] ?? '',
		base,
	}));
}

function robotsReferences(text: string, base: string): Reference[] {
	return [...text.matchAll(/^\s*sitemap:\s*(\S+)/gim)].map((match) => ({
		ref: match[1] ?? '',
		base,
	}));
}

/** Ids (and legacy `<a name>`) of an HTML file, parsed once. */
function idIndex(dist: string): (file: string) => Promise<Set<string>> {
	const cache = new Map<string, Promise<Set<string>>>();
	return (file) => {
		let ids = cache.get(file);
		if (!ids) {
			ids = readFile(path.join(dist, file), 'utf8').then((html) => {
				const { document } = parseHTML(html);
				return new Set(
					[...document.querySelectorAll('[id], a[name]')].map(
						(element) => element.getAttribute('id') ?? element.getAttribute('name') ?? '',
					),
				);
			});
			cache.set(file, ids);
		}
		return ids;
	};
}

/** Every broken internal reference in `dist`. `origin` is the site's production origin (SITE.url). */
export async function checkLinks(
	dist: string,
	options: { origin: string },
): Promise<LinkProblem[]> {
	const origin = options.origin.replace(/\/+$/, '');
	const ids = idIndex(dist);
	const problems: LinkProblem[] = [];
	const files = await distFiles(dist, '.html', '.css', '.xml', '.rss', '.atom', 'robots.txt');
	for (const file of files) {
		const text = await readFile(path.join(dist, file), 'utf8');
		const base = `${origin}${fileToUrlPath(file)}`;
		let refs: Reference[];
		if (file.endsWith('.html')) {
			const found = htmlReferences(text, base, origin);
			for (const problem of found.problems) problems.push({ file, ref: '', problem });
			refs = found.refs;
		} else if (file.endsWith('.css')) refs = cssReferences(text, base);
		else if (file.endsWith('robots.txt')) refs = robotsReferences(text, base);
		else refs = xmlReferences(text, base);

		for (const { ref, base: refBase } of refs) {
			let url: URL;
			try {
				url = new URL(ref, refBase);
			} catch {
				problems.push({ file, ref, problem: 'not a valid URL' });
				continue;
			}
			if (url.origin !== origin) continue;
			const target = urlPathToFile(dist, url.pathname);
			if (!target) {
				problems.push({ file, ref, problem: `no file in dist for ${url.pathname}` });
				continue;
			}
			const fragment = decodeURIComponent(url.hash.slice(1));
			if (fragment && target.endsWith('.html') && !(await ids(target)).has(fragment)) {
				problems.push({ file, ref, problem: `no element with id "${fragment}" in ${target}` });
			}
		}
	}
	return problems;
}

/** HTML pages reachable from the front page by following `<a href>` links, as files relative to `dist`. */
export async function reachablePages(
	dist: string,
	options: { origin: string },
): Promise<Set<string>> {
	const origin = options.origin.replace(/\/+$/, '');
	const seen = new Set<string>(['index.html']);
	const queue = ['index.html'];
	for (let file = queue.shift(); file; file = queue.shift()) {
		const { document } = parseHTML(await readFile(path.join(dist, file), 'utf8'));
		for (const anchor of document.querySelectorAll('a[href]')) {
			let url: URL;
			try {
				url = new URL(anchor.getAttribute('href') ?? '', `${origin}${fileToUrlPath(file)}`);
			} catch {
				continue;
			}
			if (url.origin !== origin) continue;
			const target = urlPathToFile(dist, url.pathname);
			if (target?.endsWith('.html') && !seen.has(target)) {
				seen.add(target);
				queue.push(target);
			}
		}
	}
	return seen;
}

/** Article pages (`articles/<slug>/index.html`) that no chain of links from the front page reaches. */
export async function findOrphanArticles(
	dist: string,
	options: { origin: string },
): Promise<string[]> {
	const reachable = await reachablePages(dist, options);
	const articles = (await distFiles(dist, 'index.html')).filter((file) =>
		/^articles\/[^/]+\/index\.html$/.test(file),
	);
	return articles.filter((file) => !reachable.has(file));
}
