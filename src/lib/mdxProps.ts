/**
 * The props of the MDX components (src/components/mdx/) checked and shaped. A prop `npm run check`
 * could not see (a computed value, a story built without it) stops the build here with the tag,
 * what is wrong and what is expected.
 */
import { t, type Lang } from '../i18n/ui.ts';
import { parseVideoUrl, type VideoEmbed } from './embed.ts';
import { slugify } from './slug.ts';

/** `<Embed url title>`: the video the URL names; its title is required (the player's name). */
export function embedVideo(url: string, title: string | undefined): VideoEmbed {
	const video = parseVideoUrl(url);
	if (!video.ok) throw new Error(`<Embed url="${url}">: ${video.message}`);
	if (!title?.trim())
		throw new Error(
			`<Embed url="${url}">: title is required, expected a short description of the video`,
		);
	return video;
}

/** `<Figure src alt>`: the alt text, required (`alt=""` marks a decorative image). */
export function figureAlt(src: string, alt: unknown): string {
	if (typeof alt !== 'string')
		throw new Error(
			`<Figure src="${src}">: alt is required, describe what the image shows (alt="" only for a decorative image)`,
		);
	return alt;
}

/** `<Factbox title>`: the id its heading labels the box with. */
export function factboxId(title: string): string {
	return `factbox-${slugify(title) || 'facts'}`;
}

/** `<Related slug>`: the published story of the edition with that slug. */
export function relatedStory<A extends { slug: string }>(
	articles: readonly A[],
	slug: string,
	lang: Lang,
): A {
	const article = articles.find((candidate) => candidate.slug === slug);
	if (!article) {
		throw new Error(
			`<Related slug="${slug}">: there is no published article "${slug}" in the ${t(lang).languageName} edition, expected the slug (file name) of one`,
		);
	}
	return article;
}
