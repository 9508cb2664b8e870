import type { ImplausibleNumberReason, ImportIssue } from '../../core/issues.ts';
import type { Locale, MessageKey } from './messages.ts';
import { formatStoredDate } from '../format.ts';
import { INTL_LOCALE, isMessageKey, translate, type Params } from './translate.ts';

/**
 * The reason of an import issue in the user's language. English shows the importer's own
 * message (it is the source text and names the exact cause, e.g. "February 2024 has 29 days");
 * other languages show the translation of the code when there is one, else that message.
 * Line, column and value are shown beside the reason by the caller, in every language.
 */
export function issueReason(locale: Locale, issue: Pick<ImportIssue, 'code' | 'message' | 'params'>): string {
  if (locale === 'en') return issue.message;
  const key = `issue.${issue.code}`;
  return isMessageKey(key) ? translate(locale, key, withReason(locale, issue.code, issue.params)) : issue.message;
}

/** The clause for each implausible-number reason: a reason without a translation is a compile error. */
const IMPLAUSIBLE_NUMBER_REASON: Readonly<Record<ImplausibleNumberReason, MessageKey>> = {
  'too-many-digits': 'issue.implausible-number.reason.too-many-digits',
  'amount-too-large': 'issue.implausible-number.reason.amount-too-large',
  'amount-far-too-large': 'issue.implausible-number.reason.amount-far-too-large',
};

const DATE_ORDER: Readonly<Record<string, MessageKey>> = { YMD: 'dateOrder.YMD', DMY: 'dateOrder.DMY', MDY: 'dateOrder.MDY' };

/**
 * The params with codes in words: a reason code (`implausible-number`) as its translated clause,
 * a date order (`mixed-date-styles`: DMY) as its name ("Tag-Monat-Jahr (31.03.2024)").
 */
function withReason<P extends Params | undefined>(locale: Locale, code: string, params: P): P | Params {
  const reason = params?.reason;
  const order = params?.order;
  if (code === 'implausible-number' && typeof reason === 'string' && Object.prototype.hasOwnProperty.call(IMPLAUSIBLE_NUMBER_REASON, reason)) {
    return { ...params, reason: translate(locale, IMPLAUSIBLE_NUMBER_REASON[reason as ImplausibleNumberReason], params) };
  }
  if (code === 'mixed-date-styles' && typeof order === 'string' && Object.hasOwn(DATE_ORDER, order)) return { ...params, order: translate(locale, DATE_ORDER[order]) };
  return params;
}

/**
 * A column name as the UI shows it: the name the importer makes up for a column of a file without
 * a header row (or an unnamed one: `column 3`, core columnNames) in the UI's language, any other
 * name as written in the file.
 */
export function columnLabel(locale: Locale, name: string): string {
  const generated = /^column (\d+)$/.exec(name);
  return generated ? translate(locale, 'mapping.generatedColumn', { n: Number(generated[1]) }) : name;
}

/** "no customer id column: ..." -> "No customer id column: ....": the importer's messages as sentences. */
export function sentence(text: string): string {
  const t = text.trim();
  if (t === '') return t;
  const first = t[0].toLocaleUpperCase('en');
  return first + t.slice(1) + (/[.!?…]$/.test(t) ? '' : '.');
}

/**
 * Which param counts the things a message talks about (for the plural form), when it is not
 * `count` itself. Codes of plausibility notes and import issues share one table.
 */
const COUNT_PARAM: Readonly<Record<string, string>> = {
  'rolled-up': 'orders',
  'order-across-parts': 'orders',
  'amount-from-price': 'orders',
  'mrr-from-billing-period': 'rows',
};

function translated(locale: Locale, key: string, params: Params, code: string): string | undefined {
  if (!isMessageKey(key)) return undefined;
  const countParam = COUNT_PARAM[code];
  const withCount = countParam !== undefined && params[countParam] !== undefined ? { ...params, count: params[countParam] } : params;
  return translate(locale, key, withCount);
}

/**
 * An inspection or parse warning as a sentence that stands on its own (it is shown as a note,
 * without line and column beside it): the column goes into the params as `{column}`.
 */
export function issueSentence(locale: Locale, issue: Pick<ImportIssue, 'code' | 'message' | 'params' | 'column' | 'line'>): string {
  if (locale === 'en') return sentence(issue.message);
  const params: Params = { ...(issue.column !== undefined ? { column: columnLabel(locale, issue.column) } : {}), ...(issue.line !== undefined ? { line: issue.line } : {}), ...issue.params };
  return translated(locale, `issue.${issue.code}`, withReason(locale, issue.code, params), issue.code) ?? sentence(issue.message);
}

/** A note of the plausibility report (core/import/plausibility.ts) as a sentence. */
export function noteSentence(
  locale: Locale,
  note: { readonly code: string; readonly message: string; readonly params?: Params },
  kind: string,
): string {
  // A note naming a date range (`from`/`to` as ISO days) is always read from the translations,
  // English too, so the dates are formatted for the locale.
  const iso = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v);
  const dated = iso(note.params?.from) && iso(note.params?.to);
  if (locale === 'en' && !dated) return sentence(note.message);
  const loc = INTL_LOCALE[locale];
  const params: Params = dated
    ? { kind, ...note.params, from: formatStoredDate(note.params!.from as string, loc), to: formatStoredDate(note.params!.to as string, loc) }
    : { kind, ...note.params };
  const text = translated(locale, `note.${note.code}`, params, note.code);
  if (text === undefined) return sentence(note.message);
  // "did you mean X?" only when the report names a candidate column.
  if (note.code === 'key-mostly-repeated' && note.params?.suggestion !== undefined) {
    return `${text} ${translate(locale, 'note.key-mostly-repeated.suggestion', params)}`;
  }
  return text;
}

/** The explanation under a question ("line 1 holds values ..."), by its code where translated. */
export function questionSentence(locale: Locale, question: { readonly code: string; readonly message: string; readonly column?: string }): string {
  if (locale === 'en') return sentence(question.message);
  const key = `question.code.${question.code}`;
  return isMessageKey(key) ? translate(locale, key, { column: columnLabel(locale, question.column ?? '') }) : sentence(question.message);
}
