// The small referral programme of the referral tests (not a test file itself).
import { MISSING_DAY, type Table } from '../../../../src/core/table.ts';
import { day, ordersTable } from '../retention/fixtures.ts';
import { dict, feedbackTable } from '../satisfaction/fixtures.ts';

/**
 * Judged on 2024-06-30 with W = 30 days:
 * - orders: R1 2024-01-05 50 and 2024-06-20 40; R2 2024-06-10 15; R3 2024-01-10 30; X1 2024-02-10 25;
 *   A1, A2, A3 10 each on 2024-06-15. Active on 06-30 (an order in 06-01..06-30): R1, R2, A1, A2, A3.
 * - referrals: R1 -> X1 (02-01, first purchase from the orders: 02-10, 9 days), R1 -> X2 (03-01, file
 *   03-15, 14 days), R2 -> X3 (05-01, never bought), R3 -> X4 (04-01, file 04-20, 19 days),
 *   R2 -> X5 (06-25, file 06-28, 3 days); R3 -> X2 again on 03-10 (a repeat: R1's earlier row wins);
 *   R2 -> R2 (a self-referral, skipped).
 * - feedback: A1 10 (06-01), R1 9 (05-01), A2 6 (06-02), A3 9 (no date).
 */
export const REF_ORDERS: Table = ordersTable([
  ['R1', '2024-01-05', 50], ['R1', '2024-06-20', 40], ['R2', '2024-06-10', 15], ['R3', '2024-01-10', 30],
  ['X1', '2024-02-10', 25], ['A1', '2024-06-15', 10], ['A2', '2024-06-15', 10], ['A3', '2024-06-15', 10],
]);
const rows: readonly (readonly [string, string, string | null, string | null])[] = [
  ['R1', 'X1', '2024-02-01', null],
  ['R1', 'X2', '2024-03-01', '2024-03-15'],
  ['R2', 'X3', '2024-05-01', null],
  ['R3', 'X4', '2024-04-01', '2024-04-20'],
  ['R2', 'X5', '2024-06-25', '2024-06-28'],
  ['R3', 'X2', '2024-03-10', '2024-03-15'],
  ['R2', 'R2', '2024-06-01', null],
];
const days = (i: 2 | 3) => Object.freeze({ type: 'day' as const, data: Int32Array.from(rows, (r) => (r[i] === null ? MISSING_DAY : day(r[i]!))) });
export const REF_REFERRALS: Table = Object.freeze({
  length: rows.length,
  columns: Object.freeze({ referrer_id: dict(rows.map((r) => r[0])), referred_id: dict(rows.map((r) => r[1])), date: days(2), first_purchase_date: days(3) }),
});
export const REF_FEEDBACK: Table = feedbackTable([['A1', '2024-06-01', 10], ['R1', '2024-05-01', 9], ['A2', '2024-06-02', 6], ['A3', null, 9]]);
export const REF_TABLES = Object.freeze({ orders: REF_ORDERS, referrals: REF_REFERRALS, feedback: REF_FEEDBACK });
export const REF_AS_OF = day('2024-06-30');
