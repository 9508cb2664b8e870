/**
 * The contract of the import pipeline (bytes -> typed columns). Runs in the worker and in Node
 * (command line); knows nothing of IndexedDB.
 */
import type { DataKind, Mapping } from '../core/schema/kinds.ts';
import type { ImportIssue } from '../core/issues.ts';
import type { Table } from '../core/table.ts';
import type { ErrorGroup, OrderRollupFacts } from '../core/import/plausibility.ts';
export type { ErrorGroup, OrderRollupFacts };

/** WHATWG encoding labels we detect and offer. */
export type EncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1250' | 'windows-1251' | 'windows-1252';
import type { DateOrder, DecimalMark, ThousandsMark, KindGuess } from '../core/parse/formats.ts';
import type { DetectionReason } from '../core/parse/detection-reason.ts';
import type { PresetId } from '../core/parse/presets.ts';
export type { DateOrder, DecimalMark, ThousandsMark, KindGuess };

/** Everything about how a file is written. Detected, shown, and overridable by the user. */
export interface Dialect {
  encoding: EncodingName;
  delimiter: string;
  /**
   * 0-based index of the header among the file's non-empty lines (1 when a title row sits above
   * it), or -1 when the file has no header row: its columns are then named `column 1`,
   * `column 2`, ... and the first line is data.
   */
  headerRow: number;
  decimal: DecimalMark;
  /** Thousands separator seen in amounts ('' when none). */
  thousands: ThousandsMark;
  dateOrder: DateOrder;
}

/** Something the importer cannot decide alone; the UI asks, the CLI needs a flag. */
export interface Question {
  readonly topic: 'encoding' | 'dateOrder' | 'headerRow' | 'decimal' | 'delimiter' | 'excelSerialDates';
  /** Stable code; codes starting with `confirm-` ask to confirm a confident detection (the command line goes ahead and says so). */
  readonly code: string;
  readonly message: string;
  readonly options: readonly string[];
  readonly column?: string;
}

/** What `inspectFile` says about a file before anything is imported. */
export interface Inspection {
  readonly fileName: string;
  readonly byteLength: number;
  /** Hex SHA-256 of the raw bytes: the same file imported twice is recognised by it. */
  readonly sha256: string;
  readonly dialect: Dialect;
  /** Human-readable reasons per dialect item ("a value > 12 in the first part: day-first"). */
  readonly evidence: Readonly<Partial<Record<keyof Dialect, string>>>;
  /** The same reasons as codes with params, translated on the page (core/parse/detection-reason.ts). */
  readonly why: Readonly<Partial<Record<keyof Dialect, DetectionReason>>>;
  readonly questions: readonly Question[];
  readonly headers: readonly string[];
  /** Up to 20 raw data rows (strings as in the file), for the preview. */
  readonly sampleRows: readonly (readonly string[])[];
  readonly kinds: readonly KindGuess[];
  readonly kind: DataKind;
  /** Preset recognised from the headers (e.g. 'shopify-orders'), if any. */
  readonly preset?: { readonly id: PresetId; readonly name: string };
  readonly mapping: Mapping;
  /**
   * Per column, why it got its field: 'preset', 'header', 'header-contains', 'values',
   * 'email-key', 'name-key', 'chosen' (by the user), or null (not mapped / an attribute).
   */
  readonly reasons?: readonly (string | null)[];
  /** Unmapped columns whose values look like ids, most likely first (for "did you mean ...?"). */
  readonly keyCandidates?: readonly string[];
  /** Set when the customer key is an e-mail or a name column, not an id. */
  readonly keyFallback?: 'email' | 'name';
  /** The currency the amounts are in, when the file says (`$`, `USD`, a currency column). */
  readonly currency?: { readonly code: string; readonly evidence: string };
  /** Fatal problem (empty file, xlsx, binary, unclosed quote in the sample...): nothing can be imported. */
  readonly fatal?: ImportIssue;
  readonly warnings: readonly ImportIssue[];
}

export interface ParseOptions {
  readonly dialect: Dialect;
  readonly kind: DataKind;
  readonly mapping: Mapping;
  /** Called every ~64k rows. */
  readonly onProgress?: (p: { rows: number; bytesDone: number; bytesTotal: number }) => void;
  /** Checked between rows; when aborted, parseFile throws an AbortError. */
  readonly signal?: AbortSignal;
  /** Cap on listed errors (the total is still counted). Default 100. */
  readonly maxListedErrors?: number;
  /** Orders only: the user confirmed the file has no customer column (orders and revenue only, no retention). */
  readonly withoutCustomers?: boolean;
  /** Keep rows with implausible main dates (default: left out and reported). */
  readonly keepImplausibleDates?: boolean;
  /** Today as a day number, for the "more than a year ahead" check (default: the clock). */
  readonly today?: number;
  /** More data rows than this is fatal; default MAX_ROWS, the browser's cap (read-records.ts). The command line passes Infinity. */
  readonly maxRows?: number;
  /**
   * A file without a header row: its number of columns, when the text is not the file's start (a
   * part read by the command line, parse-in-parts.ts). Default: the first record's.
   */
  readonly headerlessWidth?: number;
}


/** The result of a full read: valid rows as typed columns, plus every problem found. */
/** Where parseFile's time went (ms, performance.now): for the benchmark's breakdown of the import. */
export interface ParseTimings {
  /** Decoding the bytes and normalising the text. */
  readonly decode: number;
  /** Splitting the records (PapaParse) and converting every cell into the column builders. */
  readonly records: number;
  /** The stored table: implausible dates left out, line items rolled up into orders, finished columns, dedupe keys. */
  readonly table: number;
  /** First and last day, customers. */
  readonly facts: number;
}

export interface ParsedFile {
  readonly kind: DataKind;
  /** Valid rows only (rows with errors are left out and listed in `errors`). */
  readonly table: Table;
  /**
   * One dedupe key per row of `table`: the order/subscription id where mapped, otherwise a hash
   * of the row's normalised values plus its occurrence number in the file, so re-importing the
   * same rows adds nothing while genuine repeated rows within one file are kept.
   */
  readonly keys: string[];
  /** Physical line of the header (0 when the file has no header row). */
  readonly headerLine: number;
  /** Data records read (excluding header and blank lines). */
  readonly recordsRead: number;
  /** Records with at least one error (they are not in `table`). */
  readonly invalidRecords: number;
  /** Listed errors, capped at maxListedErrors; errorCount is the full count. */
  readonly errors: readonly ImportIssue[];
  readonly errorCount: number;
  /** Every error, grouped by reason and column (counts over the whole file). */
  readonly errorGroups: readonly ErrorGroup[];
  readonly warnings: readonly ImportIssue[];
  /** Set when a structural problem makes the whole file unreadable (no row can be trusted). */
  readonly fatal?: ImportIssue;
  /** Order line items rolled up into orders (0 when the file has one row per order). */
  readonly lineItemsRolledUp: number;
  /** Orders with rolled-up line items: rows of the file per order, for the preview. */
  readonly linesPerOrder?: Uint32Array;
  /** First and last day (days since epoch) of the kind's main date, or null. */
  readonly firstDay: number | null;
  readonly lastDay: number | null;
  /** Distinct customer ids in `table`. */
  readonly customers: number;
  /** False for an orders file without any amount (revenue is "n/a"); true for other kinds. */
  readonly hasAmounts: boolean;
  /** Orders whose customer is missing (guest checkouts, POS sales): kept for orders and revenue, not in retention. */
  readonly ordersWithoutCustomer: number;
  /** Orders only. */
  readonly orders?: OrderRollupFacts;
  /** Rows whose main date is implausible (before 1970, over a year ahead, or far from the others): left out unless kept. */
  readonly dateOutliers?: { readonly count: number; readonly column: string; readonly from: string; readonly to: string; readonly examples: readonly { readonly line: number; readonly value: string }[]; readonly kept: boolean };
  /** Where the time went (absent when the file had a fatal problem). */
  readonly timings?: ParseTimings;
}
