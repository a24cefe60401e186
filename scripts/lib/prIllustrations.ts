/**
 * Illustrations of the pull-request flow for the writers' guide (docs/writing.md), drawn by
 * `npm run screenshots`: GitHub's pages cannot be screenshotted here (no network), so these are
 * local HTML pages, clearly labelled as illustrations, showing what GitHub would show for a real
 * case: the sample content with one writer's mistakes, checked by the real `npm run check`, and
 * the preview comment's real Markdown from scripts/pr-preview.ts, rendered.
 */
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { markdownToHtml } from 'satteri';
import { checkContent } from '../check.ts';
import { collectStories } from './pr-preview-collect.ts';
import { errorAnnotation } from './annotations.ts';
import { previewComment } from './prPreview.ts';

const root = path.resolve(import.meta.dirname, '../..');

/** The story the illustrated pull request edits, and the mistake it makes. */
const EDITED = 'articles/kazakhstan-budget-2027.md';
const MISTAKE = { find: /^section: economy$/m, replace: 'section: economics' };

export interface Illustration {
	name: string;
	html: string;
}

const escapeHtml = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const PAGE_STYLE = `
	body { margin: 0; padding: 24px; background: #fff; color: #1f2328; font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; }
	.label { margin: 0 0 16px; padding: 8px 12px; border: 2px dashed #9a6700; background: #fff8c5; font-size: 13px; }
	.box { border: 1px solid #d1d9e0; border-radius: 6px; overflow: hidden; max-width: 880px; }
	.head { padding: 8px 16px; background: #f6f8fa; border-bottom: 1px solid #d1d9e0; font-weight: 600; }
	code, .diff { font: 12px/20px ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", monospace; }
	.diff { width: 100%; border-collapse: collapse; }
	.diff td { padding: 0 10px; white-space: pre; }
	.diff .num { width: 1%; color: #59636e; text-align: right; }
	.diff .add { background: #dafbe1; }
	.diff .add.num { background: #aceebb; }
	.annotation { margin: 4px 12px 8px; border: 1px solid #d1d9e0; border-radius: 6px; background: #fff; font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", sans-serif; white-space: normal; }
	.annotation .top { padding: 8px 12px; border-bottom: 1px solid #d1d9e0; color: #d1242f; font-weight: 600; }
	.annotation .top span { color: #59636e; font-weight: 400; }
	.annotation .text { padding: 8px 12px; }
	.comment .author { font-weight: 600; }
	.comment .author span { font-weight: 400; color: #59636e; }
	.comment .body { padding: 8px 16px 16px; }
	.comment .body code { padding: 2px 4px; background: #eff1f3; border-radius: 4px; }
	.comment a { color: #0969da; }
`;

function page(title: string, label: string, body: string): string {
	return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${PAGE_STYLE}</style></head><body><p class="label">${label}</p>${body}</body></html>`;
}

/** What GitHub reads from an `::error` workflow command: file, line, title and message. */
export interface Annotation {
	file: string;
	line: number;
	title: string;
	message: string;
}

/** Parse the command `npm run check` prints under GitHub Actions (scripts/lib/annotations.ts), unescaped as the runner does. */
export function parseAnnotation(command: string): Annotation {
	const match = /^::error file=([^,]*),line=(\d+),title=([^:]*)::(.*)$/.exec(command);
	if (!match) throw new Error(`not an ::error command: ${command}`);
	const unescape = (text: string) =>
		text
			.replace(/%0D/g, '\r')
			.replace(/%0A/g, '\n')
			.replace(/%3A/g, ':')
			.replace(/%2C/g, ',')
			.replace(/%25/g, '%');
	return {
		file: unescape(match[1] as string),
		line: Number(match[2]),
		title: unescape(match[3] as string),
		message: unescape(match[4] as string),
	};
}

/** The edited story's lines around the annotated one, as GitHub's diff shows them, with the annotation under it. */
function annotationPage(text: string, problem: Annotation): string {
	const file = problem.file;
	const lines = text.split('\n');
	const rows: string[] = [];
	for (
		let number = Math.max(1, problem.line - 3);
		number <= Math.min(lines.length, problem.line + 3);
		number++
	) {
		const changed = number === problem.line;
		const cls = changed ? ' add' : '';
		rows.push(
			`<tr><td class="num${cls}">${number}</td><td class="num${cls}">${number}</td><td class="${cls.trim()}">${changed ? '+' : ' '} ${escapeHtml(lines[number - 1] ?? '')}</td></tr>`,
		);
		if (changed) {
			rows.push(
				`<tr><td colspan="3" style="padding:0"><div class="annotation"><div class="top">✖ Check failure on line ${problem.line} in ${escapeHtml(file)} <span>· GitHub Actions / Preview / preview</span></div>` +
					`<div class="text"><strong>${escapeHtml(problem.title)}</strong><br>${escapeHtml(problem.message)}</div></div></td></tr>`,
			);
		}
	}
	return page(
		'Annotation',
		'<strong>Illustration</strong>, made by <code>npm run screenshots</code>: how GitHub shows a problem <code>npm run check</code> found, on the changed line under <em>Files changed</em>. Not a screenshot of GitHub.',
		`<div class="box"><div class="head">${escapeHtml(file)}</div><table class="diff">${rows.join('')}</table></div>`,
	);
}

function commentPage(markdown: string): string {
	// The comment's first line is an HTML comment GitHub hides; satteri drops raw HTML here too.
	const html = markdownToHtml(markdown.replace(/^<!--.*-->\n/, '')).html;
	return page(
		'Preview comment',
		'<strong>Illustration</strong>, made by <code>npm run screenshots</code>: the comment the Preview workflow writes on a pull request, its real Markdown rendered. Not a screenshot of GitHub.',
		`<div class="box comment"><div class="head author">github-actions <span>bot commented</span></div><div class="body">${html}</div></div>`,
	);
}

/** Both illustrations: the sample content with the mistake, checked and previewed for real. */
export async function prIllustrations(): Promise<Illustration[]> {
	const work = path.join(os.tmpdir(), `caravan-pr-shots-${process.pid}`);
	const content = path.join(work, 'content');
	try {
		await cp(path.join(root, 'content'), content, { recursive: true });
		const edited = path.join(content, EDITED);
		const text = (await readFile(edited, 'utf8')).replace(MISTAKE.find, MISTAKE.replace);
		await writeFile(edited, text);
		const { problems } = await checkContent(content, { cache: false });
		const problem = problems.find((p) => p.file.endsWith(EDITED));
		if (!problem)
			throw new Error(`npm run check found no problem in ${EDITED}: the illustration needs one`);
		// The command as the check prints it in GitHub Actions, for the copy in a repository's root.
		const annotation = parseAnnotation(errorAnnotation(problem, work));

		// The pull request as git would list it: the edited story, and a Russian story it adds.
		const changes = [
			`M\tcontent/${EDITED}`,
			'A\tcontent/articles/ru/mazhilis-odobril-byudzhet-kazakhstana-na-2027-god.md',
		].join('\n');
		const previous = process.env.CONTENT_DIR;
		process.env.CONTENT_DIR = path.join(root, 'content');
		let stories;
		try {
			stories = await collectStories(root, changes);
		} finally {
			if (previous === undefined) delete process.env.CONTENT_DIR;
			else process.env.CONTENT_DIR = previous;
		}
		const markdown = previewComment(
			{ pr: 42, outcome: 'success', stories },
			{
				artifactUrl: 'https://github.com/newsroom/caravan/actions/runs/123/artifacts/456',
				previewOrigin: 'https://pr-42.caravan-preview.pages.dev',
				sha: 'a1b2c3d4e5f6',
			},
		);
		return [
			{ name: 'pr-annotation', html: annotationPage(text, annotation) },
			{ name: 'pr-preview-comment', html: commentPage(markdown) },
		];
	} finally {
		await rm(work, { recursive: true, force: true });
	}
}
