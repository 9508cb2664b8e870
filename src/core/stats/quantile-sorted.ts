/**
 * Quantile of an ascending sorted sample by linear interpolation between order statistics:
 * Hyndman & Fan (1996) definition 7, "Sample quantiles in statistical packages", The American
 * Statistician 50(4). It is R's default `quantile(type = 7)`, numpy's default and Excel's
 * PERCENTILE.INC, so a user can reproduce it in a spreadsheet.
 *
 * h = (n - 1) p; Q(p) = x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]) (0-based).
 *
 * O(1): the input must already be sorted ascending (the `*Sorted` suffix says so; not checked).
 *
 * @throws RangeError for an empty sample or p outside [0, 1].
 * @example quantileSorted([1, 2, 3, 4], 0.8) // 3.4
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError('quantileSorted requires at least one value');
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantileSorted requires p in [0, 1], got ${p}`);
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  if (lo >= n - 1) return sorted[n - 1];
  return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
}
