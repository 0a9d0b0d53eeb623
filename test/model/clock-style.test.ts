import { describe, expect, it } from 'vitest';
import { clockStyle } from '../../src/model/clock-style.js';

const written = (...times: Array<string | null>) => times.map((time) => ({ time }));

describe('clockStyle', () => {
  it.each([
    ['12h', written('2:00 AM', '2:05 pm', '3 p.m.')],
    ['24h', written('14:00', '14:05', '2026-03-14 15:00')],
    ['12h', written('14:00', '2:05 PM')],
    ['24h', written('14:00', '14:05 UTC', '2:05 PM')],
    ['24h', written(null, '14:00', null)],
    ['12h', written(null, null)],
    ['12h', written()],
  ] as const)('is %s for %j', (style, timeline) => {
    expect(clockStyle(timeline)).toBe(style);
  });
});
