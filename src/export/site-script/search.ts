/**
 * The site's one script (`search.js`, bundled with MiniSearch by scripts/bundle.js): on the
 * index it shows the filters and hides the rows they leave out; on the search page it loads
 * the indexes the build wrote into the page and shows what a query finds. It reads only
 * data blocks and attributes the build wrote, builds every element with createElement and
 * textContent (the page's Trusted Types policy refuses markup from strings), and asks for
 * nothing over the network: it works from `file://`.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import {
  SEARCH_DOCUMENTS_ELEMENT_PREFIX,
  SEARCH_INDEX_ELEMENT_PREFIX,
  SEARCH_INDEX_OPTIONS,
  SEARCH_QUERY_OPTIONS,
  snippetPieces,
  type SiteSearchDocument,
} from '../site-search-options.js';

/** Results shown at most; the status line says how many there were. */
const RESULT_LIMIT = 50;
const SEVERITY_CLASSES = new Set(['severity-critical', 'severity-major', 'severity-minor', 'severity-low', 'severity-other']);

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  if (className) created.className = className;
  if (text !== undefined) created.textContent = text;
  return created;
}

const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

/** The index's filters: each select narrows the rows to those with its option; all of them together. */
function setUpFilters(): void {
  const box = document.getElementById('index-filters');
  if (!box) return;
  const selects = [...box.querySelectorAll<HTMLSelectElement>('select[data-filter]')];
  const rows = [...document.querySelectorAll<HTMLTableRowElement>('.index-table tbody tr')];
  const count = document.getElementById('index-filter-count');
  const apply = (): void => {
    const chosen = selects.flatMap((select) => (select.value !== '' && select.dataset.filter ? [[select.dataset.filter, select.value] as const] : []));
    let shown = 0;
    for (const row of rows) {
      const keep = chosen.every(([key, value]) => (row.dataset[key] ?? '').split(' ').includes(value));
      row.hidden = !keep;
      if (keep) shown += 1;
    }
    if (count) count.textContent = chosen.length > 0 ? `Showing ${shown} of ${plural(rows.length, 'postmortem', 'postmortems')}` : '';
  };
  for (const select of selects) select.addEventListener('change', apply);
  box.hidden = false;
  // A browser going back to the page may have kept the choices.
  apply();
}

/** A relative link the build wrote; anything with a scheme is not one of ours and stays no link. */
const isPageLink = (href: string): boolean => !/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith('//');

function resultItem(document: SiteSearchDocument, result: SearchResult): HTMLLIElement {
  const item = element('li', 'search-result');
  const heading = element('h2', 'search-result-title');
  const link = element('a', undefined, document.title);
  if (isPageLink(document.id)) link.href = document.id;
  heading.append(link);
  const meta = element('p', 'search-result-meta');
  if (document.dateTime) {
    const time = element('time', undefined, document.date);
    time.dateTime = document.dateTime;
    meta.append(time);
  }
  if (document.severity) {
    meta.append(element('span', `badge ${SEVERITY_CLASSES.has(document.severityClass) ? document.severityClass : 'severity-other'}`, document.severity));
  }
  const snippet = element('p', 'search-result-snippet');
  for (const piece of snippetPieces(document.text, result.terms)) snippet.append(piece.match ? element('mark', undefined, piece.text) : piece.text);
  item.append(heading, meta, snippet);
  return item;
}

/** The search page: the query in the box (and in the address, `#q=...`), the results below it. */
function setUpSearch(): void {
  const input = document.getElementById('search-input') as HTMLInputElement | null;
  const box = document.getElementById('search-box');
  const status = document.getElementById('search-status');
  const list = document.getElementById('search-results');
  if (!input || !box || !status || !list) return;
  // The search comes in parts, each its documents and their index, in data blocks the build wrote.
  const documents: SiteSearchDocument[] = [];
  const indexes: MiniSearch<SiteSearchDocument>[] = [];
  try {
    for (let position = 0; ; position += 1) {
      const part = document.getElementById(`${SEARCH_DOCUMENTS_ELEMENT_PREFIX}${position}`)?.textContent;
      const index = document.getElementById(`${SEARCH_INDEX_ELEMENT_PREFIX}${position}`)?.textContent;
      if (!part || !index) break;
      documents.push(...(JSON.parse(part) as SiteSearchDocument[]));
      indexes.push(MiniSearch.loadJSON<SiteSearchDocument>(index, SEARCH_INDEX_OPTIONS));
    }
  } catch {
    status.textContent = 'The search index in this page could not be read; build the site again.';
    return;
  }
  const byId = new Map(documents.map((document) => [document.id, document]));
  const idle = `Type to search ${plural(documents.length, 'postmortem', 'postmortems')}.`;
  const run = (): void => {
    const query = input.value.trim();
    const address = `${location.href.split('#')[0]}${query ? `#q=${encodeURIComponent(query)}` : ''}`;
    if (address !== location.href) history.replaceState(null, '', address);
    if (query === '') {
      list.replaceChildren();
      status.textContent = idle;
      return;
    }
    const found = indexes.flatMap((index) => index.search(query, SEARCH_QUERY_OPTIONS)).sort((a, b) => b.score - a.score);
    const shown = found.slice(0, RESULT_LIMIT).flatMap((result) => {
      const document = byId.get(String(result.id));
      return document ? [resultItem(document, result)] : [];
    });
    list.replaceChildren(...shown);
    status.textContent = found.length === 0
      ? `Nothing found for “${query}”.`
      : `${plural(found.length, 'postmortem', 'postmortems')} found${found.length > RESULT_LIMIT ? `, the ${RESULT_LIMIT} best shown` : ''}.`;
  };
  input.addEventListener('input', run);
  const fromAddress = /(?:^#|&)q=([^&]*)/.exec(location.hash)?.[1];
  if (fromAddress !== undefined) {
    try {
      input.value = decodeURIComponent(fromAddress.replace(/\+/g, ' '));
    } catch {
      // Not valid percent-encoding: start empty.
    }
  }
  box.hidden = false;
  run();
  input.focus();
}

setUpFilters();
setUpSearch();
