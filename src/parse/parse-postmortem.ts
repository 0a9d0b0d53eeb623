/**
 * Markdown (with optional YAML front matter) -> Postmortem. Reads what people really write:
 * see docs/format.md for everything it recognises.
 */
import { emptyPostmortem, POSTMORTEM_STATUSES, type Postmortem, type PostmortemStatus, type SectionLocation, type TimelineEntry } from '../model/postmortem.js';
import { PostmortemError } from '../model/errors.js';
import { parseZone, zonedMinutesBetween } from '../model/time.js';
import { classifyTimelineEntry } from '../model/timeline-milestones.js';
import { findDate } from './clock.js';
import { parseCorrectiveActions } from './corrective-actions.js';
import { splitFrontMatter } from './front-matter.js';
import { analyzeLines, type SourceLine } from './markdown-lines.js';
import { splitRootCauseAndResolution } from './root-cause-resolution.js';
import { classifyHeading, isTitleHeading, linesToText, splitSections, unwrapEmphasis, type Section } from './sections.js';
import { impactSentence, readImpactWindow, readLabel, readSummaryParts, readUsersAffected, rootCauseSentence, type SummaryLabel } from './summary.js';
import { looksLikeTimeline, parseTimeline } from './timeline.js';

/** Options for {@link parsePostmortem}. */
export interface ParseOptions {
  /** The file the text came from, used in error messages and `source.filePath`. */
  filePath?: string | null;
}

type ParsedSection = Section & { headingKind: ReturnType<typeof classifyHeading> };

/** The front matter keys a postmortem's reviewers are read from, the first present winning. */
export const REVIEWERS_KEYS: readonly string[] = ['reviewers', 'reviewer', 'reviewed_by', 'reviewedBy', 'reviewed-by'];

/** The front matter keys the review date is read from, the first present winning. */
export const REVIEWED_AT_KEYS: readonly string[] = ['reviewedAt', 'reviewed_at', 'reviewed-at', 'reviewed'];

/** Reads a status as people write it (`Draft`, `In review`, `Final`, `Complete`). */
export function normalizeStatus(value: unknown): PostmortemStatus | null {
  if (typeof value !== 'string') return null;
  const text = value.trim().toLowerCase().replace(/[\s_]+/g, '-');
  if ((POSTMORTEM_STATUSES as readonly string[]).includes(text)) return text as PostmortemStatus;
  if (/^(?:review|in-progress|under-review|reviewing|pending-review)$/.test(text)) return 'in-review';
  if (/^(?:complete|completed|published|done|closed|approved|finished)$/.test(text)) return 'final';
  if (/^(?:wip|work-in-progress|draft-\w+)$/.test(text)) return 'draft';
  return null;
}

function stringOrNull(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

function authorsFrom(value: unknown): string[] {
  if (Array.isArray(value)) return value.map((item) => stringOrNull(item)).filter((item): item is string => item !== null);
  const text = stringOrNull(value);
  if (!text) return [];
  return text.split(/,|;|\band\b|&/).map((name) => name.trim()).filter(Boolean);
}

/** A list of short names: a YAML list, or one string of comma-separated names. */
function listFrom(value: unknown): string[] {
  const items = Array.isArray(value) ? value.map((item) => stringOrNull(item)) : (stringOrNull(value)?.split(/[,;]/) ?? []);
  const seen = new Set<string>();
  for (const item of items) if (item && item.trim()) seen.add(item.trim());
  return [...seen];
}

/** The value of the first of these front matter keys that is present (an own key: `__proto__` is no key). */
function firstKey(data: Record<string, unknown>, keys: readonly string[]): unknown {
  for (const key of keys) if (Object.hasOwn(data, key)) return data[key];
  return undefined;
}

function dateFrom(value: unknown): string | null {
  const text = stringOrNull(value);
  if (!text) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  const found = findDate(text);
  return found?.hasYear ? found.date : null;
}

/** Appends in a loop: `push(...items)` overflows the call stack for a file with 100,000+ items. */
function appendAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

function joinTexts(parts: ReadonlyArray<string | null>): string | null {
  const present = parts.filter((part): part is string => Boolean(part && part.trim()));
  return present.length > 0 ? present.join('\n\n') : null;
}

/** The title: a first heading that names no section, or a short first line that reads like one. */
function titleFrom(preamble: ParsedSection): { title: string | null; line: SourceLine | null } {
  for (const line of preamble.lines) {
    if (line.kind === 'blank') continue;
    if (line.kind === 'heading') {
      const heading = unwrapEmphasis(line.headingText ?? '');
      return isTitleHeading({ level: line.headingLevel ?? 1, heading }) ? { title: heading || null, line } : { title: null, line: null };
    }
    const text = line.text.trim().replace(/^(?:\*\*|__)(.*)(?:\*\*|__)$/, '$1').trim();
    if (line.kind === 'text' && text.length <= 120 && !/[.!?:]$/.test(text) && !readLabel(text) &&
      (/\b(?:post-?mortem|incident|outage|report|rca)\b/i.test(text) || /^(?:\*\*|__).*(?:\*\*|__)$/.test(line.text.trim()))) {
      return { title: text, line };
    }
    break;
  }
  // A document whose first line is a section (as student postmortems often are) has no title line.
  return { title: null, line: null };
}

/** The entry with its milestone kind, keys in the model's order. */
function withKind({ time, at, label, text, line }: TimelineEntry): TimelineEntry {
  return { time, at, label, text, kind: classifyTimelineEntry({ label, text }), ...(line === undefined ? {} : { line }) };
}

/** Parses a Markdown postmortem into the model. Throws `PostmortemError` for malformed front matter. */
export function parsePostmortem(text: string, options: ParseOptions = {}): Postmortem {
  const filePath = options.filePath ?? null;
  if (typeof text !== 'string') throw new PostmortemError('expected the text of a postmortem', { filePath });
  const source = text.replace(/^\uFEFF/, '');
  const front = splitFrontMatter(source, filePath);
  const data = front.data ?? {};
  const lines = analyzeLines(front.body, front.bodyLineOffset);
  const sections = splitSections(lines);
  // A section under any heading whose items mostly begin with a time is a timeline.
  for (const section of sections) {
    if (section.kind === 'other' && section.headingKind === null && looksLikeTimeline(section.lines)) section.kind = 'timeline';
  }
  const model = emptyPostmortem();
  const locations: SectionLocation[] = [];

  const preamble = sections[0] as ParsedSection;
  const summarySections = sections.filter((section) => section.kind === 'summary');
  const title = titleFrom(preamble);
  const preambleLines = preamble.lines.filter((line) => line !== title.line);

  // Summary: its sections, or the preamble when there is no summary section.
  const summaryLines: SourceLine[] = summarySections.length > 0
    ? summarySections.flatMap((section, index) => {
      const head = section.inlineText ? [{ ...(section.headingLine as SourceLine), text: section.inlineText }] : [];
      return index === 0 ? [...head, ...section.lines] : [{ ...(section.headingLine as SourceLine), kind: 'blank' as const, text: '' }, ...head, ...section.lines];
    })
    : preambleLines;
  const summary = readSummaryParts(summaryLines);
  // Metadata labels in the preamble count even when the summary is a section of its own.
  const preambleParts = summarySections.length > 0 ? readSummaryParts(preambleLines) : summary;
  const label = (name: SummaryLabel): string | null => summary.labels.get(name)?.value || preambleParts.labels.get(name)?.value || null;

  const metadataSection = (pattern: RegExp): string | null => {
    const section = sections.find((candidate) => candidate.headingKind === 'metadata' && pattern.test(candidate.heading.trim()));
    return section ? linesToText(section.lines, section.inlineText) : null;
  };

  model.title = stringOrNull(data.title) ?? title.title;
  model.severity = stringOrNull(data.severity) ?? label('severity') ?? metadataSection(/^severity$/i);
  model.status = normalizeStatus(data.status) ?? normalizeStatus(label('status')) ?? normalizeStatus(metadataSection(/^status$/i));
  model.reviewers = authorsFrom(firstKey(data, REVIEWERS_KEYS));
  model.reviewedAt = dateFrom(firstKey(data, REVIEWED_AT_KEYS));
  model.services = listFrom(firstKey(data, ['services', 'service', 'affected_services', 'affectedServices', 'affected-services']));
  model.tags = listFrom(firstKey(data, ['tags', 'tag', 'contributing_factors', 'contributingFactors', 'contributing-factors']));
  model.authors = data.authors !== undefined ? authorsFrom(data.authors) : data.author !== undefined ? authorsFrom(data.author) : authorsFrom(label('authors') ?? metadataSection(/^authors?$/i)?.replace(/^[ \t]*[-*+]\s+/gm, '').replace(/\n/g, ', ') ?? null);

  const impactSections = sections.filter((section) => section.kind === 'impact');
  const impactText = joinTexts(impactSections.map((section) => linesToText(section.lines, section.inlineText)));
  const summaryText = summary.text;
  model.date = dateFrom(data.date)
    ?? dateFrom(label('date'))
    ?? [label('duration'), label('start'), summaryText, metadataSection(/^(?:date|dates|incident dates?)$/i), linesToText(preambleLines), model.title].map((value) => (value ? findDate(value) : null)).find((found) => found?.hasYear)?.date
    ?? null;

  // Timezone as declared: front matter, the summary's window, the timeline heading, the entries.
  const frontZoneText = stringOrNull(data.timezone) ?? label('timezone');
  const window = readImpactWindow([label('duration'), [label('start'), label('end')].filter(Boolean).join(' to ') || null, summaryText, impactText, label('impact')], model.date, parseZone(frontZoneText));
  const timelineSections = sections.filter((section) => section.kind === 'timeline');
  const headingZoneText = timelineSections.map((section) => /\(([^()]*)\)/.exec(section.heading)?.[1] ?? null).find((zoneText) => zoneText && parseZone(zoneText)) ?? null;
  const headingZone = headingZoneText ? headingZoneText.replace(/^(?:all\s+)?times?\s+(?:are\s+)?(?:in\s+|listed in\s+)?/i, '').trim() : null;
  let declaredZone = frontZoneText ?? window.zoneText ?? headingZone;
  model.date ??= window.date;

  const start = stringOrNull(data.start) ?? window.start;
  const end = stringOrNull(data.end) ?? window.end;
  model.summary = {
    text: summaryText,
    start,
    end,
    // Worked out from start and end below, once the timezone is known.
    durationMinutes: window.durationMinutes,
    impact: label('impact') ?? impactText ?? (summaryText ? impactSentence(summaryText) : null),
    usersAffectedPercent: readUsersAffected(label('percent'), [label('impact'), impactText, summaryText]),
    rootCause: label('rootCause') ?? null,
  };

  // Timeline.
  for (const section of timelineSections) {
    const headingDate = findDate(section.heading);
    const { entries, zoneText } = parseTimeline(section.lines, {
      date: model.date,
      headingDate: headingDate?.hasYear ? headingDate.date : null,
      zone: parseZone(headingZone ?? declaredZone),
      windowStart: model.summary.start,
      windowEnd: model.summary.end,
    });
    appendAll(model.timeline, entries.map(withKind));
    declaredZone ??= zoneText;
  }
  if (!declaredZone) {
    const entryZone = model.timeline.map((entry) => (entry.time ? /\b(UTC|GMT)(?:\s*[+-]\d{1,2}(?::?\d{2})?)?|\b[A-Z]{2,5}\b/.exec(entry.time.replace(/\b[AP]M\b/i, ''))?.[0] ?? null : null)).find((zoneText) => zoneText && parseZone(zoneText));
    declaredZone = entryZone ?? null;
  }
  model.timezone = declaredZone;
  if (start && end) {
    // Times without an offset are the declared zone's wall clock (not this machine's, as
    // Date.parse would read them): across a daylight-saving change the span is as it really was.
    const minutes = zonedMinutesBetween(start, end, model.timezone);
    if (!Number.isNaN(minutes)) model.summary.durationMinutes = minutes;
  }

  // Root cause, resolution, corrective actions, lessons, conclusion, everything else.
  const rootCauses: Array<string | null> = [];
  const resolutions: Array<string | null> = [];
  const lessons: Array<string | null> = [];
  const conclusions: Array<string | null> = [];
  for (const section of sections) {
    const body = (): string | null => linesToText(section.lines, section.inlineText);
    if (section.kind !== 'preamble' && section.headingLine) {
      const last = section.lines.filter((line) => line.kind !== 'blank').at(-1) ?? section.headingLine;
      locations.push({ kind: section.kind, heading: section.heading, line: section.headingLine.number, endLine: last.number });
    }
    switch (section.kind) {
      case 'rootCause':
        rootCauses.push(body());
        break;
      case 'resolution':
        resolutions.push(body());
        break;
      case 'rootCauseAndResolution': {
        const split = splitRootCauseAndResolution(section);
        rootCauses.push(split.rootCause);
        resolutions.push(split.resolution);
        break;
      }
      case 'correctiveActions': {
        const measures = parseCorrectiveActions(section.inlineText ? [{ ...(section.headingLine as SourceLine), text: section.inlineText }, ...section.lines] : section.lines, section.heading);
        appendAll(model.correctiveActions.improvements, measures.improvements);
        appendAll(model.correctiveActions.tasks, measures.tasks);
        break;
      }
      case 'lessonsLearned': {
        const text = body();
        const named = /^lessons?\b/i.test(section.heading.trim()) ? null : `**${section.heading.replace(/:\s*$/, '')}**`;
        lessons.push(text && named ? `${named}\n\n${text}` : text ?? named);
        break;
      }
      case 'conclusion':
        conclusions.push(body());
        break;
      case 'other': {
        if (section.headingKind === 'trigger' && !model.summary.rootCause) {
          model.summary.rootCause = body();
          break;
        }
        model.otherSections.push({ heading: section.heading, text: body() ?? '', line: section.headingLine?.number ?? 1 });
        break;
      }
      default:
        break;
    }
  }
  model.rootCause = joinTexts(rootCauses);
  model.resolution = joinTexts(resolutions);
  model.lessonsLearned = joinTexts(lessons);
  model.conclusion = joinTexts(conclusions);
  model.summary.rootCause ??= summaryText ? rootCauseSentence(summaryText) : null;

  // The preamble is kept when the summary came from its own section.
  if (summarySections.length > 0) {
    const rest = linesToText(preambleLines.filter((line) => !(line.kind === 'text' && readLabel(line.text))));
    if (rest) model.otherSections.unshift({ heading: '', text: rest, line: preambleLines.find((line) => line.kind !== 'blank')?.number ?? 1 });
  }

  model.source = {
    filePath,
    sections: locations,
    frontMatterLines: front.bodyLineOffset,
    frontMatter: front.data,
  };
  return model;
}
