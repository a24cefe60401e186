/**
 * A deterministic synthetic newsroom corpus for `npm run bench`: the same seed and size always
 * give byte-identical files. Bodies of 300–800 words in paragraphs under subheadings, drawn from a
 * Zipf-distributed vocabulary big enough that search indexes grow as they would on real news;
 * about 30 stories a day; a realistic spread of sections, countries, ~40 authors and ~150 tags;
 * a share of folder-form stories with a lead image; a few drafts and embargoed stories; daily
 * ticker snapshots.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** "Now" of every bench build: 2026-12-01T12:00:00+05:00. */
export const CORPUS_EPOCH = Date.parse('2026-12-01T12:00:00+05:00') / 1000;
/** A word that runs through the corpus (in roughly a quarter of the stories): the bench's search query. */
export const SEARCH_WORD = 'water';

export interface CorpusOptions {
	articles: number;
	/** Share of stories with a lead image (folder form with `lead.jpg`), 0–1. */
	imageShare: number;
	seed?: number;
}

export interface CorpusFile {
	/** Path inside the content folder, `/`-separated. */
	path: string;
	text?: string;
	/** Index into the lead-image pool, for image files. */
	image?: number;
}

export interface CorpusSummary {
	articles: number;
	published: number;
	drafts: number;
	embargoed: number;
	withImage: number;
	words: number;
	tickerSnapshots: number;
	/** A published story in the middle of the archive: the one the warm rebuild edits. */
	editTarget: string;
}

/** mulberry32: a small, fast, well-distributed 32-bit PRNG; never Math.random. */
export function prng(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

type Random = () => number;

const int = (random: Random, min: number, max: number) =>
	min + Math.floor(random() * (max - min + 1));
const pick = <T>(random: Random, items: readonly T[]): T =>
	items[Math.floor(random() * items.length)] as T;

/** A sampler of indexes 0..weights.length-1 with the given relative weights. */
function weighted(weights: readonly number[]): (random: Random) => number {
	const cumulative = new Float64Array(weights.length);
	let sum = 0;
	weights.forEach((w, i) => (cumulative[i] = sum += w));
	return (random) => {
		const x = random() * sum;
		let lo = 0;
		let hi = cumulative.length - 1;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if ((cumulative[mid] as number) > x) hi = mid;
			else lo = mid + 1;
		}
		return lo;
	};
}

/** Zipf weights for ranks 1..n with exponent s. */
const zipf = (n: number, s: number) => Array.from({ length: n }, (_, i) => 1 / (i + 1) ** s);

// Function words and newsroom vocabulary, most frequent first; they head the Zipf ranking.
const COMMON =
	`the of and to in a is that for on was with as by said it at from be has have are an this
which not but were had its they will their been more after also who new one would two about year than
first over into last could other while there some when out up all government minister people country
state officials told week month local its since under between during such because most only against
before three percent including region national public plan former there those while per well still
according workers president capital city new million billion years where many being can may them our
next should them both then through early groups economic political authorities foreign international
according major little high large long small second third years days again further`
		.split(/\s+/)
		.filter((w, i, all) => w && all.indexOf(w) === i);

const TOPICAL =
	`water parliament budget oil gas border election ministry tariff inflation currency bank
railway pipeline harvest cotton migration remittances drought glacier mining gold uranium electricity
dam reservoir investors loans exports imports corridor customs sanctions journalists court prosecutors
protest teachers hospitals vaccine wheat prices wages pension tax reform constitution referendum
diplomats summit delegation agreement treaty security troops militants refugees aid university
students startup internet telecom satellite festival museum film theatre music football wrestling
villages farmers irrigation canal livestock pasture smog heating coal solar wind hydropower grid
blackout fuel petrol diesel refinery copper zinc lithium rare earths tenge som somoni sum manat
airline airport tourism visa passport census poverty unemployment mortgage housing construction
highway bridge tunnel trade deficit surplus reserves fund bonds stock exchange privatisation
corruption anticorruption audit ombudsman media license blogger arrest sentence appeal amnesty
opposition party coalition deputies senate governor mayor akim council district ministry embassy`
		.split(/\s+/)
		.filter((w, i, all) => w && all.indexOf(w) === i);

const PLACES =
	`Almaty Astana Bishkek Osh Dushanbe Khujand Tashkent Samarkand Bukhara Ashgabat Turkmenbashi
Kabul Mazar-i-Sharif Herat Aral Caspian Ferghana Pamir Naryn Karakol Mary Nukus Termez Khorog
Shymkent Karaganda Aktau Atyrau Semey Taraz Jalal-Abad Batken Kulob Bokhtar Andijan Namangan
Navoi Khiva Dashoguz Balkanabat Moscow Beijing Ankara Brussels Tehran Islamabad Baku Tbilisi`.split(
		/\s+/,
	);

const FIRST_NAMES =
	`Aigerim Nurlan Dilnoza Timur Madina Rustam Zarina Bakyt Gulnara Farrukh Aida Yerlan
Saodat Azamat Malika Daniyar Shahnoza Ruslan Asel Jamshid`.split(/\s+/);
const LAST_NAMES =
	`Sadykova Abenov Karimova Tursunov Bekova Usmonov Nazarova Omurbekov Yusupova Akhmedov
Dzhaparova Sultanov Rakhimova Mamatov Ismoilova Zhaksybekov Kasymova Alimov Orozova Niyazov`.split(
		/\s+/,
	);

const SECTION_WEIGHTS = {
	politics: 20,
	economy: 22,
	society: 16,
	tech: 8,
	culture: 8,
	energy: 10,
	security: 10,
	opinion: 6,
};
const COUNTRY_WEIGHTS = {
	kazakhstan: 28,
	uzbekistan: 22,
	kyrgyzstan: 16,
	tajikistan: 12,
	turkmenistan: 7,
	afghanistan: 8,
	region: 7,
};

const VOCABULARY_SIZE = 40_000;

/** Pronounceable made-up words fill the long tail of the vocabulary, as names and rare words do in real news. */
function pseudoWords(random: Random, count: number, taken: Set<string>): string[] {
	const onsets = [
		'b',
		'd',
		'g',
		'k',
		'kh',
		'l',
		'm',
		'n',
		'p',
		'r',
		's',
		'sh',
		't',
		'ch',
		'z',
		'zh',
		'y',
		'v',
		'f',
		'j',
		'q',
		'',
	];
	const vowels = ['a', 'e', 'i', 'o', 'u', 'ai', 'ou', 'ia', 'ee'];
	const codas = ['', '', 'n', 'r', 's', 't', 'k', 'l', 'm', 'ng', 'sh', 'st', 'nd'];
	const result: string[] = [];
	while (result.length < count) {
		let word = '';
		const syllables = int(random, 2, 4);
		for (let i = 0; i < syllables; i++)
			word +=
				pick(random, onsets) +
				pick(random, vowels) +
				(i === syllables - 1 ? pick(random, codas) : '');
		if (word.length >= 3 && !taken.has(word)) {
			taken.add(word);
			result.push(word);
		}
	}
	return result;
}

/** Title Case for headings. */
const titleCase = (words: string[]) =>
	words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');

interface Vocabulary {
	words: string[];
	sample: (random: Random) => number;
	/** Topical words only: headlines and tags draw from these. */
	topical: string[];
}

function vocabulary(random: Random): Vocabulary {
	const taken = new Set([...COMMON, ...TOPICAL, ...PLACES.map((p) => p.toLowerCase())]);
	// Topical words and places interleave after the function words, so both are frequent.
	const head: string[] = [...COMMON];
	for (let i = 0; i < Math.max(TOPICAL.length, PLACES.length); i++) {
		if (TOPICAL[i]) head.push(TOPICAL[i] as string);
		if (PLACES[i]) head.push(PLACES[i] as string);
	}
	const words = [...head, ...pseudoWords(random, VOCABULARY_SIZE - head.length, taken)];
	return { words, sample: weighted(zipf(words.length, 1.0)), topical: TOPICAL };
}

/** One sentence of `count` words, sometimes with a figure, a comma or a quotation. */
function sentence(random: Random, vocab: Vocabulary, count: number): string {
	const parts: string[] = [];
	for (let i = 0; i < count; i++) parts.push(vocab.words[vocab.sample(random)] as string);
	if (random() < 0.25)
		parts.splice(
			int(random, 1, parts.length - 1),
			0,
			`${int(random, 2, 98)}.${int(random, 0, 9)}%`,
		);
	if (random() < 0.15)
		parts.splice(int(random, 1, parts.length - 1), 0, String(int(random, 1995, 2030)));
	if (parts.length > 9 && random() < 0.4) parts[int(random, 3, parts.length - 3)] += ',';
	const text = parts.join(' ');
	const capitalised = text.charAt(0).toUpperCase() + text.slice(1);
	if (random() < 0.08)
		return `"${capitalised}," ${pick(random, ['he', 'she', 'an official', 'a spokesman'])} said.`;
	return `${capitalised}.`;
}

/** A body of about `target` words: paragraphs, subheadings, now and then a list, a quote or a link. */
function body(
	random: Random,
	vocab: Vocabulary,
	target: number,
	linkTo: string | undefined,
): { text: string; words: number } {
	const blocks: string[] = [];
	let words = 0;
	let sinceHeading = 0;
	let linked = !linkTo;
	while (words < target) {
		if (sinceHeading >= int(random, 3, 5) && words < target - 80) {
			const heading = Array.from(
				{ length: int(random, 3, 6) },
				() => vocab.words[vocab.sample(random)] as string,
			);
			blocks.push(`## ${titleCase(heading)}`);
			words += heading.length;
			sinceHeading = 0;
			continue;
		}
		const roll = random();
		if (roll < 0.06) {
			const items = Array.from(
				{ length: int(random, 3, 5) },
				() => `- ${sentence(random, vocab, int(random, 5, 12)).replace(/\.$/, ';')}`,
			);
			blocks.push(items.join('\n'));
			words += items.join(' ').split(' ').length - items.length;
		} else if (roll < 0.1) {
			const quote = sentence(random, vocab, int(random, 12, 24));
			blocks.push(`> ${quote}`);
			words += quote.split(' ').length;
		} else {
			const sentences = Array.from({ length: int(random, 2, 5) }, () =>
				sentence(random, vocab, int(random, 8, 28)),
			);
			if (!linked && random() < 0.3) {
				sentences.push(`Read more in [our earlier report](/articles/${linkTo}/).`);
				linked = true;
			}
			const paragraph = sentences.join(' ');
			blocks.push(paragraph);
			words += paragraph.split(' ').length;
		}
		sinceHeading++;
	}
	return { text: `${blocks.join('\n\n')}\n`, words };
}

const yamlString = (text: string) => JSON.stringify(text);

/** Every file of the corpus, in a fixed order, and what it holds. */
export function generateCorpus(options: CorpusOptions): {
	files: CorpusFile[];
	summary: CorpusSummary;
} {
	const random = prng(options.seed ?? 20261201);
	const vocab = vocabulary(random);
	const sectionNames = Object.keys(SECTION_WEIGHTS);
	const countryNames = Object.keys(COUNTRY_WEIGHTS);
	const sectionOf = weighted(Object.values(SECTION_WEIGHTS));
	const countryOf = weighted(Object.values(COUNTRY_WEIGHTS));
	// ~40 bylines; staff writers file far more than occasional contributors.
	const authors = Array.from(
		{ length: 40 },
		(_, i) =>
			`${FIRST_NAMES[i % FIRST_NAMES.length]} ${LAST_NAMES[(i * 7 + Math.floor(i / 20)) % LAST_NAMES.length]}`,
	);
	const authorOf = weighted(zipf(authors.length, 0.8));
	// ~150 tags: topical words, then two-word tags; a few are on most stories, most on few.
	const tags = [...vocab.topical];
	for (let i = 0; tags.length < 150; i++)
		tags.push(
			`${vocab.topical[i % vocab.topical.length]} ${vocab.topical[(i * 13 + 5) % vocab.topical.length]}`,
		);
	tags.length = 150;
	const tagOf = weighted(zipf(tags.length, 1.1));

	const n = options.articles;
	// About 30 stories a day, the newest just before "now"; a few embargoed ones just after it.
	const spacing = 86_400 / 30;
	const drafts = Math.max(1, Math.round(n * 0.005));
	const embargoed = Math.max(1, Math.round(n * 0.003));
	const files: CorpusFile[] = [];
	const publishedSlugs: string[] = [];
	let totalWords = 0;
	let withImage = 0;
	for (let i = 0; i < n; i++) {
		const isEmbargoed = i >= n - embargoed;
		// Drafts spread evenly through the archive.
		const isDraft = !isEmbargoed && i % Math.floor(n / drafts) === Math.floor(n / drafts / 2);
		const seconds = isEmbargoed
			? CORPUS_EPOCH + 3600 * (i - (n - embargoed) + 1) * 7
			: CORPUS_EPOCH -
				Math.round((n - embargoed - i) * spacing) -
				int(random, 0, Math.floor(spacing / 2));
		const date = new Date((seconds + 5 * 3600) * 1000).toISOString().slice(0, 19) + '+05:00';
		const section = sectionNames[sectionOf(random)] as string;
		const countries = new Set<string>([countryNames[countryOf(random)] as string]);
		const extraCountries = random() < 0.25 ? (random() < 0.2 ? 2 : 1) : 0;
		for (let c = 0; c < extraCountries; c++)
			countries.add(countryNames[countryOf(random)] as string);
		const byline = new Set([authors[authorOf(random)] as string]);
		if (random() < 0.1) byline.add(authors[authorOf(random)] as string);
		const tagCount = random() < 0.05 ? 0 : int(random, 1, 5);
		const articleTags = new Set<string>();
		for (let t = 0; t < tagCount; t++) articleTags.add(tags[tagOf(random)] as string);
		const headlineWords = [
			pick(random, PLACES),
			...Array.from({ length: int(random, 5, 10) }, () =>
				random() < 0.4
					? pick(random, vocab.topical)
					: (vocab.words[vocab.sample(random)] as string),
			),
		];
		const title = headlineWords.join(' ').replace(/^./, (c) => c.toUpperCase());
		const slug = `${headlineWords
			.slice(0, 4)
			.join('-')
			.toLowerCase()
			.replace(/[^a-z0-9-]+/g, '')}-${String(i).padStart(6, '0')}`;
		const hasImage = random() < options.imageShare;
		const summary = random() < 0.7 ? sentence(random, vocab, int(random, 14, 24)) : undefined;
		const updated =
			random() < 0.05
				? new Date((seconds + 5 * 3600 + int(random, 1, 48) * 3600) * 1000)
						.toISOString()
						.slice(0, 19) + '+05:00'
				: undefined;
		const correction = random() < 0.01;
		const linkTo =
			publishedSlugs.length && random() < 0.5
				? publishedSlugs[int(random, 0, publishedSlugs.length - 1)]
				: undefined;
		const { text, words } = body(random, vocab, int(random, 300, 800), linkTo);
		totalWords += words;

		const frontMatter = [
			'---',
			`title: ${yamlString(title)}`,
			`date: ${date}`,
			`author: ${byline.size === 1 ? yamlString([...byline][0] as string) : `[${[...byline].map(yamlString).join(', ')}]`}`,
			`section: ${section}`,
			`countries: [${[...countries].join(', ')}]`,
			`tags: [${[...articleTags].map(yamlString).join(', ')}]`,
			...(summary ? [`summary: ${yamlString(summary)}`] : []),
			...(updated && !isEmbargoed ? [`updated: ${updated}`] : []),
			...(isDraft ? ['draft: true'] : []),
			...(hasImage
				? [
						'image:',
						`  src: ./lead.jpg`,
						`  alt: ${yamlString(`${pick(random, PLACES)} ${pick(random, vocab.topical)}, seen from above`)}`,
					]
				: []),
			...(correction && updated && !isEmbargoed
				? [
						'corrections:',
						`  - date: ${updated}`,
						`    text: ${yamlString('An earlier version misstated a figure.')}`,
					]
				: []),
			'---',
			'',
		].join('\n');
		if (hasImage) {
			withImage++;
			files.push({ path: `articles/${slug}/index.md`, text: frontMatter + text });
			files.push({ path: `articles/${slug}/lead.jpg`, image: i % IMAGE_POOL });
		} else {
			files.push({ path: `articles/${slug}.md`, text: frontMatter + text });
		}
		if (!isDraft && !isEmbargoed) publishedSlugs.push(slug);
	}

	// Daily ticker snapshots for the last 30 days: a random walk around plausible rates.
	const rates: Record<string, number> = { KGS: 87.4, KZT: 515.5, TJS: 9.22, TMT: 3.5, UZS: 12050 };
	const snapshots = 30;
	for (let d = snapshots - 1; d >= 0; d--) {
		const day = new Date((CORPUS_EPOCH - d * 86_400) * 1000).toISOString().slice(0, 10);
		for (const code of Object.keys(rates))
			rates[code] = Number(
				((rates[code] as number) * (1 + (random() - 0.5) * 0.01)).toPrecision(6),
			);
		files.push({
			path: `ticker/${day}.json`,
			text: `${JSON.stringify({ date: day, base: 'USD', rates })}\n`,
		});
	}

	const published = publishedSlugs.length;
	return {
		files,
		summary: {
			articles: n,
			published,
			drafts: n - embargoed - published,
			embargoed,
			withImage,
			words: totalWords,
			tickerSnapshots: snapshots,
			editTarget: publishedSlugs[Math.floor(published / 2)] ?? '',
		},
	};
}

const IMAGE_POOL = 6;

/** A handful of lead images (1200×800 JPEGs, ~100 KB like a newsroom photo), made with sharp from a seed. */
async function imagePool(dir: string): Promise<string[]> {
	const { default: sharp } = await import('sharp');
	const random = prng(7);
	const width = 1200;
	const height = 800;
	const files: string[] = [];
	await mkdir(dir, { recursive: true });
	for (let k = 0; k < IMAGE_POOL; k++) {
		const pixels = Buffer.alloc(width * height * 3);
		const [r, g, b] = [random() * 255, random() * 255, random() * 255];
		const fx = 0.004 + random() * 0.02;
		const fy = 0.004 + random() * 0.02;
		for (let y = 0; y < height; y++) {
			for (let x = 0; x < width; x++) {
				const wave =
					Math.sin(x * fx + Math.cos(y * fy) * 3) * 60 + Math.sin((x + y) * fx * 0.5) * 30;
				const grain = (random() - 0.5) * 24;
				const at = (y * width + x) * 3;
				pixels[at] = Math.max(0, Math.min(255, r + wave + grain));
				pixels[at + 1] = Math.max(0, Math.min(255, g + wave * 0.7 + grain));
				pixels[at + 2] = Math.max(0, Math.min(255, b - wave * 0.5 + grain));
			}
		}
		const file = path.join(dir, `lead-${k}.jpg`);
		await sharp(pixels, { raw: { width, height, channels: 3 } })
			.jpeg({ quality: 80 })
			.toFile(file);
		files.push(file);
	}
	return files;
}

/**
 * The pooled JPEG with a comment segment naming the story: the same picture, but distinct bytes,
 * so a pipeline that caches by content hash still does the work once per story, as in a newsroom.
 */
function uniqueJpeg(jpeg: Buffer, name: string): Buffer {
	const comment = Buffer.from(name, 'utf8');
	const segment = Buffer.alloc(4);
	segment.writeUInt16BE(0xfffe, 0);
	segment.writeUInt16BE(comment.length + 2, 2);
	// Right after the start-of-image marker (FFD8).
	return Buffer.concat([jpeg.subarray(0, 2), segment, comment, jpeg.subarray(2)]);
}

/** Write the corpus into `dir` (emptied first); `onProgress` hears how many files are written. */
export async function writeCorpus(
	dir: string,
	options: CorpusOptions,
	onProgress: (done: number, total: number) => void = () => {},
): Promise<CorpusSummary> {
	const { files, summary } = generateCorpus(options);
	await rm(dir, { recursive: true, force: true });
	await mkdir(path.join(dir, 'articles'), { recursive: true });
	await mkdir(path.join(dir, 'ticker'), { recursive: true });
	const images = summary.withImage
		? await Promise.all(
				(await imagePool(path.join(dir, '..', 'images'))).map((file) => readFile(file)),
			)
		: [];
	const made = new Set<string>();
	// Small batches: fast, without opening thousands of files at once.
	for (let start = 0; start < files.length; start += 64) {
		await Promise.all(
			files.slice(start, start + 64).map(async (file) => {
				const target = path.join(dir, file.path);
				const folder = path.dirname(target);
				if (!made.has(folder)) {
					await mkdir(folder, { recursive: true });
					made.add(folder);
				}
				if (file.image !== undefined)
					await writeFile(target, uniqueJpeg(images[file.image] as Buffer, file.path));
				else await writeFile(target, file.text ?? '');
			}),
		);
		onProgress(Math.min(files.length, start + 64), files.length);
	}
	return summary;
}

/** Change one story the way a writer would (a new closing paragraph), for the warm rebuild. */
export async function editArticle(contentDir: string, slug: string, note: string): Promise<string> {
	const candidates = [
		path.join(contentDir, 'articles', `${slug}.md`),
		path.join(contentDir, 'articles', slug, 'index.md'),
	];
	const file = candidates.find((candidate) => existsSync(candidate));
	if (!file) throw new Error(`the story to edit (${slug}) is not in ${contentDir}`);
	const text = await readFile(file, 'utf8');
	await writeFile(
		file,
		`${text}\nUpdate: ${note}, the ${SEARCH_WORD} ministry said in a statement.\n`,
	);
	return file;
}
