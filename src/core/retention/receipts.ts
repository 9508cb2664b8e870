/**
 * Receipts: how a retention figure was computed, with the actual numbers put in (issue 3,
 * item 4; DESIGN.md: "the app must be able to show the user how it was computed (formula,
 * inputs, period, filters)").
 *
 * A receipt is plain data. Ratio receipts carry their arithmetic in a machine-checkable form —
 * value = (sum of signed numerator inputs) / (sum of denominator inputs) x scale, optionally
 * capped — so {@link evaluateReceipt} recomputes the figure from the receipt alone, and a test
 * can hold every receipt to the figure it explains. Inputs that are sets of customers carry the
 * customer numbers (indexes into `RetentionReport.customers`) when the report has them.
 */
import type { CrrExactExplanation, ReportFilter } from './report-phrases.ts';

/** A note on a receipt, as a code and its numbers (report-phrases.ts); the page writes it. */
export type ReceiptNote = CrrExactExplanation;

/**
 * Every symbol a receipt's formula uses (docs/metrics.md section 9). A string union, so the page's
 * table of translations (lib/retention-receipts.ts) is checked complete by the compiler; `a` and
 * `b` are a cohort cell's numerator and base.
 */
export const RECEIPT_SYMBOLS = Object.freeze(['S', 'E', 'N', 'lost', 'retained', 'reactivated', 'newLost', 'lostD', 'SD', 'active', 'customers', 'churned', 'censored', 'MRR0', 'churn', 'contraction', 'expansion', 'a', 'b'] as const);
export type ReceiptSymbol = (typeof RECEIPT_SYMBOLS)[number];

/** One number that goes into a figure. */
export interface ReceiptInput {
  /** Short symbol used in the formula: 'S', 'E', 'N', 'lost', 'MRR0', ... */
  readonly symbol: ReceiptSymbol;
  /** Plain-words name: 'customers active on 2011-02-28 (day before the period)'. */
  readonly name: string;
  readonly value: number;
  /** The customers behind a count (indexes into report.customers), when listed. */
  readonly members?: readonly number[];
}

/** A term of a ratio: the input with this symbol, added (+1) or subtracted (-1). */
export interface ReceiptTerm {
  readonly symbol: ReceiptSymbol;
  readonly sign: 1 | -1;
}

/** A figure, its formula and its inputs. */
export interface Receipt {
  /** What the figure is: 'CRR 2011-03', 'customers now', 'cohort 2011-01, k = 2 (logo)'. */
  readonly figure: string;
  /** The figure as the report holds it (unrounded); null = "n/a". */
  readonly value: number | null;
  readonly unit: '%' | 'customers' | 'days' | 'money';
  /** The formula as DESIGN.md writes it: '(E - N) / S x 100'. */
  readonly formula: string;
  /** The formula with the numbers put in: '(43 - 12) / 44 x 100 = 70.45 %'. */
  readonly substituted: string;
  readonly inputs: readonly ReceiptInput[];
  /**
   * How value follows from the inputs: 'ratio' = (sum numerator) / (sum denominator) x scale
   * (capped at `cap` when given; null when the denominator is 0); 'count' = the numerator sum;
   * 'lookup' = read off a curve or table (median lifetime, sBG parameters): not re-evaluable.
   */
  readonly kind: 'ratio' | 'count' | 'lookup';
  readonly numerator: readonly ReceiptTerm[];
  readonly denominator: readonly ReceiptTerm[];
  readonly scale: number;
  readonly cap?: number;
  /** Period label and bounds (ISO), and the boundary days the counts were taken on. */
  readonly period?: {
    readonly label: string;
    readonly start: string;
    readonly end: string;
    /** S is measured on this day (p0 - 1). */
    readonly startMeasuredOn: string;
    /** E is measured on this day (p1). */
    readonly endMeasuredOn: string;
  };
  /** Activity window W in days (orders), null for subscriptions. */
  readonly window: number | null;
  /** Filters and data rules that shaped the inputs, as codes and numbers (report-phrases.ts). */
  readonly filters: readonly ReportFilter[];
  /** Where the definition lives. */
  readonly source: string;
  /** What the reader should know beside the figure, as a code and its numbers (why CRR and exact retention differ). */
  readonly note?: ReceiptNote;
}

const sumTerms = (r: Receipt, terms: readonly ReceiptTerm[]): number => {
  let s = 0;
  for (const t of terms) {
    const input = r.inputs.find((i) => i.symbol === t.symbol);
    if (!input) throw new RangeError(`receipt '${r.figure}' has no input '${t.symbol}'`);
    s += t.sign * input.value;
  }
  return s;
};

/**
 * Recomputes a receipt's figure from its inputs alone (the audit check: a receipt that does not
 * reproduce its figure is a bug).
 *
 * O(inputs x terms). Returns undefined for 'lookup' receipts (nothing to recompute) and null
 * for a ratio whose denominator is 0.
 *
 * @throws RangeError when a term names an input the receipt does not have.
 * @example evaluateReceipt(crrReceipt) // 70.45... for S = 44, E = 43, N = 12
 */
export function evaluateReceipt(r: Receipt): number | null | undefined {
  if (r.kind === 'lookup') return undefined;
  const num = sumTerms(r, r.numerator);
  if (r.kind === 'count') return num * r.scale;
  const den = sumTerms(r, r.denominator);
  if (den === 0) return null;
  const v = (num / den) * r.scale;
  return r.cap === undefined ? v : Math.min(r.cap, v);
}

/** Formats a number for a receipt sentence: up to 2 decimals, no thousands separators. */
export function receiptNumber(x: number | null): string {
  if (x === null || !Number.isFinite(x)) return 'n/a';
  const r = Math.round(x * 100) / 100;
  return String(Object.is(r, -0) ? 0 : r);
}

/** The '=' part of a substituted formula: '= 70.45 %', '= n/a (S = 0)'. */
export function receiptResult(value: number | null, unit: Receipt['unit'], why = ''): string {
  if (value === null) return `= n/a${why ? ` (${why})` : ''}`;
  return `= ${receiptNumber(value)}${unit === '%' ? ' %' : unit === 'days' ? ' days' : ''}`;
}
