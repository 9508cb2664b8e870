import type { MeanSummary } from './welch-t-test.ts';

/**
 * Mean and variance in one pass, numerically stable: Welford's online algorithm (Welford 1962,
 * "Note on a method for calculating corrected sums of squares and products", Technometrics 4;
 * Knuth, TAOCP vol. 2, 4.2.2). Each value updates
 *
 *   n += 1,  δ = x − mean,  mean += δ / n,  M2 += δ (x − mean)
 *
 * and the sample variance is M2 / (n − 1). Unlike Σx² − n·mean², it does not lose every digit
 * when the mean is large against the spread (order values of 10,000.01 and 10,000.02).
 *
 * O(1) per value and memory. Bad-input policy: NaN values are skipped (NaN = missing);
 * infinities propagate. The mean of no values and the variance of fewer than two are NaN.
 *
 * @example const m = new RunningMoments(); [2, 4, 4, 4, 5, 5, 7, 9].forEach((x) => m.add(x)); m.variance // 4.571428…
 */
export class RunningMoments {
  n = 0;
  mean = NaN;
  #m2 = 0;

  add(x: number): void {
    if (Number.isNaN(x)) return;
    this.n++;
    if (this.n === 1) {
      this.mean = x;
      this.#m2 = 0;
      return;
    }
    const d = x - this.mean;
    this.mean += d / this.n;
    this.#m2 += d * (x - this.mean);
  }

  /** Sample variance (n − 1 denominator); NaN for n < 2. */
  get variance(): number {
    return this.n < 2 ? NaN : Math.max(0, this.#m2 / (this.n - 1));
  }

  /** The summary welchTTest takes (variance 0 for n < 2, which welchTTest refuses by n). */
  summary(): MeanSummary {
    return { mean: this.n === 0 ? 0 : this.mean, variance: this.n < 2 ? 0 : this.variance, n: this.n };
  }
}
