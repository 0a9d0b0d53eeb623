import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pagerDutyReader } from '../../src/import/sources/pagerduty.js';
import { at, describeEvents, importFixtures, readAll, readError } from './import-harness.js';

/** The incident of the fixtures as a person would retell it from the PagerDuty log. */
const EXPECTED = [
  '2026-03-14T14:05:00.000Z | Detection | Triggered by Datadog: checkout 5xx above 5%',
  '2026-03-14T14:09:12.000Z | Escalation | Acknowledged by Dana Lee',
  '2026-03-14T14:20:40.000Z | - | Note by Dana Lee: Connection pool on orders-db is exhausted; requests time out after 30 s.',
  '2026-03-14T14:31:00.000Z | Escalation | Escalated to Database on-call',
  '2026-03-14T14:58:30.000Z | Escalation | Reassigned to Sam Ortiz by Priya Raman.',
  '2026-03-14T15:42:00.000Z | Resolution | Resolved by Sam Ortiz',
];

describe('PagerDuty reader: the log entries response', () => {
  it('maps each kept entry type to its label and text, and skips notifications and automatic assignments', async () => {
    const { events, warnings } = await readAll(pagerDutyReader, 'pagerduty/incident-log.json');
    expect(describeEvents(events)).toEqual(EXPECTED);
    expect(warnings).toEqual(['pagerduty/incident-log.json: skipped 3 log entries of other types (notify_log_entry 2, assign_log_entry 1)']);
  });

  it('names each event by the file and the entry it came from', async () => {
    const { events } = await readAll(pagerDutyReader, 'pagerduty/incident-log.json');
    expect(events.map((event) => event.origin)).toEqual([1, 4, 5, 6, 8, 9].map((entry) => `pagerduty/incident-log.json#${entry}`));
    expect(new Set(events.map((event) => event.source))).toEqual(new Set(['pagerduty']));
  });

  it('reads pages concatenated without a separator, with an entry two pages repeat given once', async () => {
    const { events } = await readAll(pagerDutyReader, 'pagerduty/pages-concatenated.json');
    expect(describeEvents(events)).toEqual(EXPECTED);
  });

  it('reads pages one per line', async () => {
    const { events } = await readAll(pagerDutyReader, 'pagerduty/pages.jsonl');
    expect(describeEvents(events)).toEqual(EXPECTED);
  });

  it('reads an incident JSON holding its log entries', async () => {
    const { events } = await readAll(pagerDutyReader, 'pagerduty/incident-with-log-entries.json');
    expect(describeEvents(events)).toEqual(EXPECTED);
  });

  it('reads bare log entries one per line', async () => {
    const { events } = await readAll(pagerDutyReader, 'pagerduty/entries.jsonl');
    expect(describeEvents(events)).toEqual(EXPECTED);
  });

  it('keeps only the window, both ends included', async () => {
    const { events } = await readAll(pagerDutyReader, 'pagerduty/incident-log.json', { since: at('2026-03-14T14:09:12Z'), until: at('2026-03-14T14:31:00Z') });
    expect(describeEvents(events)).toEqual(EXPECTED.slice(1, 4));
    const before = await readAll(pagerDutyReader, 'pagerduty/incident-log.json', { until: at('2026-03-14T14:05:00Z') - 1 });
    expect(before.events).toEqual([]);
  });
});

describe('PagerDuty reader: entries written in other ways', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pm-pagerduty-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function readEntries(entries: unknown[], options = {}) {
    await writeFile(join(dir, 'log.json'), JSON.stringify({ log_entries: entries }));
    return await readAll(pagerDutyReader, 'log.json', { cwd: dir, ...options });
  }

  it('builds texts from what an entry has when its usual fields are missing', async () => {
    const { events } = await readEntries([
      { type: 'trigger_log_entry', created_at: '2026-03-14T14:05:00Z', incident: { summary: '[#77] disk full on build-3' } },
      { type: 'trigger_log_entry', created_at: '2026-03-14T14:05:01Z', summary: 'Triggered through the website.' },
      { type: 'acknowledge_log_entry', created_at: '2026-03-14T14:06:00Z', summary: 'Acknowledged via Slack.' },
      { type: 'escalate_log_entry', created_at: '2026-03-14T14:07:00Z', summary: 'Escalation level 2 reached', assignees: [{ summary: 'Lee Park' }, { summary: 'Ana Silva' }] },
      { type: 'annotate_log_entry', created_at: '2026-03-14T14:08:00Z', channel: { type: 'note', summary: 'Paused the deploy queue' } },
      { type: 'resolve_log_entry', created_at: '2026-03-14T14:09:00Z', agent: { type: 'service_reference', summary: 'Datadog' } },
      { type: 'urgency_change_log_entry', created_at: '2026-03-14T14:10:00Z', summary: 'Urgency changed from low to high.' },
    ]);
    expect(describeEvents(events)).toEqual([
      '2026-03-14T14:05:00.000Z | Detection | Triggered: disk full on build-3',
      '2026-03-14T14:05:01.000Z | Detection | Triggered through the website.',
      '2026-03-14T14:06:00.000Z | Escalation | Acknowledged via Slack.',
      '2026-03-14T14:07:00.000Z | Escalation | Escalated to Lee Park, Ana Silva',
      '2026-03-14T14:08:00.000Z | - | Note: Paused the deploy queue',
      '2026-03-14T14:09:00.000Z | Resolution | Resolved by Datadog',
      '2026-03-14T14:10:00.000Z | - | Urgency changed from low to high.',
    ]);
  });

  it('reads a time without a zone in the assumed zone, and says so once', async () => {
    const { events, warnings } = await readEntries([
      { type: 'resolve_log_entry', created_at: '2026-03-08T01:30:00', agent: { summary: 'Sam Ortiz' } },
      { type: 'resolve_log_entry', created_at: '2026-03-08T03:30:00', agent: { summary: 'Sam Ortiz' } },
    ], { assumeZone: 'America/New_York' });
    // 01:30 EST and 03:30 EDT, either side of the spring-forward change: one hour apart.
    expect(events.map((event) => new Date(event.at).toISOString())).toEqual(['2026-03-08T06:30:00.000Z', '2026-03-08T07:30:00.000Z']);
    expect(warnings).toEqual(['log.json: times without a zone were read as America/New_York']);
  });

  it('warns, without failing, of a log without entries', async () => {
    const { events, warnings } = await readEntries([]);
    expect(events).toEqual([]);
    expect(warnings).toEqual(['log.json: no PagerDuty log entries in the file']);
  });

  it('refuses an entry whose created_at is not a time, naming the entry', async () => {
    await writeFile(join(dir, 'log.json'), JSON.stringify({ log_entries: [
      { type: 'trigger_log_entry', created_at: '2026-03-14T14:05:00Z' },
      { type: 'acknowledge_log_entry', created_at: 'yesterday' },
    ] }));
    expect(await readError(pagerDutyReader, 'log.json', { cwd: dir })).toBe('log.json: log entry 2 (acknowledge_log_entry) has created_at "yesterday" is not an ISO 8601 time');
  });

  it('refuses an unknown zone for times without one', async () => {
    await writeFile(join(dir, 'log.json'), JSON.stringify({ log_entries: [] }));
    expect(await readError(pagerDutyReader, 'log.json', { cwd: dir, assumeZone: 'Mars/Olympus' })).toMatch(/^unknown timezone "Mars\/Olympus"/);
  });
});

describe('PagerDuty reader: bad input, one line naming the file and where', () => {
  it.each([
    ['pagerduty/bad/missing-comma.json', /^pagerduty\/bad\/missing-comma\.json:101:7: not valid JSON: expected ','$/],
    ['pagerduty/bad/incidents-list.json', /^pagerduty\/bad\/incidents-list\.json: not a PagerDuty log: JSON value 1 is an object with keys "incidents", "limit", "offset", "more", not a log entries response \(expected "log_entries"\)$/],
    ['pagerduty/bad/incident-without-log-entries.json', /^pagerduty\/bad\/incident-without-log-entries\.json: JSON value 1 is an incident without "log_entries": save GET \/incidents\/\{id\}\/log_entries instead/],
    ['pagerduty/bad/no-created-at.json', /^pagerduty\/bad\/no-created-at\.json: log entry 4 \(acknowledge_log_entry\) has no created_at$/],
    ['pagerduty/missing.json', /^pagerduty\/missing\.json: no such file$/],
    ['pagerduty', /^pagerduty: is a directory, not a JSON file$/],
  ])('%s', async (path, message) => {
    const error = await readError(pagerDutyReader, path);
    expect(error).toMatch(message);
    expect(error).not.toContain('\n');
  });

  it('says where a truncated download ends: its last line and column, and its size', async () => {
    const text = readFileSync(join(importFixtures, 'pagerduty/bad/truncated.json'), 'utf8');
    const lines = text.split('\n');
    const error = await readError(pagerDutyReader, 'pagerduty/bad/truncated.json');
    expect(error).toBe(`pagerduty/bad/truncated.json:${lines.length}:${(lines.at(-1) ?? '').length + 1}: the JSON ends early at byte ${Buffer.byteLength(text)} (a truncated file?)`);
  });
});

describe('PagerDuty reader: detection from the first bytes', () => {
  it.each([
    ['{"log_entries":[', true],
    ['{\n  "incident": {\n    "id": "Q1",\n    "log_entries": [', true],
    ['{"id":"R1","type":"annotate_log_entry","created_at":"2026-03-14T14:05:00Z"}\n', true],
    ['{"incidents":[{"id":"Q1"}]}', false],
    ['{"receiver":"x","status":"firing","alerts":[{"startsAt":"2026-03-14T14:05:00Z"}]}', false],
    ['[{"type":"message","user":"U1","text":"hi","ts":"1773497100.000100"}]', false],
  ])('%s -> %s', (head, detected) => {
    expect(pagerDutyReader.detect('log.json', head, false)).toBe(detected);
  });

  it('never takes a directory', () => {
    expect(pagerDutyReader.detect('export', '', true)).toBe(false);
  });
});
