/**
 * Where the parts of a postmortem are in the file, as the lint rules need them: the sections
 * the parser found, the summary (a section, or the preamble when there is none) and where the
 * body starts, so that problems about a whole part point at its heading.
 */
import type { Postmortem, SectionKind, SectionLocation } from '../../../model/postmortem.js';
import { parseZone } from '../../../model/time.js';
import { findTimes } from '../../../parse/clock.js';

/** A run of lines, 1-based and inclusive. */
export interface LineRange {
  line: number;
  endLine: number;
}

/** The sections of the given kinds, in source order. */
export function sectionsOf(doc: Postmortem, ...kinds: SectionKind[]): SectionLocation[] {
  return (doc.source?.sections ?? []).filter((section) => kinds.includes(section.kind));
}

/** The first line of the body: the line after the front matter. */
export function bodyStartLine(doc: Postmortem): number {
  return (doc.source?.frontMatterLines ?? 0) + 1;
}

/**
 * The lines the summary was read from: its sections (with any impact sections), or, when
 * the document has no summary section, the preamble before the first section, which is
 * where the parser read the summary from.
 */
export function summaryRanges(doc: Postmortem, lines: readonly string[]): LineRange[] {
  const summaries = sectionsOf(doc, 'summary', 'impact');
  if (sectionsOf(doc, 'summary').length > 0) return summaries.map(({ line, endLine }) => ({ line, endLine }));
  const first = doc.source?.sections[0]?.line ?? lines.length + 1;
  const preamble = { line: bodyStartLine(doc), endLine: first - 1 };
  const ranges = preamble.endLine >= preamble.line ? [preamble] : [];
  return [...ranges, ...summaries.map(({ line, endLine }) => ({ line, endLine }))];
}

/** Whether the document has a summary at all: a summary section, or summary prose the parser found. */
export function hasSummary(doc: Postmortem): boolean {
  if (sectionsOf(doc, 'summary').length > 0) return true;
  const { text, impact, rootCause, durationMinutes } = doc.summary;
  return Boolean(text || impact || rootCause || durationMinutes !== null);
}

/** The line a problem about the summary as a whole points at: its heading, or the first line of the body. */
export function summaryLine(doc: Postmortem, lines: readonly string[]): number {
  const heading = sectionsOf(doc, 'summary')[0]?.line;
  if (heading !== undefined) return heading;
  const start = bodyStartLine(doc);
  for (let line = start; line <= lines.length; line++) if ((lines[line - 1] ?? '').trim() !== '') return line;
  return start;
}

/** The text of a run of lines, joined with newlines. */
export function textOf(lines: readonly string[], range: LineRange): string {
  return lines.slice(range.line - 1, range.endLine).join('\n');
}

/** Whether a section starts with a label line (`Root Cause:`, `**Impact:**`) rather than a Markdown heading. */
export function headingIsLabel(lines: readonly string[], line: number): boolean {
  const text = lines[line - 1] ?? '';
  const next = lines[line] ?? '';
  return !/^ {0,3}#{1,6}(?:\s|$)/.test(text) && !/^ {0,3}(?:=+|-+)\s*$/.test(next);
}

const ZONE_TOKEN = /\b(?:UTC|GMT|UT)\s*[+\-−–]\s*\d{1,2}(?::?\d{2})?(?!\d)|\b[A-Z][a-z]+\/[A-Za-z_]+(?:\/[A-Za-z_]+)?|\b[A-Z]{2,5}\b/g;

/**
 * The zone the document declares: the model's, or else a zone named on a summary line that
 * gives a time ("From 6:00 am to 12:16 pm, GMT+1") or on a line about times at the top of the
 * timeline ("( All times EDT )"): the parser does not read every way of declaring a zone.
 */
export function declaredZoneText(doc: Postmortem, lines: readonly string[]): string | null {
  if (doc.timezone) return doc.timezone.trim();
  const firstEntry = doc.timeline.find((entry) => entry.line !== undefined)?.line;
  for (const section of sectionsOf(doc, 'timeline')) {
    for (let line = section.line; line <= section.endLine && (firstEntry === undefined || line < firstEntry); line++) {
      const text = lines[line - 1] ?? '';
      if (!/\btimes?\b/i.test(text)) continue;
      for (const token of text.matchAll(ZONE_TOKEN)) if (parseZone(token[0])) return token[0];
    }
  }
  for (const range of summaryRanges(doc, lines)) {
    for (let line = range.line; line <= range.endLine; line++) {
      const text = lines[line - 1] ?? '';
      if (findTimes(text).length === 0) continue;
      for (const token of text.matchAll(ZONE_TOKEN)) if (parseZone(token[0])) return token[0];
    }
  }
  return null;
}
