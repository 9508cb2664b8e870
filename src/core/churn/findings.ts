/**
 * Findings of the churn audit (issue #10 item 3), as codes and numbers: the attribute values whose
 * churn rate differs from the rest after Benjamini-Hochberg correction (q < 0.05), not small
 * (n >= 30), and by at least 10 % (lift >= 1.1 or <= 0.9), ranked by the churned customers they
 * explain: |churned - customers x overall rate|, the excess (or deficit) against the overall rate.
 *
 * Acquisition cohorts never make a finding (EXPOSURE_ATTRIBUTES).
 *
 * Core returns codes and numbers (`churn-more` / `churn-less` / `churn-none`); the page writes the
 * sentence in the user's language (lib/churn-text.ts), the command line in English
 * (scripts/cli-text.ts).
 *
 * Complexity: O(values log values).
 */
import type { GroupValue } from '../customers/customer-groups.ts';
import type { AttributeProfile } from './churn-profile.ts';

export const MAX_FINDINGS = 12;

/**
 * Attributes whose churn rates differ by exposure alone: an older acquisition cohort has had
 * more months in which to churn, so its higher rate is no finding about the customers. They
 * stay in the attribute tables (marked) and the survival curves compare them fairly; they never
 * make a finding.
 */
export const EXPOSURE_ATTRIBUTES: ReadonlySet<string> = new Set(['derived:cohort']);

/** churn-more / churn-less: lift above / below 1; churn-none: not one customer of the value churned (a lift of 0 has no "x times"). */
export type FindingCode = 'churn-more' | 'churn-less' | 'churn-none';

export interface Finding {
  readonly code: FindingCode;
  /** Attribute key (`plan`, `attr:Contract`, `derived:cohort`). */
  readonly key: string;
  readonly value: GroupValue;
  readonly customers: number;
  /** Percent. */
  readonly rate: number;
  readonly overall: number;
  readonly lift: number;
  readonly q: number;
  /** Churned customers above (positive) or below (negative) what the overall rate predicts. */
  readonly excess: number;
}

/**
 * The ranked findings of adjusted profiles (see the file comment).
 *
 * @param overall the base's churn rate in percent.
 */
export function churnFindings(profiles: readonly AttributeProfile[], overall: number): Finding[] {
  const out: Finding[] = [];
  for (const a of profiles) {
    if (EXPOSURE_ATTRIBUTES.has(a.key)) continue;
    for (const v of a.values) {
      if (v.q === null || v.q >= 0.05 || v.small || v.lift === null || v.rate === null) continue;
      if (v.lift < 1.1 && v.lift > 0.9) continue;
      if (v.value.kind === 'none' || v.value.kind === 'other') continue;
      out.push({
        code: v.lift > 1 ? 'churn-more' : v.churned === 0 ? 'churn-none' : 'churn-less',
        key: a.key,
        value: v.value,
        customers: v.customers,
        rate: v.rate,
        overall,
        lift: v.lift,
        q: v.q,
        excess: v.churned - (v.customers * overall) / 100,
      });
    }
  }
  return out.sort((a, b) => Math.abs(b.excess) - Math.abs(a.excess)).slice(0, MAX_FINDINGS);
}
