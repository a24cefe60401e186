/**
 * The one front-matter parser, used by `npm run check` and by the content collection alike:
 * gray-matter with YAML 1.2's core schema, so dates stay the text the writer typed (an
 * impossible `2025-13-45` is caught, never rolled over; an offset is never lost).
 * Also how a content file's bytes become text: hostile or odd files (binary, huge, invalid
 * UTF-8, a byte-order mark, Windows line endings) are turned away or normalised here, once.
 */
import { isUtf8 } from 'node:buffer';
import matter from 'gray-matter';
import {
	isAlias,
	isCollection,
	isPair,
	isScalar,
	parseDocument,
	type Document,
	type YAMLError,
} from 'yaml';

export interface ParsedFrontmatter {
	data: unknown;
	/** The raw YAML between the fences (line 1 of it is the line of the opening `---`). */
	yaml: string;
	doc: Document;
	body: string;
}

/** Why a file's front-matter cannot be read: the YAML library's error, or one of ours with its position. */
export class FrontmatterSyntaxError extends Error {
	readonly yamlError: Pick<YAMLError, 'message' | 'linePos'>;
	/** The YAML text that failed, to locate the problem in. */
	readonly yaml: string;
	/** Set when the message is already a full "what is wrong, what is expected" sentence. */
	readonly plain: boolean;
	constructor(yamlError: Pick<YAMLError, 'message' | 'linePos'>, yaml: string, plain = false) {
		super(yamlError.message);
		this.yamlError = yamlError;
		this.yaml = yaml;
		this.plain = plain;
	}
}

/**
 * Bigger files are refused before parsing: the longest sample story is 7 kB, and a 20 MB file
 * (a pasted data dump, a binary saved as .md) would otherwise take seconds to check and far
 * longer for Astro to render.
 */
export const MAX_FILE_BYTES = 1_000_000;
/**
 * A front-matter is a few dozen lines; YAML's duplicate-key check grows with the square of the
 * key count, so a pasted dump of thousands of keys is refused before parsing.
 */
export const MAX_FRONTMATTER_BYTES = 32_000;
/** Front-matter is at most three levels deep (`corrections[0].text`); far deeper is a mistake or an attack. */
export const MAX_DEPTH = 16;
/** Alias expansions allowed when a front-matter is read (yaml's guard against "billion laughs"). */
const MAX_ALIAS_COUNT = 100;

const size = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(1)} MB` : `${Math.ceil(n / 1e3)} kB`);

/** A file that cannot be read as text, with the 1-based line where that shows. */
export interface TextProblem {
	line: number;
	message: string;
}

/** Windows line endings would leave `\r` on values; normalise them first. */
export function normaliseNewlines(text: string): string {
	return text.replace(/\r\n?/g, '\n');
}

/** Text as every reader should see it: no byte-order mark (Windows editors write one), `\n` line endings. */
export function normaliseText(text: string): string {
	return normaliseNewlines(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
}

/**
 * Control characters other than tab and line breaks mean a binary or damaged file. NUL is let
 * through in a body, where CommonMark turns it into U+FFFD (and the XSS corpus hides one in a
 * `javascript:` URL), but never in front-matter, whose values land in pages and feeds verbatim.
 */
// eslint-disable-next-line no-control-regex -- control characters are what these look for
const CONTROL = /[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex -- as above
const CONTROL_OR_NUL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** What to call control character `c`, for messages. */
const codePoint = (c: string) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** 1-based line of the first line in `bytes` that is not valid UTF-8 (a newline byte never occurs inside a character). */
function firstInvalidUtf8Line(bytes: Uint8Array): number {
	let start = 0;
	for (let line = 1; ; line++) {
		const end = bytes.indexOf(0x0a, start);
		if (!isUtf8(bytes.subarray(start, end < 0 ? bytes.length : end))) return line;
		if (end < 0) return line;
		start = end + 1;
	}
}

/**
 * A content file's bytes as normalised text (see `normaliseText`), or what makes it unreadable:
 * too big, not UTF-8, or holding control characters (binary).
 */
export function decodeContent(
	bytes: Uint8Array,
	maxBytes = MAX_FILE_BYTES,
): { ok: true; text: string } | ({ ok: false } & TextProblem) {
	if (bytes.length > maxBytes) {
		return {
			ok: false,
			line: 1,
			message: `is ${size(bytes.length)}, expected a text file under ${size(maxBytes)}`,
		};
	}
	if (!isUtf8(bytes)) {
		return {
			ok: false,
			line: firstInvalidUtf8Line(bytes),
			message:
				'is not UTF-8 text (a binary file, or saved in another encoding), expected a file saved as UTF-8',
		};
	}
	const text = normaliseText(new TextDecoder('utf-8').decode(bytes));
	const control = CONTROL.exec(text);
	if (control) {
		const line = text.slice(0, control.index).split('\n').length;
		return {
			ok: false,
			line,
			message: `holds the control character ${codePoint(control[0])} (a binary or damaged file), expected plain text`,
		};
	}
	return { ok: true, text };
}

/** A plain error at the 1-based `line` of the YAML text. */
function plainError(message: string, yaml: string, line = 1): FrontmatterSyntaxError {
	return new FrontmatterSyntaxError({ message, linePos: [{ line, col: 1 }] }, yaml, true);
}

/** Line (in `text`) of a node's start offset. */
function lineAt(text: string, offset: number | undefined): number {
	return offset === undefined ? 1 : text.slice(0, offset).split('\n').length;
}

/**
 * Refuse what YAML allows but front-matter never needs, before `toJS` acts on it: nesting deep
 * enough to overflow the stack, and keys that are lists or maps (turned into text with a warning
 * on the console). Walks without recursion, so depth itself cannot overflow it.
 */
function checkShape(doc: Document, text: string): void {
	const stack: { node: unknown; depth: number }[] = [{ node: doc.contents, depth: 0 }];
	while (stack.length) {
		const { node, depth } = stack.pop() as { node: unknown; depth: number };
		if (!isCollection(node)) continue;
		if (depth >= MAX_DEPTH) {
			throw plainError(
				`is nested more than ${MAX_DEPTH} levels deep, expected "key: value" lines with short lists`,
				text,
				lineAt(text, node.range?.[0]),
			);
		}
		for (const item of node.items as unknown[]) {
			if (isPair(item)) {
				if (item.key !== null && !isScalar(item.key) && !isAlias(item.key)) {
					const range = (item.key as { range?: number[] }).range;
					throw plainError(
						'has a key that is a list or a map, expected a field name',
						text,
						lineAt(text, range?.[0]),
					);
				}
				stack.push({ node: item.value, depth: depth + 1 });
			} else stack.push({ node: item, depth: depth + 1 });
		}
	}
}

/**
 * 1-based line where `[`/`{` brackets first nest deeper than `MAX_DEPTH`, or 0. yaml's parser
 * recurses per bracket: 100,000 of them take it seconds to end in a stack overflow, this scan
 * milliseconds. Quoted text is skipped (a quote opens only where a value can start).
 */
function deepFlowLine(text: string): number {
	let depth = 0;
	let line = 1;
	let quote = '';
	for (let i = 0; i < text.length; i++) {
		const c = text[i] as string;
		if (c === '\n') line++;
		if (quote) {
			if (c === '\\' && quote === '"') i++;
			else if (c === quote) quote = '';
		} else if ((c === '"' || c === "'") && /^$|[\s[{,:]/.test(text[i - 1] ?? '')) quote = c;
		else if (c === '#' && /^$|\s/.test(text[i - 1] ?? '')) {
			const end = text.indexOf('\n', i);
			i = (end < 0 ? text.length : end) - 1;
		} else if (c === '[' || c === '{') {
			if (++depth > MAX_DEPTH) return line;
		} else if (c === ']' || c === '}') depth = Math.max(0, depth - 1);
	}
	return 0;
}

/** The YAML engine gray-matter calls: strict (errors and warnings both fail), bounded, located. */
function readYaml(text: string): { data: object; doc: Document } {
	const bytes = Buffer.byteLength(text);
	if (bytes > MAX_FRONTMATTER_BYTES)
		throw plainError(
			`is ${size(bytes)}, expected a front-matter under ${size(MAX_FRONTMATTER_BYTES)} (the story goes below the closing ---)`,
			text,
		);
	const control = CONTROL_OR_NUL.exec(text);
	if (control)
		throw plainError(
			`holds the control character ${codePoint(control[0])}, expected plain text`,
			text,
			lineAt(text, control.index),
		);
	const deep = deepFlowLine(text);
	if (deep)
		throw plainError(
			`is nested more than ${MAX_DEPTH} levels deep, expected "key: value" lines with short lists`,
			text,
			deep,
		);
	const doc = parseDocument(text, { schema: 'core', uniqueKeys: true });
	const error = doc.errors[0];
	if (error) throw new FrontmatterSyntaxError(error, text);
	// Warnings are unknown tags (`!foo`, `!!js/function`): values the site cannot use.
	const warning = doc.warnings[0];
	if (warning) {
		const tag = /Unresolved tag: (\S+)/.exec(warning.message)?.[1];
		const what = tag
			? `uses the YAML tag ${tag.replace(/^tag:yaml\.org,2002:/, '!!')}`
			: warning.message.split(' at line')[0];
		throw plainError(`${what}, expected plain values`, text, warning.linePos?.[0]?.line);
	}
	checkShape(doc, text);
	try {
		return { data: (doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {}) as object, doc };
	} catch (cause) {
		// yaml refuses alias chains that expand past the limit ("billion laughs").
		if (cause instanceof ReferenceError) {
			const line = text.split('\n').findIndex((l) => /(^|[\s,[{])\*[^\s,\]}]+/.test(l));
			throw plainError(
				'repeats YAML aliases (*name) too many times, expected plain values',
				text,
				line < 0 ? 1 : line + 1,
			);
		}
		throw cause;
	}
}

/** Parse a Markdown file's front-matter; throws `FrontmatterSyntaxError` on broken YAML. */
export function parseFrontmatter(raw: string): ParsedFrontmatter {
	let doc: Document | undefined;
	const file = matter(normaliseText(raw), {
		engines: {
			yaml: (text: string) => {
				const read = readYaml(text);
				doc = read.doc;
				return read.data;
			},
		},
	});
	return { data: file.data, yaml: file.matter, doc: doc ?? parseDocument(''), body: file.content };
}
