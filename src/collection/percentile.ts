/**
 * Percentiles as numpy computes them by default (`numpy.percentile(values, p)`, method
 * `linear`, Hyndman and Fan's type 7, also R's and a spreadsheet's PERCENTILE.INC default):
 * the p-th percentile of n sorted values sits at rank (n - 1) * p / 100, counted from 0, and
 * a rank between two values is read on the straight line between them.
 *
 * For whole-number values and a whole-number p the answer is worked out in integers and
 * divided once, so `percentile([4, 3], 90)` is 3.9, not 3.9000000000000004.
 */

/**
 * The `p`-th percentile (0 to 100) of `values`, or null when there are none. `values` need
 * not be sorted; it is not changed.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile: p must be from 0 to 100, not ${p}`);
  if (values.length === 0) return null;
  return percentileOfSorted([...values].sort((a, b) => a - b), p);
}

/** {@link percentile} of values already sorted in ascending order (not checked). */
export function percentileOfSorted(sorted: readonly number[], p: number): number | null {
  const count = sorted.length;
  if (count === 0) return null;
  // Rank times 100: exact for whole p, so the interpolation below divides once.
  const scaledRank = (count - 1) * p;
  const lower = Math.min(Math.floor(scaledRank / 100), count - 1);
  const remainder = scaledRank - lower * 100;
  const below = sorted[lower] as number;
  if (remainder === 0 || lower === count - 1) return below;
  const above = sorted[lower + 1] as number;
  return (below * 100 + (above - below) * remainder) / 100;
}

/** The median: {@link percentile} 50. */
export function median(values: readonly number[]): number | null {
  return percentile(values, 50);
}
