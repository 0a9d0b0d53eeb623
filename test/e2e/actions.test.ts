// `postmortem actions` and `actions done` through the real bin, with every option the README
// documents; the collection fixture (copied, never edited) gives known answers for today 2026-09-15.
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { bin, repoRoot, STACK_LINE, useTempDir } from './e2e-harness.js';

let cwd: string;
useTempDir((path) => (cwd = path));
beforeEach(async () => {
  await cp(join(repoRoot, 'test', 'fixtures', 'collection', 'postmortems'), join(cwd, 'postmortems'), { recursive: true });
});

const TODAY = ['--today', '2026-09-15'];
const texts = (stdout: string): string[] => (JSON.parse(stdout) as Array<{ text: string }>).map((item) => item.text);

describe('postmortem actions (bin)', () => {
  it('lists postmortems/ as a table with the counts worked out by hand', () => {
    const result = bin(['actions', ...TODAY], cwd);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout.split('\n')[0]).toMatch(/^FILE:LINE\s+TASK\s+OWNER\s+DUE\s+PRIORITY\s+ISSUE\s+STATE\s+POSTMORTEM\s+DATE\s+STATUS$/);
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('36 action items: 23 open (9 overdue), 13 done');
    expect(bin(['actions', 'postmortems/', ...TODAY], cwd).stdout).toBe(result.stdout);
    expect(bin(['actions', 'list', 'postmortems/', ...TODAY], cwd).stdout).toBe(result.stdout);
  });

  it.each<[string, string[], number]>([
    ['--open', ['--open'], 23],
    ['--done', ['--done'], 13],
    ['--overdue', ['--overdue'], 9],
    ['--owner (repeatable)', ['--owner', 'dana lee', '--owner', 'Ravi Shah'], 9],
    ['--severity', ['--severity', 'SEV1'], 7],
    ['--service', ['--service', 'search'], 7],
    ['--ignore', ['--ignore', 'postmortems/2026-0[1-6]*'], 14],
  ])('filters with %s', (_name, args, count) => {
    const result = bin(['actions', ...TODAY, '--format', 'json', ...args], cwd);
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toHaveLength(count);
  });

  it('reads the config\'s ignores with -c', async () => {
    await writeFile(join(cwd, 'ci.yaml'), 'ignores:\n  - "postmortems/2026-1*"\n');
    expect(JSON.parse(bin(['actions', ...TODAY, '-f', 'json', '-c', 'ci.yaml'], cwd).stdout)).toHaveLength(32);
  });

  it('finds --mine from git config user.name', async () => {
    await writeFile(join(cwd, 'gitconfig'), '[user]\n\tname = Lena Fischer\n');
    const env = { GIT_CONFIG_GLOBAL: join(cwd, 'gitconfig'), GIT_CONFIG_NOSYSTEM: '1', HOME: cwd };
    const result = bin(['actions', ...TODAY, '-f', 'json', '--mine', '--open'], cwd, env);
    expect(texts(result.stdout)).toEqual(['Throttle shard relocation to two concurrent moves', 'Warm the cache for the top 500 pages after a full purge']);
  });

  it('writes CSV and Markdown', () => {
    const csv = bin(['actions', ...TODAY, '--format', 'csv', '--overdue'], cwd).stdout;
    expect(csv.split('\r\n')).toHaveLength(11);
    expect(csv.startsWith('file,line,text,owner,due,priority,issue,done,overdue,title,date,severity,status,services\r\n')).toBe(true);
    const markdown = bin(['actions', ...TODAY, '--format', 'markdown', '--done'], cwd).stdout;
    expect(markdown.split('\n')[0]).toBe('| Task | Owner | Due | Priority | Issue | State | Postmortem | Date | Status | File |');
    expect(markdown).toContain('13 action items: 0 open (0 overdue), 13 done');
  });

  it('fails a weekly CI job on overdue items: exit 1 and a line on stderr', () => {
    const result = bin(['actions', '--overdue', '--fail-on', 'overdue', ...TODAY], cwd);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe('postmortem: 9 overdue action items\n');
    expect(bin(['actions', '--overdue', '--fail-on', 'overdue', '--today', '2026-01-01'], cwd).exitCode).toBe(0);
  });

  it('refuses a bad --today with a usage error, exit 2', () => {
    const result = bin(['actions', '--today', 'next week'], cwd);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^postmortem: option '--today <YYYY-MM-DD>' argument 'next week' is invalid/);
  });

  it('lists the rest and exits 2 when a file cannot be read', async () => {
    await writeFile(join(cwd, 'postmortems', 'broken.md'), '---\ntitle: "unclosed\n---\n');
    const result = bin(['actions', ...TODAY, '-f', 'json'], cwd);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^postmortem: postmortems\/broken\.md:\d+: invalid YAML front matter/);
    expect(result.stderr).not.toMatch(STACK_LINE);
    expect(JSON.parse(result.stdout)).toHaveLength(36);
  });

  it('shows help with examples', () => {
    for (const args of [['actions', '--help'], ['help', 'actions'], ['actions', 'done', '--help']]) {
      const result = bin(args, cwd);
      expect(result.exitCode).toBe(0);
      expect(result.stdout).toContain('Usage: postmortem actions');
      expect(result.stdout).toContain('Examples:');
    }
    expect(bin(['--help'], cwd).stdout).toContain('postmortem actions --overdue');
  });
});

describe('postmortem actions done (bin)', () => {
  it('ticks a table row by FILE:LINE and a checklist item by text, changing one line each', async () => {
    const table = 'postmortems/2026-01-29-search-index-lag.md';
    const before = await readFile(join(cwd, table), 'utf8');
    const line = before.split('\n').findIndex((text) => text.startsWith('| Document how to pause')) + 1;
    const ticked = bin(['actions', 'done', `${table}:${line}`], cwd);
    expect(ticked).toEqual({ exitCode: 0, stdout: `${table}:${line}: marked done: Document how to pause the reindex job safely\n`, stderr: '' });
    const after = await readFile(join(cwd, table), 'utf8');
    expect(after).toBe(before.replace(/(\| Document how to pause.*\| )no( \|)/, '$1yes$2'));
    expect(after).not.toBe(before);

    const checklist = 'postmortems/2026-08-20-webhook-retry-storm.md';
    const original = await readFile(join(cwd, checklist), 'utf8');
    expect(bin(['actions', 'done', 'split notification'], cwd).stdout).toMatch(/^postmortems\/2026-08-20-webhook-retry-storm\.md:\d+: marked done: Split notification workers from payment workers\n$/);
    expect(await readFile(join(cwd, checklist), 'utf8')).toBe(original.replace('- [ ] Split notification', '- [x] Split notification'));
    const listed = bin(['actions', ...TODAY, '-f', 'json', '--done'], cwd);
    expect(JSON.parse(listed.stdout)).toHaveLength(15);
  });

  it('refuses an ambiguous text, listing the candidates, exit 2, nothing written', () => {
    const result = bin(['actions', 'done', 'alert'], cwd);
    expect(result.exitCode).toBe(2);
    expect(result.stderr.split('\n')[0]).toMatch(/^postmortem: "alert" starts \d+ action items; name one as FILE:LINE \(nothing was changed\):$/);
    expect(result.stderr).toMatch(/^ {2}postmortems\/2026-01-14-login-timeouts\.md:\d+: Alert on login p95 latency/m);
  });

  it('looks for the text in the paths given, with --ignore', () => {
    const result = bin(['actions', 'done', 'Alert on login', 'postmortems/', '--ignore', 'postmortems/2026-01-14-*'], cwd);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe('postmortem: no action item starts with "Alert on login" (searched 11 files)\n');
  });
});
