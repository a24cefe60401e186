/**
 * A static file server for a built `dist/` on 127.0.0.1, as a CDN would serve it: directory
 * indexes, `404.html` for missing paths, and the headers of `dist/_headers` applied.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.xml': 'application/xml; charset=utf-8',
	'.txt': 'text/plain; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.jpeg': 'image/jpeg',
	'.webp': 'image/webp',
	'.avif': 'image/avif',
	'.woff2': 'font/woff2',
	'.wasm': 'application/wasm',
	'.pf_meta': 'application/octet-stream',
	'.pf_fragment': 'application/octet-stream',
	'.pf_index': 'application/octet-stream',
	'.pf_filter': 'application/octet-stream',
};

interface HeaderRule {
	pattern: RegExp;
	headers: [string, string][];
}

/** Parse the Netlify / Cloudflare Pages `_headers` format (path lines, then indented `Name: value`). */
export function parseHeadersFile(text: string): HeaderRule[] {
	const rules: HeaderRule[] = [];
	for (const line of text.split('\n')) {
		if (!line.trim() || line.trim().startsWith('#')) continue;
		if (!/^\s/.test(line)) {
			const escaped = line
				.trim()
				.replace(/[.+?^${}()|[\]\\]/g, '\\$&')
				.replace(/\*/g, '.*');
			rules.push({ pattern: new RegExp(`^${escaped}$`), headers: [] });
		} else {
			const colon = line.indexOf(':');
			rules.at(-1)?.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
		}
	}
	return rules;
}

export interface StaticServer {
	url: string;
	close(): Promise<void>;
}

/**
 * `gzip`: compress text responses for clients that accept it, as a CDN does (the bench times a
 * search over an emulated slow link; tests read bodies either way).
 */
export async function serve(
	dist: string,
	options: { applyHeaders?: boolean; gzip?: boolean } = {},
): Promise<StaticServer> {
	const rules =
		options.applyHeaders === false
			? []
			: parseHeadersFile(await readFile(path.join(dist, '_headers'), 'utf8').catch(() => ''));
	/** One request; the server below answers what this throws on (a malformed %-escape) with a 400. */
	const answer = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
		const url = new URL(request.url ?? '/', 'http://127.0.0.1');
		let pathname = decodeURIComponent(url.pathname);
		let file = path.join(dist, pathname);
		if (!file.startsWith(dist)) {
			response.writeHead(403).end();
			return;
		}
		let status = 200;
		try {
			if ((await stat(file)).isDirectory()) {
				if (!pathname.endsWith('/')) {
					response.writeHead(301, { Location: `${pathname}/${url.search}` }).end();
					return;
				}
				file = path.join(file, 'index.html');
			}
			await stat(file);
		} catch {
			status = 404;
			file = path.join(dist, '404.html');
			pathname = '/404.html';
		}
		const headers: Record<string, string> = {
			'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
		};
		for (const rule of rules)
			if (rule.pattern.test(pathname))
				for (const [name, value] of rule.headers) headers[name] = value;
		// Read before writing the head: a site without a 404.html gets a plain 404, not a crash.
		let body = await readFile(file).catch(() => undefined);
		if (
			body &&
			options.gzip &&
			/gzip/.test(String(request.headers['accept-encoding'])) &&
			/^(text\/|application\/(javascript|json|xml)|image\/svg)/.test(headers['Content-Type'] ?? '')
		) {
			body = gzipSync(body);
			headers['Content-Encoding'] = 'gzip';
		}
		if (body) response.writeHead(status, headers).end(body);
		else response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
	};
	const server: Server = createServer((request, response) => {
		answer(request, response).catch(() =>
			response.headersSent ? response.destroy() : response.writeHead(400).end(),
		);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}
