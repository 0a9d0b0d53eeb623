// Timeline import and text or paths no one should trust: escape sequences, bell, C1 controls and
// bidirectional overrides in any field of any source never reach the events (and so never the
// terminal, the file merged into or an exported page), and a FIFO, named as a source or found
// inside a Slack export, is refused at once instead of waiting for a writer for ever.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importTimeline } from '../../src/import/import-timeline.js';
import { binPath, runBin } from '../cli/cli-harness.js';
import { errorLine, useScratchFolder } from './import-harness.js';

// ESC with a colour and a title sequence, BEL, C1's CSI, a right-to-left override, an isolate and a mark.
const HOSTILE = '\u001b[31mred\u001b]0;title\u0007 \u009b2J gone\u202Etxt.exe\u2066iso\u2069\u200F';
// Everything a timeline entry must never hold (whitespace apart: line breaks are folded).
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const WINDOW = { since: Date.parse('2026-03-14T00:00:00Z'), until: Date.parse('2026-03-15T00:00:00Z') };

const scratch = useScratchFolder();

const slackExport = {
  'slack/users.json': JSON.stringify([{ id: 'U1', name: `dana${HOSTILE}`, profile: { display_name: `Dana${HOSTILE}` } }]),
  'slack/channels.json': JSON.stringify([{ id: 'C1', name: 'incident' }]),
  'slack/incident/2026-03-14.json': JSON.stringify([{ type: 'message', user: 'U1', ts: '1773497100.000100', text: `Rolled back ${HOSTILE}` }]),
};
const pagerDuty = JSON.stringify({
  log_entries: [
    { id: 'E1', type: 'trigger_log_entry', created_at: '2026-03-14T14:05:00Z', summary: `Triggered ${HOSTILE}`, agent: { summary: `Monitor${HOSTILE}` } },
    { id: 'E2', type: 'annotate_log_entry', created_at: '2026-03-14T14:10:00Z', summary: 'Note added', agent: { summary: `Sam${HOSTILE}` }, channel: { summary: `Pool dry ${HOSTILE}` } },
    { id: 'E3', type: 'resolve_log_entry', created_at: '2026-03-14T14:40:00Z', summary: `Resolved ${HOSTILE}`, agent: { summary: `Sam${HOSTILE}` } },
  ],
});
const alertmanager = JSON.stringify({
  receiver: 'log',
  status: 'resolved',
  alerts: [{
    status: 'resolved',
    labels: { alertname: `Saturated${HOSTILE}` },
    annotations: { summary: `Pool at 98% ${HOSTILE}` },
    startsAt: '2026-03-14T14:00:00Z',
    endsAt: '2026-03-14T14:30:00Z',
    fingerprint: 'a1',
  }],
});
const jsonLines = JSON.stringify({ time: '2026-03-14T14:05:00Z', text: `Deploy ${HOSTILE}`, label: `Detection${HOSTILE}` });
const csv = `time,text,label\n2026-03-14T14:05:00Z,"Deploy ${HOSTILE}",Detection${HOSTILE}\n`;

/** Every text and label the import gave, checked for characters that must not be there. */
function expectClean(texts: string[]): void {
  expect(texts.length).toBeGreaterThan(0);
  for (const text of texts) expect(text).not.toMatch(FORBIDDEN);
}

describe('timeline import: control and bidirectional characters in the records', () => {
  it.each([
    ['slack', slackExport, 'slack'],
    ['pagerduty', { 'log.json': pagerDuty }, 'log.json'],
    ['alertmanager', { 'alerts.json': alertmanager }, 'alerts.json'],
    ['generic (JSON lines)', { 'events.jsonl': jsonLines }, 'events.jsonl'],
    ['generic (CSV)', { 'events.csv': csv }, 'events.csv'],
  ])('%s: leaves them out of every event, keeping the words around them', async (_name, files, source) => {
    await scratch.write(files);
    const events = await importTimeline([source], { cwd: scratch.path(), ...WINDOW });
    expectClean(events.flatMap((event) => [event.text, event.label ?? '']).filter((text) => text !== ''));
    // What was around the controls is still there: only the controls went.
    expect(events.some((event) => /red\]0;title 2J gonetxt\.exeisoiso|red\]0;title \[?2J gonetxt\.exeiso/.test(event.text))).toBe(true);
  });

  it('git: leaves them out of the author, the subject and the tags', async () => {
    const repo = join(scratch.path(), 'repo');
    const env = { ...process.env, GIT_AUTHOR_NAME: `Dana${HOSTILE}`, GIT_AUTHOR_EMAIL: 'dana@example.com', GIT_COMMITTER_NAME: 'Dana', GIT_COMMITTER_EMAIL: 'dana@example.com', GIT_AUTHOR_DATE: '2026-03-14T14:05:00Z', GIT_COMMITTER_DATE: '2026-03-14T14:05:00Z' };
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env, stdio: 'pipe' });
    await scratch.write({ 'repo/file.txt': 'one' });
    git('init', '-q');
    git('add', 'file.txt');
    git('commit', '-q', '-m', `Raise the pool ${HOSTILE}`);
    // Git refuses ASCII controls in a ref name, but not the other characters.
    git('tag', 'v1\u202Egnp.exe');
    const events = await importTimeline(['repo'], { cwd: scratch.path(), from: 'git', ...WINDOW });
    expectClean(events.map((event) => event.text));
    expect(events[0]?.text).toMatch(/by Dana\[31mred.*: Raise the pool .*\(tag v1gnp\.exe\)$/);
  });

  it('through the real bin: printed entries and the file written hold none of them', () => {
    const cwd = scratch.path();
    writeFileSync(join(cwd, 'log.json'), pagerDuty);
    const printed = runBin(['timeline', 'import', 'log.json', '--since', '2026-03-14T00:00:00Z', '--until', '2026-03-15T00:00:00Z', '--timezone', 'UTC'], { cwd, env: { FORCE_COLOR: '0' } });
    expect(printed.exitCode).toBe(0);
    expect(printed.stderr).not.toMatch(FORBIDDEN);
    expect(printed.stdout).toContain('Pool dry');
    expect(printed.stdout).not.toMatch(FORBIDDEN);
    const written = runBin(['timeline', 'import', 'log.json', '--since', '2026-03-14T00:00:00Z', '--until', '2026-03-15T00:00:00Z', '--timezone', 'UTC', '-o', 'timeline.md'], { cwd });
    expect(written.exitCode).toBe(0);
    const file = readFileSync(join(cwd, 'timeline.md'), 'utf8');
    expect(file).toContain('Pool dry');
    expect(file).not.toMatch(FORBIDDEN);
  });
});

describe('timeline import: sources that are not files or folders', () => {
  function mkfifo(name: string): string {
    const path = join(scratch.path(), name);
    execFileSync('mkfifo', [path]);
    return path;
  }

  it('refuses a FIFO when detecting its format, naming it', async () => {
    mkfifo('events.json');
    expect(await errorLine(() => importTimeline(['events.json'], { cwd: scratch.path() }))).toBe('events.json: is not a regular file or folder (a FIFO, socket or device): export the records to a file and import that');
  });

  it.each(['slack', 'pagerduty', 'alertmanager', 'generic'] as const)('refuses a FIFO read with --from %s', async (from) => {
    mkfifo('events.json');
    expect(await errorLine(() => importTimeline(['events.json'], { cwd: scratch.path(), from }))).toMatch(/^events\.json: is not a regular file or folder/);
  });

  it('refuses a FIFO where a Slack export has a day file', async () => {
    await scratch.write({ 'slack/users.json': '[]', 'slack/channels.json': '[{"id":"C1","name":"incident"}]', 'slack/incident/2026-03-13.json': '[]' });
    mkfifo('slack/incident/2026-03-14.json');
    expect(await errorLine(() => importTimeline(['slack'], { cwd: scratch.path(), ...WINDOW }))).toMatch(/2026-03-14\.json: is not a regular file or folder/);
  });

  it('through the real bin: one line, exit 2, no wait', () => {
    mkfifo('pipe.jsonl');
    // Killed after 30 s if it waits for a writer (the bug this guards against): then signal is SIGTERM.
    const result = spawnSync(process.execPath, [binPath, 'timeline', 'import', 'pipe.jsonl'], { cwd: scratch.path(), encoding: 'utf8', timeout: 30_000 });
    expect(result.signal).toBeNull();
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^postmortem: pipe\.jsonl: is not a regular file or folder/)]);
  });
});
