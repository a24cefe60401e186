/**
 * The allow-list for HTML a writer types into an article body: the configuration of
 * `sanitize-html`, which src/markdown/plugins.ts applies to raw HTML in Markdown and to HTML-like
 * JSX in MDX. Formatting tags and their harmless attributes stay; scripts, frames, styles, forms,
 * media, SVG and MathML go with everything inside them; event handlers and URLs other than
 * http(s), mailto, tel and relative ones never survive.
 *
 * Why `sanitize-html` and not `rehype-sanitize`/`hast-util-sanitize`: Sätteri keeps raw HTML as
 * the strings the writer typed (`raw` nodes), not as tree nodes. Its option to re-parse them into
 * the tree (`rawHtml`) would mix them with the elements Markdown itself makes (footnotes, task
 * lists, highlighted code, body images with their internal `caravan-image:` URLs), and a tree
 * sanitiser could then no longer tell what the writer typed from what the build made.
 *
 * Mutation XSS (markup a sanitiser reads one way and a browser another) cannot get through this
 * list: the library re-serialises what it keeps, escaping text and attribute values, and no kept
 * element changes how a browser tokenises what follows it (no raw-text or RCDATA element such as
 * `style`, `textarea`, `noscript`, `xmp`; no foreign content such as `svg`, `math`). So whatever
 * htmlparser2 made of the input, the browser parses the output into the elements it lists, and
 * the fragments Markdown splits raw HTML into stay safe when joined again on the page.
 * tests/browser/xss.test.ts runs a corpus of known vectors through a built site in Chromium.
 */
import type { IOptions } from 'sanitize-html';

/** `allowedEmptyAttributes` is an option of sanitize-html 2.x that @types/sanitize-html lacks. */
type Options = IOptions & { allowedEmptyAttributes?: string[] };

export const SANITIZE_OPTIONS = {
	/** Formatting tags a writer may use (images go through Markdown `![]()` or `<Figure>` instead). */
	allowedTags: [
		'a',
		'abbr',
		'b',
		'bdi',
		'bdo',
		'blockquote',
		'br',
		'caption',
		'cite',
		'code',
		'col',
		'colgroup',
		'dd',
		'del',
		'details',
		'dfn',
		'div',
		'dl',
		'dt',
		'em',
		'figcaption',
		'figure',
		'h2',
		'h3',
		'h4',
		'h5',
		'h6',
		'hr',
		'i',
		'ins',
		'kbd',
		'li',
		'mark',
		'ol',
		'p',
		'pre',
		'q',
		's',
		'samp',
		'small',
		'span',
		'strong',
		'sub',
		'summary',
		'sup',
		'table',
		'tbody',
		'td',
		'tfoot',
		'th',
		'thead',
		'time',
		'tr',
		'u',
		'ul',
		'var',
		'wbr',
	],
	/** Tags dropped together with everything inside them (any other tag not allowed keeps its text). */
	nonTextTags: [
		'script',
		'style',
		'iframe',
		'frame',
		'frameset',
		'object',
		'embed',
		'applet',
		'template',
		'noscript',
		'svg',
		'math',
		'textarea',
		'select',
		'option',
		'title',
		'head',
		'meta',
		'link',
		'base',
		'xmp',
		'noembed',
		'noframes',
		'plaintext',
		'form',
		'canvas',
		'audio',
		'video',
		'source',
		'track',
		'img',
		'picture',
		'input',
		'button',
	],
	disallowedTagsMode: 'discard',
	allowedAttributes: {
		'*': ['class', 'title', 'lang', 'dir'],
		a: ['href', 'hreflang'],
		blockquote: ['cite'],
		q: ['cite'],
		del: ['cite', 'datetime'],
		ins: ['cite', 'datetime'],
		time: ['datetime'],
		td: ['colspan', 'rowspan', 'headers'],
		th: ['colspan', 'rowspan', 'headers', 'scope', 'abbr'],
		col: ['span'],
		colgroup: ['span'],
		ol: ['start', 'reversed', 'type'],
		details: ['open'],
	},
	/** Boolean attributes, written without a value. */
	allowedEmptyAttributes: ['open', 'reversed'],
	/** Relative URLs and these schemes only, in links and citations. */
	allowedSchemes: ['http', 'https', 'mailto', 'tel'],
	allowProtocolRelative: true,
	/** Void elements among the allowed tags (the library writes them as `<br />`; the plugin as `<br>`). */
	selfClosing: ['br', 'col', 'hr', 'wbr'],
	parser: { lowerCaseTags: true, lowerCaseAttributeNames: true, decodeEntities: true },
} satisfies Options;
