import { describe, expect, it } from 'vitest';
import { emptyPostmortem, type CorrectiveTask, type Postmortem } from '../model/postmortem.js';
import { collectActions } from './collect-actions.js';
import type { CollectActionsOptions } from './types.js';

function task(text: string, fields: Partial<CorrectiveTask> = {}): CorrectiveTask {
  return { text, owner: null, due: null, priority: null, issue: null, done: false, ...fields };
}

function postmortem(file: string | null, fields: Partial<Postmortem>, tasks: CorrectiveTask[]): Postmortem {
  const model: Postmortem = { ...emptyPostmortem(), ...fields, correctiveActions: { improvements: [], tasks } };
  if (file !== null) model.source = { filePath: file, sections: [], frontMatterLines: 0, frontMatter: null };
  return model;
}

const TODAY = '2026-09-15';

// b.md is listed before a.md on purpose: the order given must not decide the sort.
const collection: Postmortem[] = [
  postmortem('b.md', { title: 'Search lag', date: '2026-02-01', severity: 'SEV3', status: 'draft', services: ['search-api'] }, [
    task('Add shard alarms', { owner: 'Dana', due: '2026-10-01', line: 30 }),
    task('Write the runbook', { owner: 'dana ', due: 'next sprint', line: 31 }),
    task('Retire the old index', { done: true, due: '2026-01-10', line: 32, owner: 'Eli' }),
  ]),
  postmortem('a.md', { title: 'Checkout 502s', date: '2026-03-14', severity: 'sev1', status: 'final', services: ['Checkout-API', 'payments'] }, [
    task('Raise the pool size', { owner: 'Alice', due: '2026-03-28', priority: 'P1', issue: '#12', line: 40 }),
    task('Load test the pool', { owner: null, due: null, line: 41 }),
    task('Alert on pool saturation', { owner: 'Bob', due: '2026-09-15', line: 42 }),
    task('Document the pool', { owner: 'Alice', due: '2026-10-01', done: true, line: 43 }),
  ]),
  postmortem(null, { title: null, date: null, severity: null, status: null, services: [] }, [task('Unfiled task', { due: '2026-03-28' })]),
];

/** The items' texts, in the order returned. */
function texts(options: CollectActionsOptions): string[] {
  return collectActions(collection, { today: TODAY, ...options }).map((item) => item.text);
}

describe('collectActions', () => {
  it('lists every task, dated first by due date, then file, then line; undated and non-date dues last', () => {
    expect(texts({})).toEqual([
      'Retire the old index', // 2026-01-10
      'Raise the pool size', // 2026-03-28, a.md
      'Unfiled task', // 2026-03-28, no file: after a file
      'Alert on pool saturation', // 2026-09-15
      'Document the pool', // 2026-10-01, a.md
      'Add shard alarms', // 2026-10-01, b.md
      'Load test the pool', // undated, a.md line 41
      'Write the runbook', // "next sprint", b.md line 31
    ]);
  });

  it.each<[string, CollectActionsOptions, string[]]>([
    ['open', { open: true }, ['Raise the pool size', 'Unfiled task', 'Alert on pool saturation', 'Add shard alarms', 'Load test the pool', 'Write the runbook']],
    ['done', { done: true }, ['Retire the old index', 'Document the pool']],
    ['open and done together match nothing (AND)', { open: true, done: true }, []],
    // Due on today is not overdue; done is never overdue; "next sprint" never is.
    ['overdue', { overdue: true }, ['Raise the pool size', 'Unfiled task']],
    ['an owner, trimmed and case-insensitive', { owners: ['  DANA '] }, ['Add shard alarms', 'Write the runbook']],
    ['any of several owners', { owners: ['alice', 'bob'] }, ['Raise the pool size', 'Alert on pool saturation', 'Document the pool']],
    ['an owner nobody has', { owners: ['zoe'] }, []],
    ['a severity, case-insensitive', { severities: ['SEV1'] }, ['Raise the pool size', 'Alert on pool saturation', 'Document the pool', 'Load test the pool']],
    ['any of several severities', { severities: ['sev3', 'sev1'] }, ['Retire the old index', 'Raise the pool size', 'Alert on pool saturation', 'Document the pool', 'Add shard alarms', 'Load test the pool', 'Write the runbook']],
    ['a service, case-insensitive', { services: ['checkout-api'] }, ['Raise the pool size', 'Alert on pool saturation', 'Document the pool', 'Load test the pool']],
    ['a service nobody names', { services: ['dns'] }, []],
    ['filters combine with AND', { open: true, owners: ['alice', 'dana'], services: ['search-api', 'payments'] }, ['Raise the pool size', 'Add shard alarms', 'Write the runbook']],
    ['overdue and an owner', { overdue: true, owners: ['dana'] }, []],
    ['empty filter lists filter nothing', { owners: [], severities: [], services: [] }, texts({})],
  ])('filters: %s', (_name, options, expected) => {
    expect(texts(options)).toEqual(expected);
  });

  it('gives each item its place, its fields, whether it is overdue, and its postmortem', () => {
    const [first] = collectActions(collection, { today: TODAY, owners: ['alice'], open: true });
    expect(first).toEqual({
      file: 'a.md',
      line: 40,
      text: 'Raise the pool size',
      owner: 'Alice',
      due: '2026-03-28',
      priority: 'P1',
      issue: '#12',
      done: false,
      overdue: true,
      postmortem: { file: 'a.md', title: 'Checkout 502s', date: '2026-03-14', severity: 'sev1', status: 'final', services: ['Checkout-API', 'payments'] },
    });
    const unfiled = collectActions(collection, { today: TODAY }).find((item) => item.text === 'Unfiled task');
    expect(unfiled).toMatchObject({ file: null, line: null, postmortem: { file: null, title: null, date: null, severity: null, status: null, services: [] } });
  });

  it('measures overdue against today', () => {
    expect(texts({ overdue: true, today: '2026-03-28' })).toEqual([]);
    expect(texts({ overdue: true, today: '2026-03-29' })).toEqual(['Raise the pool size', 'Unfiled task']);
    expect(texts({ overdue: true, today: '2027-01-01' })).toEqual(['Raise the pool size', 'Unfiled task', 'Alert on pool saturation', 'Add shard alarms']);
  });

  it('defaults today to the local date', () => {
    const late = postmortem('c.md', {}, [task('Long ago', { due: '2000-01-01' }), task('Far ahead', { due: '2999-01-01' })]);
    expect(collectActions([late], { overdue: true }).map((item) => item.text)).toEqual(['Long ago']);
  });

  it('refuses a today that is not a date', () => {
    expect(() => collectActions(collection, { today: '2026-02-30' })).toThrow(/today must be a date, YYYY-MM-DD \(got "2026-02-30"\)/);
    expect(() => collectActions(collection, { today: 'tomorrow' })).toThrow(/YYYY-MM-DD/);
  });

  it('does not share arrays with the postmortems', () => {
    const items = collectActions(collection, { today: TODAY, services: ['payments'] });
    items[0]?.postmortem.services.push('changed');
    expect(collection[1]?.services).toEqual(['Checkout-API', 'payments']);
    expect(items[1]?.postmortem.services).toEqual(['Checkout-API', 'payments']);
  });

  it('gives nothing for no postmortems', () => {
    expect(collectActions([], { today: TODAY })).toEqual([]);
  });
});
