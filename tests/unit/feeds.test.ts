import { getRssString } from '@astrojs/rss';
import { describe, expect, it } from 'vitest';
import {
	atomFeed,
	FEED_SIZE,
	feedDescription,
	rssOptions,
	type FeedOptions,
} from '../../src/lib/feeds.ts';
import { parseXml } from '../helpers/xml.ts';
import { decDay, makeArticle } from './fixtures.ts';

const HOSTILE = "<script>alert('x')</script> & “quotes”";

const OPTIONS: FeedOptions = {
	title: 'Caravan',
	description: 'News from Central Asia',
	language: 'en-GB',
	selfPath: '/rss.xml',
	alternatePath: '/',
	fallbackUpdated: new Date('2025-12-17T12:00:00Z'),
	site: 'https://caravan.example',
	sections: { economy: 'Economy', politics: 'Politics' },
};

const parseRss = (xml: string) => parseXml(xml, ['item', 'dc:creator']);
const parseAtom = (xml: string) => parseXml(xml, ['entry', 'author', 'link']);

const articles = [
	makeArticle('hostile', {
		title: HOSTILE,
		author: ["O'Brien <b>Bold</b>", 'Aida Bekova'],
		date: decDay(12),
		section: 'politics',
		summary: 'A & B <i>',
	}),
	makeArticle('plain', {
		title: 'Plain story',
		date: decDay(11),
		updated: decDay(13),
		body: 'Body words here.',
	}),
];

describe('feedDescription', () => {
	it('is the summary, else the excerpt', () => {
		expect(feedDescription({ summary: 'Standfirst.', excerpt: 'Body.' })).toBe('Standfirst.');
		expect(feedDescription({ summary: undefined, excerpt: 'Body.' })).toBe('Body.');
	});
});

describe('RSS', () => {
	it('is well-formed RSS 2.0 with title, link, author, date, section and description, writer text escaped', async () => {
		const xml = await getRssString(rssOptions(articles, OPTIONS));
		expect(xml).not.toContain('<script>');
		const { rss } = parseRss(xml);
		expect(rss['@_version']).toBe('2.0');
		const channel = rss.channel;
		expect(channel.title).toBe('Caravan');
		expect(channel.link).toBe('https://caravan.example/');
		expect(channel.language).toBe('en-GB');
		expect(channel['atom:link']['@_href']).toBe('https://caravan.example/rss.xml');
		expect(channel.lastBuildDate).toBe(decDay(13).toUTCString());
		const [first, second] = channel.item;
		expect(first.title).toBe(HOSTILE);
		expect(first.link).toBe('https://caravan.example/articles/hostile/');
		expect(first.guid['#text']).toBe('https://caravan.example/articles/hostile/');
		expect(first['dc:creator']).toEqual(["O'Brien <b>Bold</b>", 'Aida Bekova']);
		expect(new Date(first.pubDate).toISOString()).toBe(decDay(12).toISOString());
		expect(first.category).toBe('Politics');
		expect(first.description).toBe('A & B <i>');
		expect(second.description).toBe('Body words here.');
		expect(second.category).toBe('Economy');
	});

	it('keeps the newest 50', async () => {
		const many = Array.from({ length: 60 }, (_, i) =>
			makeArticle(`s${i}`, { date: new Date(Date.UTC(2025, 0, 60 - i)) }),
		);
		const { rss } = parseRss(await getRssString(rssOptions(many, OPTIONS)));
		expect(rss.channel.item).toHaveLength(FEED_SIZE);
		expect(rss.channel.item[0].link).toBe('https://caravan.example/articles/s0/');
	});
});

describe('Atom', () => {
	it('is well-formed Atom 1.0 with ids, dates, authors and category, writer text escaped', () => {
		const xml = atomFeed(articles, { ...OPTIONS, selfPath: '/atom.xml' });
		expect(xml).not.toContain('<script>');
		const { feed } = parseAtom(xml);
		expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
		expect(feed.id).toBe('https://caravan.example/');
		expect(feed.updated).toBe(decDay(13).toISOString());
		expect(
			feed.link.map((link: Record<string, string>) => [link['@_rel'], link['@_href']]),
		).toEqual([
			['self', 'https://caravan.example/atom.xml'],
			['alternate', 'https://caravan.example/'],
		]);
		const [first, second] = feed.entry;
		expect(first.title['#text']).toBe(HOSTILE);
		expect(first.id).toBe('https://caravan.example/articles/hostile/');
		expect(first.published).toBe(decDay(12).toISOString());
		expect(first.author.map((a: { name: string }) => a.name)).toEqual([
			"O'Brien <b>Bold</b>",
			'Aida Bekova',
		]);
		expect(first.author[0].uri).toBe('https://caravan.example/author/obrien-b-bold-b/');
		expect(first.category['@_label']).toBe('Politics');
		expect(first.summary['#text']).toBe('A & B <i>');
		expect(second.updated).toBe(decDay(13).toISOString());
	});

	it('is still valid with no stories, dated by the fallback', () => {
		const xml = atomFeed([], OPTIONS);
		const { feed } = parseAtom(xml);
		expect(feed.updated).toBe('2025-12-17T12:00:00.000Z');
		expect(feed.entry).toBeUndefined();
	});
});
