/**
 * The ideal customer profile (issue #10 item 3; DESIGN.md section 4, "the loyal profile"): the
 * attribute values over-represented among the most loyal customers, to revise the ideal
 * customer profile.
 *
 * Loyal customers: customers of the base who have not churned and are in the top quarter of
 * the base by revenue to date (when the workspace has order amounts or MRR; the historical
 * value, a CLV proxy) or else by lifetime (tenure). For each attribute value:
 * share among the loyal (with its 95 % Wilson interval) vs share among the rest of the base,
 * ratio = loyal share / base share, two-proportion z-test loyal vs rest, Benjamini-Hochberg q
 * over every value of the profile. Over-represented values (ratio > 1), significant ones first,
 * then by ratio. Shares in percent.
 *
 * Complexity: O(customers x attributes) plus one sort of the basis.
 */
import { wilsonInterval } from '../stats/wilson-interval.ts';
import { twoProportionZTest } from '../stats/two-proportion-z-test.ts';
import { benjaminiHochberg } from '../stats/benjamini-hochberg.ts';
import { quantileSorted } from '../stats/quantile-sorted.ts';
import type { CustomerGroups, GroupValue } from '../customers/customer-groups.ts';
import { SMALL_GROUP } from './churn-profile.ts';

export interface IdealRow {
  readonly key: string;
  readonly value: GroupValue;
  /** Loyal customers with the value. */
  readonly loyal: number;
  /** Base customers with the value. */
  readonly customers: number;
  readonly share: number;
  readonly low: number;
  readonly high: number;
  readonly baseShare: number;
  readonly ratio: number;
  readonly p: number | null;
  readonly q: number | null;
  readonly small: boolean;
  /** q < 0.05 and not small. */
  readonly significant: boolean;
}

export interface IdealProfile {
  readonly basis: 'revenue' | 'tenure';
  /** The basis value a loyal customer reaches (the base's 75th percentile). */
  readonly threshold: number;
  readonly loyal: number;
  readonly rows: readonly IdealRow[];
}

/**
 * The loyal profile (see the file comment), or null when there is no basis (no revenue and no
 * lifetimes) or no loyal customer.
 *
 * @example idealProfile(groups, base, churned, revenue, lifetime)?.rows[0]
 */
export function idealProfile(groups: readonly CustomerGroups[], base: Uint8Array, churned: Uint8Array, revenue: Float64Array, lifetime: Float64Array): IdealProfile | null {
  const pick = (values: Float64Array) => {
    const xs: number[] = [];
    for (let k = 0; k < base.length; k++) if (base[k] && Number.isFinite(values[k])) xs.push(values[k]);
    return xs;
  };
  let basis: IdealProfile['basis'] = 'revenue';
  let values = revenue;
  let xs = pick(revenue);
  if (xs.length < base.reduce((a, b) => a + b, 0) / 2) {
    basis = 'tenure';
    values = lifetime;
    xs = pick(lifetime);
  }
  if (xs.length === 0) return null;
  const threshold = quantileSorted(Float64Array.from(xs).sort(), 0.75);
  const loyal = new Uint8Array(base.length);
  let L = 0;
  let N = 0;
  for (let k = 0; k < base.length; k++) {
    if (!base[k]) continue;
    N++;
    if (!churned[k] && Number.isFinite(values[k]) && values[k] >= threshold) {
      loyal[k] = 1;
      L++;
    }
  }
  if (L === 0 || L === N) return null;
  const raw: Omit<IdealRow, 'q' | 'significant'>[] = [];
  for (const g of groups) {
    const m = g.values.length;
    const all = new Float64Array(m);
    const inLoyal = new Float64Array(m);
    for (let k = 0; k < base.length; k++) {
      if (!base[k]) continue;
      all[g.codes[k]]++;
      if (loyal[k]) inLoyal[g.codes[k]]++;
    }
    for (let v = 0; v < m; v++) {
      if (all[v] === 0) continue;
      const share = inLoyal[v] / L;
      const baseShare = all[v] / N;
      const ci = wilsonInterval(inLoyal[v], L)!;
      const test = twoProportionZTest(inLoyal[v], L, all[v] - inLoyal[v], N - L);
      raw.push({ key: g.key, value: g.values[v], loyal: inLoyal[v], customers: all[v], share: share * 100, low: ci.low * 100, high: ci.high * 100, baseShare: baseShare * 100, ratio: share / baseShare, p: test?.p ?? null, small: all[v] < SMALL_GROUP });
    }
  }
  const qs = benjaminiHochberg(raw.map((r) => r.p ?? NaN));
  const rows = raw
    .map((r, i): IdealRow => ({ ...r, q: Number.isNaN(qs[i]) ? null : qs[i], significant: !Number.isNaN(qs[i]) && qs[i] < 0.05 && !r.small }))
    .filter((r) => r.ratio > 1 && r.value.kind !== 'none')
    .sort((a, b) => Number(b.significant) - Number(a.significant) || b.ratio - a.ratio);
  return { basis, threshold, loyal: L, rows };
}
