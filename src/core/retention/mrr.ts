/**
 * Monthly recurring revenue: net and gross revenue retention and the MRR movement breakdown per
 * period (DESIGN.md section 3, "Revenue retention: gross (GRR, capped at 100 %) and net (NRR)
 * for subscription MRR"; the movement names follow the usual SaaS bridge).
 *
 * Definitions (the careful reading of DESIGN.md where it is silent):
 * - MRR of a customer on day d = the sum of `mrr` of their subscriptions active on d
 *   (start <= d < end); a missing mrr (NaN) counts 0 but the subscription still makes the
 *   customer active.
 * - For period P: m0 = the customer's MRR on p0 - 1, m1 = on p1; a0, a1 = active on those days.
 *   - churn: a0 and not a1; amount m0;
 *   - expansion: a0 and a1 and m1 > m0; amount m1 - m0;
 *   - contraction: a0 and a1 and m1 < m0; amount m0 - m1 (a downgrade to a free plan is a
 *     contraction, not a churn: the customer is still there);
 *   - new: not a0, a1, first start in P; amount m1;
 *   - reactivation: not a0, a1, first start before P; amount m1.
 *   So MRR(p1) = MRR(p0 - 1) + new + reactivation + expansion - contraction - churn exactly
 *   (up to rounding), the bridge a finance person checks first.
 * - NRR = (MRR(p0 - 1) - churn - contraction + expansion) / MRR(p0 - 1) x 100: what the customers
 *   of p0 - 1 pay on p1 relative to what they paid; GRR = the same without expansion, capped at
 *   100 %. Both null when MRR(p0 - 1) = 0.
 * Movements are measured between the period's two boundary days, so a customer who upgrades and
 * downgrades inside one period shows only the net change (like every end-of-month MRR bridge).
 */
import { MISSING_DAY } from '../table.ts';
import { KahanSums } from '../stats/kahan-sum.ts';
import type { SubscriptionIndex } from './customer-index.ts';
import { boundaryDays, periodIndexIn, type PeriodGrid } from './periods.ts';
import { dayToIso } from '../parse/date.ts';
import { toNumbers } from '../table-ops.ts';
import type { MrrRow } from './report-types.ts';

export type MrrMovement = 'new' | 'expansion' | 'contraction' | 'churn' | 'reactivation';
export const MRR_MOVEMENTS: readonly MrrMovement[] = ['new', 'expansion', 'contraction', 'churn', 'reactivation'];

export interface MrrPeriod {
  readonly index: number;
  readonly period: string;
  readonly start: number;
  readonly end: number;
  /** Total MRR on p0 - 1 and on p1. */
  readonly mrrStart: number;
  readonly mrrEnd: number;
  /** Movement amounts, all >= 0 (churn and contraction are losses). */
  readonly movements: Readonly<Record<MrrMovement, number>>;
  /** Customer numbers behind each movement, ascending. */
  readonly members: Readonly<Record<MrrMovement, Uint32Array>>;
  /** Percentages; null when mrrStart = 0. */
  readonly nrr: number | null;
  readonly grr: number | null;
}

/** First index t with days[t] >= x (days ascending). O(log n). */
function lowerBound(days: Int32Array, x: number): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (days[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * MRR, NRR, GRR and the movement breakdown for every period of `grid`.
 *
 * O(subscriptions x log periods + boundary days covered by subscriptions): each customer's MRR
 * is filled in only on the boundaries their subscriptions cover.
 */
export function mrrByPeriod(index: SubscriptionIndex, grid: PeriodGrid): MrrPeriod[] {
  const P = grid.count;
  const days = boundaryDays(grid);
  const T = days.length;
  const level = new KahanSums(T);
  const amounts = Object.fromEntries(MRR_MOVEMENTS.map((m) => [m, new KahanSums(P)])) as Record<MrrMovement, KahanSums>;
  const lists = Object.fromEntries(MRR_MOVEMENTS.map((m) => [m, Array.from({ length: P }, () => [] as number[])])) as Record<MrrMovement, number[][]>;
  const m = new Float64Array(T);
  const act = new Uint8Array(T);
  for (let k = 0; k < index.customerIds.length; k++) {
    let from = T;
    let to = 0;
    for (let i = index.offsets[k]; i < index.offsets[k + 1]; i++) {
      const lo = lowerBound(days, index.starts[i]);
      const hi = lowerBound(days, index.ends[i]);
      const v = Number.isNaN(index.mrr[i]) ? 0 : index.mrr[i];
      for (let t = lo; t < hi; t++) {
        m[t] += v;
        act[t] = 1;
      }
      if (lo < hi) {
        from = Math.min(from, lo);
        to = Math.max(to, hi);
      }
    }
    if (from >= to) continue;
    const first = index.firstStart[k];
    const newPeriod = first === MISSING_DAY ? -1 : periodIndexIn(grid, first);
    for (let t = from; t < to; t++) level.add(t, m[t]);
    // Period j spans boundaries j and j + 1; only periods touching [from, to) can move.
    for (let j = Math.max(0, from - 1); j < Math.min(P, to); j++) {
      const a0 = act[j] === 1;
      const a1 = act[j + 1] === 1;
      const m0 = m[j];
      const m1 = m[j + 1];
      let kind: MrrMovement | null = null;
      let amount = 0;
      if (a0 && !a1) [kind, amount] = ['churn', m0];
      else if (a0 && a1 && m1 > m0) [kind, amount] = ['expansion', m1 - m0];
      else if (a0 && a1 && m1 < m0) [kind, amount] = ['contraction', m0 - m1];
      else if (!a0 && a1) [kind, amount] = [newPeriod === j ? 'new' : 'reactivation', m1];
      if (kind) {
        amounts[kind].add(j, amount);
        lists[kind][j].push(k);
      }
    }
    m.fill(0, from, to);
    act.fill(0, from, to);
  }
  const out: MrrPeriod[] = [];
  for (let j = 0; j < P; j++) {
    const mrrStart = level.value(j);
    const mv = Object.fromEntries(MRR_MOVEMENTS.map((x) => [x, amounts[x].value(j)])) as Record<MrrMovement, number>;
    const kept = mrrStart - mv.churn - mv.contraction;
    out.push({
      index: j,
      period: grid.labels[j],
      start: grid.starts[j],
      end: grid.ends[j],
      mrrStart,
      mrrEnd: level.value(j + 1),
      movements: mv,
      members: Object.fromEntries(MRR_MOVEMENTS.map((x) => [x, Uint32Array.from(lists[x][j])])) as Record<MrrMovement, Uint32Array>,
      nrr: mrrStart === 0 ? null : ((kept + mv.expansion) / mrrStart) * 100,
      grr: mrrStart === 0 ? null : Math.min(100, (kept / mrrStart) * 100),
    });
  }
  return out;
}

/** The report's MRR rows: movements, NRR and GRR per period, with the customers behind each movement. */
export function mrrRows(index: SubscriptionIndex, grid: PeriodGrid, asOf: number): MrrRow[] {
  return mrrByPeriod(index, grid).map((m) => ({
    period: m.period,
    start: dayToIso(m.start),
    end: dayToIso(m.end),
    complete: m.end <= asOf,
    mrrStart: m.mrrStart,
    mrrEnd: m.mrrEnd,
    new: m.movements.new,
    expansion: m.movements.expansion,
    contraction: m.movements.contraction,
    churn: m.movements.churn,
    reactivation: m.movements.reactivation,
    nrr: m.nrr,
    grr: m.grr,
    members: {
      new: toNumbers(m.members.new),
      expansion: toNumbers(m.members.expansion),
      contraction: toNumbers(m.members.contraction),
      churn: toNumbers(m.members.churn),
      reactivation: toNumbers(m.members.reactivation),
    },
  }));
}
