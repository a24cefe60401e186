/**
 * How deep an article body may nest before its parsers are trusted with it. Markdown and MDX
 * parsers slow down with the square of some nestings (900,000 `>` take minutes) or overflow the
 * stack (50,000 `(` in an MDX expression crash Node outright), so `npm run check` measures these
 * with a linear scan first. Real stories nest a quote or a list two or three levels.
 */

export const MAX_BODY_DEPTH = 32;

export interface BodyProblem {
	/** 1-based line within the body. */
	line: number;
	message: string;
}

const limit = `expected at most ${MAX_BODY_DEPTH}`;

/** Quotes nested past the limit (`> > > …` at the start of a line). */
function deepQuote(lines: readonly string[]): BodyProblem | undefined {
	for (const [index, line] of lines.entries()) {
		const depth = /^[\s>]*/.exec(line)?.[0].split('>').length ?? 1;
		if (depth - 1 > MAX_BODY_DEPTH)
			return { line: index + 1, message: `nests quotes ${depth - 1} levels deep, ${limit}` };
	}
	return undefined;
}

/** MDX brackets (`{ ( [`) or components (`<Tag>` not yet closed) nested past the limit. */
function deepMdx(lines: readonly string[]): BodyProblem | undefined {
	let brackets = 0;
	let tags = 0;
	for (const [index, line] of lines.entries()) {
		for (const [token] of line.matchAll(/[{([\])}]|<\/?[A-Za-z][\w.:-]*[^<>]*?\/?>/g)) {
			if (token.length === 1)
				brackets = '{(['.includes(token) ? brackets + 1 : Math.max(0, brackets - 1);
			else if (token.startsWith('</')) tags = Math.max(0, tags - 1);
			else if (!token.endsWith('/>')) tags++;
			if (brackets > MAX_BODY_DEPTH)
				return {
					line: index + 1,
					message: `nests { ( [ brackets more than ${MAX_BODY_DEPTH} levels deep, ${limit}`,
				};
			if (tags > MAX_BODY_DEPTH)
				return {
					line: index + 1,
					message: `nests <Tags> more than ${MAX_BODY_DEPTH} levels deep (is one not closed?), ${limit}`,
				};
		}
	}
	return undefined;
}

/** The first nesting in `body` too deep to parse safely, if any. */
export function bodyNestingProblem(body: string, format: 'md' | 'mdx'): BodyProblem | undefined {
	const lines = body.split('\n');
	return deepQuote(lines) ?? (format === 'mdx' ? deepMdx(lines) : undefined);
}
