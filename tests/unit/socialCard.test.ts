import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import satori from 'satori';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	brandedCardSvg,
	cachedCard,
	cardFonts,
	cardKey,
	renderCard,
} from '../../scripts/lib/cardDrawing.ts';
import {
	CARD_FONT_FAMILY,
	CARD_HEIGHT,
	CARD_WIDTH,
	headlineSize,
	type BrandedCard,
} from '../../src/lib/socialCard.ts';

const KAZAKH = 'әғқңөұүһіӘҒҚҢӨҰҮҺІ';

const CARD: BrandedCard = {
	kind: 'branded',
	siteName: 'Caravan',
	kicker: 'Politics',
	headline: 'Қазақстан әкімдері ғимарат қаржысын өңірлерге бөлді: ұлттық қор, үкімет һәм іс-шара',
	footer: '2 March 2026',
};

/** The outline satori draws for `text` in the card's fonts: its path data. */
async function outline(text: string): Promise<string> {
	const { fonts } = await cardFonts();
	const element = {
		type: 'div',
		props: {
			style: { display: 'flex', fontFamily: CARD_FONT_FAMILY, fontSize: 100, fontWeight: 700 },
			children: text,
		},
	};
	const svg = await satori(element as unknown as Parameters<typeof satori>[0], {
		width: 200,
		height: 200,
		fonts,
	});
	return [...svg.matchAll(/ d="([^"]*)"/g)].map((match) => match[1]).join(' ');
}

async function solidImage(color: string, width = 800, height = 600): Promise<Buffer> {
	return sharp({ create: { width, height, channels: 3, background: color } })
		.jpeg()
		.toBuffer();
}

describe('branded card text', () => {
	it('draws every Kazakh letter from the shipped Noto Serif, not a missing-glyph box', async () => {
		const missing = await outline('\uE000'); // a private-use code point no font here has
		const drawn = new Map<string, string>();
		for (const letter of KAZAKH) {
			const path = await outline(letter);
			expect(path, letter).not.toBe('');
			expect(path, letter).not.toBe(missing);
			drawn.set(letter, path);
		}
		// Eighteen letters, eighteen different shapes.
		expect(new Set(drawn.values()).size).toBe(KAZAKH.length);
	});

	it('sets Latin and Russian Cyrillic too', async () => {
		const missing = await outline('\uE000');
		for (const letter of 'Aжё€—') expect(await outline(letter), letter).not.toBe(missing);
	});

	it('lays the whole headline out as paths, with no text left for a system font', async () => {
		const svg = await brandedCardSvg(CARD);
		expect(svg).not.toContain('<text');
		expect(svg.match(/<path/g)?.length).toBeGreaterThan(5);
	});

	it('sizes short headlines larger than long ones', () => {
		expect(headlineSize('Short')).toBeGreaterThan(headlineSize('A'.repeat(120)));
	});
});

describe('card PNGs', () => {
	let cache: string;
	beforeAll(async () => {
		cache = await mkdtemp(path.join(tmpdir(), 'caravan-cards-'));
	});
	afterAll(() => rm(cache, { recursive: true, force: true }));

	it('renders a branded card at 1200×630', async () => {
		const meta = await sharp(await renderCard(CARD)).metadata();
		expect([meta.format, meta.width, meta.height]).toEqual(['png', CARD_WIDTH, CARD_HEIGHT]);
	});

	it('cover-crops a lead image of any shape to a 1200×630 JPEG', async () => {
		const jpeg = await renderCard({ kind: 'photo', image: await solidImage('#2a9d8f', 500, 1000) });
		const { data, info } = await sharp(jpeg).raw().toBuffer({ resolveWithObject: true });
		expect((await sharp(jpeg).metadata()).format).toBe('jpeg');
		expect([info.width, info.height]).toEqual([CARD_WIDTH, CARD_HEIGHT]);
		const [r, g, b] = data.subarray(0, 3);
		expect(Math.abs(r! - 0x2a) + Math.abs(g! - 0x9d) + Math.abs(b! - 0x8f)).toBeLessThan(12);
	});

	it('draws a card once, then serves it from the cache by content hash', async () => {
		const first = await cachedCard(CARD, cache);
		const second = await cachedCard({ ...CARD }, cache);
		expect(first.cached).toBe(false);
		expect(second.cached).toBe(true);
		expect(second.bytes.equals(first.bytes)).toBe(true);
		expect(await readdir(cache)).toEqual([`${await cardKey(CARD)}.png`]);
		// Anything on the card changes the key.
		expect((await cachedCard({ ...CARD, footer: '3 March 2026' }, cache)).cached).toBe(false);
		expect(await cardKey({ ...CARD, kicker: 'Economy' })).not.toBe(await cardKey(CARD));
	});

	it('renders the same bytes every time (deterministic builds)', async () => {
		expect((await renderCard(CARD)).equals(await renderCard(CARD))).toBe(true);
	});
});
