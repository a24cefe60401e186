/**
 * Serves the files `src/site/imagePipeline.ts` makes into the cache under `/_images/` in `astro dev`.
 * A build links the ones its pages use into the output in a post-build step
 * (scripts/lib/processedImages.ts), which remembers what each page uses between builds.
 */
import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { cacheDir, IMAGES } from '../config.ts';

const TYPES: Record<string, string> = {
	'.avif': 'image/avif',
	'.webp': 'image/webp',
	'.jpg': 'image/jpeg',
	'.png': 'image/png',
};
const NAME = /^[a-z0-9-]+\.(avif|webp|jpg|png)$/;

export default function caravanImages(): AstroIntegration {
	const imagesDir = () => path.join(cacheDir(), 'caravan-images');
	return {
		name: 'caravan-images',
		hooks: {
			'astro:server:setup': ({ server }) => {
				server.middlewares.use((request, response, next) => {
					const url = new URL(request.url ?? '/', 'http://localhost');
					if (!url.pathname.startsWith(IMAGES.urlPrefix)) return next();
					const name = url.pathname.slice(IMAGES.urlPrefix.length);
					const file = path.join(imagesDir(), name);
					if (!NAME.test(name) || !existsSync(file)) return next();
					response.setHeader(
						'Content-Type',
						TYPES[path.extname(name)] ?? 'application/octet-stream',
					);
					createReadStream(file).pipe(response);
				});
			},
		},
	};
}
