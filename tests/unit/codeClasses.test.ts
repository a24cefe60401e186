/** Code blocks coloured by classes (src/markdown/codeClasses.ts), through Astro's own Shiki setup as configured. */
import { createShikiHighlighter } from '@astrojs/internal-helpers/shiki';
import { describe, expect, it } from 'vitest';
import { codeClasses } from '../../src/markdown/codeClasses.ts';

const highlight = async (code: string, lang: string) =>
	(await createShikiHighlighter({ theme: 'css-variables' })).codeToHtml(code, lang, {
		wrap: null,
		transformers: [codeClasses],
	});

describe('codeClasses', () => {
	it('marks each token with a class and leaves no inline style (the CSP blocks them)', async () => {
		const html = await highlight(
			'const rate: number = 5.83; // som\nfunction toTenge(som) { return som * rate; }',
			'ts',
		);
		expect(html).not.toContain('style=');
		expect(html).toContain('<span class="code-keyword">const</span>');
		expect(html).toContain('<span class="code-comment">// som</span>');
		expect(html).toContain('<span class="code-function"> toTenge</span>');
		expect(html).toMatch(/^<pre class="astro-code css-variables" tabindex="0" data-language="ts">/);
	});

	it('tokenises a line in full however long it takes (a time limit made builds differ), and leaves a very long one plain', async () => {
		const statements = (n: number) =>
			Array.from({ length: n }, (_, i) => `const v${i} = ${i};`).join(' ');
		expect(statements(60).length).toBeLessThan(1000);
		expect(
			(await highlight(statements(60), 'js')).match(/<span class="code-keyword">\s?const<\/span>/g),
		).toHaveLength(60);
		expect(statements(100).length).toBeGreaterThan(1000);
		expect(await highlight(statements(100), 'js')).not.toContain('code-keyword');
	});
});
