/**
 * Do a column's values fit a field? The value half of mapping suggestions (header-match.ts):
 * type fit for header matches, value-based fits for missing fields, key-fallback headers
 * (e-mail, names), free text, and column profiles of a sample (column-profile.ts).
 */
import { churnFlagValues } from '../churn/churn-flag.ts';
import type { DataKind, FieldDef } from '../schema/kinds.ts';
import { FEW_LEVELS, idLikeness, profileColumn, type ColumnProfile } from './column-profile.ts';
import { isNullToken } from './null-token.ts';

/** Sample values of one column (ragged rows tolerated), null tokens dropped. */
function columnSamples(rows: readonly (readonly string[])[], column: number): string[] {
  const values: string[] = [];
  for (const row of rows) {
    const v = column < row.length ? row[column] : undefined;
    if (v !== undefined && !isNullToken(v)) values.push(v);
  }
  return values;
}

/** Normalised headers that name an email address (`email`, `E-mail`, `e-pošta`, `имейл`, `էլ. փոստ` ...). */
export const RE_EMAIL_HEADER = /(^| )(e ?mail|e posta|eposta|e post|имейл|е поща|էլ ?փոստ)( |$)/;
/** Normalised headers that name a person or a counterparty (key fallback when there is no id or e-mail). */
export const RE_NAME_HEADER = /(^| )(name|full name|customer name|client name|billing name|buyer name|account name|auftraggeber|empfanger|kontoinhaber|zahlungsempfanger|counterparty|payee|payer|beneficiary|ime|ime in priimek|naziv|nimi|име|անուն)( |$)/;
/** Names of things that are not customers (a product name, a file name ...). */
export const RE_NOT_A_PERSON = /(^| )(product|item|lineitem|article|artikel|shipping|company|plan|file|tax|discount|fee|shop|store|vendor|price|method)( |$)/;
/** Header words that say "identifier" (for a value-based id match). */
export const RE_ID_WORD = /(^| )(id|no|nr|num|number|code|key|ref|#|stevilka|sifra|nummer|kood|номер|код)( |$)|(id|num|nr|no)$/;

/**
 * Headers that are never a customer's churn flag although they name churn: a model's score, risk
 * or prediction (`Churn Score`, `Churn Risk`, `Churn Probability`), a reason, category, date,
 * rate or lifetime value (`Churn Reason`, `Churn Date`, `CLTV`). `Churn Value` (1/0) is the flag.
 */
export const RE_NOT_A_CHURN_FLAG = /(^|[^\p{L}\p{N}])(score|scores|risk|probability|prob|propensity|likelihood|predicted|prediction|predict|forecast|model|reason|reasons|category|type|date|datum|at|on|am|day|days|month|months|year|years|rate|count|amount|revenue|cltv|ltv|clv)([^\p{L}\p{N}]|$)/u;

/** Headers that give a tenure in another unit than months (`Tenure (years)`, `Tenure in days`). */
export const RE_NOT_MONTHS = /(^|[^\p{L}\p{N}])(year|years|yrs|yr|day|days|week|weeks|jahr|jahre|jahren|tage|tagen|leto|leta|let|dni|dan)([^\p{L}\p{N}]|$)/u;

/**
 * Does a header rule out a field although it contains one of the field's names? A churn flag is
 * never a score, reason or date (RE_NOT_A_CHURN_FLAG); a tenure in months is never given in years
 * or days (RE_NOT_MONTHS). Takes a normalised header (header-match.ts normaliseHeader).
 */
export function headerRulesOut(field: string, normalisedHeader: string): boolean {
  if (field === 'churned') return RE_NOT_A_CHURN_FLAG.test(normalisedHeader);
  if (field === 'tenure_months') return RE_NOT_MONTHS.test(normalisedHeader);
  return false;
}

/** Headers of free-text columns (notes, comments): never kept as attributes unless mapped. */
const RE_FREE_TEXT_HEADER = /(^| )(notes?|comments?|remarks?|memo|internal|description|details|bemerkung(en)?|notiz(en)?|kommentar|opomb[ae]?|komentar(ji)?|belezk[ai]|бележк[аи]|коментар|markus(ed)?|märkus(ed)?|նշում(ներ)?)( |$)/;

/** Free text: a notes-like header, or long, mostly distinct values with spaces (sentences). */
export function isFreeText(normalisedHeader: string, p: ColumnProfile): boolean {
  if (RE_FREE_TEXT_HEADER.test(normalisedHeader)) return true;
  return p.values >= 3 && p.words >= 0.5 && p.distinctShare >= 0.8 && p.meanLength >= 25;
}

/** Id fields: value plausibility is checked with idLikeness. */
const UNIQUE_ID: Partial<Record<DataKind, string>> = { customers: 'customer_id', subscriptions: 'subscription_id' };

/**
 * Do a column's values fit a field's type? An empty sample fits (the header decides). An exact
 * header name needs most values to fit (a few bad ones are row errors for the user to see), a
 * header that only contains a known name needs 80 %.
 */
export function fitsType(kind: DataKind, def: FieldDef, p: ColumnProfile, exact: boolean): boolean {
  if (p.values === 0) return true;
  const share = exact ? 0.5 : MIN_VALUE_SHARE;
  switch (def.type) {
    case 'date':
      // Excel serial days under a date header: kept, so that the importer asks about them.
      return p.dates >= share || p.compactDates >= share || (exact && p.excelSerial);
    case 'money':
    case 'number':
      // A tenure counts months a customer has stayed: never below zero.
      if (def.key === 'tenure_months' && p.negatives > 0) return false;
      return p.numeric >= share;
    case 'id':
      if (exact) return !(p.dates >= MIN_VALUE_SHARE && p.compactDates < MIN_VALUE_SHARE) && !(p.moneyLike && p.integers < 0.5);
      return idLikeness(p, UNIQUE_ID[kind] === def.key) >= 0.5;
    default:
      return def.key !== 'churned' || churnFlagFits(p, exact);
  }
}

/**
 * Could this column be a churn flag? Two or three distinct values (`Yes`/`No`, `1`/`0`,
 * `Churned`/`Stayed`/`Joined`); under a header that only contains a flag name (`Churn Label (2023)`)
 * the values must also be ones churn-flag.ts recognises, so that `Churn Risk` High/Medium/Low is
 * not the flag. Under an exact flag name unrecognised values are kept: the churn audit asks which
 * of them mean churned.
 */
function churnFlagFits(p: ColumnProfile, exact: boolean): boolean {
  if (p.distinct > FEW_LEVELS) return false;
  return exact || churnFlagValues(p.levels) !== null;
}

export const MIN_VALUE_SHARE = 0.8;

/** Share of a column's samples that fit a field's type by value (0 when they do not). */
export function valueFit(def: FieldDef, p: ColumnProfile): number {
  if (p.values === 0) return 0;
  if (def.type === 'date') return p.compactDates >= MIN_VALUE_SHARE ? 0 : p.dates;
  // Money columns show cents, a sign or a currency somewhere; plain integers are more likely ids or counts.
  if (def.type === 'money') return p.moneyLike ? p.numeric : 0;
  if (def.type === 'number') return p.numeric;
  return 0;
}

/** Profiles of every column of a sample (see column-profile.ts). */
export function profileColumns(headers: readonly string[], sampleRows: readonly (readonly string[])[]): ColumnProfile[] {
  return headers.map((_, i) => profileColumn(columnSamples(sampleRows, i)));
}

