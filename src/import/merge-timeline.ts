/**
 * Merging imported events into a postmortem's timeline, as an author would: new lines are
 * inserted at their place in time, written like the entries around them (the same bullet,
 * clock, label style and table columns), and nothing the author wrote is rewritten, moved or
 * dropped. The merge is pure (text in, text out); the command writes the result atomically.
 *
 * Rules (README, "--into"):
 * - Each new entry goes after the last entry of the timeline that is at or before its time
 *   (and its continuation lines), or before the first timed entry when all are later.
 *   Entries without a time keep their place; so does every other line.
 * - A timeline with day headings (`### 2026-03-14`) gets each new entry under the heading of
 *   its day, and a new heading, written like the others, for a day it does not have yet.
 * - Without day headings, new times carry their date (`2026-03-14 14:05`) when the timeline
 *   spans more than one day.
 * - A file without a timeline section gets a `## Timeline` section after its summary section
 *   (at the level of the summary's heading), or at its end when it has no summary section.
 * - An entry already there (the same minute and the same text, escapes and spacing aside)
 *   is not added again: importing twice adds nothing the second time.
 * - The result is read back before it is returned: every entry of the file must still read at
 *   the same time, and every new entry at its own; otherwise nothing is merged.
 */
import { clockStyle } from '../model/clock-style.js';
import { PostmortemError } from '../model/errors.js';
import type { Postmortem, SectionLocation, TimelineEntry } from '../model/postmortem.js';
import { longDate, parseZone, UTC_ZONE, wallClockAt, zonedInstantMillis, type Zone } from '../model/time.js';
import { classifyTimelineEntry } from '../model/timeline-milestones.js';
import { dateOnly, readLeadingTime } from '../parse/clock.js';
import { splitFrontMatter } from '../parse/front-matter.js';
import { analyzeLines, type SourceLine } from '../parse/markdown-lines.js';
import { parsePostmortem } from '../parse/parse-postmortem.js';
import { parseTable, splitRow, tableBlockAt } from '../parse/table.js';
import { timelineTableColumns } from '../parse/timeline.js';
import { tableCell } from '../render/markdown-text.js';
import { sameZone, timelineEntryText, writeEventTime, zoneName, type TimeFormat } from './to-timeline.js';
import type { ImportedEvent } from './types.js';

/** Options of {@link mergeTimeline}. */
export interface MergeTimelineOptions {
  /** The zone new times are written in (`--timezone`); default the postmortem's, else UTC. */
  timezone?: string | null;
  /** The file, for messages. */
  filePath?: string | null;
  /** `original` already parsed (with the same `filePath`), so it is not parsed again. */
  postmortem?: Postmortem;
}

/** What {@link mergeTimeline} did. */
export interface MergeTimelineResult {
  /** The new text of the file: the original itself when nothing was added. */
  text: string;
  /** The entries added, as written, with their line in the new text, in time order. */
  added: TimelineEntry[];
  /** How many events were already in the timeline (or were the same as another event) and were not added. */
  alreadyThere: number;
  /** Whether a `## Timeline` section was added. */
  createdSection: boolean;
  /** The zone the new times are written in, as its name. */
  timezone: string;
}

/** One line of the file with its own line ending, so that untouched lines keep every byte. */
interface FileLine {
  text: string;
  ending: string;
}

function fileLines(body: string): FileLine[] {
  const lines: FileLine[] = [];
  let position = 0;
  for (;;) {
    const newline = body.indexOf('\n', position);
    if (newline < 0) {
      lines.push({ text: body.slice(position), ending: '' });
      return lines;
    }
    const crlf = newline > position && body[newline - 1] === '\r';
    lines.push({ text: body.slice(position, crlf ? newline - 1 : newline), ending: crlf ? '\r\n' : '\n' });
    position = newline + 1;
  }
}

/** How the timeline's entries are written, read from an entry of the file (or the templates' style). */
interface EntryStyle {
  form: 'list' | 'table' | 'lines';
  /** Before the time: a list marker and its indent (`- `, `  * `, `3. `), or a line's lead. */
  lead: string;
  /** Decorations around the time and the separator before the text: `**` and `**: `. */
  timeOpener: string;
  timeCloser: string;
  /** Around a label: `**` and `:** ` (bold), or `` and `: `. */
  labelBefore: string;
  labelAfter: string;
  format: TimeFormat;
  /** Whether the list has blank lines between its items. */
  loose: boolean;
  table: TableStyle | null;
}

interface TableStyle {
  /** The header and delimiter rows, as written (for a new day's table). */
  headerLines: string[];
  columns: number;
  timeColumn: number;
  labelColumn: number;
  textColumn: number;
  leadingPipe: boolean;
  trailingPipe: boolean;
}

// Each quote marker takes the blanks before it, so a run of blanks is read one way only (the
// pattern it replaced, \s*(?:>\s?)*\s*, tried every split of a line of blanks: quadratic).
const LIST_LEAD = /^((?:[ \t]*>)*[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?)/;
const CLOCK_PART = /^(?:\d{4}-\d{2}-\d{2}(?:[T ]|,?\s+(?:at\s+)?))?\d{1,2}(?:[:.]\d{2})?(?::\d{2})?(?:\.\d+)?(?:\s*[ap]\.?m\.?)?/i;

/** Text compared for "the same entry": backslash escapes and spacing do not count. */
function comparable(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1').replace(/\s+/g, ' ').trim();
}

interface ExistingEntry {
  entry: TimelineEntry;
  millis: number | null;
}

/** A line of a new entry, with the index of the entry. */
interface InsertedLine {
  text: string;
  item: number;
}

/** New lines (blank lines and headings as strings), before one line of the file; several before the same line keep their order. */
interface Insertion {
  /** The lines go before this 1-based line (lines.length + 1: at the end). */
  before: number;
  lines: Array<string | InsertedLine>;
}

interface DayHeading {
  line: number;
  date: string;
  written: string;
  raw: string;
}

/**
 * Merges events into the timeline of a postmortem's text. Throws `PostmortemError` when the
 * file cannot be parsed, or when the new entries cannot be placed without changing when an
 * entry of the file is read to happen (see the module comment).
 */
export function mergeTimeline(original: string, events: readonly ImportedEvent[], options: MergeTimelineOptions = {}): MergeTimelineResult {
  const filePath = options.filePath ?? null;
  const model = options.postmortem ?? parsePostmortem(original, { filePath });
  const documentZone = parseZone(model.timezone);
  const zone = parseZone(options.timezone) ?? documentZone ?? UTC_ZONE;
  // Times the file writes without an offset are read in its zone; with none declared, in the zone asked for.
  const readingZone = documentZone ? model.timezone : zoneName(zone);
  const instantOf = (entry: Pick<TimelineEntry, 'at'>): number | null => {
    if (!entry.at) return null;
    const millis = zonedInstantMillis(entry.at, readingZone);
    return Number.isNaN(millis) ? null : millis;
  };
  const existing: ExistingEntry[] = model.timeline.map((entry) => ({ entry, millis: instantOf(entry) }));

  // A dated new time carries its date to the undated entries after it. When that would move
  // one to another day, a day heading with its own date is put above it (the entries keep
  // every byte; the heading gives back the day they were read on), and the merge is tried again.
  const dayHeadingsAbove = new Map<number, string>();
  let datedTimes: boolean | null = null;
  let plainLabels = false;
  let merged = merge(original, model, existing, events, { zone, documentZone, dayHeadingsAbove, datedTimes, plainLabels });
  for (let tries = 0; tries < 20; tries++) {
    const problem = readBackProblem(merged, existing, instantOf, filePath);
    if (!problem) return merged.result;
    const moved = problem.moved;
    if (!moved && datedTimes === null) {
      // A new time that does not read back on its day: every new time dated says the day.
      datedTimes = true;
    } else if (!moved && !plainLabels && events.some((event) => event.label)) {
      // A new entry that does not read back with its label: the label in the plainest style,
      // and the dates as the timeline needs them again (they may not have been the trouble).
      plainLabels = true;
      datedTimes = null;
    } else if (moved?.at && moved.line !== undefined && !dayHeadingsAbove.has(moved.line) && /^\d{4}-\d{2}-\d{2}/.test(moved.at)) {
      dayHeadingsAbove.set(moved.line, moved.at.slice(0, 10));
    } else {
      throw new PostmortemError(problem.message, { filePath });
    }
    merged = merge(original, model, existing, events, { zone, documentZone, dayHeadingsAbove, datedTimes, plainLabels });
  }
  throw new PostmortemError('the new entries could not be placed without changing when the entries of the file are read to happen; nothing written', { filePath });
}

/** Why the merged text does not read back as it should: an entry of the file that moved, or a new one that does not read right. */
function readBackProblem(merged: Merged, existing: readonly ExistingEntry[], instantOf: (entry: Pick<TimelineEntry, 'at'>) => number | null, filePath: string | null): { message: string; moved: TimelineEntry | null } | null {
  const { result, lineMap } = merged;
  if (result.added.length === 0) return null;
  const reread = parsePostmortem(result.text, { filePath });
  const byLine = new Map(reread.timeline.map((entry) => [entry.line, entry]));
  for (const { entry, millis } of existing) {
    if (entry.line === undefined) continue;
    const now = byLine.get(lineMap[entry.line - 1]);
    if (!now || instantOf(now) !== millis || now.text !== entry.text) {
      return { message: `line ${entry.line}: the new entries cannot be placed without changing when this entry is read to happen; nothing written`, moved: entry };
    }
  }
  for (const entry of result.added) {
    const now = byLine.get(entry.line);
    const wanted = instantOf(entry);
    const read = now ? instantOf(now) : null;
    if (!now || wanted === null || read === null || Math.floor(read / 60_000) !== Math.floor(wanted / 60_000) || comparable(now.text) !== comparable(entry.text)) {
      return { message: `the new entry "${entry.text}" would not read back at its time here; nothing written`, moved: null };
    }
  }
  return null;
}

/** A merge and where the file's lines went. */
interface Merged {
  result: MergeTimelineResult;
  /** The new 1-based line of each original line (index: original line - 1). */
  lineMap: number[];
}

interface MergeContext {
  zone: Zone;
  documentZone: Zone | null;
  /** Day headings to put above entries of the file (by line), so that they keep their day under dated new times. */
  dayHeadingsAbove: ReadonlyMap<number, string>;
  /** Dates on every new time (true), on none (false), or as the timeline needs (null). */
  datedTimes: boolean | null;
  /**
   * Labels written `Label: ` rather than the templates' `**Label:** `, when no entry of the
   * file shows a label style: after a bold time (`**14:05** - `) a bold label does not read
   * back as a label.
   */
  plainLabels: boolean;
}

function merge(original: string, model: Postmortem, existing: readonly ExistingEntry[], events: readonly ImportedEvent[], context: MergeContext): Merged {
  const byteOrderMark = original.startsWith('\uFEFF') ? '\uFEFF' : '';
  const body = original.slice(byteOrderMark.length);
  const lines = fileLines(body);
  const eol = /\r\n|\n/.exec(body)?.[0] ?? '\n';
  const front = splitFrontMatter(body, model.source?.filePath ?? null);
  const structure = new Map<number, SourceLine>(analyzeLines(front.body, front.bodyLineOffset).map((line) => [line.number, line]));
  const lineAt = (number: number): SourceLine | undefined => structure.get(number);

  const sections = model.source?.sections ?? [];
  const section = sections.find((candidate) => candidate.kind === 'timeline') ?? null;
  const inSection = (line: number | undefined): boolean => section !== null && line !== undefined && line > section.line && line <= section.endLine;
  const sectionEntries = existing.filter(({ entry }) => inSection(entry.line));
  const timed = sectionEntries.filter((item) => item.entry.time !== null);

  const style = entryStyle(model, lines, lineAt, timed, context);
  const headings = section ? dayHeadings(section, lines, lineAt, model.date) : [];
  const writeZoneSuffix = context.documentZone !== null && !sameZone(context.zone, context.documentZone);

  // Already there: the same minute and the same text.
  const known = new Set(existing.filter(({ millis }) => millis !== null).map(({ entry, millis }) => `${Math.floor((millis as number) / 60_000)} ${comparable(entry.text)}`));
  const sorted = [...events].sort((first, second) => first.at - second.at);
  const fresh: ImportedEvent[] = [];
  let alreadyThere = 0;
  for (const event of sorted) {
    const key = `${Math.floor(event.at / 60_000)} ${comparable(timelineEntryText(event.text))}`;
    if (known.has(key)) {
      alreadyThere++;
      continue;
    }
    known.add(key);
    fresh.push(event);
  }

  // Dates on new times: the timeline spans more than one day and has no day headings.
  const days = new Set<string>();
  for (const { millis } of sectionEntries) if (millis !== null) days.add(wallClockAt(millis, context.zone).date);
  for (const event of fresh) days.add(wallClockAt(event.at, context.zone).date);
  // An undated time is read on the incident date: a day other than that one needs its date.
  if (model.date) days.add(model.date);
  const dated = context.datedTimes ?? (headings.length === 0 && (style.format.date || days.size > 1 || model.date === null));
  const format: TimeFormat = {
    ...style.format,
    date: headings.length === 0 && dated,
    zoneSuffix: writeZoneSuffix ? (style.format.zoneSuffix && sameZone(parseZone(style.format.zoneSuffix), context.zone) ? style.format.zoneSuffix : ` ${zoneName(context.zone)}`) : style.format.zoneSuffix,
  };

  const written: WrittenItem[] = fresh.map((event, index) => {
    const time = writeEventTime(event.at, context.zone, format);
    const text = timelineEntryText(event.text);
    const entry: TimelineEntry = { time: time.time, at: time.at, label: event.label, text, kind: classifyTimelineEntry({ label: event.label, text }) };
    return { index, event, time, entry, line: entryLine(style, time.time, event.label, text) };
  });

  const insertions: Insertion[] = [];
  let createdSection = false;
  const entryOf = (item: WrittenItem): InsertedLine => ({ text: item.line, item: item.index });

  if (written.length > 0 && !section) {
    createdSection = true;
    const after = sections.find((candidate) => candidate.kind === 'summary') ?? null;
    const heading = `${'#'.repeat(headingLevel(after, lines))} Timeline`;
    insertions.push(blockInsertion(after ? after.endLine : lastNonBlank(lines, 0, lines.length), [heading, '', ...written.map(entryOf)], lines));
  } else if (written.length > 0 && section) {
    const blockEnd = (entry: TimelineEntry): number => entryBlockEnd(entry, lineAt, lines, section, sectionEntries, headings);
    const place = (items: readonly WrittenItem[], among: readonly ExistingEntry[], from: number, to: number): void => {
      const placed = among.filter((candidate) => candidate.millis !== null && candidate.entry.line !== undefined);
      if (placed.length > 0) {
        for (const item of items) insertions.push(placeAmong(item, placed, blockEnd, style));
        return;
      }
      // Nothing timed to place them by: after the last entry, or as a new list after the last line.
      const entries = sectionEntries.filter(({ entry }) => entry.line !== undefined && entry.line > from && entry.line <= to);
      const last = entries.at(-1)?.entry;
      if (last) insertions.push({ before: blockEnd(last) + 1, lines: items.flatMap((item) => (style.loose ? ['', entryOf(item)] : [entryOf(item)])) });
      else insertions.push(blockInsertion(lastNonBlank(lines, from, to), [...(style.form === 'table' && style.table ? style.table.headerLines : []), ...items.map(entryOf)], lines));
    };
    if (headings.length > 0) {
      // Each new entry under its day's heading; a new heading for a day the timeline does not have yet.
      const groups = headings.map((heading, index) => ({ heading, end: index + 1 < headings.length ? (headings[index + 1] as DayHeading).line - 1 : section.endLine }));
      const byDay = new Map<string, WrittenItem[]>();
      for (const item of written) {
        const day = byDay.get(item.time.date);
        if (day) day.push(item);
        else byDay.set(item.time.date, [item]);
      }
      for (const [date, items] of byDay) {
        const group = groups.find((candidate) => candidate.heading.date === date);
        if (group) {
          place(items, timed.filter(({ entry }) => entry.line !== undefined && entry.line > group.heading.line && entry.line <= group.end), group.heading.line, group.end);
          continue;
        }
        const block: Array<string | InsertedLine> = [dayHeadingText(headings, date), '', ...(style.form === 'table' && style.table ? style.table.headerLines : []), ...items.map(entryOf)];
        const next = groups.find((candidate) => candidate.heading.date > date);
        if (next) insertions.push({ before: next.heading.line, lines: [...block, ''] });
        else insertions.push(blockInsertion(lastNonBlank(lines, section.line, section.endLine), block, lines));
      }
    } else {
      place(written, timed, section.line, section.endLine);
    }
  }

  // Day headings that keep the file's undated entries on their day (pushed last: below the new entries before the same line).
  for (const [line, date] of context.dayHeadingsAbove) {
    const level = Math.min(6, (section ? headingLevel(section, lines) : 2) + 1);
    const previous = lines[line - 2];
    const afterNewLines = insertions.some((insertion) => insertion.before === line);
    insertions.push({ before: line, lines: [...(afterNewLines || (previous && previous.text.trim() !== '') ? [''] : []), `${'#'.repeat(level)} ${date}`, ''] });
  }

  // Lines are inserted without touching the ones around them; at the very end, the last line gains a line break.
  const ordered = insertions.map((insertion, order) => ({ insertion, order })).sort((first, second) => first.insertion.before - second.insertion.before || first.order - second.order);
  const out: string[] = [byteOrderMark];
  const lineMap: number[] = [];
  const addedLine = new Map<number, number>();
  let outLine = 0;
  let next = 0;
  const emit = (before: number): void => {
    while (next < ordered.length && (ordered[next] as (typeof ordered)[number]).insertion.before === before) {
      for (const line of (ordered[next] as (typeof ordered)[number]).insertion.lines) {
        out.push((typeof line === 'string' ? line : line.text) + eol);
        outLine++;
        if (typeof line !== 'string') addedLine.set(line.item, outLine);
      }
      next++;
    }
  };
  lines.forEach((line, index) => {
    emit(index + 1);
    const needsBreak = index === lines.length - 1 && line.ending === '' && line.text !== '' && next < ordered.length;
    out.push(line.text + (needsBreak ? eol : line.ending));
    outLine++;
    lineMap.push(outLine);
  });
  emit(lines.length + 1);
  const text = insertions.length === 0 ? original : out.join('');
  const added: TimelineEntry[] = written.map((item) => ({ ...item.entry, line: addedLine.get(item.index) as number }));
  return { result: { text, added, alreadyThere, createdSection, timezone: zoneName(context.zone) }, lineMap };
}

/** A new entry, ready to insert. */
interface WrittenItem {
  index: number;
  event: ImportedEvent;
  time: ReturnType<typeof writeEventTime>;
  entry: TimelineEntry;
  /** The line as it will be written. */
  line: string;
}

/** Where one new entry goes among entries with times: after the last one at or before its time, else before the first. */
function placeAmong(item: WrittenItem, timed: readonly ExistingEntry[], blockEnd: (entry: TimelineEntry) => number, style: EntryStyle): Insertion {
  const line: InsertedLine = { text: item.line, item: item.index };
  let after: ExistingEntry | null = null;
  for (const candidate of timed) if ((candidate.millis as number) <= item.event.at) after = candidate;
  if (after) return { before: blockEnd(after.entry) + 1, lines: style.loose ? ['', line] : [line] };
  const first = timed[0] as ExistingEntry;
  return { before: first.entry.line as number, lines: style.loose ? [line, ''] : [line] };
}

/** A block of new lines after line `after`, with a blank line either side where the neighbours are not blank. */
function blockInsertion(after: number, block: ReadonlyArray<string | InsertedLine>, lines: readonly FileLine[]): Insertion {
  const previous = lines[after - 1];
  const following = lines[after];
  const before = previous && previous.text.trim() !== '' ? [''] : [];
  const trailing = following && following.text.trim() !== '' ? [''] : [];
  return { before: after + 1, lines: [...before, ...block, ...trailing] };
}

function lastNonBlank(lines: readonly FileLine[], from: number, to: number): number {
  for (let number = to; number > from; number--) if ((lines[number - 1]?.text ?? '').trim() !== '') return number;
  return from;
}

function headingLevel(section: SectionLocation | null, lines: readonly FileLine[]): number {
  const written = section ? /^\s{0,3}(#{1,6})\s/.exec(lines[section.line - 1]?.text ?? '')?.[1] : undefined;
  if (written) return written.length;
  const any = lines.map((line) => /^(#{2,6})\s/.exec(line.text)?.[1]).find((marks) => marks !== undefined);
  return any ? any.length : 2;
}

/** The last line of an entry: its continuation lines and nested items, not the blank lines after it. */
function entryBlockEnd(entry: TimelineEntry, lineAt: (number: number) => SourceLine | undefined, lines: readonly FileLine[], section: SectionLocation, entries: readonly ExistingEntry[], headings: readonly DayHeading[]): number {
  const start = entry.line as number;
  const stops = new Set<number>([...entries.map((item) => item.entry.line ?? 0), ...headings.map((heading) => heading.line)]);
  const first = lineAt(start);
  if (!first || first.kind === 'table') return start;
  let end = start;
  for (let number = start + 1; number <= section.endLine; number++) {
    if (stops.has(number)) break;
    const line = lineAt(number);
    if (!line) break;
    if (line.kind === 'blank') continue;
    if (first.listItemDepth !== undefined) {
      if (!line.inList) break;
      if (line.listItemDepth !== undefined && line.listItemDepth <= first.listItemDepth) break;
    } else if (line.kind === 'heading' || (lines[number - 2]?.text ?? '').trim() === '') {
      break;
    }
    end = number;
  }
  return end;
}

/** The day headings of a timeline section (`### 2026-03-14`, a line that is just a date), in order. */
function dayHeadings(section: SectionLocation, lines: readonly FileLine[], lineAt: (number: number) => SourceLine | undefined, incidentDate: string | null): DayHeading[] {
  const found: DayHeading[] = [];
  for (let number = section.line + 1; number <= section.endLine; number++) {
    const line = lineAt(number);
    if (!line || line.kind === 'blank' || line.kind === 'table' || line.kind === 'fence' || line.kind === 'indented-code' || line.kind === 'html') continue;
    const text = line.kind === 'heading' ? (line.headingText ?? '') : line.listItemDepth === undefined ? line.text : '';
    if (!text) continue;
    const day = dateOnly(text);
    if (!day) continue;
    const date = day.hasYear ? day.date : incidentDate ? `${incidentDate.slice(0, 4)}${day.date.slice(4)}` : null;
    if (date) found.push({ line: number, date, written: day.written, raw: lines[number - 1]?.text ?? '' });
  }
  return found;
}

/** A heading for a new day, written like the timeline's other day headings. */
function dayHeadingText(headings: readonly DayHeading[], date: string): string {
  const model = headings[0] as DayHeading;
  const written = /^\d{4}-\d{2}-\d{2}$/.test(model.written.trim()) ? date : longDate(date);
  const candidate = model.raw.replace(model.written, written);
  const read = dateOnly(candidate.replace(/^\s{0,3}#{1,6}\s+/, ''));
  return read?.date === date ? candidate : `### ${date}`;
}

/** The line of a new entry in the timeline's style. */
function entryLine(style: EntryStyle, time: string, label: string | null, text: string): string {
  if (style.form === 'table' && style.table) {
    const table = style.table;
    const cells = new Array<string>(table.columns).fill('');
    const labelled = label && table.labelColumn < 0 ? `${style.labelBefore}${label}${style.labelAfter}${text}` : text;
    cells[table.timeColumn >= 0 ? table.timeColumn : 0] = `${style.timeOpener}${time}${style.timeCloser}`;
    if (table.labelColumn >= 0) cells[table.labelColumn] = label ?? '';
    const textColumn = table.textColumn >= 0 ? table.textColumn : table.columns - 1;
    cells[textColumn] = tableCell(labelled);
    const row = cells.map((cell) => (cell === '' ? ' ' : ` ${cell} `)).join('|');
    if (table.leadingPipe) return `|${row}${table.trailingPipe ? '|' : ''}`.trimEnd();
    return `${row.trim()}${table.trailingPipe ? ' |' : ''}`;
  }
  const labelPart = label ? `${style.labelBefore}${label}${style.labelAfter}` : '';
  return `${style.lead}${style.timeOpener}${time}${style.timeCloser}${labelPart}${text}`;
}

/** The templates' own style: `- 2:05 PM: **Label:** text`. */
function defaultStyle(model: Postmortem): EntryStyle {
  return {
    form: 'list',
    lead: '- ',
    timeOpener: '',
    timeCloser: ': ',
    labelBefore: '**',
    labelAfter: ':** ',
    format: { clock: clockStyle(model.timeline), date: false, zoneSuffix: null },
    loose: false,
    table: null,
  };
}

/** The style of the timeline's entries, read from the last timed entries of the file. */
function entryStyle(model: Postmortem, lines: readonly FileLine[], lineAt: (number: number) => SourceLine | undefined, timed: readonly ExistingEntry[], context: MergeContext): EntryStyle {
  const style = defaultStyle(model);
  const usable = timed.filter(({ entry }) => entry.line !== undefined && entry.time && entry.text);
  const modelEntry = usable.at(-1)?.entry;
  if (!modelEntry) return style;
  const raw = lines[(modelEntry.line as number) - 1]?.text ?? '';
  const structure = lineAt(modelEntry.line as number);
  const written = modelEntry.time as string;
  let timeCell = '';
  if (structure?.kind === 'table') {
    const table = tableStyle(modelEntry.line as number, lines, lineAt);
    if (!table) return style;
    style.form = 'table';
    style.table = table;
    timeCell = splitRow(raw)[table.timeColumn >= 0 ? table.timeColumn : 0] ?? '';
    const time = readLeadingTime(timeCell);
    const at = timeCell.indexOf(written);
    if (time && at >= 0) {
      style.timeOpener = timeCell.slice(0, at);
      style.timeCloser = timeCell.slice(at + written.length);
    } else {
      style.timeCloser = '';
    }
  } else {
    const lead = structure?.listItemDepth !== undefined ? LIST_LEAD.exec(raw)?.[1] : /^\s*(?:#{1,6}\s+)?/.exec(raw)?.[0];
    if (lead === undefined) return style;
    const content = raw.slice(lead.length);
    const time = readLeadingTime(content);
    const at = content.indexOf(written);
    if (!time || at < 0 || !time.rest) return style;
    style.form = structure?.listItemDepth !== undefined ? 'list' : 'lines';
    style.lead = lead.replace(/\[[xX]\]/, '[ ]');
    style.timeOpener = content.slice(0, at);
    style.timeCloser = content.slice(at + written.length, content.length - time.rest.length);
    if (!/\s$/.test(style.timeCloser)) style.timeCloser += ' ';
    style.loose = structure?.listItemDepth !== undefined && looseList(modelEntry.line as number, lines, lineAt);
  }
  // The label style of a labelled entry written in the same form.
  const labelled = usable.filter(({ entry }) => entry.label && lineAt(entry.line as number)?.kind === structure?.kind).at(-1)?.entry;
  if (!labelled && context.plainLabels) {
    style.labelBefore = '';
    style.labelAfter = ': ';
  }
  if (labelled?.label) {
    const labelRaw = lines[(labelled.line as number) - 1]?.text ?? '';
    const index = labelRaw.indexOf(labelled.label);
    const textIndex = labelRaw.indexOf(labelled.text, index + labelled.label.length);
    if (index >= 0 && textIndex > index && style.form !== 'table') {
      const before = labelRaw.slice(Math.max(0, index - 2), index);
      style.labelBefore = before === '**' || before === '__' ? before : '';
      style.labelAfter = labelRaw.slice(index + labelled.label.length, textIndex);
    }
  }
  style.format = timeFormat(written, model, context);
  return style;
}

function timeFormat(written: string, model: Postmortem, context: MergeContext): TimeFormat {
  const clock = clockStyle(model.timeline);
  const read = readLeadingTime(written);
  const clockPart = CLOCK_PART.exec(written)?.[0] ?? '';
  const digits = /(\d{1,2})[:.]\d{2}(?!\d)/.exec(clockPart.replace(/^\d{4}-\d{2}-\d{2}/, ''));
  const meridiem = /\d(\s*)([ap])\.?\s?m/i.exec(clockPart);
  const suffix = written.slice(clockPart.length);
  const zoneText = read?.clock?.zoneText ?? null;
  const ownZone = zoneText ? parseZone(zoneText) : null;
  return {
    clock,
    padHour: digits ? (digits[1] as string).length === 2 : true,
    meridiem: meridiem ? { space: (meridiem[1] as string).length > 0, lower: (meridiem[2] as string) === (meridiem[2] as string).toLowerCase() } : { space: true, lower: false },
    seconds: /\d{1,2}:\d{2}:\d{2}/.test(clockPart),
    date: read?.clock?.date !== null && read?.clock?.date !== undefined && /^\d{4}-\d{2}-\d{2}/.test(written),
    // The zone as the file writes it, when it is the zone the new times are in.
    zoneSuffix: ownZone && sameZone(ownZone, context.zone) && suffix.trim() !== '' ? suffix : null,
  };
}

function tableStyle(rowLine: number, lines: readonly FileLine[], lineAt: (number: number) => SourceLine | undefined): TableStyle | null {
  let start = rowLine;
  while (start > 1 && lineAt(start - 1)?.kind === 'table') start--;
  const block: SourceLine[] = [];
  for (let number = start; lineAt(number)?.kind === 'table'; number++) block.push(lineAt(number) as SourceLine);
  const table = parseTable(tableBlockAt(block, 0));
  if (!table) return null;
  const columns = timelineTableColumns(table);
  const header = lines[start - 1]?.text ?? '';
  return {
    headerLines: [header, lines[start]?.text ?? ''],
    columns: table.headers.length,
    ...columns,
    leadingPipe: /^\s*\|/.test(header),
    trailingPipe: /\|\s*$/.test(header),
  };
}

/** Whether the list around an item has blank lines between its items. */
function looseList(itemLine: number, lines: readonly FileLine[], lineAt: (number: number) => SourceLine | undefined): boolean {
  const depth = lineAt(itemLine)?.listItemDepth;
  for (const direction of [-1, 1]) {
    let number = itemLine + direction;
    let sawBlank = false;
    while (number >= 1 && number <= lines.length) {
      const line = lineAt(number);
      if (!line) break;
      if (line.kind === 'blank') sawBlank = true;
      else if (line.listItemDepth === depth) return sawBlank;
      else if (!line.inList) break;
      number += direction;
    }
  }
  return false;
}
