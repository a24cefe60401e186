/**
 * Social cards' shape: the 1200×630 size, the two kinds (a story's lead photograph, or a branded
 * card with the headline set in Noto Serif) and the branded card's layout as a satori tree. Pure:
 * scripts/lib/cardDrawing.ts draws the cards (satori, sharp) after Astro and caches them on disk.
 */

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

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
export const cardExtension = (card: Pick<Card, 'kind'>): 'jpg' | 'png' =>
	card.kind === 'photo' ? 'jpg' : 'png';

/** A satori element: the React element shape, without React. */
export interface CardNode {
	type: string;
	props: {
		style?: Record<string, string | number>;
		children?: (CardNode | string)[] | CardNode | string;
	};
}

/**
 * The `.woff` subsets of Noto Serif the cards use: Latin and Cyrillic (Kazakh letters are in
 * cyrillic-ext). Each subset gets its own family name: satori picks one font per family and weight,
 * then falls back along the family list for glyphs that font lacks.
 */
export const FONT_SUBSETS = {
	latin: 'Noto Serif',
	cyrillic: 'Noto Serif Cyrillic',
	'cyrillic-ext': 'Noto Serif Cyrillic Ext',
};
/** The CSS `font-family` of card text: the subsets in fallback order. */
export const CARD_FONT_FAMILY = Object.values(FONT_SUBSETS)
	.map((family) => `'${family}'`)
	.join(', ');

const PALETTE = {
	paper: '#fdfcf9',
	ink: '#1a1a1a',
	muted: '#595959',
	accent: '#8a1c1c',
	rule: '#d6d1c4',
};

const el = (
	type: string,
	style: CardNode['props']['style'],
	children?: CardNode['props']['children'],
): CardNode => ({
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
			el(
				'div',
				{
					display: 'flex',
					flexDirection: 'column',
					justifyContent: 'space-between',
					flexGrow: 1,
					padding: '48px 72px',
				},
				[
					el(
						'div',
						{ display: 'flex', fontSize: 40, fontWeight: 700, letterSpacing: 1 },
						card.siteName,
					),
					el('div', { display: 'flex', flexDirection: 'column' }, [
						el(
							'div',
							{
								display: 'flex',
								fontSize: 30,
								fontWeight: 700,
								color: PALETTE.accent,
								marginBottom: 20,
							},
							card.kicker,
						),
						el(
							'div',
							{
								display: 'block',
								fontSize: headlineSize(card.headline),
								fontWeight: 700,
								lineHeight: 1.15,
								lineClamp: 5,
							},
							card.headline,
						),
					]),
					el(
						'div',
						{
							display: 'flex',
							fontSize: 28,
							color: PALETTE.muted,
							borderTop: `2px solid ${PALETTE.rule}`,
							paddingTop: 20,
						},
						card.footer,
					),
				],
			),
		],
	);
}
