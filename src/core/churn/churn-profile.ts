/**
 * What churners have in common (issue #10 item 3; DESIGN.md section 4): for every attribute
 * (core/customers/customer-groups.ts) the churn rate of each value against the rest, and of the
 * whole attribute:
 *
 * - rate = churned / customers of the value, with its 95 % Wilson interval;
 * - lift = rate / overall rate (overall = churned / customers of the base);
 * - p: two-proportion z-test of the value against every other customer of the base;
 * - q: Benjamini-Hochberg adjusted p over every value test of every attribute of the audit (the
 *   caller adjusts: `adjustProfiles`), so "significant" means q < 0.05;
 * - small: fewer than 30 customers (shown and marked, never hidden; never called significant);
 * - per attribute: Pearson chi-square test of independence (values x churned/stayed).
 * Rates, shares and bounds are in percent.
 *
 * Complexity: O(customers) per attribute.
 */
import { wilsonInterval } from '../stats/wilson-interval.ts';
import { twoProportionZTest } from '../stats/two-proportion-z-test.ts';
import { chiSquareIndependence } from '../stats/chi-square-independence.ts';
import { benjaminiHochberg } from '../stats/benjamini-hochberg.ts';
import type { CustomerGroups, GroupValue } from '../customers/customer-groups.ts';

/** Groups with fewer customers are marked small. */
export const SMALL_GROUP = 30;

export interface ValueRate {
  readonly value: GroupValue;
  readonly customers: number;
  readonly churned: number;
  /** Percent; null when the value has no customers. */
  readonly rate: number | null;
  readonly low: number | null;
  readonly high: number | null;
  /** rate / overall rate; null when either is not defined or the overall rate is 0. */
  readonly lift: number | null;
  /** Two-sided p of the z-test against the rest; null when not defined. */
  readonly p: number | null;
  /** BH-adjusted p (set by adjustProfiles). */
  readonly q: number | null;
  readonly small: boolean;
  /** q < 0.05 and not small (a normal-approximation test says little about fewer than 30 customers). */
  readonly significant: boolean;
}

export interface AttributeProfile {
  readonly key: string;
  readonly type: CustomerGroups['type'];
  readonly chi2: number | null;
  readonly df: number | null;
  readonly p: number | null;
  readonly values: readonly ValueRate[];
}

const pct = (x: number) => x * 100;

/**
 * The churn profile of one attribute (q left null: see adjustProfiles).
 *
 * @param base 1 = the customer counts; @param churned 1 = churned (only read where base = 1).
 * @example churnProfile(groups, base, churned).values[0].lift
 */
export function churnProfile(groups: CustomerGroups, base: Uint8Array, churned: Uint8Array): AttributeProfile {
  const m = groups.values.length;
  const customers = new Float64Array(m);
  const gone = new Float64Array(m);
  let N = 0;
  let X = 0;
  for (let k = 0; k < groups.codes.length; k++) {
    if (!base[k]) continue;
    const g = groups.codes[k];
    customers[g]++;
    N++;
    if (churned[k]) {
      gone[g]++;
      X++;
    }
  }
  const overall = N === 0 ? null : X / N;
  const values: ValueRate[] = groups.values.map((value, g) => {
    const n = customers[g];
    const x = gone[g];
    const ci = wilsonInterval(x, n);
    const rate = n === 0 ? null : x / n;
    const test = twoProportionZTest(x, n, X - x, N - n);
    return {
      value,
      customers: n,
      churned: x,
      rate: rate === null ? null : pct(rate),
      low: ci ? pct(ci.low) : null,
      high: ci ? pct(ci.high) : null,
      lift: rate === null || overall === null || overall === 0 ? null : rate / overall,
      p: test ? test.p : null,
      q: null,
      small: n < SMALL_GROUP,
      significant: false,
    };
  });
  const table = groups.values.map((_, g) => [gone[g], customers[g] - gone[g]]);
  const chi = chiSquareIndependence(table);
  return { key: groups.key, type: groups.type, chi2: chi?.chi2 ?? null, df: chi?.df ?? null, p: chi?.p ?? null, values };
}

/**
 * Sets q (Benjamini-Hochberg over every value test of every profile) and returns new profiles.
 *
 * @example adjustProfiles([churnProfile(plan, base, churned), churnProfile(region, base, churned)])
 */
export function adjustProfiles(profiles: readonly AttributeProfile[]): AttributeProfile[] {
  const ps = profiles.flatMap((a) => a.values.map((v) => v.p ?? NaN));
  const qs = benjaminiHochberg(ps);
  let i = 0;
  return profiles.map((a) => ({
    ...a,
    values: a.values.map((v) => {
      const q = qs[i++];
      return { ...v, q: Number.isNaN(q) ? null : q, significant: !Number.isNaN(q) && q < 0.05 && !v.small };
    }),
  }));
}
