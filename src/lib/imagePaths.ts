/**
 * Where an image a writer named lives: `./photo.jpg` beside the article, or `/images/photo.jpg`
 * in the content folder's shared `images/`. Pure: no file-system access.
 */
import path from 'node:path';

export type ImageSrcResult = { ok: true; file: string } | { ok: false; message: string };

/** Formats the image pipeline reads. */
export const IMAGE_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.webp', '.avif', '.tif', '.tiff'];

const SHARED_PREFIX = '/images/';

/** The absolute file an image `src` names, for the article at `articleFile` in `contentDir`. */
export function resolveImageSrc(
	src: string,
	articleFile: string,
	contentDir: string,
): ImageSrcResult {
	if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//')) {
		return {
			ok: false,
			message: `"${src}" is a web address, expected a file: save the image beside the article and write "./name.jpg"`,
		};
	}
	let file: string;
	if (src.startsWith('./') || src.startsWith('../'))
		file = path.resolve(path.dirname(articleFile), src);
	else if (src.startsWith(SHARED_PREFIX)) file = path.join(contentDir, src);
	else {
		return {
			ok: false,
			message: `"${src}" is not a path the site knows, expected "./name.jpg" (beside the article) or "/images/name.jpg" (in the images folder)`,
		};
	}
	const relative = path.relative(contentDir, file);
	if (relative.startsWith('..') || path.isAbsolute(relative)) {
		return {
			ok: false,
			message: `"${src}" points outside the content folder, expected a file inside it`,
		};
	}
	if (!IMAGE_EXTENSIONS.includes(path.extname(file).toLowerCase())) {
		return {
			ok: false,
			message: `"${src}" is not a photo file, expected a .jpg, .png, .webp or .avif image`,
		};
	}
	return { ok: true, file };
}

/**
 * Every image path an article's raw text could name (lead `src`, `![…](…)`, `<Figure src>`),
 * found by pattern rather than by parsing, so it is cheap enough to run on every story on every
 * build. It may find more than the article shows (a link to a photo), never less: what it is for
 * (src/site/contentLoaders.ts) only needs to notice when an image the story shows has changed.
 */
export function imagePathsIn(raw: string): string[] {
	const extension = IMAGE_EXTENSIONS.map((ext) => ext.slice(1)).join('|');
	const bracketed = new RegExp(
		`<((?:\\.{1,2}/|${SHARED_PREFIX})[^<>\\n]+?\\.(?:${extension}))>`,
		'gi',
	);
	const plain = new RegExp(
		`(?:\\.{1,2}/|${SHARED_PREFIX})[^\\s"'()<>\\[\\]]+?\\.(?:${extension})(?![\\w.])`,
		'gi',
	);
	const found = new Set<string>();
	for (const [, src] of raw.matchAll(bracketed)) if (src) found.add(src);
	for (const [src] of raw.matchAll(plain)) found.add(src);
	for (const src of [...found]) {
		try {
			found.add(decodeURI(src));
		} catch {
			// not percent-encoded
		}
	}
	return [...found].sort();
}
