// Answers -> model: every problem at once, and timeline entries placed on their days.
import { describe, expect, it } from 'vitest';
import { buildPostmortem, placeTimeline } from '../../src/cli/new/build-postmortem.js';

describe('buildPostmortem', () => {
  it('reports every missing and wrong answer in interview order, not the ones it could not check', () => {
    const result = buildPostmortem({ title: 'X', date: '2026-03-14', timezone: 'UTC', usersAffected: '101', end: '6:00', resolution: 'Fixed.' }, { today: '2026-03-15' });
    expect(result).toEqual({
      ok: false,
      problems: [
        { key: 'severity', message: null },
        { key: 'start', message: null },
        { key: 'impact', message: null },
        { key: 'usersAffected', message: '101% is more than 100%: write a number from 0 to 100' },
        { key: 'rootCauseSummary', message: null },
      ],
    });
  });

  it('fills the model: ISO start and end with offset, the duration, status draft, open tasks', () => {
    const result = buildPostmortem(
      {
        title: 'X', date: '2026-03-14', severity: 'SEV3', authors: '', timezone: 'America/New_York', start: '23:30', end: '2026-03-15 00:15',
        impact: 'Slow.', usersAffected: '', rootCauseSummary: 'A cache.', resolution: 'Warmed it.', rootCause: '', lessonsLearned: '',
        tasks: { items: [{ text: 'Do it', owner: null, due: '2026-03-20', priority: 'p2' }], complete: true },
      },
      { today: '2026-03-15' },
    );
    expect(result.ok && result.postmortem).toMatchObject({
      status: 'draft',
      authors: [],
      summary: { start: '2026-03-14T23:30:00-04:00', end: '2026-03-15T00:15:00-04:00', durationMinutes: 45, usersAffectedPercent: null },
      rootCause: null,
      lessonsLearned: null,
      correctiveActions: { improvements: [], tasks: [{ text: 'Do it', owner: null, due: '2026-03-20', priority: 'P2', done: false }] },
    });
  });
});

describe('placeTimeline', () => {
  it('puts an entry on the day of the entry before it unless it names or was given its own', () => {
    const placed = placeTimeline(
      [
        { time: '23:50', text: 'a', label: null },
        { time: null, text: 'b', label: 'Detection Method' },
        { time: '00:10', text: 'c', label: null, date: '2026-03-15' },
        { time: '00:20', text: 'd', label: null },
        { time: '2026-03-16 09:00', text: 'e', label: null },
      ],
      { date: '2026-03-14', timezone: 'UTC' },
    );
    expect(placed.ok && placed.value.map((entry) => entry.at)).toEqual(['2026-03-14T23:50:00+00:00', null, '2026-03-15T00:10:00+00:00', '2026-03-15T00:20:00+00:00', '2026-03-16T09:00:00+00:00']);
  });

  it('names the entry that is wrong', () => {
    expect(placeTimeline([{ time: '10:00', text: '', label: null }], { date: '2026-03-14', timezone: 'UTC' })).toEqual({ ok: false, message: 'entry 1 (10:00): what happened is required' });
  });
});
