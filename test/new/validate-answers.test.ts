// The checks behind every prompt, flag and answers-file value of `postmortem new`.
import { describe, expect, it } from 'vitest';
import {
  asValidator,
  checkAuthors,
  checkServices,
  checkTags,
  checkDueDate,
  checkImpactEnd,
  checkIncidentDate,
  checkOptionalText,
  checkPercent,
  checkPriority,
  checkRequiredText,
  checkSeverity,
  checkTaskField,
  checkTime,
  checkTimelineLabel,
  checkTimezone,
  checkTitle,
  splitFlagParts,
  type Checked,
  type PlacedTime,
} from '../../src/cli/new/validate-answers.js';

const TODAY = '2026-03-15';

function value<Value>(checked: Checked<Value>): Value {
  if (!checked.ok) throw new Error(`expected a value, got: ${checked.message}`);
  return checked.value;
}

function message(checked: Checked<unknown>): string {
  if (checked.ok) throw new Error(`expected a message, got: ${JSON.stringify(checked.value)}`);
  return checked.message;
}

describe('checkTitle', () => {
  it.each([
    ['Checkout API returned 502s', 'Checkout API returned 502s'],
    ['  padded  ', 'padded'],
  ])('accepts %j', (text, expected) => expect(value(checkTitle(text))).toBe(expected));
  it.each([
    ['', 'the title is required'],
    ['two\nlines', 'the title must be one line'],
    ['x'.repeat(201), 'the title is too long (201 characters; at most 200)'],
  ])('rejects %j', (text, expected) => expect(message(checkTitle(text))).toBe(expected));
});

describe('checkIncidentDate', () => {
  it.each(['2026-03-14', '2026-03-15', '2026-03-16', '2024-02-29'])('accepts %s', (text) => expect(value(checkIncidentDate(text, TODAY))).toBe(text));
  it.each([
    ['14/03/2026', 'write the date as YYYY-MM-DD, for example 2026-03-15'],
    ['2026-3-14', 'write the date as YYYY-MM-DD, for example 2026-03-15'],
    ['2026-02-30', '2026-02-30 is not a calendar date'],
    ['2025-02-29', '2025-02-29 is not a calendar date'],
    ['2026-03-17', '2026-03-17 is in the future; the incident date is when it happened'],
  ])('rejects %s', (text, expected) => expect(message(checkIncidentDate(text, TODAY))).toBe(expected));
});

describe('checkSeverity', () => {
  it('takes a severity from the list in any case and writes it as the list does', () => {
    expect(value(checkSeverity('sev2'))).toBe('SEV2');
    expect(value(checkSeverity('Critical', ['Critical', 'Major']))).toBe('Critical');
  });
  it('names the choices when the severity is not one', () => {
    expect(message(checkSeverity('SEV5'))).toBe('"SEV5" is not a severity; use one of SEV1, SEV2, SEV3, SEV4');
    expect(message(checkSeverity(''))).toBe('the severity is required: one of SEV1, SEV2, SEV3, SEV4');
  });
});

describe('checkAuthors', () => {
  it.each([
    ['Dana Lee, Sam Ortiz', ['Dana Lee', 'Sam Ortiz']],
    ['Dana Lee; Sam Ortiz,', ['Dana Lee', 'Sam Ortiz']],
    ['', []],
  ])('splits %j', (text, expected) => expect(value(checkAuthors(text))).toEqual(expected));
});

describe('checkServices and checkTags', () => {
  it.each([
    ['checkout-api, payments', ['checkout-api', 'payments']],
    ['checkout-api;payments , ', ['checkout-api', 'payments']],
    ['Payments, payments, PAYMENTS', ['Payments']],
    ['  ', []],
  ])('splits %j into names, each once', (text, expected) => {
    expect(value(checkServices(text))).toEqual(expected);
    expect(value(checkTags(text))).toEqual(expected);
  });

  it.each([
    [checkServices, 'api,\npayments', 'the services must be one line'],
    [checkTags, 'config\nchange', 'the tags must be one line'],
    [checkTags, `config, ${'x'.repeat(61)}`, '"xxxxxxxxxxxxxxxxxxxx…" is long for a tag (at most 60 characters); separate the tags with commas'],
    [checkServices, Array.from({ length: 21 }, (_, index) => `s${index}`).join(','), 'at most 20 services, not 21'],
    [checkTags, 'config\u0007change', 'the tags must be plain text'],
  ])('refuses %#: %j', (check, text, expected) => {
    expect(message(check(text.replace('\\u0007', '\u0007')))).toBe(expected);
  });
});

describe('checkTimezone', () => {
  it.each([
    ['UTC', 'UTC'],
    ['utc', 'UTC'],
    ['GMT', 'GMT'],
    ['Z', 'UTC'],
    ['UTC-4', 'UTC-4'],
    ['utc-04:00', 'UTC-4'],
    ['UTC+5:30', 'UTC+5:30'],
    ['GMT+0530', 'GMT+5:30'],
    ['UTC+0', 'UTC'],
    ['Europe/Berlin', 'Europe/Berlin'],
    ['america/new_york', 'America/New_York'],
    ['PST', 'PST'],
    ['cet', 'CET'],
  ])('accepts %s as %s', (text, expected) => expect(value(checkTimezone(text))).toBe(expected));
  it.each([
    ['Mars/Olympus', 'unknown timezone "Mars/Olympus": use an IANA name (Europe/Berlin, America/New_York), UTC, GMT or an offset such as UTC-4 or UTC+05:30'],
    ['UTC+15', 'UTC+15 is not a UTC offset (at most 14 hours)'],
    ['the office', 'unknown timezone "the office": use an IANA name (Europe/Berlin, America/New_York), UTC, GMT or an offset such as UTC-4 or UTC+05:30'],
    ['', 'the timezone is required: use an IANA name (Europe/Berlin, America/New_York), UTC, GMT or an offset such as UTC-4 or UTC+05:30'],
  ])('rejects %j', (text, expected) => expect(message(checkTimezone(text))).toBe(expected));
});

describe('checkTime', () => {
  const placement = { date: '2026-03-14', timezone: 'UTC-4' };
  it.each([
    ['14:05', '2026-03-14T14:05:00-04:00'],
    ['2:05 PM', '2026-03-14T14:05:00-04:00'],
    ['2:05 pm', '2026-03-14T14:05:00-04:00'],
    ['2pm', '2026-03-14T14:00:00-04:00'],
    ['12:30 AM', '2026-03-14T00:30:00-04:00'],
    ['2026-03-15 01:10', '2026-03-15T01:10:00-04:00'],
    ['Mar 15 1:10 AM', '2026-03-15T01:10:00-04:00'],
    ['18:05 UTC', '2026-03-14T18:05:00+00:00'],
    ['2026-03-14T02:00:00-04:00', '2026-03-14T02:00:00-04:00'],
  ])('reads %s as typed, at %s', (text, at) => {
    const placed = value(checkTime(text, placement));
    expect(placed.written).toBe(text);
    expect(placed.at).toBe(at);
  });
  it('places a time in an IANA zone with the offset of that day', () => {
    expect(value(checkTime('09:00', { date: '2026-07-01', timezone: 'Europe/Berlin' })).at).toBe('2026-07-01T09:00:00+02:00');
    expect(value(checkTime('09:00', { date: '2026-01-01', timezone: 'Europe/Berlin' })).at).toBe('2026-01-01T09:00:00+01:00');
  });
  it.each(['25:00', '14:60', '6', 'two', '14:05 deploy', '8.25', '2026-02-30 10:00', ''])('rejects %j', (text) => {
    expect(message(checkTime(text, placement))).toMatch(/time/);
  });
});

describe('checkImpactEnd', () => {
  const start = value(checkTime('2:00 AM', { date: '2026-03-14', timezone: 'UTC-4' })) as PlacedTime;
  it('works out the duration', () => {
    const window = value(checkImpactEnd('6:00 AM', start, 'UTC-4'));
    expect(window.durationMinutes).toBe(240);
    expect(window.end.at).toBe('2026-03-14T06:00:00-04:00');
  });
  it('takes an end on another day when the date is written', () => {
    expect(value(checkImpactEnd('2026-03-15 01:00', start, 'UTC-4')).durationMinutes).toBe(23 * 60);
  });
  it('refuses an end that is not after the start, and says how to write the next day', () => {
    expect(message(checkImpactEnd('1:00 AM', start, 'UTC-4'))).toBe('the end must be after the start (2:00 AM) (if it ended the next day, add the date: 2026-03-15 1:00 AM)');
    expect(message(checkImpactEnd('2:00 AM', start, 'UTC-4'))).toMatch(/^the end must be after the start/);
    expect(message(checkImpactEnd('2026-03-13 09:00', start, 'UTC-4'))).toBe('the end must be after the start (2:00 AM)');
  });
});

describe('checkPercent', () => {
  it.each([
    ['75', 75],
    ['75%', 75],
    [' 12.5 % ', 12.5],
    ['0', 0],
    ['100', 100],
    ['', null],
    ['about 60%', 60],
    ['About 60 %', 60],
    ['~60 %', 60],
    ['~60', 60],
    ['≈ 60%', 60],
    ['approx. 60', 60],
    ['approx 60%', 60],
    ['approximately 60 percent', 60],
    ['60 percent', 60],
    ['60 per cent', 60],
    ['60pct', 60],
    ['roughly 60%', 60],
    ['around 60%', 60],
    ['circa 60%', 60],
    ['60% of users', 60],
    ['about 60% of all users', 60],
    ['12,5 %', 12.5],
  ])('reads %j', (text, expected) => expect(value(checkPercent(text))).toBe(expected));
  it.each([
    ['150', '150% is more than 100%: write a number from 0 to 100'],
    ['600', '600% is more than 100%: write a number from 0 to 100'],
    ['about 600%', '600% is more than 100%: write a number from 0 to 100'],
    ['-5', '"-5" is not a percentage: write a number from 0 to 100, such as 60, 60%, about 60% or 12.5 percent'],
    ['most', '"most" is not a percentage: write a number from 0 to 100, such as 60, 60%, about 60% or 12.5 percent'],
    ['over 60%', '"over 60%" is not a percentage: write a number from 0 to 100, such as 60, 60%, about 60% or 12.5 percent'],
    ['60,000', '"60,000" is not a percentage: write a number from 0 to 100, such as 60, 60%, about 60% or 12.5 percent'],
    ['60-70%', '"60-70%" is a range: write one number from 0 to 100, such as 65'],
    ['about 60 to 65 percent', '"about 60 to 65 percent" is a range: write one number from 0 to 100, such as 62.5'],
  ])('rejects %j', (text, expected) => expect(message(checkPercent(text))).toBe(expected));
});

describe('checkTimelineLabel', () => {
  it.each([
    ['', null],
    ['detection', 'Detection'],
    ['ESCALATION', 'Escalation'],
    ['Detection Method', 'Detection Method'],
    ['actions taken', 'Actions taken'],
  ])('reads %j', (text, expected) => expect(value(checkTimelineLabel(text))).toBe(expected));
  it('refuses characters that would change how the entry reads back', () => {
    expect(message(checkTimelineLabel('Note: x'))).toBe('a label cannot contain : * _ ` or |');
  });
});

describe('tasks', () => {
  it('checks due dates: a real day, not in the past unless the task is done (read-due-date.test.ts has the natural forms)', () => {
    expect(value(checkDueDate('', TODAY))).toBeNull();
    expect(value(checkDueDate('2026-03-15', TODAY))).toBe('2026-03-15');
    expect(message(checkDueDate('2026-03-14', TODAY))).toBe('2026-03-14 is in the past (today is 2026-03-15)');
    expect(value(checkDueDate('2026-03-14', TODAY, { done: true }))).toBe('2026-03-14');
    expect(message(checkDueDate('2026-13-01', TODAY))).toBe('2026-13-01 is not a calendar date');
    expect(message(checkDueDate('next week', TODAY))).toBe('"next week" does not say which day: write one such as 2026-03-29, Mar 29, tomorrow, friday, next friday or in 2 weeks');
  });
  it('writes priorities like P1 and refuses owners that would break the annotation', () => {
    expect(value(checkPriority('p1'))).toBe('P1');
    expect(value(checkPriority('high'))).toBe('high');
    expect(value(checkPriority(''))).toBeNull();
    expect(value(checkTaskField('Dana Lee', 'the owner'))).toBe('Dana Lee');
    expect(message(checkTaskField('Dana (SRE)', 'the owner'))).toBe('the owner cannot contain ( ) [ ] | or "owner:", "due:", "priority:"');
  });
});

describe('multi-line text', () => {
  it('drops blank lines around the text and trailing spaces, keeps paragraphs', () => {
    expect(value(checkOptionalText('\n\nFirst.  \n\nSecond.\n\n'))).toBe('First.\n\nSecond.');
    expect(value(checkOptionalText('  \n '))).toBeNull();
    expect(message(checkRequiredText('\n', 'the resolution'))).toBe('the resolution is required');
  });
});

describe('asValidator', () => {
  it('turns a check into inquirer\'s validate', () => {
    const validate = asValidator(checkPercent);
    expect(validate('50')).toBe(true);
    expect(validate('500')).toBe('500% is more than 100%: write a number from 0 to 100');
  });
});

describe('splitFlagParts', () => {
  it.each([
    ['14:05|Deploy started|Detection', 3, ['14:05', 'Deploy started', 'Detection']],
    ['14:05 | Deploy started', 3, ['14:05', 'Deploy started', '']],
    ['14:05|a \\| b', 3, ['14:05', 'a | b', '']],
    ['Fix it|Dana|2026-04-01|P2|extra', 4, ['Fix it', 'Dana', '2026-04-01', 'P2|extra']],
  ])('splits %j', (text, count, expected) => expect(splitFlagParts(text, count)).toEqual(expected));
});
