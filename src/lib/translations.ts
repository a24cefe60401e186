/** Editions and translations: which language an article is in, and its counterpart in the other. */

export interface Translatable {
	slug: string;
	lang: string;
	/** Slug of the original this article translates. */
	translationOf?: string;
}

/**
 * An article's language: its `lang`, else its folder (`ru/…` is Russian), else the default.
 * Returns the problem when `lang` and the folder disagree.
 */
export function articleLang(
	relativePath: string,
	declared: string | undefined,
	langs: readonly string[],
	defaultLang: string,
): { lang: string; problem?: string } {
	const folder = relativePath.replace(/\\/g, '/').split('/')[0] ?? '';
	const folderLang =
		relativePath.includes('/') && langs.includes(folder) && folder !== defaultLang
			? folder
			: undefined;
	if (declared && folderLang && declared !== folderLang) {
		return {
			lang: declared,
			problem: `is "${declared}" but the file is in the ${folderLang}/ folder, expected "${folderLang}"`,
		};
	}
	return { lang: declared ?? folderLang ?? defaultLang };
}

/** Collection id: the slug, prefixed by the language folder for non-default editions (`ru/slug`). */
export function entryId(lang: string, slug: string, defaultLang: string): string {
	return lang === defaultLang ? slug : `${lang}/${slug}`;
}

/** Edition and slug back from a collection id (`ru/slug` → ru, slug). */
export function parseEntryId<L extends string>(
	id: string,
	langs: readonly L[],
	defaultLang: L,
): { lang: L; slug: string } {
	const [first, ...rest] = id.split('/');
	if (rest.length && langs.includes(first as L)) return { lang: first as L, slug: rest.join('/') };
	return { lang: defaultLang, slug: id };
}

/**
 * For every article, its translations keyed by language (both directions: an original knows its
 * translations and a translation knows its original and the original's other translations).
 */
export function translationMap<T extends Translatable>(
	articles: readonly T[],
): Map<T, Map<string, T>> {
	const originals = new Map<string, T[]>();
	for (const article of articles) {
		if (!article.translationOf)
			originals.set(article.slug, [...(originals.get(article.slug) ?? []), article]);
	}
	const groups = new Map<string, T[]>();
	for (const article of articles) {
		const original = article.translationOf
			? originals.get(article.translationOf)?.find((a) => a.lang !== article.lang)
			: undefined;
		const root = original ?? article;
		const key = `${root.lang}/${root.slug}`;
		groups.set(key, [...(groups.get(key) ?? []), article]);
	}
	const result = new Map<T, Map<string, T>>();
	for (const group of groups.values()) {
		for (const article of group) {
			result.set(
				article,
				new Map(group.filter((other) => other !== article).map((other) => [other.lang, other])),
			);
		}
	}
	return result;
}

/** Problems with `translationOf` links: unknown slug, same language, or a translation of a translation. */
export function translationProblems<T extends Translatable>(
	articles: readonly T[],
): { article: T; message: string }[] {
	const problems: { article: T; message: string }[] = [];
	for (const article of articles) {
		if (!article.translationOf) continue;
		const targets = articles.filter((a) => a.slug === article.translationOf);
		const other = targets.find((a) => a.lang !== article.lang);
		if (!targets.length) {
			problems.push({
				article,
				message: `"${article.translationOf}" is not an article, expected the slug of the original`,
			});
		} else if (!other) {
			problems.push({
				article,
				message: `"${article.translationOf}" is also in "${article.lang}", expected an original in another language`,
			});
		} else if (other.translationOf) {
			problems.push({
				article,
				message: `"${article.translationOf}" is itself a translation, expected the original's slug`,
			});
		}
	}
	return problems;
}
