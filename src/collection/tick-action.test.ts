import { describe, expect, it } from 'vitest';
import { parsePostmortem } from '../parse/parse-postmortem.js';
import { doneWordFor, tableCellSpans, tickActionItem } from './tick-action.js';

/** The text after ticking the task on `line`; fails the test when nothing was ticked. */
function tick(text: string, line: number): string {
  const result = tickActionItem(text, line, { filePath: 'pm.md' });
  if (result.status !== 'ticked') throw new Error(`expected a tick, got ${result.status}`);
  return result.text;
}

/** The line numbers of the tasks of `text`, and whether each is done. */
function tasksOf(text: string): Array<[number | undefined, boolean]> {
  return parsePostmortem(text).correctiveActions.tasks.map((task) => [task.line, task.done]);
}

const HEAD = '# Checkout outage\n\n## Action Items\n\n';

describe('tickActionItem: list items', () => {
  it.each<[string, string, string]>([
    ['a "- [ ]" checklist item', '- [ ] Raise the pool size (owner: Ana)', '- [x] Raise the pool size (owner: Ana)'],
    ['a "* [ ]" checklist item', '* [ ] Raise the pool size', '* [x] Raise the pool size'],
    ['a "+ [ ]" checklist item', '+ [ ] Raise the pool size', '+ [x] Raise the pool size'],
    ['a "1. [ ]" checklist item', '1. [ ] Raise the pool size', '1. [x] Raise the pool size'],
    ['a "3) [ ]" checklist item', '3) [ ] Raise the pool size', '3) [x] Raise the pool size'],
    ['extra spaces after the marker', '-   [ ]  Raise the pool size', '-   [x]  Raise the pool size'],
    ['a tab after the marker', '-\t[ ] Raise the pool size', '-\t[x] Raise the pool size'],
    ['a list item without a checkbox: one goes in after the marker', '- Raise the pool size (owner: Ana, due: 2026-04-01)', '- [x] Raise the pool size (owner: Ana, due: 2026-04-01)'],
    ['a numbered item without a checkbox', '1. Raise the pool size (owner: Ana)', '1. [x] Raise the pool size (owner: Ana)'],
    ['a tab after the marker, without a checkbox', '-\tRaise the pool size (owner: Ana)', '-\t[x] Raise the pool size (owner: Ana)'],
    ['a task with a pipe and brackets in its text', '- [ ] Fix `a | b` [see notes] (owner: Ana)', '- [x] Fix `a | b` [see notes] (owner: Ana)'],
  ])('%s', (_name, line, expected) => {
    const text = `${HEAD}${line}\n- [ ] Another task\n`;
    expect(tick(text, 5)).toBe(`${HEAD}${expected}\n- [ ] Another task\n`);
    expect(tasksOf(tick(text, 5))).toEqual([[5, true], [6, false]]);
  });

  it('ticks a nested task under a "Tasks:" item', () => {
    const text = '# T\n\n## Corrective actions\n\n- Tasks:\n  - [ ] First\n  - Second (owner: Bo)\n';
    expect(tick(text, 7)).toBe('# T\n\n## Corrective actions\n\n- Tasks:\n  - [ ] First\n  - [x] Second (owner: Bo)\n');
    expect(tick(text, 6)).toBe('# T\n\n## Corrective actions\n\n- Tasks:\n  - [x] First\n  - Second (owner: Bo)\n');
  });

  it('ticks a task written over several lines by its first line', () => {
    const text = `${HEAD}- [ ] Raise the pool size and\n  watch the saturation graph (owner: Ana)\n`;
    expect(tasksOf(text)).toEqual([[5, false]]);
    expect(tick(text, 5)).toBe(`${HEAD}- [x] Raise the pool size and\n  watch the saturation graph (owner: Ana)\n`);
  });

  it('reports a task that is already done and gives no text', () => {
    expect(tickActionItem(`${HEAD}- [x] Done already\n`, 5)).toMatchObject({ status: 'already-done', task: { text: 'Done already', done: true } });
    expect(tickActionItem(`${HEAD}- [X] Done already\n`, 5).status).toBe('already-done');
  });

  it('refuses a line where no task starts, naming the lines where tasks do', () => {
    expect(() => tickActionItem(`${HEAD}- [ ] One\n- [ ] Two\n`, 3, { filePath: 'pm.md' })).toThrow(/^no action item starts on this line \(its action items start on lines 5, 6\)$/);
    expect(() => tickActionItem('# T\n\nNo tasks here.\n', 1)).toThrow('no action item starts on this line (the file has no action items)');
    try {
      tickActionItem(`${HEAD}- [ ] One\n`, 99, { filePath: 'pm.md' });
      expect.unreachable();
    } catch (error) {
      expect((error as { format(): string }).format()).toBe('pm.md:99: no action item starts on this line (its action items start on line 5)');
    }
  });

  it('refuses a task on a plain line, which has no marker to tick', () => {
    const text = '# T\n\n## Corrective actions\n\nTasks:\nRaise the pool size (owner: Ana)\n';
    expect(tasksOf(text)).toEqual([[6, false]]);
    expect(() => tickActionItem(text, 6)).toThrow(/not a list item or a table row.*"- \[ \] \.\.\."/);
  });
});

describe('tickActionItem: the bytes around the task', () => {
  it('keeps CRLF line endings', () => {
    const text = '# T\r\n\r\n## Action Items\r\n\r\n- [ ] One\r\n- Two (owner: Bo)\r\n';
    expect(tick(text, 5)).toBe('# T\r\n\r\n## Action Items\r\n\r\n- [x] One\r\n- Two (owner: Bo)\r\n');
    expect(tick(text, 6)).toBe('# T\r\n\r\n## Action Items\r\n\r\n- [ ] One\r\n- [x] Two (owner: Bo)\r\n');
  });

  it('keeps a missing final newline', () => {
    expect(tick(`${HEAD}- [ ] One`, 5)).toBe(`${HEAD}- [x] One`);
    expect(tick('# T\r\n\r\n## Action Items\r\n\r\n| Task | Done |\r\n|---|---|\r\n| One | no |', 7)).toBe('# T\r\n\r\n## Action Items\r\n\r\n| Task | Done |\r\n|---|---|\r\n| One | yes |');
  });

  it('keeps a byte order mark', () => {
    expect(tick(`\uFEFF${HEAD}- [ ] One\n`, 5)).toBe(`\uFEFF${HEAD}- [x] One\n`);
  });

  it('leaves front matter with comments and unusual quoting as it was, and counts its lines', () => {
    const front = [
      '---',
      "# reviewed by the team, keep this comment",
      "title: 'It''s the pool: again'",
      'date: "2026-03-14"   # quoted date',
      'severity: SEV2',
      'services: [ "checkout-api" ,payments ]',
      'tags:',
      '  - >-',
      '    folded',
      '    tag',
      "owner_note: \"tab\\there\"",
      '---',
      '',
    ].join('\n');
    const text = `${front}## Action Items\n\n<!-- tick these when done -->\n- [ ] One (owner: Ana)\n`;
    expect(tasksOf(text)).toEqual([[16, false]]);
    expect(tick(text, 16)).toBe(text.replace('- [ ] One', '- [x] One'));
  });

  it('keeps tabs and trailing spaces on the line', () => {
    expect(tick(`${HEAD}\t- [ ] One\t(owner: Ana)  \n`, 5)).toBe(`${HEAD}\t- [x] One\t(owner: Ana)  \n`);
  });
});

describe('tickActionItem: table rows', () => {
  const table = (header: string, rows: string[]): string => `${HEAD}${header}\n${header.replace(/[^|]+/g, ' --- ')}\n${rows.join('\n')}\n`;

  it.each<[string, string, string[], string]>([
    ['a yes/no Done column', '| Task | Owner | Done |', ['| One | Ana | no |', '| Two | Bo | no |'], '| One | Ana | yes |'],
    ['a No/Yes column keeps its capital', '| Task | Done |', ['| One | No |'], '| One | Yes |'],
    ['the done word of another row', '| Task | Done |', ['| One | no |', '| Two | Closed |'], '| One | Closed |'],
    ['an Open/Done Status column', '| Task | Status |', ['| One | Open |'], '| One | Done |'],
    ['an upper-case status', '| Task | Status |', ['| One | IN PROGRESS |'], '| One | DONE        |'],
    ['a checkbox column', '| Task | Done |', ['| One | [ ] |', '| Two | [ ] |'], '| One | [x] |'],
    ['an emoji column', '| Task | Done |', ['| One | ❌ |'], '| One | ✅ |'],
    ['an empty Done cell', '| Task | Done |', ['| One |  |'], '| One | yes |'],
    ['an empty Status cell', '| Task | Status |', ['| One | |'], '| One | Done |'],
    ['a Done column that is not the last', '| Done | Task | Owner |', ['| no | One | Ana |'], '| yes | One | Ana |'],
    ['a table without outer pipes', 'Task | Owner | Done', ['One | Ana | no'], 'One | Ana | yes'],
    ['a row with an escaped pipe before the Done cell', '| Task | Done |', ['| Split a \\| b | no |'], '| Split a \\| b | yes |'],
    ['cells without padding', '|Task|Done|', ['|One|no|'], '|One|yes|'],
  ])('%s', (_name, header, rows, expected) => {
    const text = table(header, rows);
    const ticked = tick(text, 7);
    expect(ticked).toBe(text.replace(rows[0] as string, expected));
    expect(tasksOf(ticked)[0]).toEqual([7, true]);
  });

  it('keeps the column aligned where the padding allows', () => {
    const text = table('| Task | Done |', ['| One  | no      |', '| Two  | pending |']);
    expect(tick(text, 7)).toContain('| One  | yes     |\n');
    expect(tick(text, 8)).toContain('| Two  | done    |\n');
    // A wider word eats padding, never the last space before the pipe.
    expect(tick(table('| Task | Status |', ['| One | todo |']), 7)).toContain('| One | done |\n');
    expect(tick(table('| Task | Done |', ['| One | no |']), 7)).toContain('| One | yes |\n');
    // An emoji is two columns wide, as two letters are.
    expect(tick(table('| Task | Done |', ['| One | no  |', '| Two | ✅  |']), 7)).toContain('| One | ✅  |\n');
    expect(tick(table('| Task | Done |', ['| One |        |']), 7)).toContain('| One | yes    |\n');
    expect(tick(table('| Task | Done |', ['| One | ⬜  |', '| Two | ✅  |']), 7)).toContain('| One | ✅  |\n');
  });

  it('refuses a table without a Done or Status column, saying to add one', () => {
    const text = table('| Task | Owner | Due |', ['| One | Ana | 2026-04-01 |']);
    expect(tasksOf(text)).toEqual([[7, false]]);
    expect(() => tickActionItem(text, 7, { filePath: 'pm.md' })).toThrow('the action items table (line 5) has no Done column to tick; add a "Done" column (yes/no) and run this again');
  });

  it('refuses a row that has no cell in the Done column', () => {
    expect(() => tickActionItem(table('| Task | Owner | Done |', ['| One | Ana |']), 7)).toThrow(/no cell in the "Done" column/);
  });

  it('reports a done row as already done', () => {
    expect(tickActionItem(table('| Task | Done |', ['| One | ✅ |']), 7).status).toBe('already-done');
  });
});

describe('doneWordFor', () => {
  it.each<[string, string[], string, string]>([
    ['no', [], 'Done', 'yes'],
    ['NO', [], 'Done', 'YES'],
    ['false', [], 'Complete', 'true'],
    ['n', [], 'Done', 'y'],
    ['open', [], 'Status', 'done'],
    ['Pending', [], 'Status', 'Done'],
    ['Not started', [], 'State', 'Done'],
    ['[ ]', [], 'Done', '[x]'],
    ['[]', [], 'Done', '[x]'],
    ['☐', [], 'Done', '✅'],
    ['🔴', [], 'Status', '✅'],
    ['', [], 'Done', 'yes'],
    ['', [], '**Status**', 'Done'],
    ['blocked by vendor', [], 'status', 'done'],
    ['no', ['no', ' Finished '], 'Done', 'Finished'],
    ['Open', ['✔️'], 'Status', '✔️'],
  ])('%j in a column with %j under %j: %j', (current, column, header, expected) => {
    expect(doneWordFor(current, column, header)).toBe(expected);
  });
});

describe('tableCellSpans', () => {
  it.each<[string, string[]]>([
    ['| a | b |', [' a ', ' b ']],
    ['a | b', ['a ', ' b']],
    ['  | a |b', [' a ', 'b']],
    ['| a \\| b | c |', [' a \\| b ', ' c ']],
    ['|a|', ['a']],
    ['| a | |', [' a ', ' ']],
  ])('%j', (row, cells) => {
    expect(tableCellSpans(row).map((span) => row.slice(span.start, span.end))).toEqual(cells);
  });
});
