/**
 * markdown-it's block parser on its own, for reading a document's block structure (which lines
 * are headings, code, tables, HTML, lists, quotes) without its inline structure.
 *
 * `new MarkdownIt()` also builds the inline parser, the core rules, the renderer and linkify-it
 * (whose constructor compiles large patterns), and importing it loads all their code: about
 * 5 ms at every start of a command that parses a postmortem, for parts the parser never runs
 * (a bundled script that parses one postmortem with each: 79 ms against 74, median of 31
 * interleaved runs). So this builds markdown-it's own ParserBlock (its package exports `lib/*`)
 * with what its block rules read from the instance, and runs it as markdown-it's core does:
 * line endings and NUL characters normalized first (its `normalize` rule), then the block rules.
 * The tokens are the same as those of `new MarkdownIt('default', { html: true }).parse()` with the
 * inline rules off, which test/parse/markdown-blocks.test.ts checks on every document of the
 * corpus and of this repository's examples and fixtures.
 */
import type MarkdownIt from 'markdown-it';
import ParserBlock from 'markdown-it/lib/parser_block.mjs';
import * as helpers from 'markdown-it/lib/helpers/index.mjs';
import type Token from 'markdown-it/lib/token.mjs';

/**
 * markdown-it's `validateLink` (lib/index.mjs, not exported). Only a link reference definition
 * (`[id]: url`) calls it, to refuse `javascript:` and the like as its destination.
 */
const BAD_PROTOCOL = /^(?:vbscript|javascript|file|data):/;
const GOOD_DATA = /^data:image\/(?:gif|png|jpeg|webp);/;
function validateLink(url: string): boolean {
  const text = url.trim().toLowerCase();
  return BAD_PROTOCOL.test(text) ? GOOD_DATA.test(text) : true;
}

let parser: { block: ParserBlock; md: MarkdownIt } | null = null;

function blockParser(): { block: ParserBlock; md: MarkdownIt } {
  if (!parser) {
    const block = new ParserBlock();
    // What the block rules read from the instance: the options of the 'default' preset that they
    // use (html: true, so raw HTML blocks are recognised as HTML, not as text to read), the link
    // helpers and the two link functions of reference definitions. Their destination is not kept,
    // so it is not normalized (normalizeLink only percent-encodes it and its host name).
    const md = { block, helpers, options: { html: true, maxNesting: 100 }, normalizeLink: (url: string) => url, validateLink } as unknown as MarkdownIt;
    parser = { block, md };
  }
  return parser;
}

/** The block tokens of `source`, as markdown-it's `parse` gives them with the inline rules off. */
export function parseBlocks(source: string): Token[] {
  const { block, md } = blockParser();
  const tokens: Token[] = [];
  block.parse(source.replace(/\r\n?|\n/g, '\n').replace(/\0/g, '\uFFFD'), md, {}, tokens);
  return tokens;
}
