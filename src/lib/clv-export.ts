/**
 * The CLV page's customer lists as CSV files: an RFM group or a list to act on, with the
 * customer id and the columns the user picked (clv-rows.ts builds the rows), headed in the
 * user's language.
 */
import { csvBlob, type CsvCell } from './csv-export.ts';
import { downloadBlob, safeFileName } from './download.ts';
import { t, type MessageKey } from './i18n/i18n.svelte.ts';
import { RFM_GROUP_KEYS } from './clv-text.ts';
import { memberRows, type MemberColumn, type MemberRowsText } from './clv-rows.ts';
import { RFM_GROUPS } from '../core/clv/rfm.ts';
import type { ClvReport } from './types.ts';
import { analytics } from './analytics-client.ts';

export const COLUMN_KEYS: Readonly<Record<MemberColumn, MessageKey>> = {
  revenue: 'clv.col.revenue',
  historical: 'clv.col.historical',
  clv: 'clv.col.clv',
  pAlive: 'clv.col.pAlive',
  expectedPurchases: 'clv.col.expectedPurchases',
  expectedSpend: 'clv.col.expectedSpend',
  repeatPurchases: 'clv.col.repeatPurchases',
  firstPurchase: 'clv.col.firstPurchase',
  lastPurchase: 'clv.col.lastPurchase',
  rfmScores: 'clv.col.rfmScores',
  rfmGroup: 'clv.col.rfmGroup',
};

/** The headers and words of a list in the current language. */
export function memberText(): MemberRowsText {
  const headers = { id: t('retention.receipt.csvCustomer') } as Record<MemberColumn | 'id', string>;
  for (const [c, key] of Object.entries(COLUMN_KEYS) as [MemberColumn, MessageKey][]) headers[c] = t(key);
  return { headers, cannotJudge: t('clv.cannotJudge'), groupNames: RFM_GROUPS.map((g) => t(RFM_GROUP_KEYS[g])) };
}

/** Saves customers (numbers of the report) with the chosen columns as `<fileBase>.csv`; the worker names them. */
export async function exportMembers(
  report: ClvReport,
  customers: readonly number[],
  columns: readonly MemberColumn[],
  fileBase: string,
  extra?: { readonly headers: readonly string[]; readonly cells: (i: number) => readonly CsvCell[] },
): Promise<void> {
  const ids = await analytics.clvIds({ report: report.request, customers });
  downloadBlob(csvBlob(memberRows(report, customers, ids, columns, memberText(), extra)), safeFileName(fileBase, 'csv'));
}
