/**
 * Where the parts of a postmortem are in the file, as the lint rules need them: the sections
 * the parser found, the summary (a section, or the preamble when there is none) and where the
 * body starts, so that problems about a whole part point at its heading.
 */
import type { Postmortem, SectionKind, SectionLocation } from '../../../model/postmortem.js';
import { parseZone } from '../../../model/time.js';
import { findTimes } from '../../../parse/clock.js';
import { zoneNamedIn } from '../../../model/zone-names.js';

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
 * The lines that hold the summary: its sections (with any impact sections), or, when the
 * document has no summary section, what comes before the first recognised section: the
 * preamble, where the parser reads the summary from, and any unnamed sections there
 * ("# An Outage Experience I Had" under the title, then the summary paragraph).
 */
export function summaryRanges(doc: Postmortem, lines: readonly string[]): LineRange[] {
  const summaries = sectionsOf(doc, 'summary', 'impact').map(({ line, endLine }) => ({ line, endLine }));
  if (sectionsOf(doc, 'summary').length > 0) return summaries;
  const sections = doc.source?.sections ?? [];
  const firstKnown = sections.find((section) => section.kind !== 'other')?.line ?? lines.length + 1;
  const opening = { line: bodyStartLine(doc), endLine: firstKnown - 1 };
  return [...(opening.endLine >= opening.line ? [opening] : []), ...summaries];
}

/** Whether the document has a summary at all: a summary section, or summary prose the parser found. */
export function hasSummary(doc: Postmortem): boolean {
  return sectionsOf(doc, 'summary').length > 0 || summaryHasContent(doc);
}

/**
 * Whether the summary says anything. The summary rules judge what it says; an empty summary
 * section is one problem for no-placeholders, not four.
 */
export function summaryHasContent(doc: Postmortem): boolean {
  const { text, impact, rootCause, durationMinutes, start, end, usersAffectedPercent } = doc.summary;
  return Boolean(text || impact || rootCause || start || end || durationMinutes !== null || usersAffectedPercent !== null);
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

/** Whether a section's heading line holds text after the section's name (`Impact: 20% of users`, `# Root Cause: the disk filled`). */
export function headingCarriesText(section: SectionLocation, lines: readonly string[]): boolean {
  // The parser keeps a short "Root Cause: the disk filled" whole as the heading.
  if (/:\s*\S/.test(section.heading)) return true;
  const headingLine = lines[section.line - 1] ?? '';
  return /\w/.test(headingLine.replace(section.heading, '').replace(/^\s*(?:[-*+]\s+|\d{1,2}[.)]\s+)?/, '').replace(/[#*_:\s]/g, ''));
}

/** Whether a section starts with a label line (`Root Cause:`, `**Impact:**`) rather than a Markdown heading. */
export function headingIsLabel(lines: readonly string[], line: number): boolean {
  const text = lines[line - 1] ?? '';
  const next = lines[line] ?? '';
  return !/^ {0,3}#{1,6}(?:\s|$)/.test(text) && !/^ {0,3}(?:=+|-+)\s*$/.test(next);
}

const ZONE_TOKEN = /\b(?:UTC|GMT|UT)\s*[+\-−–]\s*\d{1,2}(?::?\d{2})?(?!\d)|\b[A-Z][a-z]+\/[A-Za-z_]+(?:\/[A-Za-z_]+)?|\b[A-Z]{2,5}\b/g;

/**
 * The zone the document declares: the model's, or else one the parser did not read: written
 * out in words ("Timeline (times in Greenwich Mean Time)", "9:10 AM West African Time"), named
 * on a summary line that gives a time ("From 6:00 am to 12:16 pm, GMT+1"), or on a line about
 * times at the top of the timeline ("( All times EDT )").
 */
export function declaredZoneText(doc: Postmortem, lines: readonly string[]): string | null {
  if (doc.timezone) return doc.timezone.trim();
  const zoneOn = (text: string): string | null => {
    const named = zoneNamedIn(text);
    if (named) return named;
    for (const token of text.matchAll(ZONE_TOKEN)) if (parseZone(token[0])) return token[0];
    return null;
  };
  for (const range of summaryRanges(doc, lines)) {
    for (let line = range.line; line <= range.endLine; line++) {
      const text = lines[line - 1] ?? '';
      const zone = findTimes(text).length > 0 ? zoneOn(text) : null;
      if (zone) return zone;
    }
  }
  const firstEntry = doc.timeline.find((entry) => entry.line !== undefined)?.line;
  for (const section of sectionsOf(doc, 'timeline')) {
    const heading = zoneNamedIn(lines[section.line - 1] ?? '');
    if (heading) return heading;
    for (let line = section.line + 1; line <= section.endLine && (firstEntry === undefined || line < firstEntry); line++) {
      const text = lines[line - 1] ?? '';
      const zone = /\btimes?\b/i.test(text) ? zoneOn(text) : null;
      if (zone) return zone;
    }
  }
  return null;
}
