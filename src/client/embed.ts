/**
 * `<caravan-embed>`: swaps the poster link for the provider's player when the reader clicks it.
 * Until then no request goes to YouTube or Vimeo. Modified clicks (new tab) follow the link.
 */
class CaravanEmbed extends HTMLElement {
	connectedCallback(): void {
		const poster = this.querySelector<HTMLAnchorElement>('a.embed-poster');
		const player = this.dataset.player;
		if (!poster || !player) return;
		poster.addEventListener('click', (event) => {
			if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
				return;
			event.preventDefault();
			const iframe = document.createElement('iframe');
			iframe.src = player;
			iframe.title = this.dataset.title ?? 'Video';
			iframe.allow = 'autoplay; encrypted-media; picture-in-picture; fullscreen';
			iframe.allowFullscreen = true;
			iframe.referrerPolicy = 'strict-origin-when-cross-origin';
			poster.replaceWith(iframe);
			iframe.focus();
		});
	}
}

if (!customElements.get('caravan-embed')) customElements.define('caravan-embed', CaravanEmbed);
