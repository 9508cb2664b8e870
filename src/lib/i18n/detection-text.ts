import type { DetectionReason, DetectionReasonCode } from '../../core/parse/detection-reason.ts';
import type { Locale, MessageKey } from './messages.ts';
import { translate, type Params } from './translate.ts';

/** The text of each detection reason: a code without a translation is a compile error. */
const KEYS: Readonly<Record<DetectionReasonCode, MessageKey>> = {
  chosen: 'reason.chosen',
  'chosen-no-header': 'why.chosen-no-header',
  'encoding-bom': 'why.encoding-bom',
  'encoding-valid-utf8': 'why.encoding-valid-utf8',
  'encoding-guessed': 'why.encoding-guessed',
  'delimiter-sep-line': 'why.delimiter-sep-line',
  'delimiter-none': 'why.delimiter-none',
  'delimiter-fields': 'why.delimiter-fields',
  'header-first-line': 'why.header-first-line',
  'header-none': 'why.header-none',
  'header-title': 'why.header-title',
  'header-preamble': 'why.header-preamble',
  'decimal-mixed': 'why.decimal-mixed',
  'decimal-proved': 'why.decimal-proved',
  'decimal-proved-thousands': 'why.decimal-proved-thousands',
  'decimal-unsure': 'why.decimal-unsure',
  'decimal-no-marks': 'why.decimal-no-marks',
  'decimal-digit-groups': 'why.decimal-digit-groups',
  'decimal-semicolon': 'why.decimal-semicolon',
  'date-excel-serial': 'why.date-excel-serial',
  'date-inconsistent': 'why.date-inconsistent',
  'date-day-first': 'why.date-day-first',
  'date-month-first': 'why.date-month-first',
  'date-unsure': 'why.date-unsure',
  'date-compact': 'why.date-compact',
  'date-iso': 'why.date-iso',
  'date-no-values': 'why.date-no-values',
  'date-no-format': 'why.date-no-format',
};

const DELIMITERS: Readonly<Record<string, MessageKey>> = { ',': 'delimiter.comma', ';': 'delimiter.semicolon', '\t': 'delimiter.tab', '|': 'delimiter.pipe' };

/**
 * Why the importer read the file this way (a dialect item's detection reason), in the user's
 * language. English shows the importer's own sentence (the command line prints the same);
 * other languages translate the code, with marks named in words ("Komma ( , )", "ein
 * Leerzeichen"). A reason the page does not know (an older worker) falls back to the sentence.
 */
export function detectionText(locale: Locale, reason: DetectionReason | undefined, english: string | undefined): string | undefined {
  if (locale === 'en' || !reason || !Object.hasOwn(KEYS, reason.code)) return english;
  const p = reason.params ?? {};
  const params: Record<string, string | number> = { ...p };
  const quoted = (value: string) => translate(locale, 'why.quoted', { value });
  if (typeof p.delimiter === 'string') params.delimiter = Object.hasOwn(DELIMITERS, p.delimiter) ? translate(locale, DELIMITERS[p.delimiter]) : quoted(p.delimiter);
  if (p.decimal === ',' || p.decimal === '.') params.decimal = translate(locale, p.decimal === ',' ? 'decimal.comma' : 'decimal.dot');
  if (typeof p.thousands === 'string') params.thousands = p.thousands === ' ' ? translate(locale, 'why.thousands-space') : quoted(p.thousands);
  let text = translate(locale, KEYS[reason.code], params as Params);
  if (typeof p.formats === 'number') text += `; ${translate(locale, 'why.date-mixed', { formats: p.formats })}`;
  return typeof p.column === 'string' ? translate(locale, 'why.column', { column: p.column, reason: text }) : text;
}
