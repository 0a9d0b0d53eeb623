import { describe, expect, it } from 'vitest';
import { mergeTimeline } from '../../src/import/merge-timeline.js';
import type { ImportedEvent } from '../../src/import/types.js';
import { zonedInstantMillis } from '../../src/model/time.js';
import { parsePostmortem } from '../../src/parse/parse-postmortem.js';

function event(iso: string, text: string, label: string | null = null): ImportedEvent {
  return { at: Date.parse(iso), text, label, source: 'generic', origin: `fixture:${text}` };
}

function doc(timeline: string, front = 'timezone: UTC'): string {
  return `---
title: Search results went stale
date: 2026-03-14
${front}
---

# Search results went stale

## Summary

From 14:00 to 15:00 the search index served results an hour old.

## Timeline

${timeline}
## Root Cause

The indexer's queue filled up.
`;
}

/** The lines of `text` that are not lines of `original`, in order (original lines must be a subsequence). */
function newLines(original: string, text: string): string[] {
  const before = original.split('\n');
  const after = text.split('\n');
  const added: string[] = [];
  let index = 0;
  for (const line of after) {
    if (index < before.length && line === before[index]) index++;
    else added.push(line);
  }
  expect(index).toBe(before.length);
  return added;
}

const events = [
  event('2026-03-14T13:40:00Z', 'Indexer v4 deployed'),
  event('2026-03-14T14:07:00Z', 'Freshness alert fired', 'Detection'),
  event('2026-03-14T15:30:00Z', 'Backlog drained'),
];

describe('mergeTimeline into a list', () => {
  const list = '- 14:00: Queue depth started to climb\n- 14:20: **Escalation:** Paged the search on-call\n- 14:50: Indexer restarted with more workers\n';

  it('inserts each entry before, between and after the author\'s, written like them, and changes no other line', () => {
    const original = doc(list);
    const result = mergeTimeline(original, events);
    expect(newLines(original, result.text)).toEqual([
      '- 13:40: Indexer v4 deployed',
      '- 14:07: **Detection:** Freshness alert fired',
      '- 15:30: Backlog drained',
    ]);
    expect(result.text).toContain('- 13:40: Indexer v4 deployed\n- 14:00: Queue depth');
    expect(result.text).toContain('- 14:00: Queue depth started to climb\n- 14:07: **Detection:** Freshness alert fired\n- 14:20:');
    expect(result.text).toContain('- 14:50: Indexer restarted with more workers\n- 15:30: Backlog drained\n\n## Root Cause');
    expect(result.added.map((entry) => [entry.time, entry.line])).toEqual([['13:40', 15], ['14:07', 17], ['15:30', 20]]);
    expect(result.alreadyThere).toBe(0);
  });

  it('adds nothing the second time: the file is byte for byte the same', () => {
    const once = mergeTimeline(doc(list), events).text;
    const twice = mergeTimeline(once, events);
    expect(twice.added).toEqual([]);
    expect(twice.alreadyThere).toBe(3);
    expect(twice.text).toBe(once);
  });

  it('knows an entry the author already wrote at the same minute with the same text', () => {
    const result = mergeTimeline(doc(list), [event('2026-03-14T14:20:40Z', 'Paged the search on-call', 'Escalation'), event('2026-03-14T14:20:00Z', 'Paged the search on-call')]);
    expect(result.added).toEqual([]);
    expect(result.alreadyThere).toBe(2);
  });

  it('follows the bullet, time decoration, separator and label style of the timeline', () => {
    const original = doc('* **14:00** - Queue depth started to climb\n* **14:20** - Escalation: Paged the search on-call\n');
    const added = newLines(original, mergeTimeline(original, events).text);
    expect(added).toEqual(['* **13:40** - Indexer v4 deployed', '* **14:07** - Detection: Freshness alert fired', '* **15:30** - Backlog drained']);
  });

  it('writes a label so that it reads back after a bold time, when no entry shows how the timeline writes labels', () => {
    const original = doc('- **14:00** - Queue depth started to climb\n');
    const result = mergeTimeline(original, events);
    expect(newLines(original, result.text)).toEqual(['- **13:40** - Indexer v4 deployed', '- **14:07** - Detection: Freshness alert fired', '- **15:30** - Backlog drained']);
    expect(parsePostmortem(result.text).timeline.find((entry) => entry.text === 'Freshness alert fired')?.label).toBe('Detection');
  });

  it('writes a 12-hour clock in a 12-hour timeline, with its way of writing PM', () => {
    const original = doc('- 2:00pm: Queue depth started to climb\n- 2:20pm: Paged the search on-call\n');
    expect(newLines(original, mergeTimeline(original, events).text)).toEqual(['- 1:40pm: Indexer v4 deployed', '- 2:07pm: **Detection:** Freshness alert fired', '- 3:30pm: Backlog drained']);
  });

  it('writes the zone after the time where the timeline does, and keeps a timeline of plain lines plain', () => {
    const zoned = doc('- 14:00 UTC: Queue depth started to climb\n- 14:20 UTC: Paged the search on-call\n', 'timezone: UTC');
    expect(newLines(zoned, mergeTimeline(zoned, [event('2026-03-14T14:07:00Z', 'Freshness alert fired')]).text)).toEqual(['- 14:07 UTC: Freshness alert fired']);
    const lines = doc('14:00 - Queue depth started to climb\n14:20 - Paged the search on-call\n');
    const result = mergeTimeline(lines, [event('2026-03-14T14:07:00Z', 'Freshness alert fired')]);
    expect(result.text).toContain('14:00 - Queue depth started to climb\n14:07 - Freshness alert fired\n14:20 - Paged');
  });

  it('keeps a loose list loose and a numbered list numbered', () => {
    const loose = doc('- 14:00: Queue depth started to climb\n\n- 14:20: Paged the search on-call\n');
    expect(mergeTimeline(loose, [event('2026-03-14T14:10:00Z', 'Dashboards checked')]).text).toContain('- 14:00: Queue depth started to climb\n\n- 14:10: Dashboards checked\n\n- 14:20: Paged');
    const numbered = doc('1. 14:00: Queue depth started to climb\n2. 14:20: Paged the search on-call\n');
    expect(mergeTimeline(numbered, [event('2026-03-14T14:30:00Z', 'Dashboards checked')]).text).toContain('2. 14:20: Paged the search on-call\n2. 14:30: Dashboards checked\n');
  });

  it('puts a new entry after the continuation lines and nested items of the entry before it', () => {
    const original = doc('- 14:00: Queue depth started to climb\n  - the p99 of enqueue rose too\n  and kept rising\n- 14:20: Paged the search on-call\n');
    expect(mergeTimeline(original, [event('2026-03-14T14:05:00Z', 'Dashboards checked')]).text).toContain('  and kept rising\n- 14:05: Dashboards checked\n- 14:20:');
  });

  it('leaves entries without a time where they are', () => {
    const original = doc('- Detection: a customer wrote to support\n- 14:00: Queue depth started to climb\n- Lesson: alert on freshness\n');
    const result = mergeTimeline(original, [event('2026-03-14T13:00:00Z', 'Earlier deploy'), event('2026-03-14T14:30:00Z', 'Later restart')]);
    expect(result.text).toContain('- Detection: a customer wrote to support\n- 13:00: Earlier deploy\n- 14:00: Queue depth started to climb\n- 14:30: Later restart\n- Lesson: alert on freshness\n');
  });

  it('writes the zone after each time when --timezone is not the document\'s, so the times read back right', () => {
    const original = doc(list);
    const result = mergeTimeline(original, [event('2026-03-14T14:07:00Z', 'Freshness alert fired')], { timezone: 'Europe/Berlin' });
    expect(newLines(original, result.text)).toEqual(['- 15:07 Europe/Berlin: Freshness alert fired']);
    const entry = parsePostmortem(result.text).timeline.find((candidate) => candidate.text === 'Freshness alert fired');
    expect(Date.parse(entry?.at ?? '')).toBe(Date.parse('2026-03-14T14:07:00Z'));
  });

  it('dates new times when the timeline then spans two days, and they read back on the right day', () => {
    const original = doc(list);
    const result = mergeTimeline(original, [event('2026-03-15T00:30:00Z', 'Postmortem meeting booked')]);
    expect(newLines(original, result.text)).toEqual(['- 2026-03-15 00:30: Postmortem meeting booked']);
  });

  it('puts a day heading above the undated entries a dated new time would otherwise move to its day', () => {
    const original = doc(list);
    const result = mergeTimeline(original, [event('2026-03-13T23:00:00Z', 'Deploy the evening before')]);
    expect(newLines(original, result.text)).toEqual(['- 2026-03-13 23:00: Deploy the evening before', '', '### 2026-03-14', '']);
    expect(result.text).toContain('## Timeline\n\n- 2026-03-13 23:00: Deploy the evening before\n\n### 2026-03-14\n\n- 14:00: Queue depth');
    const reread = parsePostmortem(result.text).timeline.map((entry) => entry.at);
    expect(reread).toEqual(['2026-03-13T23:00+00:00', '2026-03-14T14:00:00+00:00', '2026-03-14T14:20:00+00:00', '2026-03-14T14:50:00+00:00'].map((at) => (at.length === 22 ? at.replace('23:00+', '23:00:00+') : at)));
  });
});

describe('mergeTimeline into a table', () => {
  it('adds rows with the table\'s columns, a label in its Label column and `|` escaped', () => {
    const original = doc('| Time | Label | Event | Owner |\n|------|-------|-------|-------|\n| 14:00 | | Queue depth started to climb | Ana |\n| 14:20 | Escalation | Paged the search on-call | Ana |\n');
    const result = mergeTimeline(original, [event('2026-03-14T14:07:00Z', 'Alert: freshness | p99', 'Detection'), event('2026-03-14T13:00:00Z', 'Deploy')]);
    // "Alert:" would be read as a label where a table has no Label column: its colon is escaped.
    expect(newLines(original, result.text)).toEqual(['| 13:00 | | Deploy | |', '| 14:07 | Detection | Alert\\: freshness \\| p99 | |']);
    const parsed = parsePostmortem(result.text).timeline.map((entry) => [entry.time, entry.label, entry.text]);
    expect(parsed).toEqual([['13:00', null, 'Deploy'], ['14:00', null, 'Queue depth started to climb'], ['14:07', 'Detection', 'Alert\\: freshness | p99'], ['14:20', 'Escalation', 'Paged the search on-call']]);
  });

  it('writes the label into the text cell of a table without a Label column, as the parser reads labels', () => {
    const original = doc('| Time | Event |\n| --- | --- |\n| **14:00** | Queue depth started to climb |\n');
    const result = mergeTimeline(original, [event('2026-03-14T14:07:00Z', 'Freshness alert fired', 'Detection')]);
    expect(newLines(original, result.text)).toEqual(['| **14:07** | **Detection:** Freshness alert fired |']);
    expect(parsePostmortem(result.text).timeline[1]).toMatchObject({ time: '14:07', label: 'Detection', text: 'Freshness alert fired' });
  });
});

describe('mergeTimeline with day headings', () => {
  it('puts each entry under its day and adds a heading, written like the others, for a new day before, between or after', () => {
    const original = doc('### March 13, 2026\n\n- 22:00: Indexer config changed\n\n### March 15, 2026\n\n- 01:00: Backfill finished\n');
    const result = mergeTimeline(original, [
      event('2026-03-12T10:00:00Z', 'Capacity review'),
      event('2026-03-13T23:00:00Z', 'Queue alert muted'),
      event('2026-03-14T09:00:00Z', 'Customer reports'),
      event('2026-03-15T00:30:00Z', 'Backfill started'),
      event('2026-03-16T08:00:00Z', 'Review held'),
    ]);
    expect(result.text).toContain(`## Timeline

### March 12, 2026

- 10:00: Capacity review

### March 13, 2026

- 22:00: Indexer config changed
- 23:00: Queue alert muted

### March 14, 2026

- 09:00: Customer reports

### March 15, 2026

- 00:30: Backfill started
- 01:00: Backfill finished

### March 16, 2026

- 08:00: Review held

## Root Cause`);
    const reread = parsePostmortem(result.text).timeline.map((entry) => Date.parse(entry.at ?? ''));
    expect(reread).toEqual([...reread].sort((first, second) => first - second));
  });
});

describe('mergeTimeline keeps the file\'s bytes', () => {
  it('keeps CRLF line endings and writes the new lines with them', () => {
    const original = doc('- 14:00: Queue depth started to climb\n- 14:20: Paged the search on-call\n').replace(/\n/g, '\r\n');
    const result = mergeTimeline(original, [event('2026-03-14T14:07:00Z', 'Freshness alert fired')]);
    expect(result.text).toBe(original.replace('- 14:20:', '- 14:07: Freshness alert fired\r\n- 14:20:'));
  });

  it('keeps a byte order mark', () => {
    const original = `\uFEFF${doc('- 14:00: Queue depth started to climb\n')}`;
    const result = mergeTimeline(original, [event('2026-03-14T14:07:00Z', 'Freshness alert fired')]);
    expect(result.text).toBe(original.replace('climb\n', 'climb\n- 14:07: Freshness alert fired\n'));
  });

  it('places times across a daylight-saving change by their instants and writes each in its own offset', () => {
    const original = doc('- 01:15: Replica lag alert\n- 03:45: Replica caught up\n', 'timezone: America/New_York').replace('date: 2026-03-14', 'date: 2026-03-08');
    // 01:55 EST is 06:55 UTC; 03:05 EDT is 07:05 UTC: ten minutes apart across the change.
    const result = mergeTimeline(original, [event('2026-03-08T07:05:00Z', 'Failover finished'), event('2026-03-08T06:55:00Z', 'Failover started')]);
    expect(result.text).toContain('- 01:15: Replica lag alert\n- 01:55: Failover started\n- 03:05: Failover finished\n- 03:45: Replica caught up\n');
    const model = parsePostmortem(result.text);
    expect(model.timeline.map((entry) => new Date(zonedInstantMillis(entry.at ?? '', model.timezone)).toISOString())).toEqual([
      '2026-03-08T06:15:00.000Z', '2026-03-08T06:55:00.000Z', '2026-03-08T07:05:00.000Z', '2026-03-08T07:45:00.000Z',
    ]);
  });
});

describe('mergeTimeline into a file without a timeline', () => {
  it('adds a Timeline section after the summary, at the summary\'s heading level', () => {
    const original = doc('').replace('## Timeline\n\n\n', '');
    const result = mergeTimeline(original, events.slice(0, 2));
    expect(result.createdSection).toBe(true);
    expect(result.text).toContain('the search index served results an hour old.\n\n## Timeline\n\n- 1:40 PM: Indexer v4 deployed\n- 2:07 PM: **Detection:** Freshness alert fired\n\n## Root Cause');
    expect(newLines(original, result.text)).toEqual(['## Timeline', '', '- 1:40 PM: Indexer v4 deployed', '- 2:07 PM: **Detection:** Freshness alert fired', '']);
  });

  it('adds it at the end of a file without a summary section, giving the last line its line break', () => {
    const original = '# Notes\n\nSearch went stale.';
    const result = mergeTimeline(original, events.slice(0, 1));
    expect(result.text).toBe('# Notes\n\nSearch went stale.\n\n## Timeline\n\n- 2026-03-14 1:40 PM: Indexer v4 deployed\n');
  });

  it('returns the text itself when there is nothing to add', () => {
    const original = doc('- 14:00: Queue depth started to climb\n');
    const result = mergeTimeline(original, []);
    expect(result.text).toBe(original);
    expect(result.added).toEqual([]);
  });
});
