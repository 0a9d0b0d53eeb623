/**
 * Where a front matter block is, by its fence lines alone, without reading the YAML: for the
 * places that need the block's lines while the text may be unreadable or being typed (the
 * lint engine blanking front matter it could not read, the language server, redaction). The
 * parser itself is src/parse/front-matter.ts. No imports: the redaction and the language
 * server load this without the YAML reader.
 */

/** The fence lines of a front matter block (0-based). */
export interface FrontMatterFences {
  /** The opening `---` line: always 0. */
  open: 0;
  /** The closing `---` or `...` line, or null when nothing closes the block. */
  close: number | null;
}

// Not `----`: gray-matter, which the parser uses, reads that as no front matter (a rule).
const OPENING = /^\uFEFF?---(?!-)/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*\r?$/;

/**
 * The front matter fences of a text split into lines (a line may keep a trailing `\r`): an
 * opening `---` on the first line (a byte order mark before it and a language after it
 * allowed, a fourth dash not), and the first `---` or `...` line after it. Null when the first line opens none.
 */
export function frontMatterFences(lines: readonly string[]): FrontMatterFences | null {
  if (!OPENING.test(lines[0] ?? '')) return null;
  const close = lines.findIndex((line, index) => index > 0 && CLOSING.test(line));
  return { open: 0, close: close === -1 ? null : close };
}
