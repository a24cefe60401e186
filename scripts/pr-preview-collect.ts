/**
 * The stories a pull request adds or edits, as the preview comment lists them: URL, headline,
 * and whether the build publishes them. Reads the stories with the site's own front-matter
 * parser, schema and edition rules, so URLs come out as the site makes them.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { contentDir } from '../src/config.ts';
import { DEFAULT_LANG, LANGS, type Lang } from '../src/i18n/ui.ts';
import { now } from '../src/lib/dates.ts';
import { parseFrontmatter } from '../src/lib/frontmatter.ts';
import { parseNameStatus, storyUrl, touchedStories, type PreviewStory } from '../src/lib/prPreview.ts';
import { slugFromPath } from '../src/lib/slug.ts';
import { articleLang } from '../src/lib/translations.ts';
import { articleSchema } from '../src/schema.ts';

/** `changes` is `git diff --name-status` output, paths relative to `repo`. */
export async function collectStories(repo: string, changes: string): Promise<PreviewStory[]> {
	const articlesDir = path.join(contentDir(), 'articles');
	const relativeDir = path.relative(repo, articlesDir).split(path.sep).join('/');
	const clock = now();
	const stories: PreviewStory[] = [];
	for (const { story, added } of touchedStories(parseNameStatus(changes), relativeDir)) {
		// A photo changed in a folder story: its text is index.md or index.mdx.
		const candidates = story.endsWith('/index.md') ? [story, `${story}x`] : [story];
		let relative = candidates[0] as string;
		let raw: string | undefined;
		for (const candidate of candidates) {
			raw = await readFile(path.join(articlesDir, candidate), 'utf8').catch(() => undefined);
			relative = candidate;
			if (raw !== undefined) break;
		}
		if (raw === undefined) continue;
		let data: unknown;
		try {
			data = parseFrontmatter(raw).data;
		} catch {
			data = undefined;
		}
		const parsed = articleSchema.safeParse(data);
		const declared = parsed.success ? parsed.data.lang : undefined;
		const lang = articleLang(relative, declared, LANGS, DEFAULT_LANG).lang as Lang;
		const state: PreviewStory['state'] = !parsed.success
			? 'invalid'
			: parsed.data.draft
				? 'draft'
				: parsed.data.date.getTime() > clock.getTime()
					? 'embargoed'
					: 'published';
		stories.push({
			url: storyUrl(relative, lang),
			title: parsed.success ? parsed.data.title : slugFromPath(relative),
			change: added ? 'added' : 'edited',
			state,
			file: path.relative(repo, path.join(articlesDir, relative)).split(path.sep).join('/'),
		});
	}
	return stories.sort((a, b) => a.url.localeCompare(b.url, 'en'));
}
