/** URL slugs: ASCII, lower case, hyphenated; Cyrillic and Kazakh letters transliterated. */

// Russian after the common "passport" style; Kazakh, Kyrgyz, Tajik and Uzbek Cyrillic letters added.
const CYRILLIC: Record<string, string> = {
	а: 'a',
	б: 'b',
	в: 'v',
	г: 'g',
	д: 'd',
	е: 'e',
	ё: 'yo',
	ж: 'zh',
	з: 'z',
	и: 'i',
	й: 'y',
	к: 'k',
	л: 'l',
	м: 'm',
	н: 'n',
	о: 'o',
	п: 'p',
	р: 'r',
	с: 's',
	т: 't',
	у: 'u',
	ф: 'f',
	х: 'kh',
	ц: 'ts',
	ч: 'ch',
	ш: 'sh',
	щ: 'shch',
	ъ: '',
	ы: 'y',
	ь: '',
	э: 'e',
	ю: 'yu',
	я: 'ya',
	ә: 'a',
	ғ: 'gh',
	қ: 'q',
	ң: 'ng',
	ө: 'o',
	ұ: 'u',
	ү: 'u',
	һ: 'h',
	і: 'i',
	ҷ: 'j',
	ӣ: 'i',
	ӯ: 'u',
	ҳ: 'h',
	ў: 'o',
	є: 'ye',
	ї: 'yi',
	ґ: 'g',
};

/** Transliterate Cyrillic (Russian, Kazakh, Kyrgyz, Tajik, Uzbek) to ASCII, keeping other text. */
export function transliterate(text: string): string {
	let out = '';
	for (const char of text) {
		const lower = char.toLowerCase();
		const mapped = CYRILLIC[lower];
		if (mapped === undefined) out += char;
		else out += char === lower ? mapped : mapped.charAt(0).toUpperCase() + mapped.slice(1);
	}
	return out;
}

/** "Kazakhstan’s Budget: 2026" → "kazakhstans-budget-2026"; "Бюджет Қазақстана" → "byudzhet-qazaqstana". */
export function slugify(text: string): string {
	return transliterate(text)
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/['’‘`ʻʼ]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

/**
 * The article slug from its path inside the articles folder: the file name without extension,
 * or the folder name for `<slug>/index.md`.
 */
export function slugFromPath(relativePath: string): string {
	const parts = relativePath.replace(/\\/g, '/').split('/');
	const file = parts.pop() ?? '';
	const stem = file.replace(/\.(md|mdx)$/i, '');
	return stem === 'index' && parts.length > 0 ? (parts.pop() as string) : stem;
}
