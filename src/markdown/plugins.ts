/**
 * Sätteri plugins for article bodies (Markdown and MDX), wired in `astro.config.mjs`:
 * - images: `![alt](./photo.jpg)` becomes a responsive `<picture>` through `src/site/imagePipeline.ts`
 *   (and MDX `<Figure src>` is resolved the same way);
 * - sanitising: raw HTML and HTML-like JSX keep formatting only, by `sanitize-html` with the
 *   allow-list in `src/lib/sanitize.ts` (which also says why that library).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
	defineHastPlugin,
	defineMdastPlugin,
	type HastNode,
	type HastVisitorContext,
	type MdxJsxAttributeNode,
	type MdxJsxFlowElementHast,
	type MdxJsxTextElementHast,
} from 'satteri';
import type { Element, ElementContent } from 'hast';
import { escapeAttribute } from 'entities';
import sanitizeHtml from 'sanitize-html';
import { cacheDir, contentDir, IMAGES } from '../config.ts';
import { resolveImageSrc } from '../lib/imagePaths.ts';
import { pictureParts, processImage } from '../site/imagePipeline.ts';
import { SANITIZE_OPTIONS } from '../lib/sanitize.ts';

const { allowedTags, nonTextTags, selfClosing } = SANITIZE_OPTIONS;

/**
 * Sanitise one fragment of raw HTML. Sätteri hands inline HTML over a tag at a time (`<b>`, the
 * text, then `</b>`), so only the tags really written come out: end tags at the start close what
 * an earlier fragment opened, and the end tags the library adds to balance a fragment are taken
 * off again. What may stay is the library's decision alone.
 */
export function sanitizeFragment(html: string): string {
	let out = '';
	let rest = html;
	for (
		let match;
		(match = /^\s*<\/([a-zA-Z][a-zA-Z0-9]*)\s*>/.exec(rest));
		rest = rest.slice(match[0].length)
	) {
		const name = (match[1] as string).toLowerCase();
		if (allowedTags.includes(name) && !selfClosing.includes(name)) out += `</${name}>`;
	}
	const closed: { name: string; implied: boolean }[] = [];
	let clean = sanitizeHtml(rest, {
		...SANITIZE_OPTIONS,
		onCloseTag: (name, implied) => closed.push({ name, implied }),
	});
	for (let i = closed.length - 1; i >= 0 && closed[i]!.implied; i--) {
		const end = `</${closed[i]!.name}>`;
		if (clean.endsWith(end)) clean = clean.slice(0, -end.length);
	}
	// `<br />` as `<br>`: attribute values have `>` escaped, so ` />` only ever ends a tag.
	return out + clean.replaceAll(' />', '>');
}

/** The attributes of `<tag …>` the allow-list keeps (lower-cased names), or `undefined` when the tag goes. */
function keptAttributes(
	tag: string,
	attributes: ReadonlyArray<readonly [string, string]>,
): Set<string> | undefined {
	let kept: Set<string> | undefined;
	const html = `<${tag}${attributes.map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`).join('')}>`;
	sanitizeHtml(html, {
		...SANITIZE_OPTIONS,
		exclusiveFilter(frame) {
			kept ??= new Set(Object.keys(frame.attribs));
			return false;
		},
	});
	return kept;
}

/** Whether a URL may stay in a link, by the allow-list (a URL without a colon is relative: nothing to ask). */
export function isSafeUrl(url: string): boolean {
	return !url.includes(':') || (keptAttributes('a', [['href', url]])?.has('href') ?? false);
}

/** Body images resolved to files carry this scheme between the two phases (Astro's own image handling skips it). */
const RESOLVED = 'caravan-image:';

/** Resolve an image `src` against the article being compiled, or fail the build naming both. */
function resolveOrThrow(src: string, fileURL: URL | undefined): string {
	const article = fileURL
		? fileURLToPath(fileURL)
		: path.join(contentDir(), 'articles', 'unknown.md');
	const resolved = resolveImageSrc(src, article, contentDir());
	if (!resolved.ok) throw new Error(`${article}: image ${resolved.message}`);
	return resolved.file;
}

/** Mdast phase: point local body images and `<Figure src>` at their files. */
export const resolveImages = defineMdastPlugin({
	name: 'caravan-resolve-images',
	image(node, ctx) {
		if (/^(https?:)?\/\//i.test(node.url)) return; // remote: reported by `npm run check`
		ctx.setProperty(node, 'url', RESOLVED + encodeURI(resolveOrThrow(node.url, ctx.fileURL)));
	},
	mdxJsxFlowElement(node, ctx) {
		if (node.name !== 'Figure') return;
		const attributes = node.attributes.map((attribute) =>
			attribute.type === 'mdxJsxAttribute' &&
			attribute.name === 'src' &&
			typeof attribute.value === 'string'
				? { ...attribute, value: resolveOrThrow(attribute.value, ctx.fileURL) }
				: attribute,
		);
		ctx.replaceNode(node, { ...node, attributes });
	},
});

/** The hast `<picture>` for a processed body image. */
async function pictureElement(file: string, alt: string): Promise<Element> {
	const set = await processImage(file, IMAGES.widths, path.join(cacheDir(), 'caravan-images'));
	const { sources, img } = pictureParts(set, {
		alt,
		sizes: IMAGES.articleSizes,
		urlPrefix: IMAGES.urlPrefix,
	});
	const { srcset, ...imgRest } = img;
	const children: ElementContent[] = [
		...sources.map((source): Element => ({
			type: 'element',
			tagName: 'source',
			properties: { type: source.type, srcSet: source.srcset, sizes: source.sizes },
			children: [],
		})),
		{ type: 'element', tagName: 'img', properties: { ...imgRest, srcSet: srcset }, children: [] },
	];
	return { type: 'element', tagName: 'picture', properties: {}, children };
}

/** Hast phase: raw HTML and HTML-like JSX reduced to formatting; body images made responsive. */
export const sanitizeAndPicture = defineHastPlugin({
	name: 'caravan-sanitize-and-picture',
	raw(node, ctx) {
		const clean = sanitizeFragment(node.value);
		if (clean !== node.value) ctx.replaceNode(node, { type: 'raw', value: clean });
	},
	element: {
		filter: ['a', 'img'],
		async visit(node, ctx) {
			if (node.tagName === 'a') {
				const href = node.properties?.href;
				if (typeof href === 'string' && !isSafeUrl(href)) ctx.setProperty(node, 'href', null);
				return;
			}
			const src = node.properties?.src;
			if (typeof src === 'string' && src.startsWith(RESOLVED)) {
				const alt = typeof node.properties?.alt === 'string' ? node.properties.alt : '';
				ctx.replaceNode(node, await pictureElement(decodeURI(src.slice(RESOLVED.length)), alt));
			} else if (typeof src !== 'string' || !isSafeUrl(src)) ctx.removeNode(node);
		},
	},
	mdxJsxFlowElement: { filter: [], visit: sanitizeJsx },
	mdxJsxTextElement: { filter: [], visit: sanitizeJsx },
});

/** HTML written as JSX in MDX: the same allow-list as raw HTML. Components (capitalised) are left alone. */
function sanitizeJsx(
	node: Readonly<MdxJsxFlowElementHast | MdxJsxTextElementHast>,
	ctx: HastVisitorContext,
): void {
	const name = node.name;
	if (!name || /^[A-Z]/.test(name) || name.includes('.')) return;
	const tag = name.toLowerCase();
	if (nonTextTags.includes(tag)) return ctx.removeNode(node);
	// Only literal attributes can be checked: `{expressions}` on HTML tags are dropped.
	const literal = node.attributes.filter(
		(attribute): attribute is MdxJsxAttributeNode & { value?: string | null } =>
			attribute.type === 'mdxJsxAttribute' &&
			(attribute.value == null || typeof attribute.value === 'string'),
	);
	if (!keptAttributes(tag, [])) return ctx.replaceNode(node, node.children as HastNode[]);
	// Each attribute on its own: a parser keeps the first of two `href`s, the JSX runtime the last.
	const attributes = literal.filter((attribute) =>
		keptAttributes(tag, [[attribute.name, attribute.value ?? '']])?.has(
			attribute.name.toLowerCase(),
		),
	);
	if (attributes.length !== node.attributes.length)
		ctx.replaceNode(node, { ...node, attributes } as HastNode);
}
