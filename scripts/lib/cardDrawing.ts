/**
 * Social cards: 1200×630 images for `og:image`. A story with a lead image gets that image,
 * cover-cropped, as a JPEG (~80 KB; a PNG photograph is ~1.1 MB, and WhatsApp drops images over
 * ~300 KB); any other page gets a branded PNG card with its headline set in Noto Serif, the site's
 * type. Text is laid out by satori as SVG paths (fonts from `@fontsource/noto-serif`, never the
 * system's), rasterised by sharp, and cached on disk by a hash of everything that goes into it.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import satori, { type Font } from 'satori';
import sharp from 'sharp';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/** Bump when the card design changes, so cached cards are drawn again. */
const CARD_VERSION = 2;

export interface BrandedCard {
	kind: 'branded';
	siteName: string;
	headline: string;
	/** Above the headline: the section, or the site's tagline. */
	kicker: string;
	/** Below the headline: the date ("17 December 2025"), or the site's address. */
	footer: string;
}

export interface PhotoCard {
	kind: 'photo';
	/** The lead image file's bytes (any format sharp reads). */
	image: Buffer;
}

export type Card = BrandedCard | PhotoCard;

/** A card's file name extension: photographs as JPEG, flat colour and text as PNG. */
export const cardExtension = (card: Pick<Card, 'kind'>): 'jpg' | 'png' => (card.kind === 'photo' ? 'jpg' : 'png');

/** A satori element: the React element shape, without React. */
export interface CardNode {
	type: string;
	props: { style?: Record<string, string | number>; children?: (CardNode | string)[] | CardNode | string };
}

/**
 * The `.woff` subsets of Noto Serif the cards use: Latin and Cyrillic (Kazakh letters are in
 * cyrillic-ext). Each subset gets its own family name: satori picks one font per family and weight,
 * then falls back along the family list for glyphs that font lacks.
 */
const FONT_SUBSETS = { latin: 'Noto Serif', cyrillic: 'Noto Serif Cyrillic', 'cyrillic-ext': 'Noto Serif Cyrillic Ext' };
/** The CSS `font-family` of card text: the subsets in fallback order. */
export const CARD_FONT_FAMILY = Object.values(FONT_SUBSETS).map((family) => `'${family}'`).join(', ');
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
			const data = await readFile(require.resolve(`@fontsource/noto-serif/files/noto-serif-${subset}-${weight}-normal.woff`));
			return { name, data, weight, style: 'normal' } satisfies Font;
		}),
	).then((fonts) => {
		const hash = createHash('sha256');
		for (const font of fonts) hash.update(font.data as Buffer);
		return { fonts, hash: hash.digest('hex') };
	});
	return fontsLoaded;
}

const PALETTE = { paper: '#fdfcf9', ink: '#1a1a1a', muted: '#595959', accent: '#8a1c1c', rule: '#d6d1c4' };

const el = (type: string, style: CardNode['props']['style'], children?: CardNode['props']['children']): CardNode => ({
	type,
	props: { style, children },
});

/** Headline size by length, so short headlines fill the card and long ones still fit. */
export function headlineSize(headline: string): number {
	const length = [...headline].length;
	if (length <= 40) return 72;
	if (length <= 70) return 62;
	if (length <= 110) return 52;
	return 44;
}

/** The branded card's layout: site name, kicker, headline (wrapped, at most 5 lines) and footer. */
export function brandedCardTree(card: BrandedCard): CardNode {
	// The outer box is the canvas; padding lives inside it (satori sizes boxes content-box).
	return el(
		'div',
		{
			width: '100%',
			height: '100%',
			display: 'flex',
			backgroundColor: PALETTE.paper,
			borderTop: `16px solid ${PALETTE.accent}`,
			fontFamily: CARD_FONT_FAMILY,
			color: PALETTE.ink,
		},
		[
			el('div', { display: 'flex', flexDirection: 'column', justifyContent: 'space-between', flexGrow: 1, padding: '48px 72px' }, [
				el('div', { display: 'flex', fontSize: 40, fontWeight: 700, letterSpacing: 1 }, card.siteName),
				el('div', { display: 'flex', flexDirection: 'column' }, [
					el('div', { display: 'flex', fontSize: 30, fontWeight: 700, color: PALETTE.accent, marginBottom: 20 }, card.kicker),
					el(
						'div',
						{ display: 'block', fontSize: headlineSize(card.headline), fontWeight: 700, lineHeight: 1.15, lineClamp: 5 },
						card.headline,
					),
				]),
				el(
					'div',
					{ display: 'flex', fontSize: 28, color: PALETTE.muted, borderTop: `2px solid ${PALETTE.rule}`, paddingTop: 20 },
					card.footer,
				),
			]),
		],
	);
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
export async function cachedCardFile(card: Card, cacheDir: string): Promise<{ file: string; cached: boolean }> {
	const file = path.join(cacheDir, `${await cardKey(card)}.${cardExtension(card)}`);
	if (existsSync(file)) return { file, cached: true };
	const bytes = await renderCard(card);
	await mkdir(cacheDir, { recursive: true });
	// Write then rename: a build running alongside (or another worker) never reads half a file.
	const scratch = `${file}.${process.pid}.${threadId}.tmp`;
	await writeFile(scratch, bytes);
	await rename(scratch, file);
	return { file, cached: false };
}

/** The card's bytes from `cacheDir` when drawn before, else drawn now and stored there. */
export async function cachedCard(card: Card, cacheDir: string): Promise<{ bytes: Buffer; cached: boolean }> {
	const { file, cached } = await cachedCardFile(card, cacheDir);
	return { bytes: await readFile(file), cached };
}
