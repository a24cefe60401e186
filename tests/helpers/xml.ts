/** Reading XML in tests: checked well-formed first, then parsed with attributes kept (`@_name`). */
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';

/**
 * Parse `text`, throwing with the line and column when it is not well-formed XML. Elements named
 * in `lists` are always arrays, even when there is one of them.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests walk the parsed tree freely; a wrong path fails their assertion
export function parseXml(text: string, lists: readonly string[] = []): Record<string, any> {
	SyntaxValidator.validate(text);
	return new XMLParser({ ignoreAttributes: false, isArray: (name) => lists.includes(name) }).parse(
		text,
	);
}
