/**
 * Sätteri plugins for article bodies (Markdown and MDX), wired in `astro.config.mjs`:
 * - images: `![alt](./photo.jpg)` becomes a responsive `<picture>` through `src/lib/images.ts`
 *   (and MDX `<Figure src>` is resolved the same way);
 * - sanitising: raw HTML and HTML-like JSX keep formatting only (see `src/lib/sanitize.ts`).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
	defineHastPlugin,
	defineMdastPlugin,
	type HastNode,
	type HastVisitorContext,
	type MdxJsxFlowElementHast,
	type MdxJsxTextElementHast,
} from 'satteri';
import type { Element, ElementContent } from 'hast';
import { cacheDir, contentDir, IMAGES } from '../config.ts';
import { resolveImageSrc } from '../lib/imageSrc.ts';
import { pictureParts, processImage } from '../lib/images.ts';
import { ALLOWED_TAGS, DROPPED_WITH_CONTENT, isAllowedAttribute, isSafeUrl, sanitizeHtml } from '../lib/sanitize.ts';

/** Body images resolved to files carry this scheme between the two phases (Astro's own image handling skips it). */
const RESOLVED = 'caravan-image:';

/** Resolve an image `src` against the article being compiled, or fail the build naming both. */
function resolveOrThrow(src: string, fileURL: URL | undefined): string {
	const article = fileURL ? fileURLToPath(fileURL) : path.join(contentDir(), 'articles', 'unknown.md');
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
			attribute.type === 'mdxJsxAttribute' && attribute.name === 'src' && typeof attribute.value === 'string'
				? { ...attribute, value: resolveOrThrow(attribute.value, ctx.fileURL) }
				: attribute,
		);
		ctx.replaceNode(node, { ...node, attributes });
	},
});

/** The hast `<picture>` for a processed body image. */
async function pictureElement(file: string, alt: string): Promise<Element> {
	const set = await processImage(file, IMAGES.widths, path.join(cacheDir(), 'caravan-images'));
	const { sources, img } = pictureParts(set, { alt, sizes: IMAGES.articleSizes, urlPrefix: IMAGES.urlPrefix });
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
		const clean = sanitizeHtml(node.value);
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
function sanitizeJsx(node: Readonly<MdxJsxFlowElementHast | MdxJsxTextElementHast>, ctx: HastVisitorContext): void {
	const name = node.name;
	if (!name || /^[A-Z]/.test(name) || name.includes('.')) return;
	const tag = name.toLowerCase();
	if (DROPPED_WITH_CONTENT.has(tag)) return ctx.removeNode(node);
	if (!ALLOWED_TAGS.has(tag)) return ctx.replaceNode(node, node.children as HastNode[]);
	// Only literal attributes can be checked: `{expressions}` on HTML tags are dropped.
	const attributes = node.attributes.filter(
		(attribute) =>
			attribute.type === 'mdxJsxAttribute' &&
			(attribute.value == null || typeof attribute.value === 'string') &&
			isAllowedAttribute(tag, attribute.name, attribute.value ?? ''),
	);
	if (attributes.length !== node.attributes.length) ctx.replaceNode(node, { ...node, attributes } as HastNode);
}
