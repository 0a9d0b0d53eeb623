/**
 * Reading the file as rules need it: which lines are prose (code fences, inline code and
 * HTML comments blanked out, columns kept), where each line starts in the text (for fixes),
 * and how deep a heading is. Results are cached per `lines` array, because every rule of a
 * run reads the same file and the cache never changes what a rule sees.
 */

/** A line of prose with code and comments replaced by spaces, so that columns still match the file. */
export interface ProseLine {
  /** 1-based line number in the file. */
  line: number;
  /** The line's text with fenced code, inline code and HTML comments blanked. */
  text: string;
}

const proseCache = new WeakMap<readonly string[], { frontMatterLines: number; prose: ProseLine[] }>();

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;

/**
 * The body's lines as prose: front matter skipped, lines inside code fences left out, inline
 * code spans and HTML comments (which readers never see) replaced by spaces.
 */
export function proseLines(lines: readonly string[], frontMatterLines: number): ProseLine[] {
  const cached = proseCache.get(lines);
  if (cached && cached.frontMatterLines === frontMatterLines) return cached.prose;
  const result: ProseLine[] = [];
  let fence: string | null = null;
  let inComment = false;
  for (let index = frontMatterLines; index < lines.length; index++) {
    const raw = lines[index] as string;
    if (fence !== null) {
      if (new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`).test(raw)) fence = null;
      continue;
    }
    const opening = FENCE_OPEN.exec(raw);
    if (opening && !inComment) {
      fence = opening[1] as string;
      continue;
    }
    let text = '';
    let position = 0;
    while (position < raw.length) {
      if (inComment) {
        const close = raw.indexOf('-->', position);
        const stop = close < 0 ? raw.length : close + 3;
        text += ' '.repeat(stop - position);
        position = stop;
        if (close >= 0) inComment = false;
        continue;
      }
      const open = raw.indexOf('<!--', position);
      const stop = open < 0 ? raw.length : open;
      text += raw.slice(position, stop);
      position = stop;
      if (open >= 0) inComment = true;
    }
    result.push({ line: index + 1, text: blankInlineCode(text) });
  }
  proseCache.set(lines, { frontMatterLines, prose: result });
  return result;
}

/**
 * Replaces `code spans` (any number of backticks) with spaces: a run of backticks opens a span
 * that the next run of the same length closes. Worked out from the runs rather than with a
 * back-referencing pattern, which scanned to the end of the line from every unclosed run
 * (cubic on a line of them).
 */
function blankInlineCode(text: string): string {
  if (!text.includes('`')) return text;
  const runs = Array.from(text.matchAll(/`+/g), (match) => ({ start: match.index, end: match.index + match[0].length }));
  // For each run, the index of the next run of the same length, or -1.
  const closing: number[] = new Array<number>(runs.length);
  const nextOfLength = new Map<number, number>();
  for (let index = runs.length - 1; index >= 0; index -= 1) {
    const run = runs[index] as { start: number; end: number };
    closing[index] = nextOfLength.get(run.end - run.start) ?? -1;
    nextOfLength.set(run.end - run.start, index);
  }
  let result = '';
  let copied = 0;
  for (let index = 0; index < runs.length; index += 1) {
    const close = closing[index] as number;
    if (close === -1) continue;
    const open = runs[index] as { start: number; end: number };
    const end = (runs[close] as { start: number; end: number }).end;
    result += text.slice(copied, open.start) + ' '.repeat(end - open.start);
    copied = end;
    index = close;
  }
  return result + text.slice(copied);
}

// Strings cannot key a WeakMap; the rules of one run ask about the same text in a row, so the last one is kept.
let lastStarts: { text: string; starts: number[] } | null = null;

/** 0-based offsets into `text` at which each line starts (index 0 is line 1). */
export function lineStarts(text: string): number[] {
  if (lastStarts && lastStarts.text === text) return lastStarts.starts;
  const starts = [0];
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  lastStarts = { text, starts };
  return starts;
}

/**
 * The file offsets of `needle` on a line, searched from `fromColumn` (1-based), or null when
 * the line does not hold it. Fixes use these offsets, so they are computed on the file text
 * itself, never on a cleaned-up copy.
 */
export function findOnLine(text: string, line: number, needle: string, fromColumn = 1): { start: number; end: number; column: number } | null {
  const starts = lineStarts(text);
  const lineStart = starts[line - 1];
  if (lineStart === undefined) return null;
  const lineEnd = starts[line] ?? text.length;
  const lineText = text.slice(lineStart, lineEnd);
  const index = lineText.indexOf(needle, fromColumn - 1);
  if (index < 0) return null;
  return { start: lineStart + index, end: lineStart + index + needle.length, column: index + 1 };
}

/**
 * How deep a section heading is: 1-6 for ATX and setext headings, 7 for label lines
 * (`Timeline:`, `**Impact**`), which the parser treats as deeper than any heading.
 */
export function headingDepth(lines: readonly string[], line: number): number {
  const text = lines[line - 1] ?? '';
  const atx = /^ {0,3}(#{1,6})(?:\s|[^#]|$)/.exec(text);
  if (atx) return (atx[1] as string).length;
  const next = lines[line] ?? '';
  if (/^ {0,3}=+\s*$/.test(next)) return 1;
  if (/^ {0,3}-+\s*$/.test(next) && text.trim() !== '') return 2;
  return 7;
}
