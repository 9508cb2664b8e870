/**
 * Satisfaction by touchpoint and by customer attribute (issue #12 item 1; DESIGN.md section 7:
 * "trend per period, per touchpoint and per segment").
 *
 * - By touchpoint (after purchase, after support, onboarding ...): the figures of all answers
 *   given at each touchpoint (answers without one in "(no value)"), most answers first.
 * - By attribute: every customer attribute of core/customers/customer-groups.ts (plan, region,
 *   acquisition channel, cohort, referred ...) splits the customers; each value gets the figures
 *   of its customers' **latest** answer per scale (latest-answers.ts), so every customer counts
 *   once, as a customer attribute describes customers, not answers. The NPS group itself is left
 *   out (it would only restate its own definition).
 *
 * Complexity: O(rows + customers x attributes). Bad input: rows without a customer are left out
 * of the attribute figures (they count by touchpoint); nothing throws.
 */
import { MISSING_CODE } from '../table.ts';
import type { CustomerGroups, GroupValue } from '../customers/customer-groups.ts';
import type { FeedbackAnswers } from './feedback-answers.ts';
import { latestAnswerRows } from './latest-answers.ts';
import { SCALES } from './score-scale.ts';
import { scoreSummaries, type ScoreSummary } from './score-summary.ts';

export interface TouchpointRow {
  /** The touchpoint as written; null = answers without one. */
  readonly touchpoint: string | null;
  readonly summary: ScoreSummary;
}

/**
 * Figures per touchpoint, most answers first (null when the file maps no touchpoint column).
 *
 * @example satisfactionByTouchpoint(answers)?.[0].summary.nps?.nps
 */
export function satisfactionByTouchpoint(answers: FeedbackAnswers): TouchpointRow[] | null {
  const col = answers.touchpoint;
  if (!col) return null;
  // dict code -> group; blank values join "no touchpoint" (the last group).
  const none = col.dict.length;
  const group = Uint32Array.from(col.dict, (v, c) => (v.trim() === '' ? none : c));
  const summaries = scoreSummaries(answers, (r) => (col.codes[r] === MISSING_CODE || col.codes[r] >= none ? none : group[col.codes[r]]), none + 1);
  const rows: TouchpointRow[] = [];
  summaries.forEach((summary, g) => {
    if (summary.answers > 0) rows.push({ touchpoint: g === none ? null : col.dict[g], summary });
  });
  return rows.sort((a, b) => b.summary.answers - a.summary.answers || (a.touchpoint === null ? 1 : b.touchpoint === null ? -1 : a.touchpoint < b.touchpoint ? -1 : 1));
}

export interface AttributeSatisfaction {
  readonly key: string;
  readonly type: CustomerGroups['type'];
  readonly values: readonly {
    readonly value: GroupValue;
    /** Customers with the value who answered (latest answers). */
    readonly customers: number;
    readonly summary: ScoreSummary;
  }[];
}

/**
 * Figures per value of each attribute, from each customer's latest answer per scale.
 *
 * @example satisfactionByAttribute(answers, customerGroups(tables, customers).groups, customers.count)
 */
export function satisfactionByAttribute(answers: FeedbackAnswers, groups: readonly CustomerGroups[], customerCount: number): AttributeSatisfaction[] {
  const latest = new Uint8Array(answers.rows);
  for (const scale of SCALES) {
    if (answers.scales.answers[scale] === 0) continue;
    for (const r of latestAnswerRows(answers, customerCount, scale)) if (r >= 0) latest[r] = 1;
  }
  return groups
    .filter((g) => g.key !== 'derived:nps')
    .map((g) => {
      const m = g.values.length;
      const summaries = scoreSummaries(answers, (r) => (latest[r] && answers.customer[r] !== MISSING_CODE ? g.codes[answers.customer[r]] : -1), m);
      const answered = new Float64Array(m);
      const counted = new Uint8Array(customerCount);
      for (let r = 0; r < answers.rows; r++) {
        const k = answers.customer[r];
        if (!latest[r] || k === MISSING_CODE || counted[k]) continue;
        counted[k] = 1;
        answered[g.codes[k]]++;
      }
      return { key: g.key, type: g.type, values: g.values.map((value, i) => ({ value, customers: answered[i], summary: summaries[i] })) };
    });
}
