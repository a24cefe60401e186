/** The pull-request preview comment: which stories a change touches, their URLs, and the Markdown. */
import { describe, expect, it } from 'vitest';
import {
	COMMENT_MARKER,
	escapeMarkdown,
	parseNameStatus,
	previewComment,
	storyUrl,
	touchedStories,
	type PreviewData,
} from '../../scripts/lib/prPreview.ts';

describe('touchedStories', () => {
	const changes = parseNameStatus(
		[
			'A\tcontent/articles/new-story.md',
			'M\tcontent/articles/old-story.mdx',
			'D\tcontent/articles/gone-story.md',
			'M\tcontent/articles/photo-story/lead.jpg',
			'R087\tcontent/articles/before.md\tcontent/articles/ru/after.md',
			'A\tcontent/articles/ru/folder-story/index.md',
			'A\tcontent/articles/ru/folder-story/market.jpg',
			'M\tcontent/images/map.png',
			'M\tREADME.md',
			'M\tcontent/articles/notes.txt',
		].join('\n'),
	);

	it('finds added, edited and renamed stories, and folder stories through their photos, never deleted ones', () => {
		expect(touchedStories(changes, 'content/articles')).toEqual([
			{ story: 'new-story.md', added: true },
			{ story: 'old-story.mdx', added: false },
			{ story: 'photo-story/index.md', added: false },
			{ story: 'ru/after.md', added: true },
			{ story: 'ru/folder-story/index.md', added: true },
		]);
	});

	it('follows the articles folder wherever CONTENT_DIR puts it', () => {
		expect(
			touchedStories(
				parseNameStatus('M\tsite/content/articles/x.md\nM\tcontent/articles/y.md'),
				'site/content/articles/',
			),
		).toEqual([{ story: 'x.md', added: false }]);
	});
});

describe('storyUrl', () => {
	it('is the URL the site gives the story: file or folder name, under /ru/ for the Russian edition', () => {
		expect(storyUrl('budget-vote.md', 'en')).toBe('/articles/budget-vote/');
		expect(storyUrl('budget-vote/index.mdx', 'en')).toBe('/articles/budget-vote/');
		expect(storyUrl('ru/byudzhet/index.md', 'ru')).toBe('/ru/articles/byudzhet/');
		// `lang: ru` outside the ru/ folder: the edition decides, not the folder.
		expect(storyUrl('byudzhet.md', 'ru')).toBe('/ru/articles/byudzhet/');
	});
});

describe('escapeMarkdown', () => {
	it('shows a headline literally: no link, HTML, formatting, autolink or @mention survives', () => {
		expect(
			escapeMarkdown(
				'Budget [vote](https://evil.example) <img src=x> **now** @everyone\n# heading',
			),
		).toBe(
			'Budget \\[vote\\]\\(https\\:\\/\\/evil\\.example\\) \\<img src\\=x\\> \\*\\*now\\*\\* \\@everyone \\# heading',
		);
	});
});

describe('previewComment', () => {
	const data: PreviewData = {
		pr: 12,
		outcome: 'success',
		stories: [
			{
				url: '/articles/budget-vote/',
				title: 'Budget: the vote',
				change: 'added',
				state: 'published',
				file: 'content/articles/budget-vote.md',
			},
			{
				url: '/ru/articles/byudzhet/',
				title: 'Бюджет',
				change: 'edited',
				state: 'published',
				file: 'content/articles/ru/byudzhet.md',
			},
			{
				url: '/articles/later/',
				title: 'Later',
				change: 'added',
				state: 'embargoed',
				file: 'content/articles/later.md',
			},
		],
	};

	it('starts with the marker the workflow finds its own comment by, and links the artifact', () => {
		const markdown = previewComment(data, {
			artifactUrl: 'https://github.com/o/r/actions/runs/1/artifacts/2',
			sha: 'abcdef1234567',
		});
		expect(markdown.startsWith(`${COMMENT_MARKER}\n`)).toBe(true);
		expect(markdown).toContain('- **new**: `/articles/budget-vote/`: Budget\\: the vote\n');
		expect(markdown).toContain('- edited: `/ru/articles/byudzhet/`: Бюджет\n');
		expect(markdown).toContain(
			'- **new**: `/articles/later/`: Later (embargoed: not in this build until its date; see it with `npm run dev`)\n',
		);
		expect(markdown).toContain(
			'[download the `site-preview` artifact](https://github.com/o/r/actions/runs/1/artifacts/2)',
		);
		expect(markdown).toContain('Built from abcdef1.');
	});

	it('links each published story on a preview deployment', () => {
		const markdown = previewComment(data, { previewOrigin: 'https://pr-12.caravan.pages.dev/' });
		expect(markdown).toContain(
			'- **new**: [/articles/budget-vote/](https://pr-12.caravan.pages.dev/articles/budget-vote/): Budget\\: the vote\n',
		);
		expect(markdown).toContain(
			'[/ru/articles/byudzhet/](https://pr-12.caravan.pages.dev/ru/articles/byudzhet/)',
		);
		// Not built, so not linked.
		expect(markdown).toContain('`/articles/later/`');
		expect(markdown).toContain('Preview site: https://pr-12.caravan.pages.dev/');
	});

	it('says the check failed, and links nothing, when the run failed', () => {
		const markdown = previewComment(
			{ ...data, outcome: 'failure' },
			{ artifactUrl: 'https://x', previewOrigin: 'https://pr-12.example' },
		);
		expect(markdown).toContain('**The check or the build failed.**');
		expect(markdown).not.toContain('](https://');
		expect(markdown).not.toContain('artifact');
	});

	it('treats the data as untrusted: drops URLs that are not story URLs and unknown states', () => {
		const [published] = data.stories as [PreviewData['stories'][number]];
		const hostile = {
			...data,
			stories: [
				{ ...published, url: 'javascript:alert(1)' },
				{ ...published, url: '/articles/ok/)[x](https://evil.example' },
				{
					...published,
					url: '/articles/fine/',
					title: 'fine',
					change: 'edited',
					state: 'constructor',
				},
			],
		} as unknown as PreviewData;
		const markdown = previewComment(hostile, { previewOrigin: 'https://p.example' });
		expect(markdown).not.toContain('javascript');
		expect(markdown).not.toContain('evil');
		expect(markdown).toContain('- edited: `/articles/fine/`: fine\n');
		expect(previewComment({ pr: 1, outcome: 'success', stories: [] })).toContain(
			'This change adds or edits no story.',
		);
	});
});
