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

describe('isIsoDate', () => {
  it('knows the length of every month and the leap years of the Gregorian calendar', () => {
    const valid = ['2024-02-29', '2000-02-29', '2026-04-30', '2026-12-31', '2026-01-01', '0000-02-29'];
    const invalid = ['2026-02-29', '1900-02-29', '2026-04-31', '2026-06-31', '2026-09-31', '2026-11-31', '2026-13-01', '2026-00-10', '2026-01-00', '2026-01-32', '26-01-01', '2026-01-01T00:00'];
    expect(valid.filter((date) => !isIsoDate(date))).toEqual([]);
    expect(invalid.filter((date) => isIsoDate(date))).toEqual([]);
  });

  it('agrees with the calendar JavaScript keeps, day by day over four centuries', () => {
    const disagreements: string[] = [];
    for (let year = 1899; year <= 2301; year += year === 1901 ? 95 : 1) {
      for (let month = 1; month <= 12; month += 1) {
        for (let day = 28; day <= 31; day += 1) {
          const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          if (isIsoDate(text) !== new Date(`${text}T00:00:00Z`).toISOString().startsWith(text)) disagreements.push(text);
        }
      }
    }
    expect(disagreements).toEqual([]);
  });
});
