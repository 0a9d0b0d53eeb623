// `postmortem status` through the real bin (the bundle): every option, the exit codes, and the bytes of the file.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, STACK_LINE, writeFiles } from '../e2e/e2e-harness.js';
import { lineOf, reviewBody, reviewPostmortem } from '../review/review-fixtures.js';
import { repoRoot, useTempDir } from './cli-harness.js';

let cwd: string;
useTempDir((path) => (cwd = path));

const UNOWNED = '- [ ] Add a canary stage for config pushes (due: 2026-05-01)';
const FRONT = ['# reviewed weekly', "title: 'Checkout API returned errors'", 'status: "in-review"   # by the review meeting', 'reviewers:', '  - Ann Lee'];

describe('postmortem status (bin)', () => {
  it('prints the status and the checklist for final', async () => {
    const text = reviewPostmortem(['status: draft'], reviewBody([UNOWNED]));
    await writeFiles(cwd, { 'postmortems/x.md': text });
    const result = bin(['status', 'postmortems/x.md'], cwd);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('postmortems/x.md: draft\nTo be final it needs:\n');
    expect(result.stdout).toContain(`✖ every task has an owner\n      postmortems/x.md:${lineOf(text, 'canary')}: task "Add a canary stage for config pushes" has no owner\n`);
    expect(result.stdout).not.toContain('\u001b[');
  });

  it('moves to final with --reviewer and --today, changing only those bytes, CRLF kept', async () => {
    const text = reviewPostmortem(FRONT).replace(/\n/g, '\r\n');
    await writeFiles(cwd, { 'x.md': text });
    const result = bin(['status', 'x.md', 'final', '--reviewer', 'Bo Chen', '--today', '2026-03-20'], cwd);
    expect(result).toEqual({ exitCode: 0, stderr: '', stdout: 'x.md: moved from in-review to final\nx.md: review recorded on 2026-03-20 (added Bo Chen; reviewers: Ann Lee, Bo Chen)\n' });
    expect(await readFile(join(cwd, 'x.md'), 'utf8')).toBe(
      text.replace('status: "in-review"', 'status: "final"').replace('  - Ann Lee\r\n', '  - Ann Lee\r\n  - Bo Chen\r\nreviewedAt: 2026-03-20\r\n'),
    );
  });

  it('exits 1 with one line per unmet requirement and leaves the file', async () => {
    const text = reviewPostmortem(['status: in-review'], reviewBody([UNOWNED]));
    await writeFiles(cwd, { 'x.md': text });
    const result = bin(['status', 'x.md', 'final'], cwd);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe([
      `x.md:${lineOf(text, 'canary')}: task "Add a canary stage for config pushes" has no owner`,
      'x.md: needs at least 1 reviewer (has none); add one with --reviewer NAME',
      'x.md: not moved to final; it stays in-review: 2 things are missing (the file is unchanged)',
      '',
    ].join('\n'));
    expect(await readFile(join(cwd, 'x.md'), 'utf8')).toBe(text);
  });

  it('reads the requirements from --config (YAML)', async () => {
    await writeFiles(cwd, { 'x.md': reviewPostmortem(['status: in-review'], reviewBody([UNOWNED])), 'gates.yaml': 'status:\n  final: { taskOwners: false, minReviewers: 0 }\n' });
    expect(bin(['status', 'x.md', 'final', '--config', 'gates.yaml'], cwd)).toEqual({ exitCode: 0, stderr: '', stdout: 'x.md: moved from in-review to final\n' });
  });

  it('moves back and records a review without a status', async () => {
    await writeFiles(cwd, { 'x.md': reviewPostmortem(['status: final', 'reviewers: [Ann Lee]']) });
    expect(bin(['status', 'x.md', 'draft'], cwd).stdout).toBe('x.md: moved back from final to draft\n');
    expect(bin(['status', 'x.md', '--reviewer', 'Bo Chen', '--today', '2026-03-21'], cwd).stdout).toBe('x.md: review recorded on 2026-03-21 (added Bo Chen; reviewers: Ann Lee, Bo Chen)\n');
    expect(await readFile(join(cwd, 'x.md'), 'utf8')).toBe(reviewPostmortem(['status: draft', 'reviewers: [Ann Lee, Bo Chen]', 'reviewedAt: 2026-03-21']));
  });

  it('reports bad input in one line, exit 2, no stack', async () => {
    await writeFiles(cwd, { 'twice.md': '---\nstatus: draft\nstatus: final\n---\n# T\n' });
    expect(bin(['status', 'twice.md', 'final'], cwd)).toEqual({ exitCode: 2, stdout: '', stderr: 'postmortem: twice.md:3: the front matter has the key "status" twice (lines 2 and 3); remove one of them\n' });
    const missing = bin(['status', 'missing.md'], cwd);
    expect(missing).toEqual({ exitCode: 2, stdout: '', stderr: 'postmortem: missing.md: no such file\n' });
    expect(bin(['status', 'twice.md', 'done'], cwd).stderr).not.toMatch(STACK_LINE);
  });

  it('has help with examples and the exit codes, and is in the top-level help', () => {
    const help = bin(['status', '--help'], cwd);
    expect(help.exitCode).toBe(0);
    for (const text of ['--reviewer <name>', '--today <YYYY-MM-DD>', '--config <file>', 'Examples:', 'postmortem status postmortems/2026-03-14-checkout.md final --reviewer "Dana Lee"', 'Exit status: 0']) expect(help.stdout).toContain(text);
    const top = bin(['--help'], cwd).stdout;
    expect(top).toContain('status [options] <file> [status]');
    expect(top).toContain('postmortem status postmortems/2026-03-14-checkout.md final --reviewer "Dana Lee"');
  });

  it('has every option of its help documented in its README section, placed after export and before lint', async () => {
    const readme = await readFile(join(repoRoot, 'README.md'), 'utf8');
    const start = readme.indexOf('### `postmortem status <file> [status] [options]`');
    const end = readme.indexOf('### `postmortem lint');
    expect(start).toBeGreaterThan(readme.indexOf('### `postmortem export'));
    expect(end).toBeGreaterThan(start);
    const section = readme.slice(start, end);
    const options = [...bin(['status', '--help'], cwd).stdout.matchAll(/^\s+((?:-\w, )?--[\w-]+(?: <[^>]+>)?)/gm)].map((match) => match[1] as string).filter((option) => option !== '-h, --help');
    expect(options).toEqual(['--reviewer <name>', '--today <YYYY-MM-DD>', '-c, --config <file>']);
    for (const option of options) expect(section).toContain(`| \`${option}\` |`);
    for (const key of ['noLintErrors', 'taskOwners', 'taskDueDates', 'minReviewers']) expect(section).toContain(key);
  });
});
