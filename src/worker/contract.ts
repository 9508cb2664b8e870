/** Types that cross the worker boundary (plain, structured-cloneable data). */
import type { PlausibilityReport } from '../core/import/plausibility.ts';
import type { DataKind } from '../core/schema/kinds.ts';
import type { ImportIssue } from '../core/issues.ts';
import type { ImportRecord } from '../storage/entities.ts';

export interface ImportProgress {
  phase: 'reading' | 'parsing' | 'saving';
  rows: number;
  bytesDone: number;
  bytesTotal: number;
  rowsPerSecond: number;
  /** null until the rate is known. */
  secondsLeft: number | null;
}

export interface PreparedImport {
  token: string;
  fileName: string;
  kind: DataKind;
  recordsRead: number;
  validRows: number;
  invalidRecords: number;
  errors: ImportIssue[];
  errorCount: number;
  warnings: ImportIssue[];
  fatal?: ImportIssue;
  /** The first rows exactly as they will be stored. */
  preview: { columns: string[]; rows: (string | number | null)[][] };
  /** The same file (by SHA-256) was imported into this workspace before. */
  alreadyImported?: ImportRecord;
  lineItemsRolledUp: number;
  firstDay: number | null;
  lastDay: number | null;
  customers: number;
  /** What the import adds and what looks wrong, before anything is stored (core/import/plausibility.ts). */
  plausibility: PlausibilityReport;
  /** Against what the workspace stores: new rows, updates of rows with the same id (with the changed fields), unchanged rows. */
  updates: { added: number; updated: number; unchanged: number; changes: readonly { readonly key: string; readonly fields: readonly { readonly field: string; readonly from: string | number | null; readonly to: string | number | null }[] }[] };
}

export type WorkspaceSummary = {
  customers: number;
  imports: number;
  byKind: Partial<Record<DataKind, { rows: number; firstDay: number | null; lastDay: number | null; revenue?: number; amountRows?: number }>>;
};
