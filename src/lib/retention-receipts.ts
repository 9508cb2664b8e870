/**
 * Turns the report's receipts (plain data from the core, formulas in symbols) into what the
 * receipt dialog shows, in the page's language: the formula, the same with the numbers put in
 * (formatted for the locale), the period bounds, W, the inputs and the customers behind them.
 */
import { isoToDay as coreIsoToDay } from '../core/parse/date.ts';
import type { Receipt as CoreReceipt, ReceiptTerm, ReportFilter, PeriodRow } from '../core/retention/report-types.ts';
import type { ReceiptSymbol } from '../core/retention/receipts.ts';
import type { PeriodSet } from '../core/retention/report-receipts.ts';
import type { MrrMovement } from '../core/retention/mrr.ts';
import { analytics } from './analytics-client.ts';
import type { ReceiptFigures, RetentionFigures, RetentionMembersQuery } from './types.ts';
import { formatDay, formatMoney, formatNumber, formatPercent } from './format.ts';
import { i18n, t, type MessageKey } from './i18n/i18n.svelte.ts';
import type { Receipt, ReceiptFact, ReceiptGroup } from './receipt.ts';
import { crrAbove100Text, crrExactText } from './retention-text.ts';

export interface ReceiptOptions {
  key: string;
  title: string;
  locale: string;
  currency: string;
  /** Extra sentences beside the receipt's own note. */
  notes?: readonly string[];
  /** More customer lists than the formula's inputs carry (lost, reactivated, ...). */
  extraGroups?: readonly ReceiptGroup[];
  /** Labels that say more than the dictionary's (cohort cells: a, b name the cohort and period). */
  inputLabels?: Readonly<Partial<Record<ReceiptSymbol, string>>>;
  /** Show the days S and E are counted on (period rates); default true. */
  boundaryDays?: boolean;
}

/**
 * Every receipt symbol in the page's language: a Record over the core's union, so a symbol the
 * core adds without a translation is a compile error (the core's English names never show).
 */
const SYMBOL_KEYS: Readonly<Record<ReceiptSymbol, MessageKey>> = {
  S: 'retention.sym.S',
  E: 'retention.sym.E',
  N: 'retention.sym.N',
  lost: 'retention.sym.lost',
  retained: 'retention.sym.retained',
  reactivated: 'retention.sym.reactivated',
  newLost: 'retention.sym.newLost',
  lostD: 'retention.sym.lostD',
  SD: 'retention.sym.SD',
  active: 'retention.sym.active',
  customers: 'retention.sym.subjects',
  churned: 'retention.sym.churned',
  censored: 'retention.sym.censored',
  MRR0: 'retention.sym.MRR0',
  churn: 'retention.sym.mrrChurn',
  contraction: 'retention.sym.contraction',
  expansion: 'retention.sym.expansion',
  a: 'retention.sym.cellCount',
  b: 'retention.sym.cellBase',
};

export const isoToDay = (iso: string | null | undefined): number | null => {
  if (!iso) return null;
  const day = coreIsoToDay(iso);
  return Number.isNaN(day) ? null : day;
};

/** A figure in its unit: percentages arrive as 0-100. */
export function formatFigure(value: number | null, unit: CoreReceipt['unit'], locale: string, currency: string, digits = 1): string {
  if (value === null) return t('retention.na');
  switch (unit) {
    case '%':
      return formatPercent(value / 100, locale, digits);
    case 'customers':
      return formatNumber(value, locale, 0);
    case 'days':
      return t('retention.unit.days', { count: Math.round(value) });
    case 'money':
      return formatMoney(value, currency, locale);
  }
}

/** '(E − N) / S × 100' from the core's ASCII formula. */
export function prettyFormula(formula: string): string {
  return formula.replace(/ x /g, ' × ').replace(/ - /g, ' − ');
}

function termsText(r: CoreReceipt, terms: readonly ReceiptTerm[], locale: string): string {
  const parts = terms.map((term, i) => {
    const input = r.inputs.find((x) => x.symbol === term.symbol);
    const n = formatNumber(input?.value ?? Number.NaN, locale, 2);
    if (i === 0) return term.sign < 0 ? `−${n}` : n;
    return `${term.sign < 0 ? ' − ' : ' + '}${n}`;
  });
  const text = parts.join('');
  return terms.length > 1 ? `(${text})` : text;
}

/** The formula with the numbers put in, in the locale's number format. */
export function substituted(r: CoreReceipt, locale: string, currency: string): string {
  const result = r.value === null ? t('retention.receipt.naResult') : `= ${formatFigure(r.value, r.unit, locale, currency, 2)}`;
  // A lookup with terms (a revenue cohort cell whose base is not positive) is written as the
  // ratio it would be; only a lookup without terms (the median, replaced by toReceipt) keeps the core's words.
  if (r.kind === 'lookup' && r.numerator.length === 0) return r.substituted;
  const num = termsText(r, r.numerator, locale);
  if (r.kind === 'count') return `${num}${r.scale !== 1 ? ` × ${formatNumber(r.scale, locale)}` : ''} ${result}`;
  let expr = `${num} / ${termsText(r, r.denominator, locale)}${r.scale !== 1 ? ` × ${formatNumber(r.scale, locale)}` : ''}`;
  if (r.cap !== undefined) expr = `min(${formatNumber(r.cap, locale)}, ${expr})`;
  return `${expr} ${result}`;
}

/**
 * The symbols whose customers a receipt lists, and what the worker lists for them (the page's
 * report has the counts only: worker/retention-figures.ts). Exactly the inputs that carry
 * `members` in a full report (tests/unit/worker/retention-figures.test.ts).
 */
const LISTED: Partial<Record<ReceiptSymbol, PeriodSet | 'now' | MrrMovement>> = {
  N: 'new',
  lost: 'lost',
  newLost: 'newLost',
  reactivated: 'reactivated',
  active: 'now',
  churn: 'churn',
  contraction: 'contraction',
  expansion: 'expansion',
};
const MRR_SYMBOLS: ReadonlySet<string> = new Set(['churn', 'contraction', 'expansion']);

/** A group whose customers the worker lists when the receipt opens. */
function listedGroup(report: RetentionFigures, code: string, label: string, count: number, query: RetentionMembersQuery): ReceiptGroup {
  return { code, label, ids: [], count, load: () => analytics.receiptMembers({ workspaceId: report.request.workspaceId, params: report.request.params, query }) };
}

/** The customer lists behind a receipt's inputs (N, lost, the customers now, an MRR movement, ...). */
function inputGroups(r: ReceiptFigures, report: RetentionFigures): ReceiptGroup[] {
  const out: ReceiptGroup[] = [];
  for (const input of r.inputs) {
    const what = LISTED[input.symbol];
    if (what === undefined) continue;
    const label = `${input.symbol}: ${t(SYMBOL_KEYS[input.symbol])}`;
    if (what === 'now') {
      out.push(listedGroup(report, input.symbol, label, input.value, { now: true }));
    } else if (MRR_SYMBOLS.has(input.symbol)) {
      const j = report.mrr?.findIndex((row) => row.period === r.period?.label) ?? -1;
      const movement = what as MrrMovement;
      if (j >= 0) out.push(listedGroup(report, input.symbol, label, report.mrr![j].customers[movement], { mrr: j, movement }));
    } else {
      const j = report.periods.findIndex((row) => row.period === r.period?.label);
      if (j >= 0) out.push(listedGroup(report, input.symbol, label, input.value, { period: j, set: what as PeriodSet }));
    }
  }
  return out;
}

export function toReceipt(r: ReceiptFigures, report: RetentionFigures, options: ReceiptOptions): Receipt {
  const { locale, currency } = options;
  const facts: ReceiptFact[] = [];
  if (r.period) {
    facts.push({ id: 'period', label: t('retention.receipt.period'), value: `${r.period.label}: ${formatDay(isoToDay(r.period.start), locale)} – ${formatDay(isoToDay(r.period.end), locale)}` });
    if (options.boundaryDays !== false) {
      facts.push({ label: t('retention.receipt.startOn'), value: formatDay(isoToDay(r.period.startMeasuredOn), locale) });
      facts.push({ label: t('retention.receipt.endOn'), value: formatDay(isoToDay(r.period.endMeasuredOn), locale) });
    }
  }
  facts.push({ id: 'window', label: t('retention.receipt.window'), value: windowFact(r.window, report) });
  const inputs: ReceiptFact[] = [];
  for (const input of r.inputs) {
    const given = options.inputLabels?.[input.symbol];
    inputs.push({
      id: input.symbol,
      label: given ?? `${input.symbol}: ${t(SYMBOL_KEYS[input.symbol])}`,
      value: formatNumber(input.value, locale, 2),
    });
  }
  const groups = inputGroups(r, report);
  for (const extra of options.extraGroups ?? []) if (!groups.some((g) => g.code === extra.code)) groups.push(extra);
  // The core's note is a code (why CRR and exact retention differ); the caller may add more.
  const note = r.note ? crrExactText(i18n.locale, locale, r.note) : '';
  const notes = [...(note ? [note] : []), ...(options.notes ?? [])];
  let formula = prettyFormula(r.formula);
  let computation = substituted(r, locale, currency);
  if (r.kind === 'count' && r.inputs.length === 1) {
    // A plain count: the definition in words, then the number.
    const input = r.inputs[0];
    formula = `${input.symbol} = ${t(SYMBOL_KEYS[input.symbol])}`;
    computation = `${input.symbol} = ${formatFigure(r.value, r.unit, locale, currency)}`;
  } else if (r.kind === 'lookup' && r.unit === 'days') {
    // The Kaplan-Meier median lifetime.
    formula = t('retention.formula.median');
    const at = report.survival.points.find((p) => p.t === r.value);
    computation =
      r.value === null
        ? t('retention.formula.medianNotReached')
        : t('retention.formula.medianValue', {
            t: formatNumber(r.value, locale, 0),
            s: formatNumber(at?.survival ?? Number.NaN, locale, 3),
            lower: report.survival.medianLower === null ? t('retention.kpi.medianNotReached') : t('retention.unit.days', { count: report.survival.medianLower }),
            upper: report.survival.medianUpper === null ? t('retention.kpi.medianNotReached') : t('retention.unit.days', { count: report.survival.medianUpper }),
          });
  }
  return {
    key: options.key,
    title: options.title,
    value: formatFigure(r.value, r.unit, locale, currency),
    formula,
    computation,
    facts,
    inputs,
    rules: localFilters(report, locale, r.window),
    notes,
    groups,
    fileBase: `keepwise-${options.key}-${r.period?.label ?? report.kpis.asOf}`,
  };
}

/** The customer lists of period j: S, E, new, lost, reactivated, new-and-gone (labels in the page's language; the worker lists them). */
export function periodGroups(report: RetentionFigures, j: number, sets: readonly PeriodSet[]): ReceiptGroup[] {
  const code: Record<PeriodSet, ReceiptSymbol> = { start: 'S', end: 'E', retained: 'retained', lost: 'lost', reactivated: 'reactivated', new: 'N', newLost: 'newLost' };
  const row = report.periods[j];
  const count: Record<PeriodSet, number> = { start: row.S, end: row.E, retained: row.retained, lost: row.lost, reactivated: row.reactivated, new: row.N, newLost: row.newLost };
  return sets.map((set) => listedGroup(report, code[set], `${code[set]}: ${t(SYMBOL_KEYS[code[set]])}`, count[set], { period: j, set }));
}

/**
 * The W a receipt was computed with, and whether it is the data's suggestion: "77 days
 * (suggested from the repurchase curve)", "30 days (the suggestion from the data is 77 days)".
 */
export function windowFact(window: number | null, report: Pick<RetentionFigures, 'source' | 'window'>): string {
  if (window === null) return t('retention.receipt.noWindow');
  const days = t('retention.unit.days', { count: window });
  const suggested = report.source === 'orders' ? report.window?.suggested : undefined;
  if (suggested === undefined) return days;
  if (suggested === window) return t('retention.receipt.windowSuggested', { days });
  return t('retention.receipt.windowChosen', { days, suggested: t('retention.unit.days', { count: suggested }) });
}

/**
 * Why CRR passes 100 % in a period ('' when it does not), from the row's explanation code
 * (retention-text.ts): customers back after a pause are in E without being in S or N. Never
 * clamped (docs/metrics.md, "CRR above 100 %").
 */
export function crrAbove100Sentence(row: Pick<PeriodRow, 'explanation'>, locale: string): string {
  return crrAbove100Text(i18n.locale, locale, row.explanation);
}

/**
 * Why the seed CRR and exact retention differ in a period, in one sentence ('' when they agree);
 * above 100 %, the sentence says why CRR passes 100 %.
 */
export function crrExactSentence(row: Pick<PeriodRow, 'explanation'>, locale: string): string {
  return crrExactText(i18n.locale, locale, row.explanation);
}

const UNIT_KEYS = { month: 'retention.filter.months', quarter: 'retention.filter.quarters', year: 'retention.filter.years' } as const;

/** One filter or data rule of the report (a core code, report-phrases.ts) in the page's language; `window` overrides W. */
function filterText(f: ReportFilter, locale: string, window: number | null): string {
  switch (f.code) {
    case 'periods':
      return t('retention.filter.periods', { unit: t(UNIT_KEYS[f.params.unit]), from: formatDay(isoToDay(f.params.from), locale), to: formatDay(isoToDay(f.params.to), locale) });
    case 'now':
      return t('retention.filter.now', { date: formatDay(isoToDay(f.params.asOf), locale) });
    case 'orders-active':
      return t('retention.filter.orders', { days: window ?? f.params.window });
    case 'orders-refunds':
      return t('retention.filter.refunds');
    case 'subscriptions-active':
      return t('retention.filter.subscriptions');
    case 'rows-skipped':
      return t('retention.filter.skipped', { count: f.params.rows });
  }
}

/** The report's filters and data rules in the page's language, from the core's codes. */
export function localFilters(report: Pick<RetentionFigures, 'filters' | 'window'>, locale: string, window: number | null = report.window?.used ?? null): string[] {
  return report.filters.map((f) => filterText(f, locale, window));
}
