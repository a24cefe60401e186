/** Video links a writer pastes, turned into a privacy-friendly player address and a plain link. */

export interface VideoEmbed {
	provider: 'YouTube' | 'Vimeo';
	id: string;
	/** The player, loaded only after the reader clicks (no cookies where the provider allows). */
	playerUrl: string;
	/** The video on the provider's own site: the link readers without JavaScript follow. */
	watchUrl: string;
}

export type VideoResult = ({ ok: true } & VideoEmbed) | { ok: false; message: string };

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const VIMEO_ID = /^\d{6,12}$/;

/** Read a YouTube or Vimeo address (watch, share, embed or shorts forms). */
export function parseVideoUrl(input: string): VideoResult {
	let url: URL;
	try {
		url = new URL(input.trim());
	} catch {
		return {
			ok: false,
			message: `"${input}" is not a web address, expected a YouTube or Vimeo link`,
		};
	}
	const host = url.hostname.replace(/^(www\.|m\.)/, '');
	const parts = url.pathname.split('/').filter(Boolean);
	let id: string | undefined;
	if (host === 'youtube.com' || host === 'youtube-nocookie.com') {
		id =
			url.pathname === '/watch'
				? (url.searchParams.get('v') ?? undefined)
				: ['embed', 'shorts', 'live', 'v'].includes(parts[0] ?? '')
					? parts[1]
					: undefined;
	} else if (host === 'youtu.be') {
		id = parts[0];
	}
	if (id !== undefined) {
		if (!YOUTUBE_ID.test(id))
			return {
				ok: false,
				message: `"${input}" has no YouTube video id, expected a link like https://www.youtube.com/watch?v=…`,
			};
		return {
			ok: true,
			provider: 'YouTube',
			id,
			playerUrl: `https://www.youtube-nocookie.com/embed/${id}?autoplay=1`,
			watchUrl: `https://www.youtube.com/watch?v=${id}`,
		};
	}
	if (host === 'vimeo.com' || host === 'player.vimeo.com') {
		const vimeoId =
			host === 'player.vimeo.com' && parts[0] === 'video'
				? parts[1]
				: parts.find((part) => VIMEO_ID.test(part));
		if (!vimeoId || !VIMEO_ID.test(vimeoId))
			return {
				ok: false,
				message: `"${input}" has no Vimeo video id, expected a link like https://vimeo.com/123456789`,
			};
		return {
			ok: true,
			provider: 'Vimeo',
			id: vimeoId,
			playerUrl: `https://player.vimeo.com/video/${vimeoId}?autoplay=1&dnt=1`,
			watchUrl: `https://vimeo.com/${vimeoId}`,
		};
	}
	return { ok: false, message: `"${input}" is not a YouTube or Vimeo link, expected one of those` };
}
