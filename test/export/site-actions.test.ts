/** The site's action items page: every task of the collection fixture, overdue first, each linked to its line. */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSiteActionsContent } from '../../src/export/site-actions-view.js';
import { siteCollectionPostmortem } from '../../src/export/site-collection.js';
import { buildSite } from '../../src/export/site.js';
import { emptyPostmortem, type CorrectiveTask } from '../../src/model/postmortem.js';
import { runBin, runInProcess, useTempDir } from '../cli/cli-harness.js';
import { findUnsafeHtml } from './html-safety.js';

const fixture = path.join(import.meta.dirname, '..', 'fixtures', 'collection');
const expected = JSON.parse(readFileSync(path.join(fixture, 'expected.json'), 'utf8')) as {
  today: string;
  actions: { total: number; open: number; done: number; overdue: number; items: Array<{ file: string; text: string; owner: string | null; due: string | null; priority: string | null; issue: string | null; done: boolean }> };
};

let cwd: string;
useTempDir((directory) => (cwd = directory));

/** The rows of each section of the page, as text. */
function sections(html: string): Record<string, Array<{ text: string; href: string; due: string; owner: string; issue: string; state: string }>> {
  const result: Record<string, Array<{ text: string; href: string; due: string; owner: string; issue: string; state: string }>> = {};
  for (const section of html.matchAll(/<section class="action-group action-group-(\w+)"[\s\S]*?<\/section>/g)) {
    result[section[1] as string] = [...section[0].matchAll(/<tr class="action[^"]*">([\s\S]*?)<\/tr>/g)].map((row) => {
      const cell = (name: string): string => (new RegExp(`<td class="action-${name}">([\\s\\S]*?)</td>`).exec(row[1] as string)?.[1] ?? '').replace(/<[^>]+>/g, '').trim();
      return {
        text: cell('text').replace(/^(?:✓ |! )?(?:Done|Overdue|Open) /, '').replace(/&amp;/g, '&'),
        state: /action-state-(\w+)/.exec(row[1] as string)?.[1] as string,
        href: /<td class="action-postmortem"><a href="([^"]+)">/.exec(row[1] as string)?.[1] as string,
        due: cell('due'),
        owner: cell('owner'),
        // A URL issue is a link showing its short form, the whole URL in its title.
        issue: /<td class="action-issue"><a href="[^"]+" title="([^"]+)"/.exec(row[1] as string)?.[1] ?? cell('issue'),
      };
    });
  }
  return result;
}

describe('the action items page', () => {
  it('lists every task of the collection fixture, overdue first, then open, then done, each linked to its line in its page', async () => {
    await buildSite([path.join(fixture, 'postmortems')], 'site', { cwd, today: expected.today });
    const html = await readFile(path.join(cwd, 'site', 'actions.html'), 'utf8');
    expect(findUnsafeHtml(html)).toEqual([]);
    const { actions } = expected;
    expect(html).toContain(`<p>${actions.total} action items in 12 postmortems: ${actions.open} open, of which ${actions.overdue} overdue on September 15, 2026; ${actions.done} done.</p>`);
    const found = sections(html);
    expect(Object.keys(found)).toEqual(['overdue', 'open', 'done']);
    expect([found.overdue?.length, found.open?.length, found.done?.length]).toEqual([actions.overdue, actions.open - actions.overdue, actions.done]);
    // The same items as worked out by hand, each in its section.
    const rows = Object.values(found).flat();
    const key = (item: { text: string; owner: string | null; issue: string | null }): string => `${item.text}|${item.owner ?? ''}|${item.issue ?? ''}`;
    expect(rows.map(key).sort()).toEqual(actions.items.map(key).sort());
    for (const item of actions.items) {
      const row = rows.find((candidate) => key(candidate) === key(item));
      const overdue = !item.done && item.due !== null && /^\d{4}-\d{2}-\d{2}$/.test(item.due) && item.due < expected.today;
      expect(row?.state, item.text).toBe(item.done ? 'done' : overdue ? 'overdue' : 'open');
      // The link is to the page of the task's file, at the line that holds the task.
      const [page, anchor] = (row?.href as string).split('#');
      expect(page).toBe(item.file.replace(/\.md$/, '.html'));
      const line = Number(/^L(\d+)$/.exec(anchor as string)?.[1]);
      const source = readFileSync(path.join(fixture, 'postmortems', item.file), 'utf8').split('\n');
      expect(source[line - 1], item.text).toContain(item.text.slice(0, 20));
      const target = await readFile(path.join(cwd, 'site', page as string), 'utf8');
      expect(target).toContain(`<tr id="${anchor}" class="task`);
    }
    // Overdue: the longest overdue first, with how late in words.
    const overdueDues = (found.overdue ?? []).map((row) => row.due.slice(0, 10));
    expect(overdueDues).toEqual([...overdueDues].sort());
    expect(found.overdue?.[0]?.due).toMatch(/^\d{4}-\d{2}-\d{2}\d+ days overdue$/);
  });

  it('sorts by due date within a group, undated last; reads a due that is no date as written; links a task without a line to its page', () => {
    const task = (text: string, due: string | null, extra: Partial<CorrectiveTask> = {}): CorrectiveTask => ({ text, owner: null, due, priority: null, issue: null, done: false, ...extra });
    const postmortem = {
      ...emptyPostmortem(),
      title: 'Outage',
      correctiveActions: { improvements: [], tasks: [task('later', '2026-05-01', { line: 9 }), task('whenever', 'next sprint', { line: 10 }), task('soon', '2026-04-01', { line: 11 }), task('late', '2026-01-01', { line: 12 }), task('no line', null), task('finished', '2025-01-01', { done: true, line: 13 })] },
    };
    const index = { title: 'Outage', date: '', dateTime: null, severity: '', severityClass: 'severity-other', duration: '', impact: '', status: '', statusClass: '', sortTitle: 'Outage', services: [], tags: [] };
    const record = { href: 'team/out%20age.html', index, postmortem: siteCollectionPostmortem(postmortem, 'team/out age.md') };
    const content = buildSiteActionsContent([record], '2026-03-01');
    expect(content.groups.map((group) => [group.key, group.rows.map((row) => row.textHtml)])).toEqual([
      ['overdue', ['late']],
      ['open', ['soon', 'later', 'whenever', 'no line']],
      ['done', ['finished']],
    ]);
    expect(content.groups[0]?.rows[0]).toMatchObject({ lateness: '59 days overdue', stateLabel: 'Overdue', href: 'team/out%20age.html#L12', location: 'team/out age.md:12' });
    expect(content.groups[1]?.rows.map((row) => [row.due, row.dueDateTime, row.href])).toEqual([
      ['2026-04-01', '2026-04-01', 'team/out%20age.html#L11'],
      ['2026-05-01', '2026-05-01', 'team/out%20age.html#L9'],
      ['next sprint', null, 'team/out%20age.html#L10'],
      ['', null, 'team/out%20age.html'],
    ]);
    expect(content.counts).toEqual({ total: 6, open: 5, overdue: 1, done: 1 });
    expect(buildSiteActionsContent([], '2026-03-01')).toMatchObject({ summary: 'No action items in 0 postmortems.', groups: [] });
  });
});

describe('postmortem export --site --today', () => {
  it('measures overdue action items against the day given, through the real bin', async () => {
    const postmortems = path.join(fixture, 'postmortems');
    const early = runBin(['export', postmortems, '--site', 'early', '--today', '2026-01-01'], { cwd });
    expect(early).toMatchObject({ exitCode: 0, stderr: '' });
    const late = runBin(['export', postmortems, '--site', 'late', '--today', expected.today], { cwd });
    expect(late).toMatchObject({ exitCode: 0, stderr: '' });
    expect(await readFile(path.join(cwd, 'early', 'actions.html'), 'utf8')).toContain(`${expected.actions.open} open, of which 0 overdue on January 1, 2026;`);
    expect(await readFile(path.join(cwd, 'late', 'actions.html'), 'utf8')).toContain(`${expected.actions.open} open, of which ${expected.actions.overdue} overdue on September 15, 2026;`);
  });

  it('refuses a day that is not a date, and --today without --site, exit 2', async () => {
    const bad = await runInProcess(['export', path.join(fixture, 'postmortems'), '--site', 'site', '--today', '15/09/2026'], { cwd });
    expect(bad).toMatchObject({ exitCode: 2, stdout: '' });
    expect(bad.stderr).toContain("option '--today <YYYY-MM-DD>' argument '15/09/2026' is invalid. expected a date, YYYY-MM-DD.");
    const alone = await runInProcess(['export', path.join(fixture, 'postmortems', '2026-01-14-login-timeouts.md'), '--today', '2026-01-01'], { cwd });
    expect(alone).toEqual({ exitCode: 2, stdout: '', stderr: "postmortem: export: --today applies to --site (run 'postmortem export --help' for usage)\n" });
  });
});
