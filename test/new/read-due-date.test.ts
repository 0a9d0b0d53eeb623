// Task due dates as typed, resolved against a fixed today: the days each form names, and what is refused.
import { describe, expect, it } from 'vitest';
import { describeDueDate, dueDateExamples, readDueDate } from '../../src/cli/new/read-due-date.js';
import { checkDueDate, type Checked } from '../../src/cli/new/validate-answers.js';

function day(checked: Checked<string | null>): string | null {
  if (!checked.ok) throw new Error(`expected a day, got: ${checked.message}`);
  return checked.value;
}

function message(checked: Checked<unknown>): string {
  if (checked.ok) throw new Error(`expected a message, got: ${JSON.stringify(checked.value)}`);
  return checked.message;
}

/** What `read` returns with the process's timezone set to `zone` (restored afterwards). */
function inTimezone<T>(zone: string, read: () => T): T {
  const saved = process.env['TZ'];
  process.env['TZ'] = zone;
  try {
    return read();
  } finally {
    if (saved === undefined) delete process.env['TZ'];
    else process.env['TZ'] = saved;
  }
}

describe('readDueDate', () => {
  // [today, typed, the day meant]
  it.each([
    // A Sunday in the middle of a month.
    ['2026-03-15', '2026-12-18', '2026-12-18'],
    ['2026-03-15', '2026-3-28', '2026-03-28'],
    ['2026-03-15', 'tomorrow', '2026-03-16'],
    ['2026-03-15', 'today', '2026-03-15'],
    ['2026-03-15', 'in 2 weeks', '2026-03-29'],
    ['2026-03-15', 'In 10 days', '2026-03-25'],
    ['2026-03-15', 'two weeks from now', '2026-03-29'],
    ['2026-03-15', 'friday', '2026-03-20'],
    ['2026-03-15', 'next friday', '2026-03-20'],
    ['2026-03-15', 'Next Friday', '2026-03-20'],
    ['2026-03-15', 'by friday', '2026-03-20'],
    ['2026-03-15', 'Friday.', '2026-03-20'],
    ['2026-03-15', 'this friday', '2026-03-20'],
    ['2026-03-21', 'this friday', '2026-03-27'],
    ['2026-03-15', 'due on Dec 18', '2026-12-18'],
    ['2026-03-15', 'Dec 18', '2026-12-18'],
    ['2026-03-15', '18 December', '2026-12-18'],
    ['2026-03-15', 'December 18th', '2026-12-18'],
    ['2026-03-15', 'Dec 18 2027', '2027-12-18'],
    ['2026-03-15', '12/18', '2026-12-18'],
    ['2026-03-15', '18/12/2026', '2026-12-18'],
    ['2026-03-15', '5/5', '2026-05-05'],
    ['2026-03-15', 'end of month', '2026-03-31'],
    // Week boundary: from Monday on, "next friday" is the Friday of the week after; "friday" the coming one.
    ['2026-03-16', 'next friday', '2026-03-27'],
    ['2026-03-16', 'friday', '2026-03-20'],
    ['2026-03-20', 'friday', '2026-03-20'],
    ['2026-03-20', 'next friday', '2026-03-27'],
    ['2026-03-22', 'next monday', '2026-03-23'],
    // Month boundary.
    ['2026-03-26', 'in 2 weeks', '2026-04-09'],
    ['2026-03-26', 'next friday', '2026-04-03'],
    ['2026-03-31', 'tomorrow', '2026-04-01'],
    ['2026-02-28', 'tomorrow', '2026-03-01'],
    ['2028-02-28', 'tomorrow', '2028-02-29'],
    // Year boundary: a day without a year, or a weekday, is the next one.
    ['2026-12-28', 'in 2 weeks', '2027-01-11'],
    ['2026-12-28', 'next friday', '2027-01-08'],
    ['2026-12-28', 'friday', '2027-01-01'],
    ['2026-12-28', 'Jan 5', '2027-01-05'],
    ['2026-12-31', 'tomorrow', '2027-01-01'],
    ['2026-12-28', 'Dec 18', '2027-12-18'],
  ])('on %s reads %j as %s', (today, text, expected) => {
    expect(day(readDueDate(text, today))).toBe(expected);
  });

  it.each(['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/New_York', 'Asia/Tokyo', 'UTC'])('takes today itself for a day that names it, with the machine in %s', (zone) => {
    // chrono's forward-looking mode compares local dates: counted from midday UTC, a zone west
    // of UTC-10 saw "today" as already past and moved it a week or a year on.
    const days = inTimezone(zone, () => ['friday', 'this friday', 'December 4', 'Dec 3', 'today'].map((text) => day(readDueDate(text, '2026-12-04'))));
    expect(days).toEqual(['2026-12-04', '2026-12-04', '2026-12-04', '2027-12-03', '2026-12-04']);
  });

  it.each(['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC'])('counts days the same with the machine in %s', (zone) => {
    // At midday UTC it is already the next day at UTC+14 and still the morning at UTC-11:
    // a day taken from an instant, not from the calendar, would come out one off here.
    const days = inTimezone(zone, () => ['tomorrow', 'next friday', 'Dec 18', 'in 2 weeks'].map((text) => day(readDueDate(text, '2026-12-28'))));
    expect(days).toEqual(['2026-12-29', '2027-01-08', '2027-12-18', '2027-01-11']);
  });

  it.each([
    ['sometime', 'is not a date'],
    ['asap', 'is not a date'],
    ['Feb 30', 'is not a date'],
    ['friday please', 'is not a date'],
    ['fix it by friday', 'is not a date'],
    ['next week', 'does not say which day'],
    ['next month', 'does not say which day'],
    ['this year', 'does not say which day'],
    ['in a month', 'does not say which day'],
    ['march', 'does not say which day'],
    ['5pm', 'does not say which day'],
    ['Dec 18 - Dec 20', 'names more than one day'],
    ['Dec 18 or Dec 20', 'names more than one day'],
  ])('refuses %j: %s, with examples', (text, why) => {
    expect(message(readDueDate(text, '2026-03-15'))).toBe(`"${text}" ${why}: write one such as 2026-03-29, Mar 29, tomorrow, friday, next friday or in 2 weeks`);
  });

  it('refuses a day and month that read either way, naming both', () => {
    expect(message(readDueDate('03/04/2026', '2026-03-15'))).toBe('"03/04/2026" could be March 4 or April 3: write the month as a word (Mar 4) or the date as YYYY-MM-DD');
    expect(message(readDueDate('4.3.', '2026-03-15'))).toBe('"4.3." could be April 3 or March 4: write the month as a word (Apr 3) or the date as YYYY-MM-DD');
  });

  it('refuses a written date that is not in the calendar', () => {
    expect(message(readDueDate('2026-02-30', '2026-03-15'))).toBe('2026-02-30 is not a calendar date');
    expect(message(readDueDate('2026-13-01', '2026-03-15'))).toBe('2026-13-01 is not a calendar date');
  });

  it('refuses text too long to be a date without reading it', () => {
    expect(message(readDueDate(`friday ${'and then '.repeat(10)}`, '2026-03-15'))).toBe('the due date is too long (96 characters; at most 60)');
  });

  it('gives examples counted from today', () => {
    expect(dueDateExamples('2026-12-28')).toBe('2027-01-11, Jan 11, tomorrow, friday, next friday or in 2 weeks');
  });

  it('reads a day back with its weekday', () => {
    expect(describeDueDate('2026-12-18')).toBe('2026-12-18 (Friday)');
    expect(describeDueDate('2027-01-03')).toBe('2027-01-03 (Sunday)');
  });
});

describe('checkDueDate', () => {
  const TODAY = '2026-03-15';
  it('is optional, and gives the resolved day', () => {
    expect(day(checkDueDate('  ', TODAY))).toBeNull();
    expect(day(checkDueDate('in 2 weeks', TODAY))).toBe('2026-03-29');
  });
  it('refuses a day in the past, saying which day the words named', () => {
    expect(message(checkDueDate('2026-03-14', TODAY))).toBe('2026-03-14 is in the past (today is 2026-03-15)');
    expect(message(checkDueDate('yesterday', TODAY))).toBe('"yesterday" (2026-03-14) is in the past (today is 2026-03-15)');
    expect(message(checkDueDate('last friday', TODAY))).toBe('"last friday" (2026-03-13) is in the past (today is 2026-03-15)');
    expect(message(checkDueDate('2 days ago', TODAY))).toBe('"2 days ago" (2026-03-13) is in the past (today is 2026-03-15)');
  });
  it('takes a past day for a task already done', () => {
    expect(day(checkDueDate('last friday', TODAY, { done: true }))).toBe('2026-03-13');
  });
});
