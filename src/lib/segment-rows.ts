/**
 * A segment comparison as CSV rows (one row per segment, every figure with its interval, p and
 * q), in the user's language. Rates in percent as the core gives them; numbers stay numbers.
 */
import { translate } from './i18n/translate.ts';
import type { Locale } from './i18n/messages.ts';
import type { CsvRow } from './csv-export.ts';
import type { MeanComparison, SegmentComparison } from './types.ts';
import { significant, valueText } from './churn-text.ts';

export function segmentRows(c: SegmentComparison, attribute: string, locale: Locale, intlLocale: string): CsvRow[] {
  const tr = (key: Parameters<typeof translate>[1]) => translate(locale, key);
  const mean = (name: string): string[] => [name, `${name} − ${tr('segments.rest')}`, `${name} ${tr('churn.col.low')}`, `${name} ${tr('churn.col.high')}`, `${name} q`, `${name} ${tr('churn.col.significant')}`];
  const meanCells = (m: MeanComparison | null, small: boolean) => (m ? [m.mean, m.diff, m.low, m.high, m.q, significant(m.q) && !small] : [null, null, null, null, null, null]);
  const head: CsvRow = [
    tr('churn.col.attribute'),
    tr('churn.col.value'),
    tr('churn.col.customers'),
    tr('churn.col.small'),
    tr('churn.col.churned'),
    tr('churn.col.rate'),
    tr('churn.col.low'),
    tr('churn.col.high'),
    tr('churn.col.p'),
    tr('churn.col.q'),
    tr('churn.col.significant'),
    tr('retention.receipt.period'),
    tr('retention.col.crr'),
    tr('retention.col.exact'),
    tr('segments.row.median'),
    ...mean(tr('segments.row.aov')),
    ...mean(tr('segments.row.frequency')),
    ...mean(tr('segments.row.revenue')),
    tr('segments.row.nps'),
    tr('segments.row.npsAnswers'),
  ];
  return [
    head,
    ...c.segments.map((s) => [
      attribute,
      valueText(locale, intlLocale, s.value),
      s.customers,
      s.small,
      s.churned,
      s.churnRate,
      s.churnLow,
      s.churnHigh,
      s.churnP,
      s.churnQ,
      significant(s.churnQ) && !s.small,
      s.period,
      s.crr,
      s.exact,
      s.medianLifetime,
      ...meanCells(s.aov, s.small),
      ...meanCells(s.frequency, s.small),
      ...meanCells(s.revenuePerCustomer, s.small),
      s.nps,
      s.npsAnswers,
    ]),
  ];
}
