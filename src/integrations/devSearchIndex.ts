/**
 * `astro dev` has no search index of its own (Pagefind reads built pages), so the dev server
 * serves the last one `npm run build` wrote: `<CARAVAN_OUT_DIR or dist>/pagefind/` (the engine and
 * every edition's period bundles). Until a build exists, requests fall through to a
 * 404 and the search page says how to get one.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { AstroIntegration } from 'astro';

const TYPES: Record<string, string> = {
	'.js': 'text/javascript; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
};

export function devSearchIndex(): AstroIntegration {
	return {
		name: 'caravan:dev-search-index',
		hooks: {
			'astro:server:setup': ({ server }) => {
				const outDir = path.resolve(process.env.CARAVAN_OUT_DIR ?? 'dist');
				// Connect ignores a returned promise: an error goes to next() (Vite's error page), never
				// to an unhandled rejection.
				server.middlewares.use((request, response, next) => {
					(async () => {
						const pathname = new URL(request.url ?? '/', 'http://dev').pathname;
						if (!pathname.startsWith('/pagefind/')) return next();
						const indexDir = path.join(outDir, 'pagefind');
						const file = path.join(outDir, decodeURIComponent(pathname));
						if (
							!file.startsWith(indexDir + path.sep) ||
							!(await stat(file).then(
								(s) => s.isFile(),
								() => false,
							))
						)
							return next();
						response.setHeader(
							'Content-Type',
							TYPES[path.extname(file)] ?? 'application/octet-stream',
						);
						response.setHeader('Cache-Control', 'no-store');
						response.end(await readFile(file));
					})().catch(next);
				});
			},
		},
	};
}
