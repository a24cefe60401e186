/**
 * The image pipeline: an original of any size becomes AVIF, WebP and a JPEG (PNG when it has
 * transparency) fallback at the configured widths, never upscaled, with all metadata (EXIF, GPS)
 * stripped. Files are named by a hash of the original and the settings and kept in a cache
 * folder, so an unchanged image is never encoded twice. Markup helpers are pure.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { slugify } from '../lib/slug.ts';
import { writeFileAtomic } from './writeFileAtomic.ts';

type Format = 'avif' | 'webp' | 'jpeg' | 'png';

/**
 * Encoder settings: part of every file's hash, so changing them re-encodes. Measured on 1,200 px
 * photos (see docs/performance.md): WebP effort 2 makes the same bytes as effort 4 in half the
 * time; the JPEG fallback, which almost no browser picks over AVIF or WebP, skips mozjpeg (4× the
 * time for 20 % fewer bytes). AVIF, what readers download, keeps effort 1.
 */
const ENCODERS = {
	avif: { quality: 52, effort: 1 },
	webp: { quality: 76, effort: 2 },
	jpeg: { quality: 80, progressive: true, optimiseCoding: true },
	png: { compressionLevel: 9, palette: false },
} as const;

const MIME: Record<Format, string> = {
	avif: 'image/avif',
	webp: 'image/webp',
	jpeg: 'image/jpeg',
	png: 'image/png',
};
const EXTENSION: Record<Format, string> = { avif: 'avif', webp: 'webp', jpeg: 'jpg', png: 'png' };

export interface ImageFile {
	/** File name inside the cache folder and under the URL prefix. */
	name: string;
	width: number;
}

export interface ImageSet {
	/** Intrinsic size of the largest file made (the aspect ratio for width/height). */
	width: number;
	height: number;
	/** Modern formats first, then the fallback, each at every width. */
	formats: { type: string; files: ImageFile[] }[];
}

/** The widths to make from an original `sourceWidth` wide: the configured ones that fit, plus the original's own when it is narrower than the largest. */
export function targetWidths(sourceWidth: number, widths: readonly number[]): number[] {
	const fitting = widths.filter((w) => w < sourceWidth);
	const largest = Math.max(...widths);
	return sourceWidth <= largest || fitting.length === 0
		? [...fitting, Math.min(sourceWidth, largest)]
		: fitting;
}

/** `srcset` text for files under `urlPrefix`. */
export function srcset(files: readonly ImageFile[], urlPrefix: string): string {
	return files.map((file) => `${urlPrefix}${file.name} ${file.width}w`).join(', ');
}

export interface PictureOptions {
	alt: string;
	sizes: string;
	urlPrefix: string;
	/** The article's lead image: loaded at once with high priority; all others are lazy. */
	lead?: boolean;
}

export interface PictureParts {
	sources: { type: string; srcset: string; sizes: string }[];
	img: {
		src: string;
		srcset: string;
		sizes: string;
		alt: string;
		width: number;
		height: number;
		decoding: 'async';
		loading: 'eager' | 'lazy';
		fetchpriority?: 'high';
	};
}

/** The `<source>`s and `<img>` attributes of a `<picture>` for an image set. */
export function pictureParts(
	set: ImageSet,
	{ alt, sizes, urlPrefix, lead = false }: PictureOptions,
): PictureParts {
	const fallback = set.formats.at(-1) as ImageSet['formats'][number];
	const middle = fallback.files[Math.floor((fallback.files.length - 1) / 2)] as ImageFile;
	return {
		sources: set.formats
			.slice(0, -1)
			.map((format) => ({ type: format.type, srcset: srcset(format.files, urlPrefix), sizes })),
		img: {
			src: `${urlPrefix}${middle.name}`,
			srcset: srcset(fallback.files, urlPrefix),
			sizes,
			alt,
			width: set.width,
			height: set.height,
			decoding: 'async',
			...(lead
				? ({ loading: 'eager', fetchpriority: 'high' } as const)
				: ({ loading: 'lazy' } as const)),
		},
	};
}

async function encode(
	input: Buffer,
	file: string,
	widths: readonly number[],
	cacheDir: string,
	key: string,
): Promise<ImageSet> {
	const metadata = await sharp(input, { failOn: 'error' }).metadata();
	// EXIF orientations 5–8 are stored rotated by 90°: the picture is as tall as the file is wide.
	const rotated = (metadata.orientation ?? 1) >= 5;
	const sourceWidth = (rotated ? metadata.height : metadata.width) as number;
	const sourceHeight = (rotated ? metadata.width : metadata.height) as number;
	const sizes = targetWidths(sourceWidth, widths);
	const fallback: Format = metadata.hasAlpha ? 'png' : 'jpeg';
	const formats: Format[] = ['avif', 'webp', fallback];
	const stem = slugify(path.basename(file, path.extname(file))) || 'image';
	const nameOf = (width: number, format: Format) => `${stem}-${key}-${width}.${EXTENSION[format]}`;
	const largest = Math.max(...sizes);
	const set: ImageSet = {
		width: largest,
		height: Math.round((largest * sourceHeight) / sourceWidth),
		formats: formats.map((format) => ({
			type: MIME[format],
			files: sizes.map((width) => ({ name: nameOf(width, format), width })),
		})),
	};
	const missing = formats
		.flatMap((format) => sizes.map((width) => ({ format, width })))
		.filter(({ format, width }) => !existsSync(path.join(cacheDir, nameOf(width, format))));
	if (missing.length === 0) return set;

	// Decode and orient the (possibly huge) original once, scaled to the largest width; every file comes from that.
	const base = await sharp(input, { failOn: 'error' })
		.rotate()
		.resize({ width: largest, withoutEnlargement: true })
		.raw()
		.toBuffer({ resolveWithObject: true });
	await mkdir(cacheDir, { recursive: true });
	for (const { format, width } of missing) {
		const pipeline = sharp(base.data, { raw: base.info }).resize({
			width,
			withoutEnlargement: true,
		});
		const output = await pipeline[format](ENCODERS[format] as never).toBuffer();
		await writeFileAtomic(path.join(cacheDir, nameOf(width, format)), output);
	}
	console.log(`[caravan] image encoded: ${path.basename(file)} (${missing.length} files)`);
	return set;
}

const pending = new Map<string, Promise<ImageSet>>();

/**
 * Process the original `file` at `widths` into `cacheDir` (only what is not there yet) and
 * describe the result. Throws with the file name when the image cannot be read.
 */
export async function processImage(
	file: string,
	widths: readonly number[],
	cacheDir: string,
): Promise<ImageSet> {
	// Keyed by modification time too, so an edited image shows in `astro dev` without a restart.
	const { mtimeMs, size } = await stat(file);
	const memo = `${file}\0${mtimeMs}\0${size}\0${widths.join(',')}\0${cacheDir}`;
	let result = pending.get(memo);
	if (!result) {
		result = (async () => {
			const input = await readFile(file);
			const key = createHash('sha256')
				.update(input)
				.update(JSON.stringify(ENCODERS))
				.digest('hex')
				.slice(0, 12);
			try {
				return await encode(input, file, widths, cacheDir, key);
			} catch (error) {
				// eslint-disable-next-line preserve-caught-error -- Astro prints a cause with its stack trace; the message already carries sharp's
				throw new Error(
					`cannot process the image ${file}: ${error instanceof Error ? error.message : String(error)}`,
				);
			}
		})();
		pending.set(memo, result);
	}
	return result;
}
