import { describe, expect, it } from 'vitest';
import { dueDateOf, isIsoDate, isOverdue, localToday } from '../../src/collection/action-state.js';

describe('action state', () => {
  it('is overdue only when open and due before today', () => {
    expect(isOverdue({ due: '2026-09-14', done: false }, '2026-09-15')).toBe(true);
    expect(isOverdue({ due: '2026-09-15', done: false }, '2026-09-15')).toBe(false);
    expect(isOverdue({ due: '2026-09-14', done: true }, '2026-09-15')).toBe(false);
    expect(isOverdue({ due: 'next sprint', done: false }, '2026-09-15')).toBe(false);
    expect(isOverdue({ due: null, done: false }, '2026-09-15')).toBe(false);
  });

  it('reads only real YYYY-MM-DD days as dates', () => {
    expect([isIsoDate('2026-02-28'), isIsoDate('2026-02-30'), isIsoDate('2026-2-3')]).toEqual([true, false, false]);
    expect(dueDateOf({ due: ' 2026-03-01 ' })).toBe('2026-03-01');
  });

  it('gives the local calendar day', () => {
    expect(localToday(new Date(2026, 11, 6, 23, 59))).toBe('2026-12-06');
  });
});
