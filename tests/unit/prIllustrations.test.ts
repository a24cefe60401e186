/** The writers' guide's pull-request illustrations show what the real check and comment say. */
import { describe, expect, it } from 'vitest';
import { parseAnnotation, prIllustrations } from '../../scripts/lib/prIllustrations.ts';
import { errorAnnotation } from '../../scripts/lib/annotations.ts';
import { parse, text } from '../helpers/html.ts';

describe('parseAnnotation', () => {
	it('reads back what errorAnnotation escaped', () => {
		const problem = {
			file: 'content/articles/a,b.md',
			line: 7,
			field: 'body: x',
			message: '100% wrong:\r\nsee, here',
		};
		expect(parseAnnotation(errorAnnotation(problem, process.cwd()))).toEqual({
			file: 'content/articles/a,b.md',
			line: 7,
			title: 'npm run check: body: x',
			message: '100% wrong:\r\nsee, here',
		});
	});
});

describe('prIllustrations', () => {
	it('labels both as illustrations, with the real annotation and the real comment', async () => {
		const [annotation, comment] = await prIllustrations();
		expect(annotation?.name).toBe('pr-annotation');
		const annotated = parse(annotation?.html ?? '');
		expect(text(annotated.querySelector('.label'))).toContain('Not a screenshot of GitHub');
		expect(text(annotated.querySelector('.annotation'))).toContain(
			'Check failure on line 5 in content/articles/kazakhstan-budget-2027.md',
		);
		expect(text(annotated.querySelector('.annotation .text'))).toContain(
			'npm run check: section"economics" is not a section, expected one of politics',
		);
		const commented = parse(comment?.html ?? '');
		expect(text(commented.querySelector('.label'))).toContain('Not a screenshot of GitHub');
		const links = [...commented.querySelectorAll('.body li a')].map((a) => a.getAttribute('href'));
		expect(links).toEqual([
			'https://pr-42.caravan-preview.pages.dev/articles/kazakhstan-budget-2027/',
			'https://pr-42.caravan-preview.pages.dev/ru/articles/mazhilis-odobril-byudzhet-kazakhstana-na-2027-god/',
		]);
	});
});
