/** The image pipeline: widths, markup, metadata stripping and the cache. */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
	pictureParts,
	processImage,
	srcset,
	targetWidths,
	type ImageSet,
} from '../../src/site/imagePipeline.ts';
import { cameraJpeg, transparentPng } from '../../scripts/lib/fixtureImages.ts';
import { tempDir } from '../../scripts/lib/fixtureSites.ts';

describe('targetWidths', () => {
	const WIDTHS = [400, 800, 1200, 1600];
	it('uses the configured widths for a big original, never more', () => {
		expect(targetWidths(6000, WIDTHS)).toEqual([400, 800, 1200, 1600]);
		expect(targetWidths(1600, WIDTHS)).toEqual([400, 800, 1200, 1600]);
	});
	it('never upscales: a smaller original adds its own width and stops there', () => {
		expect(targetWidths(1000, WIDTHS)).toEqual([400, 800, 1000]);
		expect(targetWidths(300, WIDTHS)).toEqual([300]);
		expect(targetWidths(400, WIDTHS)).toEqual([400]);
	});
});

describe('pictureParts', () => {
	const set: ImageSet = {
		width: 1200,
		height: 800,
		formats: ['image/avif', 'image/webp', 'image/jpeg'].map((type) => ({
			type,
			files: [400, 800, 1200].map((width) => ({
				name: `p-abc-${width}.${type.split('/')[1]}`,
				width,
			})),
		})),
	};

	it('lists modern formats as sources and falls back to the last format', () => {
		const parts = pictureParts(set, { alt: 'A yurt', sizes: '100vw', urlPrefix: '/_images/' });
		expect(parts.sources.map((s) => s.type)).toEqual(['image/avif', 'image/webp']);
		expect(parts.sources[0]?.srcset).toBe(
			'/_images/p-abc-400.avif 400w, /_images/p-abc-800.avif 800w, /_images/p-abc-1200.avif 1200w',
		);
		expect(parts.img).toEqual({
			src: '/_images/p-abc-800.jpeg',
			srcset: srcset(set.formats[2]?.files ?? [], '/_images/'),
			sizes: '100vw',
			alt: 'A yurt',
			width: 1200,
			height: 800,
			decoding: 'async',
			loading: 'lazy',
		});
	});

	it('loads the lead image at once with high priority', () => {
		const { img } = pictureParts(set, {
			alt: '',
			sizes: '100vw',
			urlPrefix: '/_images/',
			lead: true,
		});
		expect(img).toMatchObject({ loading: 'eager', fetchpriority: 'high' });
	});
});

describe('processImage', () => {
	let dir: string;
	beforeAll(async () => {
		dir = await tempDir('caravan-images-');
		await cameraJpeg(path.join(dir, 'camera.jpg'), 2000, 1500);
		await transparentPng(path.join(dir, 'chart.png'), 500, 300);
	});

	it('makes AVIF, WebP and JPEG at each width, scaled down, with EXIF and GPS gone', async () => {
		const cache = path.join(dir, 'cache-a');
		expect((await sharp(path.join(dir, 'camera.jpg')).metadata()).exif).toBeDefined();
		const set = await processImage(path.join(dir, 'camera.jpg'), [400, 800, 1200, 1600], cache);
		expect(set.width).toBe(1600);
		expect(set.height).toBe(1200);
		expect(set.formats.map((f) => f.type)).toEqual(['image/avif', 'image/webp', 'image/jpeg']);
		for (const format of set.formats) {
			expect(format.files.map((f) => f.width)).toEqual([400, 800, 1200, 1600]);
			for (const file of format.files) {
				const meta = await sharp(path.join(cache, file.name)).metadata();
				expect(meta.width).toBe(file.width);
				expect(meta.format).toBe(
					{ 'image/avif': 'heif', 'image/webp': 'webp', 'image/jpeg': 'jpeg' }[format.type],
				);
				expect(meta.exif, file.name).toBeUndefined();
			}
		}
	});

	it('keeps a PNG fallback for images with transparency', async () => {
		const set = await processImage(
			path.join(dir, 'chart.png'),
			[400, 800],
			path.join(dir, 'cache-b'),
		);
		expect(set.formats.at(-1)?.type).toBe('image/png');
		expect(set.formats[0]?.files.map((f) => f.width)).toEqual([400, 500]);
	});

	it('encodes nothing when the cache already holds every file', async () => {
		const cache = path.join(dir, 'cache-c');
		await cameraJpeg(path.join(dir, 'again.jpg'), 900, 600);
		await processImage(path.join(dir, 'again.jpg'), [400, 800], cache);
		const before = await Promise.all(
			(await readdir(cache)).map(async (name) => [
				name,
				(await stat(path.join(cache, name))).mtimeMs,
			]),
		);
		// A fresh module instance, as a second build would have: no in-memory memo to lean on.
		vi.resetModules();
		const fresh = await import('../../src/site/imagePipeline.ts');
		const log = vi.spyOn(console, 'log');
		await fresh.processImage(path.join(dir, 'again.jpg'), [400, 800], cache);
		expect(log).not.toHaveBeenCalled();
		log.mockRestore();
		const after = await Promise.all(
			(await readdir(cache)).map(async (name) => [
				name,
				(await stat(path.join(cache, name))).mtimeMs,
			]),
		);
		expect(after).toEqual(before);
	});

	it('names an unreadable file in its error', async () => {
		const broken = path.join(dir, 'broken.jpg');
		await (await import('node:fs/promises')).writeFile(broken, 'not an image');
		await expect(processImage(broken, [400], path.join(dir, 'cache-d'))).rejects.toThrow(
			`cannot process the image ${broken}`,
		);
	});
});
