import { Chalk } from 'chalk';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import type { ActionItem } from '../../collection/types.js';
import { markdownCell } from './format-markdown.js';
import { cellText, formatActionsTable, truncate } from './format-table.js';

function item(fields: Partial<ActionItem> = {}): ActionItem {
  return {
    file: 'postmortems/2026-03-14-checkout-returned-502s.md',
    line: 42,
    text: 'Raise the connection pool size and alert when it is nearly used up',
    owner: 'Ana Lima',
    due: '2026-03-28',
    priority: 'P1',
    issue: 'https://tracker.example.com/issues/1234',
    done: false,
    overdue: true,
    postmortem: { file: 'postmortems/2026-03-14-checkout-returned-502s.md', title: 'Checkout returned 502s for most users', date: '2026-03-14', severity: 'SEV1', status: 'in-review', services: [] },
    ...fields,
  };
}

const headerOf = (text: string): string[] => (text.split('\n')[0] as string).split(/\s{2,}/);
const ALL = ['FILE:LINE', 'TASK', 'OWNER', 'DUE', 'PRIORITY', 'ISSUE', 'STATE', 'POSTMORTEM', 'DATE', 'STATUS'];

describe('formatActionsTable', () => {
  it('shows every column uncut when piped (no width)', () => {
    const text = formatActionsTable([item()], { color: null, width: null });
    expect(headerOf(text)).toEqual(ALL);
    expect(text).toContain('Raise the connection pool size and alert when it is nearly used up');
    expect(text).not.toContain('…');
  });

  it.each<[number, string[]]>([
    [250, ALL],
    [150, ALL],
    [120, ['FILE:LINE', 'TASK', 'OWNER', 'DUE', 'PRIORITY', 'ISSUE', 'STATE', 'POSTMORTEM', 'DATE']],
    [100, ['FILE:LINE', 'TASK', 'OWNER', 'DUE', 'ISSUE', 'STATE', 'POSTMORTEM']],
    [80, ['FILE:LINE', 'TASK', 'OWNER', 'DUE', 'STATE']],
  ])('fits a terminal %i columns wide, cutting text, then leaving out status, date, priority, issue and title', (width, columns) => {
    const text = formatActionsTable([item(), item({ line: 7, text: 'Short', done: true, overdue: false })], { color: null, width });
    expect(headerOf(text)).toEqual(columns);
    for (const line of text.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(width);
    // The end of the file name and its line stay.
    expect(text).toMatch(/\.md:42\s/);
  });

  it('never cuts below a column\'s minimum: on a very narrow terminal the row is longer than the width', () => {
    const text = formatActionsTable([item()], { color: null, width: 30 });
    expect(headerOf(text)).toEqual(['FILE:LINE', 'TASK', 'OWNER', 'DUE', 'STATE']);
    expect(text.split('\n')[1]).toMatch(/^….{15}\s+.{23}…\s/u);
  });

  it('colours the header bold, overdue rows red, done rows dim', () => {
    const color = new Chalk({ level: 1 });
    const lines = formatActionsTable([item(), item({ done: true, overdue: false }), item({ overdue: false })], { color, width: null }).split('\n');
    expect(lines[0]).toMatch(/^\u001b\[1mFILE:LINE.*\u001b\[22m$/);
    expect(lines[1]).toMatch(/^\u001b\[31m.*overdue.*\u001b\[39m$/);
    expect(lines[2]).toMatch(/^\u001b\[2m.*done.*\u001b\[22m$/);
    expect(lines[3]).not.toContain('\u001b');
  });
});

describe('truncate and cellText', () => {
  it.each<[string, number, 'end' | 'start', string]>([
    ['short', 10, 'end', 'short'],
    ['abcdefghij', 5, 'end', 'abcd…'],
    ['abcdefghij', 5, 'start', '…ghij'],
    ['漢字漢字漢字', 5, 'end', '漢字…'],
    ['👍🏽👍🏽👍🏽', 4, 'end', '👍🏽…'],
  ])('truncate(%j, %i, %s) is %j', (text, width, from, expected) => {
    expect(truncate(text, width, from)).toBe(expected);
    expect(stringWidth(truncate(text, width, from))).toBeLessThanOrEqual(width);
  });

  it('turns line breaks, escape sequences and bidirectional overrides into spaces', () => {
    expect(cellText('one\n  - two\r\nthree\tfour \u001b[31mred\u202egnp.exe')).toBe('one - two three four  [31mred gnp.exe');
  });
});

describe('markdownCell', () => {
  it.each<[string | null, string]>([
    [null, ''],
    ['  ', ''],
    ['a | b', 'a \\| b'],
    ['already \\| escaped', 'already \\| escaped'],
    ['two\nlines', 'two<br>lines'],
  ])('%j -> %j', (value, expected) => {
    expect(markdownCell(value)).toBe(expected);
  });
});
