/** Writers' mistakes with images, links and components stop the build with one located line each, all at once. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuild, tempDir } from '../../scripts/lib/fixtureSites.ts';

const front = (extra = '') =>
	`---\ntitle: "Story"\ndate: 2025-12-01\nauthor: "Staff Reporter"\nsection: politics\n${extra}---\n`;

describe('a build with broken references', () => {
	it('reports missing image file, missing alt, unreadable image, unknown links and Related slugs, leaving dist/ alone', async () => {
		const base = await tempDir('caravan-writers-bad-');
		const content = path.join(base, 'content');
		await mkdir(path.join(content, 'articles/photo-story'), { recursive: true });
		await mkdir(path.join(content, 'images'), { recursive: true });
		await writeFile(path.join(content, 'images/broken.jpg'), 'this is not a JPEG');
		await writeFile(path.join(content, 'articles/good.md'), `${front()}\nFine.\n`);
		await writeFile(
			path.join(content, 'articles/photo-story/index.md'),
			`${front('image:\n  src: ./missing.jpg\n  alt: "A photo"\n')}\n![A broken one](/images/broken.jpg)\n`,
		);
		await writeFile(
			path.join(content, 'articles/no-alt.md'),
			`${front('image:\n  src: /images/broken.jpg\n')}\nSee [the other story](/articles/gone-story/).\n`,
		);
		await writeFile(
			path.join(content, 'articles/related.mdx'),
			`${front()}\n<Related slug="no-such-story" />\n\n<Figure src="./nowhere.jpg" alt="x" />\n`,
		);
		const outDir = path.join(base, 'out', 'dist');
		await mkdir(outDir, { recursive: true });
		await writeFile(path.join(outDir, 'index.html'), 'previous build');
		const result = await runBuild({ contentDir: content, outDir });
		expect(result.status).toBe(1);
		const lines = result.stderr
			.split('\n')
			.filter((line) => line.startsWith(content))
			.map((line) => line.slice(content.length + 1).replace(content, '<content>'));
		expect(lines).toEqual([
			'articles/no-alt.md:6: image.alt: is missing, expected a description of the image (or `decorative: true`)',
			'articles/no-alt.md:7: image.src: "/images/broken.jpg" cannot be read as an image (Input file contains unsupported image format), expected a JPEG, PNG, WebP or AVIF file',
			'articles/no-alt.md:10: body: links to /articles/gone-story/ but there is no article "gone-story", expected the slug (file name) of an existing article',
			'articles/photo-story/index.md:7: image.src: "./missing.jpg" does not exist, expected an image file at <content>/articles/photo-story/missing.jpg',
			'articles/photo-story/index.md:11: body: image "/images/broken.jpg" cannot be read as an image (Input file contains unsupported image format), expected a JPEG, PNG, WebP or AVIF file',
			'articles/related.mdx:8: body: <Related slug="no-such-story"> names no article, expected the slug (file name) of an existing article',
			'articles/related.mdx:10: body: image "./nowhere.jpg" does not exist, expected an image file at <content>/articles/nowhere.jpg',
		]);
		expect(result.stderr).toContain('dist/ was not changed');
		expect(result.stderr).not.toMatch(/^\s+at /m);
	}, 60_000);
});
