// `postmortem timeline import` through the real bin (the bundle): every option the README
// documents, the exit codes, the bytes of the file merged into, and what --help loads.
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
