/**
 * Drawing the social cards (their sizes, kinds and layout are in src/lib/socialCard.ts): a story
 * with a lead image gets that image, cover-cropped, as a JPEG (~80 KB; a PNG photograph is ~1.1 MB,
 * and WhatsApp drops images over ~300 KB); any other page gets a branded PNG card with its headline
 * set in Noto Serif, the site's type. Text is laid out by satori as SVG paths (fonts from
 * `@fontsource/noto-serif`, never the system's), rasterised by sharp, and cached on disk by a hash
 * of everything that goes into it.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import satori, { type Font } from 'satori';
import sharp from 'sharp';
import { writeFileAtomic } from '../../src/site/writeFileAtomic.ts';
import {
	brandedCardTree,
	CARD_HEIGHT,
	CARD_WIDTH,
	cardExtension,
	FONT_SUBSETS,
	type BrandedCard,
	type Card,
} from '../../src/lib/socialCard.ts';

/** Bump when the card design changes, so cached cards are drawn again. */
const CARD_VERSION = 2;

const FONT_FILES = Object.entries(FONT_SUBSETS).flatMap(([subset, name]) =>
	([400, 700] as const).map((weight) => ({ subset, name, weight })),
);

let fontsLoaded: Promise<{ fonts: Font[]; hash: string }> | undefined;

/** Noto Serif from `@fontsource/noto-serif`, read once per process, with a hash for cache keys. */
export function cardFonts(): Promise<{ fonts: Font[]; hash: string }> {
	// Resolved from the project root: the built page chunks run from elsewhere.
	const require = createRequire(path.join(process.cwd(), 'package.json'));
	fontsLoaded ??= Promise.all(
		FONT_FILES.map(async ({ subset, name, weight }) => {
			const data = await readFile(
				require.resolve(`@fontsource/noto-serif/files/noto-serif-${subset}-${weight}-normal.woff`),
			);
			return { name, data, weight, style: 'normal' } satisfies Font;
		}),
	).then((fonts) => {
		const hash = createHash('sha256');
		for (const font of fonts) hash.update(font.data as Buffer);
		return { fonts, hash: hash.digest('hex') };
	});
	return fontsLoaded;
}

/** The branded card as SVG, every glyph drawn as a path. */
export async function brandedCardSvg(card: BrandedCard): Promise<string> {
	const { fonts } = await cardFonts();
	return satori(brandedCardTree(card) as unknown as Parameters<typeof satori>[0], {
		width: CARD_WIDTH,
		height: CARD_HEIGHT,
		fonts,
	});
}

/** Render a card to its file's bytes, JPEG or PNG as `cardExtension` says (no cache). */
export async function renderCard(card: Card): Promise<Buffer> {
	if (card.kind === 'photo') {
		// Quality 80 without mozjpeg: ~80 KB in ~19 ms of CPU; mozjpeg saves a third of the bytes for 2.5× the time.
		return sharp(card.image)
			.rotate()
			.resize(CARD_WIDTH, CARD_HEIGHT, { fit: 'cover', position: sharp.strategy.attention })
			.jpeg({ quality: 80 })
			.toBuffer();
	}
	// zlib level 3: flat colour and text deflate well at any level (~60 KB), and 6 or 9 only cost time.
	return sharp(Buffer.from(await brandedCardSvg(card)))
		.png({ compressionLevel: 3 })
		.toBuffer();
}

/** A hash of everything the card's pixels depend on. */
export async function cardKey(card: Card): Promise<string> {
	const hash = createHash('sha256').update(`caravan-card-v${CARD_VERSION}\n`);
	if (card.kind === 'photo') hash.update('photo\n').update(card.image);
	else hash.update(`${(await cardFonts()).hash}\n`).update(JSON.stringify(card));
	return hash.digest('hex');
}

/** The card's file in `cacheDir`, drawn now and stored there unless drawn before. */
export async function cachedCardFile(
	card: Card,
	cacheDir: string,
): Promise<{ file: string; cached: boolean }> {
	const file = path.join(cacheDir, `${await cardKey(card)}.${cardExtension(card)}`);
	if (existsSync(file)) return { file, cached: true };
	const bytes = await renderCard(card);
	await mkdir(cacheDir, { recursive: true });
	// A build running alongside (or another worker) never reads half a file.
	await writeFileAtomic(file, bytes);
	return { file, cached: false };
}

/** The card's bytes from `cacheDir` when drawn before, else drawn now and stored there. */
export async function cachedCard(
	card: Card,
	cacheDir: string,
): Promise<{ bytes: Buffer; cached: boolean }> {
	const { file, cached } = await cachedCardFile(card, cacheDir);
	return { bytes: await readFile(file), cached };
}
