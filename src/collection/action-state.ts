/**
 * Whether an action item is late, in one place for `actions`, `stats` and the site: a task
 * is overdue when it is open and its due date, read as a date, is before today. A due date
 * that is not a date (`next sprint`) is never overdue: nobody can say when it falls.
 */
import type { CorrectiveTask } from '../model/postmortem.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Today's date in the local timezone, YYYY-MM-DD: the day a person running the command is in. */
export function localToday(now: Date = new Date()): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Whether `text` is a YYYY-MM-DD date (the shape, and a real day of the Gregorian calendar). */
export function isIsoDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  // Worked out without a Date: `stats` asks for every incident and task of 10,000 files.
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  const day = Number(text.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return day <= days;
}

/** The task's due date when it is a YYYY-MM-DD date, else null. */
export function dueDateOf(task: Pick<CorrectiveTask, 'due'>): string | null {
  const due = task.due?.trim();
  return due && isIsoDate(due) ? due : null;
}

/** Open, with a due date before `today` (YYYY-MM-DD). */
export function isOverdue(task: Pick<CorrectiveTask, 'due' | 'done'>, today: string): boolean {
  if (task.done) return false;
  const due = dueDateOf(task);
  return due !== null && due < today;
}
