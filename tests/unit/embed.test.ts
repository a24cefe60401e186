import { describe, expect, it } from 'vitest';
import { parseVideoUrl } from '../../src/lib/embed.ts';

describe('parseVideoUrl', () => {
	it('reads every YouTube form into a no-cookie player and a watch link', () => {
		for (const url of [
			'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=10',
			'https://youtu.be/dQw4w9WgXcQ',
			'https://m.youtube.com/shorts/dQw4w9WgXcQ',
			'https://www.youtube.com/embed/dQw4w9WgXcQ',
			'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
		]) {
			expect(parseVideoUrl(url), url).toEqual({
				ok: true,
				provider: 'YouTube',
				id: 'dQw4w9WgXcQ',
				playerUrl: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1',
				watchUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
			});
		}
	});

	it('reads Vimeo pages and players, with do-not-track', () => {
		for (const url of [
			'https://vimeo.com/76979871',
			'https://vimeo.com/channels/staffpicks/76979871',
			'https://player.vimeo.com/video/76979871',
		]) {
			expect(parseVideoUrl(url), url).toEqual({
				ok: true,
				provider: 'Vimeo',
				id: '76979871',
				playerUrl: 'https://player.vimeo.com/video/76979871?autoplay=1&dnt=1',
				watchUrl: 'https://vimeo.com/76979871',
			});
		}
	});

	it('explains links it cannot play', () => {
		expect(parseVideoUrl('not a url')).toEqual({
			ok: false,
			message: '"not a url" is not a web address, expected a YouTube or Vimeo link',
		});
		expect(parseVideoUrl('https://www.youtube.com/watch?v=short')).toEqual({
			ok: false,
			message:
				'"https://www.youtube.com/watch?v=short" has no YouTube video id, expected a link like https://www.youtube.com/watch?v=…',
		});
		expect(parseVideoUrl('https://evil.example/watch?v=dQw4w9WgXcQ')).toEqual({
			ok: false,
			message:
				'"https://evil.example/watch?v=dQw4w9WgXcQ" is not a YouTube or Vimeo link, expected one of those',
		});
		expect(parseVideoUrl('https://vimeo.com/about')).toMatchObject({ ok: false });
	});
});
