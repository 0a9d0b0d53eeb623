/** `postmortem timeline import` driven in-process through run(): printing, the window, --into, --dry-run, -o, bad input. */
import { chmod, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFiles } from '../e2e/e2e-harness.js';
import { runInProcess, useTempDir } from './cli-harness.js';

let cwd: string;
useTempDir((path) => (cwd = path));

const importTimeline = (args: string[], options: { ttyColorDepth?: number } = {}) => runInProcess(['timeline', 'import', ...args], { cwd, ...options });
const read = (name: string) => readFile(join(cwd, name), 'utf8');

/** JSON lines in the generic reader's shape: `time`, `text`, `label`. */
function jsonLines(records: Array<{ time: string; text: string; label?: string }>): string {
  return `${records.map((record) => JSON.stringify(record)).join('\n')}\n`;
}

const EVENTS = jsonLines([
  { time: '2026-03-14T09:30:00Z', text: 'Nightly report ran' },
  { time: '2026-03-14T13:52:00Z', text: 'Feature flag checkout-v3 turned on' },
  { time: '2026-03-14T14:06:00Z', text: 'Error rate above 5% on checkout-api', label: 'Detection' },
  { time: '2026-03-14T14:15:00Z', text: 'Paged the payments on-call', label: 'Escalation' },
  { time: '2026-03-14T14:41:00Z', text: 'Flag turned off; errors falling' },
  { time: '2026-03-14T21:00:00Z', text: 'Weekly backup finished' },
]);

/** A postmortem whose impact ran 14:00 to 14:45 UTC: the default window is 12:00 to 16:45. */
const POSTMORTEM = `---
title: Checkout errors after a flag flip
date: 2026-03-14
timezone: UTC
start: 2026-03-14T14:00:00Z
end: 2026-03-14T14:45:00Z
---

# Checkout errors after a flag flip

## Summary

Checkout returned errors for 45 minutes.

## Timeline

- 14:00: Errors began
- 14:15: **Escalation:** Paged the payments on-call
- 14:45: Errors stopped

## Root Cause

A flag enabled an unfinished code path.
`;

describe('postmortem timeline import: printing', () => {
  it('prints the events as the classic template\'s timeline, sorted, and says on stderr that no window was used', async () => {
    await writeFiles(cwd, { 'events.jsonl': EVENTS });
    const result = await importTimeline(['events.jsonl']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe([
      '- 9:30 AM: Nightly report ran',
      '- 1:52 PM: Feature flag checkout-v3 turned on',
      '- 2:06 PM: **Detection:** Error rate above 5% on checkout-api',
      '- 2:15 PM: **Escalation:** Paged the payments on-call',
      '- 2:41 PM: Flag turned off; errors falling',
      '- 9:00 PM: Weekly backup finished',
      '',
    ].join('\n'));
    expect(result.stderr).toBe('postmortem: every event read (no window: no --into file; --since and --until set one)\n');
  });

  it('prints the pagerduty template\'s table, in --timezone, keeping only the --since/--until window and --grep matches', async () => {
    await writeFiles(cwd, { 'events.jsonl': EVENTS });
    const result = await importTimeline(['events.jsonl', '--template', 'pagerduty', '--timezone', 'America/New_York', '--since', '2026-03-14 09:00', '--until', '2026-03-14T15:00:00-04:00', '--grep', '[Ff]lag|Paged']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe([
      '| Time | Label | Event |',
      '| --- | --- | --- |',
      '| 9:52 AM |  | Feature flag checkout-v3 turned on |',
      '| 10:15 AM | Escalation | Paged the payments on-call |',
      '| 10:41 AM |  | Flag turned off; errors falling |',
      '',
    ].join('\n'));
    expect(result.stderr).toBe('postmortem: events from 2026-03-14 09:00 to 2026-03-14 15:00 (America/New_York), --since and --until\n');
  });

  it('prints google-sre\'s timeline with its day heading, and a heading per day when the events span days', async () => {
    await writeFiles(cwd, { 'events.jsonl': jsonLines([{ time: '2026-03-14T23:50:00Z', text: 'Queue backed up' }, { time: '2026-03-15T00:10:00Z', text: 'Workers restarted' }]) });
    const sre = await importTimeline(['events.jsonl', '--template', 'google-sre', '--until', '2026-03-14']);
    expect(sre.stdout).toBe('### 2026-03-14\n\n- 11:50 PM: Queue backed up\n');
    const classic = await importTimeline(['events.jsonl']);
    expect(classic.stdout).toBe('### 2026-03-14\n\n- 11:50 PM: Queue backed up\n\n### 2026-03-15\n\n- 12:10 AM: Workers restarted\n');
  });

  it('writes -o FILE, refuses to overwrite it without --force, and `-o -` is standard output', async () => {
    await writeFiles(cwd, { 'events.jsonl': EVENTS });
    expect((await importTimeline(['events.jsonl', '-o', 'timeline.md', '--grep', 'backup'])).exitCode).toBe(0);
    expect(await read('timeline.md')).toBe('- 9:00 PM: Weekly backup finished\n');
    const again = await importTimeline(['events.jsonl', '-o', 'timeline.md', '--grep', 'Nightly']);
    expect(again.exitCode).toBe(2);
    expect(again.stderr).toContain('timeline.md');
    expect(await read('timeline.md')).toBe('- 9:00 PM: Weekly backup finished\n');
    expect((await importTimeline(['events.jsonl', '-o', 'timeline.md', '--grep', 'Nightly', '--force'])).exitCode).toBe(0);
    expect(await read('timeline.md')).toBe('- 9:30 AM: Nightly report ran\n');
    expect((await importTimeline(['events.jsonl', '-o', '-', '--grep', 'Nightly'])).stdout).toBe('- 9:30 AM: Nightly report ran\n');
  });

  it('prints nothing, exit 0, when no event is in the window', async () => {
    await writeFiles(cwd, { 'events.jsonl': EVENTS });
    const result = await importTimeline(['events.jsonl', '--since', '2026-03-15']);
    expect(result).toMatchObject({ exitCode: 0, stdout: '' });
    expect(result.stderr).toContain('no events in the window: nothing printed');
  });
});

describe('postmortem timeline import --into', () => {
  it('merges the events of the default window (impact ± 2 hours) into the timeline, and says which window', async () => {
    await writeFiles(cwd, { 'events.jsonl': EVENTS, 'pm.md': POSTMORTEM });
    const result = await importTimeline(['events.jsonl', '--into', 'pm.md']);
    expect(result.stderr).toBe('postmortem: events from 2026-03-14 12:00 to 2026-03-14 16:45 (UTC), the impact in pm.md ± 2 hours\n');
    expect(result).toMatchObject({ exitCode: 0, stdout: 'pm.md: added 3 entries to the timeline (1 already there)\n' });
    expect(await read('pm.md')).toBe(POSTMORTEM.replace(
      '- 14:00: Errors began\n- 14:15: **Escalation:** Paged the payments on-call\n- 14:45: Errors stopped\n',
      '- 13:52: Feature flag checkout-v3 turned on\n- 14:00: Errors began\n- 14:06: **Detection:** Error rate above 5% on checkout-api\n- 14:15: **Escalation:** Paged the payments on-call\n- 14:41: Flag turned off; errors falling\n- 14:45: Errors stopped\n',
    ));
  });

  it('adds nothing the second time: "nothing to add", the file byte for byte the same', async () => {
    await writeFiles(cwd, { 'events.jsonl': EVENTS, 'pm.md': POSTMORTEM });
    await importTimeline(['events.jsonl', '--into', 'pm.md']);
    const once = await read('pm.md');
    const modified = (await stat(join(cwd, 'pm.md'))).mtimeMs;
    const again = await importTimeline(['events.jsonl', '--into', 'pm.md']);
    expect(again).toMatchObject({ exitCode: 0, stdout: 'pm.md: nothing to add (4 already there)\n' });
    expect(await read('pm.md')).toBe(once);
    expect((await stat(join(cwd, 'pm.md'))).mtimeMs).toBe(modified);
  });

  it('lets --since and --until (times on the postmortem\'s date) override the window', async () => {
    await writeFiles(cwd, { 'events.jsonl': EVENTS, 'pm.md': POSTMORTEM });
    const result = await importTimeline(['events.jsonl', '--into', 'pm.md', '--since', '9:00', '--until', '10:00 AM']);
    expect(result.stderr).toBe('postmortem: events from 2026-03-14 09:00 to 2026-03-14 10:00 (UTC), --since and --until\n');
    expect(result.stdout).toBe('pm.md: added 1 entry to the timeline\n');
    expect(await read('pm.md')).toContain('## Timeline\n\n- 09:30: Nightly report ran\n- 14:00: Errors began\n');
  });

  it('--dry-run prints a unified diff of the change and writes nothing', async () => {
    await writeFiles(cwd, { 'events.jsonl': EVENTS, 'pm.md': POSTMORTEM });
    const result = await importTimeline(['events.jsonl', '--into', 'pm.md', '--dry-run', '--grep', 'Detection|Error rate']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe([
      '--- pm.md',
      '+++ pm.md',
      '@@ -15,6 +15,7 @@',
      ' ## Timeline',
      ' ',
      ' - 14:00: Errors began',
      '+- 14:06: **Detection:** Error rate above 5% on checkout-api',
      ' - 14:15: **Escalation:** Paged the payments on-call',
      ' - 14:45: Errors stopped',
      ' ',
      '',
    ].join('\n'));
    expect(result.stderr).toContain('postmortem: dry run: pm.md would get 1 entry; nothing written\n');
    expect(await read('pm.md')).toBe(POSTMORTEM);
  });

  it('colours the diff on a terminal only', async () => {
    await writeFiles(cwd, { 'events.jsonl': EVENTS, 'pm.md': POSTMORTEM });
    const result = await importTimeline(['events.jsonl', '--into', 'pm.md', '--dry-run', '--grep', 'Error rate'], { ttyColorDepth: 8 });
    expect(result.stdout).toContain('\u001b[32m+- 14:06: **Detection:** Error rate above 5% on checkout-api\u001b[39m');
  });

  it('writes times in --timezone with the zone named, when it is not the file\'s', async () => {
    await writeFiles(cwd, { 'events.jsonl': EVENTS, 'pm.md': POSTMORTEM });
    await importTimeline(['events.jsonl', '--into', 'pm.md', '--timezone', 'Europe/Berlin', '--grep', 'Error rate']);
    expect(await read('pm.md')).toContain('- 14:00: Errors began\n- 15:06 Europe/Berlin: **Detection:** Error rate above 5% on checkout-api\n- 14:15:');
  });

  it('refuses a read-only file, writing nothing, exit 2', async () => {
    await writeFiles(cwd, { 'events.jsonl': EVENTS, 'pm.md': POSTMORTEM });
    await chmod(join(cwd, 'pm.md'), 0o444);
    const result = await importTimeline(['events.jsonl', '--into', 'pm.md']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('pm.md: is read-only; nothing written');
    expect(await read('pm.md')).toBe(POSTMORTEM);
  });
});

describe('postmortem timeline import: bad input (exit 2, nothing written)', () => {
  it.each([
    [['events.jsonl', '--timezone', 'Mars/Olympus'], '--timezone "Mars/Olympus" is not a timezone'],
    [['events.jsonl', '--grep', '(unclosed'], '--grep "(unclosed" is not a regular expression'],
    [['events.jsonl', '--grep', '^(a+)+$'], '--grep "^(a+)+$" repeats a repetition'],
    [['events.jsonl', '--into', 'pm.md', '--force'], '--force is for -o; --into edits its file in place'],
    [['events.jsonl', '--into', 'events.jsonl'], '--into "events.jsonl": name a Markdown postmortem'],
    [['events.jsonl', '--since', 'yesterday-ish'], '--since: "yesterday-ish" is not a time'],
    [['events.jsonl', '--since', '14:00'], '--since: "14:00" has no date, and there is no postmortem date to read it on'],
    [['events.jsonl', '--since', '2026-03-15', '--until', '2026-03-14'], '--since is after --until'],
    [['events.jsonl', '--dry-run'], '--dry-run shows the change --into would make'],
    [['events.jsonl', '--into', 'pm.md', '--template', 'pagerduty'], 'with --into the file\'s own timeline style is used'],
    [[], 'name at least one source'],
  ])('%j', async (args, message) => {
    await writeFiles(cwd, { 'events.jsonl': EVENTS, 'pm.md': POSTMORTEM });
    const result = await importTimeline(args);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(await read('pm.md')).toBe(POSTMORTEM);
  });

  it('rejects --into with -o, and an unknown --from, as usage errors', async () => {
    await writeFiles(cwd, { 'events.jsonl': EVENTS, 'pm.md': POSTMORTEM });
    const both = await importTimeline(['events.jsonl', '--into', 'pm.md', '-o', 'out.md']);
    expect(both.exitCode).toBe(2);
    expect(both.stderr).toContain("option '--into <file>' cannot be used with option '-o, --output <file>'");
    const from = await importTimeline(['events.jsonl', '--from', 'teams']);
    expect(from.exitCode).toBe(2);
    expect(from.stderr).toContain('Allowed choices are slack, pagerduty, alertmanager, git, generic');
  });

  it('names the --into file when it does not exist', async () => {
    await writeFiles(cwd, { 'events.jsonl': EVENTS });
    const result = await importTimeline(['events.jsonl', '--into', 'missing.md']);
    expect(result).toMatchObject({ exitCode: 2, stdout: '' });
    expect(result.stderr).toBe('postmortem: missing.md: no such file\n');
  });
});
