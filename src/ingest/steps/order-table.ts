/**
 * Step 3 of `parseFile` for orders: the stored orders table. Groups the valid rows into orders
 * and computes their amounts and signs (rollup.ts), picks one value per order for every other
 * column (the first non-missing along the order's rows; quantity: the sum), and makes the dedupe
 * keys (the order id; an id shared by several customers gets the customer appended). O(rows).
 */
import { MISSING_CODE, type Column } from '../../core/table.ts';
import type { ParsedFile } from '../types.ts';
import { finishColumn, isMissingAt, pickedColumn, type Builder } from './column-builder.ts';
import { dedupeKeys } from './dedupe-keys.ts';
import { applySignRules, creditNoteCodes, decideAmountLevel, groupOrders, orderAmounts, type OrderGroups } from './rollup.ts';

/** What the roll-up of an orders file did (ParsedFile.orders). */
export type OrderFacts = { hasAmounts: boolean; summary: NonNullable<ParsedFile['orders']> };

/** Orders: line items rolled up (steps/rollup.ts), amounts and signs, and the dedupe keys. */
export function rollUpOrders(builders: readonly Builder[], n: number, orderB: Builder | undefined, customerB: Builder | undefined): { columns: Record<string, Column>; length: number; keys: string[]; linesPerOrder?: Uint32Array; facts: OrderFacts } {
  const byKey = (k: string): Builder | undefined => builders.find((b) => b.key === k);
  const amountB = byKey('amount');
  const priceB = byKey('unit_price');
  const qtyB = byKey('quantity');
  const statusB = byKey('status');
  const refundedB = byKey('refunded');
  const g: OrderGroups = groupOrders(n, orderB?.codes, orderB?.dict ?? [], customerB?.codes, customerB?.dict.length ?? 0);
  const m = g.heads.length;
  const rolledUp = m < n;
  const columns = Object.create(null) as Record<string, Column>;
  // Each column: the first non-missing value along the order's rows (quantity: the sum).
  const pick = new Int32Array(m);
  for (const b of builders) {
    if (!rolledUp) {
      columns[b.key] = finishColumn(b, n);
      continue;
    }
    if (b === qtyB) {
      const q = new Float64Array(m).fill(NaN);
      for (let o = 0; o < m; o++) for (let r = g.heads[o]; r >= 0; r = g.next[r]) if (!Number.isNaN(b.num[r])) q[o] = (Number.isNaN(q[o]) ? 0 : q[o]) + b.num[r];
      columns[b.key] = { type: 'num', data: q };
      continue;
    }
    for (let o = 0; o < m; o++) {
      let r = g.heads[o];
      while (g.next[r] >= 0 && isMissingAt(b, r)) r = g.next[r];
      pick[o] = r;
    }
    columns[b.key] = pickedColumn(b, pick);
  }
  const amountRows = amountB?.num.subarray(0, n);
  const priceRows = priceB?.num.subarray(0, n);
  const qtyRows = qtyB?.num.subarray(0, n);
  const decision = decideAmountLevel(g, amountRows, priceRows, qtyRows);
  const { amounts, fromPrice } = orderAmounts(g, decision, amountRows, priceRows, qtyRows);
  const orderColumn = columns.order_id as { dict: string[]; codes: Uint32Array } | undefined;
  const creditDict = orderB ? creditNoteCodes(orderB.dict) : undefined;
  const creditNote = creditDict && orderColumn ? Uint8Array.from(orderColumn.codes, (c) => (c === MISSING_CODE ? 0 : creditDict[c])) : undefined;
  const refunded = refundedB ? (columns.refunded as { data: Float64Array }).data : undefined;
  const status = statusB ? (columns.status as { dict: string[]; codes: Uint32Array }) : undefined;
  const signs = applySignRules(amounts, status, refunded, creditNote);
  columns.amount = { type: 'num', data: amounts };
  // No customer column (the user said so): every order is without a customer.
  if (!customerB) columns.customer_id = { type: 'dict', dict: [], codes: new Uint32Array(m).fill(MISSING_CODE) };
  let hasAmounts = false;
  for (let o = 0; o < m && !hasAmounts; o++) if (!Number.isNaN(amounts[o])) hasAmounts = true;

  // Keys: the order id; an id shared by several customers gets the customer appended.
  let keys: string[];
  if (orderColumn && g.sharedOrderIds > 0) {
    const custColumn = columns.customer_id as { dict: string[]; codes: Uint32Array } | undefined;
    keys = [];
    const ids = orderColumn.dict;
    const hashed = dedupeKeys(columns, m, orderColumn);
    for (let o = 0; o < m; o++) {
      const c = orderColumn.codes[o];
      if (c === MISSING_CODE || !g.shared[o]) keys.push(hashed[o]);
      else keys.push(`${ids[c]}\u001f${custColumn && custColumn.codes[o] !== MISSING_CODE ? custColumn.dict[custColumn.codes[o]] : ''}`);
    }
  } else keys = dedupeKeys(columns, m, orderColumn);

  let linesPerOrder: Uint32Array | undefined;
  if (rolledUp) {
    linesPerOrder = new Uint32Array(m);
    for (let o = 0; o < m; o++) for (let r = g.heads[o]; r >= 0; r = g.next[r]) linesPerOrder[o]++;
  }
  return {
    columns, length: m, keys, ...(linesPerOrder ? { linesPerOrder } : {}),
    facts: {
      hasAmounts,
      summary: {
        lines: n, multiLineOrders: g.multiLineOrders, amountLevel: decision.level, firstLineOnly: decision.firstLineOnly, repeated: decision.repeated,
        varying: decision.varying, fromPrice, sharedOrderIds: g.sharedOrderIds, ...(g.sharedExample !== undefined ? { sharedExample: g.sharedExample } : {}),
        ...signs,
      },
    },
  };
}
