/** Components every MDX article can use without importing them (passed to `<Content components>`). */
import Embed from './Embed.astro';
import Factbox from './Factbox.astro';
import Figure from './Figure.astro';
import PullQuote from './PullQuote.astro';
import Related from './Related.astro';

export const mdxComponents = { Embed, Factbox, Figure, PullQuote, Related };
