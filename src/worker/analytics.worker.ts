/// <reference lib="webworker" />
/**
 * The analytics worker: a thin Comlink shell over ingest (CSV -> columns), storage (Dexie) and,
 * later, the analytics core. Its type is the contract the page codes against.
 */
import { expose } from 'comlink';
import type { DataKind, Mapping } from '../core/schema/kinds.ts';
import type { Dialect, Inspection, ParsedFile } from '../ingest/types.ts';
import { inspectFile, parseFile, plausibilityOf, previewRows, type InspectOverrides } from '../ingest/index.ts';
import {
  commitImport as storeImport,
  createWorkspace,
  deleteWorkspace,
  findImportBySha,
  recallMappingByHeaders,
  rememberMapping,
  removeImport,
  renameWorkspace,
  updateWorkspaceSettings,
  workspaceSummary,
} from '../storage/index.ts';
import type { ImportRecord } from '../storage/entities.ts';
import { ANALYSIS_OMIT_COLUMNS, loadWorkspaceTables } from '../storage/load.ts';
import { retentionReport, type RetentionParams, type RetentionReport } from '../core/retention/report.ts';
import { cohortMembersOf, type CohortMembersQuery } from '../core/retention/cohort-members.ts';
import type { ImportProgress, PreparedImport, WorkspaceSummary } from './contract.ts';
import { sealNetwork } from './seal-network.ts';
import { LatestJob, WorkspaceTableCache, yieldToMessages } from './workspace-cache.ts';

sealNetwork(self);

interface Staged {
  workspaceId: string;
  fileName: string;
  sha256: string;
  headers: string[];
  dialect: Dialect;
  mapping: Mapping;
  parsed: ParsedFile;
}

const staged = new Map<string, Staged>();

/** The workspace's tables, read once and kept until an import or deletion changes them. */
const tables = new WorkspaceTableCache((id) => loadWorkspaceTables(id, { omitColumns: ANALYSIS_OMIT_COLUMNS }));
const retentionJobs = new LatestJob();

async function readBytes(file: Blob): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}

const api = {
  async inspect(
    file: Blob,
    fileName: string,
    workspaceId: string,
    overrides?: InspectOverrides,
  ): Promise<Inspection & { remembered: boolean }> {
    const bytes = await readBytes(file);
    const first = await inspectFile(bytes, fileName, overrides);
    if (first.fatal || overrides) return { ...first, remembered: false };
    // A mapping the user confirmed before for the same header set wins over the suggestion, under
    // the kind the user confirmed (not the guessed one). The dialect is detected afresh for every
    // file; the remembered mapping decides which columns the number and date checks read.
    const memory = await recallMappingByHeaders(workspaceId, [...first.headers]);
    if (!memory || memory.mapping.length !== first.headers.length) return { ...first, remembered: false };
    const again = await inspectFile(bytes, fileName, { kind: memory.kind, map: memory.mapping.map((m, c) => [c, m] as const) });
    return { ...again, remembered: true };
  },

  async prepareImport(
    workspaceId: string,
    file: Blob,
    fileName: string,
    options: {
      dialect: Dialect;
      kind: DataKind;
      mapping: Mapping;
      /** What inspect() said of this file with this dialect: spares reading and hashing it again. */
      inspected?: { sha256: string; headers: readonly string[]; keyCandidates?: readonly string[] };
      /** Orders without a customer column, confirmed by the user (orders and revenue only). */
      withoutCustomers?: boolean;
    },
    onProgress?: (p: ImportProgress) => void,
  ): Promise<PreparedImport> {
    const started = performance.now();
    const bytesTotal = file.size;
    onProgress?.({ phase: 'reading', rows: 0, bytesDone: 0, bytesTotal, rowsPerSecond: 0, secondsLeft: null });
    const bytes = await readBytes(file);
    const inspection = options.inspected ?? (await inspectFile(bytes, fileName, { ...options.dialect, kind: options.kind }));
    const parsed = await parseFile(bytes, {
      dialect: options.dialect,
      kind: options.kind,
      mapping: options.mapping,
      ...(options.withoutCustomers ? { withoutCustomers: true } : {}),
      onProgress: ({ rows, bytesDone }) => {
        const seconds = (performance.now() - started) / 1000;
        const rowsPerSecond = seconds > 0 ? rows / seconds : 0;
        const bytesPerSecond = seconds > 0 ? bytesDone / seconds : 0;
        const secondsLeft = bytesPerSecond > 0 ? (bytesTotal - bytesDone) / bytesPerSecond : null;
        onProgress?.({ phase: 'parsing', rows, bytesDone, bytesTotal, rowsPerSecond, secondsLeft });
      },
    });
    const token = crypto.randomUUID();
    staged.set(token, {
      workspaceId,
      fileName,
      sha256: inspection.sha256,
      headers: [...inspection.headers],
      dialect: options.dialect,
      mapping: options.mapping,
      parsed,
    });
    const alreadyImported = await findImportBySha(workspaceId, inspection.sha256);
    return {
      token,
      fileName,
      kind: parsed.kind,
      recordsRead: parsed.recordsRead,
      validRows: parsed.table.length,
      invalidRecords: parsed.invalidRecords,
      errors: [...parsed.errors],
      errorCount: parsed.errorCount,
      warnings: [...parsed.warnings],
      fatal: parsed.fatal,
      preview: previewRows(parsed),
      alreadyImported,
      lineItemsRolledUp: parsed.lineItemsRolledUp,
      firstDay: parsed.firstDay,
      lastDay: parsed.lastDay,
      customers: parsed.customers,
      plausibility: plausibilityOf(inspection, options.mapping, parsed),
    };
  },

  async commitImport(token: string, options: { skipInvalid: boolean }): Promise<ImportRecord> {
    const job = staged.get(token);
    if (!job) throw new Error('This import is no longer prepared: start it again.');
    const { parsed } = job;
    if (parsed.fatal) throw new Error(parsed.fatal.message);
    if (parsed.errorCount > 0 && !options.skipInvalid) {
      throw new Error(`${parsed.errorCount} rows are invalid: skip them or cancel the import.`);
    }
    const record = await storeImport(job.workspaceId, parsed, {
      fileName: job.fileName,
      sha256: job.sha256,
      dialect: job.dialect,
      mapping: job.mapping,
      headers: job.headers,
    });
    staged.delete(token);
    tables.invalidate(job.workspaceId);
    await rememberMapping(job.workspaceId, parsed.kind, job.headers, job.mapping, job.dialect);
    return record;
  },

  async discardImport(token: string): Promise<void> {
    staged.delete(token);
  },

  async summary(workspaceId: string): Promise<WorkspaceSummary> {
    return workspaceSummary(workspaceId);
  },

  createWorkspace,
  renameWorkspace,
  updateWorkspaceSettings,

  async deleteWorkspace(id: string): Promise<void> {
    tables.invalidate(id);
    await deleteWorkspace(id);
    tables.invalidate(id);
  },

  async removeImport(importId: string): Promise<void> {
    // The import's workspace is not known here without another read: drop every cached workspace.
    tables.invalidate();
    await removeImport(importId);
    tables.invalidate();
  },

  /**
   * The retention report of a workspace (core/retention/report.ts). Returns null when a call
   * with a larger jobId arrived meanwhile: the page shows only the newest request's result.
   */
  async retention(
    workspaceId: string,
    params: RetentionParams,
    jobId: number,
    onProgress?: (done: number, total: number) => void,
  ): Promise<RetentionReport | null> {
    retentionJobs.start(jobId);
    const t = await tables.get(workspaceId);
    await yieldToMessages();
    if (retentionJobs.superseded(jobId)) return null;
    return retentionReport(
      { orders: t.orders, subscriptions: t.subscriptions, customers: t.customers, churn: t.churn },
      params,
      onProgress,
    );
  },

  /**
   * The customer ids behind one cohort cell (the report carries the counts; the members of a
   * cell are listed on demand). Same params as the report the cell came from.
   */
  async cohortMembers(workspaceId: string, params: RetentionParams, query: CohortMembersQuery): Promise<string[]> {
    const t = await tables.get(workspaceId);
    return cohortMembersOf({ orders: t.orders, subscriptions: t.subscriptions }, params, query);
  },
};

export type AnalyticsApi = typeof api;
expose(api);
