import { describe, expect, it } from 'vitest';
import { embedVideo, factboxId, figureAlt, relatedStory } from '../../src/lib/mdxProps.ts';
import { makeArticle } from './fixtures.ts';

describe('embedVideo', () => {
	it('gives the player and the watch link of a YouTube or Vimeo address', () => {
		expect(
			embedVideo('https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'Opening night'),
		).toMatchObject({
			provider: 'YouTube',
			id: 'dQw4w9WgXcQ',
			watchUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
		});
		expect(embedVideo('https://vimeo.com/76979871', 'The parade')).toMatchObject({
			provider: 'Vimeo',
			id: '76979871',
		});
	});

	it('stops on an address it cannot play, naming the tag', () => {
		expect(() => embedVideo('https://example.com/clip.mp4', 'A clip')).toThrow(
			/^<Embed url="https:\/\/example\.com\/clip\.mp4">: .+/,
		);
	});

	it.each([undefined, '', '   '])('requires a title (%j)', (title) => {
		expect(() => embedVideo('https://vimeo.com/76979871', title)).toThrow(
			'<Embed url="https://vimeo.com/76979871">: title is required, expected a short description of the video',
		);
	});
});

describe('figureAlt', () => {
	it('takes any alt text, empty for a decorative image', () => {
		expect(figureAlt('./route.png', 'Map of the route')).toBe('Map of the route');
		expect(figureAlt('./rule.png', '')).toBe('');
	});

	it('stops without one', () => {
		expect(() => figureAlt('./route.png', undefined)).toThrow(
			'<Figure src="./route.png">: alt is required, describe what the image shows (alt="" only for a decorative image)',
		);
	});
});

describe('factboxId', () => {
	it("is made from the box's title, or a plain one when the title has no letters to slug", () => {
		expect(factboxId('In numbers')).toBe('factbox-in-numbers');
		expect(factboxId('!!!')).toBe('factbox-facts');
	});
});

describe('relatedStory', () => {
	const articles = [makeArticle('budget'), makeArticle('rogun')];

	it("finds the edition's story by its slug", () => {
		expect(relatedStory(articles, 'rogun', 'en').url).toBe('/articles/rogun/');
	});

	it('stops on an unknown slug, naming the edition in its own language', () => {
		expect(() => relatedStory(articles, 'nope', 'en')).toThrow(
			'<Related slug="nope">: there is no published article "nope" in the English edition, expected the slug (file name) of one',
		);
		expect(() => relatedStory(articles, 'nope', 'ru')).toThrow('in the Русский edition');
	});
});
