/**
 * What the site's search shares between the build, which indexes every postmortem with
 * MiniSearch (site-search.ts), and the browser, which loads those indexes and searches them
 * (site-script/search.ts): the index's options, which must be the same on both sides, how the
 * documents are split into indexes, and how a result's snippet is cut and its matches found.
 * No Node and no DOM here: it is bundled into the site's script as well.
 */
import type { Options, SearchOptions } from 'minisearch';

/** A postmortem as the search finds and shows it. */
export interface SiteSearchDocument {
  /** The page's URL relative to the site's root (`team/2026-03-14-checkout.html`): the document's id in the index. */
  id: string;
  title: string;
  /** The date as readers see it (`March 14, 2026`), or empty. */
  date: string;
  /** YYYY-MM-DD, or null. */
  dateTime: string | null;
  severity: string;
  /** One of `severity-critical`, `-major`, `-minor`, `-low`, `-other`. */
  severityClass: string;
  /** Services and tags, space-separated, for the index (each as written). */
  services: string;
  tags: string;
  /** The whole postmortem as plain text: what is searched, and where snippets come from. */
  text: string;
}

/** The fields indexed, each a string of {@link SiteSearchDocument}. */
export const SEARCH_FIELDS = ['title', 'text', 'services', 'tags'] as const;

/**
 * Words too common to search for: left out of the index (a third of the words of a
 * postmortem, so a third of the work and the size) and out of queries alike.
 */
const STOP_WORDS = new Set([
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'been', 'but', 'by', 'for', 'from', 'had', 'has', 'have', 'in', 'into', 'is', 'it', 'its',
  'of', 'on', 'or', 'so', 'than', 'that', 'the', 'their', 'then', 'there', 'these', 'they', 'this', 'to', 'was', 'we', 'were', 'which', 'with',
]);

/** A word as the index holds it: lower case, or null for a word too common to search for. */
export function searchTerm(term: string): string | null {
  const lower = term.toLowerCase();
  return STOP_WORDS.has(lower) ? null : lower;
}

/** The options an index is built and loaded with (MiniSearch's default tokenizer; words as {@link searchTerm} keeps them). */
export const SEARCH_INDEX_OPTIONS: Options<SiteSearchDocument> = { idField: 'id', fields: [...SEARCH_FIELDS], storeFields: [], processTerm: searchTerm };

/**
 * How a query is matched: every word must match (AND), the last one also as the start of a
 * word (the reader may still be typing it), words of four letters or more with a typo or two.
 * A match in the title counts most.
 */
export const SEARCH_QUERY_OPTIONS: SearchOptions = {
  combineWith: 'AND',
  prefix: (_term, index, terms) => index === terms.length - 1,
  fuzzy: (term) => (term.length >= 4 ? 0.2 : false),
  boost: { title: 3, services: 2, tags: 2 },
};

/**
 * The ids of the data blocks of the search page's parts: the documents (`search-documents-0`,
 * ...) and the index of the same part (`search-index-0`, ...).
 */
export const SEARCH_DOCUMENTS_ELEMENT_PREFIX = 'search-documents-';
export const SEARCH_INDEX_ELEMENT_PREFIX = 'search-index-';

/** About how many documents one part holds: a re-run after one file changed rebuilds only the part it is in. */
const DOCUMENTS_PER_INDEX = 50;

/**
 * How many parts (each its documents and their index) the search of `count` postmortems is
 * split into: a power of two, one part up to 99 documents, 16 for 1,000. Worked out from the
 * count alone, so a re-run and a build from scratch split alike.
 */
export function searchIndexCount(count: number): number {
  return 2 ** Math.max(0, Math.floor(Math.log2(count / DOCUMENTS_PER_INDEX)));
}

/** Which of `indexes` indexes holds the document `id`: a hash of the id (FNV-1a), so a document stays in its index whatever else changes. */
export function searchIndexOf(id: string, indexes: number): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < id.length; index += 1) {
    hash ^= id.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % indexes;
}

/** A piece of a snippet: text, and whether it is a match to highlight. */
export interface SnippetPiece {
  text: string;
  match: boolean;
}

/** The words of a text as the index's default tokenizer splits them, with where each starts. */
const WORD = /[^\n\r\p{Z}\p{P}]+/gu;

/**
 * A snippet of `text` around the first word that is one of `terms` (lower case, as the index
 * holds them: a result's `terms`), at most about `length` characters, cut at spaces, with an
 * ellipsis where it was cut and every matching word in it marked. Without a match in the text
 * (a title match), its start.
 */
export function snippetPieces(text: string, terms: readonly string[], length = 220): SnippetPiece[] {
  const wanted = new Set(terms.map((term) => term.toLowerCase()));
  const matches: Array<{ start: number; end: number }> = [];
  for (const word of text.matchAll(WORD)) {
    if (wanted.has(word[0].toLowerCase())) matches.push({ start: word.index, end: word.index + word[0].length });
  }
  const first = matches[0];
  let from = 0;
  if (first && first.end > length * 0.8) {
    // The match a third of the way in, so the reader sees what leads up to it.
    from = Math.max(0, first.start - Math.floor(length / 3));
    const space = text.indexOf(' ', from);
    if (space !== -1 && space < first.start) from = space + 1;
  }
  let to = Math.min(text.length, from + length);
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > from + length / 2 && (!first || space >= first.end)) to = space;
  }
  const pieces: SnippetPiece[] = [];
  const push = (piece: string, match: boolean): void => {
    if (piece !== '') pieces.push({ text: piece, match });
  };
  if (from > 0) push('… ', false);
  let at = from;
  for (const match of matches) {
    if (match.end <= from || match.start >= to) continue;
    push(text.slice(at, Math.max(at, match.start)), false);
    push(text.slice(Math.max(at, match.start), Math.min(match.end, to)), true);
    at = Math.min(match.end, to);
  }
  push(text.slice(at, to), false);
  if (to < text.length) push(' …', false);
  return pieces;
}
