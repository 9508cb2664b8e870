// Builders for small hand-made tables in the retention tests (not a test file itself).
import { daysFromCivil } from '../../../../src/core/parse/date.ts';
import { MISSING_CODE, MISSING_DAY, type Table } from '../../../../src/core/table.ts';

/** Day number of an ISO date 'yyyy-mm-dd'. */
export function day(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return daysFromCivil(y, m, d);
}

function dictOf(ids: readonly (string | null)[]) {
  const dict: string[] = [];
  const at = new Map<string, number>();
  const codes = new Uint32Array(ids.length);
  ids.forEach((id, i) => {
    if (id === null) {
      codes[i] = MISSING_CODE;
      return;
    }
    let c = at.get(id);
    if (c === undefined) {
      c = dict.length;
      at.set(id, c);
      dict.push(id);
    }
    codes[i] = c;
  });
  return { type: 'dict' as const, dict, codes };
}

/** A frozen orders table from [customer, 'yyyy-mm-dd' | null, amount] rows. */
export function ordersTable(rows: readonly (readonly [string | null, string | null, number])[]): Table {
  return Object.freeze({
    length: rows.length,
    columns: Object.freeze({
      customer_id: Object.freeze(dictOf(rows.map((r) => r[0]))),
      date: Object.freeze({ type: 'day' as const, data: Int32Array.from(rows, (r) => (r[1] === null ? MISSING_DAY : day(r[1]))) }),
      amount: Object.freeze({ type: 'num' as const, data: Float64Array.from(rows, (r) => r[2]) }),
    }),
  });
}

/** A frozen subscriptions table from [customer, start, end | null, mrr] rows. */
export function subscriptionsTable(rows: readonly (readonly [string, string, string | null, number])[]): Table {
  return Object.freeze({
    length: rows.length,
    columns: Object.freeze({
      customer_id: Object.freeze(dictOf(rows.map((r) => r[0]))),
      start_date: Object.freeze({ type: 'day' as const, data: Int32Array.from(rows, (r) => day(r[1])) }),
      end_date: Object.freeze({ type: 'day' as const, data: Int32Array.from(rows, (r) => (r[2] === null ? MISSING_DAY : day(r[2]))) }),
      mrr: Object.freeze({ type: 'num' as const, data: Float64Array.from(rows, (r) => r[3]) }),
    }),
  });
}

/** Customer ids behind a list of customer numbers. */
export function idsOf(customerIds: readonly string[], members: Uint32Array): string[] {
  return Array.from(members, (k) => customerIds[k]);
}
