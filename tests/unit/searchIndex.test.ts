/** Caravan's two changes to Pagefind's engine (scripts/lib/searchIndex.ts, `caravanEngine`). */
import { describe, expect, it } from 'vitest';
import { caravanEngine } from '../../scripts/lib/searchIndex.ts';

/** The three places of Pagefind 1.6's pagefind.js that the changes replace, in a stand-in engine. */
const ENGINE = [
	'class PagefindInstance{constructor(opts){this.metaCacheTag=opts.metaCacheTag??null;this.loaded_chunks={};}',
	// eslint-disable-next-line no-template-curly-in-string -- the engine's own template literal, as text
	'async loadEntry(){let entryUrl=`${this.basePath}pagefind-entry.json`;let entry_response=await this.throttledFetch(entryUrl);let entry_json=await entry_response.json();this.languages=entry_json.languages;}',
	// eslint-disable-next-line no-template-curly-in-string -- the engine's own template literal, as text
	'async loadWasm(language){const wasm_url=`${this.basePath}wasm.${language}.pagefind`;let compressed_resp=await this.throttledFetch(wasm_url);let compressed_wasm=await compressed_resp.arrayBuffer();}}',
].join('');

/** Run a loadEntry/loadWasm of the changed engine with a fake fetch, recording what it asks for. */
async function run(engine: string, options: Record<string, unknown>, calls: number) {
	const fetched: string[] = [];
	const Instance = new Function(`${engine}; return PagefindInstance;`)() as new (
		opts: Record<string, unknown>,
	) => {
		basePath: string;
		languages: unknown;
		throttledFetch(url: string): Promise<unknown>;
		loadEntry(): Promise<void>;
		loadWasm(language: string): Promise<void>;
	};
	const instances = Array.from({ length: calls }, () => {
		const instance = new Instance(options);
		instance.basePath = '/pagefind/en/2026-11-01/';
		instance.throttledFetch = async (url) => {
			fetched.push(url);
			return { json: async () => ({ languages: { fetched: true } }), arrayBuffer: async () => 0 };
		};
		return instance;
	});
	for (const instance of instances) {
		await instance.loadEntry();
		await instance.loadWasm('en');
	}
	return { fetched, languages: instances.map((instance) => instance.languages) };
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

	it('fails the build when Pagefind no longer has a line it replaces', () => {
		for (const line of [
			'let entry_response=await this.throttledFetch(entryUrl);',
			'this.metaCacheTag=opts.metaCacheTag??null;',
			'let compressed_resp=await this.throttledFetch(wasm_url);',
		])
			expect(() => caravanEngine(ENGINE.replace(line, '')), line).toThrow(
				/was Pagefind upgraded\?/,
			);
	});
});
