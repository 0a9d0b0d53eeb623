/** `postmortem status` driven in-process through run(): printing, moving, the requirements, the bytes of the file. */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lineOf, reviewBody, reviewPostmortem } from '../review/review-fixtures.js';
import { runInProcess, useTempDir } from './cli-harness.js';
import { writeFiles } from '../e2e/e2e-harness.js';

let cwd: string;
useTempDir((path) => (cwd = path));

const status = (args: string[], options: { ttyColorDepth?: number } = {}) => runInProcess(['status', ...args], { cwd, ...options });
const read = (name: string) => readFile(join(cwd, name), 'utf8');

const OWNED = '- [ ] Add a pool-exists check to the config linter (owner: Sam Ortiz, due: 2026-04-01)';
const UNOWNED = '- [ ] Add a canary stage for config pushes (due: 2026-05-01)';
const UNDATED = '- [ ] Alert on config pushes that name unknown pools (owner: Ann Lee)';

/** A file whose front matter has comments, the three quoting styles, a flow and a block list and a comment on the status line. */
const UNUSUAL = [
  '# Review: keep this block short',
  "title: 'Checkout API returned errors'   # as the team calls it",
  'date: 2026-03-14',
  'severity: "SEV2"',
  'status: in-review    # moved by the review meeting',
  'authors: [Dana Lee, "Sam Ortiz"]',
  'reviewers:',
  '    -   Ann Lee  # lead reviewer',
  '    # more to come',
  'tags:',
  '  - config',
];

describe('postmortem status: printing', () => {
  it('prints the status and what final still needs, as a checklist, exit 0', async () => {
    const text = reviewPostmortem(['title: T', 'status: draft'], reviewBody([OWNED, UNOWNED, UNDATED]));
    await writeFiles(cwd, { 'postmortems/x.md': text });
    const result = await status(['postmortems/x.md']);
    expect(result).toEqual({
      exitCode: 0,
      stderr: '',
      stdout: [
        'postmortems/x.md: draft',
        'To be final it needs:',
        '  ✔ no lint errors',
        '  ✖ every task has an owner',
        `      postmortems/x.md:${lineOf(text, 'canary')}: task "Add a canary stage for config pushes" has no owner`,
        '  ✖ every task has a due date',
        `      postmortems/x.md:${lineOf(text, 'unknown pools')}: task "Alert on config pushes that name unknown pools" has no due date`,
        '  ✖ at least 1 reviewer',
        '      postmortems/x.md: needs at least 1 reviewer (has none); add one with --reviewer NAME',
        '',
      ].join('\n'),
    });
  });

  it('says when a document is ready, and shows who reviewed a final one', async () => {
    await writeFiles(cwd, {
      'ready.md': reviewPostmortem(['status: in-review', 'reviewers: [Ann Lee]']),
      'done.md': reviewPostmortem(['status: final', 'reviewers: [Ann Lee, Bo Chen]', 'reviewedAt: 2026-03-20']),
    });
    expect((await status(['ready.md'])).stdout).toBe(
      'ready.md: in-review (reviewed by Ann Lee)\nTo be final it needs:\n  ✔ no lint errors\n  ✔ every task has an owner\n  ✔ every task has a due date\n  ✔ at least 1 reviewer\nReady: postmortem status ready.md final\n',
    );
    expect(await status(['done.md'])).toEqual({ exitCode: 0, stderr: '', stdout: 'done.md: final (reviewed by Ann Lee, Bo Chen on 2026-03-20)\n' });
  });

  it('says "no status" for a document without one, and colours the checklist only on a terminal', async () => {
    await writeFiles(cwd, { 'x.md': reviewPostmortem(['title: T']) });
    const piped = await status(['x.md']);
    expect(piped.stdout.split('\n')[0]).toBe('x.md: no status');
    expect(piped.stdout).not.toContain('\u001b[');
    const tty = await status(['x.md'], { ttyColorDepth: 8 });
    expect(tty.stdout).toContain('\u001b[');
    expect(tty.stdout.replace(/\u001b\[[0-9;]*m/g, '')).toBe(piped.stdout);
  });
});

describe('postmortem status: moving to final', () => {
  it('refuses with one line per unmet requirement, exit 1, and leaves the file byte for byte', async () => {
    const text = reviewPostmortem(['title: T', 'status: draft', 'reviewers: []'], reviewBody([OWNED, UNOWNED, UNDATED]).replace('We reverted the push', 'TODO: we reverted the push'));
    await writeFiles(cwd, { 'x.md': text });
    const before = await stat(join(cwd, 'x.md'));
    const result = await status(['x.md', 'final']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe([
      `x.md:${lineOf(text, 'TODO')}: lint error: Placeholder "TODO" left in the text: write the missing content, or remove it (no-placeholders)`,
      `x.md:${lineOf(text, 'canary')}: task "Add a canary stage for config pushes" has no owner`,
      `x.md:${lineOf(text, 'unknown pools')}: task "Alert on config pushes that name unknown pools" has no due date`,
      'x.md:4: needs at least 1 reviewer (has none); add one with --reviewer NAME',
      'x.md: not moved to final; it stays draft: 4 things are missing (the file is unchanged)',
      '',
    ].join('\n'));
    expect(await read('x.md')).toBe(text);
    expect((await stat(join(cwd, 'x.md'))).mtimeMs).toBe(before.mtimeMs);
    expect(await readdir(cwd)).toEqual(['x.md']);
  });

  it('does not count lint warnings', async () => {
    const text = reviewPostmortem(['status: in-review', 'reviewers: [Ann Lee]'], reviewBody([OWNED]).replace('We reverted the push', 'After a human error we reverted the push'));
    await writeFiles(cwd, { 'x.md': text });
    expect((await runInProcess(['lint', 'x.md'], { cwd })).stdout).toContain('warning');
    expect(await status(['x.md', 'final'])).toEqual({ exitCode: 0, stderr: '', stdout: 'x.md: moved from in-review to final\nx.md: reviewedAt set to ' + (await import('../../src/collection/action-state.js')).localToday() + '\n' });
  });

  it('counts the reviewers given with --reviewer, and records them with the date', async () => {
    await writeFiles(cwd, { 'x.md': reviewPostmortem(['title: T', 'status: in-review']) });
    const result = await status(['x.md', 'final', '--reviewer', 'Ann Lee', '--reviewer', 'Bo Chen', '--today', '2026-03-20']);
    expect(result).toEqual({ exitCode: 0, stderr: '', stdout: 'x.md: moved from in-review to final\nx.md: review recorded on 2026-03-20 (added Ann Lee, Bo Chen; reviewers: Ann Lee, Bo Chen)\n' });
    expect(await read('x.md')).toBe(reviewPostmortem(['title: T', 'status: final', 'reviewers: [Ann Lee, Bo Chen]', 'reviewedAt: 2026-03-20']));
  });

  it('edits only status, reviewers and reviewedAt in a file of comments and unusual quoting', async () => {
    const text = reviewPostmortem(UNUSUAL);
    await writeFiles(cwd, { 'x.md': text });
    expect((await status(['x.md', 'final', '--reviewer', 'Bo Chen', '--today', '2026-03-20'])).exitCode).toBe(0);
    const expected = reviewPostmortem([
      ...UNUSUAL.slice(0, 4),
      'status: final    # moved by the review meeting',
      ...UNUSUAL.slice(5, 8),
      '    -   Bo Chen',
      ...UNUSUAL.slice(8),
      'reviewedAt: 2026-03-20',
    ]);
    expect(await read('x.md')).toBe(expected);
  });

  it('keeps a CRLF file CRLF, its byte order mark, and a missing final newline', async () => {
    const text = `\uFEFF${reviewPostmortem(["title: 'T'", "status: 'in-review' # review", 'reviewers: ["Ann Lee"]']).replace(/\n/g, '\r\n').replace(/\r\n$/, '')}`;
    await writeFile(join(cwd, 'x.md'), text);
    expect((await status(['x.md', 'final', '--reviewer', 'Bo Chen', '--today', '2026-03-20'])).exitCode).toBe(0);
    const bytes = await readFile(join(cwd, 'x.md'));
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(bytes.toString('utf8')).toBe(
      text.replace("status: 'in-review' # review", "status: 'final' # review").replace('reviewers: ["Ann Lee"]', 'reviewers: ["Ann Lee", "Bo Chen"]\r\nreviewedAt: "2026-03-20"'),
    );
  });

  it('confirms a final document still meets the requirements, changing nothing', async () => {
    const text = reviewPostmortem(['status: final', 'reviewers: [Ann Lee]', 'reviewedAt: 2026-03-20']);
    await writeFiles(cwd, { 'x.md': text, 'y.md': reviewPostmortem(['status: final']) });
    expect(await status(['x.md', 'final'])).toEqual({ exitCode: 0, stderr: '', stdout: 'x.md: already final; nothing to change\n' });
    expect(await read('x.md')).toBe(text);
    const unmet = await status(['y.md', 'final']);
    expect(unmet.exitCode).toBe(1);
    expect(unmet.stdout).toContain('y.md: is final but does not meet what final requires: 1 thing is missing (the file is unchanged)');
  });
});

describe('postmortem status: other moves and reviews', () => {
  it('moves back from final to draft, and says so', async () => {
    await writeFiles(cwd, { 'x.md': reviewPostmortem(['status: final # done', 'reviewers: [Ann Lee]']) });
    expect(await status(['x.md', 'draft'])).toEqual({ exitCode: 0, stderr: '', stdout: 'x.md: moved back from final to draft\n' });
    expect(await read('x.md')).toBe(reviewPostmortem(['status: draft # done', 'reviewers: [Ann Lee]']));
  });

  it('moves to in-review without requirements unless the config sets some', async () => {
    await writeFiles(cwd, { 'x.md': reviewPostmortem(['status: draft'], reviewBody([UNOWNED])) });
    expect((await status(['x.md', 'in-review'])).stdout).toBe('x.md: moved from draft to in-review\n');
    await writeFiles(cwd, { 'y.md': reviewPostmortem(['status: draft'], reviewBody([UNOWNED])), '.postmortemrc.yaml': 'status:\n  in-review:\n    taskOwners: true\n' });
    const result = await status(['y.md', 'in-review']);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('y.md: not moved to in-review; it stays draft: 1 thing is missing');
  });

  it('records a review without a status change, without adding a name twice', async () => {
    await writeFiles(cwd, { 'x.md': reviewPostmortem(['status: in-review', 'reviewers:', '- Ann Lee']) });
    expect(await status(['x.md', '--reviewer', 'ann lee', '--reviewer', 'Bo Chen', '--today', '2026-03-21'])).toEqual({
      exitCode: 0,
      stderr: '',
      stdout: 'x.md: review recorded on 2026-03-21 (added Bo Chen; reviewers: Ann Lee, Bo Chen)\n',
    });
    expect(await read('x.md')).toBe(reviewPostmortem(['status: in-review', 'reviewers:', '- Ann Lee', '- Bo Chen', 'reviewedAt: 2026-03-21']));
    expect((await status(['x.md', '--reviewer', 'Bo Chen', '--today', '2026-03-22'])).stdout).toBe('x.md: review recorded on 2026-03-22 (no new names; reviewers: Ann Lee, Bo Chen)\n');
  });

  it('gives a file without front matter a block on top, the body untouched', async () => {
    const body = reviewBody();
    await writeFiles(cwd, { 'x.md': body });
    expect((await status(['x.md', 'final', '--reviewer', 'Ann Lee', '--today', '2026-03-20'])).exitCode).toBe(0);
    expect(await read('x.md')).toBe(`---\nstatus: "final"\nreviewers: ["Ann Lee"]\nreviewedAt: "2026-03-20"\n---\n${body}`);
  });

  it('edits the file a symbolic link points to, and the link stays a link', async () => {
    const { lstat, symlink } = await import('node:fs/promises');
    await writeFiles(cwd, { 'real/x.md': reviewPostmortem(['status: draft']) });
    await symlink(join(cwd, 'real/x.md'), join(cwd, 'link.md'));
    expect((await status(['link.md', 'in-review'])).exitCode).toBe(0);
    expect((await lstat(join(cwd, 'link.md'))).isSymbolicLink()).toBe(true);
    expect(await read('real/x.md')).toBe(reviewPostmortem(['status: in-review']));
  });

  it('keeps the permissions of the file', async () => {
    const { chmod } = await import('node:fs/promises');
    await writeFiles(cwd, { 'x.md': reviewPostmortem(['status: draft']) });
    await chmod(join(cwd, 'x.md'), 0o640);
    await status(['x.md', 'in-review']);
    expect((await stat(join(cwd, 'x.md'))).mode & 0o777).toBe(0o640);
  });
});

describe('postmortem status: the config', () => {
  it('reads the requirements from the config nearest the file', async () => {
    await writeFiles(cwd, {
      'team/.postmortemrc.json': JSON.stringify({ status: { final: { taskDueDates: false, minReviewers: 2 } } }),
      'team/x.md': reviewPostmortem(['status: in-review', 'reviewers: [Ann Lee]'], reviewBody([UNDATED])),
    });
    const result = await status(['team/x.md', 'final']);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe('team/x.md:3: needs at least 2 reviewers (has 1: Ann Lee); add one with --reviewer NAME\nteam/x.md: not moved to final; it stays in-review: 1 thing is missing (the file is unchanged)\n');
    expect((await status(['team/x.md', 'final', '--reviewer', 'Bo Chen'])).exitCode).toBe(0);
  });

  it('lints with the rules of that config, as postmortem lint does', async () => {
    const text = reviewPostmortem(['status: in-review', 'reviewers: [Ann Lee]'], reviewBody([OWNED]).replace('We reverted the push', 'After a human error we reverted the push'));
    await writeFiles(cwd, { 'x.md': text, '.postmortemrc.json': JSON.stringify({ rules: { 'blameless-language': 'error' } }) });
    const result = await status(['x.md', 'final']);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain(`x.md:${lineOf(text, 'human error')}: lint error: `);
    expect(result.stdout).toContain('(blameless-language)');
  });

  it('takes --config instead of searching', async () => {
    await writeFiles(cwd, { 'x.md': reviewPostmortem(['status: in-review'], reviewBody([UNOWNED])), 'ci/lenient.yaml': 'status:\n  final:\n    taskOwners: false\n    minReviewers: 0\n' });
    expect((await status(['x.md', 'final'])).exitCode).toBe(1);
    expect(await status(['x.md', 'final', '--config', 'ci/lenient.yaml'])).toEqual({ exitCode: 0, stderr: '', stdout: 'x.md: moved from in-review to final\n' });
  });

  it('stops with exit 2 naming the config file for a bad status setting', async () => {
    await writeFiles(cwd, { 'x.md': reviewPostmortem(['status: draft']), '.postmortemrc.yaml': 'status:\n  final:\n    minReviewer: 2\n' });
    expect(await status(['x.md'])).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: 'postmortem: .postmortemrc.yaml: "status.final": unknown requirement "minReviewer" (did you mean "minReviewers"?); the requirements are noLintErrors, taskOwners, taskDueDates, minReviewers\n',
    });
  });
});

describe('postmortem status: bad input, exit 2, nothing written', () => {
  it.each([
    ['a missing file', ['missing.md'], 'postmortem: missing.md: no such file\n'],
    ['a key written twice', ['twice.md', 'final'], 'postmortem: twice.md:3: the front matter has the key "status" twice (lines 2 and 3); remove one of them\n'],
    ['invalid YAML', ['broken.md', 'final'], /^postmortem: broken\.md:2: invalid YAML front matter: /],
    ['front matter that is a list', ['list.md', 'final'], 'postmortem: list.md:2: front matter must be a YAML mapping of keys to values\n'],
    ['a tag on status', ['tagged.md', 'in-review'], 'postmortem: tagged.md:2: "status" has a tag (!!str); remove it to let postmortem edit the value\n'],
    ['reviewers that is a mapping', ['mapped.md', '--reviewer', 'Bo'], 'postmortem: mapped.md:2: "reviewers" holds a mapping, not a list; postmortem will not change it into one\n'],
    ['a date that is not one', ['twice.md', '--reviewer', 'Bo', '--today', '20/03/2026'], 'postmortem: status: --today must be a date as YYYY-MM-DD, not "20/03/2026" (run \'postmortem status --help\' for usage)\n'],
    ['two names in one --reviewer', ['twice.md', '--reviewer', 'Ann, Bo'], /^postmortem: status: --reviewer "Ann, Bo": give one name each time/],
    ['an unknown status', ['twice.md', 'done'], /^postmortem: command-argument value 'done' is invalid for argument 'status'\. Allowed choices are draft, in-review, final\./],
  ])('%s', async (_case, args, message) => {
    const files = {
      'twice.md': '---\nstatus: draft\nstatus: final\n---\n# T\n',
      'broken.md': '---\ntitle: "unclosed\n---\n# T\n',
      'list.md': '---\n- draft\n---\n# T\n',
      'tagged.md': '---\nstatus: !!str draft\n---\n# T\n',
      'mapped.md': '---\nreviewers: { lead: Ann }\n---\n# T\n',
    };
    await writeFiles(cwd, files);
    const result = await status(args);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    if (typeof message === 'string') expect(result.stderr).toBe(message);
    else expect(result.stderr).toMatch(message);
    for (const [name, content] of Object.entries(files)) expect(await read(name)).toBe(content);
  });
});
