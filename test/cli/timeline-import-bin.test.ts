// `postmortem timeline import` through the real bin (the bundle): every option the README
// documents, the exit codes, the bytes of the file merged into, and what --help loads.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, STACK_LINE, writeFiles } from '../e2e/e2e-harness.js';
import { packagesLoadedBy, repoRoot, useTempDir } from './cli-harness.js';

let cwd: string;
useTempDir((path) => (cwd = path));

const read = (name: string) => readFile(join(cwd, name), 'utf8');

/** Events in the generic JSON-lines shape (`time`, `text`, `label`). */
const EVENTS = [
  { time: '2026-03-14T05:50:00Z', text: 'Certificate renewal job failed' },
  { time: '2026-03-14T08:31:00Z', text: 'TLS handshake errors on the edge', label: 'Detection' },
  { time: '2026-03-14T08:40:00Z', text: 'Paged the edge on-call', label: 'Escalation' },
  { time: '2026-03-14T09:05:00Z', text: 'Renewed certificate deployed' },
].map((record) => JSON.stringify(record)).join('\n');

const POSTMORTEM = [
  '---',
  'title: Expired edge certificate',
  'date: 2026-03-14',
  'timezone: UTC',
  'start: 2026-03-14T08:30:00Z',
  'end: 2026-03-14T09:10:00Z',
  '---',
  '',
  '# Expired edge certificate',
  '',
  '## Summary',
  '',
  'Clients could not connect for 40 minutes.',
  '',
  '## Timeline',
  '',
  '| Time | Event |',
  '| --- | --- |',
  '| 08:30 | Connections began to fail |',
  '| 09:10 | Error rate back to normal |',
  '',
].join('\r\n');

describe('postmortem timeline import (bin)', () => {
  it('prints the events as a timeline, with the window note on stderr', async () => {
    await writeFiles(cwd, { 'events.jsonl': EVENTS });
    const result = bin(['timeline', 'import', 'events.jsonl', '--timezone', 'UTC+01:00', '--grep', 'TLS|Paged', '-t', 'narrative'], cwd);
    expect(result).toEqual({
      exitCode: 0,
      stdout: '- 9:31 AM: **Detection:** TLS handshake errors on the edge\n- 9:40 AM: **Escalation:** Paged the edge on-call\n',
      stderr: 'postmortem: every event read (no window: no --into file; --since and --until set one)\n',
    });
  });

  it('writes -o, refusing an existing file until --force', async () => {
    await writeFiles(cwd, { 'events.jsonl': EVENTS, 'timeline.md': 'keep me\n' });
    const refused = bin(['timeline', 'import', 'events.jsonl', '-o', 'timeline.md'], cwd);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain('postmortem: timeline.md: already exists; use --force to overwrite it\n');
    expect(await read('timeline.md')).toBe('keep me\n');
    const forced = bin(['timeline', 'import', 'events.jsonl', '--output', 'timeline.md', '--force', '--since', '2026-03-14T09:00:00Z', '--until', '2026-03-14'], cwd);
    expect(forced.exitCode).toBe(0);
    expect(await read('timeline.md')).toBe('- 9:05 AM: Renewed certificate deployed\n');
  });

  it('--dry-run shows the diff and writes nothing; --into merges into the table (CRLF kept), and a second run adds nothing', async () => {
    await writeFiles(cwd, { 'events.jsonl': EVENTS, 'pm.md': POSTMORTEM });
    const dry = bin(['timeline', 'import', 'events.jsonl', '--into', 'pm.md', '--dry-run'], cwd);
    expect(dry.exitCode).toBe(0);
    expect(dry.stdout).toContain('+| 08:31 | **Detection:** TLS handshake errors on the edge |\n');
    expect(dry.stdout).not.toContain('Certificate renewal job failed');
    expect(dry.stderr).toBe('postmortem: events from 2026-03-14 06:30 to 2026-03-14 11:10 (UTC), the impact in pm.md ± 2 hours\npostmortem: dry run: pm.md would get 3 entries; nothing written\n');
    expect(await read('pm.md')).toBe(POSTMORTEM);

    const merged = bin(['timeline', 'import', 'events.jsonl', '--into', 'pm.md'], cwd);
    expect(merged).toMatchObject({ exitCode: 0, stdout: 'pm.md: added 3 entries to the timeline\n' });
    expect(await read('pm.md')).toBe(POSTMORTEM.replace(
      '| 08:30 | Connections began to fail |\r\n| 09:10 |',
      '| 08:30 | Connections began to fail |\r\n| 08:31 | **Detection:** TLS handshake errors on the edge |\r\n| 08:40 | **Escalation:** Paged the edge on-call |\r\n| 09:05 | Renewed certificate deployed |\r\n| 09:10 |',
    ));
    const again = bin(['timeline', 'import', 'events.jsonl', '--into', 'pm.md'], cwd);
    expect(again).toMatchObject({ exitCode: 0, stdout: 'pm.md: nothing to add (3 already there)\n' });
  });

  it('exits 2 with one line, no stack, for bad input, and writes nothing', async () => {
    await writeFiles(cwd, { 'events.jsonl': EVENTS, 'pm.md': POSTMORTEM });
    for (const args of [['--timezone', 'Nowhere/Land'], ['--since', 'soon'], ['--grep', '[a-'], ['--into', 'pm.md', '-o', 'x.md'], ['--from', 'email']]) {
      const result = bin(['timeline', 'import', 'events.jsonl', ...args], cwd);
      expect(result.exitCode, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).not.toMatch(STACK_LINE);
    }
    const misplaced = bin(['timeline', 'import', 'events.jsonl', '--channel', 'incident'], cwd);
    expect(misplaced.exitCode).toBe(2);
    expect(misplaced.stderr).toBe('postmortem: --channel applies to Slack exports, and no source is one (the sources read as: generic); leave it out, or name the source with --from slack\n');
    const missing = bin(['timeline', 'import', 'nothing-here.jsonl'], cwd);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain('nothing-here.jsonl');
    expect(await read('pm.md')).toBe(POSTMORTEM);
  });

  it('reads a Slack export: --channel, --include-threads and --from, with the readers\' warnings one line each', () => {
    const slack = 'test/fixtures/import/slack/export';
    const base = ['timeline', 'import', slack, '--channel', 'incident-checkout', '--timezone', 'America/New_York', '--until', '2026-03-08'];
    const channel = bin(base, repoRoot);
    expect(channel.exitCode).toBe(0);
    expect(channel.stdout).toContain('- 1:40 AM: alertbot: [FIRING:1] CheckoutErrorRate: 5xx above 5% on checkout-api\n');
    expect(channel.stdout).not.toContain('Review booked');
    const warnings = channel.stderr.split('\n').filter((line) => line.startsWith('postmortem: warning:'));
    expect(warnings).toEqual([`postmortem: warning: ${slack}: skipped 1 thread reply (--include-threads keeps them) and 1 bot message that did not read like an alert or a deploy`]);
    const threads = bin([...base, '--include-threads', '--from', 'slack'], repoRoot);
    expect(threads.exitCode).toBe(0);
    expect(threads.stdout.split('\n').length).toBe(channel.stdout.split('\n').length + 1);
    expect(threads.stderr).not.toContain('thread repl');
    const wrongKind = bin(['timeline', 'import', slack, '--from', 'generic'], repoRoot);
    expect(wrongKind.exitCode).toBe(2);
    expect(wrongKind.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('merges PagerDuty and Alertmanager records into a postmortem, with the labels they imply, in its 24-hour clock', async () => {
    const pagerduty = join(repoRoot, 'test/fixtures/import/pagerduty/incident-log.json');
    const alerts = join(repoRoot, 'test/fixtures/import/alertmanager/webhooks.jsonl');
    const postmortem = ['---', 'title: Orders database ran out of connections', 'date: 2026-03-14', 'timezone: UTC', '---', '', '## Summary', '', 'Checkout failed from 14:00 to 15:40 UTC.', '', '## Timeline', '', '- 14:00: Connections climbed on orders-db', '- 15:40: Checkout back to normal', ''].join('\n');
    await writeFiles(cwd, { 'pm.md': postmortem });
    const result = bin(['timeline', 'import', pagerduty, alerts, '--into', 'pm.md', '--until', '15:30'], cwd);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('pm.md: added 9 entries to the timeline\n');
    expect(await read('pm.md')).toContain([
      '- 14:00: Connections climbed on orders-db',
      '- 14:00: **Detection:** Alert PostgresConnectionsSaturated firing: orders-db uses 98% of max_connections',
      '- 14:02: **Detection:** Alert HighErrorRate firing: Checkout 5xx ratio is 7.2% (threshold 5%)',
      '- 14:05: **Detection:** Triggered by Datadog: checkout 5xx above 5%',
      '- 14:09: **Escalation:** Acknowledged by Dana Lee',
      '- 14:20: Note by Dana Lee: Connection pool on orders-db is exhausted; requests time out after 30 s.',
      '- 14:31: **Escalation:** Escalated to Database on-call',
      '- 14:58: **Escalation:** Reassigned to Sam Ortiz by Priya Raman.',
      '- 15:10: **Detection:** Alert CheckoutLatencyHigh firing: p99 latency above 2 s.',
      '- 15:20: Alert PostgresConnectionsSaturated stopped firing',
      '- 15:40: Checkout back to normal',
    ].join('\n'));
    expect(result.stderr).toContain('postmortem: warning: ');
    expect(result.stderr).toContain('postmortem: events from 2026-03-14 12:00 to 2026-03-14 15:30 (UTC), --until and the impact in pm.md ± 2 hours\n');
  });

  it('reads git history with --from git --repo, in the window, into the timeline and into new --timeline-from', async () => {
    const repo = join(cwd, 'service');
    const git = (args: string[], date?: string) => {
      const env = { ...process.env, GIT_AUTHOR_NAME: 'Dana Lee', GIT_AUTHOR_EMAIL: 'dana@example.com', GIT_COMMITTER_NAME: 'Dana Lee', GIT_COMMITTER_EMAIL: 'dana@example.com', ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) };
      const child = spawnSync('git', ['-C', repo, ...args], { env, encoding: 'utf8' });
      if (child.status !== 0) throw new Error(child.stderr);
    };
    await writeFiles(cwd, { 'service/pool.conf': 'size=20\n' });
    git(['init', '-q', '-b', 'main']);
    git(['add', '.']);
    git(['commit', '-q', '-m', 'Pool size 20'], '2026-03-10T09:00:00Z');
    await writeFiles(cwd, { 'service/pool.conf': 'size=5\n' });
    git(['commit', '-q', '-am', 'Lower the pool size to 5'], '2026-03-14T13:50:00Z');
    git(['tag', 'v2.4.0']);
    const printed = bin(['timeline', 'import', '--from', 'git', '--repo', 'service', '--since', '2026-03-14', '--until', '2026-03-14'], cwd);
    expect(printed.exitCode).toBe(0);
    expect(printed.stdout).toMatch(/^- 1:50 PM: Commit [0-9a-f]{7} by Dana Lee: Lower the pool size to 5 \(tag v2\.4\.0\)\n$/);
    const written = bin([
      'new', '--timeline-from', 'service', '--from', 'git', '--repo', 'service', '--title', 'Pool exhausted', '--date', '2026-03-14', '--severity', 'SEV2', '--timezone', 'UTC',
      '--start', '14:00', '--end', '15:00', '--impact', 'Checkout failed.', '--root-cause', 'The pool was too small.', '--resolution', 'Raised it.', '-o', 'pm.md',
    ], cwd);
    expect(written.exitCode).toBe(0);
    expect(await read('pm.md')).toMatch(/\n- 13:50: Commit [0-9a-f]{7} by Dana Lee: Lower the pool size to 5 \(tag v2\.4\.0\)\n/);
    expect(await read('pm.md')).not.toContain('Pool size 20');
  });

  it('reads CSV columns named by --time-field, --text-field and --label-field', async () => {
    await writeFiles(cwd, { 'log.csv': 'when,what,kind\n2026-03-14T08:31:00Z,TLS handshake errors,Detection\n2026-03-14T08:40:00Z,"Paged the edge on-call, who joined",Escalation\n' });
    const result = bin(['timeline', 'import', 'log.csv', '--time-field', 'when', '--text-field', 'what', '--label-field', 'kind', '-t', 'pagerduty'], cwd);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('| Time | Label | Event |\n| --- | --- | --- |\n| 8:31 AM | Detection | TLS handshake errors |\n| 8:40 AM | Escalation | Paged the edge on-call, who joined |\n');
  });

  it('new --timeline-from keeps every imported entry of the window without a terminal', async () => {
    await writeFiles(cwd, { 'events.jsonl': EVENTS });
    const result = bin([
      'new', '--timeline-from', 'events.jsonl', '--title', 'Expired edge certificate', '--date', '2026-03-14', '--severity', 'SEV2', '--timezone', 'UTC',
      '--start', '08:30', '--end', '09:10', '--impact', 'Clients could not connect.', '--root-cause', 'A certificate expired.', '--resolution', 'Renewed it.',
      '--timeline', '08:30|Connections began to fail', '-o', 'pm.md',
    ], cwd);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(await read('pm.md')).toContain([
      '- 08:30: Connections began to fail',
      '- 08:31: **Detection:** TLS handshake errors on the edge',
      '- 08:40: **Escalation:** Paged the edge on-call',
      '- 09:05: Renewed certificate deployed',
    ].join('\n'));
    expect(await read('pm.md')).not.toContain('Certificate renewal job failed');
  });

  it('new --timeline-from passes --channel, --include-threads and the CSV fields to the readers', async () => {
    const answers = ['--title', 'Checkout errors', '--date', '2026-03-08', '--severity', 'SEV2', '--timezone', 'America/New_York', '--start', '01:40', '--end', '03:45', '--impact', 'Checkout failed.', '--root-cause', 'A bad deploy.', '--resolution', 'Rolled back.'];
    const slack = join(repoRoot, 'test/fixtures/import/slack/export');
    const withThreads = bin(['new', '--timeline-from', slack, '--channel', 'incident-checkout', '--include-threads', ...answers, '-o', 'threads.md'], cwd);
    const without = bin(['new', '--timeline-from', slack, '--channel', 'incident-checkout', ...answers, '-o', 'plain.md'], cwd);
    expect([withThreads.exitCode, without.exitCode]).toEqual([0, 0]);
    expect(without.stderr).toContain('skipped 1 thread reply');
    expect(await read('plain.md')).toContain('- 01:40: alertbot: [FIRING:1] CheckoutErrorRate: 5xx above 5% on checkout-api\n');
    const entries = async (name: string) => (await read(name)).split('\n').filter((line) => /^- \d\d:\d\d: /.test(line)).length;
    expect(await entries('threads.md')).toBe((await entries('plain.md')) + 1);

    await writeFiles(cwd, { 'log.csv': 'when,what,kind\n2026-03-08T06:50:00Z,Canary alarms ignored,Detection\n' });
    const csv = bin(['new', '--timeline-from', 'log.csv', '--time-field', 'when', '--text-field', 'what', '--label-field', 'kind', ...answers, '-o', 'csv.md'], cwd);
    expect(csv.exitCode).toBe(0);
    expect(await read('csv.md')).toContain('- 01:50: **Detection:** Canary alarms ignored\n');
  });

  it('documents every option of --help in the README, and --help loads neither the parser nor the diff', () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const section = /^### `postmortem timeline import <source\.\.\.> \[options\]`\n([\s\S]*?)^### /m.exec(readme)?.[1] ?? '';
    const help = bin(['timeline', 'import', '--help'], cwd);
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toContain('Examples:');
    const options = [...help.stdout.matchAll(/^ {2}(?:-\w, )?(--[\w-]+)/gm)].map((match) => match[1] as string).filter((option) => option !== '--help');
    expect(options.length).toBe(16);
    for (const option of options) expect(section, option).toMatch(new RegExp(`^\\| \`(?:-\\w, )?${option}[ \`]`, 'm'));
    expect(bin(['timeline', '--help'], cwd).stdout).toContain('import [options] [source...]');
    const loaded = packagesLoadedBy(['timeline', 'import', '--help'], { cwd, log: join(cwd, 'imports.log') });
    expect(loaded.exitCode).toBe(0);
    for (const name of ['diff', 'gray-matter', 'markdown-it', 'handlebars']) expect(loaded.packages.has(name), name).toBe(false);
  });
});
