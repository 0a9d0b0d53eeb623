/**
 * timeline-timezone: every time in the timeline can be placed in a timezone, and one zone
 * label is used throughout. A label that means the same zone as the declared one (`UTC` in a
 * `GMT` document) is fixed by rewriting it; a time in another zone is reported, never converted.
 */
import { parseZone, type Zone } from '../../model/time.js';
import { zoneNamedIn } from '../../model/zone-names.js';
import { findTimes } from '../../parse/clock.js';
import { defineRule, type RuleContext } from '../types.js';
import { checkKnownOptions } from './support/options.js';
import { declaredZoneText, sectionsOf, summaryRanges } from './support/sections.js';
import { findOnLine } from './support/source-text.js';
import { placedEntries } from './support/timeline-times.js';

/** A zone label written somewhere in the document. */
interface ZoneMention {
  label: string;
  line: number;
  /** 1-based column to start looking for the label on its line. */
  fromColumn: number;
  /** What the label is attached to, for the message. */
  where: string;
}

// Labels that name UTC or a fixed offset from it: rewriting one into another never changes a time.
const UTC_FAMILY = /^(?:UTC|GMT|UT|Z)(?:\s*[+\-−–]\s*\d{1,2}(?::?\d{2})?)?$/i;
// A label short enough to write after every time; a long declaration ("South African Standard Time, UTC+2") is not rewritten into entries.
const SHORT_LABEL = /^(?:[A-Za-z]{1,5}(?:\s*[+\-−–]\s*\d{1,2}(?::?\d{2})?)?|[A-Z][A-Za-z_]+(?:\/[A-Za-z_+-]+)+)$/;

const normalizeLabel = (label: string): string => label.replace(/\s+/g, '').replace(/[−–]/g, '-').toUpperCase();

/** Whether two zones are the same zone: the same fixed offset, or the same IANA name. */
function sameZone(a: Zone, b: Zone): boolean {
  if (a.kind === 'fixed' && b.kind === 'fixed') return a.offsetMinutes === b.offsetMinutes;
  if (a.kind === 'iana' && b.kind === 'iana') return a.name === b.name;
  return false;
}

/** Whether a declared zone text already contains the label as a word ("South African Standard Time, UTC+2" and "UTC+2"). */
function declaredContains(declared: string, label: string): boolean {
  const target = normalizeLabel(label);
  return declared.split(/[\s,;()]+/).some((word) => normalizeLabel(word) === target);
}

/** Zone labels written with times in the summary, in the timeline headings and with timeline entries. */
function zoneMentions({ doc, text, lines }: RuleContext): ZoneMention[] {
  const mentions: ZoneMention[] = [];
  for (const range of summaryRanges(doc, lines)) {
    for (let line = range.line; line <= range.endLine; line++) {
      for (const time of findTimes(lines[line - 1] ?? '')) {
        const zoneText = time.clock?.zoneText;
        if (zoneText && !/^\d{4}-\d{2}-\d{2}[T ]/.test(time.written)) {
          mentions.push({ label: zoneText, line, fromColumn: time.index + 1, where: `the summary's "${time.written}"` });
        }
      }
    }
  }
  for (const section of sectionsOf(doc, 'timeline')) {
    const heading = lines[section.line - 1] ?? '';
    const inner = /\(([^()]*)\)/.exec(heading);
    const label = inner?.[1]?.replace(/^(?:all\s+)?times?\s+(?:are\s+)?(?:(?:listed|shown|given)\s+)?(?:in\s+)?/i, '').trim();
    if (inner && label && SHORT_LABEL.test(label) && parseZone(label)) {
      mentions.push({ label, line: section.line, fromColumn: inner.index + 1, where: 'the timeline heading' });
    }
  }
  for (const placed of placedEntries(doc)) {
    if (!placed.zoneLabel) continue;
    const time = placed.entry.time ?? '';
    const column = findOnLine(text, placed.line, time)?.column ?? 1;
    mentions.push({ label: placed.zoneLabel, line: placed.line, fromColumn: column, where: `"${time}"` });
  }
  return mentions;
}

export default defineRule({
  id: 'timeline-timezone',
  description: 'Every time can be placed in a timezone, and one timezone label is used throughout',
  tags: ['timeline', 'time'],
  severity: 'warn',
  fixable: true,
  defaultOptions: {},
  validateOptions: (options) => checkKnownOptions(options, []),
  check(context) {
    const { doc, text, lines, report } = context;
    const declared = declaredZoneText(doc, lines);
    const declaredZone = parseZone(declared);
    const placed = placedEntries(doc);
    if (!declaredZone || !declared) {
      const unplaced = placed.filter((entry) => entry.clock && !entry.zone);
      const first = unplaced[0];
      if (first) {
        const more = unplaced.length > 1 ? ` (and ${unplaced.length - 1} more)` : '';
        report({
          message: `"${first.entry.time}"${more} cannot be placed in a timezone: declare the zone once ("timezone: UTC" in front matter, or "## Timeline (UTC)") or write it with each time`,
          line: first.line,
        });
      }
      return;
    }
    for (const mention of zoneMentions(context)) {
      // "SAST" in a document declared in "South African Standard Time, UTC+2" is the declared label, abbreviated.
      const abbreviatesDeclared = zoneNamedIn(declared) === normalizeLabel(mention.label);
      if (normalizeLabel(mention.label) === normalizeLabel(declared) || declaredContains(declared, mention.label) || abbreviatesDeclared) continue;
      const zone = parseZone(mention.label);
      if (!zone) continue;
      const found = findOnLine(text, mention.line, mention.label, mention.fromColumn);
      const position = found ? { column: found.column, endLine: mention.line, endColumn: found.column + mention.label.length } : {};
      if (!sameZone(zone, declaredZone)) {
        report({
          message: `${mention.where} is in ${mention.label}, but the document's times are in ${declared}: convert it to ${declared} so that the timeline reads in one zone`,
          line: mention.line,
          ...position,
        });
        continue;
      }
      const fixable = found !== null && UTC_FAMILY.test(mention.label) && UTC_FAMILY.test(declared) && SHORT_LABEL.test(declared);
      report({
        message: `${mention.where} labels its zone "${mention.label}", but the document uses "${declared}" for the same zone: write "${declared}" throughout`,
        line: mention.line,
        ...position,
        ...(fixable && found ? { fix: { range: [found.start, found.end] as [number, number], text: declared } } : {}),
      });
    }
  },
});
