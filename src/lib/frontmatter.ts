/**
 * The one front-matter parser, used by `npm run check` and by the content collection alike:
 * gray-matter with YAML 1.2's core schema, so dates stay the text the writer typed (an
 * impossible `2025-13-45` is caught, never rolled over; an offset is never lost).
 */
import matter from 'gray-matter';
import { parseDocument, type Document, type YAMLError } from 'yaml';

export interface ParsedFrontmatter {
	data: unknown;
	/** The raw YAML between the fences (line 1 of it is the line of the opening `---`). */
	yaml: string;
	doc: Document;
	body: string;
}

export class FrontmatterSyntaxError extends Error {
	readonly yamlError: YAMLError;
	/** The YAML text that failed, to locate the problem in. */
	readonly yaml: string;
	constructor(yamlError: YAMLError, yaml: string) {
		super(yamlError.message);
		this.yamlError = yamlError;
		this.yaml = yaml;
	}
}

/** Windows line endings would leave `\r` on values; normalise them first. */
export function normaliseNewlines(text: string): string {
	return text.replace(/\r\n?/g, '\n');
}

/** Parse a Markdown file's front-matter; throws `FrontmatterSyntaxError` on broken YAML. */
export function parseFrontmatter(raw: string): ParsedFrontmatter {
	let doc: Document | undefined;
	const file = matter(normaliseNewlines(raw), {
		engines: {
			yaml: (text: string) => {
				doc = parseDocument(text, { schema: 'core', uniqueKeys: true });
				const error = doc.errors[0];
				if (error) throw new FrontmatterSyntaxError(error, text);
				return (doc.toJS() ?? {}) as object;
			},
		},
	});
	return { data: file.data, yaml: file.matter, doc: doc ?? parseDocument(''), body: file.content };
}
