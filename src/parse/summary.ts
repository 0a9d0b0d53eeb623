/**
 * The issue summary: labelled lines (`- Duration: ...`, `**Impact:** ...`), free prose, and
 * what can be worked out from the prose (impact window, duration, share of users affected).
 */
import { addDays, instantMillis, minutesBetween, parseZone, toIsoInstant, type Zone } from '../model/time.js';
import { AFFECTED_WHO, findDate, findTimes, readAffectedPercent, readDuration, readPercent } from './clock.js';
import type { SourceLine } from './markdown-lines.js';
import { linesToText } from './sections.js';
import { readLabel, type SummaryLabel } from './summary-labels.js';

export { readLabel, type SummaryLabel };

/** What a summary says, field by field, before anything is worked out. */
export interface SummaryParts {
  labels: Map<SummaryLabel, { value: string; line: number }>;
  /** Everything that is not a labelled field (Markdown). */
  text: string | null;
}

/** Splits summary lines into labelled fields and free text. A label's value runs on over its item's continuation lines. */
export function readSummaryParts(lines: readonly SourceLine[]): SummaryParts {
  const labels = new Map<SummaryLabel, { value: string; line: number }>();
  const free: SourceLine[] = [];
  let open: { label: SummaryLabel; value: string; line: number } | null = null;
  for (const line of lines) {
    if (line.kind === 'blank') {
      open = null;
      free.push(line);
      continue;
    }
    const labelled = line.kind === 'text' ? readLabel(line.text) : null;
    if (labelled && (line.listItemDepth ?? 0) === 0) {
      open = { label: labelled.label, value: labelled.value, line: line.number };
      if (!labels.has(labelled.label)) labels.set(labelled.label, open);
      continue;
    }
    if (open && line.kind === 'text' && (line.listItemDepth === undefined || line.listItemDepth > 0)) {
      // Continuation lines, or the nested bullets under a label written alone ("- **Root Cause:**").
      const text = line.text.trim().replace(/^(?:[-*+]|\d{1,2}[.)])\s+/, '');
      open.value = open.value ? `${open.value} ${text}` : text;
      continue;
    }
    open = null;
    free.push(line);
  }
  // Removing labelled lines can leave runs of blank lines; one is enough between paragraphs.
  const compact = free.filter((line, index) => line.kind !== 'blank' || free[index - 1]?.kind !== 'blank');
  return { labels, text: linesToText(compact) };
}

/** The sentences of some prose. */
export function sentences(text: string): string[] {
  return text
    .replace(/\s+/g, ' ')
    .split(/(?<=[.!?])\s+(?=[A-Z0-9"'(])/)
    .map((sentence) => sentence.trim())
    .filter(Boolean);
}

/** The first sentence that says what users experienced. */
export function impactSentence(text: string): string | null {
  const candidates = sentences(text).filter((sentence) => (/\b(?:affect\w*|impact\w*|unable|could not|couldn'?t|unavailable|inaccessible|errors?|degraded|slow\w*|outage|down|lost|failed)\b/i.test(sentence) &&
      AFFECTED_WHO.test(sentence)));
  // A sentence that quantifies the impact says more than one that only mentions it.
  return candidates.find((sentence) => /\d\s*(?:%|percent)/.test(sentence)) ?? candidates[0] ?? null;
}

/** The first sentence that names the root cause. */
export function rootCauseSentence(text: string): string | null {
  for (const sentence of sentences(text)) {
    if (/\b(?:root cause|caused by|was due to|due to|because of|triggered by)\b/i.test(sentence)) return sentence;
  }
  return null;
}

/** The impact window worked out from text. */
export interface ImpactWindow {
  start: string | null;
  end: string | null;
  durationMinutes: number | null;
  /** The zone written with the window, as written. */
  zoneText: string | null;
  /** A date found with the window. */
  date: string | null;
}

// What may stand between the two ends of a window: emphasis, a zone in parentheses, a dash or word, a date.
const DECORATION = '(?:\\*\\*|__|\\*|_)*';
const MAX_RANGE_JOIN = 100;
const RANGE_JOIN = new RegExp(`^\\s*${DECORATION}\\s*(?:\\([^)]*\\)\\s*)?${DECORATION}\\s*(?:-|–|—|to|and|until|till|through|thru)\\s*${DECORATION}\\s*(?:[A-Za-z]{3,9}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s*(?:\\d{4})?,?|\\d{4}-\\d{2}-\\d{2},?)?\\s*(?:at\\s+)?$`, 'i');

/**
 * Works out start, end and duration from text such as "from 8:00 AM to 12:00 PM (GMT)",
 * "between 2:00 AM and 6:00 AM (UTC-4)", "May 10, 2024, 10:00 AM - 12:30 PM (UTC+2)".
 */
export function readImpactWindow(texts: ReadonlyArray<string | null | undefined>, fallbackDate: string | null, fallbackZone: Zone | null): ImpactWindow {
  for (const text of texts) {
    if (!text) continue;
    const times = findTimes(text);
    for (let index = 0; index + 1 < times.length; index++) {
      const first = times[index];
      const second = times[index + 1];
      if (!first?.clock || !second?.clock) continue;
      const between = text.slice(first.index + first.written.length, second.index);
      const before = text.slice(Math.max(0, first.index - 12), first.index);
      // What joins the two ends of a range is short; RANGE_JOIN backtracks polynomially over a long run of spaces, so longer text is not tried.
      if (!(between.length <= MAX_RANGE_JOIN && RANGE_JOIN.test(between)) && !(/\b(?:from|between)\s*$/i.test(before) && /^\s*(?:to|and|until|till)\s*$/i.test(between))) continue;
      const zoneText = second.clock.zoneText ?? first.clock.zoneText;
      const zone = parseZone(zoneText) ?? fallbackZone;
      const foundDate = findDate(text);
      const date = first.clock.date ?? (foundDate?.hasYear ? foundDate.date : null) ?? fallbackDate;
      const betweenDate = findDate(between);
      const endDate = second.clock.date ?? (betweenDate?.hasYear ? betweenDate.date : null);
      if (!date) {
        const minutes = (second.clock.hour * 60 + second.clock.minute) - (first.clock.hour * 60 + first.clock.minute);
        return { start: null, end: null, durationMinutes: minutes > 0 ? minutes : minutes + 1440, zoneText, date: null };
      }
      const start = toIsoInstant(date, first.clock, zone);
      let end = toIsoInstant(endDate ?? date, second.clock, zone);
      if (!endDate && instantMillis(end) <= instantMillis(start)) end = toIsoInstant(addDays(date, 1), second.clock, zone);
      return { start, end, durationMinutes: minutesBetween(start, end), zoneText, date };
    }
  }
  for (const [index, text] of texts.entries()) {
    // The first text is the labelled Duration value; the others are prose.
    const minutes = text ? readDuration(text, { inProse: index > 0 }) : null;
    if (minutes !== null) return { start: null, end: null, durationMinutes: minutes, zoneText: null, date: null };
  }
  return { start: null, end: null, durationMinutes: null, zoneText: null, date: null };
}

/** The share of users affected: a labelled value, else a sentence about users. */
export function readUsersAffected(labelled: string | null | undefined, texts: ReadonlyArray<string | null | undefined>): number | null {
  if (labelled) {
    const value = readPercent(labelled);
    if (value !== null) return value;
  }
  for (const text of texts) {
    const value = text ? readAffectedPercent(text) : null;
    if (value !== null) return value;
  }
  return null;
}
