/**
 * Serves and ships the files `src/site/imagePipeline.ts` makes into the cache: `astro dev` serves them
 * under `/_images/`; `astro build` links the ones its pages use into the output.
 */
import { createReadStream, existsSync } from 'node:fs';
import { copyFile, link, mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { cacheDir, IMAGES } from '../config.ts';

const TYPES: Record<string, string> = {
	'.avif': 'image/avif',
	'.webp': 'image/webp',
	'.jpg': 'image/jpeg',
	'.png': 'image/png',
};
const NAME = /^[a-z0-9-]+\.(avif|webp|jpg|png)$/;

/** Every `/_images/<name>` referenced by the built HTML. */
async function referencedImages(dir: string): Promise<Set<string>> {
	const pattern = new RegExp(
		`${IMAGES.urlPrefix.replace(/\//g, '\\/')}([a-z0-9-]+\\.(?:avif|webp|jpg|png))`,
		'g',
	);
	const names = new Set<string>();
	const entries = await readdir(dir, { recursive: true, withFileTypes: true });
	for (const entry of entries) {
		if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
		for (const match of (await readFile(path.join(entry.parentPath, entry.name), 'utf8')).matchAll(
			pattern,
		))
			names.add(match[1] as string);
	}
	return names;
}

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
			'astro:build:done': async ({ dir, logger }) => {
				const outDir = fileURLToPath(dir);
				const names = await referencedImages(outDir);
				if (names.size === 0) return;
				await mkdir(path.join(outDir, IMAGES.urlPrefix), { recursive: true });
				// Hard links, not copies: the cache writes each image once, to a new name (src/site/imagePipeline.ts).
				for (const name of [...names].sort()) {
					const [from, to] = [
						path.join(imagesDir(), name),
						path.join(outDir, IMAGES.urlPrefix, name),
					];
					await link(from, to).catch(() => copyFile(from, to));
				}
				logger.info(`linked ${names.size} processed images into ${IMAGES.urlPrefix}`);
			},
		},
	};
}
