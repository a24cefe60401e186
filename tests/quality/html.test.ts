/** Every HTML file of the built sites passes html-validate (`.htmlvalidate.json`: the recommended rules). */
import { beforeAll, describe, expect, it } from 'vitest';
import { builtSite } from '../../scripts/lib/fixtureSites.ts';
import { BAD_FIXTURE } from './badDist.ts';
import { formatHtmlProblems, validateHtml } from './checks/htmlValidity.ts';

const sites = { sample: '', fixture: '' };
beforeAll(async () => {
	[sites.sample, sites.fixture] = await Promise.all([builtSite('sample'), builtSite('fixture')]);
});

describe('html-validate', () => {
	it.each(['sample', 'fixture'] as const)('passes on every page of the %s site', async (site) => {
		const { files, problems } = await validateHtml(sites[site]);
		expect(files).toBeGreaterThan(20);
		expect(problems, formatHtmlProblems(problems)).toEqual([]);
	});

	it('reports invalid HTML: an image without alt', async () => {
		const { problems } = await validateHtml(BAD_FIXTURE);
		const rules = new Set(
			problems.filter((p) => p.file === 'articles/linked/index.html').map((p) => p.rule),
		);
		expect(rules).toContain('wcag/h37'); // <img> without alt
	});
});
