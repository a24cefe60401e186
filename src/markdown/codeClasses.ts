/**
 * Code blocks coloured by classes, not inline styles: the Content-Security-Policy
 * (`style-src 'self'`, public/_headers) blocks every `style` attribute. Shiki's `css-variables`
 * theme (set in astro.config.mjs) marks each token with `color: var(--astro-code-token-<kind>)`;
 * this transformer turns that into the class `code-<kind>` and drops every inline style, and the
 * article page colours the classes with the `--code-*` design tokens (src/styles/tokens.css),
 * light and dark. Plain text (`--astro-code-foreground`) needs no class: it inherits the block's.
 *
 * It also takes away Shiki's time limit per line (500 ms): on a busy machine the first block of a
 * build (which compiles the grammar) ran past it and came out as one uncoloured token, so the same
 * story built differently. Lines past a fixed length are left plain instead, the same every time.
 */
import type { Element, Root, RootContent } from 'hast';

const TOKEN = /var\(--astro-code-token-([a-z-]+)\)/;

function classify(node: Root | RootContent): void {
	if (node.type !== 'root' && node.type !== 'element') return;
	if (node.type === 'element') moveStyleToClass(node);
	node.children.forEach(classify);
}

function moveStyleToClass(element: Element): void {
	const style = element.properties.style;
	if (style === undefined) return;
	delete element.properties.style;
	const kind = TOKEN.exec(String(style))?.[1];
	if (!kind) return;
	// Shiki's own trees use `class`, not hast's `className`.
	element.properties.class = [element.properties.class, `code-${kind}`].filter(Boolean).join(' ');
}

/** The Shiki transformer: settings before tokenising, classes on the finished tree of each block. */
export const codeClasses = {
	name: 'caravan-code-classes',
	preprocess(
		_code: string,
		options: { tokenizeTimeLimit?: number; tokenizeMaxLineLength?: number },
	): void {
		options.tokenizeTimeLimit = 0;
		options.tokenizeMaxLineLength = 1000;
	},
	root(root: Root): void {
		classify(root);
	},
};
