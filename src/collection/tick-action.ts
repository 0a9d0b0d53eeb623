/**
 * Marking one action item done in a postmortem's Markdown source, changing as little as can
 * be: the space of a `[ ]` checkbox becomes `x`, a list item without a checkbox gets `[x] `
 * after its marker, a table row's Done/Status cell gets the column's own word for done.
 * Every other byte (line endings, a BOM, a missing final newline, front matter, comments)
 * stays as it was, and the result is parsed again to prove that the only change the model
 * sees is that task becoming done.
 */
import stringWidth from 'string-width';
import { PostmortemError } from '../model/errors.js';
import type { CorrectiveTask, Postmortem } from '../model/postmortem.js';
import { DONE_COLUMN_HEADER, isDoneValue, normalizeTableHeader } from '../parse/corrective-actions.js';
import { splitFrontMatter } from '../parse/front-matter.js';
import { analyzeLines, type SourceLine } from '../parse/markdown-lines.js';
import { parsePostmortem } from '../parse/parse-postmortem.js';
import { splitRow } from '../parse/table.js';

/** Options of {@link tickActionItem}. */
export interface TickActionItemOptions {
  /** The file, for the model's `source.filePath` and for messages. */
  filePath?: string | null;
}

/** What {@link tickActionItem} did. */
export type TickActionItemResult =
  | {
      /** The task was open and is now marked done in `text`. */
      status: 'ticked';
      /** The whole new source. */
      text: string;
      /** The task as parsed before ticking. */
      task: CorrectiveTask;
      /** The task's line before and after, without its line ending. */
      before: string;
      after: string;
    }
  | {
      /** The task was already done; nothing to change. */
      status: 'already-done';
      task: CorrectiveTask;
    };

/** A list item as the parser reads it: indent, marker, the space after it, an optional checkbox. */
const LIST_ITEM = /^(\s*(?:[-*+]|\d{1,3}[.)])\s+)(?:\[([ xX])\]\s+)?/;

/** Where one line of a text is: its start and end offsets (the end before any `\r\n`). */
function lineSpan(text: string, line: number): { start: number; end: number } | null {
  let start = 0;
  for (let current = 1; current < line; current++) {
    const newline = text.indexOf('\n', start);
    if (newline < 0) return null;
    start = newline + 1;
  }
  let end = text.indexOf('\n', start);
  if (end < 0) end = text.length;
  if (end > start && text[end - 1] === '\r') end -= 1;
  return { start, end };
}

/** Offsets of the `|` of a table row that separate cells: those not right after a backslash, as `splitRow` reads them. */
function pipeOffsets(row: string): number[] {
  const offsets: number[] = [];
  for (let index = 0; index < row.length; index++) if (row[index] === '|' && row[index - 1] !== '\\') offsets.push(index);
  return offsets;
}

/** The cells of a table row as offsets into it, in the same order as `splitRow` reads them. */
export function tableCellSpans(row: string): Array<{ start: number; end: number }> {
  const pipes = pipeOffsets(row);
  const first = row.length - row.trimStart().length;
  const last = row.trimEnd().length - 1;
  const leading = pipes[0] === first;
  const trailing = pipes.length > (leading ? 1 : 0) && pipes[pipes.length - 1] === last;
  const bounds = [leading ? (pipes.shift() as number) : first - 1, ...pipes];
  if (!trailing) bounds.push(last + 1);
  const spans: Array<{ start: number; end: number }> = [];
  for (let index = 0; index + 1 < bounds.length; index++) spans.push({ start: (bounds[index] as number) + 1, end: bounds[index + 1] as number });
  return spans;
}

/** `word` in the letter case of `like`: `DONE`, `Done` or `done`. */
function inCaseOf(like: string, word: string): string {
  if (like.length > 1 && like === like.toUpperCase() && like !== like.toLowerCase()) return word.toUpperCase();
  if (/^\p{Lu}/u.test(like)) return word[0]?.toUpperCase() + word.slice(1);
  return word;
}

const OPEN_WORDS = /^(?:open|todo|to[- ]?do|pending|planned|not started|not done|in[- ]progress|wip|ongoing|started|new|backlog|blocked|incomplete|unresolved|active)$/i;
const OPEN_SYMBOLS = /^(?:❌|⬜|☐|✗|✘|⏳|🔲|⭕|🟡|🔴|🟠|🚧|➖|✖️?|❎)$/u;

/**
 * The word a Done/Status column uses for done, in its own style: the first done value of
 * another row when there is one, else the opposite of this row's value (`no` -> `yes`,
 * `Open` -> `Done`, `[ ]` -> `[x]`, an emoji -> ✅), else by the header (`yes` under Done,
 * `Done` under Status).
 */
export function doneWordFor(current: string, column: readonly string[], header: string): string {
  const example = column.map((value) => value.trim()).find((value) => isDoneValue(value));
  if (example !== undefined) return example;
  const value = current.trim();
  if (/^\[\s?\]$/.test(value)) return '[x]';
  if (/^(?:no|false|n)$/i.test(value)) {
    const word = { no: 'yes', false: 'true', n: 'y' }[value.toLowerCase() as 'no' | 'false' | 'n'];
    return inCaseOf(value, word);
  }
  if (OPEN_WORDS.test(value)) return inCaseOf(value, 'done');
  if (OPEN_SYMBOLS.test(value) || /^\p{Extended_Pictographic}\uFE0F?$/u.test(value)) return '✅';
  const name = header.trim().replace(/[*_]/g, '');
  return /^(?:status|state)$/i.test(name) ? inCaseOf(name, 'done') : 'yes';
}

/** A cell's text replaced by `word`, keeping the padding that lines the column up where it can. */
function replaceCell(cell: string, word: string): string {
  if (cell.trim() === '') return cell === '' ? word : ` ${word}${' '.repeat(Math.max(1, cell.length - 1 - stringWidth(word)))}`;
  const lead = cell.length - cell.trimStart().length;
  const content = cell.trim();
  const trail = cell.slice(lead + content.length);
  const trailingSpaces = trail.length - trail.replace(/(?<! ) +$/, '').length;
  const grow = stringWidth(word) - stringWidth(content);
  let newTrail = trail;
  if (grow > 0) newTrail = trail.slice(0, trail.length - Math.min(grow, Math.max(0, trailingSpaces - 1)));
  else if (grow < 0 && cell.trim() !== cell) newTrail = trail + ' '.repeat(-grow);
  return cell.slice(0, lead) + word + newTrail;
}

function stripBom(text: string): { bom: string; body: string } {
  return text.startsWith('\uFEFF') ? { bom: '\uFEFF', body: text.slice(1) } : { bom: '', body: text };
}

/** The source lines of the Markdown body, as the parser tags them (front matter lines excluded). */
function taggedLines(body: string, filePath: string | null): SourceLine[] {
  const front = splitFrontMatter(body, filePath);
  return analyzeLines(front.body, front.bodyLineOffset);
}

function withoutTick(model: Postmortem, line: number): string {
  const copy = structuredClone(model);
  for (const task of copy.correctiveActions.tasks) if (task.line === line) task.done = false;
  return JSON.stringify(copy);
}

/**
 * Marks the action item on `line` (the line the parser gives the task: for a task written
 * over several lines, its first) of the postmortem source `text` as done. Returns the new
 * text, or `already-done` for a task that is done already.
 *
 * Throws `PostmortemError` (naming the file and line) when no task starts on that line, when
 * the task is not a list item or a table row (a plain line has no marker to tick), when its
 * table has no Done or Status column or the row has no cell there, and when the parsed result
 * would differ in anything but that task being done.
 */
export function tickActionItem(text: string, line: number, options: TickActionItemOptions = {}): TickActionItemResult {
  const filePath = options.filePath ?? null;
  const at = { filePath, line };
  const { bom, body } = stripBom(text);
  const model = parsePostmortem(body, { filePath });
  const tasks = model.correctiveActions.tasks;
  const task = tasks.find((candidate) => candidate.line === line);
  if (!task) {
    const lines = tasks.map((candidate) => candidate.line).filter((number): number is number => number !== undefined);
    const hint = lines.length === 0 ? 'the file has no action items' : `its action items start on line${lines.length === 1 ? '' : 's'} ${lines.slice(0, 20).join(', ')}${lines.length > 20 ? ', ...' : ''}`;
    throw new PostmortemError(`no action item starts on this line (${hint})`, at);
  }
  if (task.done) return { status: 'already-done', task };

  const span = lineSpan(body, line);
  const lines = taggedLines(body, filePath);
  const sourceLine = lines.find((candidate) => candidate.number === line);
  if (!span || !sourceLine) throw new PostmortemError('no action item starts on this line', at);
  const before = body.slice(span.start, span.end);
  let after: string;
  if (sourceLine.kind === 'table') {
    after = tickTableRow(lines, sourceLine, before, filePath);
  } else {
    const item = sourceLine.listItemDepth !== undefined ? LIST_ITEM.exec(before) : null;
    if (!item) {
      throw new PostmortemError('this action item is not a list item or a table row, so there is no checkbox to tick; write it as "- [ ] ..."', at);
    }
    const marker = (item[1] as string).length;
    // An open checkbox: only its space changes. No checkbox: one goes in after the marker.
    after = item[2] !== undefined ? `${before.slice(0, marker + 1)}x${before.slice(marker + 2)}` : `${before.slice(0, marker)}[x] ${before.slice(marker)}`;
  }

  const newBody = body.slice(0, span.start) + after + body.slice(span.end);
  const ticked = parsePostmortem(newBody, { filePath });
  const tickedTask = ticked.correctiveActions.tasks.find((candidate) => candidate.line === line);
  if (!tickedTask?.done || withoutTick(ticked, line) !== JSON.stringify(model)) {
    throw new PostmortemError('cannot tick this action item without changing how the rest of the file reads; mark it done by hand', at);
  }
  return { status: 'ticked', text: bom + newBody, task, before, after };
}

function tickTableRow(lines: readonly SourceLine[], sourceLine: SourceLine, row: string, filePath: string | null): string {
  const at = { filePath, line: sourceLine.number };
  let first = lines.indexOf(sourceLine);
  while (first > 0 && (lines[first - 1] as SourceLine).kind === 'table') first -= 1;
  const headerLine = lines[first] as SourceLine;
  const headers = splitRow(headerLine.text);
  const doneColumn = headers.findIndex((header) => DONE_COLUMN_HEADER.test(normalizeTableHeader(header)));
  if (doneColumn < 0) {
    throw new PostmortemError(`the action items table (line ${headerLine.number}) has no Done column to tick; add a "Done" column (yes/no) and run this again`, at);
  }
  const spans = tableCellSpans(row);
  const span = spans[doneColumn];
  if (!span) throw new PostmortemError(`this table row has no cell in the "${headers[doneColumn]}" column; add one and run this again`, at);
  const column: string[] = [];
  for (let index = lines.indexOf(headerLine) + 2; index < lines.length && (lines[index] as SourceLine).kind === 'table'; index++) {
    const other = lines[index] as SourceLine;
    if (other !== sourceLine) column.push(splitRow(other.text)[doneColumn] ?? '');
  }
  const cell = row.slice(span.start, span.end);
  const word = doneWordFor(cell.replace(/\\\|/g, '|'), column, headers[doneColumn] as string);
  return row.slice(0, span.start) + replaceCell(cell, word) + row.slice(span.end);
}
