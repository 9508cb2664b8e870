/**
 * Survey response rate (issue #12 item 1): customers who answered / customers, with the 95 %
 * Wilson interval (core/stats/wilson-interval.ts).
 *
 * - Customers (the base): every customer the workspace knows from a customers file, orders or
 *   subscriptions (the feedback file alone cannot say who did not answer, so a workspace with
 *   only feedback has no response rate: null).
 * - Answered: customers of the base with at least one row in the feedback file (a response,
 *   with or without a score: someone who skipped the score question still responded).
 * - Respondents the base does not know (an id only the feedback file has) are counted apart in
 *   `outsideBase`, not in the rate.
 *
 * A low response rate limits every satisfaction figure: who answers is rarely a random sample
 * of the customers (unhappy and very happy customers answer more often).
 *
 * Complexity: O(rows of customers, orders, subscriptions and feedback). Bad input: rows without a
 * customer are skipped; nothing throws.
 */
import { MISSING_CODE } from '../table.ts';
import type { DataKind } from '../schema/kinds.ts';
import type { CustomerTable } from '../customers/customer-table.ts';
import { wilsonInterval } from '../stats/wilson-interval.ts';
import type { FeedbackAnswers } from './feedback-answers.ts';

export interface ResponseRate {
  /** Customers in the base. */
  readonly customers: number;
  readonly answered: number;
  /** answered / customers x 100, with its Wilson interval. */
  readonly rate: number;
  readonly low: number;
  readonly high: number;
  /** Respondents not in the base (only the feedback file knows them). */
  readonly outsideBase: number;
}

const BASE_KINDS: readonly DataKind[] = ['customers', 'orders', 'subscriptions'];

/**
 * The response rate (see the file comment); null when no customers file, orders or subscriptions
 * give a base.
 *
 * @example responseRate(answers, customers)?.rate
 */
export function responseRate(answers: FeedbackAnswers, customers: CustomerTable): ResponseRate | null {
  const base = new Uint8Array(customers.count);
  let size = 0;
  for (const kind of BASE_KINDS) {
    const rows = customers.rowCustomer[kind];
    if (!rows) continue;
    for (let r = 0; r < rows.length; r++) {
      const k = rows[r];
      if (k !== MISSING_CODE && !base[k]) {
        base[k] = 1;
        size++;
      }
    }
  }
  if (size === 0) return null;
  const seen = new Uint8Array(customers.count);
  let answered = 0;
  let outsideBase = 0;
  for (let r = 0; r < answers.rows; r++) {
    const k = answers.customer[r];
    if (k === MISSING_CODE || seen[k]) continue;
    seen[k] = 1;
    if (base[k]) answered++;
    else outsideBase++;
  }
  const ci = wilsonInterval(answered, size)!;
  return { customers: size, answered, rate: (answered / size) * 100, low: ci.low * 100, high: ci.high * 100, outsideBase };
}
