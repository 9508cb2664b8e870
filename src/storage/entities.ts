/**
 * Plain row interfaces of the Keepwise database (structured-cloneable: they cross the worker
 * boundary and go into IndexedDB as they are). The schema that indexes them is in schema.ts.
 */
import type { StoredColumn } from './column-codec.ts';
import type { DataKind, Mapping } from '../core/schema/kinds.ts';
import type { PeriodUnit } from '../core/retention/periods.ts';
import type { ChurnDefinition } from '../core/retention/report-types.ts';
import type { ReasonEdits } from '../core/churn/reason-taxonomy.ts';
import type { Dialect } from '../ingest/types.ts';

/** The retention page's controls as the user last left them (W is `WorkspaceSettings.windowDays`). */
export interface RetentionControls {
  /** null = the report's default (subscriptions when there are any, else orders). */
  source: 'orders' | 'subscriptions' | null;
  period: PeriodUnit;
  /** ISO days; '' = the data's own first / last day. */
  from: string;
  to: string;
  definition: ChurnDefinition;
}

export interface WorkspaceSettings {
  /** ISO 4217 code shown with amounts. */
  currency: string;
  /** 0..1, default 1 (revenue = margin, for CLV). */
  grossMargin: number;
  /**
   * Activity window W in days (DESIGN.md section 2), 1..3650; null (the default) = the W
   * suggested from the data's repurchase curve, resolved by each report.
   */
  windowDays: number | null;
  /** BCP 47 tag, default 'en'. */
  locale: string;
  /**
   * The retention page's controls. Absent on workspaces stored before issue #8: read them with
   * `settingsOf` (storage/workspaces.ts), which fills the defaults.
   */
  retention?: RetentionControls;
  /** The user's edits to the churn-reason taxonomy (core/churn/reason-taxonomy.ts); absent = none. */
  reasonEdits?: ReasonEdits;
  /** Churn-flag values that mean "churned", when the user chose them (absent = recognised from the values). */
  churnedValues?: string[];
}

export interface Workspace {
  id: string;
  name: string;
  createdAt: number;
  /** Key of the workspace's keyed pseudonyms (ingest/pseudonymise.ts), made on first use; never leaves the workspace (a backup carries it). */
  pseudonymKey?: string;
  settings: WorkspaceSettings;
}

/** The ledger entry of one committed import (one file). */
export interface ImportRecord {
  id: string;
  workspaceId: string;
  kind: DataKind;
  fileName: string;
  sha256: string;
  importedAt: number;
  status: 'committed';
  /** Rows added to the workspace by this import. */
  rows: number;
  /** Valid rows of the file already stored unchanged (same key, same content), not added again. */
  duplicates: number;
  /** Rows that replaced a stored row with the same id and other content (an update). */
  updated?: number;
  /** Older rows this import superseded: per import, row positions in that import's chunk order. */
  supersedes?: { importId: string; rows: number[] }[];
  /** The first updates in words: key and changed fields (stored -> new). */
  changes?: { key: string; fields: { field: string; from: string | number | null; to: string | number | null }[] }[];
  /** Records of the file with errors, skipped at the user's request. */
  skippedInvalid: number;
  recordsRead: number;
  lineItemsRolledUp: number;
  /** First/last day of the kind's main date in the file (days since epoch). */
  firstDay: number | null;
  lastDay: number | null;
  /** Distinct customer ids in the file's valid rows. */
  customers: number;
  dialect: Dialect;
  mapping: Mapping;
  headers: string[];
}

/** Up to 65,536 rows of one import as typed-array columns, plus one dedupe key per row. */
export interface ChunkRecord {
  id?: number;
  workspaceId: string;
  importId: string;
  kind: DataKind;
  /** Position of the chunk within its import, 0-based. */
  seq: number;
  length: number;
  /** Typed-array columns; dictionaries packed into one string each (column-codec.ts). */
  columns: Record<string, StoredColumn>;
  /** The rows' dedupe keys joined by NUL (see keys.ts joinKeys/splitKeys); '' when `keysColumn` is set. */
  keys: string;
  /**
   * Set when every row's key is its value in this dictionary column (an order id, a customer or
   * subscription id: the common case); the keys are then not stored a second time (keys.ts
   * chunkKeys). Chunks written before it existed have no `keysColumn` and their keys in `keys`.
   */
  keysColumn?: string;
}

/** A remembered column mapping, recalled when a file with the same headers comes again. */
export interface MappingMemory {
  /** workspaceId + kind + header signature. */
  id: string;
  workspaceId: string;
  kind: DataKind;
  headers: string[];
  mapping: Mapping;
  dialect: Dialect;
  updatedAt: number;
}
