import { describe, expect, it } from 'vitest';
import { editionPaths, pathsPerEdition } from '../../src/lib/editionPaths.ts';

describe('editionPaths', () => {
	it('gives every edition one path: no segment for English, its code for the others', () => {
		expect(editionPaths()).toEqual([
			{ params: { lang: undefined }, props: { lang: 'en' } },
			{ params: { lang: 'ru' }, props: { lang: 'ru' } },
		]);
	});
});

describe('pathsPerEdition', () => {
	it("loads every edition and lists each one's paths, in edition order", async () => {
		const loaded: string[] = [];
		const load = async (lang: 'en' | 'ru') => {
			loaded.push(lang);
			return { lang, slugs: lang === 'en' ? ['budget', 'rogun'] : ['byudzhet'] };
		};
		const paths = await pathsPerEdition(load, ({ lang, slugs }) =>
			slugs.map((slug) => ({ params: { lang, slug } })),
		);
		expect(loaded).toEqual(['en', 'ru']);
		expect(paths).toEqual([
			{ params: { lang: 'en', slug: 'budget' } },
			{ params: { lang: 'en', slug: 'rogun' } },
			{ params: { lang: 'ru', slug: 'byudzhet' } },
		]);
	});

	it('waits for paths that are computed asynchronously (cache keys)', async () => {
		const paths = await pathsPerEdition(
			async (lang) => lang,
			(lang) => [Promise.resolve(`${lang}-1`), `${lang}-2`],
		);
		expect(paths).toEqual(['en-1', 'en-2', 'ru-1', 'ru-2']);
	});
});
