/**
 * The slow paths of date reading: how a value is written (its shape), why a value is not a date
 * (for the issue list), and a column's day/month order decided from all of its values
 * (DESIGN.md section 1). The fast parser is date.ts.
 */
import { dayToIso, daysInMonth, excelSerialToDay, expandYear, parseDate, runEnd, runValue } from './date.ts';
import type { DetectionReason } from './detection-reason.ts';
import type { DateOrder } from './formats.ts';
import { isNullToken } from './null-token.ts';

// Parts of the last scanDateParts call: used only by the slow paths (dateShape, explainDate).
let p1 = 0;
let p2 = 0;
let p3 = 0;
let len1 = 0;
let len3 = 0;
let sep = 0;

/** Scans `n sep n sep n` at the start of text; fills p1..p3, len1, len3, sep. False if not that shape. */
function scanDateParts(text: string): boolean {
  const e = text.length;
  const j1 = runEnd(text, 0, e, 9);
  len1 = j1;
  if (len1 === 0 || j1 >= e) return false;
  sep = text.charCodeAt(j1);
  if (sep !== 0x2d && sep !== 0x2f && sep !== 0x2e) return false;
  const j2 = runEnd(text, j1 + 1, e, 3);
  if (j2 === j1 + 1 || j2 - j1 - 1 > 2 || j2 >= e || text.charCodeAt(j2) !== sep) return false;
  const j3 = runEnd(text, j2 + 1, e, 9);
  len3 = j3 - j2 - 1;
  p1 = runValue(text, 0, j1);
  p2 = runValue(text, j1 + 1, j2);
  p3 = runValue(text, j2 + 1, j3);
  return len3 > 0;
}

/** How a date value is written, for consistency checks across a column. */
export type DateShape = 'ymd' | 'dotted' | 'slash' | 'dash' | 'serial' | 'compact' | 'other';

const RE_SERIAL = /^\d{5}(?:[.,]\d+)?$/;
const RE_COMPACT = /^(?:\d{6}|\d{8})$/;

/** Classifies a (non-null) date cell by shape; fills p1/p2 for slash/dash dates. Slow-ish: trims. */
export function dateShape(text: string): DateShape {
  const t = text.trim();
  if (RE_SERIAL.test(t)) return 'serial';
  if (RE_COMPACT.test(t)) return 'compact';
  if (!scanDateParts(t)) return 'other';
  if (len1 === 4 && len3 <= 2) return 'ymd';
  if (len1 > 2 || (len3 !== 2 && len3 !== 4)) return 'other';
  if (sep === 0x2e) return 'dotted';
  return sep === 0x2f ? 'slash' : 'dash';
}

/**
 * Explains in English why {@link parseDate} returned NaN (slow path, for the issue list).
 *
 * @example explainDate('2024-02-30', 'YMD') // "'2024-02-30' is not a real date: February 2024 has 29 days"
 */
export function explainDate(text: string, order: DateOrder): string {
  const t = text.trim();
  const q = `'${t}'`;
  if (!Number.isNaN(parseDate(text, order))) return `${q} is a valid date`;
  if (t === '') return 'the value is empty';
  const shape = dateShape(t);
  if (shape === 'serial')
    return `${q} looks like an Excel serial day number (${t.split(/[.,]/)[0]} = ${dayToIso(excelSerialToDay(Number.parseInt(t, 10)))}), not a date`;
  if (shape === 'compact') return `${q} is not a real date read as ${t.length === 6 ? 'yymmdd' : 'yyyymmdd'}`;
  if (shape === 'other') {
    if (/^\d+$/.test(t)) return `${q} is a number without separators; write dates as yyyy-mm-dd`;
    if (/[a-z]{3}/i.test(t) && /\d/.test(t))
      return `${q} spells the month as a word; only numeric dates (2024-01-15, 15.01.2024, 15/01/2024) are accepted`;
    return `${q} is not a date in a known format (2024-01-15, 15.01.2024, 15/01/2024, 01/15/2024)`;
  }
  scanDateParts(t);
  let y: number;
  let m: number;
  let d: number;
  if (shape === 'ymd') [y, m, d] = [p1, p2, p3];
  else {
    y = expandYear(p3, len3);
    if (shape === 'dotted' || order === 'DMY') [m, d] = [p2, p1];
    else if (order === 'MDY') [m, d] = [p1, p2];
    else return `${q} could be day-first or month-first; choose the date order for this column`;
  }
  if (m < 1 || m > 12) {
    const hint =
      shape === 'slash' || shape === 'dash'
        ? ` (read as ${order === 'DMY' ? 'day/month' : 'month/day'}; is the order right?)`
        : '';
    return `${q} has month ${m}, but months run from 1 to 12${hint}`;
  }
  if (d < 1 || d > daysInMonth(y, m)) {
    const monthName = MONTHS[m - 1];
    return `${q} is not a real date: ${monthName} ${y} has ${daysInMonth(y, m)} days`;
  }
  return `${q} has a date but the time after it is not understood (use 13:45, 13:45:10 or 1:45 PM)`;
}

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** The date order of a column, decided from its values. */
export interface DateOrderGuess {
  readonly order: DateOrder;
  /** Only day/month-ambiguous slash or dash dates (or contradicting proofs): ask the user. */
  readonly ambiguous: boolean;
  /** All values are whole or fractional numbers in 20000..80000: Excel serial days (ask the user). */
  readonly excelSerial: boolean;
  /** More than one date shape (ISO and dd.mm.yyyy, say) in one column. */
  readonly mixed: boolean;
  /** An English sentence saying what decided it, for the command line. */
  readonly evidence: string;
  /** The same as a code with params, for the page (`formats`: the shapes a mixed column has). */
  readonly why: DetectionReason;
}

/**
 * Decides a date column's day/month order from all of its sample values (DESIGN.md section 1:
 * "a value > 12 settles it").
 *
 * Per value: year-first is YMD; dotted is DMY; for slash/dash dates a first part > 12 proves
 * DMY and a second part > 12 proves MDY, otherwise the value proves nothing. The column is
 * ambiguous when slash/dash dates exist and none proves the order (the caller asks the user
 * and never guesses; the order returned is then DMY, the European default), or when proofs
 * contradict. Plain numbers 20000..80000 throughout are Excel serial days. Null tokens are
 * skipped. Complexity O(total length).
 *
 * @example detectDateOrder(['01/02/2024', '13/02/2024']) // { order: 'DMY', ambiguous: false, ... }
 */
export function detectDateOrder(samples: readonly string[]): DateOrderGuess {
  const shapes = new Set<DateShape>();
  let dmy = 0;
  let mdy = 0;
  let undecided = 0;
  let serials = 0;
  let values = 0;
  let dmyExample = '';
  let mdyExample = '';
  let undecidedExample = '';
  for (const raw of samples) {
    const t = raw.trim();
    if (t === '' || isNullToken(t)) continue;
    values++;
    const shape = dateShape(t);
    shapes.add(shape);
    if (shape === 'serial') {
      const v = Number(t.replace(',', '.'));
      if (v >= 20000 && v <= 80000) serials++;
      continue;
    }
    if (shape === 'slash' || shape === 'dash') {
      if (p1 > 12 && p2 <= 12) {
        dmy++;
        dmyExample ||= t;
      } else if (p2 > 12 && p1 <= 12) {
        mdy++;
        mdyExample ||= t;
      } else if (p1 <= 12 && p2 <= 12) {
        undecided++;
        undecidedExample ||= t;
      }
    } else if (shape === 'dotted') {
      dmy++;
      dmyExample ||= t;
    }
  }
  const recognised = [...shapes].filter((x) => x !== 'other');
  const mixed = recognised.length > 1 || (recognised.length === 1 && shapes.has('other'));
  if (values > 0 && serials === values) {
    return {
      order: 'YMD',
      ambiguous: false,
      excelSerial: true,
      mixed: false,
      evidence: `All ${values} value(s) are numbers between 20000 and 80000, which look like Excel serial day numbers (45306 = 2024-01-15).`,
      why: { code: 'date-excel-serial', params: { count: values } },
    };
  }
  const mixedNote = mixed ? ` The column mixes date formats (${[...shapes].join(', ')}).` : '';
  const because = (code: DetectionReason['code'], params: Record<string, string | number> = {}): DetectionReason => ({ code, params: mixed ? { ...params, formats: shapes.size } : params });
  if (dmy > 0 && mdy > 0) {
    return {
      order: dmy >= mdy ? 'DMY' : 'MDY',
      ambiguous: true,
      excelSerial: false,
      mixed,
      evidence: `Some values prove day-first ('${dmyExample}') and others month-first ('${mdyExample}'); the column is inconsistent.${mixedNote}`,
      why: because('date-inconsistent', { dmy: dmyExample, mdy: mdyExample }),
    };
  }
  if (dmy > 0)
    return {
      order: 'DMY',
      ambiguous: false,
      excelSerial: false,
      mixed,
      evidence: `Day first: '${dmyExample}' can only be read day first.${mixedNote}`,
      why: because('date-day-first', { example: dmyExample }),
    };
  if (mdy > 0)
    return {
      order: 'MDY',
      ambiguous: false,
      excelSerial: false,
      mixed,
      evidence: `Month first: '${mdyExample}' can only be read month first.${mixedNote}`,
      why: because('date-month-first', { example: mdyExample }),
    };
  if (undecided > 0)
    return {
      order: 'DMY',
      ambiguous: true,
      excelSerial: false,
      mixed,
      evidence: `All ${undecided} slash date(s) such as '${undecidedExample}' fit both day/month and month/day; choose the order.${mixedNote}`,
      why: because('date-unsure', { count: undecided, example: undecidedExample }),
    };
  if (shapes.has('compact') && !shapes.has('ymd'))
    return {
      order: 'YMD',
      ambiguous: false,
      excelSerial: false,
      mixed,
      evidence: `Dates are written without separators, year first (yymmdd or yyyymmdd: 930101 = 1993-01-01).${mixedNote}`,
      why: because('date-compact'),
    };
  if (shapes.has('ymd'))
    return {
      order: 'YMD',
      ambiguous: false,
      excelSerial: false,
      mixed,
      evidence: `Dates are written year first (ISO 8601).${mixedNote}`,
      why: because('date-iso'),
    };
  return {
    order: 'YMD',
    ambiguous: false,
    excelSerial: false,
    mixed,
    evidence: values === 0 ? 'The column has no values.' : 'No value is a date in a known format.',
    why: because(values === 0 ? 'date-no-values' : 'date-no-format'),
  };
}
