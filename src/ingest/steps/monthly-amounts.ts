/**
 * Subscriptions: a price per billing period becomes a monthly amount (MRR) at import, when the
 * file says the period (docs/metrics.md, "MRR from a price"):
 *
 *   MRR = price / interval x (1 for month, 1/12 for year, 52/12 for week, 365/12 for day)
 *
 * (`every 2 weeks` at 27.50 -> 27.50 / 2 x 52 / 12 = 59.58 a month). An unknown period word
 * leaves the amount as it is and is reported. Period words in English, Slovenian, German
 * (`monthly`, `mesečno`, `jährlich` ...). O(rows).
 */
import { MISSING_CODE, type Column } from '../../core/table.ts';

const PER_MONTH: readonly [RegExp, number][] = [
  [/^(month|months|monthly|mo|m|mesec|mesečno|mesecno|monat|monatlich|kuu|ամիս)$/, 1],
  [/^(year|years|yearly|annual|annually|yr|y|leto|letno|jahr|jährlich|jahrlich|aasta|տարի)$/, 1 / 12],
  [/^(week|weeks|weekly|wk|w|teden|tedensko|woche|wöchentlich|nädal)$/, 52 / 12],
  [/^(day|days|daily|d|dan|dnevno|tag|täglich|päev)$/, 365 / 12],
  [/^(quarter|quarterly|četrtletje|quartal|vierteljährlich)$/, 1 / 3],
];

/** Months per one `period` word, or NaN when the word is unknown. */
export function monthlyFactor(period: string): number {
  const w = period.trim().toLowerCase();
  for (const [re, f] of PER_MONTH) if (re.test(w)) return f;
  return NaN;
}

/**
 * Converts the `mrr` column in place using `billing_period` and `billing_interval` (interval 1
 * when missing). Returns how many rows were converted and the unknown period words.
 */
export function toMonthly(columns: Record<string, Column>, length: number): { converted: number; unknown: string[] } {
  const mrr = columns.mrr;
  const period = columns.billing_period;
  if (mrr?.type !== 'num' || period?.type !== 'dict') return { converted: 0, unknown: [] };
  const interval = columns.billing_interval?.type === 'num' ? columns.billing_interval.data : undefined;
  const factors = period.dict.map(monthlyFactor);
  const unknown = new Set<string>();
  let converted = 0;
  for (let r = 0; r < length; r++) {
    const c = period.codes[r];
    if (c === MISSING_CODE || Number.isNaN(mrr.data[r])) continue;
    const f = factors[c];
    if (Number.isNaN(f)) {
      unknown.add(period.dict[c]);
      continue;
    }
    const k = interval && interval[r] > 0 ? interval[r] : 1;
    mrr.data[r] = (mrr.data[r] * f) / k;
    converted++;
  }
  return { converted, unknown: [...unknown] };
}
