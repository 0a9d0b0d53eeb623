import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { genericReader } from '../../src/import/sources/generic.js';
import { at, errorLine, importFixtures, readAll, useScratchFolder } from './import-harness.js';

const rows = (events: Array<{ at: number; text: string; label: string | null }>) => events.map((event) => [new Date(event.at).toISOString(), event.text, event.label]);

describe('the generic reader on CSV', () => {
  it('reads time, text and label by their default column names, quoted cells as RFC 4180 says, times without an offset in the zone assumed across the DST change', async () => {
    const { events, warnings } = await readAll(genericReader, 'generic/events.csv', { assumeZone: 'America/New_York' });
    expect(rows(events)).toEqual([
      ['2026-03-08T06:30:00.000Z', 'Deploy of checkout-api v2.41.0, canary step skipped', null],
      // 01:40 with no offset is EST (UTC-5) ...
      ['2026-03-08T06:40:00.000Z', 'Error-rate alert fired for checkout-api', 'Detection'],
      ['2026-03-08T06:50:00.000Z', 'On-call "maya" acknowledged the page', 'Escalation'],
      // ... and 03:10 is EDT (UTC-4): the clocks went forward in between. The cell's line break is a space.
      ['2026-03-08T07:10:00.000Z', 'Rollback finished; errors dropping', null],
      ['2026-03-08T07:30:00.000Z', 'Status page updated', null],
      ['2026-03-08T07:45:00.000Z', 'Checkout recovered', 'Resolution'],
      ['2026-03-08T07:45:00.000Z', 'Checkout recovered', 'Resolution'],
    ]);
    expect(events.map((event) => event.origin)).toEqual([2, 3, 4, 6, 8, 9, 10].map((line) => `generic/events.csv:${line}`));
    expect(warnings).toEqual(['generic/events.csv:3: times without a UTC offset are read in America/New_York (the zone assumed)']);
  });

  it('reads times without an offset in UTC when no zone is given, and says so once', async () => {
    const { events, warnings } = await readAll(genericReader, 'generic/events.csv');
    expect(new Date(events[1]?.at ?? 0).toISOString()).toBe('2026-03-08T01:40:00.000Z');
    expect(new Date(events[3]?.at ?? 0).toISOString()).toBe('2026-03-08T03:10:00.000Z');
    expect(warnings).toEqual(['generic/events.csv:3: times without a UTC offset are read in UTC (the zone assumed)']);
  });

  it('keeps only the events in the window', async () => {
    const { events } = await readAll(genericReader, 'generic/events.csv', { since: at('2026-03-08T06:45:00Z'), until: at('2026-03-08T07:30:00Z'), assumeZone: 'America/New_York' });
    expect(events.map((event) => event.text)).toEqual(['On-call "maya" acknowledged the page', 'Rollback finished; errors dropping', 'Status page updated']);
  });

  describe('with named columns', () => {
    const scratch = useScratchFolder();

    it('reads the columns named by timeField, textField and labelField, in any case', async () => {
      await scratch.write({ 'log.csv': 'When,What,Who,Phase\n2026-03-08T06:30:00Z,Paged the DBA,ana,Escalation\n' });
      const { events } = await readAll(genericReader, join(scratch.path(), 'log.csv'), { timeField: 'when', textField: 'What', labelField: 'phase' });
      expect(rows(events)).toEqual([['2026-03-08T06:30:00.000Z', 'Paged the DBA', 'Escalation']]);
    });

    it('says which column it looked for and which there are when the time column is missing', async () => {
      await scratch.write({ 'log.csv': 'When,What\n2026-03-08T06:30:00Z,Paged the DBA\n' });
      expect(await errorLine(() => readAll(genericReader, join(scratch.path(), 'log.csv')))).toBe(
        `${join(scratch.path(), 'log.csv')}:1: no time column (looked for time, timestamp, date, at, ts; the columns are When, What): name it with --time-field`,
      );
      expect(await errorLine(() => readAll(genericReader, join(scratch.path(), 'log.csv'), { timeField: 'When', textField: 'body' }))).toBe(
        `${join(scratch.path(), 'log.csv')}:1: no text column (looked for "body"; the columns are When, What): name it with --text-field`,
      );
    });

    it('skips a record with no text, with one warning naming its lines', async () => {
      await scratch.write({ 'log.csv': 'time,text\n2026-03-08T06:30:00Z,\n2026-03-08T06:31:00Z,kept\n2026-03-08T06:32:00Z,"  "\n' });
      const { events, warnings } = await readAll(genericReader, join(scratch.path(), 'log.csv'));
      expect(events.map((event) => event.text)).toEqual(['kept']);
      expect(warnings).toEqual([`${join(scratch.path(), 'log.csv')}: skipped 2 records with no text (lines 2, 4)`]);
    });

    it('reads a file with a byte order mark and CRLF line ends', async () => {
      await scratch.write({ 'log.csv': '\uFEFFtime,text\r\n1772952000,from a spreadsheet\r\n' });
      const { events } = await readAll(genericReader, join(scratch.path(), 'log.csv'));
      expect(rows(events)).toEqual([['2026-03-08T06:40:00.000Z', 'from a spreadsheet', null]]);
    });
  });
});

describe('the generic reader on JSON lines', () => {
  it('reads timestamp and message keys, epoch seconds and milliseconds, offsets and none; skips blank lines and records without text', async () => {
    const { events, warnings } = await readAll(genericReader, 'generic/events.jsonl');
    expect(rows(events)).toEqual([
      ['2026-03-08T06:41:00.000Z', 'Support ticket: checkout failing for some customers', null],
      ['2026-03-08T06:50:00.000Z', 'Incident declared at SEV2', 'Detection'],
      ['2026-03-08T07:20:00.000Z', 'Customer update posted', null],
      ['2026-03-08T03:15:00.000Z', 'Payments team joined the call', 'Escalation'],
      ['2026-03-08T08:00:00.123Z', 'Incident closed', 'Resolution'],
    ]);
    expect(events.map((event) => event.origin)).toEqual([1, 2, 3, 5, 7].map((line) => `generic/events.jsonl:${line}`));
    expect(warnings).toEqual([
      'generic/events.jsonl:5: times without a UTC offset are read in UTC (the zone assumed)',
      'generic/events.jsonl: skipped 1 record with no text (line 6)',
    ]);
  });

  describe('with named keys', () => {
    const scratch = useScratchFolder();

    it('reaches into objects with a dotted key', async () => {
      await scratch.write({ 'alerts.ndjson': '{"startsAt":"2026-03-08T06:40:00Z","labels":{"alertname":"CheckoutErrors"},"annotations":{"summary":"5xx above 5%"}}\n' });
      const { events } = await readAll(genericReader, join(scratch.path(), 'alerts.ndjson'), { timeField: 'startsAt', textField: 'annotations.summary', labelField: 'labels.alertname' });
      expect(rows(events)).toEqual([['2026-03-08T06:40:00.000Z', '5xx above 5%', 'CheckoutErrors']]);
    });

    it('names the line of a record without the time key', async () => {
      await scratch.write({ 'log.jsonl': '{"time":"2026-03-08T06:40:00Z","text":"one"}\n{"text":"two"}\n' });
      expect(await errorLine(() => readAll(genericReader, join(scratch.path(), 'log.jsonl')))).toBe(
        `${join(scratch.path(), 'log.jsonl')}:2: no time key (looked for time, timestamp, date, at, ts; the keys are text): name it with --time-field`,
      );
    });

    it('names the line of a record that is not an object', async () => {
      await scratch.write({ 'log.jsonl': '{"time":"2026-03-08T06:40:00Z","text":"one"}\n["2026-03-08T06:41:00Z","two"]\n' });
      expect(await errorLine(() => readAll(genericReader, join(scratch.path(), 'log.jsonl')))).toBe(
        `${join(scratch.path(), 'log.jsonl')}:2: not a JSON object: each line of a JSON-lines file is one object with a time and a text`,
      );
    });
  });
});

describe('the generic reader on bad input (one line naming the file and line)', () => {
  it.each([
    ['generic/bad/no-time.csv', {}, 'generic/bad/no-time.csv:3: no time in column "time": write ISO 8601 (2026-03-14T14:05:00Z, or without the offset in the zone assumed) or epoch seconds or milliseconds'],
    ['generic/bad/bad-time.jsonl', {}, 'generic/bad/bad-time.jsonl:2: "yesterday evening" is not a time in key "time": write ISO 8601 (2026-03-14T14:05:00Z, or without the offset in the zone assumed) or epoch seconds or milliseconds'],
    ['generic/bad/truncated.jsonl', {}, 'generic/bad/truncated.jsonl:2: not valid JSON: Unterminated string (each line of a JSON-lines file is one JSON object)'],
    ['generic/bad/uneven.csv', {}, 'generic/bad/uneven.csv:3: not valid CSV: 3 cells where the header has 2 (a comma in a cell needs the cell in double quotes)'],
    ['generic/no-such.csv', {}, 'generic/no-such.csv: no such file or folder'],
    ['generic', {}, 'generic: is a folder: a CSV or JSON-lines file was expected'],
    ['generic/events.csv', { assumeZone: 'Mars/Olympus' }, 'unknown timezone "Mars/Olympus" for times without a zone (an IANA name such as Europe/Berlin, or UTC, UTC-4)'],
  ])('%s %j', async (path, options, line) => {
    expect(await errorLine(() => readAll(genericReader, path, options))).toBe(line);
  });

  describe('a CSV that ends inside a quoted cell', () => {
    const scratch = useScratchFolder();

    it('says the file ends inside a quote', async () => {
      await scratch.write({ 'cut.csv': 'time,text\n2026-03-08T06:30:00Z,"Deploy started\n2026-03-08T06:40:00Z,Alert\n' });
      expect(await errorLine(() => readAll(genericReader, join(scratch.path(), 'cut.csv')))).toMatch(
        /cut\.csv:\d+: not valid CSV: the file ends inside a quoted cell \(truncated, or a stray double quote earlier on\)$/,
      );
    });

    it('stops at a record of more than a million characters, naming the line the open quote is on (not gathering the rest of the file)', async () => {
      const rows = '2026-03-08T06:40:00Z,Alert fired for checkout\n'.repeat(30_000);
      await scratch.write({ 'open.csv': `time,text\n2026-03-08T06:30:00Z,Deploy\n2026-03-08T06:35:00Z,"Canary started\n${rows}` });
      expect(await errorLine(() => readAll(genericReader, join(scratch.path(), 'open.csv')))).toBe(
        `${join(scratch.path(), 'open.csv')}:3: not valid CSV: a record starting here runs past 1,048,576 characters (a double quote that opens a cell never closes?)`,
      );
    });
  });
});

describe('genericReader.detect', () => {
  const head = (path: string) => readFileSync(join(importFixtures, path), 'utf8');

  it.each([
    ['events.csv', 'anything', true],
    ['events.jsonl', 'anything', true],
    ['events.ndjson', 'anything', true],
    ['export.txt', head('generic/events.csv'), true],
    ['export.txt', head('generic/events.jsonl'), true],
    ['export.txt', 'Timestamp,Message\n2026-03-08T06:30:00Z,x\n', true],
    ['notes.txt', head('unknown/notes.txt'), false],
    ['day.json', head('slack/day-alone/2026-03-08.json'), false],
    ['object.json', '{"log_entries": []}', false],
    ['table.txt', 'name,owner\ncheckout,payments\n', false],
  ])('%s with %j: %s', (path, content, expected) => {
    expect(genericReader.detect(path, content, false)).toBe(expected);
  });

  it('is never a folder', () => {
    expect(genericReader.detect(join(importFixtures, 'generic'), '', true)).toBe(false);
  });
});
