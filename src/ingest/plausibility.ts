/**
 * The plausibility report of a parsed file (core/import/plausibility.ts), with the inspection's
 * column names and key candidates filled in. Used by the import wizard and the command line, so
 * both say the same before anything is stored.
 */
import { plausibility, type PlausibilityReport } from '../core/import/plausibility.ts';
import type { Inspection, ParsedFile } from './types.ts';

export type { PlausibilityReport } from '../core/import/plausibility.ts';

/** The report for `parsed`, read with `mapping` (the inspection's, or the one the user confirmed). */
export function plausibilityOf(inspection: Pick<Inspection, 'headers' | 'keyCandidates'>, mapping: readonly (string | null)[], parsed: ParsedFile): PlausibilityReport {
  return plausibility({
    kind: parsed.kind, table: parsed.table, recordsRead: parsed.recordsRead, invalidRecords: parsed.invalidRecords,
    errorGroups: parsed.errorGroups, hasAmounts: parsed.hasAmounts, ordersWithoutCustomer: parsed.ordersWithoutCustomer,
    customers: parsed.customers, firstDay: parsed.firstDay, lastDay: parsed.lastDay,
    ...(parsed.orders ? { orders: parsed.orders } : {}),
    ...(parsed.dateOutliers ? { dateOutliers: parsed.dateOutliers } : {}),
    columnOf: (field) => {
      const c = mapping.indexOf(field);
      return c >= 0 ? inspection.headers[c] : undefined;
    },
    keyCandidates: (inspection.keyCandidates ?? []).filter((h) => mapping[inspection.headers.indexOf(h)] == null),
  });
}
