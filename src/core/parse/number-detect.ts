/**
 * Which decimal and thousands marks a number column was written with, decided from its sample
 * values (the per-value parser is number.ts; DESIGN.md section 1; RELIABILITY.md section 4).
 */
import { isDigitCode } from './chars.ts';
import type { DetectionReason } from './detection-reason.ts';
import { numberExample, type DecimalMark, type ThousandsMark } from './formats.ts';

/** The convention a column was written in, decided from its values. */
export interface NumberFormatGuess {
  readonly decimal: DecimalMark;
  readonly thousands: ThousandsMark;
  /** True when no value settles it (only `1,234`-style values); the reading given is the more likely one. */
  readonly ambiguous: boolean;
  /** An English sentence saying what decided it, for the command line. */
  readonly evidence: string;
  /** The same as a code with params, for the page (`thousands`: the mark, ' ' for a space). */
  readonly why: DetectionReason;
}

function thousandsName(t: ThousandsMark): string {
  return t === ' ' ? 'a space' : `'${t}'`;
}

/** Pulls the number out of a cell: digits and marks between the first and last digit. */
function numberCore(text: string): string {
  let a = 0;
  let b = text.length - 1;
  while (a <= b && !isDigitCode(text.charCodeAt(a))) a++;
  while (b >= a && !isDigitCode(text.charCodeAt(b))) b--;
  if (a > b) return '';
  // A leading decimal mark: ".5" / ",5"
  if (a > 0 && (text[a - 1] === '.' || text[a - 1] === ',')) a--;
  return text.slice(a, b + 1);
}

/**
 * Decides the decimal and thousands marks of a column from its sample values.
 *
 * Rules, per value (currency marks and signs ignored): with both `.` and `,` the last one is the
 * decimal mark (`1.234,56` -> ','); one mark repeated is a thousands mark (`1.234.567` -> ',');
 * one mark followed by other than three digits, or after a lone 0, is the decimal mark (`12,5`,
 * `0,125` -> ','); one mark followed by exactly three digits (`1,234`) proves nothing. Spaces
 * and apostrophes between digit groups are thousands marks. Across the column the proving
 * values vote; with no proof, `1,234`/`1.234` values are read as thousands (three decimals are
 * rare in money) and `ambiguous` is true so the caller asks the user. Values without marks say
 * nothing (integers read the same everywhere).
 *
 * Complexity O(total length of samples).
 *
 * @example detectNumberFormat(['1.234,56', '19,00']) // { decimal: ',', thousands: '.', ambiguous: false, ... }
 */
export function detectNumberFormat(samples: readonly string[]): NumberFormatGuess {
  let commaProof = 0; // values proving decimal ','
  let pointProof = 0; // values proving decimal '.'
  let commaExample = '';
  let pointExample = '';
  let ambiguousComma = 0; // "1,234"
  let ambiguousPoint = 0; // "1.234"
  let ambiguousExample = '';
  let spaceGroups = 0;
  let apostropheGroups = 0;
  let commaGroups = 0; // values where ',' is certainly a group mark
  let pointGroups = 0;
  for (const raw of samples) {
    const core = numberCore(raw);
    if (core === '') continue;
    if (/\d[\s\u00a0\u202f\u2009]\d{3}/.test(core)) spaceGroups++;
    if (/\d['\u2019]\d{3}/.test(core)) apostropheGroups++;
    const lastComma = core.lastIndexOf(',');
    const lastPoint = core.lastIndexOf('.');
    if (lastComma >= 0 && lastPoint >= 0) {
      if (lastComma > lastPoint) {
        commaProof++;
        pointGroups++;
        commaExample ||= raw.trim();
      } else {
        pointProof++;
        commaGroups++;
        pointExample ||= raw.trim();
      }
      continue;
    }
    const mark = lastComma >= 0 ? ',' : lastPoint >= 0 ? '.' : '';
    if (mark === '') continue;
    const first = core.indexOf(mark);
    const last = mark === ',' ? lastComma : lastPoint;
    const after = core.length - last - 1;
    const intPart = core.slice(0, first).replace(/\D/g, '');
    if (first !== last) {
      // Repeated mark: a group mark, so the other one is the decimal mark.
      if (mark === ',') {
        pointProof++;
        commaGroups++;
        pointExample ||= raw.trim();
      } else {
        commaProof++;
        pointGroups++;
        commaExample ||= raw.trim();
      }
    } else if (after !== 3 || intPart === '0' || intPart === '' || /[\s\u00a0\u202f']/.test(core)) {
      if (mark === ',') {
        commaProof++;
        commaExample ||= raw.trim();
      } else {
        pointProof++;
        pointExample ||= raw.trim();
      }
    } else if (mark === ',') {
      ambiguousComma++;
      ambiguousExample ||= raw.trim();
    } else {
      ambiguousPoint++;
      ambiguousExample ||= raw.trim();
    }
  }

  const spaceOrApostrophe = (): ThousandsMark =>
    spaceGroups === 0 && apostropheGroups === 0 ? '' : spaceGroups >= apostropheGroups ? ' ' : "'";

  if (commaProof > 0 || pointProof > 0) {
    const decimal: DecimalMark = commaProof > pointProof ? ',' : commaProof < pointProof ? '.' : ',';
    const conflicting = commaProof > 0 && pointProof > 0;
    const otherGroups = decimal === ',' ? pointGroups + ambiguousPoint : commaGroups + ambiguousComma;
    const thousands: ThousandsMark = otherGroups > 0 ? (decimal === ',' ? '.' : ',') : spaceOrApostrophe();
    const name = decimal === ',' ? 'a decimal comma' : 'a decimal point';
    const count = decimal === ',' ? commaProof : pointProof;
    const example = decimal === ',' ? commaExample : pointExample;
    const evidence = conflicting
      ? `The column mixes conventions: ${commaProof} value(s) such as '${commaExample}' use a decimal comma and ${pointProof} such as '${pointExample}' use a decimal point; reading it with ${name}.`
      : `${count} value(s) such as '${example}' use ${name}` +
        (thousands === '' ? '.' : ` and ${thousandsName(thousands)} as the thousands separator.`);
    const why: DetectionReason = conflicting
      ? { code: 'decimal-mixed', params: { commas: commaProof, commaExample, points: pointProof, pointExample, decimal } }
      : { code: thousands === '' ? 'decimal-proved' : 'decimal-proved-thousands', params: { count, example, decimal, thousands } };
    return { decimal, thousands, ambiguous: conflicting, evidence, why };
  }
  if (ambiguousComma > 0 || ambiguousPoint > 0) {
    const decimal: DecimalMark = ambiguousComma >= ambiguousPoint ? '.' : ',';
    const thousands: ThousandsMark = decimal === '.' ? ',' : '.';
    const mark = decimal === '.' ? 'a comma' : 'a point';
    return {
      decimal,
      thousands,
      ambiguous: true,
      evidence: `Values such as '${ambiguousExample}' could use ${mark} as a thousands separator or as a decimal mark; reading it as a thousands separator (${numberExample(decimal, thousands)}) is more likely but should be confirmed.`,
      why: { code: 'decimal-unsure', params: { example: ambiguousExample, mark: decimal === '.' ? ',' : '.', reading: numberExample(decimal, thousands) } },
    };
  }
  const thousands = spaceOrApostrophe();
  return {
    decimal: '.',
    thousands,
    ambiguous: false,
    evidence:
      thousands === ''
        ? 'No value has a decimal or thousands mark; whole numbers read the same in every convention.'
        : `Values use ${thousandsName(thousands)} between digit groups and no decimal mark.`,
    why: thousands === '' ? { code: 'decimal-no-marks' } : { code: 'decimal-digit-groups', params: { thousands } },
  };
}
