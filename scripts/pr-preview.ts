/**
 * The pull-request preview (.github/workflows/preview.yml and preview-comment.yml).
 *
 *   node scripts/pr-preview.ts collect [--base REF] [--pr N] [--outcome success|failure] > preview.json
 *     In the pull request's own run (untrusted code, no secrets): the stories the change adds or
 *     edits against the merge base with REF (default HEAD^1: the base of GitHub's merge commit).
 *   node scripts/pr-preview.ts comment preview.json [--artifact-url URL] [--preview-origin URL] [--sha SHA]
 *     In the trusted run that comments: the comment's Markdown. Needs no node_modules.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { previewComment, type PreviewData, type PreviewStory } from './lib/prPreview.ts';

const { values: args, positionals } = parseArgs({
	allowPositionals: true,
	options: {
		base: { type: 'string', default: 'HEAD^1' },
		pr: { type: 'string', default: '0' },
		outcome: { type: 'string', default: 'success' },
		'artifact-url': { type: 'string' },
		'preview-origin': { type: 'string' },
		sha: { type: 'string' },
	},
});

/** Every story the change touches, read from the working tree. */
async function collect(): Promise<PreviewData> {
	// Loaded here: they need node_modules, which the comment step does without.
	const { collectStories } = await import('./lib/pr-preview-collect.ts');
	const git = (...gitArgs: string[]) => execFileSync('git', gitArgs, { encoding: 'utf8' }).trim();
	const repo = git('rev-parse', '--show-toplevel');
	const mergeBase = git('merge-base', args.base, 'HEAD');
	const changes = git('diff', '--name-status', '-M', mergeBase, 'HEAD');
	const stories: PreviewStory[] = await collectStories(repo, changes);
	return {
		pr: Number(args.pr),
		outcome: args.outcome === 'success' ? 'success' : 'failure',
		stories,
	};
}

const [command, file] = positionals;
if (command === 'collect') {
	process.stdout.write(`${JSON.stringify(await collect(), null, '\t')}\n`);
} else if (command === 'comment' && file) {
	const data = JSON.parse(readFileSync(path.resolve(file), 'utf8')) as PreviewData;
	process.stdout.write(
		previewComment(data, {
			artifactUrl: args['artifact-url'],
			previewOrigin: args['preview-origin'],
			sha: args.sha,
		}),
	);
} else {
	console.error(
		'usage: node scripts/pr-preview.ts collect [--base REF] [--pr N] [--outcome success|failure]\n       node scripts/pr-preview.ts comment preview.json [--artifact-url URL] [--preview-origin URL] [--sha SHA]',
	);
	process.exit(2);
}
