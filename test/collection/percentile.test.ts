// Known values of numpy.percentile(values, p) with its default method ('linear'), worked by
// hand: rank = (n - 1) * p / 100 from 0, and between two ranks the straight line.
import { describe, expect, it } from 'vitest';
import { median, percentile } from '../../src/collection/percentile.js';

describe('percentile', () => {
  it.each([
    // [1, 2, 3, 4]: rank 1.5 is halfway between 2 and 3; rank 2.7 is 3 + 0.7.
    [[1, 2, 3, 4], 50, 2.5],
    [[1, 2, 3, 4], 90, 3.7],
    // [15, 20, 35, 40, 50]: rank 1.6 is 20 + 0.6 * 15 = 29; rank 3.6 is 40 + 0.6 * 10 = 46.
    [[15, 20, 35, 40, 50], 40, 29],
    [[15, 20, 35, 40, 50], 50, 35],
    [[15, 20, 35, 40, 50], 90, 46],
    [[15, 20, 35, 40, 50], 0, 15],
    [[15, 20, 35, 40, 50], 100, 50],
    // 1..10: rank 8.1 is 9 + 0.1; rank 4.5 is halfway between 5 and 6.
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90, 9.1],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50, 5.5],
    // Two values: rank 0.9 is 3 + 0.9 * 1, and no floating-point crumbs (3.9000000000000004).
    [[3, 4], 90, 3.9],
    // One value is every percentile.
    [[7], 90, 7],
    [[7], 50, 7],
    // Unsorted, with repeats: sorted [1, 1, 5, 5], rank 1.5 is halfway between 1 and 5.
    [[5, 1, 5, 1], 50, 3],
    // Fractions, and a p that is not whole: [0.5, 1.5] at rank 0.25 is 0.75; [0, 8] at rank 0.125 is 1.
    [[0.5, 1.5], 25, 0.75],
    [[0, 8], 12.5, 1],
  ])('of %j at %d is %d', (values, p, expected) => {
    expect(percentile(values, p)).toBe(expected);
  });

  it('is null for no values, and the median is the 50th percentile', () => {
    expect(percentile([], 90)).toBeNull();
    expect(median([])).toBeNull();
    expect(median([9, 1, 4])).toBe(4);
  });

  it('does not reorder the values it is given', () => {
    const values = [3, 1, 2];
    percentile(values, 50);
    expect(values).toEqual([3, 1, 2]);
  });

  it('refuses a p outside 0 to 100', () => {
    expect(() => percentile([1], 101)).toThrow(RangeError);
    expect(() => percentile([1], Number.NaN)).toThrow(RangeError);
  });
});
