// Every filter of `collectActions` and `postmortem actions` against the hand-worked answers of
// the collection fixture (test/fixtures/collection/EXPECTED.md and expected.json, today 2026-09-15),
// including the documents that lack a value: J has no severity, G and L name no services, G has
// no front matter, and five tasks have no owner or no due date.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { collectActions } from '../../src/collection/collect-actions.js';
import { readCollection } from '../../src/collection/read-collection.js';
import type { ActionItem, CollectActionsOptions } from '../../src/collection/types.js';
import type { Postmortem } from '../../src/model/postmortem.js';
import { repoRoot, runInProcess } from '../cli/cli-harness.js';

const fixture = join(repoRoot, 'test', 'fixtures', 'collection');
const postmortemsDirectory = join(fixture, 'postmortems');

/** An item as expected.json lists it: the task's fields and its file's name. */
type ExpectedItem = Pick<ActionItem, 'text' | 'owner' | 'due' | 'priority' | 'issue' | 'done'> & { file: string };

const expected = JSON.parse(readFileSync(join(fixture, 'expected.json'), 'utf8')) as {
  today: string;
  incidents: Record<string, { severity: string | null }>;
  actions: { total: number; open: number; done: number; overdue: number; unowned: number; undated: number; byOwner: Record<string, { open: number; done: number }>; items: ExpectedItem[] };
};
const TODAY = expected.today;

/** EXPECTED.md's letters for the files. */
const LETTERS: Record<string, string> = {
  A: '2026-01-14-login-timeouts.md',
  B: '2026-01-29-search-index-lag.md',
  C: '2026-03-08-internal-dns-failures.md',
  D: '2026-03-21-sso-redirect-loop.md',
  E: '2026-04-09-checkout-pool-exhaustion.md',
  F: '2026-04-29-search-shard-rebalance.md',
  G: '2026-05-18-admin-report-exports.md',
  H: '2026-07-03-payment-provider-timeouts.md',
  I: '2026-07-22-flash-sale-checkout.md',
  J: '2026-08-20-webhook-retry-storm.md',
  K: '2026-10-30-refund-queue-stall.md',
  L: '2026-12-05-cdn-cache-purge.md',
};

/** EXPECTED.md, "By service": the incidents naming each service (G and L name none). */
const SERVICE_INCIDENTS: Record<string, string> = {
  payments: 'EHJK',
  'checkout-api': 'EHI',
  auth: 'AD',
  search: 'BF',
  'api-gateway': 'A',
  'internal-dns': 'C',
  'web-frontend': 'D',
  cdn: 'I',
  notifications: 'J',
};

/** EXPECTED.md, "Action items": the overdue tasks by their number (1-based, in expected.json's order). */
const OVERDUE_NUMBERS = [2, 9, 10, 16, 18, 21, 22, 25, 30];

/** An item in expected.json's shape. */
function shape(item: ActionItem): ExpectedItem {
  return { file: item.file as string, text: item.text, owner: item.owner, due: item.due, priority: item.priority, issue: item.issue, done: item.done };
}

/** The items in expected.json's order: file name, then line. */
function inFileOrder(items: readonly ActionItem[]): ExpectedItem[] {
  return [...items].sort((left, right) => (left.file as string).localeCompare(right.file as string) || (left.line as number) - (right.line as number)).map(shape);
}

let postmortems: Postmortem[];
beforeAll(async () => {
  const files = await readCollection(['.'], { cwd: postmortemsDirectory });
  expect(files.map((file) => file.error)).toEqual(files.map(() => null));
  postmortems = files.map((file) => file.postmortem as Postmortem);
});

function collect(options: CollectActionsOptions): ActionItem[] {
  return collectActions(postmortems, { today: TODAY, ...options });
}

const all = expected.actions.items;
const where = (predicate: (item: ExpectedItem, index: number) => boolean): ExpectedItem[] => all.filter(predicate);
const fileOf = (letters: string): Set<string> => new Set([...letters].map((letter) => LETTERS[letter] as string));

describe('collectActions over the collection fixture', () => {
  it('finds every task as worked out by hand', () => {
    expect(inFileOrder(collect({}))).toEqual(all);
    expect(collect({})).toHaveLength(expected.actions.total);
  });

  it('gives the hand-worked totals: open, done, overdue, unowned, undated', () => {
    const open = collect({ open: true });
    expect(open).toHaveLength(expected.actions.open);
    expect(collect({ done: true })).toHaveLength(expected.actions.done);
    expect(collect({ overdue: true })).toHaveLength(expected.actions.overdue);
    expect(open.filter((item) => item.owner === null)).toHaveLength(expected.actions.unowned);
    expect(open.filter((item) => item.due === null)).toHaveLength(expected.actions.undated);
  });

  it.each<[string, CollectActionsOptions, (item: ExpectedItem, index: number) => boolean]>([
    ['--open', { open: true }, (item) => !item.done],
    ['--done', { done: true }, (item) => item.done],
    // #28 is due on today itself: not overdue.
    ['--overdue', { overdue: true }, (_item, index) => OVERDUE_NUMBERS.includes(index + 1)],
    ['--severity SEV1', { severities: ['SEV1'] }, (item) => expected.incidents[item.file]?.severity === 'SEV1'],
    ['--severity sev2 (any case)', { severities: ['sev2'] }, (item) => expected.incidents[item.file]?.severity === 'SEV2'],
    ['--severity SEV3', { severities: ['SEV3'] }, (item) => expected.incidents[item.file]?.severity === 'SEV3'],
    ['--severity SEV1 --severity SEV3', { severities: ['SEV1', 'SEV3'] }, (item) => ['SEV1', 'SEV3'].includes(expected.incidents[item.file]?.severity ?? '')],
    // J has no severity: no severity filter lists its tasks.
    ['--severity SEV4 (none has it)', { severities: ['SEV4'] }, () => false],
    ...Object.entries(SERVICE_INCIDENTS).map(([service, letters]): [string, CollectActionsOptions, (item: ExpectedItem) => boolean] => [
      `--service ${service}`,
      { services: [service.toUpperCase()] },
      (item) => fileOf(letters).has(item.file),
    ]),
    ['--service payments --service search', { services: ['payments', 'search'] }, (item) => fileOf('EHJKBF').has(item.file)],
    ['--owner "Dana Lee"', { owners: ['Dana Lee'] }, (item) => item.owner === 'Dana Lee'],
    ['--owner "  tomás ortega " (trimmed, any case)', { owners: ['  tomás ortega '] }, (item) => item.owner === 'Tomás Ortega'],
    ['--owner Aisha --owner Ravi (whole names only)', { owners: ['Aisha', 'Ravi'] }, () => false],
    ['--open --owner "Yuki Tanaka" --severity SEV1', { open: true, owners: ['Yuki Tanaka'], severities: ['SEV1'] }, (item) => !item.done && item.owner === 'Yuki Tanaka' && expected.incidents[item.file]?.severity === 'SEV1'],
    ['--overdue --service payments', { overdue: true, services: ['payments'] }, (item, index) => OVERDUE_NUMBERS.includes(index + 1) && fileOf('EHJK').has(item.file)],
    ['--done --severity SEV3 --service search', { done: true, severities: ['SEV3'], services: ['search'] }, (item) => item.done && fileOf('BF').has(item.file)],
  ])('%s', (_name, options, predicate) => {
    const items = collect(options);
    expect(inFileOrder(items)).toEqual(where(predicate));
  });

  it('counts each owner\'s open and done tasks as worked out by hand', () => {
    for (const [owner, counts] of Object.entries(expected.actions.byOwner)) {
      expect({ owner, open: collect({ owners: [owner], open: true }).length, done: collect({ owners: [owner], done: true }).length }).toEqual({ owner, ...counts });
    }
  });

  it('keeps the tasks of documents that lack values, with those values null or empty', () => {
    const items = collect({});
    const ofFile = (letter: string): ActionItem[] => items.filter((item) => item.file === LETTERS[letter]);
    expect(ofFile('J').map((item) => item.postmortem.severity)).toEqual([null, null, null]);
    expect(ofFile('G').map((item) => item.postmortem.services)).toEqual([[], []]);
    expect(ofFile('L').map((item) => item.postmortem.services)).toEqual([[], []]);
    // G has no front matter: its date and status come from labels under its title.
    expect(ofFile('G').map((item) => [item.postmortem.date, item.postmortem.status])).toEqual([['2026-05-18', 'final'], ['2026-05-18', 'final']]);
  });

  it('sorts by due date, the undated last, then by file and line', () => {
    const items = collect({});
    const dues = items.map((item) => item.due);
    const dated = dues.filter((due): due is string => due !== null);
    expect(dues).toEqual([...dated, ...dues.filter((due) => due === null)]);
    expect(dated).toEqual([...dated].sort());
    // 2026-04-03 is due in C and in D: C's file first.
    expect(items.filter((item) => item.due === '2026-04-03').map((item) => item.file)).toEqual([LETTERS['C'], LETTERS['D']]);
    // The five undated: by file, then line.
    expect(items.slice(-5).map((item) => item.file)).toEqual([LETTERS['B'], LETTERS['C'], LETTERS['F'], LETTERS['J'], LETTERS['K']]);
  });
});

describe('postmortem actions over the collection fixture', () => {
  it('lists as JSON what collectActions gives, and counts as worked out by hand', async () => {
    const json = await runInProcess(['actions', '.', '--today', TODAY, '--format', 'json'], { cwd: postmortemsDirectory });
    expect(json.exitCode).toBe(0);
    expect(json.stderr).toBe('');
    expect(inFileOrder(JSON.parse(json.stdout) as ActionItem[])).toEqual(all);
    const table = await runInProcess(['actions', '.', '--today', TODAY], { cwd: postmortemsDirectory });
    const { total, open, overdue, done } = expected.actions;
    expect(table.stdout.trimEnd().split('\n').at(-1)).toBe(`${total} action items: ${open} open (${overdue} overdue), ${done} done`);
  });

  it('fails on overdue, unowned and undated items in the hand-worked numbers', async () => {
    const result = await runInProcess(['actions', '.', '--today', TODAY, '--format', 'json', '--fail-on', 'overdue', '--fail-on', 'unowned,undated'], { cwd: postmortemsDirectory });
    expect(result.exitCode).toBe(1);
    const { overdue, unowned, undated } = expected.actions;
    expect(result.stderr).toBe(`postmortem: ${overdue} overdue action items\npostmortem: ${unowned} unowned action items\npostmortem: ${undated} undated action items\n`);
  });

  it.each<[string, string[], (item: ExpectedItem, index: number) => boolean]>([
    ['--overdue', ['--overdue'], (_item, index) => OVERDUE_NUMBERS.includes(index + 1)],
    ['--open --owner', ['--open', '--owner', 'dana lee', '--owner', 'Ravi Shah'], (item) => !item.done && ['Dana Lee', 'Ravi Shah'].includes(item.owner ?? '')],
    ['--done --severity', ['--done', '--severity', 'SEV1'], (item) => item.done && expected.incidents[item.file]?.severity === 'SEV1'],
    ['--service', ['--service', 'checkout-api'], (item) => fileOf('EHI').has(item.file)],
  ])('filters with %s', async (_name, args, predicate) => {
    const result = await runInProcess(['actions', '.', '--today', TODAY, '--format', 'json', ...args], { cwd: postmortemsDirectory });
    expect(result.exitCode).toBe(0);
    expect(inFileOrder(JSON.parse(result.stdout) as ActionItem[])).toEqual(where(predicate));
  });
});
