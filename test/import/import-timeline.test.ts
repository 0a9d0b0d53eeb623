import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as library from '../../src/index.js';
import { detectSource, DETECT_HEAD_BYTES } from '../../src/import/detect-source.js';
import { importTimeline, type ImportTimelineOptions } from '../../src/import/import-timeline.js';
import { timelineSourceReaders } from '../../src/import/sources/index.js';
import { IMPORT_SOURCE_NAMES, type ImportedEvent } from '../../src/import/types.js';
import { at, errorLine, importFixtures, useScratchFolder } from './import-harness.js';

async function imported(paths: string[], options: Partial<ImportTimelineOptions> = {}): Promise<{ events: ImportedEvent[]; warnings: string[] }> {
  const warnings: string[] = [];
  const events = await importTimeline(paths, { cwd: importFixtures, onWarning: (message) => warnings.push(message), ...options });
  return { events, warnings };
}

const summary = (events: ImportedEvent[]) => events.map((event) => `${new Date(event.at).toISOString().slice(11, 23)} ${event.source} ${event.text}`);

describe('importTimeline', () => {
  const scratch = useScratchFolder();

  it('merges every source into one list in time order, each detected from its content', async () => {
    const { events } = await imported(['slack/export', 'generic/events.csv', 'generic/events.jsonl'], {
      assumeZone: 'America/New_York',
      since: at('2026-03-08T06:00:00Z'),
      until: at('2026-03-08T07:12:00Z'),
    });
    expect(summary(events)).toEqual([
      '06:30:00.000 slack Ship It: Deployed checkout-api v2.41.0 to production',
      '06:30:00.000 generic Deploy of checkout-api v2.41.0, canary step skipped',
      '06:40:00.000 slack alertbot: [FIRING:1] CheckoutErrorRate: 5xx above 5% on checkout-api',
      '06:40:00.000 generic Error-rate alert fired for checkout-api',
      '06:41:00.000 generic Support ticket: checkout failing for some customers',
      '06:45:10.000 slack maya: Looking at it. @here the error rate in #incident-checkout is 12% & rising',
      '06:50:00.000 generic On-call "maya" acknowledged the page',
      '06:50:00.000 generic Incident declared at SEV2',
      '06:52:00.000 slack Tomás Rivera: Dashboard: checkout dashboard (https://grafana.example.com/d/checkout), status page https://status.example.com',
      '06:58:00.000 slack maya: Rolling back the 01:30 deploy now',
      '06:58:30.000 slack Ship It: Rollback of checkout-api to v2.40.3 started by @maya',
      '07:05:00.000 slack jlee: Rollback done, @Tomás Rivera. Errors dropping in #deploys',
      '07:10:00.000 generic Rollback finished; errors dropping',
    ]);
  });

  it('keeps the order of the sources for events at the same instant', async () => {
    const window = { since: at('2026-03-08T06:30:00Z'), until: at('2026-03-08T06:30:00Z') };
    const slackFirst = await imported(['slack/export', 'generic/events.csv'], window);
    const csvFirst = await imported(['generic/events.csv', 'slack/export'], window);
    expect(slackFirst.events.map((event) => event.source)).toEqual(['slack', 'generic']);
    expect(csvFirst.events.map((event) => event.source)).toEqual(['generic', 'slack']);
  });

  it('drops exact duplicates (same instant, same text), keeping the first', async () => {
    const { events } = await imported(['generic/events.csv']);
    const recovered = events.filter((event) => event.text === 'Checkout recovered');
    expect(recovered.map((event) => event.origin)).toEqual(['generic/events.csv:9']);
    expect(events).toHaveLength(6);
  });

  it('gives the same list when a source is named twice (importing twice adds nothing)', async () => {
    const once = await imported(['slack/export', 'generic/events.jsonl']);
    const twice = await imported(['slack/export', 'generic/events.jsonl', 'generic/events.jsonl', 'slack/export']);
    expect(twice.events).toEqual(once.events);
  });

  it('filters to the window, both ends included', async () => {
    const { events } = await imported(['slack/export', 'generic/events.jsonl'], { since: at('2026-03-08T06:41:00Z'), until: at('2026-03-08T06:52:00Z') });
    expect(summary(events)).toEqual([
      '06:41:00.000 generic Support ticket: checkout failing for some customers',
      '06:45:10.000 slack maya: Looking at it. @here the error rate in #incident-checkout is 12% & rising',
      '06:50:00.000 generic Incident declared at SEV2',
      '06:52:00.000 slack Tomás Rivera: Dashboard: checkout dashboard (https://grafana.example.com/d/checkout), status page https://status.example.com',
    ]);
  });

  it('passes the warnings of every source on', async () => {
    const { warnings } = await imported(['slack/day-alone/2026-03-08.json', 'generic/events.csv']);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/^slack\/day-alone\/2026-03-08\.json: no users\.json/);
    expect(warnings[1]).toBe('generic/events.csv:3: times without a UTC offset are read in UTC (the zone assumed)');
  });

  it('reads every path as the source `from` names, without detecting', async () => {
    await scratch.write({ 'notes.log': 'When,What\n2026-03-08T06:30:00Z,Deploy started\n' });
    const path = join(scratch.path(), 'notes.log');
    expect(await errorLine(() => detectSource(path, { cwd: importFixtures }))).toMatch(/notes\.log: not a format postmortem can import/);
    const { events } = await imported([path], { from: 'generic', timeField: 'When', textField: 'What' });
    expect(summary(events)).toEqual(['06:30:00.000 generic Deploy started']);
    expect(await errorLine(() => imported(['generic/events.csv'], { from: 'slack' }))).toBe('generic/events.csv:1:1: not valid JSON: expected a value');
  });

  it('keeps the same text at different instants, and different texts at the same instant', async () => {
    await scratch.write({ 'log.csv': 'time,text\n2026-03-08T06:30:00Z,Paged again\n2026-03-08T06:35:00Z,Paged again\n2026-03-08T06:35:00Z,Paged the DBA\n2026-03-08T06:35:00Z,Paged again\n' });
    const { events } = await imported([join(scratch.path(), 'log.csv')]);
    expect(summary(events)).toEqual(['06:30:00.000 generic Paged again', '06:35:00.000 generic Paged again', '06:35:00.000 generic Paged the DBA']);
  });

  it('refuses a `from` it has no reader for, listing those it has', async () => {
    const names = timelineSourceReaders().map((reader) => reader.name).join(', ');
    expect(await errorLine(() => imported(['generic/events.csv'], { from: 'fax' as never }))).toBe(`no reader for the source "fax" (formats: ${names})`);
  });

  it('detects every source before reading any: an unknown one fails first, and nothing is read', async () => {
    const warnings: string[] = [];
    const line = await errorLine(() => importTimeline(['generic/events.csv', 'unknown/notes.txt'], { cwd: importFixtures, onWarning: (message) => warnings.push(message) }));
    expect(line).toMatch(/^unknown\/notes\.txt: not a format postmortem can import/);
    expect(warnings).toEqual([]);
  });

  it.each([
    [{ channels: ['incident-checkout'] }, '--channel applies to Slack exports, and no source is one (the sources read as: pagerduty, generic); leave it out, or name the source with --from slack'],
    [{ includeThreads: true }, '--include-threads applies to Slack exports, and no source is one (the sources read as: pagerduty, generic); leave it out, or name the source with --from slack'],
    [{ repo: '.' }, '--repo applies to git history, and no source is one (the sources read as: pagerduty, generic); leave it out, or name the source with --from git'],
  ])('refuses an option for a format none of the sources has (%j), instead of ignoring it', async (options, line) => {
    expect(await errorLine(() => imported(['pagerduty/incident-log.json', 'generic/events.jsonl'], options))).toBe(line);
  });

  it('refuses --time-field for sources that are not CSV or JSON lines', async () => {
    expect(await errorLine(() => imported(['pagerduty/incident-log.json'], { timeField: 'when' }))).toMatch(/^--time-field applies to CSV and JSON-lines files, and no source is one \(the sources read as: pagerduty\)/);
  });

  it('takes a source option when one of the sources is of its format', async () => {
    const { events } = await imported(['pagerduty/incident-log.json', 'slack/export'], { channels: ['incident-checkout'] });
    expect(new Set(events.map((event) => event.source))).toEqual(new Set(['pagerduty', 'slack']));
  });

  it('gives nothing for no paths', async () => {
    expect(await importTimeline([], { cwd: importFixtures })).toEqual([]);
  });
});

describe('detectSource', () => {
  const formats = timelineSourceReaders().map((reader) => reader.name).join(', ');

  it.each([
    ['slack/export', 'slack'],
    ['slack/export/incident-checkout', 'slack'],
    ['slack/export/incident-checkout/2026-03-08.json', 'slack'],
    ['slack/day-alone/2026-03-08.json', 'slack'],
    ['slack/bad/export-without-users', 'slack'],
    ['slack/bad/truncated/2026-03-08.json', 'slack'],
    ['generic/events.csv', 'generic'],
    ['generic/events.jsonl', 'generic'],
    ['generic/bad/no-time.csv', 'generic'],
  ])('%s is %s', async (path, name) => {
    expect(await detectSource(path, { cwd: importFixtures })).toBe(name);
  });

  it('refuses a file of no known format in one line naming it, the formats and --from', async () => {
    expect(await errorLine(() => detectSource('unknown/notes.txt', { cwd: importFixtures }))).toBe(`unknown/notes.txt: not a format postmortem can import (${formats}): name one with --from NAME`);
  });

  it('says to unzip a zip archive', async () => {
    expect(await errorLine(() => detectSource('unknown/export.zip', { cwd: importFixtures }))).toBe(
      `unknown/export.zip: a zip archive: unzip it first (unzip unknown/export.zip -d export) and import the folder (formats: ${formats})`,
    );
  });

  it('refuses a folder of no known format', async () => {
    expect(await errorLine(() => detectSource('unknown', { cwd: importFixtures }))).toBe(`unknown: a folder of no format postmortem can import (${formats}): name one with --from NAME`);
  });

  it('refuses a path that is not there', async () => {
    expect(await errorLine(() => detectSource('nowhere.csv', { cwd: importFixtures }))).toBe('nowhere.csv: no such file or folder');
  });

  describe('reads no more than the first 64 KiB', () => {
    const scratch = useScratchFolder();

    it('so a JSON-lines record that starts after them is not seen', async () => {
      const record = '{"time":"2026-03-08T06:30:00Z","text":"x"}\n';
      await scratch.write({ 'early.log': `${' '.repeat(DETECT_HEAD_BYTES - record.length - 1)}\n${record}`, 'late.log': `${' '.repeat(DETECT_HEAD_BYTES)}\n${record}` });
      expect(await detectSource(join(scratch.path(), 'early.log'), { cwd: scratch.path() })).toBe('generic');
      expect(await errorLine(() => detectSource(join(scratch.path(), 'late.log'), { cwd: scratch.path() }))).toMatch(/late\.log: not a format/);
    });
  });
});

describe('the library', () => {
  it('exports importTimeline, detectSource, the readers and the source names', () => {
    expect(library.importTimeline).toBe(importTimeline);
    expect(library.detectSource).toBe(detectSource);
    expect(library.timelineSourceReaders().map((reader) => reader.name)).toEqual(expect.arrayContaining(['slack', 'generic']));
    expect(library.IMPORT_SOURCE_NAMES).toEqual(IMPORT_SOURCE_NAMES);
  });

  it('lists the readers in the order detection tries them', () => {
    const order = timelineSourceReaders().map((reader) => IMPORT_SOURCE_NAMES.indexOf(reader.name));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});
