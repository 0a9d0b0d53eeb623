/**
 * Task due dates as people type them: `2026-12-18`, `Dec 18`, `tomorrow`, `friday`,
 * `next friday`, `in 2 weeks`, resolved to the day they name, counted from today. The
 * natural-language part is chrono-node's English parser; what it reads too loosely for a
 * deadline (a month with no day, a range, `03/04` that is March or April depending on the
 * reader's country, a date with words around it) is refused here, with examples.
 *
 * chrono-node is imported only through this module, which only the `new` command's modules
 * import; program.ts loads those with `import()` when `new` runs, so `--version`, `--help`
 * and the other commands never load it (test/cli/bin.test.ts checks this).
 */
import { casual } from 'chrono-node/en';
import type { Checked } from './validate-answers.js';

const ISO_LIKE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
/** `3/4`, `03/04/2026`, `3.4.26`: day and month in either order. */
const NUMERIC_DAY_MONTH = /^(\d{1,2})[/.](\d{1,2})(?:[/.](\d{2}|\d{4}))?$/;
/** Words that ask for a day before today; chrono's forward-looking mode would move those into the future. */
const PAST_WORDS = /\b(?:last|past|previous|ago|yesterday)\b/i;
/** A week, month or year as a whole: chrono picks a day in it, but a deadline needs the day said. */
const WHOLE_PERIOD = /^(?:this|next|last|the\s+next)\s+(?:week|month|quarter|year)$/i;
/** Words people put before a deadline that do not change it. */
const LEAD_IN = /^(?:due\s+)?(?:(?:by|on)\s+)?/i;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const MAX_LENGTH = 60;

const pad = (value: number): string => String(value).padStart(2, '0');

/** Midday UTC of a YYYY-MM-DD day: chrono counts from it in UTC, so the machine's timezone never moves a day. */
function middayOf(day: string): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date, 12));
}

/** Midday of a YYYY-MM-DD day in the process's local time, the reference chrono reads against. */
function localMiddayOf(day: string): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, date, 12);
}

/** The day in YYYY-MM-DD, or null when year, month and day do not make one. */
function calendarDay(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1000 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The weekday of a YYYY-MM-DD day, in English. */
function weekdayOf(day: string): string {
  return WEEKDAYS[middayOf(day).getUTCDay()] as string;
}

/** How a resolved due date reads back: `2026-12-18 (Friday)`. */
export function describeDueDate(day: string): string {
  return `${day} (${weekdayOf(day)})`;
}

/** The forms accepted, with dates from `today`, for the messages. */
export function dueDateExamples(today: string): string {
  const inTwoWeeks = new Date(middayOf(today).getTime() + 14 * 86_400_000);
  const iso = `${inTwoWeeks.getUTCFullYear()}-${pad(inTwoWeeks.getUTCMonth() + 1)}-${pad(inTwoWeeks.getUTCDate())}`;
  return `${iso}, ${MONTHS[inTwoWeeks.getUTCMonth()]} ${inTwoWeeks.getUTCDate()}, tomorrow, friday, next friday or in 2 weeks`;
}

/**
 * Reads a due date (not empty) as the day it names, YYYY-MM-DD, counted from `today`
 * (YYYY-MM-DD). A day without a year, or a weekday, is the next one on or after today;
 * `next friday` is the Friday of next week (weeks start on Monday). Whether the day is in
 * the past is for the caller to judge: a task already done may have been due then.
 */
export function readDueDate(text: string, today: string): Checked<string> {
  const value = text.trim();
  // No date is this long; the limit keeps a pasted paragraph from reaching chrono's patterns.
  if (value.length > MAX_LENGTH) return { ok: false, message: `the due date is too long (${value.length} characters; at most ${MAX_LENGTH})` };
  const unreadable = (why = 'is not a date'): Checked<string> => ({ ok: false, message: `"${value}" ${why}: write one such as ${dueDateExamples(today)}` });

  // A full stop at the end is how some people finish any answer.
  const phrase = value.replace(LEAD_IN, '').replace(/\.$/, '');
  const iso = ISO_LIKE.exec(phrase);
  if (iso) {
    const day = calendarDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    return day ? { ok: true, value: day } : { ok: false, message: `${phrase} is not a calendar date` };
  }
  const numeric = NUMERIC_DAY_MONTH.exec(phrase);
  if (numeric) {
    const [first, second] = [Number(numeric[1]), Number(numeric[2])];
    if (first !== second && first >= 1 && first <= 12 && second >= 1 && second <= 12) {
      const monthFirst = `${MONTH_NAMES[first - 1]} ${second}`;
      const dayFirst = `${MONTH_NAMES[second - 1]} ${first}`;
      return { ok: false, message: `"${value}" could be ${monthFirst} or ${dayFirst}: write the month as a word (${MONTHS[first - 1]} ${second}) or the date as YYYY-MM-DD` };
    }
  }
  if (WHOLE_PERIOD.test(phrase)) return unreadable('does not say which day');

  // chrono works in the process's local time (its forward-looking mode compares local dates), so
  // today is given as local midday: in UTC terms a zone west of UTC-10 would already be tomorrow.
  const results = casual.parse(phrase, localMiddayOf(today), { forwardDate: !PAST_WORDS.test(phrase) });
  const [result] = results;
  if (!result) return unreadable();
  if (results.length > 1 || result.end) return unreadable('names more than one day');
  if (result.index !== 0 || result.text.length !== phrase.length) return unreadable();
  const { start } = result;
  if (!start.isCertain('day') && !start.isCertain('weekday')) return unreadable('does not say which day');
  const day = calendarDay(start.get('year') ?? 0, start.get('month') ?? 0, start.get('day') ?? 0);
  return day ? { ok: true, value: day } : unreadable();
}
