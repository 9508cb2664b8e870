/**
 * The import feature of the worker: inspect a file, prepare (read and check every row, staged
 * under a token), commit (one transaction) or discard. Runs in Node too (tests, with
 * fake-indexeddb): no Comlink, no worker globals.
 */
import type { Inspection } from '../ingest/types.ts';
import { inspectFile, newPseudonymKey, parseFile, plausibilityOf, previewRows, pseudonymiseFile } from '../ingest/index.ts';
import { ANALYSIS_OMIT_COLUMNS, commitImport as storeImport, findImportBySha, listImports, previewCommit, recallMappingByHeaders, rememberMapping, tablesOfFirstImport, workspacePseudonymKey } from '../storage/index.ts';
import type { CommitImportRequest, CommittedImport, DiscardImportRequest, ImportProgress, InspectRequest, PrepareImportRequest, PreparedImport } from './contract.ts';
import type { CommitTimings } from '../storage/imports.ts';
import type { WorkerContext } from './worker-context.ts';

async function readBytes(file: Blob): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}

/** The import handlers over a worker context. */
export function importApi(ctx: WorkerContext) {
  return {
    async inspect({ file, fileName, workspaceId, overrides }: InspectRequest): Promise<Inspection & { remembered: boolean }> {
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

    /** Reads and checks every row, staged under a token. `onProgress` is a second argument: Comlink proxies only top-level callbacks. */
    async prepareImport(request: PrepareImportRequest, onProgress?: (p: ImportProgress) => void): Promise<PreparedImport> {
      const { workspaceId, file, fileName, ...options } = request;
      const started = performance.now();
      const bytesTotal = file.size;
      onProgress?.({ phase: 'reading', rows: 0, bytesDone: 0, bytesTotal, rowsPerSecond: 0, secondsLeft: null });
      const bytes = await readBytes(file);
      const readFile = performance.now() - started;
      const inspection = options.inspected ?? (await inspectFile(bytes, fileName, { ...options.dialect, kind: options.kind }));
      const read = await parseFile(bytes, {
        dialect: options.dialect,
        kind: options.kind,
        mapping: options.mapping,
        ...(options.withoutCustomers ? { withoutCustomers: true } : {}),
        ...(options.keepImplausibleDates ? { keepImplausibleDates: true } : {}),
        onProgress: ({ rows, bytesDone }) => {
          const seconds = (performance.now() - started) / 1000;
          const rowsPerSecond = seconds > 0 ? rows / seconds : 0;
          const bytesPerSecond = seconds > 0 ? bytesDone / seconds : 0;
          const secondsLeft = bytesPerSecond > 0 ? (bytesTotal - bytesDone) / bytesPerSecond : null;
          onProgress?.({ phase: 'parsing', rows, bytesDone, bytesTotal, rowsPerSecond, secondsLeft });
        },
      });
      const checksFrom = performance.now();
      const parsed = options.pseudonymise && !read.fatal ? await pseudonymiseFile(read, await workspacePseudonymKey(workspaceId, newPseudonymKey)) : read;
      const token = crypto.randomUUID();
      ctx.staged.set(token, {
        workspaceId,
        fileName,
        sha256: inspection.sha256,
        headers: [...inspection.headers],
        dialect: options.dialect,
        mapping: options.mapping,
        parsed,
      });
      const alreadyImported = await findImportBySha(workspaceId, inspection.sha256);
      const updates = parsed.fatal ? { added: 0, updated: 0, unchanged: 0, changes: [] } : await previewCommit(workspaceId, parsed);
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
        updates,
        timings: { readFile, ...(read.timings ? { parse: read.timings } : {}), checks: performance.now() - checksFrom },
      };
    },

    async commitImport({ token, ...options }: CommitImportRequest): Promise<CommittedImport> {
      const job = ctx.staged.get(token);
      if (!job) throw new Error('This import is no longer prepared: start it again.');
      const { parsed } = job;
      if (parsed.fatal) throw new Error(parsed.fatal.message);
      if (parsed.errorCount > 0 && !options.skipInvalid) {
        throw new Error(`${parsed.errorCount} rows are invalid: skip them or cancel the import.`);
      }
      const timings: CommitTimings = { plan: 0, encode: 0, write: 0 };
      const record = await storeImport(job.workspaceId, parsed, {
        fileName: job.fileName,
        sha256: job.sha256,
        dialect: job.dialect,
        mapping: job.mapping,
        headers: job.headers,
      }, timings);
      ctx.staged.delete(token);
      // The workspace's first import, stored whole: its tables are the rows just parsed (what a
      // load would read back, storage/load.ts), so the first report does not read them again.
      const imports = record.rows === parsed.table.length ? await listImports(job.workspaceId) : [];
      if (imports.length === 1 && imports[0].id === record.id) ctx.tables.seed(job.workspaceId, tablesOfFirstImport(parsed.kind, parsed.table, { omitColumns: ANALYSIS_OMIT_COLUMNS }));
      else ctx.tables.invalidate(job.workspaceId);
      await rememberMapping(job.workspaceId, parsed.kind, job.headers, job.mapping, job.dialect);
      return { ...record, timings };
    },

    async discardImport({ token }: DiscardImportRequest): Promise<void> {
      ctx.staged.delete(token);
    },
  };
}

export type ImportApi = ReturnType<typeof importApi>;
