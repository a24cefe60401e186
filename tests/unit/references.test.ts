/** Validation of what articles point at: images, links between articles, <Related> slugs. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { imagePathsIn, resolveImageSrc } from '../../src/lib/imagePaths.ts';
import { scanBody } from '../../src/lib/references.ts';
import {
	formatProblem,
	referenceChecks,
	validateAndParseArticle,
	validateReferences,
	type ContentIndex,
} from '../../scripts/lib/validate.ts';

const CONTENT = '/site/content';
const ARTICLE = path.join(CONTENT, 'articles/story.md');

describe('resolveImageSrc', () => {
	it('reads ./ and ../ beside the article and /images/ in the content folder', () => {
		expect(
			resolveImageSrc('./lead.jpg', path.join(CONTENT, 'articles/story/index.md'), CONTENT),
		).toEqual({ ok: true, file: '/site/content/articles/story/lead.jpg' });
		expect(resolveImageSrc('../images/map.png', ARTICLE, CONTENT)).toEqual({
			ok: true,
			file: '/site/content/images/map.png',
		});
		expect(resolveImageSrc('/images/map.png', ARTICLE, CONTENT)).toEqual({
			ok: true,
			file: '/site/content/images/map.png',
		});
	});

	it('explains every other spelling', () => {
		expect(resolveImageSrc('https://cdn.example/x.jpg', ARTICLE, CONTENT)).toEqual({
			ok: false,
			message:
				'"https://cdn.example/x.jpg" is a web address, expected a file: save the image beside the article and write "./name.jpg"',
		});
		expect(resolveImageSrc('lead.jpg', ARTICLE, CONTENT)).toEqual({
			ok: false,
			message:
				'"lead.jpg" is not a path the site knows, expected "./name.jpg" (beside the article) or "/images/name.jpg" (in the images folder)',
		});
		expect(resolveImageSrc('../../../etc/passwd.jpg', ARTICLE, CONTENT)).toEqual({
			ok: false,
			message:
				'"../../../etc/passwd.jpg" points outside the content folder, expected a file inside it',
		});
		expect(resolveImageSrc('./clip.gif', ARTICLE, CONTENT)).toEqual({
			ok: false,
			message: '"./clip.gif" is not a photo file, expected a .jpg, .png, .webp or .avif image',
		});
	});
});

describe('scanBody', () => {
	it('finds images, article links and Related slugs with their lines in the file', () => {
		const scan = scanBody(
			'Intro [a](/articles/foo/) and [b](https://other.example/articles/x/).\n\n![Alt](./a.jpg)\n\n<Related slug="bar" />\n\n<Figure src="./b.jpg" />\n',
			'mdx',
			9,
		);
		expect(scan).toEqual({
			ok: true,
			references: [
				{ kind: 'link', value: 'foo', line: 9 },
				{ kind: 'image', value: './a.jpg', line: 11, alt: 'Alt' },
				{ kind: 'related', value: 'bar', line: 13 },
				{ kind: 'image', value: './b.jpg', line: 15, alt: undefined },
			],
		});
	});

	it('reports MDX that cannot be parsed at its line', () => {
		const scan = scanBody('Fine.\n\nBroken <Foo\n', 'mdx', 7);
		expect(scan.ok).toBe(false);
		if (!scan.ok) {
			expect(scan.line).toBe(9);
			expect(scan.message).toMatch(/^cannot be read as MDX \(.+\), expected valid MDX/);
		}
	});
});

describe('validateReferences', () => {
	const index = (files: Record<string, string | undefined>): ContentIndex => ({
		contentDir: CONTENT,
		slugs: new Map([
			['en', new Set(['story', 'other-story'])],
			['ru', new Set(['istoriya'])],
		]),
		inspectImage: async (file) =>
			file in files ? files[file] : 'does not exist, expected an image file at that path',
	});
	const lines = async (raw: string, files: Record<string, string | undefined> = {}) =>
		(await validateReferences('articles/story.md', ARTICLE, raw, index(files))).map(formatProblem);

	const FRONT = '---\ntitle: "T"\ndate: 2025-12-01\nauthor: "A"\nsection: politics\n';

	it('is quiet when everything exists', async () => {
		const raw = `${FRONT}image:\n  src: ./lead.jpg\n  alt: "A"\n---\n\n![Alt](/images/a.jpg) [x](/articles/other-story/)\n`;
		expect(
			await lines(raw, {
				'/site/content/articles/lead.jpg': undefined,
				'/site/content/images/a.jpg': undefined,
			}),
		).toEqual([]);
	});

	it('reports a missing or unreadable lead image at image.src', async () => {
		const raw = `${FRONT}image:\n  alt: "A"\n  src: ./lead.jpg\n---\nBody\n`;
		expect(await lines(raw)).toEqual([
			'articles/story.md:8: image.src: "./lead.jpg" does not exist, expected an image file at that path',
		]);
		expect(
			await lines(raw, {
				'/site/content/articles/lead.jpg':
					'cannot be read as an image (bad header), expected a JPEG, PNG, WebP or AVIF file',
			}),
		).toEqual([
			'articles/story.md:8: image.src: "./lead.jpg" cannot be read as an image (bad header), expected a JPEG, PNG, WebP or AVIF file',
		]);
	});

	it('reports every body problem at once, on the line it is on', async () => {
		const raw = `${FRONT}---\n\nSee [gone](/articles/no-such-story/).\n\n![](./missing.jpg)\n\n![Remote](https://cdn.example/r.jpg)\n`;
		expect(await lines(raw)).toEqual([
			'articles/story.md:8: body: links to /articles/no-such-story/ but there is no article "no-such-story", expected the slug (file name) of an existing article',
			'articles/story.md:10: body: image "./missing.jpg" has no description, expected ![what it shows](./missing.jpg) or <Figure alt="what it shows">',
			'articles/story.md:10: body: image "./missing.jpg" does not exist, expected an image file at that path',
			'articles/story.md:12: body: image "https://cdn.example/r.jpg" is a web address, expected a file: save the image beside the article and write "./name.jpg"',
		]);
	});

	it('checks a link against the edition its URL names', async () => {
		const raw = `${FRONT}---\n\n[ru](/ru/articles/istoriya/) [en](/articles/istoriya/) [gone](/ru/articles/other-story/)\n`;
		expect(await lines(raw)).toEqual([
			'articles/story.md:8: body: links to /articles/istoriya/ but there is no article "istoriya", expected the slug (file name) of an existing article',
			'articles/story.md:8: body: links to /ru/articles/other-story/ but there is no article "other-story", expected the slug (file name) of an existing article',
		]);
	});

	it("looks up <Related> in the story's own edition, as the build does", async () => {
		const raw = `${FRONT}---\n\n<Related slug="other-story" />\n\n<Related slug="istoriya" />\n`;
		const problems = await validateReferences(
			'articles/ru/story.mdx',
			ARTICLE.replace(/\.md$/, '.mdx'),
			raw,
			index({}),
			'ru',
		);
		expect(problems.map(formatProblem)).toEqual([
			'articles/ru/story.mdx:8: body: <Related slug="other-story"> names no article in the story\'s edition (ru), expected the slug (file name) of an existing article of that edition',
		]);
	});

	it('reports unknown and missing <Related> slugs in MDX', async () => {
		const raw = `${FRONT}---\n\n<Related slug="nope" />\n\n<Related />\n\n<Related slug="other-story" />\n`;
		const problems = await validateReferences(
			'articles/story.mdx',
			ARTICLE.replace(/\.md$/, '.mdx'),
			raw,
			index({}),
		);
		expect(problems.map(formatProblem)).toEqual([
			'articles/story.mdx:8: body: <Related slug="nope"> names no article, expected the slug (file name) of an existing article',
			'articles/story.mdx:10: body: <Related> has no slug, expected slug="other-story"',
		]);
	});
});

describe('imagePathsIn', () => {
	it('finds the lead image, Markdown images (plain, titled, <bracketed>) and <Figure src>, decoded', () => {
		const raw = [
			'---',
			'image:',
			'  src: ./lead.jpg',
			'  alt: Lead',
			'---',
			'Text ![a](./market.JPG "A market") and ![b](<./my photo.png>).',
			'<Figure src="/images/shared%20one.webp" alt="Shared" />',
			'![c](../elsewhere/d.jpeg)',
		].join('\n');
		expect(imagePathsIn(raw)).toEqual([
			'../elsewhere/d.jpeg',
			'./lead.jpg',
			'./market.JPG',
			'./my photo.png',
			'/images/shared one.webp',
			'/images/shared%20one.webp',
		]);
	});

	it('ignores web addresses, other files and look-alikes', () => {
		expect(
			imagePathsIn('See ./notes.md, https://example.com/photo.jpg, ./a.jpgx and ./b.jpg.bak'),
		).toEqual([]);
	});
});

describe("referenceChecks on check's own parse", () => {
	const files = [
		'---\ntitle: T\nimage:\n  src: ./lead.jpg\n  alt: A\n---\nText ![](./b.jpg) and [x](/articles/gone/).\n',
		'---\n# a comment\ntitle: T\n\nimage: { src: "../images/map.png", alt: M }\n---   \n\n<Related slug="x" />\n',
		'---\r\ntitle: T\r\nimage:\r\n  src: https://cdn.example/x.jpg\r\n---\r\nBody.\r\n',
		'---\ntitle: T\n---\n',
	];

	it('finds the same checks, on the same lines, as when it reads the YAML itself', () => {
		for (const raw of files) {
			const { parsed } = validateAndParseArticle('story.md', 'story.md', raw);
			expect(parsed, raw).toBeDefined();
			expect(referenceChecks('story.md', ARTICLE, raw, CONTENT, parsed), raw).toEqual(
				referenceChecks('story.md', ARTICLE, raw, CONTENT),
			);
		}
		expect(
			files.slice(0, 3).map((raw) => referenceChecks('story.md', ARTICLE, raw, CONTENT).length),
		).toEqual([4, 1, 1]); // <Related> counts in MDX only
	});

	it('reads the lead image from the parse it is given, not from the YAML again', () => {
		const raw = files[0] as string;
		const { parsed } = validateAndParseArticle('story.md', 'story.md', raw);
		const other = {
			yaml: parsed?.yaml ?? '',
			doc: parseDocument('\ntitle: T\nimage:\n  src: ./other.jpg\n'),
		};
		const [lead] = referenceChecks('story.md', ARTICLE, raw, CONTENT, other);
		expect(lead).toMatchObject({ kind: 'image', src: './other.jpg', line: 4 });
	});

	it('gives no parse for a front-matter that cannot be read, and the problem', () => {
		const { problems, parsed } = validateAndParseArticle(
			'story.md',
			'story.md',
			'---\ntitle: "open\n---\nBody.\n',
		);
		expect(parsed).toBeUndefined();
		expect(problems.map((p) => p.field)).toEqual(['(front-matter)']);
	});
});
