import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alertmanagerReader } from '../../src/import/sources/alertmanager.js';
import { at, describeEvents, importFixtures, readAll, readError } from './import-harness.js';

/** The notifications of the fixtures as a person would retell them. */
const EXPECTED = [
  '2026-03-14T14:00:15.000Z | Detection | Alert PostgresConnectionsSaturated firing: orders-db uses 98% of max_connections',
  '2026-03-14T14:02:30.518Z | Detection | Alert HighErrorRate firing: Checkout 5xx ratio is 7.2% (threshold 5%)',
  '2026-03-14T15:10:00.000Z | Detection | Alert CheckoutLatencyHigh firing: p99 latency above 2 s.',
  '2026-03-14T15:20:45.000Z | - | Alert PostgresConnectionsSaturated stopped firing',
  '2026-03-14T15:37:30.518Z | - | Alert HighErrorRate stopped firing',
];

function inTimeOrder(lines: string[]): string[] {
  return [...lines].sort();
}

describe('Alertmanager reader', () => {
  it('gives one firing event per alert and one end per resolved alert, however often notifications repeat them', async () => {
    const { events, warnings } = await readAll(alertmanagerReader, 'alertmanager/webhooks.jsonl');
    expect(inTimeOrder(describeEvents(events))).toEqual(EXPECTED);
    expect(warnings).toEqual([]);
  });

  it('reads a JSON array of payloads as it reads JSON lines', async () => {
    const { events } = await readAll(alertmanagerReader, 'alertmanager/webhooks-array.json');
    expect(inTimeOrder(describeEvents(events))).toEqual(EXPECTED);
  });

  it('reads one payload: a firing alert whose endsAt is the zero time has no end', async () => {
    const { events } = await readAll(alertmanagerReader, 'alertmanager/webhook-firing.json');
    expect(describeEvents(events)).toEqual([EXPECTED[1]]);
    expect(events[0]?.origin).toBe('alertmanager/webhook-firing.json#1');
    expect(events[0]?.source).toBe('alertmanager');
  });

  it('keeps only the window: an alert started before it still gives its end inside it', async () => {
    const { events } = await readAll(alertmanagerReader, 'alertmanager/webhooks.jsonl', { since: at('2026-03-14T15:00:00Z'), until: at('2026-03-14T15:30:00Z') });
    expect(inTimeOrder(describeEvents(events))).toEqual([EXPECTED[2], EXPECTED[3]]);
  });

  it('detects payloads and bare alerts from the first bytes, nothing else', () => {
    expect(alertmanagerReader.detect('a.json', '{"receiver":"log","status":"firing","alerts":[{"status":"firing","labels":{"alertname":"X"},"startsAt":"2026-03-14T14:00:00Z"', false)).toBe(true);
    expect(alertmanagerReader.detect('a.json', '{"status":"firing","labels":{"alertname":"X"},"annotations":{},"startsAt":"2026-03-14T14:00:00Z"}', false)).toBe(true);
    expect(alertmanagerReader.detect('a.json', '{"status":"success","data":{"resultType":"vector","result":[]}}', false)).toBe(false);
    expect(alertmanagerReader.detect('a.json', '{"log_entries":[{"type":"trigger_log_entry"}]}', false)).toBe(false);
    expect(alertmanagerReader.detect('dir', '', true)).toBe(false);
  });
});

describe('Alertmanager reader: alerts written in other ways', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pm-alertmanager-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('tells alerts without a fingerprint apart by their labels, and reads a firing alert\'s future endsAt as no end', async () => {
    const alert = (instance: string, status: string, endsAt: string) => ({ status, labels: { alertname: 'DiskFull', instance }, annotations: {}, startsAt: '2026-03-14T14:00:00Z', endsAt });
    const lines = [
      { status: 'firing', alerts: [alert('a', 'firing', '2026-03-14T14:04:00Z'), alert('b', 'firing', '2026-03-14T14:04:00Z')] },
      { status: 'resolved', alerts: [alert('a', 'resolved', '2026-03-14T14:30:00Z')] },
    ];
    await writeFile(join(dir, 'hooks.jsonl'), lines.map((line) => JSON.stringify(line)).join('\n'));
    const { events } = await readAll(alertmanagerReader, 'hooks.jsonl', { cwd: dir });
    expect(describeEvents(events)).toEqual([
      '2026-03-14T14:00:00.000Z | Detection | Alert DiskFull firing',
      '2026-03-14T14:00:00.000Z | Detection | Alert DiskFull firing',
      '2026-03-14T14:30:00.000Z | - | Alert DiskFull stopped firing',
    ]);
  });

  it('reads bare alerts one per line, and times without a zone in the assumed zone', async () => {
    const line = { status: 'resolved', labels: { alertname: 'QueueBacklog' }, annotations: { description: 'Backlog\nabove 10k' }, startsAt: '2026-03-14T10:00:00', endsAt: '2026-03-14T10:45:00' };
    await writeFile(join(dir, 'alerts.jsonl'), `${JSON.stringify(line)}\n`);
    const { events, warnings } = await readAll(alertmanagerReader, 'alerts.jsonl', { cwd: dir, assumeZone: 'UTC-4' });
    expect(describeEvents(events)).toEqual([
      '2026-03-14T14:00:00.000Z | Detection | Alert QueueBacklog firing: Backlog above 10k',
      '2026-03-14T14:45:00.000Z | - | Alert QueueBacklog stopped firing',
    ]);
    expect(warnings).toEqual(['alerts.jsonl: times without a zone were read as UTC-4']);
  });

  it('warns of payloads without alerts', async () => {
    await writeFile(join(dir, 'empty.json'), '{"receiver":"log","status":"resolved","alerts":[]}');
    const { events, warnings } = await readAll(alertmanagerReader, 'empty.json', { cwd: dir });
    expect(events).toEqual([]);
    expect(warnings).toEqual(['empty.json: no alerts in the file']);
  });

  it('refuses a resolved alert whose endsAt is not a time', async () => {
    await writeFile(join(dir, 'hook.json'), JSON.stringify({ alerts: [{ status: 'resolved', labels: { alertname: 'X' }, startsAt: '2026-03-14T14:00:00Z', endsAt: 'soon' }] }));
    expect(await readError(alertmanagerReader, 'hook.json', { cwd: dir })).toBe('hook.json: alert 1 (X) has endsAt "soon", not an RFC 3339 time');
  });
});

describe('Alertmanager reader: bad input, one line naming the file and where', () => {
  it.each([
    ['alertmanager/bad/truncated.jsonl', /^alertmanager\/bad\/truncated\.jsonl:6:\d+: the JSON ends early at byte \d+ \(a truncated file\?\)$/],
    ['alertmanager/bad/prometheus-query.json', /^alertmanager\/bad\/prometheus-query\.json: not an Alertmanager webhook payload: JSON value 1 is an object with keys "status", "data" \(expected "alerts"\)$/],
    ['alertmanager/bad/no-starts-at.json', /^alertmanager\/bad\/no-starts-at\.json: alert 1 \(HighErrorRate\) has no startsAt$/],
    ['pagerduty/incident-log.json', /^pagerduty\/incident-log\.json: not an Alertmanager webhook payload: JSON value 1 is an object with keys "log_entries", "limit", "offset", "more", \.\.\. \(expected "alerts"\)$/],
  ])('%s', async (path, message) => {
    expect(await readError(alertmanagerReader, path)).toMatch(message);
  });

  it('streams the events before a truncation, then fails the read (the caller drops what it was given)', async () => {
    const events: unknown[] = [];
    await expect((async () => {
      for await (const event of alertmanagerReader.read('alertmanager/bad/truncated.jsonl', { cwd: importFixtures })) events.push(event);
    })()).rejects.toThrow(/ends early/);
    // The reader streams: what it gave before the error is for the caller to drop.
    expect(events.length).toBeGreaterThan(0);
  });
});
