/**
 * The HTML page shows a postmortem on one wall clock: the header card, the timeline list, its
 * day headings and the chart read every instant at its own moment in the postmortem's zone,
 * so they agree with each other on both sides of a daylight-saving change. The changes used
 * are those of 2025 (see test/export/timeline-ticks.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { buildPageView, type PostmortemPageView } from '../../src/export/page-view.js';
import { emptyPostmortem } from '../../src/model/postmortem.js';
import { parsePostmortem } from '../../src/parse/parse-postmortem.js';

function page(frontMatter: string, summary: string, timeline: string[]): PostmortemPageView {
  const markdown = `---\ntitle: Clock test\n${frontMatter}\n---\n# Clock test\n\n## Summary\n\n${summary}\n\n## Timeline\n\n${timeline.join('\n')}\n`;
  return buildPageView(parsePostmortem(markdown, { filePath: 'clock.md' }));
}

function timelineOf(view: PostmortemPageView) {
  const timeline = view.sections.find((section) => section.timeline)?.timeline;
  if (!timeline) throw new Error('no timeline');
  return timeline;
}

const fact = (view: PostmortemPageView, key: string): string | undefined => view.facts.find((item) => item.key === key)?.value;
const listTimes = (view: PostmortemPageView): string[] => timelineOf(view).days.flatMap((day) => day.entries.map((entry) => entry.time));
const rowTimes = (view: PostmortemPageView): string[] => timelineOf(view).chart?.rows.map((row) => row.time) ?? [];
const tickLabels = (view: PostmortemPageView): string[] => timelineOf(view).chart?.ticks.map((tick) => tick.label) ?? [];

describe('the HTML page across a daylight-saving change', () => {
  it('shows the same times in the list, the chart and the card when clocks spring forward (New York)', () => {
    const view = page('date: 2025-03-09\ntimezone: America/New_York', '- **Duration:** 1:30 AM to 3:30 AM', ['- 1:30 AM: Alert fired', '- 3:30 AM: Service restored']);
    expect(listTimes(view)).toEqual(['1:30 AM', '3:30 AM']);
    expect(rowTimes(view)).toEqual(['1:30 AM', '3:30 AM']);
    expect(tickLabels(view)).toContain('3:00 AM');
    expect(tickLabels(view).filter((label) => label.startsWith('2:'))).toEqual([]);
    expect(timelineOf(view).chart?.window?.label).toBe('Impact · 1 h 0 min');
    expect(fact(view, 'duration')).toBe('1 h 0 min');
    expect(fact(view, 'window')).toBe('1:30 AM–3:30 AM America/New_York');
  });

  it('shows the repeated hour twice when clocks fall back (Berlin)', () => {
    const view = page('date: 2025-10-26\ntimezone: Europe/Berlin', '- **Duration:** 01:45 to 03:15', ['- 02:30 CEST: Alert fired', '- 02:30 CET: Rolled back', '- 03:15: Service restored']);
    expect(listTimes(view)).toEqual(['02:30', '02:30', '03:15']);
    expect(rowTimes(view)).toEqual(['02:30', '02:30', '03:15']);
    // Twenty-minute steps: 02:00, 02:20 and 02:40 each come round twice, as they did on the clock.
    expect(tickLabels(view)).toEqual(['02:00', '02:20', '02:40', '02:00', '02:20', '02:40', '03:00']);
    expect(fact(view, 'duration')).toBe('2 h 30 min');
  });

  it('does the same in a southern zone (Sydney), spring and autumn', () => {
    const spring = page('date: 2025-10-05\ntimezone: Australia/Sydney', '- **Duration:** 01:30 to 03:30', ['- 01:30: Alert fired', '- 03:30: Service restored']);
    expect(listTimes(spring)).toEqual(['01:30', '03:30']);
    expect(rowTimes(spring)).toEqual(['01:30', '03:30']);
    expect(tickLabels(spring)).toContain('03:00');
    expect(tickLabels(spring).filter((label) => label.startsWith('02:'))).toEqual([]);
    expect(timelineOf(spring).chart?.window?.label).toBe('Impact · 1 h 0 min');
    const autumn = page('date: 2025-04-06\ntimezone: Australia/Sydney', '- **Duration:** 01:30 to 03:30', ['- 01:30: Alert fired', '- 03:30: Service restored']);
    expect(rowTimes(autumn)).toEqual(['01:30', '03:30']);
    expect(tickLabels(autumn).filter((label) => label === '02:00')).toHaveLength(2);
    expect(timelineOf(autumn).chart?.window?.label).toBe('Impact · 3 h 0 min');
    expect(fact(autumn, 'duration')).toBe('3 h 0 min');
  });

  it('heads the list with the days and names the new day on the axis where clocks skip midnight (Santiago)', () => {
    const view = page('date: 2025-09-06\ntimezone: America/Santiago', 'Checkout failed.', ['- 23:30: Alert fired', '', '### 2025-09-07', '', '- 01:30: Service restored']);
    expect(timelineOf(view).days.map((day) => [day.heading, day.entries.map((entry) => entry.time)])).toEqual([
      ['September 6, 2025', ['23:30']],
      ['September 7, 2025', ['01:30']],
    ]);
    expect(rowTimes(view)).toEqual(['Sep 6, 23:30', 'Sep 7, 01:30']);
    expect(tickLabels(view)).toContain('Sep 7');
  });

  it('shows times without a declared timezone on the one clock the zone note names', () => {
    // A model from an answers file: no timezone, instants written with the offsets of the day.
    const empty = emptyPostmortem();
    const view = buildPageView({
      ...empty,
      date: '2025-03-09',
      timeline: [
        { time: '01:30', at: '2025-03-09T01:30:00-05:00', label: null, text: 'Alert fired' },
        { time: '03:30', at: '2025-03-09T03:30:00-04:00', label: null, text: 'Service restored' },
      ],
    });
    expect(timelineOf(view).zoneNote).toBe('Times are in UTC-05:00.');
    expect(listTimes(view)).toEqual(['01:30', '02:30']);
    expect(rowTimes(view)).toEqual(['01:30', '02:30']);
  });
});

describe('the HTML page in one clock style', () => {
  it('writes the card and the timeline on the clock the timeline is written in', () => {
    const twentyFour = page('date: 2025-11-04\ntimezone: UTC', '- **Duration:** 14:05 to 14:52', ['- 14:02: Deploy', '- 14:52: Service restored']);
    expect(fact(twentyFour, 'window')).toBe('14:05–14:52 UTC');
    expect(listTimes(twentyFour)).toEqual(['14:02', '14:52']);
    const twelve = page('date: 2025-11-04\ntimezone: UTC', '- **Duration:** 14:05 to 14:52', ['- 2:02 PM: Deploy', '- 2:52 PM: Service restored']);
    expect(fact(twelve, 'window')).toBe('2:05 PM–2:52 PM UTC');
    expect(listTimes(twelve)).toEqual(['2:02 PM', '2:52 PM']);
  });
});
