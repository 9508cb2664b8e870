/**
 * Churned customers per reason category (issue #10 items 1 and 2; DESIGN.md section 4): count,
 * share of churned customers with its 95 % Wilson interval, value lost (MRR, or trailing
 * 12-month revenue for orders), avoidable or not, the reasons behind each category, the share
 * with **no reason recorded** (it limits every conclusion), and the trend per period of the
 * churn day. Shares and bounds in percent.
 *
 * Complexity: O(customers + distinct reasons).
 */
import { MISSING_DAY } from '../table.ts';
import { wilsonInterval } from '../stats/wilson-interval.ts';
import { periodLabel, periodOf, type PeriodUnit } from '../retention/periods.ts';
import type { ChurnStatus } from './churn-status.ts';
import { classifyReasons, isAvoidable, normaliseReason, renamedCategory, type ClassifiedReason, type ReasonEdits } from './reason-taxonomy.ts';

export interface ReasonRow {
  readonly category: string;
  readonly avoidable: boolean | null;
  readonly count: number;
  readonly share: number;
  readonly low: number;
  readonly high: number;
  /** Sum of the churned customers' value (NaN-free; 0 when none known). */
  readonly valueLost: number;
  /** The reasons (normalised) behind the category, most common first. */
  readonly reasons: readonly { readonly reason: string; readonly label: string; readonly count: number; readonly by: ClassifiedReason['by'] }[];
}

export interface ReasonTrend {
  readonly unit: PeriodUnit;
  readonly periods: readonly string[];
  /** Per category of `reasons` (same order), churned customers per period. */
  readonly counts: readonly (readonly number[])[];
  readonly noReason: readonly number[];
}

export interface ReasonCounts {
  readonly churned: number;
  readonly noReason: { readonly count: number; readonly share: number | null; readonly low: number | null; readonly high: number | null };
  readonly reasons: readonly ReasonRow[];
  readonly trend: ReasonTrend | null;
  /** The categories before the user's renames (what editReasons rewrites). */
  readonly originals: readonly string[];
  /** Per customer: index into `reasons`, -1 = churned without a reason, -2 = not churned / not in the base. */
  readonly assignment: Int32Array;
}

/**
 * Counts churned customers per category (see the file comment).
 *
 * @example reasonCounts(status, NO_EDITS, 'month').reasons[0].share
 */
export function reasonCounts(status: ChurnStatus, edits: ReasonEdits, unit: PeriodUnit = 'month'): ReasonCounts {
  const n = status.base.length;
  const observed = new Map<string, { spellings: Map<string, number>; categories: Map<string, number> }>();
  const norm: (string | null)[] = new Array<string | null>(n).fill(null);
  let churned = 0;
  for (let k = 0; k < n; k++) {
    if (!status.base[k] || !status.churned[k]) continue;
    churned++;
    const r = normaliseReason(status.reason[k]);
    norm[k] = r;
    if (r === null) continue;
    let o = observed.get(r);
    if (!o) observed.set(r, (o = { spellings: new Map(), categories: new Map() }));
    const spelling = status.reason[k]!.trim();
    o.spellings.set(spelling, (o.spellings.get(spelling) ?? 0) + 1);
    const fc = status.fileCategory[k]?.trim();
    if (fc) o.categories.set(fc, (o.categories.get(fc) ?? 0) + 1);
  }
  const classified = classifyReasons(observed, edits);
  const originals = new Set<string>();
  for (const c of classified.values()) if (c.by !== 'user') originals.add(c.original);
  const byCategory = new Map<string, { count: number; value: number; reasons: Map<string, number> }>();
  const catOf: (string | null)[] = new Array<string | null>(n).fill(null);
  for (let k = 0; k < n; k++) {
    if (!status.base[k] || !status.churned[k]) continue;
    const r = norm[k];
    let cat: string | null = null;
    if (r !== null) cat = classified.get(r)!.category;
    else {
      const fc = status.fileCategory[k]?.trim();
      if (fc) {
        originals.add(fc);
        cat = renamedCategory(edits, fc);
      }
    }
    catOf[k] = cat;
    if (cat === null) continue;
    let e = byCategory.get(cat);
    if (!e) byCategory.set(cat, (e = { count: 0, value: 0, reasons: new Map() }));
    e.count++;
    if (Number.isFinite(status.valueLost[k])) e.value += status.valueLost[k];
    if (r !== null) e.reasons.set(r, (e.reasons.get(r) ?? 0) + 1);
  }
  const rows = [...byCategory.entries()]
    .sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1))
    .map(([category, e]): ReasonRow => {
      const ci = wilsonInterval(e.count, churned)!;
      return {
        category,
        avoidable: isAvoidable(edits, category),
        count: e.count,
        share: (e.count / churned) * 100,
        low: ci.low * 100,
        high: ci.high * 100,
        valueLost: e.value,
        reasons: [...e.reasons.entries()]
          .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
          .map(([reason, count]) => ({ reason, label: classified.get(reason)!.label, count, by: classified.get(reason)!.by })),
      };
    });
  const index = new Map(rows.map((r, i) => [r.category, i]));
  const assignment = new Int32Array(n).fill(-2);
  let none = 0;
  for (let k = 0; k < n; k++) {
    if (!status.base[k] || !status.churned[k]) continue;
    const c = catOf[k];
    assignment[k] = c === null ? -1 : index.get(c)!;
    if (c === null) none++;
  }
  const ci = wilsonInterval(none, churned);
  return {
    churned,
    noReason: { count: none, share: churned === 0 ? null : (none / churned) * 100, low: ci ? ci.low * 100 : null, high: ci ? ci.high * 100 : null },
    reasons: rows,
    trend: trendOf(status, assignment, rows.length, unit),
    originals: [...originals].sort(),
    assignment,
  };
}

function trendOf(status: ChurnStatus, assignment: Int32Array, categories: number, unit: PeriodUnit): ReasonTrend | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (let k = 0; k < assignment.length; k++) {
    if (assignment[k] === -2 || status.churnDay[k] === MISSING_DAY) continue;
    const p = periodOf(status.churnDay[k], unit);
    lo = Math.min(lo, p);
    hi = Math.max(hi, p);
  }
  if (lo > hi || hi - lo > 360) return null;
  const len = hi - lo + 1;
  const counts = Array.from({ length: categories }, () => new Array<number>(len).fill(0));
  const noReason = new Array<number>(len).fill(0);
  for (let k = 0; k < assignment.length; k++) {
    const a = assignment[k];
    if (a === -2 || status.churnDay[k] === MISSING_DAY) continue;
    const p = periodOf(status.churnDay[k], unit) - lo;
    if (a === -1) noReason[p]++;
    else counts[a][p]++;
  }
  return { unit, periods: Array.from({ length: len }, (_, i) => periodLabel(lo + i, unit)), counts, noReason };
}
