/** Plain text of an article body, its excerpt, and its word count. */
import { decodeHTML } from 'entities';
import { markdownToMdast, mdxToMdast, type MdastNode } from 'satteri';

/**
 * ASCII whitespace only (space, tab, LF, VT, FF, CR). Not `\s`: a no-break space (U+00A0) must
 * join the words on either side, as the writer intended.
 */
const ASCII_WHITESPACE = /[ \t\n\v\f\r]+/;
const ASCII_WHITESPACE_G = /[ \t\n\v\f\r]+/g;

/** Nodes that carry no reader-visible text: MDX code, expressions, images, metadata. */
const SKIPPED = new Set([
	'mdxjsEsm',
	'mdxFlowExpression',
	'mdxTextExpression',
	'image',
	'imageReference',
	'definition',
	'footnoteDefinition',
	'yaml',
	'toml',
]);

const INLINE_PARENTS = new Set([
	'paragraph',
	'heading',
	'tableCell',
	'emphasis',
	'strong',
	'delete',
	'link',
	'linkReference',
	'mdxJsxTextElement',
]);

/** Text inside raw HTML: tags dropped, entities decoded, `<script>`/`<style>` contents gone. */
function htmlToText(html: string): string {
	return decodeHTML(
		html
			.replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
			.replace(/<!--[\s\S]*?-->/g, ' ')
			.replace(/<\/?(p|div|br|li|h[1-6]|blockquote|section|figure|figcaption|tr|td|th)\b[^>]*>/gi, ' ')
			.replace(/<[^>]*>/g, ''),
	);
}

/** Inline content that can sit directly inside a block container. */
const PHRASING = new Set(['text', 'inlineCode', 'break', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'mdxJsxTextElement']);

/** Collect text; blocks (paragraphs, headings, list items, HTML blocks) are kept apart. */
function collect(node: MdastNode, blocks: string[], inline: boolean): string {
	const n = node as MdastNode & { value?: unknown; children?: MdastNode[] };
	if (SKIPPED.has(n.type)) return '';
	if (n.type === 'html') {
		const text = htmlToText(String(n.value ?? ''));
		if (!inline) blocks.push(text);
		return inline ? text : '';
	}
	if (n.type === 'text' || n.type === 'inlineCode') return String(n.value ?? '');
	if (n.type === 'code') {
		blocks.push(String(n.value ?? ''));
		return '';
	}
	if (n.type === 'break') return ' ';
	const children = n.children ?? [];
	if (INLINE_PARENTS.has(n.type) || inline) {
		const text = children.map((child) => collect(child, blocks, true)).join('');
		if (!inline) blocks.push(text);
		return text;
	}
	// A block container (root, list item, a JSX flow element) may hold phrasing directly, as
	// `<Note>Remember this</Note>` on one line does: each run of it is one block.
	let run = '';
	for (const child of children) {
		if (PHRASING.has(child.type)) {
			run += collect(child, blocks, true);
			continue;
		}
		if (run) blocks.push(run);
		run = '';
		collect(child, blocks, false);
	}
	if (run) blocks.push(run);
	return '';
}

/** The body as plain text: Markdown and HTML stripped, blocks joined by a space, whitespace collapsed. */
export function plainText(body: string, format: 'md' | 'mdx' = 'md'): string {
	const tree =
		format === 'mdx'
			? mdxToMdast(body, { position: false })
			: markdownToMdast(body, { position: false });
	const blocks: string[] = [];
	collect(tree, blocks, false);
	return blocks.join(' ').replace(ASCII_WHITESPACE_G, ' ').trim();
}

/** Words of plain text, split on ASCII whitespace only. */
export function words(text: string): string[] {
	const trimmed = text.replace(/^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g, '');
	return trimmed === '' ? [] : trimmed.split(ASCII_WHITESPACE);
}

/** The first `limit` words; when cut, `...` is appended to the last word kept. */
export function excerpt(text: string, limit: number): { text: string; truncated: boolean } {
	const all = words(text);
	if (all.length <= limit) return { text: all.join(' '), truncated: false };
	return { text: `${all.slice(0, limit).join(' ')}...`, truncated: true };
}

/** Cut plain text to at most `maxChars` at a word boundary, with an ellipsis (meta descriptions). */
export function clip(text: string, maxChars: number): string {
	if (text.length <= maxChars) return text;
	const cut = text.slice(0, maxChars - 1);
	const lastSpace = cut.lastIndexOf(' ');
	return `${(lastSpace > maxChars / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,.;:–—-]+$/, '')}…`;
}
