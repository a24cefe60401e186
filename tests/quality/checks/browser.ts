/**
 * Checks that need a real browser, each a small function of a Playwright page that is already
 * open on the page under test. They return what they found; the tests decide what is a failure.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';

/** WCAG 2.1 A and AA: the rules the site must pass. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const axeSource = readFileSync(
	createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
	'utf8',
);

export interface AxeViolation {
	id: string;
	impact: string | null;
	help: string;
	targets: string[];
}

/**
 * axe-core's violations on the page, or only in the elements `include` selects. The script goes
 * in through the DevTools protocol (not a `<script>` element), so it runs under any
 * Content-Security-Policy the page has.
 */
export async function axeViolations(
	page: Page,
	tags: string[] = WCAG_TAGS,
	include?: string,
): Promise<AxeViolation[]> {
	// Into every frame too (the edition strip): axe checks a frame's content only when it runs there.
	await Promise.all(page.frames().map((frame) => frame.evaluate(axeSource)));
	return page.evaluate(
		async ([runOnly, selector]) => {
			const axe = (
				window as unknown as {
					axe: {
						run: (
							context: Document | object,
							options: object,
						) => Promise<{
							violations: {
								id: string;
								impact: string | null;
								help: string;
								nodes: { target: unknown[] }[];
							}[];
						}>;
					};
				}
			).axe;
			const result = await axe.run(selector ? { include: [selector] } : document, {
				runOnly: { type: 'tag', values: runOnly },
				resultTypes: ['violations'],
			});
			return result.violations.map((v) => ({
				id: v.id,
				impact: v.impact,
				help: v.help,
				targets: v.nodes.map((n) => n.target.join(' ')),
			}));
		},
		[tags, include] as const,
	);
}

export function formatViolations(violations: AxeViolation[]): string {
	return violations
		.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.targets.slice(0, 5).join('\n    ')}`)
		.join('\n');
}

/**
 * The frame holding the focused element: the page's own, or the frame (the edition strip) that
 * focus has moved into.
 */
async function focusedFrame(page: Page): Promise<Frame> {
	for (const frame of page.frames()) {
		if (frame === page.mainFrame()) continue;
		if (
			await frame
				.evaluate(() => document.hasFocus() && document.activeElement !== document.body)
				.catch(() => false)
		)
			return frame;
	}
	return page.mainFrame();
}

/**
 * The frame the ticker is in: the edition strip's frame when the page has one (every page
 * embeds it, src/components/EditionFrame.astro), else the page itself.
 */
export async function tickerFrame(page: Page): Promise<Frame> {
	const frame = await (await page.$('iframe.edition-frame'))?.contentFrame();
	return frame ?? page.mainFrame();
}

/** A short description of the focused element: `a.skip-link[href="#main"]`. */
async function describeFocus(page: Page | Frame): Promise<string> {
	return page.evaluate(() => {
		const element = document.activeElement;
		if (!element || element === document.body) return 'body';
		const classes = [...element.classList].map((c) => `.${c}`).join('');
		const href = element.getAttribute('href');
		return `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${classes}${href ? `[href="${href}"]` : ''}`;
	});
}

export interface SkipLinkResult {
	/** The element the first Tab focuses. */
	firstFocus: string;
	/** Its text. */
	firstFocusText: string;
	/** Whether, once focused, it is on screen (not left off-canvas). */
	visibleWhenFocused: boolean;
	/** The element focused after pressing Enter on it. */
	focusAfterEnter: string;
	/** Whether that element is (inside) `<main>`. */
	focusInMain: boolean;
}

/** Press Tab once from a fresh load, then Enter: where does focus go? */
export async function skipLink(page: Page): Promise<SkipLinkResult> {
	await page.keyboard.press('Tab');
	const firstFocus = await describeFocus(page);
	const { firstFocusText, visibleWhenFocused } = await page.evaluate(() => {
		const element = document.activeElement as HTMLElement | null;
		const box = element?.getBoundingClientRect();
		return {
			firstFocusText: (element?.textContent ?? '').trim(),
			visibleWhenFocused: Boolean(
				box && box.width > 1 && box.height > 1 && box.bottom > 0 && box.top < innerHeight,
			),
		};
	});
	// Only a link within the page is a skip link; pressing Enter on any other would navigate away.
	const inPage = await page.evaluate(
		() => document.activeElement?.getAttribute('href')?.startsWith('#') ?? false,
	);
	if (!inPage)
		return {
			firstFocus,
			firstFocusText,
			visibleWhenFocused,
			focusAfterEnter: '(not a link within the page)',
			focusInMain: false,
		};
	await page.keyboard.press('Enter');
	const focusAfterEnter = await describeFocus(page);
	const focusInMain = await page.evaluate(() => Boolean(document.activeElement?.closest('main')));
	return { firstFocus, firstFocusText, visibleWhenFocused, focusAfterEnter, focusInMain };
}

/**
 * Tab through the first `count` focusable elements and list those whose focus is not visible:
 * no outline (as `:focus-visible` draws it) and no box-shadow.
 */
export async function focusWithoutIndicator(page: Page, count = 20): Promise<string[]> {
	const missing: string[] = [];
	for (let i = 0; i < count; i++) {
		await page.keyboard.press('Tab');
		const frame = await focusedFrame(page);
		const visible = await frame.evaluate(() => {
			const element = document.activeElement;
			if (!element || element === document.body) return true;
			const style = getComputedStyle(element);
			const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1;
			// A visually hidden control (the ticker's pause checkbox) shows its focus on its label.
			const label = element.id
				? document.querySelector(`label[for="${CSS.escape(element.id)}"]`)
				: null;
			const labelStyle = label ? getComputedStyle(label) : null;
			const labelOutline = Boolean(
				labelStyle &&
				labelStyle.outlineStyle !== 'none' &&
				parseFloat(labelStyle.outlineWidth) >= 1,
			);
			return (
				element.matches(':focus-visible') && (outline || style.boxShadow !== 'none' || labelOutline)
			);
		});
		if (!visible) missing.push(await describeFocus(frame));
	}
	return missing;
}

/** `animation-play-state` of every animated element inside `container`. */
export async function animationStates(
	page: Page | Frame,
	container = '.ticker',
): Promise<string[]> {
	return page.evaluate((selector) => {
		const root = document.querySelector(selector);
		if (!root) return [];
		return [root, ...root.querySelectorAll('*')]
			.map((element) => getComputedStyle(element))
			.filter((style) => style.animationName !== 'none')
			.map((style) => style.animationPlayState);
	}, container);
}

/** Animations of elements inside `container` that are running now (the Web Animations view). */
export async function runningAnimations(
	page: Page | Frame,
	container = '.ticker',
): Promise<number> {
	return page.evaluate((selector) => {
		const root = document.querySelector(selector);
		return document.getAnimations().filter((animation) => {
			const target = (animation.effect as KeyframeEffect | null)?.target;
			return target && root?.contains(target) && animation.playState === 'running';
		}).length;
	}, container);
}

export interface TickerPauseResult {
	/** Play states while nothing is hovered or focused, before pressing Space. */
	before: string[];
	/** After focusing the pause control with Tab, pressing Space and moving focus on. */
	after: string[];
	checked: boolean;
}

/**
 * Reach the ticker's pause control with the keyboard, press Space, then Tab away (so neither
 * focus nor hover is what pauses it) and read the animation's play state.
 */
export async function pauseTickerWithKeyboard(
	page: Page,
	control = '#ticker-pause',
	container = '.ticker',
): Promise<TickerPauseResult> {
	await page.mouse.move(0, 0);
	const ticker = await tickerFrame(page);
	const before = await animationStates(ticker, container);
	let reached = false;
	for (let i = 0; i < 40 && !reached; i++) {
		await page.keyboard.press('Tab');
		reached = await ticker.evaluate(
			(selector) => document.hasFocus() && (document.activeElement?.matches(selector) ?? false),
			control,
		);
	}
	if (!reached) return { before, after: before, checked: false };
	await page.keyboard.press('Space');
	await page.keyboard.press('Tab');
	const after = await animationStates(ticker, container);
	const checked = await ticker.evaluate(
		(selector) => (document.querySelector(selector) as HTMLInputElement | null)?.checked ?? false,
		control,
	);
	return { before, after, checked };
}

export interface RenderedContent {
	/** Text of the visible `<h1>`, or '' (a visually hidden heading counts: it is for screen readers). */
	heading: string;
	/** Characters of visible text in `<main>`. */
	mainText: number;
	/** Visible links in the site's navigation. */
	navLinks: number;
}

/** What a reader gets: the page heading, the main text and the navigation, as rendered. */
export async function renderedContent(page: Page): Promise<RenderedContent> {
	return page.evaluate(() => {
		const main = document.querySelector('main');
		const isShown = (element: Element) => {
			const box = element.getBoundingClientRect();
			const style = getComputedStyle(element);
			return box.width > 0 && box.height > 0 && style.visibility !== 'hidden';
		};
		return {
			heading: (document.querySelector('h1')?.textContent ?? '').trim(),
			mainText: main && isShown(main) ? main.innerText.trim().length : 0,
			navLinks: [...document.querySelectorAll('nav a[href]')].filter(isShown).length,
		};
	});
}

/**
 * Characters per line of running text: the median over every full line (not a paragraph's last)
 * of the paragraphs matching `selector`, found by where the browser actually breaks the lines.
 */
export async function charactersPerLine(page: Page, selector: string): Promise<number> {
	return page.evaluate((paragraphs) => {
		const counts: number[] = [];
		const range = document.createRange();
		for (const paragraph of document.querySelectorAll(paragraphs)) {
			const lines: number[] = [];
			let count = 0;
			let lineTop: number | undefined;
			const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
			for (let node = walker.nextNode(); node; node = walker.nextNode()) {
				for (let i = 0; i < (node.textContent ?? '').length; i++) {
					range.setStart(node, i);
					range.setEnd(node, i + 1);
					const box = range.getClientRects()[0];
					if (box && lineTop !== undefined && box.top > lineTop + box.height / 2) {
						lines.push(count);
						count = 0;
					}
					if (box && (lineTop === undefined || box.top > lineTop + box.height / 2))
						lineTop = box.top;
					count++;
				}
			}
			counts.push(...lines);
		}
		counts.sort((a, b) => a - b);
		return counts[Math.floor(counts.length / 2)] ?? 0;
	}, selector);
}
