/** Reading built HTML as a reader would: parsed, and as rendered text. */
import { parseHTML } from 'linkedom';

export function parse(html: string): Document {
	return parseHTML(html).document as unknown as Document;
}

/** Text content with whitespace collapsed, the way a reader sees it. */
export function text(node: Element | Document | null | undefined): string {
	return (node?.textContent ?? '').replace(/[ \t\n\r\f]+/g, ' ').trim();
}

export function texts(document: Document, selector: string): string[] {
	return [...document.querySelectorAll(selector)].map((element) => text(element));
}
