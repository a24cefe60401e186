/** `npm run new`: reading the command line and writing a new article's front-matter. Pure. */
import { COUNTRIES, SECTIONS } from '../../src/config.ts';
import { DEFAULT_LANG, LANGS, type Lang } from '../../src/i18n/ui.ts';
import { slugify } from '../../src/lib/slug.ts';

export interface NewArticleRequest {
	title: string;
	section: string;
	countries: string[];
	author?: string;
	format: 'md' | 'mdx';
	/** The edition: a story not in English goes to `articles/<lang>/`, which says its language. */
	lang: Lang;
	/** Slug of the story this one translates (`translationOf`). */
	translationOf?: string;
}

export type ParseResult =
	{ ok: true; request: NewArticleRequest } | { ok: false; errors: string[] };

export const USAGE =
	'usage: npm run new -- "Headline here" --section politics [--country kazakhstan] [--author "Name"] [--mdx] [--lang ru] [--translation-of english-slug]';

/** Read `"Headline" --section s [--country c]… [--author a] [--mdx] [--lang l] [--translation-of slug]`; every mistake is reported at once. */
export function parseNewArgs(argv: readonly string[]): ParseResult {
	const errors: string[] = [];
	const titles: string[] = [];
	const countries: string[] = [];
	let section: string | undefined;
	let author: string | undefined;
	let format: 'md' | 'mdx' = 'md';
	let lang: string = DEFAULT_LANG;
	let translationOf: string | undefined;
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i] as string;
		const value = () => {
			const next = argv[i + 1];
			if (next === undefined || next.startsWith('--')) {
				errors.push(`${arg} needs a value`);
				return undefined;
			}
			i++;
			return next;
		};
		if (arg === '--section') section = value();
		else if (arg === '--country') countries.push(...(value() ?? '').split(',').filter(Boolean));
		else if (arg === '--author') author = value();
		else if (arg === '--mdx') format = 'mdx';
		else if (arg === '--lang') lang = value() ?? DEFAULT_LANG;
		else if (arg === '--translation-of') translationOf = value();
		else if (arg.startsWith('--')) errors.push(`unknown option ${arg}`);
		else titles.push(arg);
	}
	const title = titles.join(' ').trim();
	if (!title) errors.push('the headline is missing, expected it in quotes first: "Headline here"');
	const sections: readonly string[] = SECTIONS;
	if (section === undefined)
		errors.push(`--section is missing, expected one of ${sections.join(', ')}`);
	else if (!sections.includes(section))
		errors.push(`"${section}" is not a section, expected one of ${sections.join(', ')}`);
	for (const country of countries) {
		if (!(COUNTRIES as readonly string[]).includes(country))
			errors.push(`"${country}" is not a country, expected one of ${COUNTRIES.join(', ')}`);
	}
	if (author !== undefined && !author.trim()) errors.push('--author is empty, expected a name');
	const isLang = (value: string): value is Lang => (LANGS as readonly string[]).includes(value);
	if (!isLang(lang))
		errors.push(`"${lang}" is not an edition, expected one of ${LANGS.join(', ')}`);
	if (translationOf !== undefined && slugify(translationOf) !== translationOf) {
		errors.push(
			`--translation-of "${translationOf}" is not a slug, expected the original's slug as in its URL, e.g. ${slugify(translationOf) || 'budget-vote'}`,
		);
	}
	if (errors.length || !isLang(lang)) return { ok: false, errors };
	return {
		ok: true,
		request: {
			title,
			section: section as string,
			countries,
			author: author?.trim(),
			format,
			lang,
			...(translationOf ? { translationOf } : {}),
		},
	};
}

/** The headline's slug, made unique against `taken` by appending -2, -3… */
export function uniqueSlug(title: string, taken: (slug: string) => boolean): string {
	const base = slugify(title).slice(0, 80).replace(/-+$/, '') || 'story';
	if (!taken(base)) return base;
	for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}

/** The new file's text: valid front-matter (a draft, dated `date`) and a body to replace. */
export function newArticleText(
	request: NewArticleRequest & { author: string; date: string },
): string {
	const lines = [
		'---',
		`title: ${JSON.stringify(request.title)}`,
		`date: ${request.date}`,
		`author: ${JSON.stringify(request.author)}`,
		`section: ${request.section}`,
		...(request.countries.length ? [`countries: [${request.countries.join(', ')}]`] : []),
		'tags: []',
		'summary: ""',
		...(request.translationOf ? [`translationOf: ${request.translationOf}`] : []),
		'# A draft is previewed by `npm run dev` and never published: delete this line to publish.',
		'draft: true',
		'---',
		'',
		'Write the story here. The first paragraph is the one readers see in listings.',
		'',
	];
	return lines.join('\n');
}
