import { markdownToHtml, mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import { isSafeUrl, sanitizeAndPicture, sanitizeFragment } from '../../src/markdown/plugins.ts';

describe('isSafeUrl', () => {
	it('accepts relative, fragment, http(s), mailto and tel URLs', () => {
		for (const url of [
			'/articles/x/',
			'../x',
			'#notes',
			'https://example.com/?a=1',
			'http://x',
			'mailto:desk@caravan.example',
			'tel:+77000000000',
		]) {
			expect(isSafeUrl(url), url).toBe(true);
		}
	});

	it('rejects script URLs however they are disguised', () => {
		for (const url of [
			'javascript:alert(1)',
			' JavaScript:alert(1)',
			'java\tscript:alert(1)',
			'java\nscript:x',
			'\u0001javascript:x',
			'vbscript:x',
			'data:text/html,<script>x</script>',
		]) {
			expect(isSafeUrl(url), JSON.stringify(url)).toBe(false);
		}
	});
});

describe('sanitizeFragment (sanitize-html, with the allow-list)', () => {
	it('keeps formatting tags and their allowed attributes', () => {
		expect(
			sanitizeFragment(
				'<p class="lede">A <mark>marked</mark> <abbr title="Kyrgyz som">KGS</abbr> <a href="https://x.example/">link</a></p>',
			),
		).toBe(
			'<p class="lede">A <mark>marked</mark> <abbr title="Kyrgyz som">KGS</abbr> <a href="https://x.example/">link</a></p>',
		);
		expect(sanitizeFragment('<table><tr><th scope="col">A</th></tr></table><br><hr/>')).toBe(
			'<table><tr><th scope="col">A</th></tr></table><br><hr>',
		);
	});

	it('drops script, style, iframe, object and svg with everything inside them', () => {
		expect(sanitizeFragment('<script>alert(1)</script>')).toBe('');
		expect(sanitizeFragment('<style>body{display:none}</style>after')).toBe('after');
		expect(sanitizeFragment('<iframe src="https://evil.example"></iframe><p>kept</p>')).toBe(
			'<p>kept</p>',
		);
		expect(sanitizeFragment('<object data="x"><embed src="y"></object>text')).toBe('text');
		expect(sanitizeFragment('<svg><script>1</script><a href="javascript:1">z</a></svg>after')).toBe(
			'after',
		);
	});

	it('removes event handlers, inline styles and javascript: URLs', () => {
		expect(sanitizeFragment('<b onclick="x()" style="color:red">bold</b>')).toBe('<b>bold</b>');
		expect(sanitizeFragment('<a href="javascript:alert(1)" title="t">x</a>')).toBe(
			'<a title="t">x</a>',
		);
		expect(sanitizeFragment('<a href="java&#9;script:alert(1)">x</a>')).toBe('<a>x</a>');
		expect(
			sanitizeFragment('<div onmouseover="y()"><img src=x onerror="alert(1)"> text</div>'),
		).toBe('<div> text</div>');
	});

	it('escapes text and attribute values', () => {
		expect(sanitizeFragment('<span title="a &quot;b&quot; &amp; c">1 &lt; 2 &amp; 3</span>')).toBe(
			'<span title="a &quot;b&quot; &amp; c">1 &lt; 2 &amp; 3</span>',
		);
		expect(sanitizeFragment('<scr<script>ipt>alert(1)</script>')).toBe('ipt&gt;alert(1)');
	});

	it('handles the fragments Markdown splits inline HTML into', () => {
		expect(sanitizeFragment('<b onclick="x()">')).toBe('<b>');
		expect(sanitizeFragment('</b>')).toBe('</b>');
		expect(sanitizeFragment('</script>')).toBe('');
		// A parser would close <p> itself; only what the writer wrote comes out.
		expect(sanitizeFragment('<p>unclosed')).toBe('<p>unclosed');
	});

	it('keeps boolean attributes and writes void tags without a slash', () => {
		expect(
			sanitizeFragment(
				'<details open><summary>More</summary>x</details><ol reversed><li>a</li></ol>',
			),
		).toBe('<details open=""><summary>More</summary>x</details><ol reversed=""><li>a</li></ol>');
		expect(sanitizeFragment('<span title="a /> b">x</span><br/>')).toBe(
			'<span title="a /&gt; b">x</span><br>',
		);
	});

	it('holds against mutation XSS: nothing kept switches the browser into another parsing mode', () => {
		for (const html of [
			'<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
			'<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
			'<svg><style><img src=x onerror=alert(1)></style></svg>',
			'<xmp><img src=x onerror=alert(1)></xmp>',
			'<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>',
		]) {
			expect(sanitizeFragment(html), html).not.toMatch(
				/<(img|style|svg|math|noscript|xmp|form)|onerror=/i,
			);
		}
	});

	it('drops comments and unknown tags but keeps their text', () => {
		expect(
			sanitizeFragment('<!-- note --><marquee>moving</marquee><font color="red">red</font>'),
		).toBe('movingred');
	});
});

describe('the body plugin (Markdown through Sätteri)', () => {
	const render = async (markdown: string) =>
		(await markdownToHtml(markdown, { hastPlugins: [sanitizeAndPicture] })).html;

	it('sanitises raw HTML blocks and inline HTML', async () => {
		const html = await render(
			'Hello <b onclick="x()">bold</b> and <a href="javascript:alert(1)">raw</a>.\n\n<script>window.bad = 1</script>\n\n<iframe src="https://evil.example"></iframe>\n\n<div onmouseover="y()">kept</div>\n',
		);
		expect(html).toContain('<b>bold</b>');
		expect(html).toContain('<a>raw</a>');
		expect(html).toContain('<div>kept</div>');
		expect(html).not.toMatch(/script|iframe|onclick|onmouseover|javascript:/);
	});

	it('removes javascript: from Markdown links', async () => {
		const html = await render("[md link](javascript:alert('md')) and [fine](/articles/x/)");
		expect(html.trim()).toBe('<p><a>md link</a> and <a href="/articles/x/">fine</a></p>');
	});
});

describe('the body plugin (MDX)', () => {
	const compile = async (mdx: string) =>
		(await mdxToJs(mdx, { hastPlugins: [sanitizeAndPicture] })).code;

	it('removes script and iframe JSX, event handlers and javascript: hrefs, keeps components', async () => {
		const code = await compile(
			'Hi <b onClick="steal()">bold</b> <a href="javascript:alert(1)" title="t">l</a>\n\n<script>{"window.bad = 1"}</script>\n\n<iframe src="https://evil.example"></iframe>\n\n<Factbox title="Kept">x</Factbox>\n',
		);
		expect(code).not.toMatch(/steal|window\.bad|evil\.example|javascript:/);
		expect(code).toContain('title: "t"');
		expect(code).toContain('Factbox');
	});

	it('checks every attribute, so a repeated name cannot slip a script URL past (the JSX runtime keeps the last)', async () => {
		const code = await compile(
			'<a href="https://ok.example/" href="javascript:alert(1)">x</a> <a HREF="javascript:alert(2)" href="/fine/">y</a>\n',
		);
		expect(code).not.toContain('javascript:');
		expect(code).toContain('href: "https://ok.example/"');
		expect(code).toContain('href: "/fine/"');
	});

	it('drops expression attributes on HTML tags (they cannot be checked)', async () => {
		const code = await compile('<a href={"java" + "script:alert(1)"}>x</a>\n');
		expect(code).not.toContain('script:alert');
	});
});
