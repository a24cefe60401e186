/**
 * Static paths of the pages made from each edition's data (articles, listing pages), fed by the
 * one content loader. The pure part is `src/lib/editionPaths.ts`;
 * alternates and hreflang are `src/lib/alternates.ts`.
 */
import { siteData, type SiteData } from './content.ts';
import { pathsPerEdition } from '../lib/editionPaths.ts';

/** Every edition's pages: `pages` turns one edition's data into its static paths. */
export function editionPages<P>(
	pages: (edition: SiteData) => readonly (P | Promise<P>)[],
): Promise<P[]> {
	return pathsPerEdition((lang) => siteData(lang), pages);
}
