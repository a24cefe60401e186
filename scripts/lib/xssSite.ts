/**
 * The XSS fixture site (site `xss` in scripts/lib/fixtureSites.ts): the vectors of
 * tests/fixtures/xss/vectors.json written into Markdown and MDX article bodies as a writer would
 * type them, beside one story per format of the formatting writers may use. tests/browser/xss.test.ts
 * opens every story in Chromium.
 *
 * Each vector is followed by a marker paragraph (`xss-vector-12`), so the test can see that what
 * follows a vector still renders. A vector that opens an HTML block Markdown never closes
 * (`<SCRIPT SRC=… <B>`) swallows everything after it, so it gets a story of its own instead of
 * hiding the vectors behind it.
 */
import { readFileSync } from 'node:fs';
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { markdownToHast, mdxToJs, type HastNode } from 'satteri';

const ROOT = path.resolve(import.meta.dirname, '../..');

interface Vectors {
	owasp: string[];
	mutation: string[];
	jsx: string[];
}

export const VECTORS = JSON.parse(
	readFileSync(path.join(ROOT, 'tests/fixtures/xss/vectors.json'), 'utf8'),
) as Vectors;

export interface XssStory {
	slug: string;
	format: 'md' | 'mdx';
	body: string;
	/** Marker paragraphs that must still be on the page. */
	markers: string[];
}

const PROBE = 'xss-probe';

/** Whether `markdown` still has the probe paragraph after it as text (not swallowed into raw HTML). */
function keepsWhatFollows(markdown: string): boolean {
	const hasProbe = (node: HastNode): boolean =>
		(node.type === 'text' && node.value === PROBE) ||
		('children' in node && (node.children as HastNode[]).some(hasProbe));
	return hasProbe(markdownToHast(`${markdown}\n\n${PROBE}\n`));
}

/** Whether `mdx` compiles on its own, as HTML-like JSX only: no `{expressions}` (they run at build time) and no capitalised tag (a component, not HTML). */
function isHtmlLikeMdx(mdx: string): boolean {
	if (/[{}]|<\/?[A-Z]/.test(mdx)) return false;
	try {
		mdxToJs(mdx);
		return true;
	} catch {
		return false;
	}
}

const SAFE_MARKDOWN = `Formatting stays: *emphasis*, **strong**, <mark>marked</mark>, <abbr title="Kyrgyz som">KGS</abbr> and a [report](https://example.org/report).

- first item
- second item

1. one
2. two

| City | Population |
| ---- | ---------- |
| Osh  | 322,000    |

<figure><blockquote><p>The road is older than the city.</p></blockquote><figcaption>A saying from Osh</figcaption></figure>

![Map of the route](../images/route-map.png)
`;

const SAFE_MDX = SAFE_MARKDOWN.replace(
	'![Map of the route](../images/route-map.png)',
	'<Figure src="../images/route-map.png" alt="Map of the route" caption="The route." />',
);

/** Every story of the fixture, in a stable order. */
export function xssStories(): XssStory[] {
	const stories: XssStory[] = [
		{ slug: 'safe-formatting', format: 'md', body: SAFE_MARKDOWN, markers: [] },
		{ slug: 'safe-formatting-mdx', format: 'mdx', body: SAFE_MDX, markers: [] },
	];
	const html = [...VECTORS.owasp, ...VECTORS.mutation];
	const together: XssStory = { slug: 'vectors', format: 'md', body: '', markers: [] };
	html.forEach((vector, i) => {
		const marker = `xss-vector-${i + 1}`;
		if (keepsWhatFollows(vector)) {
			together.body += `${vector}\n\n${marker}\n\n`;
			together.markers.push(marker);
		} else {
			stories.push({
				slug: `vector-${i + 1}`,
				format: 'md',
				body: `${marker}\n\n${vector}\n`,
				markers: [marker],
			});
		}
	});
	stories.push(together);
	const mdx: XssStory = { slug: 'vectors-mdx', format: 'mdx', body: '', markers: [] };
	[...VECTORS.jsx, ...html.filter(isHtmlLikeMdx)].forEach((vector, i) => {
		const marker = `xss-jsx-vector-${i + 1}`;
		mdx.body += `${vector}\n\n${marker}\n\n`;
		mdx.markers.push(marker);
	});
	stories.push(mdx);
	return stories;
}

/** Write the fixture's content folder. */
export async function prepareXssContent(contentDir: string): Promise<void> {
	await rm(contentDir, { recursive: true, force: true });
	await mkdir(path.join(contentDir, 'articles'), { recursive: true });
	await mkdir(path.join(contentDir, 'images'), { recursive: true });
	await mkdir(path.join(contentDir, 'ticker'), { recursive: true });
	await copyFile(
		path.join(ROOT, 'tests/fixtures/writers/images/route-map.png'),
		path.join(contentDir, 'images/route-map.png'),
	);
	await copyFile(
		path.join(ROOT, 'tests/fixtures/site/ticker/2025-12-17.json'),
		path.join(contentDir, 'ticker/2025-12-17.json'),
	);
	for (const [i, story] of xssStories().entries()) {
		const front = [
			'---',
			`title: "XSS fixture: ${story.slug}"`,
			`date: 2025-12-${String(10 + (i % 5)).padStart(2, '0')}T09:00:00+05:00`,
			'author: "Staff Reporter"',
			'section: tech',
			'---',
			'',
		].join('\n');
		await writeFile(
			path.join(contentDir, 'articles', `${story.slug}.${story.format}`),
			`${front}\n${story.body}`,
		);
	}
}
