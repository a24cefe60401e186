import { describe, expect, it } from 'vitest';
import { SITE } from '../../src/config.ts';
import { clip, excerpt, plainText, words } from '../../src/lib/excerpt.ts';
import { makeArticle, numberedWords } from './fixtures.ts';

const NBSP = '\u00a0';
const LIMIT = SITE.excerptWords;

/** The excerpt exactly as an article gets it: body → plain text → first 500 words. */
const excerptOf = (body: string, format: 'md' | 'mdx' = 'md') =>
	excerpt(plainText(body, format), LIMIT);

describe('configuration', () => {
	it('cuts excerpts at 500 words', () => {
		expect(SITE.excerptWords).toBe(500);
	});
});

describe('plainText: Markdown', () => {
	it('strips inline Markdown and keeps the words', () => {
		expect(
			plainText(
				'Some *emphasis*, **strong**, ~~gone~~, `code` and a [link](https://example.com "t").',
			),
		).toBe('Some emphasis, strong, gone, code and a link.');
	});

	it('joins paragraphs, headings, list items and quotes with a single space', () => {
		const body =
			'# Title\n\nFirst paragraph.\n\n## Sub\n\nSecond\nparagraph.\n\n- one\n- two\n\n1. three\n\n> quoted';
		expect(plainText(body)).toBe(
			'Title First paragraph. Sub Second paragraph. one two three quoted',
		);
	});

	it('collapses runs of whitespace and trims the ends', () => {
		expect(plainText('\n\n  Lots   of\t\tspace  \n\n\n\n   here.   \n')).toBe(
			'Lots of space here.',
		);
	});

	it('turns hard line breaks into spaces', () => {
		expect(plainText('Line one  \nline two\\\nline three')).toBe('Line one line two line three');
	});

	it('drops images, link definitions and footnote definitions but keeps reference links', () => {
		const body =
			'Before ![a photo](photo.jpg) after [ref][r].\n\nNote[^1].\n\n[r]: https://example.com\n\n[^1]: The footnote.';
		expect(plainText(body)).toBe('Before after ref. Note.');
	});

	it('keeps code block text as its own block', () => {
		expect(plainText('Intro.\n\n```js\nconst x = 1;\n```\n\nOutro.')).toBe(
			'Intro. const x = 1; Outro.',
		);
	});

	it('keeps table cell text apart', () => {
		expect(plainText('| Country | Rate |\n|---|---|\n| Kyrgyzstan | 87.41 |')).toBe(
			'Country Rate Kyrgyzstan 87.41',
		);
	});

	it('returns an empty string for an empty body', () => {
		expect(plainText('')).toBe('');
		expect(plainText('   \n\n  ')).toBe('');
	});
});

describe('plainText: raw HTML', () => {
	it('strips inline tags and decodes entities', () => {
		expect(plainText('Tom &amp; Jerry <b>bold</b> and <span class="x">inline</span> text.')).toBe(
			'Tom & Jerry bold and inline text.',
		);
	});

	it('strips block HTML and decodes named, numeric and hex entities', () => {
		const body =
			'Before.\n\n<div class="box">\n<p>Fish &amp; chips &lt;hot&gt; caf&eacute; &#8211; &#x41;</p>\n</div>\n\nAfter.';
		expect(plainText(body)).toBe('Before. Fish & chips <hot> café – A After.');
	});

	it('keeps block elements apart but does not split words at inline tags', () => {
		expect(plainText('<p>one</p><p>two</p>')).toBe('one two');
		expect(plainText('mid<b>word</b> end')).toBe('midword end');
		expect(plainText('a<br>b')).toBe('a b');
	});

	it('drops script and style contents and comments', () => {
		const body =
			'<script>alert("x")</script>\n\n<style>p { color: red }</style>\n\nvisible <!-- hidden --> text';
		expect(plainText(body)).toBe('visible text');
	});
});

describe('plainText: MDX', () => {
	const mdx = [
		"import Callout from '../components/Callout.astro';",
		'export const meta = { answer: 42 };',
		'',
		'# Heading',
		'',
		'Hello {1 + 2} world <Callout type="note">inside **callout**</Callout> end.',
		'',
		'<Figure caption="not shown">',
		'  Block child text',
		'</Figure>',
		'',
		'{/* a comment */}',
		'',
		'Last &amp; final.',
	].join('\n');

	it('drops imports, exports and expressions and keeps JSX children text', () => {
		expect(plainText(mdx, 'mdx')).toBe(
			'Heading Hello world inside callout end. Block child text Last & final.',
		);
	});

	it('keeps the text of a block-level JSX element written on one line', () => {
		// `<Note>…</Note>` alone on a line is a flow element whose children are phrasing (no paragraph).
		expect(plainText('<Note>Remember this</Note>', 'mdx')).toBe('Remember this');
		expect(plainText('Before.\n\n<Note>Remember **this** too</Note>\n\nAfter.', 'mdx')).toBe(
			'Before. Remember this too After.',
		);
	});

	it('keeps the text of a block-level JSX element whose children are on their own lines', () => {
		expect(plainText('<Note>\nRemember this\n</Note>', 'mdx')).toBe('Remember this');
	});

	it('keeps the text of an inline JSX element inside a paragraph', () => {
		expect(plainText('x <Box>inline</Box> y', 'mdx')).toBe('x inline y');
	});

	it('never leaks code from imports or expressions', () => {
		const text = plainText(mdx, 'mdx');
		expect(text).not.toMatch(/import|export|Callout|answer|1 \+ 2|comment|caption/);
	});

	it('reads the same prose identically in .md and .mdx', () => {
		const prose = '## Budget\n\nThe *Mazhilis* approved the **draft**.\n\n- one\n- two';
		expect(plainText(prose, 'mdx')).toBe(plainText(prose, 'md'));
		expect(plainText(prose, 'mdx')).toBe('Budget The Mazhilis approved the draft. one two');
	});
});

describe('words', () => {
	it('splits on ASCII whitespace only', () => {
		expect(words('a b\tc\nd\r\ne\ff\vg')).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
	});

	it('treats a no-break space as part of a word', () => {
		expect(words(`100${NBSP}km away`)).toEqual([`100${NBSP}km`, 'away']);
	});

	it('does not split on other Unicode spaces either', () => {
		expect(words('a\u2003b\u202fc')).toEqual(['a\u2003b\u202fc']);
	});

	it('has no words in empty or blank text', () => {
		expect(words('')).toEqual([]);
		expect(words(' \t\n ')).toEqual([]);
	});

	it('ignores leading and trailing ASCII whitespace', () => {
		expect(words('  one two  ')).toEqual(['one', 'two']);
	});
});

describe('excerpt', () => {
	it('keeps text of exactly 500 words whole, without an ellipsis', () => {
		const body = numberedWords(500).join(' ');
		expect(excerptOf(body)).toEqual({ text: body, truncated: false });
	});

	it('cuts 501 words to the first 500 and appends ... to the last word', () => {
		const result = excerptOf(numberedWords(501).join(' '));
		expect(result.truncated).toBe(true);
		expect(result.text).toBe(`${numberedWords(500).join(' ')}...`);
		expect(result.text.endsWith(' word500...')).toBe(true);
		expect(result.text).not.toContain('word501');
	});

	it('counts words across paragraphs, joined by a space', () => {
		const all = numberedWords(600);
		const body = [
			all.slice(0, 250).join(' '),
			all.slice(250, 450).join(' '),
			all.slice(450).join('\n'),
		].join('\n\n');
		expect(excerptOf(body).text).toBe(`${all.slice(0, 500).join(' ')}...`);
	});

	it('counts two words joined by a no-break space as one word and keeps the no-break space', () => {
		// 501 space-separated "words" on paper, but word1 and word2 are joined by U+00A0: that is 500 words.
		const all = numberedWords(501);
		const body = `${all[0]}${NBSP}${all.slice(1).join(' ')}`;
		const result = excerptOf(body);
		expect(result.truncated).toBe(false);
		expect(result.text).toBe(body);
		expect(result.text).toContain(`word1${NBSP}word2 word3`);
	});

	it('treats the &nbsp; entity like a typed no-break space', () => {
		const all = numberedWords(501);
		const body = `${all[0]}&nbsp;${all.slice(1).join(' ')}`;
		const result = excerptOf(body);
		expect(result.truncated).toBe(false);
		expect(result.text.startsWith(`word1${NBSP}word2 `)).toBe(true);
	});

	it('keeps a no-break-space-joined word whole when it is the last word kept', () => {
		const all = numberedWords(502);
		const body = `${all.slice(0, 499).join(' ')} word500${NBSP}joined ${all.slice(500).join(' ')}`;
		expect(excerptOf(body).text.endsWith(` word499 word500${NBSP}joined...`)).toBe(true);
	});

	it('counts markup-free words: Markdown and HTML do not add or split words', () => {
		const all = numberedWords(501);
		const body = `**${all[0]}** <em>${all[1]}</em> [${all[2]}](https://x.test) ${all.slice(3).join(' ')}`;
		const result = excerptOf(body);
		expect(result.text).toBe(`${all.slice(0, 500).join(' ')}...`);
	});

	it('cuts an .mdx body the same way, ignoring imports and expressions', () => {
		const all = numberedWords(501);
		const body = `import X from './x.js';\n\n{'expression words do not count'}\n\n<Box>\n${all.slice(0, 100).join(' ')}\n</Box>\n\n${all.slice(100).join(' ')}`;
		const result = excerptOf(body, 'mdx');
		expect(result.text).toBe(`${all.slice(0, 500).join(' ')}...`);
	});

	it('keeps short text whole and normalises its spacing', () => {
		expect(excerpt('  a   b\n\nc ', LIMIT)).toEqual({ text: 'a b c', truncated: false });
		expect(excerpt('', LIMIT)).toEqual({ text: '', truncated: false });
	});

	it('appends ... even after punctuation on the last word', () => {
		expect(excerpt('One. Two. Three.', 2)).toEqual({ text: 'One. Two....', truncated: true });
	});
});

describe('excerpt through toArticle', () => {
	it('gives an article the 500-word excerpt of its Markdown body', () => {
		const all = numberedWords(700);
		const article = makeArticle('long', { body: `# ${all[0]}\n\n${all.slice(1).join(' ')}` });
		expect(article.excerpt).toBe(`${all.slice(0, 500).join(' ')}...`);
		expect(article.wordCount).toBe(700);
	});

	it('gives an .mdx article its plain-text excerpt', () => {
		const article = makeArticle('mdx', {
			format: 'mdx',
			body: "import Chart from './Chart.astro';\n\nRates <Chart data={[1, 2]}>rose &amp; fell</Chart> {2 * 3} today.",
		});
		expect(article.excerpt).toBe('Rates rose & fell today.');
		expect(article.wordCount).toBe(5);
	});
});

describe('clip', () => {
	it('leaves text that fits alone', () => {
		expect(clip('Short text.', 20)).toBe('Short text.');
		expect(clip('x'.repeat(20), 20)).toBe('x'.repeat(20));
	});

	it('cuts at a word boundary, drops trailing punctuation and adds an ellipsis', () => {
		const clipped = clip('The budget, approved on Tuesday, relies on oil.', 30);
		expect(clipped).toBe('The budget, approved on…');
		expect(clipped.length).toBeLessThanOrEqual(30);
	});

	it('cuts inside a word when there is no space late enough', () => {
		const clipped = clip(`a ${'x'.repeat(40)}`, 20);
		expect(clipped).toBe(`a ${'x'.repeat(17)}…`);
		expect(clipped.length).toBe(20);
	});
});
