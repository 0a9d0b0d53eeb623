/**
 * The body as lines, each tagged by markdown-it's block parse: what is a heading, code,
 * a table, HTML or a list item. The parser reads postmortems line by line (people write
 * sections as plain "Timeline:" lines as often as headings), and uses markdown-it so that
 * a `#` inside a code fence or a table is never mistaken for structure.
 */
import type Token from 'markdown-it/lib/token.mjs';
import { parseBlocks } from './markdown-blocks.js';

/** What a line is, as far as block structure goes. */
export type LineKind = 'blank' | 'text' | 'heading' | 'setext-underline' | 'fence' | 'indented-code' | 'table' | 'html' | 'hr';

/** One line of the body. */
export interface SourceLine {
  /** 0-based index in the body. */
  index: number;
  /** 1-based line number in the file (front matter included). */
  number: number;
  /** The line without its line ending. */
  text: string;
  kind: LineKind;
  /** For headings: the level (1-6) and the heading text as markdown-it read it. */
  headingLevel?: number;
  headingText?: string;
  /** Whether a list item starts on this line, and how deeply nested (0 = top level). */
  listItemDepth?: number;
  /** Whether the line is inside a list. */
  inList: boolean;
}

const LOOKS_LIKE_PROSE_OR_LIST = /^\s*(?:[-*+]\s|\d{1,3}[.)]\s|\d{1,2}[:.]\d{2}|[A-Z][A-Za-z ]{1,40}:|[A-Z][a-z]+\s+[a-z]+)/;

/**
 * Undoes structure that people add by accident and that would hide the postmortem from the
 * parser: a whole document pasted inside a ```markdown fence (a chat assistant's answer),
 * and sections indented by four spaces (which Markdown reads as a code block). Lines keep
 * their numbers: fence lines are blanked, indented lines dedented.
 */
function unwrapAccidentalCode(texts: string[], tokens: Token[]): boolean {
  let changed = false;
  const nonBlank = texts.filter((text) => text.trim() !== '').length;
  for (const token of tokens) {
    if (!token.map || token.level !== 0) continue;
    const [first, last] = token.map;
    if (token.type === 'fence' && /^(?:markdown|md)$/i.test(token.info.trim()) && (last - first) * 2 >= nonBlank && /^\s{0,3}#{1,6}\s|^[ \t]*\*\*[^*\r\n\u2028\u2029]+\*\*[ \t]*$/m.test(token.content)) {
      texts[first] = '';
      const closing = last - 1;
      if (closing > first && /^\s*(?:`{3,}|~{3,})\s*$/.test(texts[closing] ?? '')) texts[closing] = '';
      changed = true;
    } else if (token.type === 'code_block') {
      const lines = texts.slice(first, last).filter((text) => text.trim() !== '');
      const proseLike = lines.filter((text) => LOOKS_LIKE_PROSE_OR_LIST.test(text)).length;
      if (lines.length > 0 && proseLike * 2 >= lines.length) {
        for (let index = first; index < last; index++) texts[index] = (texts[index] as string).replace(/^(?: {1,4}|\t)/, '');
        changed = true;
      }
    }
  }
  return changed;
}

/** Splits a body into tagged lines. `lineOffset` is how many file lines precede the body. */
export function analyzeLines(body: string, lineOffset = 0): SourceLine[] {
  const texts = body.split(/\r?\n/);
  let tokens = parseBlocks(body);
  if (unwrapAccidentalCode(texts, tokens)) tokens = parseBlocks(texts.join('\n'));
  const lines: SourceLine[] = texts.map((text, index) => ({
    index,
    number: index + 1 + lineOffset,
    text,
    kind: text.trim() === '' ? 'blank' : 'text',
    inList: false,
  }));
  let listDepth = 0;
  const mark = (map: [number, number] | null | undefined, kind: LineKind): void => {
    if (!map) return;
    for (let index = map[0]; index < map[1] && index < lines.length; index++) {
      const line = lines[index] as SourceLine;
      if (line.kind !== 'blank' || kind === 'fence' || kind === 'indented-code') line.kind = kind;
    }
  };
  for (let position = 0; position < tokens.length; position++) {
    const token = tokens[position];
    if (!token) continue;
    switch (token.type) {
      case 'heading_open': {
        const map = token.map;
        if (!map) break;
        const line = lines[map[0]];
        if (!line) break;
        line.kind = 'heading';
        line.headingLevel = Number(token.tag.slice(1));
        line.headingText = tokens[position + 1]?.content ?? '';
        // A setext heading's text can span lines; the underline is the last line of the map.
        if (map[1] - map[0] > 1) {
          const underline = lines[map[1] - 1];
          if (underline) underline.kind = 'setext-underline';
        }
        break;
      }
      case 'fence':
        mark(token.map, 'fence');
        break;
      case 'code_block':
        mark(token.map, 'indented-code');
        break;
      case 'table_open':
        mark(token.map, 'table');
        break;
      case 'html_block':
        // An HTML block runs to the next blank line; only lines that are HTML count as HTML, so a
        // heading written right after a lone <br> is still read.
        if (token.map) {
          for (let index = token.map[0]; index < token.map[1]; index++) {
            const line = lines[index];
            if (line && /^\s*</.test(line.text)) line.kind = 'html';
          }
        }
        break;
      case 'hr':
        mark(token.map, 'hr');
        break;
      case 'blockquote_open':
        // Quoted sections are read like the rest; the markers would hide labels and times.
        if (token.map) {
          for (let index = token.map[0]; index < token.map[1]; index++) {
            const line = lines[index];
            if (line) {
              line.text = line.text.replace(/^(?:\s{0,3}>\s?)+/, '');
              if (line.text.trim() === '') line.kind = 'blank';
            }
          }
        }
        break;
      case 'bullet_list_open':
      case 'ordered_list_open':
        if (token.map) for (let index = token.map[0]; index < token.map[1]; index++) if (lines[index]) (lines[index] as SourceLine).inList = true;
        listDepth++;
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        listDepth--;
        break;
      case 'list_item_open': {
        const line = token.map ? lines[token.map[0]] : undefined;
        if (line && line.listItemDepth === undefined) line.listItemDepth = listDepth - 1;
        break;
      }
      default:
        break;
    }
  }
  return lines;
}
