/**
 * Compensated summation (Kahan-Babuska / Neumaier): adds floating-point numbers while carrying
 * the low-order bits that plain `+=` loses, so a million order amounts sum to the same cents
 * whatever their order (STYLE.md practice: compensated sums, after simple-statistics `sumSimple`
 * vs `sum`). Source: A. Neumaier (1974), "Rundungsfehleranalyse einiger Verfahren zur Summation
 * endlicher Summen", ZAMM 54; Wikipedia, "Kahan summation algorithm"
 * ("Further enhancements").
 *
 * Bad-input policy: NaN values are skipped (NaN = missing in a `num` column); infinities
 * propagate as in plain addition.
 */

/**
 * Sum of `values` with Neumaier's compensation; NaN entries are skipped.
 *
 * O(n) time, O(1) memory. An empty input sums to 0.
 *
 * @example kahanSum([1e100, 1, -1e100]) // 1 (plain summation gives 0)
 */
export function kahanSum(values: ArrayLike<number>): number {
  let sum = 0;
  let comp = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (Number.isNaN(x)) continue;
    const t = sum + x;
    comp += Math.abs(sum) >= Math.abs(x) ? sum - t + x : x - t + sum;
    sum = t;
  }
  return sum + comp;
}

/**
 * Many compensated sums side by side, one per slot (e.g. revenue per period): `add(i, x)` adds
 * x to slot i, `value(i)` reads the compensated total. NaN additions are skipped.
 *
 * O(1) per add and per read; memory 2 Float64 per slot.
 */
export class KahanSums {
  private readonly sums: Float64Array;
  private readonly comps: Float64Array;

  constructor(readonly size: number) {
    this.sums = new Float64Array(size);
    this.comps = new Float64Array(size);
  }

  add(i: number, x: number): void {
    if (Number.isNaN(x)) return;
    const s = this.sums[i];
    const t = s + x;
    this.comps[i] += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
    this.sums[i] = t;
  }

  value(i: number): number {
    return this.sums[i] + this.comps[i];
  }

  /** All slots' compensated totals as a new array. O(size). */
  values(): Float64Array {
    const out = new Float64Array(this.size);
    for (let i = 0; i < this.size; i++) out[i] = this.sums[i] + this.comps[i];
    return out;
  }
}
