/**
 * Reading times, dates, durations and percentages as people write them in postmortems.
 * Pure functions over strings; the parser decides what they mean in context.
 */
import { parseZone, type ClockTime } from '../model/time.js';
import { pretested } from '../model/pretested.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAME = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
// Every weekday name here starts with one of WEEKDAY_START's (below, in a pretest): keep them in step.
const WEEKDAY = '(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday|sday)?\\.?,?\\s+)?';
const ORDINAL = '(?:st|nd|rd|th)?';

/** A time found at the start of a string. */
export interface LeadingTime {
  clock: ClockTime | null;
  /** The time exactly as written, decorations (bold, backticks, brackets) removed. */
  written: string;
  /** The rest of the string after the time and its separator. */
  rest: string;
}

/** A date found in text. */
export interface FoundDate {
  /** YYYY-MM-DD, or MM-DD with year 0000 unknown when no year was written. */
  date: string;
  /** Whether a year was written. */
  hasYear: boolean;
  /** Index of the match in the text. */
  index: number;
  /** The date as written. */
  written: string;
}

const pad = (value: number): string => String(value).padStart(2, '0');

function monthNumber(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  const check = new Date(Date.UTC(year || 2000, month - 1, day));
  return check.getUTCMonth() === month - 1;
}

const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/;
const MONTH_START = `(?:${MONTHS.join('|')})`;
/**
 * What every match of MONTH_FIRST or DAY_FIRST holds (their pretest): a month's first three
 * letters at the start of a word, then perhaps more letters and a dot, then white space and a
 * digit; or a day (perhaps with its ordinal), white space (perhaps "of") and a month's first three
 * letters. Text without a written-out date ("the incident was declared resolved") never compiles them.
 */
const MONTH_WORD = new RegExp(`\\b${MONTH_START}[a-z]*\\.?\\s+\\d|\\d${ORDINAL}\\s+(?:of\\s+)?${MONTH_START}`, 'i');
const MONTH_FIRST = pretested(MONTH_WORD, new RegExp(`\\b${WEEKDAY}(${MONTH_NAME})\\s+(\\d{1,2})${ORDINAL}\\b(?:,?\\s+(\\d{4})\\b)?`, 'i'));
const DAY_FIRST = pretested(MONTH_WORD, new RegExp(`\\b${WEEKDAY}(\\d{1,2})${ORDINAL}\\s+(?:of\\s+)?(${MONTH_NAME})(?:,?\\s+(\\d{4})\\b)?`, 'i'));

/** Finds the first date in text: `2023-05-07`, `May 7th, 2023`, `7 May 2023`, `Friday, June 28, 2019`, `May 31`. */
export function findDate(text: string): FoundDate | null {
  const candidates: FoundDate[] = [];
  const iso = ISO_DATE.exec(text);
  if (iso && validDate(Number(iso[1]), Number(iso[2]), Number(iso[3]))) {
    candidates.push({ date: `${iso[1]}-${iso[2]}-${iso[3]}`, hasYear: true, index: iso.index, written: iso[0] });
  }
  const monthFirst = MONTH_FIRST.exec(text);
  if (monthFirst) {
    const month = monthNumber(monthFirst[1] as string);
    const day = Number(monthFirst[2]);
    const year = Number(monthFirst[3] ?? 0);
    if (validDate(year, month, day)) {
      candidates.push({ date: `${year ? year : '0000'}-${pad(month)}-${pad(day)}`, hasYear: year > 0, index: monthFirst.index, written: monthFirst[0] });
    }
  }
  const dayFirst = DAY_FIRST.exec(text);
  if (dayFirst) {
    const month = monthNumber(dayFirst[2] as string);
    const day = Number(dayFirst[1]);
    const year = Number(dayFirst[3] ?? 0);
    if (validDate(year, month, day)) {
      candidates.push({ date: `${year ? year : '0000'}-${pad(month)}-${pad(day)}`, hasYear: year > 0, index: dayFirst.index, written: dayFirst[0] });
    }
  }
  if (candidates.length === 0) return null;
  // Prefer a date with a year; among equals, the earliest in the text.
  candidates.sort((a, b) => Number(b.hasYear) - Number(a.hasYear) || a.index - b.index);
  return candidates[0] ?? null;
}

/** Whether a whole string (a heading, a bold line) is just a date, optionally with a weekday or "Day 2". */
export function dateOnly(text: string): FoundDate | null {
  const cleaned = withoutClosingParenthetical(stripDecorations(text)).replace(/[:.]\s*$/, '').trim();
  const found = findDate(cleaned);
  if (!found) return null;
  const rest = (cleaned.slice(0, found.index) + cleaned.slice(found.index + found.written.length)).replace(/[\s,.:\-–—]+/g, '');
  return rest.length === 0 ? found : null;
}

/**
 * Text without a parenthetical that ends it ("March 3 (Day 2)"): from the first `(` of the last
 * line, when the text ends with `)`. Written out because the pattern that did it scanned to the
 * end from every `(`, quadratic on a long line of them.
 */
function withoutClosingParenthetical(text: string): string {
  if (!text.trimEnd().endsWith(')')) return text;
  const open = text.indexOf('(', Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r')) + 1);
  return open === -1 ? text : text.slice(0, open).trimEnd();
}

/** Removes Markdown emphasis, code ticks and brackets around a string. */
export function stripDecorations(text: string): string {
  return text
    .trim()
    .replace(/^(?:\*\*|__|\*|_|`|\[|\()+/, '')
    .replace(/(?<![*_`\])])[*_`\])]+$/, '')
    .trim();
}

// A clock time: 2:00 AM, 02:10, 14:05:30, 6 PM, 1pm, 8.25 PM, 13:00PM, 2 a.m.
// The end is a letter or digit boundary, not \\w: `_6:45 PM_` (italics) keeps its PM.
const CLOCK = '(\\d{1,2})(?:([:.])(\\d{2}))?(?::(\\d{2}))?(?:\\.\\d+)?\\s*(a\\.?m\\.?|p\\.?m\\.?)?(?![A-Za-z0-9])';
const CLOCK_RE = new RegExp(`^${CLOCK}`, 'i');
const ZONE_WORD = '(?:\\(?\\s*(?:(?:UTC|GMT|UT)\\s*[+\\-−–]\\s*\\d{1,2}(?::?\\d{2})?|[A-Z][A-Za-z_]+\\/[A-Za-z_\\/+\\-]+|[A-Z]{1,5}(?:\\/[A-Z]{2,5})?)(?:\\s*\\))?)';
// A parenthesised zone is tried first so that "(South African Standard Time, UTC+2)" is read whole.
const ZONE_RE = new RegExp(`^\\s*(\\([^()]{1,60}\\)|${ZONE_WORD})`);

interface ClockMatch {
  hour: number;
  minute: number;
  second: number;
  length: number;
}

function matchClock(text: string, allowMilitary: boolean): ClockMatch | null {
  if (allowMilitary) {
    // After a date, "1506 UTC" is a time; "2025" with no zone after it is a year.
    const military = /^(\d{2})(\d{2})(?![\d:])(?=\s*(?:UTC|GMT|Z|[A-Z]{2,4})\b)/.exec(text);
    if (military && Number(military[1]) < 24 && Number(military[2]) < 60) {
      return { hour: Number(military[1]), minute: Number(military[2]), second: 0, length: military[0].length };
    }
  }
  // "1936 UTC": four-digit times are common in UTC timelines; only with a zone after them, so years are not read as times.
  const zoned = /^([01]\d|2[0-3])([0-5]\d)(?=\s*(?:UTC|GMT|Z)\b)/.exec(text);
  if (zoned) return { hour: Number(zoned[1]), minute: Number(zoned[2]), second: 0, length: zoned[0].length };
  const match = CLOCK_RE.exec(text);
  if (!match) return null;
  const meridiem = match[5]?.replace(/\./g, '').toLowerCase();
  const separator = match[2];
  // "6" alone is not a time, nor is "8.25" without AM/PM (a version, an amount).
  if (match[3] === undefined && !meridiem) return null;
  if (separator === '.' && !meridiem) return null;
  let hour = Number(match[1]);
  const minute = Number(match[3] ?? 0);
  const second = Number(match[4] ?? 0);
  if (minute > 59 || second > 59) return null;
  if (meridiem) {
    if ((hour > 12 && hour < 24) || hour === 0) {
      // "13:00PM", "00:30 AM": the 24-hour reading is what was meant.
    } else if (hour >= 1 && hour <= 12) {
      hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
    } else {
      return null;
    }
  }
  if (hour > 23) return null;
  return { hour, minute, second, length: match[0].length };
}

/**
 * Reads a zone written right after a time: ` UTC`, ` (UTC)`, ` PST`, ` (UTC-4)`,
 * ` (South African Standard Time, UTC+2)`. Only text that names a known zone counts.
 */
function matchZone(text: string): { zoneText: string; length: number } | null {
  const match = ZONE_RE.exec(text);
  if (!match) return null;
  const raw = match[1] as string;
  const inner = raw.trim().replace(/^\(\s*|(?:(?<!\s)\s+)?\)$/g, '').trim();
  if (!parseZone(inner)) return null;
  if (/^[A-Z]{1,5}$/.test(inner) && text.slice(match[0].length).match(/^[a-z]/)) return null;
  return { zoneText: inner, length: match[0].length };
}

// The date may be followed by a 12-hour time: "2026-03-14 2:05 PM" is 14:05, not 02:05.
const ISO_DATETIME = /^(\d{4}-\d{2}-\d{2})(?:[T ]|,?\s+(?:at\s+)?)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:\s*([ap]\.?m\.?)(?![A-Za-z0-9]))?(?:\s*(Z|[+-]\d{2}:?\d{2})(?![\d:]))?/i;
// A year is 19xx or 20xx not followed by a colon, so that "Feb 7 1506 UTC" reads 1506 as a time.
const YEAR = '((?:19|20)\\d{2})(?![\\d:])';
// Each pretested by how its matches start (a weekday or a month; a weekday, or a day and a month):
// a line such as "The deploy began" never compiles them.
const WEEKDAY_START = '(?:mon|tue|wed|thu|fri|sat|sun)';
const MONTH_DATE_PREFIX = pretested(new RegExp(`^(?:${WEEKDAY_START}|${MONTH_START})`, 'i'), new RegExp(`^${WEEKDAY}(${MONTH_NAME})\\s+(\\d{1,2})${ORDINAL}(?:,?\\s+${YEAR})?,?\\s+(?:at\\s+)?`, 'i'));
const DAY_MONTH_PREFIX = pretested(new RegExp(`^(?:${WEEKDAY_START}|\\d{1,2}${ORDINAL}\\s+${MONTH_START})`, 'i'), new RegExp(`^${WEEKDAY}(\\d{1,2})${ORDINAL}\\s+(${MONTH_NAME})(?:,?\\s+${YEAR})?,?\\s+(?:at\\s+)?`, 'i'));

/**
 * Reads a time at the start of a string, with whatever date and zone are written with it.
 * Returns the parts and the rest of the string after a separator (`:`, `-`, `–`, `|`).
 * Decorations such as `**14:30 UTC:**`, `` `07:35` `` and `[14:05]` are understood.
 */
export function readLeadingTime(input: string): LeadingTime | null {
  let text = input.replace(/^\s+/, '');
  const opener = /^(\*\*|__|`|\[|\(|\*|_)*/.exec(text)?.[0] ?? '';
  text = text.slice(opener.length);

  let date: string | null = null;
  let zoneText: string | null = null;
  let consumed = 0;
  let clock: ClockMatch | null = null;

  const iso = ISO_DATETIME.exec(text);
  if (iso) {
    date = iso[1] as string;
    clock = { hour: Number(iso[2]), minute: Number(iso[3]), second: Number(iso[4] ?? 0), length: 0 };
    const meridiem = iso[5]?.replace(/\./g, '').toLowerCase();
    if (meridiem && clock.hour >= 1 && clock.hour <= 12) clock.hour = (clock.hour % 12) + (meridiem === 'pm' ? 12 : 0);
    if (clock.hour > 23 || clock.minute > 59) return null;
    const offset = iso[6];
    if (offset) zoneText = offset === 'Z' || offset === 'z' ? 'UTC' : `UTC${offset.slice(0, 3)}:${offset.slice(-2)}`;
    consumed = iso[0].length;
  } else {
    const monthFirstPrefix = MONTH_DATE_PREFIX.exec(text);
    const prefix = monthFirstPrefix ?? DAY_MONTH_PREFIX.exec(text);
    let afterDate = 0;
    if (prefix) {
      const monthFirst = prefix === monthFirstPrefix;
      const month = monthNumber((monthFirst ? prefix[1] : prefix[2]) as string);
      const day = Number(monthFirst ? prefix[2] : prefix[1]);
      const year = Number(prefix[3] ?? 0);
      if (validDate(year, month, day)) {
        date = `${year ? year : '0000'}-${pad(month)}-${pad(day)}`;
        afterDate = prefix[0].length;
      }
    }
    clock = matchClock(text.slice(afterDate), afterDate > 0);
    if (!clock) return null;
    consumed = afterDate + clock.length;
  }

  const zone = matchZone(text.slice(consumed));
  if (zone) {
    zoneText = zone.zoneText;
    consumed += zone.length;
  }
  const written = text.slice(0, consumed).trim();
  let rest = text.slice(consumed);
  // Closing decorations and separators, in the orders people write them: "**14:30 UTC:**", "`07:35` -", "[14:05] ".
  // Closing decorations are only stripped when the time opened with some, so that a bold label
  // after the time ("14:45: **Escalation:** ...") keeps its markers.
  const closing = /^\s*(?:\*\*|__|`|\]|\)|\*|_)*/;
  if (opener) rest = rest.replace(closing, '');
  rest = rest.replace(/^\s*(?:[:\-–—|,.](?=\s|\*|_|`|$)|\s-\s)?/, '');
  if (opener) rest = rest.replace(closing, '').replace(/^\s*[:\-–—|](?=\s)/, '');
  rest = rest.replace(/^\s+/, '');
  return {
    clock: { hour: clock.hour, minute: clock.minute, second: clock.second, date, zoneText },
    written,
    rest,
  };
}

/** Finds every time of day in a string, for ranges such as "from 8:00 AM to 12:00 PM (GMT)". */
export function findTimes(text: string): Array<LeadingTime & { index: number }> {
  const found: Array<LeadingTime & { index: number }> = [];
  const starts = /(?:^|[^\d:.])(?=\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?|[:]\d{2}))|(?=\d{4}-\d{2}-\d{2}[T ]\d)/gi;
  for (const match of text.matchAll(starts)) {
    const index = match.index + match[0].length;
    if (found.length > 0) {
      const last = found[found.length - 1] as LeadingTime & { index: number };
      if (index < last.index + last.written.length) continue;
    }
    const time = readLeadingTime(text.slice(index));
    if (time?.clock) found.push({ ...time, index });
  }
  return found;
}

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, 'forty-five': 45, forty: 40, fifty: 50, ninety: 90,
};

// A number and a unit. Each run of spaces belongs to one `\s*`: "\s*-?\s*" backtracked quadratically
// over a long run of spaces after a number.
const DURATION_NUMBER = `(\\d+(?:\\.\\d+)?|${Object.keys(NUMBER_WORDS).join('|')})`;
const DURATION_UNIT_PART = `${DURATION_NUMBER}(\\s+and\\s+a\\s+half)?\\s*(?:-\\s*)?(days?|d|hours?|hrs?|h|minutes?|mins?|m)(?![a-z])`;
// Only used through matchAll, which copies the pattern, so its lastIndex stays 0.
const DURATION_PART = new RegExp(`\\b${DURATION_UNIT_PART}`, 'gi');
const DURATION_NEXT_PART = new RegExp(`^\\s*(?:(?:,|and)\\s*)?${DURATION_UNIT_PART}`, 'i');

/**
 * Reads a stated duration in minutes: `4 h 0 min`, `240 minutes`, `4 hours`, `a four-hour outage`,
 * `1 hour and 30 minutes`, `2h30m`, `1.5 hours`, `two and a half hours`. Null when none is stated.
 */
export function readDuration(text: string, options: { inProse?: boolean } = {}): number | null {
  const next = DURATION_NEXT_PART;
  for (const match of text.matchAll(DURATION_PART)) {
    let minutes = durationPart(match);
    if (minutes === null) continue;
    // "1 d 2 h 5 min", "1 hour and 30 minutes", "2h30m": the parts that follow add up.
    let end = match.index + match[0].length;
    for (let following = next.exec(text.slice(end)); following; following = next.exec(text.slice(end))) {
      const value = durationPart(following);
      if (value === null) break;
      minutes += value;
      end += following[0].length;
    }
    // In prose, a number of hours is a duration only where the words around it say so ("a four-hour outage", "lasted 90 minutes").
    if (options.inProse) {
      const before = text.slice(Math.max(0, match.index - 30), match.index);
      const after = text.slice(end, end + 30);
      const durationWords = /\b(?:for|lasted|lasting|last|of|about|approximately|approx\.?|around|roughly|nearly|almost|over|took|total|duration|within|~)\s*$/i;
      const outageWords = /^[\s-]*(?:long\s+)?(?:outage|downtime|disruption|incident|interruption|window|long|of (?:downtime|impact|disruption|outage))/i;
      if (!durationWords.test(before) && !outageWords.test(after)) continue;
    }
    if (minutes > 0) return Math.round(minutes);
  }
  return null;
}

/** Minutes in one `number unit` part of a duration; null when it is not one (a single-letter unit after a word). */
function durationPart(match: RegExpMatchArray): number | null {
  const raw = (match[1] as string).toLowerCase();
  const unit = (match[3] as string).toLowerCase();
  const numeric = /^\d/.test(raw);
  // "an d" inside "for and", "a m" inside prose: single-letter units only count after digits.
  if (unit.length === 1 && !numeric) return null;
  let value = NUMBER_WORDS[raw] ?? Number(raw);
  if (match[2]) value += 0.5;
  return unit.startsWith('d') ? value * 1440 : unit.startsWith('h') ? value * 60 : value;
}

/** Reads the first percentage (`75%`, `75 %`, `75 percent`) in text, 0-100. */
export function readPercent(text: string): number | null {
  const match = /(\d{1,3}(?:\.\d+)?)\s*(?:%|percent\b|per cent\b)/i.exec(text);
  if (!match) return null;
  const value = Number(match[1]);
  return value >= 0 && value <= 100 ? value : null;
}

/** Who or what a share of "affected" is usually about. */
export const AFFECTED_WHO = /\b(?:users?|customers?|shoppers?|buyers?|merchants?|traffic|requests?|visitors?|clients?|people|accounts?|sessions?|members?|subscribers?|calls?|queries|players?|students?|tenants?|developers?|employees?|staff|orders?|transactions?|payments?|logins?|devices?|readers?|patients?|drivers?|riders?|teams?|organi[sz]ations?)\b/i;

/**
 * Reads a percentage of users (or customers, traffic, requests) from prose:
 * "Approximately 75% of users were affected", "affected 100% of our users". Null when the
 * text has no percentage about who or what was affected.
 */
export function readAffectedPercent(text: string): number | null {
  const pattern = /(\d{1,3}(?:\.\d+)?)\s*(?:%|percent\b|per cent\b)/gi;
  for (const match of text.matchAll(pattern)) {
    const before = text.slice(Math.max(0, match.index - 40), match.index);
    const after = text.slice(match.index + match[0].length, match.index + match[0].length + 50);
    const about = AFFECTED_WHO;
    if (about.test(after) || /\b(affect|impact)\w*\b/i.test(before + after)) {
      const value = Number(match[1]);
      if (value >= 0 && value <= 100) return value;
    }
  }
  return null;
}
