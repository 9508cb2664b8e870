/** Shared vocabulary of how values are written in a file (used by core/parse and ingest). */
import type { DataKind } from '../schema/kinds.ts';

export type DateOrder = 'YMD' | 'DMY' | 'MDY';
export type DecimalMark = '.' | ',';
export type ThousandsMark = '' | ',' | '.' | ' ' | "'";

/** `1,234.56`-style example of a convention, for messages. O(1). */
export function numberExample(decimal: DecimalMark, thousands: ThousandsMark): string {
  const group = thousands === ' ' ? ' ' : thousands;
  return `1${group}234${decimal}56`;
}

export interface KindGuess {
  readonly kind: DataKind;
  /** 0..1: how well the headers (and values) fit the kind's fields; required fields weigh most. */
  readonly score: number;
}
