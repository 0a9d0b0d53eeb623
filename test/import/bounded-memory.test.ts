// The JSON readers keep nothing of a record past it but what they import: a log larger than
// the heap they are given is read when its window holds a small part of it. Runs the built
// library (dist/, which `npm test` builds first) in a node whose heap is capped below the
// file's size. How fast is the benchmark's business (scripts/bench/import-json-sources.js).
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../cli/cli-harness.js';

const HEAP_MB = 48;
const PAGES = 800;
const INSIDE = Date.parse('2026-03-14T12:10:00Z');
const OUTSIDE = Date.parse('2026-03-14T18:00:00Z');
/** One record in 50 is in the window, spread over the whole file: what is kept of each must not keep the block it was read in. */
const inWindow = (number: number): boolean => number % 50 === 0;
const timeOf = (number: number): string => new Date((inWindow(number) ? INSIDE : OUTSIDE) + (number % 1000) * 1000).toISOString();
let dir: string;
let logFile: string;
let alertsFile: string;
let slackDayFile: string;
let slackExport: string;
/** users.json of a large workspace: as many people as it takes to pass 80 MB, each with a long profile. */
const SLACK_USERS = 110_000;

async function write(path: string, count: number, line: (index: number) => string): Promise<void> {
  const out = createWriteStream(path);
  for (let index = 0; index < count; index += 1) {
    if (!out.write(line(index))) await new Promise<void>((done) => out.once('drain', () => done()));
  }
  await new Promise<void>((done) => out.end(() => done()));
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pm-bounded-memory-'));
  logFile = join(dir, 'pagerduty-log.json');
  alertsFile = join(dir, 'alerts.jsonl');
  // About 80 MB each: 800 pages of 100 entries; 800 payloads of 100 alerts.
  const padding = 'x'.repeat(600);
  await write(logFile, PAGES, (page) => JSON.stringify({
    log_entries: Array.from({ length: 100 }, (_, index) => ({
      id: `R${String(page * 100 + index).padStart(14, '0')}`,
      type: 'annotate_log_entry',
      created_at: timeOf(page * 100 + index),
      agent: { type: 'user_reference', summary: 'Dana Lee' },
      channel: { type: 'note', summary: `note ${page}-${index} ${padding}` },
    })),
    limit: 100, offset: page * 100, more: page < PAGES - 1,
  }));
  await write(alertsFile, PAGES, (payload) => `${JSON.stringify({
    status: 'resolved',
    alerts: Array.from({ length: 100 }, (_, index) => ({
      status: 'resolved',
      labels: { alertname: `Alert${index}`, instance: `node-${payload}` },
      annotations: { summary: `summary ${padding}` },
      startsAt: timeOf(payload * 100 + index),
      endsAt: new Date(Date.parse(timeOf(payload * 100 + index)) + 60_000).toISOString(),
      fingerprint: `${payload}-${index}-fingerprint`,
    })),
  })}\n`);
});

beforeAll(async () => {
  const padding = 'x'.repeat(600);
  // A Slack day file of about 80 MB (one channel's busiest day of a large workspace): 80,000
  // messages of 1 KB, one in 50 in the window. It is streamed, not parsed whole. The texts have no
  // white space for the reader to rewrite, so that an event keeps the text as it was read.
  slackDayFile = join(dir, '2026-03-14.json');
  await write(slackDayFile, PAGES * 100 + 2, (index) => {
    if (index === 0) return '[';
    if (index === PAGES * 100 + 1) return ']';
    const number = index - 1;
    const message = { type: 'message', user: `U${String(number % 500).padStart(10, '0')}`, text: `message:${number}:${padding}${padding.slice(300)}`, ts: `${Date.parse(timeOf(number)) / 1000}.${String(number % 1000).padStart(6, '0')}` };
    return `${number === 0 ? '' : ','}${JSON.stringify(message)}`;
  });
  // A workspace export whose users.json is about 80 MB, with one channel of one small day file
  // that names people from all over it.
  slackExport = join(dir, 'slack-export');
  await mkdir(join(slackExport, 'incident'), { recursive: true });
  await write(join(slackExport, 'users.json'), SLACK_USERS + 2, (index) => {
    if (index === 0) return '[';
    if (index === SLACK_USERS + 1) return ']';
    const number = index - 1;
    const user = { id: `U${String(number).padStart(10, '0')}`, name: `person${number}`, real_name: `Person Number ${number}`, profile: { display_name: `Display Name ${number}`, title: padding } };
    return `${number === 0 ? '' : ','}${JSON.stringify(user)}`;
  });
  const messages = Array.from({ length: 1000 }, (_, number) => ({ type: 'message', user: `U${String((number * 79) % SLACK_USERS).padStart(10, '0')}`, text: `message ${number}`, ts: `${INSIDE / 1000 + number}.000100` }));
  await write(join(slackExport, 'incident', '2026-03-14.json'), 1, () => JSON.stringify(messages));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/**
 * Reads `file` with a reader of dist/ in a node with a 48 MB heap, keeping every event as
 * importTimeline does; prints their count and the start of the first and the last one's text.
 */
function readInSmallHeap(module: string, exportName: string, file: string): { status: number | null; stdout: string; stderr: string } {
  const code = `
    const { ${exportName} } = await import(${JSON.stringify(pathToFileURL(join(repoRoot, 'dist', module)).href)});
    const events = [];
    const window = { since: ${INSIDE}, until: ${INSIDE + 3_600_000} };
    for await (const event of ${exportName}.read(${JSON.stringify(file)}, { cwd: '/', ...window })) events.push(event);
    console.log(JSON.stringify({ events: events.length, first: events[0]?.text.slice(0, 40), last: events.at(-1)?.text.slice(0, 40) }));`;
  return spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, '--input-type=module', '-e', code], { encoding: 'utf8' });
}

describe.skipIf(!existsSync(join(repoRoot, 'dist', 'import', 'sources', 'pagerduty.js')))('reading a log larger than the heap', () => {
  it('PagerDuty: 80 MB with a 48 MB heap', () => {
    const result = readInSmallHeap('import/sources/pagerduty.js', 'pagerDutyReader', logFile);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout).events).toBe(PAGES * 100 / 50);
  });

  it('Alertmanager: 80 MB with a 48 MB heap', () => {
    const result = readInSmallHeap('import/sources/alertmanager.js', 'alertmanagerReader', alertsFile);
    expect(result.stderr).toBe('');
    // A start and an end for each alert in the window.
    expect(JSON.parse(result.stdout).events).toBe((PAGES * 100 / 50) * 2);
  });

  it('Slack: an 80 MB day file with a 48 MB heap', () => {
    const result = readInSmallHeap('import/sources/slack.js', 'slackReader', slackDayFile);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toMatchObject({ events: PAGES * 100 / 50, first: `U0000000000: message:0:${'x'.repeat(17)}` });
  });

  it("Slack: an export whose users.json is 80 MB, with a 48 MB heap, names people from all over it", () => {
    const result = readInSmallHeap('import/sources/slack.js', 'slackReader', slackExport);
    expect(result.stderr).toBe('');
    // Message 999 names person (999 * 79) % 110,000: near the end of users.json.
    expect(JSON.parse(result.stdout)).toEqual({ events: 1000, first: 'Display Name 0: message 0', last: 'Display Name 78921: message 999' });
  });
});
