import { describe, expect, it } from 'vitest';
import { markdown, runRule } from '../../../test/lint/rule-harness.js';
import rule from './timeline-order.js';

const timeline = (...entries: string[]): string => markdown('## Timeline', ...entries);

describe('timeline-order', () => {
  it.each([
    ['entries in order', timeline('- 2:00 AM: Alert.', '- 2:10 AM: Paged.', '- 3:00 AM: Fixed.')],
    ['untimed labelled entries between timed ones', timeline('- 2:00 AM: Alert.', '- Escalation: Paged the lead.', '- 2:30 AM: Fixed.')],
    ['a crossing of midnight under date headings', timeline('### 2026-03-14', '- 23:50 UTC: Alert.', '### 2026-03-15', '- 00:10 UTC: Fixed.')],
    ['a crossing of midnight the summary window announces', markdown('## Summary', 'From 11:00 PM to 1:00 AM (UTC) payments failed.', '', timeline('- 11:00 PM: Alert.', '- 11:40 PM: Paged.', '- 12:20 AM: Fixed.'))],
    ['a crossing of midnight on a dated document whose summary names both days', markdown('---', 'date: 2023-06-26', '---', '## Summary', '- From **Jun 26, 2023 6:00 AM** to **Jun 28, 2023 6:00 AM (UTC-4)** the lab was down.', '', timeline('- 23:10: Still looking.', '- 01:30: Found it.'))],
    ['entries in two zones that are in order as instants', markdown('---', 'date: 2026-03-14', '---', timeline('- 14:00 UTC: Alert.', '- 10:05 EDT: Paged the US on-call.'))],
    ['undated entries on different days, which are not compared', timeline('**March 14**', '- 23:00: Alert.', '**March 15**', '- 01:00: Fixed.')],
    ['dated ISO entries in order', timeline('- 2025-05-05T22:23:47Z — Incident begins', '- 2025-05-06T00:16:49Z — Team grows')],
  ])('accepts %s', (_name, text) => {
    expect(runRule(rule, text)).toEqual([]);
  });

  it.each([
    ['an entry earlier than the one before it', timeline('- 2:00 AM: Alert.', '- 2:30 AM: Paged.', '- 2:10 AM: Looked at logs.', '- 3:00 AM: Fixed.'), [4]],
    ['a step back past midnight that nothing explains', timeline('- 23:50: Alert.', '- 00:10: Fixed.'), [3]],
    ['dated ISO entries out of order', timeline('- 2025-05-05T21:00:00Z — Partners informed', '- 2025-05-06T12:00:00Z — Logs received', '- 2025-05-05T23:18:33Z — Access revoked'), [4]],
    ['entries in two zones out of order as instants', markdown('---', 'date: 2026-03-14', '---', timeline('- 4:00 PM CAT: Alert.', '- 1:30 PM UTC: Paged.')), [6]],
  ])('reports %s', (_name, text, lines) => {
    expect(runRule(rule, text).map((problem) => problem.line)).toEqual(lines);
  });

  it('names both times, points at the later entry\'s time and says how to fix it', () => {
    const [problem] = runRule(rule, timeline('- 2:30 AM: Paged.', '- **2:10 AM:** Looked at logs.'));
    expect(problem).toEqual({
      line: 3,
      column: 5,
      message: '"2:10 AM" is earlier than the entry before it ("2:30 AM", line 2): put the entries in time order, or, if this one is on a later day, give it a date (a date heading such as "### 2026-03-15" above it)',
    });
  });
});
