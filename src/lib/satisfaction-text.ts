/**
 * The satisfaction and referral pages' words in the user's language (issue #12): scales and how
 * they were decided, the report's notes (codes with params, never English from the core), NPS
 * groups, the referral benchmark bands, NPS values and signed differences. Pure (a locale in,
 * text out), so it runs in Node tests like churn-text.ts.
 */
import { translate } from './i18n/translate.ts';
import type { Locale, MessageKey } from './i18n/messages.ts';
import { pct } from './churn-text.ts';
import { REFERRAL_BANDS } from '../core/referrals/referral-rate.ts';
import type { NpsGroup, SatisfactionNote, ScaleSource, ScoreScale } from './types.ts';

const SCALE_KEYS: Readonly<Record<ScoreScale, MessageKey>> = {
  nps: 'sat.scale.nps',
  csat: 'sat.scale.csat',
  scale7: 'sat.scale.scale7',
  scale10: 'sat.scale.scale10',
};

/** A scale's name: "0–10 (NPS)", "1–5 (CSAT)", "1–7", "1–10". */
export function scaleName(locale: Locale, scale: ScoreScale): string {
  return translate(locale, SCALE_KEYS[scale]);
}

/** How one value of the scale column (or the whole file) was read, as a sentence. */
export function scaleSourceText(locale: Locale, source: ScaleSource): string {
  const params = { count: source.answers, scale: source.scale ? scaleName(locale, source.scale) : '', text: source.text ?? '' };
  if (source.scale === null) return translate(locale, source.text === null ? 'sat.scaleSource.undecided' : 'sat.scaleSource.undecidedText', params);
  if (source.by === 'text') return translate(locale, 'sat.scaleSource.text', params);
  return translate(locale, source.text === null ? 'sat.scaleSource.scores' : 'sat.scaleSource.scoresText', params);
}

const GROUP_KEYS: Readonly<Record<NpsGroup, MessageKey>> = {
  promoter: 'sat.group.promoters',
  passive: 'sat.group.passives',
  detractor: 'sat.group.detractors',
};

/** "Promoters (9–10)", "Passives (7–8)", "Detractors (0–6)". */
export function groupName(locale: Locale, group: NpsGroup): string {
  return translate(locale, GROUP_KEYS[group]);
}

/** One note of the satisfaction report as a sentence (unknown codes: none). */
export function noteText(locale: Locale, note: SatisfactionNote): string | null {
  const p = note.params;
  switch (note.code) {
    case 'no-dates':
      return translate(locale, 'sat.note.noDates', { count: Number(p.rows) });
    case 'some-undated':
      return translate(locale, 'sat.note.someUndated', { count: Number(p.rows) });
    case 'without-score':
      return translate(locale, 'sat.note.withoutScore', { count: Number(p.rows) });
    case 'out-of-scale':
      return translate(locale, 'sat.note.outOfScale', { count: Number(p.rows) });
    case 'several-scales':
      return translate(locale, 'sat.note.severalScales', {
        scales: String(p.scales)
          .split(',')
          .filter((s): s is ScoreScale => Object.hasOwn(SCALE_KEYS, s))
          .map((s) => scaleName(locale, s))
          .join(', '),
      });
    case 'without-customer':
      return translate(locale, 'sat.note.withoutCustomer', { count: Number(p.rows) });
    case 'no-response-base':
      return translate(locale, 'sat.note.noResponseBase');
    case 'no-churn-data':
      return translate(locale, 'sat.note.noChurnData');
    case 'no-nps-answers':
      return translate(locale, 'sat.note.noNpsAnswers');
    default:
      return null;
  }
}

const fixed = new Map<string, Intl.NumberFormat>();
/** A number with exactly `digits` decimals in the locale ("5.70", "5,70"). */
function fixedNumber(x: number, intlLocale: string, digits: number): string {
  const key = `${intlLocale}|${digits}`;
  let f = fixed.get(key);
  if (!f) fixed.set(key, (f = new Intl.NumberFormat(intlLocale, { minimumFractionDigits: digits, maximumFractionDigits: digits })));
  return f.format(x);
}

/** An NPS (-100 to 100) as the locale writes it with `digits` decimals ("53.42", "53,42", "−2.9"), the typographic minus. */
export function npsValue(nps: number | null | undefined, intlLocale: string, digits = 1): string {
  if (nps === null || nps === undefined || !Number.isFinite(nps)) return '—';
  const text = fixedNumber(Math.abs(nps), intlLocale, digits);
  return nps < 0 && Number(text.replace(/\D/g, '')) !== 0 ? `−${text}` : text;
}

/** The NPS interval: "3.55 – 7.76" in the locale. */
export function npsInterval(low: number | null | undefined, high: number | null | undefined, intlLocale: string, digits = 1): string {
  if (low === null || low === undefined || high === null || high === undefined) return '—';
  return `${npsValue(low, intlLocale, digits)} – ${npsValue(high, intlLocale, digits)}`;
}

/** A signed number with `digits` decimals: "+57.6", "−8.0", "0.0" (the typographic minus). */
export function signed(x: number | null | undefined, intlLocale: string, digits = 1): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  const text = fixedNumber(Math.abs(x), intlLocale, digits);
  if (Number(text.replace(/\D/g, '')) === 0) return text;
  return x > 0 ? `+${text}` : `−${text}`;
}

/** A signed percent (0-100 scale) as the locale writes percents: "+67.2%", "−3,1 %". */
export function signedPct(x: number | null | undefined, intlLocale: string, digits = 1): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  const text = pct(Math.abs(x), intlLocale, digits);
  if (Number(text.replace(/\D/g, '')) === 0) return text;
  return x > 0 ? `+${text}` : `−${text}`;
}

/** Percentage points: "+57.6 points" / "−8.0 odstotnih točk". */
export function points(locale: Locale, x: number | null | undefined, intlLocale: string): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  return translate(locale, 'sat.points', { count: Math.round(Math.abs(x) * 10) / 10, value: signed(x, intlLocale) });
}

/** The benchmark band edges in percent (DESIGN.md section 7), from the core. */
export const BANDS: readonly number[] = REFERRAL_BANDS;

/** One benchmark band (0-4) in words: "under 7 %", "7 to 15 %", "50 % or more". */
export function bandText(locale: Locale, band: number, intlLocale: string): string {
  const at = (i: number) => pct(BANDS[i], intlLocale, 0);
  if (band <= 0) return translate(locale, 'ref.band.under', { high: at(0) });
  if (band >= BANDS.length) return translate(locale, 'ref.band.atLeast', { low: at(BANDS.length - 1) });
  return translate(locale, 'ref.band.between', { low: at(band - 1), high: at(band) });
}

/** Where the referral rate sits: one band, or "between the bands of its interval's ends" when the interval spans several. */
export function bandVerdict(locale: Locale, rate: { band: number | null; bandLow: number | null; bandHigh: number | null }, intlLocale: string): string {
  if (rate.band === null) return translate(locale, 'ref.band.none');
  const band = bandText(locale, rate.band, intlLocale);
  if (rate.bandLow === null || rate.bandHigh === null || rate.bandLow === rate.bandHigh) return translate(locale, 'ref.band.in', { band });
  return translate(locale, 'ref.band.spans', { band, low: bandText(locale, rate.bandLow, intlLocale), high: bandText(locale, rate.bandHigh, intlLocale) });
}

/**
 * The column header each field key came from (customers files first), so attributes are named
 * as the user's files name them — the rule of the churn audit's headers (worker/churn-api.ts).
 */
export function headersOf(imports: readonly { readonly kind: string; readonly mapping: readonly (string | null)[]; readonly headers: readonly string[] }[]): Record<string, string> {
  const out = Object.create(null) as Record<string, string>;
  const sorted = [...imports].sort((a, b) => Number(b.kind === 'customers') - Number(a.kind === 'customers'));
  for (const imp of sorted) imp.mapping.forEach((key, i) => key && imp.headers[i] !== undefined && !Object.hasOwn(out, key) && (out[key] = imp.headers[i]));
  return out;
}
