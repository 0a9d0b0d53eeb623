// `postmortem actions` and `postmortem actions done`, in-process through run().
import { lstat, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { runInProcess, useTempDir } from './cli-harness.js';

let cwd: string;
useTempDir((path) => (cwd = path));

const ESCAPE = '\u001b[';
const TODAY = '2026-09-15';

/** A postmortem with the given front matter lines and action items lines. */
function postmortem(front: string[], tasks: string[], title = 'Checkout returned 502s'): string {
  return ['---', `title: ${title}`, ...front, '---', `# ${title}`, '', '## Action Items', '', ...tasks, ''].join('\n');
}

const CHECKOUT = postmortem(
  ['date: 2026-03-14', 'severity: SEV1', 'status: final', 'services: [checkout-api, payments]'],
  [
    '- [ ] Raise the connection pool size (owner: Ana Lima, due: 2026-03-28, priority: P1, issue: #12)',
    '- [x] Roll back the pool change (owner: Bo Chen, due: 2026-03-15)',
    '- [ ] Alert on pool saturation (owner: ana lima, due: 2026-10-01)',
    '- [ ] Load test the pool',
  ],
);
const SEARCH = postmortem(
  ['date: 2026-05-02', 'severity: SEV3', 'status: draft', 'services: [search]'],
  ['| Task | Owner | Due | Done |', '| --- | --- | --- | --- |', '| Add shard alarms | Cy Diaz | 2026-06-01 | no |', '| Write the reindex runbook | | next sprint | yes |'],
  'Search results were stale',
);

async function write(files: Record<string, string>): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    await mkdir(join(cwd, name, '..'), { recursive: true });
    await writeFile(join(cwd, name), content);
  }
}

async function actions(args: string[], options: { env?: Record<string, string>; tty?: boolean; columns?: number } = {}) {
  return runInProcess(['actions', ...args], { cwd, env: options.env, ttyColorDepth: options.tty ? 8 : undefined });
}

async function json(args: string[]): Promise<Array<{ text: string; file: string; line: number; overdue: boolean }>> {
  const result = await actions([...args, '--format', 'json', '--today', TODAY]);
  expect(result.stderr).toBe('');
  expect(result.exitCode).toBe(0);
  return JSON.parse(result.stdout) as Array<{ text: string; file: string; line: number; overdue: boolean }>;
}

describe('postmortem actions: which command runs', () => {
  it('lists postmortems/ by default, and the paths given, with or without the word list', async () => {
    await write({ 'postmortems/checkout.md': CHECKOUT, 'elsewhere/search.md': SEARCH });
    expect((await json([])).map((item) => item.file)).toEqual(Array(4).fill('postmortems/checkout.md'));
    expect((await json(['elsewhere/'])).map((item) => item.text)).toEqual(['Add shard alarms', 'Write the reindex runbook']);
    expect((await json(['list', 'elsewhere/'])).map((item) => item.text)).toEqual(['Add shard alarms', 'Write the reindex runbook']);
    expect(await json(['postmortems/', 'elsewhere/'])).toHaveLength(6);
  });

  it('reads an option value "done" as a value, and a folder named done through list', async () => {
    await write({ 'done/search.md': SEARCH, 'postmortems/checkout.md': CHECKOUT.replace('Bo Chen', 'done') });
    expect((await json(['--owner', 'done'])).map((item) => item.text)).toEqual(['Roll back the pool change']);
    expect((await json(['list', 'done'])).map((item) => item.file)).toEqual(['done/search.md', 'done/search.md']);
    // Without `list`, "done" is the subcommand: "postmortems/" is then the task it looks for.
    const result = await actions(['done', 'postmortems/']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/no action item starts with "postmortems\/"/);
  });

  it('shows the listing\'s options for actions --help, and done\'s for actions done --help', async () => {
    const help = await actions(['--help']);
    expect(help.exitCode).toBe(0);
    for (const text of ['--overdue', '--fail-on <condition>', '--mine', '--format <format>', 'Examples:', 'postmortem actions done']) expect(help.stdout).toContain(text);
    const done = await actions(['done', '--help']);
    expect(done.exitCode).toBe(0);
    expect(done.stdout).toContain('Usage: postmortem actions done [options] <task> [paths...]');
    expect(done.stdout).toContain('Examples:');
  });
});

describe('postmortem actions: filters', () => {
  it.each<[string, string[], string[]]>([
    ['--open', ['--open'], ['Raise the connection pool size', 'Add shard alarms', 'Alert on pool saturation', 'Load test the pool']],
    ['--done', ['--done'], ['Roll back the pool change', 'Write the reindex runbook']],
    ['--overdue', ['--overdue'], ['Raise the connection pool size', 'Add shard alarms']],
    ['--overdue --today', ['--overdue', '--today', '2026-05-01'], ['Raise the connection pool size']],
    ['--owner, any case, repeatable', ['--owner', 'ANA LIMA', '--owner', 'cy diaz'], ['Raise the connection pool size', 'Add shard alarms', 'Alert on pool saturation']],
    ['--severity, repeatable', ['--severity', 'sev3', '--severity', 'SEV4'], ['Add shard alarms', 'Write the reindex runbook']],
    ['--service', ['--service', 'Payments'], ['Roll back the pool change', 'Raise the connection pool size', 'Alert on pool saturation', 'Load test the pool']],
    ['filters together', ['--open', '--service', 'payments', '--owner', 'ana lima'], ['Raise the connection pool size', 'Alert on pool saturation']],
  ])('%s', async (_name, args, texts) => {
    await write({ 'postmortems/checkout.md': CHECKOUT, 'postmortems/search.md': SEARCH });
    // --today last: given twice, the later one wins.
    const result = await actions([...args.filter((arg) => arg !== '--today' && arg !== '2026-05-01'), '--format', 'json', '--today', args.includes('--today') ? '2026-05-01' : TODAY]);
    expect(result.exitCode).toBe(0);
    expect((JSON.parse(result.stdout) as Array<{ text: string }>).map((item) => item.text)).toEqual(texts);
  });

  it('uses the git user name for --mine', async () => {
    await write({ 'postmortems/checkout.md': CHECKOUT, '.gitconfig': '[user]\n\tname = Ana Lima\n' });
    const env = { HOME: cwd, GIT_CONFIG_GLOBAL: join(cwd, '.gitconfig'), GIT_CONFIG_NOSYSTEM: '1', PATH: process.env['PATH'] ?? '' };
    const result = await actions(['--mine', '--format', 'json', '--today', TODAY], { env });
    expect(result.exitCode).toBe(0);
    expect((JSON.parse(result.stdout) as Array<{ text: string }>).map((item) => item.text)).toEqual(['Raise the connection pool size', 'Alert on pool saturation']);
  });

  it('refuses --mine without a git user name, in one line, exit 2', async () => {
    await write({ 'postmortems/checkout.md': CHECKOUT });
    const env = { HOME: cwd, GIT_CONFIG_GLOBAL: join(cwd, 'no-such-gitconfig'), GIT_CONFIG_NOSYSTEM: '1', PATH: process.env['PATH'] ?? '' };
    const result = await actions(['--mine'], { env });
    expect(result).toEqual({ exitCode: 2, stdout: '', stderr: expect.stringMatching(/^postmortem: --mine needs your name from `git config user.name`, which is not set[^\n]*\n$/) });
  });

  it.each<[string, string[], RegExp]>([
    ['a --today that is not a date', ['--today', '2026-02-30'], /--today <YYYY-MM-DD>' argument '2026-02-30' is invalid\. expected a date, YYYY-MM-DD\./],
    ['a --today in another shape', ['--today', '15/09/2026'], /expected a date, YYYY-MM-DD/],
    ['--open with --done', ['--open', '--done'], /'--open' cannot be used with option '--done'/],
    ['--overdue with --done', ['--overdue', '--done'], /'--overdue' cannot be used with option '--done'/],
    ['an unknown --fail-on', ['--fail-on', 'late'], /expected overdue, unowned or undated/],
    ['an unknown --format', ['--format', 'xml'], /Allowed choices are table, json, csv, markdown/],
  ])('refuses %s: usage error, exit 2', async (_name, args, message) => {
    await write({ 'postmortems/checkout.md': CHECKOUT });
    const result = await actions(args);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
  });
});

describe('postmortem actions: table', () => {
  it('aligns columns to their content, with a last line of counts, plain when piped', async () => {
    await write({ 'postmortems/checkout.md': CHECKOUT, 'postmortems/search.md': SEARCH });
    const result = await actions(['--today', TODAY]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).not.toContain(ESCAPE);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^FILE:LINE\s+TASK\s+OWNER\s+DUE\s+PRIORITY\s+ISSUE\s+STATE\s+POSTMORTEM\s+DATE\s+STATUS$/);
    expect(lines.at(-2)).toBe('');
    expect(lines.at(-1)).toBe('6 action items: 4 open (2 overdue), 2 done');
    // Every column starts where its header does.
    const header = lines[0] as string;
    for (const name of ['TASK', 'OWNER', 'DUE', 'STATE', 'DATE']) {
      const column = header.search(new RegExp(`\\b${name}\\b`));
      for (const row of lines.slice(1, -2)) expect(row[column - 1]).toBe(' ');
    }
    expect(lines[3]).toMatch(/^postmortems\/search\.md:14\s+Add shard alarms\s+Cy Diaz\s+2026-06-01\s+-\s+-\s+overdue\s+Search results were stale\s+2026-05-02\s+draft$/);
    expect(lines[2]).toMatch(/^postmortems\/checkout\.md:12\s+Raise the connection pool size\s+Ana Lima\s+2026-03-28\s+P1\s+#12\s+overdue\s+Checkout returned 502s\s+2026-03-14\s+final$/);
    expect(lines[1]).toMatch(/^postmortems\/checkout\.md:13\s+Roll back the pool change\s+Bo Chen\s+2026-03-15\s+-\s+-\s+done\s/);
    expect(lines.at(-3)).toMatch(/^postmortems\/search\.md:15\s+Write the reindex runbook\s+-\s+next sprint\s+-\s+-\s+done\s/);
  });

  it('leaves out the priority and issue columns when no item has one', async () => {
    await write({ 'postmortems/search.md': SEARCH });
    const header = (await actions(['--today', TODAY])).stdout.split('\n')[0];
    expect(header).toMatch(/^FILE:LINE\s+TASK\s+OWNER\s+DUE\s+STATE\s+POSTMORTEM\s+DATE\s+STATUS$/);
  });

  it('colours overdue rows red and done rows dim on a colour terminal, and fits its width', async () => {
    const long = 'Rewrite the connection pool so that it sheds load before it runs out of connections during a sale'.repeat(2);
    await write({ 'postmortems/checkout.md': CHECKOUT.replace('Load test the pool', long), 'postmortems/search.md': SEARCH });
    const result = await actions(['--today', TODAY], { tty: true });
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.find((line) => line.includes('Raise the connection'))).toMatch(/^\u001b\[31m.*\u001b\[39m$/);
    expect(lines.find((line) => line.includes('Roll back'))).toMatch(/^\u001b\[2m.*\u001b\[22m$/);
    expect(lines.find((line) => line.includes('Alert on pool'))).not.toContain(ESCAPE);
    // The harness's terminal is 100 columns wide; the long task is cut with an ellipsis.
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(100);
    expect(result.stdout).toContain('…');
    expect(result.stdout).not.toContain(long);
    // Piped, nothing is cut.
    expect((await actions(['--today', TODAY])).stdout).toContain(long);
  });

  it('shows control characters and line breaks in a task as spaces', async () => {
    await write({ 'postmortems/checkout.md': postmortem([], ['- [ ] Clear \u001b[2J the screen (owner: Ana)']) });
    const result = await actions(['--today', TODAY]);
    expect(result.stdout).toContain('Clear  [2J the screen');
    expect(result.stdout).not.toContain('\u001b');
  });

  it('says so plainly when there is nothing to list', async () => {
    await write({ 'postmortems/checkout.md': CHECKOUT, 'empty/none.md': postmortem([], ['No tasks were agreed.']) });
    expect(await actions(['empty/'])).toEqual({ exitCode: 0, stdout: 'No action items found in 1 postmortem.\n', stderr: '' });
    expect(await actions(['--owner', 'nobody'])).toEqual({ exitCode: 0, stdout: 'No action items match the filters (4 action items in 1 postmortem).\n', stderr: '' });
    expect(await actions(['--owner', 'nobody', '--format', 'json'])).toEqual({ exitCode: 0, stdout: '[]\n', stderr: '' });
    expect((await actions(['--owner', 'nobody', '--format', 'markdown'])).stdout).toBe('No action items match the filters (4 action items in 1 postmortem).\n');
  });
});

describe('postmortem actions: other formats', () => {
  it('writes JSON: an array of action items', async () => {
    await write({ 'postmortems/checkout.md': CHECKOUT });
    const [first] = await json(['--open']);
    expect(first).toEqual({
      file: 'postmortems/checkout.md',
      line: 12,
      text: 'Raise the connection pool size',
      owner: 'Ana Lima',
      due: '2026-03-28',
      priority: 'P1',
      issue: '#12',
      done: false,
      overdue: true,
      postmortem: { file: 'postmortems/checkout.md', title: 'Checkout returned 502s', date: '2026-03-14', severity: 'SEV1', status: 'final', services: ['checkout-api', 'payments'] },
    });
  });

  it('writes CSV per RFC 4180, with fields that would start a formula prefixed by a quote', async () => {
    await write({
      'postmortems/checkout.md': postmortem(['date: 2026-03-14', 'services: [checkout-api, payments]'], [
        '- [ ] =HYPERLINK("http://example.com","click"), then cry (owner: @ops, due: 2026-04-01)',
        '- [ ] Say "no", twice (owner: -Ana)',
        '- [ ] +1 the fix (owner: Bo)',
      ], 'Checkout, "again"'),
    });
    const result = await actions(['--format', 'csv', '--today', TODAY]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout.split('\r\n')).toEqual([
      'file,line,text,owner,due,priority,issue,done,overdue,title,date,severity,status,services',
      `postmortems/checkout.md,10,"'=HYPERLINK(""http://example.com"",""click""), then cry",'@ops,2026-04-01,,,false,true,"Checkout, ""again""",2026-03-14,,,checkout-api; payments`,
      `postmortems/checkout.md,11,"Say ""no"", twice",'-Ana,,,,false,false,"Checkout, ""again""",2026-03-14,,,checkout-api; payments`,
      `postmortems/checkout.md,12,'+1 the fix,Bo,,,,false,false,"Checkout, ""again""",2026-03-14,,,checkout-api; payments`,
      '',
    ]);
  });

  it('writes a GitHub Markdown table with pipes escaped', async () => {
    await write({ 'postmortems/checkout.md': postmortem(['date: 2026-03-14', 'status: draft'], ['- [x] Split `a | b` configs (owner: Ana)']) });
    const result = await actions(['--format', 'markdown', '--today', TODAY]);
    expect(result.stdout).toBe(
      [
        '| Task | Owner | Due | Priority | Issue | State | Postmortem | Date | Status | File |',
        '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
        '| Split `a \\| b` configs | Ana |  |  |  | done | Checkout returned 502s | 2026-03-14 | draft | postmortems/checkout.md:10 |',
        '',
        '1 action item: 0 open (0 overdue), 1 done',
        '',
      ].join('\n'),
    );
  });
});

describe('postmortem actions: --fail-on', () => {
  it.each<[string, string[], number, string]>([
    ['overdue', ['--fail-on', 'overdue'], 1, 'postmortem: 2 overdue action items\n'],
    ['unowned', ['--fail-on', 'unowned'], 1, 'postmortem: 1 unowned action item\n'],
    ['undated, comma-separated with overdue', ['--fail-on', 'undated,overdue'], 1, 'postmortem: 1 undated action item\npostmortem: 2 overdue action items\n'],
    ['overdue, with nothing overdue on the day given', ['--fail-on', 'overdue', '--today', '2026-03-01'], 0, ''],
    ['unowned among the done tasks listed only (a done task never fails)', ['--done', '--fail-on', 'unowned,undated,overdue'], 0, ''],
    ['overdue among the filtered items only', ['--owner', 'Bo Chen', '--fail-on', 'overdue'], 0, ''],
  ])('%s', async (_name, args, exitCode, stderr) => {
    await write({ 'postmortems/checkout.md': CHECKOUT, 'postmortems/search.md': SEARCH });
    const result = await actions(['--today', TODAY, ...args, '--format', 'json']);
    expect(result.stderr).toBe(stderr);
    expect(result.exitCode).toBe(exitCode);
    expect(() => JSON.parse(result.stdout) as unknown).not.toThrow();
  });
});

describe('postmortem actions: discovery and unreadable files', () => {
  it('names a file it cannot read in one line, lists the rest, and exits 2', async () => {
    await write({ 'postmortems/checkout.md': CHECKOUT, 'postmortems/broken.md': '---\ntitle: [unclosed\n---\n# Broken\n' });
    const result = await actions(['--today', TODAY, '--format', 'json']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^postmortem: postmortems\/broken\.md:2: invalid YAML front matter[^\n]*\npostmortem: 1 file could not be read; the list leaves it out\n$/);
    expect(JSON.parse(result.stdout)).toHaveLength(4);
  });

  it('exits 2 for a path that does not exist', async () => {
    const result = await actions(['nowhere/']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^postmortem: nowhere\/[^\n]*\n$/);
  });

  it('skips --ignore globs and the config\'s ignores (-c)', async () => {
    await write({ 'postmortems/checkout.md': CHECKOUT, 'postmortems/archive/search.md': SEARCH, 'ci.json': '{ "ignores": ["postmortems/checkout.md"] }' });
    expect(await json([])).toHaveLength(6);
    expect((await json(['--ignore', 'postmortems/archive/**'])).map((item) => item.file)).toEqual(Array(4).fill('postmortems/checkout.md'));
    expect((await json(['-c', 'ci.json'])).map((item) => item.file)).toEqual(['postmortems/archive/search.md', 'postmortems/archive/search.md']);
  });
});

describe('postmortem actions done', () => {
  it('ticks a task named FILE:LINE, changing only its checkbox', async () => {
    await write({ 'postmortems/checkout.md': CHECKOUT });
    const result = await actions(['done', 'postmortems/checkout.md:14']);
    expect(result).toEqual({ exitCode: 0, stdout: 'postmortems/checkout.md:14: marked done: Alert on pool saturation\n', stderr: '' });
    expect(await readFile(join(cwd, 'postmortems/checkout.md'), 'utf8')).toBe(CHECKOUT.replace('- [ ] Alert on pool', '- [x] Alert on pool'));
    expect(await readdir(join(cwd, 'postmortems'))).toEqual(['checkout.md']);
  });

  it('ticks a task named by the start of its text, any case, in a table in the column\'s words', async () => {
    await write({ 'postmortems/checkout.md': CHECKOUT, 'postmortems/search.md': SEARCH });
    const result = await actions(['done', 'add SHARD']);
    expect(result).toEqual({ exitCode: 0, stdout: 'postmortems/search.md:14: marked done: Add shard alarms\n', stderr: '' });
    expect(await readFile(join(cwd, 'postmortems/search.md'), 'utf8')).toBe(SEARCH.replace('| 2026-06-01 | no |', '| 2026-06-01 | yes |'));
  });

  it('looks for the text in the paths given', async () => {
    await write({ 'postmortems/checkout.md': CHECKOUT, 'other/checkout.md': CHECKOUT });
    expect((await actions(['done', 'Load test', 'other/'])).stdout).toBe('other/checkout.md:15: marked done: Load test the pool\n');
    expect(await readFile(join(cwd, 'postmortems/checkout.md'), 'utf8')).toBe(CHECKOUT);
  });

  it('says a task is already done, exit 0, and leaves the file alone', async () => {
    await write({ 'postmortems/checkout.md': CHECKOUT });
    const before = await lstat(join(cwd, 'postmortems/checkout.md'));
    expect(await actions(['done', 'postmortems/checkout.md:13'])).toEqual({ exitCode: 0, stdout: 'postmortems/checkout.md:13: already done: Roll back the pool change\n', stderr: '' });
    expect((await lstat(join(cwd, 'postmortems/checkout.md'))).mtimeMs).toBe(before.mtimeMs);
  });

  it('refuses text that starts no task, exit 2', async () => {
    await write({ 'postmortems/checkout.md': CHECKOUT });
    expect(await actions(['done', 'Rewrite everything'])).toEqual({ exitCode: 2, stdout: '', stderr: 'postmortem: no action item starts with "Rewrite everything" (searched 1 file)\n' });
  });

  it('refuses text that starts several tasks, listing at most 10, and writes nothing', async () => {
    const many = postmortem([], Array.from({ length: 12 }, (_, index) => `- [ ] Fix thing ${index + 1} (owner: Ana)`));
    await write({ 'postmortems/many.md': many });
    const result = await actions(['done', 'fix thing']);
    expect(result.exitCode).toBe(2);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('postmortem: "fix thing" starts 12 action items; name one as FILE:LINE (nothing was changed):');
    expect(lines.slice(1, 3)).toEqual(['  postmortems/many.md:8: Fix thing 1', '  postmortems/many.md:9: Fix thing 2']);
    expect(lines).toHaveLength(12);
    expect(lines[11]).toBe('  ... and 2 more');
    expect(await readFile(join(cwd, 'postmortems/many.md'), 'utf8')).toBe(many);
  });

  it('refuses a line where no task starts, a table without a Done column, and a plain line, exit 2, file untouched', async () => {
    const noDone = postmortem([], ['| Task | Owner |', '| --- | --- |', '| Add shard alarms | Cy |']);
    const plain = ['# Outage', '', '## Corrective actions', '', 'Tasks:', 'Raise the pool (owner: Ana)', ''].join('\n');
    await write({ 'a.md': CHECKOUT, 'b.md': noDone, 'c.md': plain });
    expect(await actions(['done', 'a.md:3'])).toEqual({ exitCode: 2, stdout: '', stderr: 'postmortem: a.md:3: no action item starts on this line (its action items start on lines 12, 13, 14, 15)\n' });
    expect(await actions(['done', 'b.md:10'])).toEqual({ exitCode: 2, stdout: '', stderr: 'postmortem: b.md:10: the action items table (line 8) has no Done column to tick; add a "Done" column (yes/no) and run this again\n' });
    expect((await actions(['done', 'c.md:6'])).stderr).toMatch(/^postmortem: c\.md:6: this action item is not a list item or a table row/);
    expect([await readFile(join(cwd, 'a.md'), 'utf8'), await readFile(join(cwd, 'b.md'), 'utf8'), await readFile(join(cwd, 'c.md'), 'utf8')]).toEqual([CHECKOUT, noDone, plain]);
  });

  it('keeps CRLF, a byte order mark and a missing final newline byte for byte', async () => {
    const text = `\uFEFF${CHECKOUT.replace(/\n/g, '\r\n').replace(/\r\n$/, '')}`;
    await writeFile(join(cwd, 'crlf.md'), text);
    expect((await actions(['done', 'crlf.md:15'])).exitCode).toBe(0);
    const after = await readFile(join(cwd, 'crlf.md'));
    expect(after.equals(Buffer.from(text.replace('- [ ] Load test', '- [x] Load test')))).toBe(true);
    expect([...after.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('edits the file behind a symbolic link and keeps the link', async () => {
    await write({ 'real.md': CHECKOUT });
    await symlink('real.md', join(cwd, 'link.md'));
    expect((await actions(['done', 'link.md:12'])).exitCode).toBe(0);
    expect((await lstat(join(cwd, 'link.md'))).isSymbolicLink()).toBe(true);
    expect(await readFile(join(cwd, 'real.md'), 'utf8')).toContain('- [x] Raise the connection pool size');
  });

  it('names a file that cannot be read, exit 2', async () => {
    await writeFile(join(cwd, 'binary.md'), Buffer.from([0x2d, 0x20, 0x00, 0x01]));
    expect(await actions(['done', 'binary.md:1'])).toEqual({ exitCode: 2, stdout: '', stderr: 'postmortem: binary.md: looks like a binary file (NUL byte at offset 2), not text\n' });
  });
});
