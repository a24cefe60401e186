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

/** Text inside raw HTML: tags dropped, entities decoded, `<script>`/`<style>` contents gone. */
function htmlToText(html: string): string {
	return decodeHTML(
		html
			.replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
			.replace(/<!--[\s\S]*?-->/g, ' ')
			.replace(
				/<\/?(p|div|br|li|h[1-6]|blockquote|section|figure|figcaption|tr|td|th)\b[^>]*>/gi,
				' ',
			)
			.replace(/<[^>]*>/g, ''),
	);
}

/** Nodes whose text runs on inside a line (everything else starts a block of its own). */
const PHRASING = new Set([
	'text',
	'inlineCode',
	'break',
	'emphasis',
	'strong',
	'delete',
	'link',
	'linkReference',
	'mdxJsxTextElement',
	'footnoteReference',
]);

/** Containers whose raw HTML children are inline (`<b>` in a paragraph), not blocks of their own. */
const INLINE_PARENTS = new Set(['paragraph', 'heading', 'tableCell', ...PHRASING]);

type Node = MdastNode & { value?: unknown; children?: MdastNode[] };

/** Text of a phrasing node and its descendants. */
function inlineText(node: Node): string {
	if (SKIPPED.has(node.type)) return '';
	if (node.type === 'text' || node.type === 'inlineCode') return String(node.value ?? '');
	if (node.type === 'html') return htmlToText(String(node.value ?? ''));
	if (node.type === 'break') return ' ';
	return (node.children ?? []).map((child) => inlineText(child as Node)).join('');
}

/**
 * Collect the text of a block container: runs of phrasing children (a paragraph's, or a JSX
 * element's written on one line) form one block; other children are blocks of their own.
 */
function collectBlocks(node: Node, blocks: string[]): void {
	if (SKIPPED.has(node.type)) return;
	if (node.type === 'html') {
		blocks.push(htmlToText(String(node.value ?? '')));
		return;
	}
	if (node.type === 'code') {
		blocks.push(String(node.value ?? ''));
		return;
	}
	let run = '';
	for (const child of node.children ?? []) {
		const c = child as Node;
		if (PHRASING.has(c.type) || (c.type === 'html' && INLINE_PARENTS.has(node.type))) {
			run += inlineText(c);
			continue;
		}
		if (run) blocks.push(run);
		run = '';
		collectBlocks(c, blocks);
	}
	if (run) blocks.push(run);
}

/** The body as plain text: Markdown and HTML stripped, blocks joined by a space, whitespace collapsed. */
export function plainText(body: string, format: 'md' | 'mdx' = 'md'): string {
	const tree =
		format === 'mdx'
			? mdxToMdast(body, { position: false })
			: markdownToMdast(body, { position: false });
	const blocks: string[] = [];
	collectBlocks(tree as Node, blocks);
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
