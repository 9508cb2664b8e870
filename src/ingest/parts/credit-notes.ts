/**
 * Credit-note numbers across the parts of a read (combine-parts.ts, issue #13): `C536379` among
 * plain invoice numbers is a credit note (steps/rollup.ts creditNoteCodes). Each part decides on
 * its own ids; a part that saw too few plain numbers to apply the rule gets the whole file's
 * decision at the end. The rows that decision may turn are found while the part's ids are alive
 * (the command line does not keep the order ids). O(distinct ids + rows) per part.
 */
import { MISSING_CODE } from '../../core/table.ts';

const CREDIT_NOTE = /^[Cc]\d+$/;

/** The rule of rollup.ts: some credit-note numbers, and at least as many plain numbers. */
export const creditRule = ([digits, prefixed]: readonly [number, number]): boolean => prefixed > 0 && digits >= prefixed;

export interface PartCreditNotes {
  /** Distinct order ids that are plain digits, and that are credit-note numbers. */
  readonly counts: [number, number];
  /** Rows (numbered from `base`) with a credit-note number, when the part alone does not apply the rule. */
  readonly rows?: Uint32Array;
}

/** One part's order id column (`codes` into `dict`, `len` rows from row `base`). */
export function partCreditNotes(codes: Uint32Array, dict: readonly string[], base: number, len: number): PartCreditNotes {
  let digits = 0;
  let prefixed = 0;
  for (const id of dict) {
    if (/^\d+$/.test(id)) digits++;
    else if (CREDIT_NOTE.test(id)) prefixed++;
  }
  if (prefixed === 0 || creditRule([digits, prefixed])) return { counts: [digits, prefixed] };
  const rows: number[] = [];
  for (let r = 0; r < len; r++) {
    const c = codes[r];
    if (c !== MISSING_CODE && CREDIT_NOTE.test(dict[c])) rows.push(base + r);
  }
  return { counts: [digits, prefixed], rows: Uint32Array.from(rows) };
}

/**
 * The file's decision over its parts: when the whole file applies the rule, the amounts of the
 * rows the parts left are made negative (missing amounts stay missing). Returns how many rows
 * became credit notes.
 */
export function applyFileRule(parts: readonly PartCreditNotes[], amount: Float64Array): number {
  const total: [number, number] = [0, 0];
  for (const p of parts) {
    total[0] += p.counts[0];
    total[1] += p.counts[1];
  }
  if (!creditRule(total)) return 0;
  let turned = 0;
  for (const p of parts) {
    if (!p.rows) continue;
    for (const r of p.rows) {
      if (Number.isNaN(amount[r])) continue;
      turned++;
      if (amount[r] > 0) amount[r] = -amount[r];
    }
  }
  return turned;
}
