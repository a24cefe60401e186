/**
 * The static paths a page has in each edition (`getStaticPaths`), written once for every page.
 * Kept apart from what the layout imports (alternates.ts, pageFrame.ts): a module that both the
 * edition strip and the layout import joins the bundle chunk of the global styles and names
 * their CSS file (`_astro/global.*.css` became `editions.*.css`, changing every page).
 */
import { LANGS, langParam, type Lang } from '../i18n/ui.ts';

/** A page that exists once per edition: `[...lang]` is empty for English, `ru` for Russian. */
export interface EditionPath {
	params: { lang: string | undefined };
	props: { lang: Lang };
}

/** Static paths of a page that every edition has once (search, sections index, edition strip, feeds). */
export function editionPaths(langs: readonly Lang[] = LANGS): EditionPath[] {
	return langs.map((lang) => ({ params: { lang: langParam(lang) }, props: { lang } }));
}

/**
 * Static paths of pages made from each edition's data (articles, listing pages): `load` gives an
 * edition's data, `pages` its paths. Editions load side by side; paths keep edition order.
 */
export async function pathsPerEdition<E, P>(
	load: (lang: Lang) => Promise<E>,
	pages: (edition: E) => readonly (P | Promise<P>)[],
	langs: readonly Lang[] = LANGS,
): Promise<P[]> {
	const editions = await Promise.all(langs.map((lang) => load(lang)));
	return Promise.all(editions.flatMap((edition) => pages(edition)));
}
