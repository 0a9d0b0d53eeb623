/** The site's search, built ahead of time: documents from the page views, the indexes, and the snippets the browser shows. */
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { buildPageView } from '../../src/export/page-view.js';
import { siteIndexEntry } from '../../src/export/site-index-entry.js';
import {
  SEARCH_INDEX_OPTIONS,
  SEARCH_QUERY_OPTIONS,
  searchIndexCount,
  searchIndexOf,
  snippetPieces,
  type SiteSearchDocument,
} from '../../src/export/site-search-options.js';
import { buildSiteSearchShards, buildSiteSearchShardsOf, htmlFragmentText, scriptSafeJson, siteSearchDocument, type SiteSearchShard } from '../../src/export/site-search.js';
import { parsePostmortem } from '../../src/parse/parse-postmortem.js';

const SOURCE = `---
title: Checkout pool ran dry
date: 2026-04-09
severity: SEV2
authors: [Yuki Tanaka]
reviewers: [Ravi Shah]
services: [checkout-api, payments]
tags: [capacity]
---
# Checkout pool ran dry

## Summary

The **connection pool** filled &amp; checkout failed.

- **Impact:** One in four checkouts failed.

## Timeline (UTC)

- 12:10 **Impact start:** 503s began
- 12:44 Scaled by hand

## Root Cause

The autoscaler watched CPU, not <em>waiting</em> requests.

## Corrective Actions

- [ ] Page on pool use above 90% (owner: Dana Lee, issue: JIRA-42)

## Appendix

Grafana board "checkout" has the graphs.
`;

function documentOf(source: string, href = 'checkout.html'): SiteSearchDocument {
  const postmortem = parsePostmortem(source, { filePath: 'checkout.md' });
  return siteSearchDocument(href, buildPageView(postmortem), siteIndexEntry('checkout.md', postmortem));
}

const doc = (id: string, title: string, text: string, dateTime: string | null = null): SiteSearchDocument => ({
  id, title, text, date: '', dateTime, severity: '', severityClass: 'severity-other', services: '', tags: '',
});

describe('a search document', () => {
  const document = documentOf(SOURCE);

  it('has what the page shows, as plain text: impact, summary, timeline, sections, tasks with owner and issue, the people last', () => {
    expect(document).toMatchObject({ id: 'checkout.html', title: 'Checkout pool ran dry', dateTime: '2026-04-09', severity: 'SEV2', severityClass: 'severity-major', services: 'checkout-api payments', tags: 'capacity' });
    for (const text of ['One in four checkouts failed.', 'The connection pool filled & checkout failed.', 'Impact start', '503s began', 'Scaled by hand', 'Page on pool use above 90%', 'Dana Lee', 'JIRA-42', 'Grafana board "checkout" has the graphs.']) {
      expect(document.text).toContain(text);
    }
    expect(document.text.endsWith('Yuki Tanaka Ravi Shah')).toBe(true);
    // No markup, no references, one line; the title is a field of its own.
    expect(document.text).not.toMatch(/[<>\n]|&amp;|&quot;/);
    expect(document.text).not.toContain('Checkout pool ran dry');
  });

  it('is the text of HTML the export wrote: tags dropped, blocks apart, references decoded', () => {
    expect(htmlFragmentText('<p>one <em>two</em></p><p>three&amp;four &lt;b&gt; &quot;q&quot; &#39;s&#39; &#x1F600; &#0; &bogus;</p>')).toBe(" one two  three&four <b> \"q\" 's' 😀 &#0; &bogus; ");
    expect(htmlFragmentText('<ul><li>a</li><li>b</li></ul>').trim().split(/\s+/)).toEqual(['a', 'b']);
  });
});

describe('a JSON data block', () => {
  it('has every < escaped, so that no text can end the element or open a comment, and parses back to the same value', () => {
    const value = { text: '</script><script>alert(1)</script><!-- x', list: ['<', '\u2028'] };
    const json = scriptSafeJson(value);
    expect(json).not.toContain('<');
    expect(json).toContain('\\u003c/script>');
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('the search parts', () => {
  it('are one up to 99 documents, then a power of two of about 50 each', () => {
    expect([0, 1, 99, 100, 199, 200, 1000, 10_000].map(searchIndexCount)).toEqual([1, 1, 1, 2, 2, 4, 16, 128]);
  });

  it('put a document in the same part whatever else is there, and spread documents over them all', () => {
    const ids = Array.from({ length: 800 }, (_, index) => `team/${index}.html`);
    const counts = new Array<number>(16).fill(0);
    for (const id of ids) counts[searchIndexOf(id, 16)] = (counts[searchIndexOf(id, 16)] as number) + 1;
    expect(counts.every((count) => count > 25 && count < 75)).toBe(true);
    expect(searchIndexOf('team/5.html', 8)).toBe(searchIndexOf('team/5.html', 8));
  });

  it('find a document by a word of its text, the start of one, or one with a typo, and every word of the query must match', () => {
    const documents = [doc('a.html', 'Checkout pool ran dry', 'The connection pool filled up.'), doc('b.html', 'DNS outage', 'Resolvers timed out after a change.')];
    const [part] = buildSiteSearchShardsOf(documents);
    expect((JSON.parse(part?.documentsJson as string) as SiteSearchDocument[]).map((document) => document.id)).toEqual(['a.html', 'b.html']);
    const search = MiniSearch.loadJSON<SiteSearchDocument>(part?.indexJson as string, SEARCH_INDEX_OPTIONS);
    const ids = (query: string): string[] => search.search(query, SEARCH_QUERY_OPTIONS).map((result) => String(result.id));
    expect(ids('resolvers')).toEqual(['b.html']);
    expect(ids('conn')).toEqual(['a.html']);
    expect(ids('resolvrs')).toEqual(['b.html']);
    expect(ids('pool resolvers')).toEqual([]);
    expect(ids('outage')).toEqual(['b.html']);
  });

  it('are the same whatever order the documents come in; a part whose documents\' hashes did not change is taken from the last build as it is, without its documents', () => {
    const documents = Array.from({ length: 450 }, (_, index) => doc(`${index}.html`, `Outage ${index}`, `Word${index} broke.`));
    const first = buildSiteSearchShardsOf(documents);
    expect(first).toHaveLength(8);
    expect(buildSiteSearchShardsOf([...documents].reverse())).toEqual(first);
    // One document edited: only its part gets a new key and is built; the others come from `previous`, trusted as they are.
    const edited = documents.map((document) => (document.id === '7.html' ? { ...document, text: 'Changed.' } : document));
    const members = edited.map((document) => ({ id: document.id, hash: document.id === '7.html' ? 'new' : `hash-${document.id}` }));
    const previousMembers = documents.map((document) => ({ id: document.id, hash: `hash-${document.id}` }));
    const previous = buildSiteSearchShards(previousMembers, (id) => documents.find((document) => document.id === id)) as SiteSearchShard[];
    const marked = new Map(previous.map((shard) => [shard.key, { ...shard, indexJson: 'FROM-THE-LAST-BUILD' }]));
    const asked: string[] = [];
    const again = buildSiteSearchShards(members, (id) => {
      asked.push(id);
      return edited.find((document) => document.id === id);
    }, marked) as SiteSearchShard[];
    const position = searchIndexOf('7.html', 8);
    expect(again.map((shard) => shard.indexJson === 'FROM-THE-LAST-BUILD')).toEqual([0, 1, 2, 3, 4, 5, 6, 7].map((other) => other !== position));
    // Only the documents of the part rebuilt were asked for.
    expect(asked.length).toBeLessThan(100);
    expect(asked.every((id) => searchIndexOf(id, 8) === position)).toBe(true);
    expect(JSON.parse(again[position]?.documentsJson as string)).toContainEqual(expect.objectContaining({ id: '7.html', text: 'Changed.' }));
    // A document that cannot be had: no parts.
    expect(buildSiteSearchShards(members, () => undefined)).toBeNull();
  });
});

describe('a snippet', () => {
  const shown = (pieces: ReturnType<typeof snippetPieces>): string => pieces.map((piece) => (piece.match ? `[${piece.text}]` : piece.text)).join('');

  it('marks every word that is one of the terms, whatever its case, and not words that merely contain one', () => {
    expect(shown(snippetPieces('Pool filled; the pool, pools and spool.', ['pool']))).toBe('[Pool] filled; the [pool], pools and spool.');
  });

  it('starts a little before a match far into the text, cut at a space, with ellipses where it was cut', () => {
    const text = `${'lorem '.repeat(100)}the certificate expired ${'ipsum '.repeat(100)}`;
    const snippet = shown(snippetPieces(text, ['certificate'], 120));
    expect(snippet.startsWith('… lorem')).toBe(true);
    expect(snippet).toContain('the [certificate] expired ipsum');
    expect(snippet.endsWith(' …')).toBe(true);
    expect(snippet.length).toBeLessThan(140);
  });

  it('is the start of the text when only the title matched', () => {
    expect(shown(snippetPieces('Short text.', ['title']))).toBe('Short text.');
    expect(snippetPieces('', ['x'])).toEqual([]);
  });
});
