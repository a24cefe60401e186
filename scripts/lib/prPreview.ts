/**
 * The pull-request preview comment: which stories a change adds or edits (from the files it
 * touches under the articles folder) and the Markdown comment that links to them. Pure: the
 * workflow reads git and the files (scripts/pr-preview.ts) and hands them in.
 */
import { langPrefix, type Lang } from '../../src/i18n/ui.ts';
import { slugFromPath } from '../../src/lib/slug.ts';

/** One line of `git diff --name-status`: A, M, D, R…, the path (the new one for a rename). */
export interface ChangedFile {
	status: string;
	path: string;
}

export interface PreviewStory {
	/** Site-relative URL, `/articles/<slug>/` or `/ru/articles/<slug>/`. */
	url: string;
	title: string;
	change: 'added' | 'edited';
	/** Only `published` stories are in the built preview; the others show in `npm run dev`. */
	state: 'published' | 'draft' | 'embargoed' | 'invalid';
	/** The story's file, relative to the repository. */
	file: string;
}

/** What the pull-request workflow hands the comment step. */
export interface PreviewData {
	pr: number;
	outcome: 'success' | 'failure';
	stories: PreviewStory[];
}

/** Parse `git diff --name-status -z`-free output (tab-separated, one change a line). */
export function parseNameStatus(text: string): ChangedFile[] {
	return text
		.split('\n')
		.filter(Boolean)
		.map((line) => {
			const [status = '', ...paths] = line.split('\t');
			return { status: status.charAt(0), path: paths.at(-1) ?? '' };
		});
}

/**
 * The stories a change touches, each once: a Markdown file under `articlesDir`, or any file in
 * a story's folder (`<slug>/index.md` with its photos). Deleted files are left out. `articlesDir`
 * is relative to the repository, `/`-separated.
 */
export function touchedStories(
	changes: readonly ChangedFile[],
	articlesDir: string,
): { story: string; added: boolean }[] {
	const prefix = `${articlesDir.replace(/\/+$/, '')}/`;
	const stories = new Map<string, boolean>();
	for (const { status, path } of changes) {
		if (status === 'D' || !path.startsWith(prefix)) continue;
		const relative = path.slice(prefix.length);
		const parts = relative.split('/');
		let story: string;
		if (/\.mdx?$/i.test(relative)) story = relative;
		// A photo or other file in a story folder (`<slug>/…`, `ru/<slug>/…`) edits that story.
		else if (parts.length >= 2) story = `${parts.slice(0, -1).join('/')}/index.md`;
		else continue;
		const added = (status === 'A' || status === 'R' || status === 'C') && /\.mdx?$/i.test(relative);
		stories.set(story, (stories.get(story) ?? false) || added);
	}
	return [...stories].map(([story, added]) => ({ story, added }));
}

/** A story's URL from its path inside the articles folder and its edition (see src/lib/articles.ts). */
export function storyUrl(relativePath: string, lang: Lang): string {
	return `${langPrefix(lang)}/articles/${slugFromPath(relativePath)}/`;
}

export const COMMENT_MARKER = '<!-- caravan-preview -->';

const SAFE_URL = /^(?:\/[a-z]{2})?\/articles\/[a-z0-9]+(?:-[a-z0-9]+)*\/$/;

/**
 * Text a writer typed, shown literally in GitHub Markdown: every ASCII punctuation character
 * backslash-escaped (CommonMark), so no link, HTML, formatting, autolink or @mention survives.
 */
export function escapeMarkdown(text: unknown): string {
	return String(text)
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/[!-/:-@[-`{-~]/g, '\\$&');
}

export interface CommentOptions {
	/** Link to the uploaded `site` artifact, when there is one. */
	artifactUrl?: string;
	/** Origin of a preview deployment (`https://pr-12.caravan.pages.dev`), when the repository has one. */
	previewOrigin?: string;
	/** The commit the preview was built from. */
	sha?: string;
}

const STATE_NOTE: Record<PreviewStory['state'], string> = {
	published: '',
	draft: ' (draft: not in this build; see it with `npm run dev`)',
	embargoed: ' (embargoed: not in this build until its date; see it with `npm run dev`)',
	invalid: ' (has problems: see the annotations on Files changed)',
};

/**
 * The comment's Markdown. The data comes from a pull request's own run, so it is treated as
 * untrusted: URLs must have the story-URL shape, titles and paths are shown as text.
 */
export function previewComment(data: PreviewData, options: CommentOptions = {}): string {
	const lines = [COMMENT_MARKER, '### Preview of this pull request', ''];
	if (data.outcome !== 'success') {
		lines.push(
			"**The check or the build failed.** Each problem is marked on its line under **Files changed**, and listed in the run's log. Fix them and push again; this comment will update.",
			'',
		);
	}
	const origin = options.previewOrigin?.replace(/\/+$/, '');
	const stories = (Array.isArray(data.stories) ? data.stories : []).filter(
		(story) => typeof story?.url === 'string' && SAFE_URL.test(story.url),
	);
	if (stories.length === 0) {
		lines.push('This change adds or edits no story.');
	} else {
		lines.push(
			`Stories this change adds or edits${origin ? '' : ' (paths on the built site)'}:`,
			'',
		);
		for (const story of stories) {
			const link =
				origin && story.state === 'published' && data.outcome === 'success'
					? `[${story.url}](${origin}${story.url})`
					: `\`${story.url}\``;
			lines.push(
				`- ${story.change === 'added' ? '**new**' : 'edited'}: ${link}: ${escapeMarkdown(story.title)}${Object.hasOwn(STATE_NOTE, story.state) ? STATE_NOTE[story.state] : ''}`,
			);
		}
	}
	lines.push('');
	if (origin && data.outcome === 'success') lines.push(`Preview site: ${origin}/`, '');
	if (options.artifactUrl && data.outcome === 'success') {
		lines.push(
			`The built site: [download the \`site-preview\` artifact](${options.artifactUrl}) (a zip of \`dist/\`: unzip it into \`dist/\` and run \`npm run preview\`).`,
		);
	}
	if (options.sha && /^[0-9a-f]{7,40}$/.test(options.sha))
		lines.push('', `<sub>Built from ${options.sha.slice(0, 7)}.</sub>`);
	return `${lines.join('\n')}\n`;
}
