import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { streamJsonArray } from '../../src/import/json-stream.js';
import { slackPlainText } from '../../src/import/sources/slack-markup.js';
import { slackBotTextIsAlert, slackReader, slackTimestamp } from '../../src/import/sources/slack.js';
import { parseZone, wallClockAt } from '../../src/model/time.js';
import { at, errorLine, importFixtures, readAll, useScratchFolder } from './import-harness.js';

const iso = (millis: number): string => new Date(millis).toISOString();
const timeline = (events: Array<{ at: number; text: string }>): string[][] => events.map((event) => [iso(event.at), event.text]);

describe('the Slack reader on a workspace export', () => {
  it('reads every channel: messages as "Name: text", notices, chatty bots and thread replies left out', async () => {
    const { events } = await readAll(slackReader, 'slack/export');
    expect(timeline([...events].sort((a, b) => a.at - b.at))).toEqual([
      ['2026-03-08T06:30:00.000Z', 'Ship It: Deployed checkout-api v2.41.0 to production'],
      ['2026-03-08T06:40:00.000Z', 'alertbot: [FIRING:1] CheckoutErrorRate: 5xx above 5% on checkout-api'],
      ['2026-03-08T06:45:10.000Z', 'maya: Looking at it. @here the error rate in #incident-checkout is 12% & rising'],
      ['2026-03-08T06:52:00.000Z', 'Tomás Rivera: Dashboard: checkout dashboard (https://grafana.example.com/d/checkout), status page https://status.example.com'],
      ['2026-03-08T06:58:00.000Z', 'maya: Rolling back the 01:30 deploy now'],
      ['2026-03-08T06:58:30.000Z', 'Ship It: Rollback of checkout-api to v2.40.3 started by @maya'],
      ['2026-03-08T07:05:00.000Z', 'jlee: Rollback done, @Tomás Rivera. Errors dropping in #deploys'],
      ['2026-03-08T07:20:00.000Z', 'Tomás Rivera: is writing the status page update'],
      ['2026-03-08T07:30:00.000Z', 'maya: shared a file: error-rate.png'],
      ['2026-03-08T07:40:00.001Z', 'Priya Nair: Paged @payments-oncall, mail oncall@example.com <urgent> review on Mar 9'],
      ['2026-03-08T07:45:00.001Z', 'maya: Resolved. Notes for @U09GONE and @channel'],
      ['2026-03-09T14:00:00.000Z', 'maya: Review booked for the checkout incident'],
    ]);
    expect(events.every((event) => event.source === 'slack' && event.label === null)).toBe(true);
  });

  it('says where each event was read: the day file and the message number in it', async () => {
    const { events } = await readAll(slackReader, 'slack/export');
    const alert = events.find((event) => event.text.startsWith('alertbot:'));
    const rollback = events.find((event) => event.text.startsWith('Ship It: Rollback'));
    expect(alert?.origin).toBe(join('slack/export/incident-checkout/2026-03-08.json') + '#1');
    expect(rollback?.origin).toBe(join('slack/export/deploys/2026-03-08.json') + '#2');
  });

  it('names people by display name, else full name, else handle (users.json), and by the message profile when users.json does not know them', async () => {
    const { events } = await readAll(slackReader, 'slack/export', { channels: ['incident-checkout'] });
    const authors = new Set(events.map((event) => event.text.slice(0, event.text.indexOf(':'))));
    expect(authors).toEqual(new Set(['alertbot', 'maya', 'Tomás Rivera', 'jlee', 'Priya Nair']));
  });

  it('tells in one warning what it skipped that a reader might miss', async () => {
    const { warnings } = await readAll(slackReader, 'slack/export');
    expect(warnings).toEqual(['slack/export: skipped 1 thread reply (--include-threads keeps them) and 1 bot message that did not read like an alert or a deploy']);
  });

  it('keeps thread replies with includeThreads', async () => {
    const without = await readAll(slackReader, 'slack/export');
    const withThreads = await readAll(slackReader, 'slack/export', { includeThreads: true });
    const added = withThreads.events.filter((event) => !without.events.some((other) => other.origin === event.origin));
    expect(timeline(added)).toEqual([['2026-03-08T06:55:00.000Z', 'jlee: I can take the database side']]);
    expect(withThreads.warnings.join('\n')).not.toContain('thread');
  });

  it('reads only the channels named, with or without #, in any case', async () => {
    const deploys = await readAll(slackReader, 'slack/export', { channels: ['#deploys'] });
    expect(deploys.events.map((event) => event.text)).toEqual(['Ship It: Deployed checkout-api v2.41.0 to production', 'Ship It: Rollback of checkout-api to v2.40.3 started by @maya']);
    const incident = await readAll(slackReader, 'slack/export', { channels: ['Incident-Checkout'] });
    expect(incident.events).toHaveLength(10);
    expect(incident.events.every((event) => event.origin.includes('incident-checkout'))).toBe(true);
  });

  it('refuses a channel the export does not have, listing those it has', async () => {
    expect(await errorLine(() => readAll(slackReader, 'slack/export', { channels: ['#incident-payments'] }))).toBe(
      'slack/export: no channel #incident-payments in this Slack export (its channels: #deploys, #incident-checkout)',
    );
  });

  it('keeps only the events in the window', async () => {
    const { events } = await readAll(slackReader, 'slack/export', { since: at('2026-03-08T06:45:10Z'), until: at('2026-03-08T07:05:00Z') });
    expect(events.map((event) => iso(event.at)).sort()).toEqual([
      '2026-03-08T06:45:10.000Z',
      '2026-03-08T06:52:00.000Z',
      '2026-03-08T06:58:00.000Z',
      '2026-03-08T06:58:30.000Z',
      '2026-03-08T07:05:00.000Z',
    ]);
  });

  it('gives instants that show the right wall clock either side of the DST change in America/New_York', async () => {
    const { events } = await readAll(slackReader, 'slack/export', { channels: ['incident-checkout'] });
    const zone = parseZone('America/New_York');
    const clock = (prefix: string) => {
      const found = events.find((event) => event.text.startsWith(prefix));
      const wall = wallClockAt(found?.at ?? Number.NaN, zone);
      return `${wall.date} ${String(wall.hour).padStart(2, '0')}:${String(wall.minute).padStart(2, '0')}`;
    };
    // 06:40Z is 01:40 EST; 07:05Z is 03:05 EDT: 25 minutes later by the clock on the wall, plus the hour skipped.
    expect(clock('alertbot:')).toBe('2026-03-08 01:40');
    expect(clock('jlee: Rollback done')).toBe('2026-03-08 03:05');
  });
});

describe('the Slack reader on part of an export', () => {
  it('reads one day file of an export with the names of the users.json in the folder above', async () => {
    const { events, warnings } = await readAll(slackReader, 'slack/export/incident-checkout/2026-03-08.json');
    expect(events.map((event) => event.text)).toContain('jlee: Rollback done, @Tomás Rivera. Errors dropping in #deploys');
    expect(warnings).toEqual(['slack/export/incident-checkout/2026-03-08.json: skipped 1 thread reply (--include-threads keeps them) and 1 bot message that did not read like an alert or a deploy']);
  });

  it('reads one channel folder of an export', async () => {
    const { events } = await readAll(slackReader, 'slack/export/deploys');
    expect(events.map((event) => event.text)).toEqual(['Ship It: Deployed checkout-api v2.41.0 to production', 'Ship It: Rollback of checkout-api to v2.40.3 started by @maya']);
  });

  it('reads a day file alone: user ids stay ids (unless the message carries a profile), and a warning says users.json was not found', async () => {
    const { events, warnings } = await readAll(slackReader, 'slack/day-alone/2026-03-08.json');
    expect(timeline(events)).toEqual([
      ['2026-03-08T06:45:10.000Z', 'maya: Looking at it, @U02TOMAS is on the database'],
      ['2026-03-08T07:05:00.000Z', 'U03JLEE: Rollback done'],
    ]);
    expect(warnings).toEqual([
      `slack/day-alone/2026-03-08.json: no users.json in ${join('slack/day-alone')} or slack: people are named from the messages' own profiles where they carry one, else by user id`,
    ]);
  });
});

describe('the Slack reader reads only the day files that can hold the window', () => {
  const scratch = useScratchFolder();
  const message = (ts: string, text: string) => ({ type: 'message', ts, user: 'U1', text });
  const exportFiles = {
    'users.json': JSON.stringify([{ id: 'U1', name: 'ana', profile: { display_name: 'Ana' } }]),
    'channels.json': JSON.stringify([{ id: 'C1', name: 'ops' }]),
    // A broken day far from the window: reading it would fail.
    'ops/2026-01-10.json': '[{"type": "message", "ts": "17',
    // A day cut in a zone west of UTC: the file of the 7th holds a message of the 8th, UTC.
    'ops/2026-03-07.json': JSON.stringify([message(String(at('2026-03-08T01:00:00Z') / 1000), 'late on the 7th, local time')]),
    'ops/2026-03-08.json': JSON.stringify([message(String(at('2026-03-08T06:00:00Z') / 1000), 'early on the 8th')]),
  };

  it('skips days outside the window, keeping a day of margin either side', async () => {
    await scratch.write(exportFiles);
    const { events } = await readAll(slackReader, scratch.path(), { since: at('2026-03-08T00:30:00Z'), until: at('2026-03-08T12:00:00Z') });
    expect(events.map((event) => event.text)).toEqual(['Ana: late on the 7th, local time', 'Ana: early on the 8th']);
  });

  it('reads a day when the window reaches it (here, a broken one: an error naming its line and column)', async () => {
    await scratch.write(exportFiles);
    const line = await errorLine(() => readAll(slackReader, scratch.path(), { since: at('2026-01-10T00:00:00Z') }));
    expect(line).toBe(`${join(scratch.path(), 'ops/2026-01-10.json')}:1:31: not valid JSON: the file ends before its JSON does (truncated?)`);
  });
});

describe('the Slack reader on bad input (one line naming the file and where)', () => {
  const scratch = useScratchFolder();

  it('a truncated day file: the line and column where it stops', async () => {
    expect(await errorLine(() => readAll(slackReader, 'slack/bad/truncated/2026-03-08.json'))).toBe(
      'slack/bad/truncated/2026-03-08.json:12:28: not valid JSON: the file ends before its JSON does (truncated?)',
    );
  });

  it('a whole export without users.json: an error naming the folder', async () => {
    expect(await errorLine(() => readAll(slackReader, 'slack/bad/export-without-users'))).toBe(
      'slack/bad/export-without-users: a Slack export without users.json: unzip the whole export (users.json is at the top of the zip) or import one channel folder or day file from it',
    );
  });

  it('a day file that is JSON but not an array', async () => {
    await scratch.write({ '2026-03-08.json': '{"messages": []}' });
    expect(await errorLine(() => readAll(slackReader, join(scratch.path(), '2026-03-08.json')))).toBe(
      `${join(scratch.path(), '2026-03-08.json')}: not a Slack day file (an array of messages): the file is JSON but not an array`,
    );
  });

  it('a message whose ts is no time: the message number', async () => {
    await scratch.write({ '2026-03-08.json': JSON.stringify([{ type: 'message', ts: '1772952310.000300', text: 'fine' }, { type: 'message', ts: 'soon', text: 'not fine' }]) });
    expect(await errorLine(() => readAll(slackReader, join(scratch.path(), '2026-03-08.json')))).toBe(
      `${join(scratch.path(), '2026-03-08.json')}: message 2 has no readable ts ("soon"): expected epoch seconds such as "1710425100.000200"`,
    );
  });

  it('a path that is not there', async () => {
    expect(await errorLine(() => readAll(slackReader, 'slack/no-such-export'))).toBe('slack/no-such-export: no such file or folder');
  });
});

describe('streamJsonArray', () => {
  const dayFile = join(importFixtures, 'slack/export/incident-checkout/2026-03-08.json');

  it('gives the same entries streamed (stream-json) as parsed whole (JSON.parse)', async () => {
    const collect = async (wholeFileBytes: number) => {
      const entries = [];
      for await (const entry of streamJsonArray(dayFile, 'day.json', { what: 'a day file', wholeFileBytes })) entries.push(entry);
      return entries;
    };
    const streamed = await collect(0);
    expect(streamed.map((entry) => entry.value)).toEqual(JSON.parse(readFileSync(dayFile, 'utf8')));
    expect(await collect(Number.POSITIVE_INFINITY)).toEqual(streamed);
  });

  it('places a truncated file the same way streamed and parsed whole', async () => {
    const truncated = join(importFixtures, 'slack/bad/truncated/2026-03-08.json');
    const line = (wholeFileBytes: number) =>
      errorLine(async () => {
        for await (const entry of streamJsonArray(truncated, 'day.json', { what: 'a day file', wholeFileBytes })) void entry;
      });
    expect(await line(0)).toBe('day.json:12:28: not valid JSON: the file ends before its JSON does (truncated?)');
    expect(await line(Number.POSITIVE_INFINITY)).toBe(await line(0));
  });
});

describe('slackPlainText', () => {
  const names = { users: new Map([['U1', 'Ana'], ['U2', 'Bo Chen']]), channels: new Map([['C9', 'ops']]) };

  it.each([
    ['<@U1> look', '@Ana look'],
    ['<@U3> is not in users.json', '@U3 is not in users.json'],
    ['<@U3|old.handle> has a legacy label', '@old.handle has a legacy label'],
    ['see <#C1|incident-db>', 'see #incident-db'],
    ['see <#C9>', 'see #ops'],
    ['see <#C7>', 'see #C7'],
    ['<!here> and <!channel> and <!everyone>', '@here and @channel and @everyone'],
    ['<!subteam^S1|@db-oncall> paged', '@db-oncall paged'],
    ['<!subteam^S1|db-oncall> paged', '@db-oncall paged'],
    ['at <!date^1772952000^{time}|01:40>', 'at 01:40'],
    ['<https://x.example/a?b=1&amp;c=2|the graph>', 'the graph (https://x.example/a?b=1&c=2)'],
    ['<https://x.example/a>', 'https://x.example/a'],
    ['<https://x.example/a|https://x.example/a>', 'https://x.example/a'],
    ['<https://x.example/a|x.example/a>', 'https://x.example/a'],
    ['<mailto:ops@x.example|ops@x.example>', 'ops@x.example'],
    ['<mailto:ops@x.example|the ops list>', 'the ops list (ops@x.example)'],
    ['a &lt;b&gt; &amp;amp; c', 'a <b> &amp; c'],
    ['two\nlines\r\n  and  spaces ', 'two lines and spaces'],
    ['bell\u0007 and \u001b[31mred', 'bell and [31mred'],
  ])('%j reads %j', (markup, plain) => {
    expect(slackPlainText(markup, names)).toBe(plain);
  });
});

describe('slackBotTextIsAlert', () => {
  it.each([
    ['[FIRING:2] HighLatency on api', true],
    ['RESOLVED: disk usage back under 80%', true],
    ['Deployed web v1.2.3 to production', true],
    ['Rollback of web started', true],
    ['Incident #42 declared: SEV2', true],
    ['Reminder: stand-up in 5 minutes', false],
    ['Happy Friday, everyone!', false],
    ['Poll: where should we have lunch?', false],
  ])('%j is an alert or deploy: %s', (text, expected) => {
    expect(slackBotTextIsAlert(text)).toBe(expected);
  });
});

describe('slackTimestamp', () => {
  it.each([
    ['1710425100.000200', 1710425100000],
    ['1710425100.123456', 1710425100123],
    ['1710425100', 1710425100000],
    ['1710425100.5', 1710425100500],
  ])('%s is %d ms', (ts, millis) => {
    expect(slackTimestamp(ts)).toBe(millis);
  });

  it.each([[''], ['soon'], [1710425100], [null], ['1710425100.1234567']])('%j is no time', (ts) => {
    expect(slackTimestamp(ts)).toBeNull();
  });
});

describe('slackReader.detect', () => {
  const head = (path: string) => readFileSync(join(importFixtures, path), 'utf8').slice(0, 64 * 1024);

  it('knows an export folder, a channel folder and a day file (by content, whatever its name)', () => {
    expect(slackReader.detect(join(importFixtures, 'slack/export'), '', true)).toBe(true);
    expect(slackReader.detect(join(importFixtures, 'slack/bad/export-without-users'), '', true)).toBe(true);
    expect(slackReader.detect(join(importFixtures, 'slack/export/deploys'), '', true)).toBe(true);
    expect(slackReader.detect('messages.json', head('slack/day-alone/2026-03-08.json'), false)).toBe(true);
  });

  it('leaves a CSV, JSON lines and other folders alone', () => {
    expect(slackReader.detect('events.csv', head('generic/events.csv'), false)).toBe(false);
    expect(slackReader.detect('events.jsonl', head('generic/events.jsonl'), false)).toBe(false);
    expect(slackReader.detect(join(importFixtures, 'generic'), '', true)).toBe(false);
  });
});

describe('the Slack reader on a large workspace', () => {
  const scratch = useScratchFolder();

  it('names the first 20 channels and counts the rest when a channel is not there', async () => {
    const files: Record<string, string> = { 'users.json': '[]' };
    for (let index = 0; index < 25; index += 1) files[`team-${String(index).padStart(2, '0')}/2026-03-08.json`] = '[]';
    await scratch.write(files);
    const line = await errorLine(() => readAll(slackReader, scratch.path(), { channels: ['incident'] }));
    expect(line).toMatch(/: no channel #incident in this Slack export \(its channels: #team-00, #team-01, .*, #team-19 and 5 more\)$/);
  });

  it('keeps a name on one line', async () => {
    await scratch.write({
      'users.json': JSON.stringify([{ id: 'U1', name: 'x', profile: { display_name: 'Ana\nB.' } }]),
      'ops/2026-03-08.json': JSON.stringify([{ type: 'message', ts: '1772952000.000100', user: 'U1', text: 'hello' }]),
    });
    const { events } = await readAll(slackReader, scratch.path());
    expect(events.map((event) => event.text)).toEqual(['Ana B.: hello']);
  });
});
