/**
 * The stories a pull request adds or edits, as the preview comment lists them: URL, headline,
 * and whether the build publishes them. Each story is read as the site reads it
 * (`readArticleFile`: the same parser, schema, editions and `articleFromFile`), so URLs come out as
 * the pages have them.
 */
import { access } from 'node:fs/promises';
import path from 'node:path';
import { readArticleFile } from './articleFiles.ts';
import { contentDir } from '../../src/config.ts';
import { DEFAULT_LANG, LANGS, type Lang } from '../../src/i18n/ui.ts';
import { now } from '../../src/lib/dates.ts';
import { parseNameStatus, storyUrl, touchedStories, type PreviewStory } from './prPreview.ts';
import { slugFromPath } from '../../src/lib/slug.ts';
import { articleLang } from '../../src/lib/translations.ts';

const exists = (file: string) =>
	access(file).then(
		() => true,
		() => false,
	);

/** `changes` is `git diff --name-status` output, paths relative to `repo`. */
export async function collectStories(repo: string, changes: string): Promise<PreviewStory[]> {
	const articlesDir = path.join(contentDir(), 'articles');
	const clock = now();
	const stories: PreviewStory[] = [];
	for (const { story, added } of touchedStories(
		parseNameStatus(changes),
		path.relative(repo, articlesDir).split(path.sep).join('/'),
	)) {
		// A photo changed in a folder story: its text is index.md or index.mdx.
		const candidates = story.endsWith('/index.md') ? [story, `${story}x`] : [story];
		let relative: string | undefined;
		for (const candidate of candidates)
			if (!relative && (await exists(path.join(articlesDir, candidate)))) relative = candidate;
		if (!relative) continue;
		const file = path.relative(repo, path.join(articlesDir, relative)).split(path.sep).join('/');
		const change = added ? 'added' : 'edited';
		try {
			const article = await readArticleFile(articlesDir, relative, clock);
			const state = article.draft ? 'draft' : article.embargoed ? 'embargoed' : 'published';
			stories.push({ url: article.url, title: article.title, change, state, file });
		} catch {
			// `npm run check` reports why; the URL is what the file's name and folder give.
			const lang = articleLang(relative, undefined, LANGS, DEFAULT_LANG).lang as Lang;
			stories.push({
				url: storyUrl(relative, lang),
				title: slugFromPath(relative),
				change,
				state: 'invalid',
				file,
			});
		}
	}
	return stories.sort((a, b) => a.url.localeCompare(b.url, 'en'));
}
