// The small shop of the returning-vs-new tests (not a test file itself).
import type { Table } from '../../../../src/core/table.ts';
import { ordersTable } from '../retention/fixtures.ts';

/**
 * Orders, January to March 2024 (the last order is on 03-20, so March is not complete):
 *   A 01-05 100, 01-20 50, 02-10 80, 03-15 -20 (a refund)   B 02-01 40, 03-01 60, 03-20 30
 *   C 03-05 200                                           D 01-10 -10 (a refund before any purchase), 02-15 70
 *   E 01-08 30, 02-20 20
 * New (first order > 0 in the period): Jan A 150, E 30; Feb B 40, D 70; Mar C 200.
 * Returning: Jan D -10 (refund-only, as in revenue-by-period.ts); Feb A 80, E 20; Mar A -20, B 90.
 */
export const RET_ORDERS: Table = ordersTable([
  ['A', '2024-01-05', 100], ['A', '2024-01-20', 50], ['A', '2024-02-10', 80], ['A', '2024-03-15', -20],
  ['B', '2024-02-01', 40], ['B', '2024-03-01', 60], ['B', '2024-03-20', 30],
  ['C', '2024-03-05', 200],
  ['D', '2024-01-10', -10], ['D', '2024-02-15', 70],
  ['E', '2024-01-08', 30], ['E', '2024-02-20', 20],
]);
