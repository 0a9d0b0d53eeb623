/**
 * Timeline entries from a timeline section: bullets, numbered items, table rows, lines and
 * headings that begin with a time, labelled entries without a time, day headings that set
 * the date of the entries under them.
 */
import type { Postmortem, TimelineEntry } from '../model/postmortem.js';
import { addDays, instantMillis, parseZone, toIsoInstant, type ClockTime, type Zone } from '../model/time.js';
import { dateOnly, findDate, findTimes, readLeadingTime, stripDecorations } from './clock.js';
import type { SourceLine } from './markdown-lines.js';
import { parseTable, tableBlockAt, type SourceTable } from './table.js';

/** What the timeline needs to know from the rest of the document. */
export interface TimelineContext {
  /** The incident date (YYYY-MM-DD), for entries that carry no date of their own. */
  date: string | null;
  /** A date the section heading names ("The following events took place October 4, 2021"), for the entries under it. */
  headingDate?: string | null;
  /** The timezone declared for the document, for entries that name none. */
  zone: Zone | null;
  /** The summary's impact window, to tell a crossing of midnight from a misordered entry. */
  windowStart: string | null;
  windowEnd: string | null;
}

/** Labels commonly written after a time: `14:45: Escalation: paged the DBA`. */
const TIMED_LABELS = /^(?:detection(?: method)?|detected|escalation|escalated|mitigation|mitigated|resolution|resolved|recovery|investigation|root cause|impact|actions? taken|action|misleading (?:paths?|assumptions?|investigation)|communication|trigger|response|identification|alert|fix|rollback|update|outage (?:begins|ends|start|end)|start|end|decision|discovery|diagnosis|monitoring|notification|workaround|verification|follow[- ]up)$/i;

interface DraftEntry {
  entry: TimelineEntry;
  clock: ClockTime | null;
  depth: number;
  /** The day set by a day heading when the entry was read. */
  dayDate: string | null;
}

const LIST_MARKER = /^\s*(?:[-*+]|\d{1,3}[.)])\s+(?:\[[ xX]\]\s+)?/;

/** Splits `Label: text` (bold or plain) from an entry's text. */
export function splitLabel(text: string, timed: boolean): { label: string | null; text: string } {
  // A bold label needs its colon: "**Escalation:** paged" is labelled, "**Rollback** started" is not.
  // The label starts and ends with a non-space, so the spaces after it belong to one `\s*` alone (quadratic backtracking otherwise).
  const bold = /^(?:\*\*|__)([^*_\s](?:[^*_\n]{0,58}[^*_\s])?)\s*(?::\s*(?:\*\*|__)|(?:\*\*|__)\s*:)\s*(.*)$/s.exec(text);
  if (bold) return { label: (bold[1] as string).trim(), text: (bold[2] as string).trim() };
  const plain = /^([A-Za-z][A-Za-z /&'()-]{0,50}?):\s+(.+)$/s.exec(text);
  if (plain) {
    const label = (plain[1] as string).trim();
    const words = label.split(/\s+/).length;
    if (timed ? TIMED_LABELS.test(label) : words <= 6 && !/[.!?]/.test(label)) {
      return { label, text: (plain[2] as string).trim() };
    }
  }
  return { label: null, text: text.trim() };
}

function resolveYear(date: string | null, reference: string | null): string | null {
  if (!date) return null;
  if (!date.startsWith('0000-')) return date;
  return reference ? `${reference.slice(0, 4)}${date.slice(4)}` : null;
}

/**
 * Reads the timeline of one section. `heading` is the section heading, which may declare a
 * timezone ("Timeline (all times in PST)"); so may the first line of the section.
 */
export function parseTimeline(lines: readonly SourceLine[], context: TimelineContext): { entries: TimelineEntry[]; zoneText: string | null } {
  const drafts: DraftEntry[] = [];
  let current: DraftEntry | null = null;
  let dayDate: string | null = context.headingDate ?? null;
  let previousBlank = true;
  let zoneText: string | null = null;

  const start = (line: SourceLine, raw: string, depth: number, isItem: boolean): void => {
    const time = readLeadingTime(raw);
    if (time) {
      const { label, text } = splitLabel(time.rest, true);
      current = { entry: { time: time.written, at: null, label, text, line: line.number }, clock: time.clock, depth, dayDate };
      if (time.clock?.date) dayDate = resolveYear(time.clock.date, context.date) ?? dayDate;
      drafts.push(current);
      return;
    }
    const leadingDate = findDate(stripDecorations(raw.split(/\s[-–—:|]\s|:\s/)[0] ?? ''));
    const cleaned = raw.replace(/^(?:\*\*|__|`)+/, '');
    if (leadingDate && leadingDate.index === 0 && cleaned.startsWith(leadingDate.written)) {
      dayDate = resolveYear(leadingDate.date, context.date) ?? dayDate;
      const rest = cleaned.slice(leadingDate.written.length).replace(/^(?:\*\*|__|`)*\s*[:\-–—|]?\s*/, '');
      if (!rest) {
        current = null;
        return;
      }
      const { label, text } = splitLabel(rest, false);
      // A date without a clock time is placed on its day: a date-only ISO 8601 value.
      const day = resolveYear(leadingDate.date, context.date);
      current = { entry: { time: leadingDate.written.trim(), at: day, label, text, line: line.number }, clock: null, depth, dayDate };
      drafts.push(current);
      return;
    }
    if (!isItem) return;
    const { label, text } = splitLabel(raw, false);
    current = { entry: { time: null, at: null, label, text, line: line.number }, clock: null, depth, dayDate };
    drafts.push(current);
  };

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as SourceLine;
    if (line.kind === 'blank') {
      previousBlank = true;
      continue;
    }
    if (line.kind === 'table') {
      const block = tableBlockAt(lines, index);
      index += block.length - 1;
      for (const row of tableEntries(block)) drafts.push({ ...row, dayDate });
      current = null;
      previousBlank = false;
      continue;
    }
    if (line.kind === 'fence' || line.kind === 'html' || line.kind === 'hr' || line.kind === 'setext-underline') {
      previousBlank = false;
      continue;
    }
    if (line.kind === 'heading') {
      const heading = line.headingText ?? '';
      const day = dateOnly(heading);
      current = null;
      if (day) dayDate = resolveYear(day.date, context.date) ?? dayDate;
      else if (readLeadingTime(heading)) start(line, heading, 0, true);
      previousBlank = false;
      continue;
    }
    const raw = line.text.trimEnd();
    const isItem = line.listItemDepth !== undefined;
    const depth = line.listItemDepth ?? 0;
    const content = isItem ? raw.replace(LIST_MARKER, '') : raw.trim();
    if (zoneText === null && drafts.length === 0 && !isItem && /\b(?:all )?times?\b/i.test(content) && content.length <= 80) {
      const zone = parseZone(content);
      if (zone) {
        zoneText = zone.label.replace(/^.*?\b(?:in|are)\s+/i, '').replace(/(?<![.)])[.)]+$/, '');
        previousBlank = false;
        continue;
      }
    }
    const day = dateOnly(content);
    if (day && (!isItem || !readLeadingTime(content))) {
      dayDate = resolveYear(day.date, context.date) ?? dayDate;
      current = null;
      previousBlank = false;
      continue;
    }
    const open = current as DraftEntry | null;
    if (isItem && open && depth > open.depth) {
      open.entry.text += `\n${'  '.repeat(depth - open.depth - 1)}- ${content}`;
    } else if (isItem) {
      start(line, content, depth, true);
    } else if (readLeadingTime(content)) {
      start(line, content, 0, false);
    } else if (open && (!previousBlank || line.inList || line.kind === 'indented-code')) {
      open.entry.text = open.entry.text ? `${open.entry.text}${previousBlank ? '\n\n' : ' '}${content.trim()}` : content.trim();
    } else {
      current = null;
    }
    previousBlank = false;
  }

  if (drafts.length === 0) for (const draft of proseEntries(lines)) drafts.push(draft);
  return { entries: placeEntries(drafts, context, zoneText), zoneText };
}

/**
 * A timeline written as plain sentences ("Detected at Nov 1, 2022 6:00 AM", one event a
 * line): each line is an entry, with the first time it mentions.
 */
function proseEntries(lines: readonly SourceLine[]): DraftEntry[] {
  return lines
    .filter((line) => (line.kind === 'text' || line.kind === 'indented-code') && line.text.trim() !== '')
    .map((line) => {
      const content = line.text.replace(LIST_MARKER, '').replace(/^\s*[+>]\s*/, '').trim();
      const time = findTimes(content)[0] ?? null;
      return { entry: { time: time?.written ?? null, at: null, label: null, text: content, line: line.number }, clock: time?.clock ?? null, depth: 0, dayDate: null };
    });
}

/** Whether the lines of a section read as a timeline: most of its items begin with a time. */
export function looksLikeTimeline(lines: readonly SourceLine[]): boolean {
  const candidates = lines.filter((line) => line.kind === 'text' && line.text.trim() !== '' && (line.listItemDepth ?? 0) === 0);
  const timed = candidates.filter((line) => readLeadingTime(line.text.replace(LIST_MARKER, '')) !== null).length;
  return timed >= 3 && timed * 2 >= candidates.length;
}

/** Which columns of a timeline table hold the time, the label and the text (-1 for none). */
export interface TimelineTableColumns {
  timeColumn: number;
  labelColumn: number;
  textColumn: number;
}

/** The columns of a timeline table, from its headers (`Time`, `Label`, `Event`...) and, failing that, its first column's times. */
export function timelineTableColumns(table: SourceTable): TimelineTableColumns {
  const headers = table.headers.map((header) => header.toLowerCase());
  let timeColumn = headers.findIndex((header) => /^(?:time|when|date|timestamp|date\/time|hour|time \(.*\)|date and time)/.test(header));
  const labelColumn = headers.findIndex((header) => /^(?:label|type|kind|category|phase|stage)$/.test(header));
  if (timeColumn < 0 && table.rows.some((row) => readLeadingTime(row.cells[0] ?? ''))) timeColumn = 0;
  let textColumn = headers.findIndex((header, index) => index !== timeColumn && index !== labelColumn && /^(?:event|events|what happened|description|action|actions|details?|text|activity|update|notes?|summary|what)/.test(header));
  if (textColumn < 0) {
    for (let index = headers.length - 1; index >= 0; index--) {
      if (index !== timeColumn && index !== labelColumn) {
        textColumn = index;
        break;
      }
    }
  }
  return { timeColumn, labelColumn, textColumn };
}

function tableEntries(block: readonly SourceLine[]): Array<Omit<DraftEntry, 'dayDate'>> {
  const table = parseTable(block);
  if (!table) return [];
  const { timeColumn, labelColumn, textColumn } = timelineTableColumns(table);
  return table.rows.map((row) => {
    const timeCell = timeColumn >= 0 ? (row.cells[timeColumn] ?? '').trim() : '';
    const time = timeCell ? readLeadingTime(timeCell) : null;
    const extra = time?.rest ? `${time.rest} ` : '';
    const rawText = `${extra}${textColumn >= 0 ? (row.cells[textColumn] ?? '').trim() : ''}`.trim();
    const labelCell = labelColumn >= 0 ? (row.cells[labelColumn] ?? '').trim() : '';
    const split = labelColumn >= 0 ? { label: labelCell || null, text: rawText } : splitLabel(rawText, Boolean(time));
    return {
      entry: { time: time ? time.written : timeCell || null, at: null, label: split.label, text: split.text, line: row.line.number },
      clock: time?.clock ?? null,
      depth: 0,
    };
  });
}

/** Works out each entry's instant, carrying dates forward and across midnight where the summary window says so. */
function placeEntries(drafts: DraftEntry[], context: TimelineContext, sectionZoneText: string | null): TimelineEntry[] {
  const sectionZone = parseZone(sectionZoneText) ?? context.zone;
  const windowCrossesMidnight = Boolean(context.windowStart && context.windowEnd && context.windowStart.slice(0, 10) !== context.windowEnd.slice(0, 10));
  let dayShift = 0;
  let previous: number | null = null;
  let lastExplicitDate: string | null = null;
  for (const draft of drafts) {
    const { clock } = draft;
    if (!clock) continue;
    const zone = clock.zoneText ? parseZone(clock.zoneText) ?? sectionZone : sectionZone;
    const ownDate = resolveYear(clock.date, draft.dayDate ?? context.date);
    if (ownDate || draft.dayDate) {
      if ((ownDate ?? draft.dayDate) !== lastExplicitDate) dayShift = 0;
      lastExplicitDate = ownDate ?? draft.dayDate;
    }
    const baseDate = ownDate ?? draft.dayDate ?? context.date;
    if (!baseDate) continue;
    let at = toIsoInstant(ownDate ? baseDate : addDays(baseDate, dayShift), clock, zone);
    if (!ownDate && previous !== null && instantMillis(at) < previous && windowCrossesMidnight) {
      // Only a step back that lands inside the window (give or take an hour) is a crossing of
      // midnight; anything else is an entry out of order, which lint should see as written.
      const shifted = toIsoInstant(addDays(baseDate, dayShift + 1), clock, zone);
      if (instantMillis(shifted) <= instantMillis(context.windowEnd as string) + 3600000) {
        dayShift++;
        at = shifted;
      }
    }
    draft.entry.at = at;
    previous = instantMillis(at);
  }
  return drafts.map((draft) => draft.entry);
}

/**
 * Fills in `at` for timeline entries that state a `time` but no instant (as answers files and
 * library callers usually do), the way the parser would read the same times in a file:
 * the postmortem's date and timezone, each entry's own date and zone, midnight crossings
 * within the summary window. Entries that already have `at` keep it.
 */
export function placeTimeline(postmortem: Postmortem): Postmortem {
  const drafts: DraftEntry[] = postmortem.timeline.map((entry) => {
    const time = entry.time && !entry.at ? readLeadingTime(entry.time) : null;
    return { entry: { ...entry }, clock: time?.clock ?? null, depth: 0, dayDate: null };
  });
  const placed = placeEntries(drafts, {
    date: postmortem.date,
    zone: parseZone(postmortem.timezone),
    windowStart: postmortem.summary.start,
    windowEnd: postmortem.summary.end,
  }, null);
  return { ...postmortem, timeline: placed.map((entry, index) => (postmortem.timeline[index]?.at ? { ...entry, at: postmortem.timeline[index]?.at ?? null } : entry)) };
}
