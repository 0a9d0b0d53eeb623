import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PostmortemError } from '../../src/model/errors.js';
import { emptyPostmortem } from '../../src/model/postmortem.js';
import { postmortemSchema, postmortemSchemaPath } from '../../src/model/schema.js';
import { normalizePostmortem } from '../../src/model/validate.js';

function problemOf(input: unknown): string {
  try {
    normalizePostmortem(input, { filePath: 'answers.yaml' });
  } catch (error) {
    expect(error).toBeInstanceOf(PostmortemError);
    return (error as PostmortemError).format();
  }
  throw new Error('expected the input to be refused');
}

describe('normalizePostmortem', () => {
  it('fills every absent key of a one-key input with null or an empty list', () => {
    expect(normalizePostmortem({ title: 'Cache stampede' })).toEqual({ ...emptyPostmortem(), title: 'Cache stampede' });
  });

  it('fills absent keys inside timeline entries and tasks', () => {
    const postmortem = normalizePostmortem({
      timeline: [{ text: 'Pager fired.' }],
      correctiveActions: { tasks: [{ text: 'Add a canary.' }] },
    });
    expect(postmortem.timeline).toEqual([{ time: null, at: null, label: null, text: 'Pager fired.', kind: 'detection' }]);
    expect(postmortem.correctiveActions).toEqual({
      improvements: [],
      tasks: [{ text: 'Add a canary.', owner: null, due: null, priority: null, issue: null, done: false }],
    });
  });

  it('returns keys in model order whatever order the input had', () => {
    const postmortem = normalizePostmortem({ conclusion: 'Done.', title: 'T' });
    expect(Object.keys(postmortem)).toEqual(Object.keys(emptyPostmortem()));
  });

  it('leaves the caller\'s object untouched', () => {
    const input = { title: 'T' };
    normalizePostmortem(input);
    expect(input).toEqual({ title: 'T' });
  });

  it('works out the duration from start and end when it is absent', () => {
    const postmortem = normalizePostmortem({
      summary: { start: '2026-03-14T02:00:00-04:00', end: '2026-03-14T03:30:00-04:00' },
    });
    expect(postmortem.summary.durationMinutes).toBe(90);
  });

  it('reads a date a YAML 1.1 reader turned into a Date as its text', () => {
    expect(normalizePostmortem({ date: new Date('2026-03-14T00:00:00Z') }).date).toBe('2026-03-14');
  });

  it.each([
    [{ summary: { usersAffectedPercent: 120 } }, 'answers.yaml: /summary/usersAffectedPercent must be <= 100'],
    [{ summary: { usersAffectedPercent: '75%' } }, 'answers.yaml: /summary/usersAffectedPercent must be a number or null'],
    [{ titel: 'Typo' }, 'answers.yaml: /titel is not a postmortem field'],
    [{ status: 'done' }, 'answers.yaml: /status must be one of "draft", "in-review", "final" or null'],
    [{ date: '14/03/2026' }, 'answers.yaml: /date must be a date written YYYY-MM-DD'],
    [{ date: '2026-02-30' }, 'answers.yaml: /date is not a calendar date'],
    [{ timeline: [{ time: '2:00 AM' }] }, 'answers.yaml: /timeline/0/text is required'],
    [{ correctiveActions: { tasks: [{ text: 'x', done: 'yes' }] } }, 'answers.yaml: /correctiveActions/tasks/0/done must be a boolean'],
    [{ authors: 'Dana Lee' }, 'answers.yaml: /authors must be a list'],
    [[], 'answers.yaml: / must be an object'],
    [
      { summary: { start: '2026-03-14T06:00:00Z', end: '2026-03-14T02:00:00Z' } },
      'answers.yaml: /summary/end is before /summary/start',
    ],
    [
      { summary: { start: '2026-03-14T02:00:00Z', end: '2026-03-14T03:00:00Z', durationMinutes: 240 } },
      'answers.yaml: /summary/durationMinutes is 240 but /summary/start to /summary/end is 60 minutes',
    ],
  ])('refuses %j naming the field', (input, message) => {
    expect(problemOf(input)).toBe(message);
  });

  it('names every bad field in one line', () => {
    const message = problemOf({ severity: 2, summary: { durationMinutes: -5 } });
    expect(message).toBe('answers.yaml: /severity must be a string or null; /summary/durationMinutes must be >= 0');
    expect(message).not.toContain('\n');
  });
});

describe('postmortemSchema', () => {
  it('is the file the package ships', () => {
    expect(JSON.parse(readFileSync(postmortemSchemaPath, 'utf8'))).toEqual(postmortemSchema);
  });

  it('lists every key of the model', () => {
    const properties = postmortemSchema.properties as Record<string, unknown>;
    expect(Object.keys(properties).sort()).toEqual([...Object.keys(emptyPostmortem()), 'source'].sort());
  });

  it('accepts an empty model as it is', () => {
    expect(normalizePostmortem(emptyPostmortem())).toEqual(emptyPostmortem());
  });
});
