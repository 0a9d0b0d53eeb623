/**
 * The checks every answer of `postmortem new` goes through, whether it is typed at a prompt
 * (as inquirer's `validate`), given as a flag, read from `--answers` or resumed from a draft.
 * Each check is a pure function from the text as given to either the value the model needs
 * or a message that says what to type instead. Nothing here reads the clock, the file system
 * or the environment: today's date and the like are passed in.
 */
import { readLeadingTime } from '../../parse/clock.js';
import { dayjs } from '../../model/dayjs.js';
import { DEFAULT_SEVERITIES } from '../../model/postmortem.js';
import { formatDuration, minutesBetween, parseZone, toIsoInstant, type ClockTime } from '../../model/time.js';
import { readDueDate } from './read-due-date.js';

/** The outcome of a check: the value to use, or the message to show. */
export type Checked<Value> = { ok: true; value: Value } | { ok: false; message: string };

const accept = <Value>(value: Value): Checked<Value> => ({ ok: true, value });
const reject = <Value = never>(message: string): Checked<Value> => ({ ok: false, message });

/** Adapts a check to inquirer's `validate`: `true`, or the message. */
export function asValidator<Value>(check: (text: string) => Checked<Value>): (text: string) => true | string {
  return (text) => {
    const result = check(text);
    return result.ok ? true : result.message;
  };
}

// The severities offered when config names none: the model's default list, also the lint rule's.
export { DEFAULT_SEVERITIES };

const MAX_LINE = 300;

function singleLine(text: string, what: string, maxLength = MAX_LINE): Checked<string> {
  const value = text.trim();
  if (/[\r\n]/.test(value)) return reject(`${what} must be one line`);
  if (value.length > maxLength) return reject(`${what} is too long (${value.length} characters; at most ${maxLength})`);
  return accept(value);
}

/** A required one-line answer (title, impact, the root cause in one sentence). */
export function checkRequiredLine(text: string, what: string, maxLength = MAX_LINE): Checked<string> {
  if (text.trim() === '') return reject(`${what} is required`);
  return singleLine(text, what, maxLength);
}

/** An optional one-line answer: empty means none. */
export function checkOptionalLine(text: string, what: string, maxLength = MAX_LINE): Checked<string | null> {
  if (text.trim() === '') return accept(null);
  return singleLine(text, what, maxLength);
}

/** Required Markdown text of any length (the resolution). Trailing blank lines are dropped. */
export function checkRequiredText(text: string, what: string): Checked<string> {
  const value = tidyText(text);
  return value === null ? reject(`${what} is required`) : accept(value);
}

/** Optional Markdown text of any length (root cause in full, lessons learned): empty means none. */
export function checkOptionalText(text: string): Checked<string | null> {
  return accept(tidyText(text));
}

/** Trailing spaces and blank lines at either end are noise from editors; inner blank lines are paragraphs. */
function tidyText(text: string): string | null {
  const value = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/^\n+|(?<!\n)\n+$/g, '');
  return value.trim() === '' ? null : value;
}

/** The title: required, one line. */
export function checkTitle(text: string): Checked<string> {
  return checkRequiredLine(text, 'the title', 200);
}

/**
 * The incident date, YYYY-MM-DD, a real calendar day, not after tomorrow (an incident in a
 * zone ahead of the writer's can be on "tomorrow" for them).
 */
export function checkIncidentDate(text: string, today: string): Checked<string> {
  const value = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return reject(`write the date as YYYY-MM-DD, for example ${today}`);
  if (!dayjs(value, 'YYYY-MM-DD', true).isValid()) return reject(`${value} is not a calendar date`);
  if (value > dayjs(today, 'YYYY-MM-DD').add(1, 'day').format('YYYY-MM-DD')) return reject(`${value} is in the future; the incident date is when it happened`);
  return accept(value);
}

/** A severity from the configured list, matched without regard to case and written as the list writes it. */
export function checkSeverity(text: string, severities: readonly string[] = DEFAULT_SEVERITIES): Checked<string> {
  const value = text.trim();
  if (value === '') return reject(`the severity is required: one of ${severities.join(', ')}`);
  const found = severities.find((severity) => severity.toLowerCase() === value.toLowerCase());
  return found === undefined ? reject(`"${value}" is not a severity; use one of ${severities.join(', ')}`) : accept(found);
}

/** Authors, comma- or semicolon-separated; may be empty. */
export function checkAuthors(text: string): Checked<string[]> {
  const line = singleLine(text, 'the authors');
  if (!line.ok) return line;
  const names = line.value.split(/[,;]/).map((name) => name.trim()).filter(Boolean);
  if (names.some((name) => name.length > 100)) return reject('separate the authors with commas (a name is at most 100 characters)');
  return accept(names);
}

/** The longest service name or tag: a short name, not a sentence. */
export const MAX_NAME_LENGTH = 60;

/** The most services or tags one postmortem lists. */
export const MAX_NAMES = 20;

/**
 * A comma-separated list of short names (`checkout-api, payments`), for the affected services
 * and the contributing-factor tags; may be empty. A name seen twice (in any case) is kept once.
 */
export function checkNameList(text: string, what: 'service' | 'tag'): Checked<string[]> {
  const plural = `${what}s`;
  const line = singleLine(text, `the ${plural}`, MAX_NAMES * (MAX_NAME_LENGTH + 2));
  if (!line.ok) return line;
  const names: string[] = [];
  for (const name of line.value.split(/[,;]/).map((part) => part.trim()).filter(Boolean)) {
    if (/[\u0000-\u001f\u007f]/.test(name)) return reject(`the ${plural} must be plain text`);
    if (name.length > MAX_NAME_LENGTH) return reject(`"${name.slice(0, 20)}…" is long for a ${what} (at most ${MAX_NAME_LENGTH} characters); separate the ${plural} with commas`);
    if (!names.some((known) => known.toLowerCase() === name.toLowerCase())) names.push(name);
  }
  if (names.length > MAX_NAMES) return reject(`at most ${MAX_NAMES} ${plural}, not ${names.length}`);
  return accept(names);
}

/** The affected services, comma-separated; may be empty. */
export function checkServices(text: string): Checked<string[]> {
  return checkNameList(text, 'service');
}

/** The contributing-factor tags, comma-separated; may be empty. */
export function checkTags(text: string): Checked<string[]> {
  return checkNameList(text, 'tag');
}

const OFFSET_ZONE = /^(UTC|GMT)\s*([+\-−])\s*(\d{1,2})(?::?(\d{2}))?$/i;
const ZONE_HELP = 'use an IANA name (Europe/Berlin, America/New_York), UTC, GMT or an offset such as UTC-4 or UTC+05:30';

/**
 * A timezone as the document will declare it: `UTC`, `GMT`, `UTC-4`, `UTC+05:30`, an IANA
 * name (`america/new_york` becomes `America/New_York`) or a common abbreviation (`PST`).
 * Written the canonical way so that the parser reads it back.
 */
export function checkTimezone(text: string): Checked<string> {
  const value = text.trim();
  if (value === '') return reject(`the timezone is required: ${ZONE_HELP}`);
  if (/^(?:utc|gmt|z)$/i.test(value)) return accept(value.toUpperCase() === 'Z' ? 'UTC' : value.toUpperCase());
  const offset = OFFSET_ZONE.exec(value);
  if (offset) {
    const hours = Number(offset[3]);
    const minutes = Number(offset[4] ?? 0);
    if (hours > 14 || minutes > 59 || hours * 60 + minutes > 14 * 60) return reject(`${value} is not a UTC offset (at most 14 hours)`);
    const sign = offset[2] === '+' ? '+' : '-';
    const canonical = `${(offset[1] as string).toUpperCase()}${sign}${hours}${minutes ? `:${String(minutes).padStart(2, '0')}` : ''}`;
    return accept(hours === 0 && minutes === 0 ? (offset[1] as string).toUpperCase() : canonical);
  }
  if (value.includes('/')) {
    let canonical: string;
    try {
      canonical = new Intl.DateTimeFormat('en-US', { timeZone: value }).resolvedOptions().timeZone;
    } catch {
      return reject(`unknown timezone "${value}": ${ZONE_HELP}`);
    }
    return parseZone(canonical) ? accept(canonical) : reject(`unknown timezone "${value}": ${ZONE_HELP}`);
  }
  if (/^[A-Za-z]{2,5}$/.test(value) && parseZone(value.toUpperCase())) return accept(value.toUpperCase());
  return reject(`unknown timezone "${value}": ${ZONE_HELP}`);
}

/** A time of day as typed, placed on a date in a timezone. */
export interface PlacedTime {
  /** The time as written (`14:05`, `2:05 PM`, `2026-03-15 01:10`): what a timeline entry keeps. */
  written: string;
  /** The day it falls on, YYYY-MM-DD. */
  date: string;
  /** The instant, ISO 8601 with offset. */
  at: string;
  /** Whether the text named its own date. */
  hasDate: boolean;
}

/** Where a typed time is placed when it names no date or zone of its own. */
export interface TimePlacement {
  /** The day, YYYY-MM-DD. */
  date: string;
  /** The document's timezone, as {@link checkTimezone} accepts it. */
  timezone: string;
}

const TIME_HELP = 'write a time such as 14:05 or 2:05 PM (for another day, add the date: 2026-03-15 01:10)';

/**
 * A time of day as people type it (`14:05`, `2:05 PM`, `2pm`, `2026-03-15 01:10`,
 * `14:05 UTC`), read the way the parser reads timeline times so that the written file reads
 * back to the same instant.
 */
export function checkTime(text: string, placement: TimePlacement): Checked<PlacedTime> {
  const value = text.trim();
  if (value === '') return reject(`the time is required: ${TIME_HELP}`);
  const read = readLeadingTime(value);
  if (!read?.clock || read.rest !== '' || read.written !== value) return reject(`"${value}" is not a time: ${TIME_HELP}`);
  const clock: ClockTime = read.clock;
  let date = placement.date;
  if (clock.date) {
    // "Mar 15 01:10" names no year: the incident's is meant.
    date = clock.date.startsWith('0000-') ? `${placement.date.slice(0, 4)}${clock.date.slice(4)}` : clock.date;
    if (!dayjs(date, 'YYYY-MM-DD', true).isValid()) return reject(`"${value}" is not a real date and time`);
  }
  const zone = parseZone(clock.zoneText ?? placement.timezone);
  if (!zone) return reject(`"${value}": unknown timezone; ${ZONE_HELP}`);
  return accept({ written: value, date, at: toIsoInstant(date, clock, zone), hasDate: clock.date !== null });
}

/** The impact window: start and end placed, and how long it lasted. */
export interface ImpactWindow {
  start: PlacedTime;
  end: PlacedTime;
  durationMinutes: number;
}

/**
 * The end of the impact, which must come after its start. A time without a date is on the
 * start's day; an end on the next day needs its date, so that a typo is not read as an
 * overnight outage.
 */
export function checkImpactEnd(text: string, start: PlacedTime, timezone: string): Checked<ImpactWindow> {
  const end = checkTime(text, { date: start.date, timezone });
  if (!end.ok) return end;
  const minutes = minutesBetween(start.at, end.value.at);
  if (minutes <= 0) {
    const nextDay = dayjs(start.date, 'YYYY-MM-DD').add(1, 'day').format('YYYY-MM-DD');
    const hint = end.value.hasDate ? '' : ` (if it ended the next day, add the date: ${nextDay} ${end.value.written})`;
    return reject(`the end must be after the start (${start.written})${hint}`);
  }
  return accept({ start, end: end.value, durationMinutes: minutes });
}

/** How a window reads back to the user: `4 h 0 min (2:00 AM to 6:00 AM, UTC-4)`. */
export function describeImpactWindow(window: ImpactWindow, timezone: string): string {
  return `${formatDuration(window.durationMinutes)} (${window.start.written} to ${window.end.written}, ${timezone})`;
}

// An estimate ("about 60%") is still the number to record, so the hedging words are dropped;
// a bound ("over 60%") or a range is not one number, so it does not match.
const PERCENT_TEXT =
  /^(?:(?:about|around|approximately|approx\.?|roughly|circa|ca\.|est\.|estimated|~|≈)\s*)?(\d{1,3}(?:\.\d+|,\d{1,2})?)\s*(?:%|percent|per\s*cent|pct\.?)?(?:\s+of\s+(?:all\s+|the\s+|our\s+)?users)?$/i;
const PERCENT_RANGE = /^\D*(\d{1,3}(?:\.\d+)?)\s*%?\s*(?:-|–|to)\s*(\d{1,3}(?:\.\d+)?)\s*%?/i;
const MAX_PERCENT_TEXT = 60;
const PERCENT_HELP = 'write a number from 0 to 100, such as 60, 60%, about 60% or 12.5 percent';

/**
 * The share of users affected, 0-100, as people write it: `60`, `60%`, `~60 %`, `about 60%`,
 * `approx. 60`, `roughly 60 percent`, `60% of users`. Empty means not known. Bounds
 * (`over 60%`), ranges (`60-70%`) and words (`most`) are refused: there is no one number to write.
 */
export function checkPercent(text: string): Checked<number | null> {
  const value = text.trim();
  if (value === '') return accept(null);
  // A percentage is a few words; the patterns backtrack over long runs of spaces, so a long answer is not tried.
  const match = value.length <= MAX_PERCENT_TEXT ? PERCENT_TEXT.exec(value) : null;
  if (!match) {
    const range = value.length <= MAX_PERCENT_TEXT ? PERCENT_RANGE.exec(value) : null;
    if (range) {
      const middle = (Number(range[1]) + Number(range[2])) / 2;
      return reject(`"${value}" is a range: write one number from 0 to 100, such as ${Math.round(middle * 10) / 10}`);
    }
    return reject(`"${value}" is not a percentage: ${PERCENT_HELP}`);
  }
  const percent = Number((match[1] as string).replace(',', '.'));
  if (percent > 100) return reject(`${percent}% is more than 100%: write a number from 0 to 100`);
  return accept(percent);
}

/** Labels people put on timeline entries, written as the templates write them. */
export const TIMELINE_LABELS: readonly string[] = ['Detection', 'Escalation', 'Mitigation', 'Resolution'];

/**
 * An optional label for a timeline entry: one of {@link TIMELINE_LABELS} in any case (written
 * capitalised), or short free text (its first letter capitalised). Colons and emphasis markers would change how the entry
 * reads back, so they are refused.
 */
export function checkTimelineLabel(text: string): Checked<string | null> {
  const line = checkOptionalLine(text, 'a label', 40);
  if (!line.ok || line.value === null) return line;
  const known = TIMELINE_LABELS.find((label) => label.toLowerCase() === (line.value as string).toLowerCase());
  if (known) return accept(known);
  if (/[:*_`|]/.test(line.value)) return reject('a label cannot contain : * _ ` or |');
  // Labels read as headings of their entries ("Actions Taken:"), so they start with a capital.
  return accept(line.value.charAt(0).toUpperCase() + line.value.slice(1));
}

/** What a timeline entry says happened: required, one line, not starting like a label of its own. */
export function checkTimelineText(text: string): Checked<string> {
  return checkRequiredLine(text, 'what happened', 1000);
}

/** An owner or a priority: optional, short; parentheses and brackets would break the `(owner: ...)` annotation. */
export function checkTaskField(text: string, what: string): Checked<string | null> {
  const line = checkOptionalLine(text, what, 80);
  if (!line.ok || line.value === null) return line;
  if (/[()[\]|]/.test(line.value) || /\b(?:owner|due|priority)\s*:/i.test(line.value)) {
    return reject(`${what} cannot contain ( ) [ ] | or "owner:", "due:", "priority:"`);
  }
  return accept(line.value);
}

/**
 * A task's tracker reference: optional, one line of up to 200 characters (URLs run long),
 * without the characters that would end the task's `(owner: ..., issue: ...)` annotation.
 */
export function checkTaskIssue(text: string): Checked<string | null> {
  const line = checkOptionalLine(text, 'the issue', 200);
  if (!line.ok || line.value === null) return line;
  if (/[()[\]|]/.test(line.value) || /,\s*(?:owner|due|priority|issue)\s*:/i.test(line.value)) {
    return reject('the issue cannot contain ( ) [ ] | or ", owner:", ", due:", ", priority:", ", issue:"');
  }
  return accept(line.value);
}

/** A task's priority: optional; `p1` is written `P1`. */
export function checkPriority(text: string): Checked<string | null> {
  const field = checkTaskField(text, 'the priority');
  if (!field.ok || field.value === null) return field;
  return accept(/^p\d$/i.test(field.value) ? field.value.toUpperCase() : field.value);
}

/**
 * A task's due date: optional; `2026-12-18`, `Dec 18`, `tomorrow`, `next friday`, `in 2 weeks`
 * and the like (see read-due-date.ts), resolved against `today` and given back as YYYY-MM-DD,
 * which is what the postmortem stores. Not before today, unless the task is done.
 */
export function checkDueDate(text: string, today: string, options: { done?: boolean } = {}): Checked<string | null> {
  const value = text.trim();
  if (value === '') return accept(null);
  const read = readDueDate(value, today);
  if (!read.ok) return read;
  if (!options.done && read.value < today) {
    const what = read.value === value ? read.value : `"${value}" (${read.value})`;
    return reject(`${what} is in the past (today is ${today})`);
  }
  return accept(read.value);
}

/** The task text: required, one line. */
export function checkTaskText(text: string): Checked<string> {
  return checkRequiredLine(text, 'the task', 500);
}

/** An improvement: required, one line. */
export function checkImprovement(text: string): Checked<string> {
  return checkRequiredLine(text, 'the improvement', 1000);
}

/**
 * A flag value with several parts separated by `|` (`--timeline "14:05|Deploy started|Detection"`).
 * `\|` stands for a `|` inside a part. Parts are trimmed; missing trailing parts are empty.
 */
export function splitFlagParts(text: string, count: number): string[] {
  const parts: string[] = [''];
  for (let index = 0; index < text.length; index++) {
    const character = text[index] as string;
    if (character === '\\' && text[index + 1] === '|') {
      parts[parts.length - 1] += '|';
      index++;
    } else if (character === '|' && parts.length < count) {
      parts.push('');
    } else {
      parts[parts.length - 1] += character;
    }
  }
  while (parts.length < count) parts.push('');
  return parts.map((part) => part.trim());
}
