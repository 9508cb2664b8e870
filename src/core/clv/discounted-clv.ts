/**
 * Predictive customer lifetime value over a fixed horizon (DESIGN.md section 6):
 *
 *   CLV = margin · E[M] · Σ_{m=1}^{H} (E[Y(t_m)] − E[Y(t_{m−1})]) / (1 + d_m)^m,
 *
 * the expected purchases of each month (from the BG/NBD conditional expectation, cumulative at
 * the month ends t_m = m · 4.348 weeks, a month being 365.25 / 12 days) times the expected spend
 * per purchase (Gamma-Gamma) times the gross margin, each month discounted at the monthly rate
 * d_m = (1 + d)^(1/12) − 1 that compounds to the yearly rate d. Defaults: 12 months, 10 % a
 * year, margin 100 %. The receipt says so in words: "next 12 months, 10 % a year".
 *
 * Complexity: one series pass for the H month ends per distinct (x, t_x, T) row
 * (bgnbdExpectedCurve).
 */
import { bgnbdExpectedCurve, type BgnbdParams } from './bgnbd.ts';

/** Weeks in an average month (365.25 / 12 days). */
export const WEEKS_PER_MONTH = 365.25 / 12 / 7;

/**
 * The monthly rate that compounds to a yearly rate: (1 + d)^(1/12) − 1.
 *
 * @example monthlyRate(0.1) // 0.007974…
 */
export function monthlyRate(yearly: number): number {
  return Math.pow(1 + yearly, 1 / 12) - 1;
}

/** The month ends of the last horizon and a buffer for their expectations (reused across calls). */
let times = new Float64Array(0);
let curve = new Float64Array(0);

/**
 * Σ_{m=1}^{H} (E[Y(t_m)] − E[Y(t_{m−1})]) / (1 + d_m)^m for one customer history: the
 * discounted expected purchases over the horizon. `undiscounted` receives E[Y(t_H)].
 *
 * @example discountedPurchases(fit, 2, 30.43, 38.86, 12, 0.1)
 */
export function discountedPurchases(p: BgnbdParams, x: number, tx: number, T: number, months: number, yearly: number): { discounted: number; undiscounted: number } {
  if (times.length !== months) {
    times = Float64Array.from({ length: months }, (_, m) => (m + 1) * WEEKS_PER_MONTH);
    curve = new Float64Array(months);
  }
  const e = bgnbdExpectedCurve(p, x, tx, T, times, curve);
  const factor = 1 / (1 + monthlyRate(yearly));
  let previous = 0;
  let discount = 1;
  let sum = 0;
  for (let m = 0; m < months; m++) {
    discount *= factor;
    sum += (e[m] - previous) * discount;
    previous = e[m];
  }
  return { discounted: sum, undiscounted: previous };
}
