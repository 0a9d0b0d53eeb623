/**
 * Markdown shows a postmortem on one wall clock: each instant read at its own moment in the
 * document's zone (so times either side of a daylight-saving change are right), day headings
 * from the same reading, and one clock style, 12-hour or 24-hour, in the summary and the
 * timeline alike. The changes used are those of 2025 (see test/export/timeline-ticks.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { normalizePostmortem } from '../../src/model/validate.js';
import { emptyPostmortem, type Postmortem, type TimelineEntry } from '../../src/model/postmortem.js';
import { parsePostmortem } from '../../src/parse/parse-postmortem.js';
import { renderMarkdown } from '../../src/render/render-markdown.js';
import { listTemplates } from '../../src/render/templates.js';

function postmortem(timezone: string | null, start: string | null, end: string | null, timeline: Array<Partial<TimelineEntry>>, date = start?.slice(0, 10) ?? null): Postmortem {
  const empty = emptyPostmortem();
  return {
    ...empty,
    title: 'Clock test',
    date,
    timezone,
    summary: { ...empty.summary, start, end },
    timeline: timeline.map((entry) => ({ time: null, at: null, label: null, text: 'Something happened', ...entry })),
  };
}

const durationLine = (markdown: string): string | undefined => markdown.split('\n').find((line) => line.startsWith('- **Duration:**'));
const timelineLines = (markdown: string): string[] => markdown.slice(markdown.indexOf('## Timeline')).split('\n').filter((line) => /^(?:- |### )/.test(line));

describe('Markdown across a daylight-saving change', () => {
  it('reads each instant at its own moment when clocks spring forward (New York)', () => {
    const model = postmortem('America/New_York', '2025-03-09T06:30:00Z', '2025-03-09T07:30:00Z', [
      { at: '2025-03-09T06:30:00Z' },
      { at: '2025-03-09T07:30:00Z' },
    ]);
    const markdown = renderMarkdown(model, { template: 'classic' });
    expect(durationLine(markdown)).toBe('- **Duration:** 1 h 0 min, between 1:30 AM and 3:30 AM (America/New_York)');
    expect(timelineLines(markdown)).toEqual(['- 1:30 AM: Something happened', '- 3:30 AM: Something happened']);
  });

  it('counts a window given in local times by the clock that really passed', () => {
    // An answers file may give start and end without an offset: wall-clock times in the timezone.
    const spring = normalizePostmortem(postmortem('America/New_York', '2025-03-09T01:30:00', '2025-03-09T03:30:00', []));
    expect(spring.summary.durationMinutes).toBe(60);
    expect(durationLine(renderMarkdown(spring))).toBe('- **Duration:** 1 h 0 min, between 1:30 AM and 3:30 AM (America/New_York)');
    const autumn = normalizePostmortem(postmortem('Australia/Sydney', '2025-04-06T01:30:00', '2025-04-06T03:30:00', []));
    expect(autumn.summary.durationMinutes).toBe(180);
  });

  it('writes the repeated hour as the clock showed it when clocks fall back (New York)', () => {
    const model = postmortem('America/New_York', '2025-11-02T01:10:00-04:00', '2025-11-02T01:50:00-05:00', [
      { at: '2025-11-02T01:30:00-04:00' },
      { at: '2025-11-02T01:30:00-05:00' },
      { at: '2025-11-02T02:10:00-05:00' },
    ]);
    const markdown = renderMarkdown(model, { template: 'classic' });
    expect(durationLine(markdown)).toBe('- **Duration:** 1 h 40 min, between 1:10 AM and 1:50 AM (America/New_York)');
    expect(timelineLines(markdown)).toEqual(['- 1:30 AM: Something happened', '- 1:30 AM: Something happened', '- 2:10 AM: Something happened']);
  });

  it('does the same in a southern zone (Sydney), spring and autumn', () => {
    const spring = postmortem('Australia/Sydney', '2025-10-05T01:30:00+10:00', '2025-10-05T03:30:00+11:00', [
      { at: '2025-10-04T15:30:00Z' },
      { at: '2025-10-04T16:30:00Z' },
    ]);
    const springMarkdown = renderMarkdown(spring, { template: 'classic' });
    expect(durationLine(springMarkdown)).toBe('- **Duration:** 1 h 0 min, between 1:30 AM and 3:30 AM (Australia/Sydney)');
    expect(timelineLines(springMarkdown)).toEqual(['- 1:30 AM: Something happened', '- 3:30 AM: Something happened']);
    const autumn = postmortem('Australia/Sydney', '2025-04-06T02:30:00+11:00', '2025-04-06T02:30:00+10:00', [{ at: '2025-04-05T15:30:00Z' }, { at: '2025-04-05T16:30:00Z' }]);
    expect(timelineLines(renderMarkdown(autumn, { template: 'classic' }))).toEqual(['- 2:30 AM: Something happened', '- 2:30 AM: Something happened']);
  });

  it('heads the days where clocks skip midnight (Santiago)', () => {
    const model = postmortem('America/Santiago', '2025-09-07T03:30:00Z', '2025-09-07T04:30:00Z', [
      { time: '23:30', at: '2025-09-06T23:30:00-04:00' },
      { time: '01:30', at: '2025-09-07T01:30:00-03:00' },
    ], '2025-09-06');
    const markdown = renderMarkdown(model, { template: 'classic' });
    expect(durationLine(markdown)).toBe('- **Duration:** 1 h 0 min, between September 6, 2025, 23:30 and September 7, 2025, 01:30 (America/Santiago)');
    expect(timelineLines(markdown)).toEqual(['### 2025-09-06', '- 23:30: Something happened', '### 2025-09-07', '- 01:30: Something happened']);
  });

  it.each(listTemplates().map((template) => template.name))('reads back the same instants from the %s template, both changes', (template) => {
    const models = [
      postmortem('America/New_York', '2025-03-09T01:30:00-05:00', '2025-03-09T03:30:00-04:00', [
        { time: '1:30 AM', at: '2025-03-09T01:30:00-05:00' },
        { time: '3:30 AM', at: '2025-03-09T03:30:00-04:00' },
      ]),
      postmortem('Europe/Berlin', '2025-10-26T01:30:00+02:00', '2025-10-26T03:30:00+01:00', [
        { time: '01:30', at: '2025-10-26T01:30:00+02:00' },
        { time: '03:30', at: '2025-10-26T03:30:00+01:00' },
      ]),
      postmortem('America/Santiago', '2025-09-06T23:30:00-04:00', '2025-09-07T01:30:00-03:00', [
        { time: '23:30', at: '2025-09-06T23:30:00-04:00' },
        { time: '01:30', at: '2025-09-07T01:30:00-03:00' },
      ]),
    ];
    for (const model of models) {
      const parsed = parsePostmortem(renderMarkdown(model, { template }));
      expect([parsed.summary.start, parsed.summary.end]).toEqual([model.summary.start, model.summary.end]);
      expect(parsed.timeline.map((entry) => entry.at)).toEqual(model.timeline.map((entry) => entry.at));
    }
  });

  it('heads an entry written in a zone of its own with the day of that time, so it reads back the same', () => {
    const model = postmortem('UTC', null, null, [
      { time: '10:00 PM', at: '2026-03-14T22:00:00+00:00' },
      { time: '11:30 PM PST', at: '2026-03-14T23:30:00-08:00' },
    ], '2026-03-14');
    const markdown = renderMarkdown(model, { template: 'google-sre' });
    expect(timelineLines(markdown)).toEqual(['### 2026-03-14', '- 10:00 PM: Something happened', '- 11:30 PM PST: Something happened']);
    expect(parsePostmortem(markdown).timeline.map((entry) => entry.at)).toEqual(model.timeline.map((entry) => entry.at));
  });
});

describe('Markdown in one clock style', () => {
  const window = ['2025-11-04T14:05:00+00:00', '2025-11-04T14:52:00+00:00'] as const;

  it.each(listTemplates().map((template) => template.name))('writes the %s summary on the 24-hour clock of a 24-hour timeline', (template) => {
    const model = postmortem('UTC', ...window, [
      { time: '14:02', at: '2025-11-04T14:02:00+00:00' },
      { time: '14:52', at: '2025-11-04T14:52:00+00:00' },
    ]);
    const markdown = renderMarkdown(model, { template });
    expect(markdown).toContain('between 14:05 and 14:52 (UTC)');
    expect(markdown).not.toMatch(/\d (?:AM|PM)\b/);
  });

  it('keeps the 12-hour clock for a 12-hour timeline, and for a window with no timeline', () => {
    const twelve = postmortem('UTC', ...window, [{ time: '2:02 PM', at: '2025-11-04T14:02:00+00:00' }]);
    expect(durationLine(renderMarkdown(twelve))).toBe('- **Duration:** 47 min, between 2:05 PM and 2:52 PM (UTC)');
    expect(durationLine(renderMarkdown(postmortem('UTC', ...window, [])))).toBe('- **Duration:** 47 min, between 2:05 PM and 2:52 PM (UTC)');
  });

  it('writes entries without a written time in the style of the others', () => {
    const model = postmortem('UTC', ...window, [
      { time: '14:02', at: '2025-11-04T14:02:00+00:00' },
      { time: null, at: '2025-11-04T14:30:00+00:00' },
      { time: '14:52', at: '2025-11-04T14:52:00+00:00' },
    ]);
    expect(timelineLines(renderMarkdown(model))).toEqual(['- 14:02: Something happened', '- 14:30: Something happened', '- 14:52: Something happened']);
  });
});
