/**
 * What an article body points at: images, links to other articles and `<Related>` slugs, each
 * with its line in the file, so `npm run check` can tell the writer exactly what is missing.
 */
import { markdownToMdast, mdxToMdast, type MdastNode } from 'satteri';
import { bodyNestingProblem } from './bodyLimits.ts';

export interface BodyReference {
	kind: 'image' | 'link' | 'related';
	/** The image `src`, or the article slug a link or `<Related>` names. */
	value: string;
	/** A link's edition prefix (`ru` in `/ru/articles/…`); none for the default edition's `/articles/…`. */
	edition?: string;
	/** 1-based line in the whole file. */
	line: number;
	/** An image's description (`![alt](…)`, `<Figure alt>`); undefined when not given at all. */
	alt?: string;
}

export type BodyScan =
	{ ok: true; references: BodyReference[] } | { ok: false; line: number; message: string };

/** A site-relative `[/<edition>]/articles/<slug>/` (the trailing slash, a query or a fragment optional). */
const ARTICLE_LINK = /^(?:\/([a-z]{2,3}))?\/articles\/([^/?#]+)\/?(?:[?#].*)?$/;

interface Located {
	type: string;
	position?: { start: { line: number } };
	children?: Located[];
	url?: string;
	alt?: string | null;
	name?: string | null;
	attributes?: { type: string; name?: string; value?: unknown }[];
}

function attribute(node: Located, name: string): string | undefined {
	const found = node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
	return typeof found?.value === 'string' ? found.value : undefined;
}

/** Scan a body (`format` decides Markdown or MDX); `firstLine` is the body's first line in the file. */
export function scanBody(body: string, format: 'md' | 'mdx', firstLine: number): BodyScan {
	const deep = bodyNestingProblem(body, format);
	if (deep) return { ok: false, line: firstLine + deep.line - 1, message: deep.message };
	let tree: MdastNode;
	try {
		tree = format === 'mdx' ? mdxToMdast(body) : markdownToMdast(body);
	} catch (error) {
		const message = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
		const at = /(\d+):\d+/.exec(message);
		return {
			ok: false,
			line: firstLine + (at ? Number(at[1]) - 1 : 0),
			message: `cannot be read as MDX (${message}), expected valid MDX: close every <Tag>, escape { and < as \\{ and \\<`,
		};
	}
	const references: BodyReference[] = [];
	const visit = (node: Located) => {
		const line = firstLine + (node.position?.start.line ?? 1) - 1;
		if (node.type === 'image' && node.url)
			references.push({ kind: 'image', value: node.url, line, alt: node.alt ?? '' });
		if (node.type === 'link' && node.url) {
			const [, edition, slug] = ARTICLE_LINK.exec(node.url) ?? [];
			if (slug)
				references.push({
					kind: 'link',
					value: decodeURIComponent(slug),
					line,
					...(edition ? { edition } : {}),
				});
		}
		if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
			if (node.name === 'Related')
				references.push({ kind: 'related', value: attribute(node, 'slug') ?? '', line });
			if (node.name === 'Figure')
				references.push({
					kind: 'image',
					value: attribute(node, 'src') ?? '',
					line,
					alt: attribute(node, 'alt'),
				});
		}
		for (const child of node.children ?? []) visit(child);
	};
	visit(tree as unknown as Located);
	return { ok: true, references };
}
