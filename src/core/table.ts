/**
 * Columnar tables: how imported rows live in memory, in the worker and in IndexedDB
 * (DESIGN.md section 8: typed-array columns in chunk records, not one record per row).
 *
 * - `num`: Float64Array; NaN = missing. Money and plain numbers.
 * - `day`: Int32Array of days since 1970-01-01 (the calendar day as written, no time zone
 *   shift); MISSING_DAY = missing. `time` holds seconds since midnight, or -1 when the file gave
 *   no time of day.
 * - `dict`: dictionary-encoded strings (ids, categories, free text); `codes[i]` indexes `dict`;
 *   MISSING_CODE = missing. Ids stay strings exactly as written.
 */
export const MISSING_DAY = -2147483648;
export const MISSING_CODE = 0xffffffff;

export type NumColumn = { readonly type: 'num'; readonly data: Float64Array };
export type DayColumn = { readonly type: 'day'; readonly data: Int32Array; readonly time?: Int32Array };
export type DictColumn = { readonly type: 'dict'; readonly dict: string[]; readonly codes: Uint32Array };
export type Column = NumColumn | DayColumn | DictColumn;

/** A table of one data kind: `length` rows, one column per mapped field key. */
export interface Table {
  readonly length: number;
  readonly columns: Record<string, Column>;
}
