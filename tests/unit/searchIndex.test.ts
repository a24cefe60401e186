/** Caravan's three changes to Pagefind's engine (scripts/lib/searchIndex.ts, `caravanEngine`). */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { caravanEngine } from '../../scripts/lib/searchIndex.ts';

/** The four places of Pagefind 1.6's pagefind.js that the changes replace, in a stand-in engine. */
const ENGINE = [
	'class PagefindInstance{constructor(opts){this.metaCacheTag=opts.metaCacheTag??null;this.loaded_chunks={};}',
	'throttledFetch(input){return this.performFetch({input});}',
	'async performFetch(queued){return new Promise(async(resolve)=>{queued.resolve=resolve;const response=await this.fetch(queued.input);queued.resolve(response);});}',
	// eslint-disable-next-line no-template-curly-in-string -- the engine's own template literal, as text
	'async loadEntry(){let entryUrl=`${this.basePath}pagefind-entry.json`;let entry_response=await this.throttledFetch(entryUrl);let entry_json=await entry_response.json();this.languages=entry_json.languages;}',
	// eslint-disable-next-line no-template-curly-in-string -- the engine's own template literal, as text
	'async loadWasm(language){const wasm_url=`${this.basePath}wasm.${language}.pagefind`;let compressed_resp=await this.throttledFetch(wasm_url);let compressed_wasm=await compressed_resp.arrayBuffer();this.wasm=new Uint8Array(compressed_wasm);}}',
].join('');

/** A stand-in WebAssembly file: Pagefind's signature, then the module, gzip-compressed as Pagefind writes it. */
const WASM = Buffer.from('pagefind_dcd\0asm');

/** Run a loadEntry/loadWasm of the changed engine with a fake fetch, recording what it asks for. */
async function run(engine: string, options: Record<string, unknown>, calls: number) {
	const fetched: string[] = [];
	const Instance = new Function(`${engine}; return PagefindInstance;`)() as new (
		opts: Record<string, unknown>,
	) => {
		basePath: string;
		languages: unknown;
		wasm: Uint8Array;
		fetch(url: string): Promise<Response>;
		loadEntry(): Promise<void>;
		loadWasm(language: string): Promise<void>;
	};
	const instances = Array.from({ length: calls }, () => {
		const instance = new Instance(options);
		instance.basePath = '/pagefind/en/2026-11-01/';
		instance.fetch = async (url) => {
			fetched.push(url);
			return new Response(
				url.endsWith('.json') ? JSON.stringify({ languages: { fetched: true } }) : gzipSync(WASM),
			);
		};
		return instance;
	});
	for (const instance of instances) {
		await instance.loadEntry();
		await instance.loadWasm('en');
	}
	return {
		fetched,
		languages: instances.map((instance) => instance.languages),
		wasm: instances.map((instance) => Buffer.from(instance.wasm).toString('latin1')),
	};
}

describe('caravanEngine', () => {
	it('takes an index entry file given as caravanEntry instead of fetching it', async () => {
		const given = { languages: { en: { hash: 'en_1', wasm: 'en', page_count: 3 } } };
		const { fetched, languages } = await run(caravanEngine(ENGINE), { caravanEntry: given }, 1);
		expect(languages).toEqual([given.languages]);
		expect(fetched).toEqual(['/pagefind/en/2026-11-01/wasm.en.pagefind']);
	});

	it('fetches the entry file as before without one, and the WebAssembly once for every index', async () => {
		const { fetched, languages } = await run(caravanEngine(ENGINE), {}, 2);
		expect(languages).toEqual([{ fetched: true }, { fetched: true }]);
		expect(fetched).toEqual([
			'/pagefind/en/2026-11-01/pagefind-entry.json',
			'/pagefind/en/2026-11-01/wasm.en.pagefind',
			'/pagefind/en/2026-11-01/pagefind-entry.json',
		]);
	});

	it('hands Pagefind its gzip files inflated (its signature first), other files as they came', async () => {
		const { wasm, languages } = await run(caravanEngine(ENGINE), {}, 2);
		expect(wasm).toEqual([WASM.toString('latin1'), WASM.toString('latin1')]);
		expect(languages).toEqual([{ fetched: true }, { fetched: true }]);
		// Unchanged, the engine gets the compressed bytes and inflates them itself.
		expect((await run(ENGINE, {}, 1)).wasm).toEqual([gzipSync(WASM).toString('latin1')]);
	});

	it('fails the build when Pagefind no longer has a line it replaces', () => {
		for (const line of [
			'let entry_response=await this.throttledFetch(entryUrl);',
			'this.metaCacheTag=opts.metaCacheTag??null;',
			'let compressed_resp=await this.throttledFetch(wasm_url);',
			'queued.resolve(response);',
		])
			expect(() => caravanEngine(ENGINE.replace(line, '')), line).toThrow(
				/was Pagefind upgraded\?/,
			);
	});
});
