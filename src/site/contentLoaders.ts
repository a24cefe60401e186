/**
 * Wrappers around Astro's glob loader (used by src/content.config.ts): files read with the parser
 * `npm run check` uses, digests that cover a story's images, and unchanged files not parsed again.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { contentDir } from '../config.ts';
import { normaliseText, parseFrontmatter } from '../lib/frontmatter.ts';
import { imagePathsIn, resolveImageSrc } from '../lib/imagePaths.ts';

type EntryType = { getEntryInfo(params: { contents: string; fileUrl: URL }): unknown };

/** An entry as Astro's own Markdown reader returns it, read with the parser `npm run check` uses. */
function ownEntryInfo(contents: string) {
	const parsed = parseFrontmatter(contents);
	const data = parsed.data as Record<string, unknown>;
	return { data, body: parsed.body.trim(), slug: data.slug, rawData: parsed.yaml };
}

/**
 * Astro reads front-matter with js-yaml, which turns dates into Date objects: an impossible
 * `2025-13-45` rolls over and `2025-12-17T05:00:00+05:00` becomes indistinguishable from a
 * date-only value. Its loader gets the parser `npm run check` uses instead (through the entry
 * types it reads files with), so both see the same data and body, and a file that check let
 * through can never trip js-yaml. Every file, JSON too, is read without a byte-order mark and
 * with `\n` line endings, as check reads it (JSON.parse stops at a BOM).
 */
export function withOwnReader(loader: Loader): Loader {
	return {
		...loader,
		load: (context) => {
			// Passed by Astro's content layer but not in the public LoaderContext type.
			const { entryTypes } = context as unknown as { entryTypes: Map<string, EntryType> };
			const ours = new Map(
				[...entryTypes].map(([ext, type]) => [
					ext,
					{
						...type,
						getEntryInfo: (params: { contents: string; fileUrl: URL }) =>
							ext === '.md' || ext === '.mdx'
								? ownEntryInfo(params.contents)
								: type.getEntryInfo({ ...params, contents: normaliseText(params.contents) }),
					},
				]),
			);
			return loader.load({ ...context, entryTypes: ours } as typeof context);
		},
	};
}

/**
 * Astro keeps an article's rendered body while its file is unchanged (the entry's digest is the
 * file's text), so a photo replaced under the same name would keep its old processed copies.
 * Fold the bytes of every image the text names into the digest: the body is rendered again, and
 * the digest, which page cache keys use (src/site/content.ts), covers the images too.
 */
export function withImagesInDigest(loader: Loader, articlesDir: string): Loader {
	return {
		...loader,
		load: (context) => {
			// Passed by Astro's content layer but not in the public LoaderContext type.
			const { entryTypes } = context as unknown as { entryTypes: Map<string, EntryType> };
			// Keyed by the file's text, which is all the loader hands to generateDigest. Astro reads
			// each file once and asks for its entry info just before its digest, so the images are
			// hashed there, from the text already read.
			const imagesByText = new Map<string, string>();
			const imagesDigest = (text: string, file: string) => {
				const images = imagePathsIn(text);
				if (!images.length) return;
				const hash = createHash('sha256');
				for (const src of images) {
					const resolved = resolveImageSrc(src, file, contentDir());
					if (!resolved.ok) continue;
					hash.update(`${resolved.file}\n`);
					// Read synchronously: a promise read costs several trips through libuv's pool.
					try {
						hash.update(readFileSync(resolved.file));
					} catch {
						hash.update('missing');
					}
				}
				// Two files with the same text (in different folders) get both files' images.
				const digest = hash.digest('hex');
				const known = imagesByText.get(text) ?? '';
				if (!known.includes(digest)) imagesByText.set(text, known + digest);
			};
			// The loader asks for a file's digest right after its entry info, which needed it first
			// (`unchanged` below): the last one is kept, with the images it covered.
			let last: { data: unknown; images: string | undefined; digest: string } | undefined;
			const generateDigest: typeof context.generateDigest = (data) => {
				const images = typeof data === 'string' ? imagesByText.get(data) : undefined;
				if (last && last.data === data && last.images === images) return last.digest;
				const digest = context.generateDigest(
					images === undefined ? data : `${data as string}\n${images}`,
				);
				last = { data, images, digest };
				return digest;
			};
			const unchanged = unchangedEntries(context);
			const withImages = new Map(
				[...entryTypes].map(([ext, type]) => [
					ext,
					ext === '.md' || ext === '.mdx'
						? {
								...type,
								getEntryInfo: (params: { contents: string; fileUrl: URL }) => {
									const file = fileURLToPath(params.fileUrl);
									if (file.startsWith(articlesDir)) imagesDigest(params.contents, file);
									return (
										unchanged(file, generateDigest(params.contents)) ?? type.getEntryInfo(params)
									);
								},
							}
						: type,
				]),
			);
			return loader.load({ ...context, entryTypes: withImages, generateDigest } as typeof context);
		},
	};
}

/**
 * The entry info of a file whose stored entry has the digest it has now, without parsing it: the
 * glob loader parses every file's front-matter before it compares digests (it needs the data for
 * the entry's id), ~20 s of YAML at 100,000 stories for entries it then keeps as they are. The id
 * needs only `lang`, which the stored entry has as the file gave it (the schema passes a valid
 * `lang` through unchanged, and a file it refused is not stored).
 */
function unchangedEntries(context: Parameters<Loader['load']>[0]) {
	const root = fileURLToPath(context.config.root);
	let stored: Map<string, { digest: string | number | undefined; lang: unknown }> | undefined;
	return (file: string, digest: string) => {
		stored ??= new Map(
			context.store
				.values()
				.map((entry) => [entry.filePath ?? '', { digest: entry.digest, lang: entry.data.lang }]),
		);
		const before = stored.get(path.relative(root, file).split(path.sep).join('/'));
		return before?.digest === digest ? { data: { lang: before.lang }, body: '' } : undefined;
	};
}
