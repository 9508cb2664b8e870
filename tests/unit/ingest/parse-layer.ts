/** Test helper: our parse layer (normalise + read-records) on a string, as plain rows. */
import { normaliseText } from '../../../src/ingest/normalise-text.ts';
import { readRecords } from '../../../src/ingest/read-records.ts';
import type { ImportIssue } from '../../../src/core/issues.ts';

export interface LayerResult {
  /** Header first, then every structurally valid record. */
  readonly rows: string[][];
  /** Fatal problem other than "no data rows" (a header alone is a valid parse here). */
  readonly fatal?: ImportIssue;
  readonly errors: readonly ImportIssue[];
  readonly warnings: readonly ImportIssue[];
}

export function parseLayer(input: string, delimiter = ','): LayerResult {
  const { text, linesDropped } = normaliseText(input);
  const rows: string[][] = [];
  const r = readRecords(text, { delimiter, lineOffset: linesDropped, onRecord: (f) => void rows.push(f) });
  const fatal = r.fatal && r.fatal.code !== 'no-data' ? r.fatal : undefined;
  return { rows: r.header.length ? [r.header, ...rows] : rows, ...(fatal ? { fatal } : {}), errors: r.errors, warnings: r.warnings };
}

/**
 * What our layer should give for a reference parser's rows, under our documented policy
 * (docs/csv-policy.md): blank and all-empty records are skipped, header names are trimmed,
 * and records whose field count differs from the header's are reported, not returned.
 */
export function expectedUnderPolicy(rows: readonly (readonly string[])[]): { rows: string[][]; ragged: number } {
  const kept = rows.filter((r) => r.some((f) => f.trim() !== ''));
  if (kept.length === 0) return { rows: [], ragged: 0 };
  const width = kept[0].length;
  const out = [kept[0].map((h) => h.trim()), ...kept.slice(1).filter((r) => r.length === width).map((r) => [...r])];
  return { rows: out, ragged: kept.slice(1).filter((r) => r.length !== width).length };
}

/** A one-word summary of how our result differs, for the divergence tables. */
export function outcomeOf(res: LayerResult, expected: { rows: string[][]; ragged: number }): string {
  if (res.fatal) return `fatal:${res.fatal.code}`;
  const same = JSON.stringify(res.rows) === JSON.stringify(expected.rows) && res.errors.length === expected.ragged;
  return same ? 'equal' : 'different';
}
