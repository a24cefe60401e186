/**
 * Raw HTML that a writer typed into a Markdown body, reduced to an allow-list of formatting tags
 * and attributes. Scripts, frames, styles, event handlers and `javascript:` URLs never survive.
 */
import { Parser } from 'htmlparser2';

/** Formatting tags a writer may use in raw HTML (images go through Markdown `![]()` instead). */
export const ALLOWED_TAGS = new Set([
	'a', 'abbr', 'b', 'bdi', 'bdo', 'blockquote', 'br', 'caption', 'cite', 'code', 'col', 'colgroup', 'dd',
	'del', 'details', 'dfn', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'h2', 'h3', 'h4', 'h5', 'h6',
	'hr', 'i', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'pre', 'q', 's', 'samp', 'small', 'span', 'strong',
	'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'u', 'ul',
	'var', 'wbr',
]);

/** Tags dropped together with everything inside them. */
export const DROPPED_WITH_CONTENT = new Set([
	'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'template', 'noscript',
	'svg', 'math', 'textarea', 'select', 'option', 'title', 'head', 'meta', 'link', 'base', 'xmp',
	'noembed', 'noframes', 'plaintext', 'form', 'canvas', 'audio', 'video', 'source', 'track', 'img',
	'picture', 'input', 'button',
]);

const GLOBAL_ATTRIBUTES = new Set(['class', 'title', 'lang', 'dir']);
const TAG_ATTRIBUTES: Record<string, Set<string>> = {
	a: new Set(['href', 'hreflang']),
	blockquote: new Set(['cite']),
	q: new Set(['cite']),
	del: new Set(['cite', 'datetime']),
	ins: new Set(['cite', 'datetime']),
	time: new Set(['datetime']),
	td: new Set(['colspan', 'rowspan', 'headers']),
	th: new Set(['colspan', 'rowspan', 'headers', 'scope', 'abbr']),
	col: new Set(['span']),
	colgroup: new Set(['span']),
	ol: new Set(['start', 'reversed', 'type']),
	details: new Set(['open']),
};
const URL_ATTRIBUTES = new Set(['href', 'cite']);
/** Elements without content or end tag: they never open a dropped region. */
const VOID_TAGS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/**
 * Whether a URL is safe in a link: relative, fragment, http(s), mailto or tel. Browsers ignore
 * control characters and whitespace inside a scheme (`java\tscript:`), so those are removed first.
 */
export function isSafeUrl(url: string): boolean {
	// eslint-disable-next-line no-control-regex
	const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
	const scheme = /^([a-z][a-z0-9+.-]*):/.exec(compact)?.[1];
	return scheme === undefined || ['http', 'https', 'mailto', 'tel'].includes(scheme);
}

/** Whether an attribute of an HTML tag may stay (by name and, for URLs, by value). */
export function isAllowedAttribute(tag: string, name: string, value: string): boolean {
	const key = name.toLowerCase();
	if (!GLOBAL_ATTRIBUTES.has(key) && !TAG_ATTRIBUTES[tag]?.has(key)) return false;
	return !URL_ATTRIBUTES.has(key) || isSafeUrl(value);
}

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (value: string) => escapeText(value).replace(/"/g, '&quot;');

/**
 * Sanitise one fragment of raw HTML. Markdown splits inline HTML into separate fragments
 * (`<b>`, then the text, then `</b>`), so a fragment is a stream of tags: only the tags really
 * written are emitted, never the ones a parser would imply to balance the fragment.
 */
export function sanitizeHtml(html: string): string {
	let out = '';
	// A parser ignores end tags it saw no start for, but here they close what an earlier fragment opened.
	let rest = html;
	for (let match; (match = /^\s*<\/([a-zA-Z][a-zA-Z0-9]*)\s*>/.exec(rest)); rest = rest.slice(match[0].length)) {
		const name = (match[1] as string).toLowerCase();
		if (ALLOWED_TAGS.has(name) && !VOID_TAGS.has(name)) out += `</${name}>`;
	}
	// Depth inside a dropped element (its content goes too).
	let dropping = 0;
	const parser = new Parser(
		{
			onopentag(name, attributes, isImplied) {
				if (dropping > 0 || DROPPED_WITH_CONTENT.has(name)) {
					if (!VOID_TAGS.has(name)) dropping++;
					return;
				}
				if (isImplied || !ALLOWED_TAGS.has(name)) return;
				const kept = Object.entries(attributes)
					.filter(([key, value]) => isAllowedAttribute(name, key, value))
					.map(([key, value]) => ` ${key.toLowerCase()}="${escapeAttribute(value)}"`)
					.join('');
				out += `<${name}${kept}>`;
			},
			ontext(text) {
				if (dropping === 0) out += escapeText(text);
			},
			onclosetag(name, isImplied) {
				if (dropping > 0) {
					if (!VOID_TAGS.has(name)) dropping--;
					return;
				}
				if (isImplied || !ALLOWED_TAGS.has(name) || VOID_TAGS.has(name)) return;
				out += `</${name}>`;
			},
		},
		{ decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
	);
	parser.write(rest);
	parser.end();
	return out;
}
