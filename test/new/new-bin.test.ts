// `postmortem new` through the real bin/postmortem.js (the bundle, built by `npm test` first), without a terminal.
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin, useTempDir } from '../cli/cli-harness.js';
import { dayjs } from '../../src/model/dayjs.js';
import { parseWritten } from './new-harness.js';

let cwd: string;
useTempDir((path) => (cwd = path));

const REQUIRED = [
  '--title', 'Checkout API returned errors',
  '--severity', 'SEV2',
  '--timezone', 'UTC',
  '--start', '10:00',
  '--end', '10:45',
  '--impact', 'Checkout failed for some shoppers.',
  '--root-cause', 'A bad config push.',
  '--resolution', 'We reverted the push.',
];

/** The days `in 2 weeks` may name during the run: today's, or tomorrow's should the run cross midnight. */
function inTwoWeeks(): string {
  return dayjs().add(14, 'day').format('YYYY-MM-DD');
}

describe('bin/postmortem.js new without a terminal', () => {
  it('resolves a natural due date and a share written in words, and the file holds the day and the number', async () => {
    const before = inTwoWeeks();
    const result = runBin(['new', ...REQUIRED, '--users-affected', 'about 60%', '--task', 'Add a config check|Sam Ortiz|in 2 weeks|P2', '--yes', '-o', 'out.md'], { cwd, env: { CI: '1' } });
    const after = inTwoWeeks();
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    const text = await readFile(join(cwd, 'out.md'), 'utf8');
    const due = /\(owner: Sam Ortiz, due: (\d{4}-\d{2}-\d{2}), priority: P2\)/.exec(text)?.[1];
    expect([before, after]).toContain(due);
    const parsed = await parseWritten(cwd, 'out.md');
    expect(parsed.summary.usersAffectedPercent).toBe(60);
    expect(parsed.correctiveActions.tasks).toEqual([expect.objectContaining({ text: 'Add a config check', owner: 'Sam Ortiz', due, priority: 'P2' })]);
  });

  it('keeps a task\'s tracker issue from --task and from an answers file', async () => {
    await writeFile(join(cwd, 'answers.yaml'), 'correctiveActions:\n  tasks:\n    - text: Page on queue depth\n      owner: Ana Ruiz\n      due: "2027-01-10"\n      issue: "#123"\n');
    const result = runBin(['new', ...REQUIRED, '--answers', 'answers.yaml', '--task', 'Add a config check|Sam Ortiz|2027-02-01|P2|https://tracker.example.com/issues/7', '--yes', '-o', 'out.md'], { cwd, env: { CI: '1' } });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    const parsed = await parseWritten(cwd, 'out.md');
    expect(parsed.correctiveActions.tasks.map((task) => [task.text, task.issue])).toEqual([['Add a config check', 'https://tracker.example.com/issues/7']]);
    const fromFile = runBin(['new', ...REQUIRED, '--answers', 'answers.yaml', '--yes', '-o', 'file.md'], { cwd, env: { CI: '1' } });
    expect(fromFile.exitCode).toBe(0);
    expect((await parseWritten(cwd, 'file.md')).correctiveActions.tasks.map((task) => [task.text, task.issue])).toEqual([['Page on queue depth', '#123']]);
  });

  it('refuses an unclear due date in one line naming the flag, exit 2, and writes nothing', async () => {
    const result = runBin(['new', ...REQUIRED, '--task', 'Add a config check|Sam Ortiz|after the freeze|P2', '--yes', '-o', 'out.md'], { cwd, env: { CI: '1' } });
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^postmortem: --task: task 1 \(Add a config check\): "after the freeze" is not a date: write one such as \d{4}-\d{2}-\d{2}, [A-Z][a-z]{2} \d{1,2}, tomorrow, friday, next friday or in 2 weeks\n$/);
    expect(existsSync(join(cwd, 'out.md'))).toBe(false);
  });
});
