/** Shared vocabulary of how values are written in a file (used by core/parse and ingest). */
import type { DataKind } from '../schema/kinds.ts';

export type DateOrder = 'YMD' | 'DMY' | 'MDY';
export type DecimalMark = '.' | ',';
export type ThousandsMark = '' | ',' | '.' | ' ' | "'";

export interface KindGuess {
  readonly kind: DataKind;
  /** 0..1: how well the headers (and values) fit the kind's fields; required fields weigh most. */
  readonly score: number;
}
