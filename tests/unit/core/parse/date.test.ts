import { describe, expect, it } from 'vitest';
import { dayToIso, daysFromCivil, excelSerialToDay, isoToDay, monthIndexOfDay, parseDate } from '../../../../src/core/parse/date.ts';
import { detectDateOrder, explainDate } from '../../../../src/core/parse/date-detect.ts';
import { column } from './fixtures.ts';

// 2024-01-15 is day 19737: 2024-01-01 is 54 years x 365 + 13 leap days (1972..2020) = 19723, plus 14.
const JAN15 = 19737;

describe('calendar arithmetic (Hinnant days_from_civil / civil_from_days)', () => {
  it('monthIndexOfDay agrees with dayToIso on month edges, leap days and before the epoch', () => {
    expect(monthIndexOfDay(0)).toBe(1970 * 12);
    expect(monthIndexOfDay(JAN15)).toBe(2024 * 12);
    expect(monthIndexOfDay(daysFromCivil(2024, 2, 29))).toBe(2024 * 12 + 1);
    expect(monthIndexOfDay(daysFromCivil(2024, 3, 1) - 1)).toBe(2024 * 12 + 1);
    expect(monthIndexOfDay(-1)).toBe(1969 * 12 + 11);
    for (let d = daysFromCivil(1899, 12, 1); d < daysFromCivil(2101, 1, 1); d += 17) {
      const [y, m] = dayToIso(d).split('-').map(Number);
      expect(monthIndexOfDay(d)).toBe(y * 12 + m - 1);
    }
  });
  it('anchors: the epoch, 2000-03-01 and 2024-01-15', () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(daysFromCivil(1969, 12, 31)).toBe(-1);
    expect(daysFromCivil(2000, 3, 1)).toBe(11017); // Hinnant's paper example
    expect(daysFromCivil(2024, 1, 15)).toBe(JAN15);
    expect(dayToIso(0)).toBe('1970-01-01');
    expect(dayToIso(JAN15)).toBe('2024-01-15');
    expect(dayToIso(JAN15 + 0.75)).toBe('2024-01-15');
    expect(dayToIso(NaN)).toBe('');
  });
  it('dayToIso and isoToDay round-trip every day of 1900..2100', () => {
    const first = isoToDay('1900-01-01');
    const last = isoToDay('2100-12-31');
    expect(first).toBe(-25567);
    expect(last - first + 1).toBe(201 * 365 + 49); // 49 leap years: 1904..2096 (2000 is one; 1900, 2100 are not)
    let failures = 0;
    let prevIso = '';
    for (let d = first; d <= last; d++) {
      const iso = dayToIso(d);
      if (isoToDay(iso) !== d || iso <= prevIso) failures++;
      prevIso = iso;
    }
    expect(failures).toBe(0);
  });
  it('leap years: 2024-02-29 and 2000-02-29 exist, 2023-02-29 and 1900-02-29 do not', () => {
    expect(isoToDay('2024-02-29')).toBe(19782);
    expect(isoToDay('2000-02-29')).toBe(11016);
    expect(isoToDay('2023-02-29')).toBeNaN();
    expect(isoToDay('1900-02-29')).toBeNaN();
    expect(parseDate('29.02.2024', 'DMY')).toBe(19782);
    expect(parseDate('29.02.2023', 'DMY')).toBeNaN();
    expect(parseDate('1900-02-29', 'YMD')).toBeNaN();
  });
  it('isoToDay is strict', () => {
    for (const t of ['2024-1-15', '2024-01-15 ', '15.01.2024', '2024-13-01', '2024-00-10', '2024-01-32', ''])
      expect(isoToDay(t)).toBeNaN();
  });
  it('excelSerialToDay: 45306 is 2024-01-15 (manifest excel-serial-dates.csv)', () => {
    expect(dayToIso(excelSerialToDay(45306))).toBe('2024-01-15');
    expect(excelSerialToDay(25569)).toBe(0);
    expect(excelSerialToDay(60)).toBeNaN(); // Excel's fake 1900-02-29
  });
});

describe('parseDate', () => {
  it('reads compact year-first dates: yymmdd (930101) and yyyymmdd (20240115), whatever the order', () => {
    expect(dayToIso(parseDate('930101', 'DMY'))).toBe('1993-01-01');
    expect(dayToIso(parseDate('050228', 'YMD'))).toBe('2005-02-28');
    expect(dayToIso(parseDate('20240115', 'MDY'))).toBe('2024-01-15');
    expect(parseDate('930230', 'YMD')).toBeNaN();
    expect(parseDate('12345678', 'YMD')).toBeNaN();
    expect(detectDateOrder(['930101', '930215'])).toMatchObject({ order: 'YMD', ambiguous: false });
  });
  it('ISO dates whatever the order', () => {
    for (const order of ['YMD', 'DMY', 'MDY'] as const) {
      expect(parseDate('2024-01-15', order)).toBe(JAN15);
      expect(parseDate('2024/01/15', order)).toBe(JAN15);
      expect(parseDate('2024.01.15.', order)).toBe(JAN15);
    }
  });
  it('dotted dates are day first whatever the order, with the Slovene trailing dot', () => {
    for (const order of ['YMD', 'DMY', 'MDY'] as const) {
      expect(parseDate('15.01.2024', order)).toBe(JAN15);
      expect(parseDate('15.1.2024', order)).toBe(JAN15);
      expect(parseDate('15.01.2024.', order)).toBe(JAN15);
    }
  });
  it('slash and dash dates follow the order; YMD order refuses them', () => {
    expect(parseDate('15/01/2024', 'DMY')).toBe(JAN15);
    expect(parseDate('01/15/2024', 'MDY')).toBe(JAN15);
    expect(parseDate('1/15/2024', 'MDY')).toBe(JAN15);
    expect(parseDate('15-01-2024', 'DMY')).toBe(JAN15);
    expect(parseDate('01-15-2024', 'MDY')).toBe(JAN15);
    expect(parseDate('01/02/2024', 'DMY')).toBe(isoToDay('2024-02-01'));
    expect(parseDate('01/02/2024', 'MDY')).toBe(isoToDay('2024-01-02'));
    expect(parseDate('15/01/2024', 'MDY')).toBeNaN();
    expect(parseDate('15/01/2024', 'YMD')).toBeNaN();
  });
  it('two-digit years: 00-69 are 20xx, 70-99 are 19xx', () => {
    expect(parseDate('1/15/24', 'MDY')).toBe(JAN15);
    expect(parseDate('15.01.24', 'DMY')).toBe(JAN15);
    expect(parseDate('31/12/69', 'DMY')).toBe(isoToDay('2069-12-31'));
    expect(parseDate('01/01/70', 'DMY')).toBe(0);
    expect(parseDate('1/15/024', 'MDY')).toBeNaN();
  });
  it('adds the time of day as a fraction, ignoring zones (the day as written)', () => {
    expect(parseDate('2024-01-15 13:45', 'YMD')).toBeCloseTo(JAN15 + (13 * 60 + 45) / 1440, 10);
    expect(parseDate('2024-01-15T13:45:10Z', 'YMD')).toBeCloseTo(JAN15 + (13 * 3600 + 45 * 60 + 10) / 86400, 10);
    expect(parseDate('15.01.2024 08:00', 'DMY')).toBeCloseTo(JAN15 + 8 / 24, 10);
    expect(parseDate('1/15/2024 1:45 PM', 'MDY')).toBeCloseTo(JAN15 + (13 * 60 + 45) / 1440, 10);
    expect(parseDate('1/15/2024 12:05 am', 'MDY')).toBeCloseTo(JAN15 + 5 / 1440, 10);
    expect(parseDate('1/15/2024 12:00 p.m.', 'MDY')).toBeCloseTo(JAN15 + 0.5, 10);
    expect(parseDate('2024-01-15T23:30:00-05:00', 'YMD')).toBeCloseTo(JAN15 + 23.5 / 24, 10);
    expect(parseDate('2024-01-15 13:45:10 +0100', 'YMD')).toBeCloseTo(JAN15 + (13 * 3600 + 45 * 60 + 10) / 86400, 10);
    expect(parseDate('2024-01-15 00:00:00 UTC', 'YMD')).toBe(JAN15);
    expect(parseDate('2024-01-15T10:00:00.500Z', 'YMD')).toBeCloseTo(JAN15 + 36000.5 / 86400, 10);
    expect(parseDate('  2024-01-15  ', 'YMD')).toBe(JAN15);
  });
  it('returns NaN for impossible dates and times (not rolled over like Date)', () => {
    for (const t of ['2024-02-30', '2024-13-01', '2024-00-01', '2024-04-31', '31.04.2024', '32.01.2024', '00.01.2024'])
      expect(parseDate(t, 'DMY')).toBeNaN();
    for (const t of ['2024-01-15 24:00', '2024-01-15 12:60', '2024-01-15 13:45 PM', '2024-01-15 0:30 AM', '2024-01-15 12:00:61'])
      expect(parseDate(t, 'YMD')).toBeNaN();
  });
  it('returns NaN for wrong shapes', () => {
    for (const t of ['March 10, 2024', '202401150', '2024-01', '15.01', '45306', '4.5', '', 'x', '2024-01-15x', '2024-01/15', '15/01.2024', '2024-01-15 13', '123.01.2024'])
      expect(parseDate(t, 'DMY')).toBeNaN();
  });
  it('hostile-inputs/date-invalid.csv: only line 3 (2024-02-30) fails', () => {
    const values = column('hostile-inputs/date-invalid.csv', 'signup_date');
    expect(values.map((v) => Number.isNaN(parseDate(v, 'YMD')))).toEqual([false, true, false]);
  });
  it('hostile-inputs/date-dmy-provable.csv gives 2024-02-01, 2024-02-13, 2024-06-05 (manifest check)', () => {
    const values = column('hostile-inputs/date-dmy-provable.csv', 'signup_date');
    const { order } = detectDateOrder(values);
    expect(values.map((v) => dayToIso(parseDate(v, order)))).toEqual(['2024-02-01', '2024-02-13', '2024-06-05']);
  });
  it('hostile-inputs/semicolon-decimal-comma.csv gives 2024-01-15, 2024-02-01, 2024-03-10 (manifest check)', () => {
    const values = column('hostile-inputs/semicolon-decimal-comma.csv', 'signup_date', ';');
    const { order } = detectDateOrder(values);
    expect(order).toBe('DMY');
    expect(values.map((v) => dayToIso(parseDate(v, order)))).toEqual(['2024-01-15', '2024-02-01', '2024-03-10']);
  });
});

describe('explainDate', () => {
  it('says which calendar rule was broken', () => {
    expect(explainDate('2024-02-30', 'YMD')).toBe("'2024-02-30' is not a real date: February 2024 has 29 days");
    expect(explainDate('2023-02-29', 'YMD')).toBe("'2023-02-29' is not a real date: February 2023 has 28 days");
    expect(explainDate('15/01/2024', 'MDY')).toBe(
      "'15/01/2024' has month 15, but months run from 1 to 12 (read as month/day; is the order right?)",
    );
  });
  it('names ambiguous order, Excel serials, month names and times', () => {
    expect(explainDate('01/02/2024', 'YMD')).toMatch(/day-first or month-first/);
    expect(explainDate('45306', 'YMD')).toMatch(/Excel serial day number \(45306 = 2024-01-15\)/);
    expect(explainDate('March 10, 2024', 'DMY')).toMatch(/month as a word/);
    expect(explainDate('2024011500', 'DMY')).toMatch(/without separators/);
    expect(explainDate('20241315', 'DMY')).toBe("'20241315' is not a real date read as yyyymmdd");
    expect(explainDate('2024-01-15 25:00', 'YMD')).toMatch(/time/);
  });
});

describe('detectDateOrder', () => {
  it('hostile-inputs/date-ambiguous.csv: every date fits both orders -> ambiguous, ask the user', () => {
    const g = detectDateOrder(column('hostile-inputs/date-ambiguous.csv', 'signup_date'));
    expect(g).toMatchObject({ ambiguous: true, excelSerial: false, mixed: false });
    expect(g.evidence).toMatch(/fit both day\/month and month\/day/);
  });
  it('hostile-inputs/date-dmy-provable.csv: 13/02/2024 settles day first', () => {
    const g = detectDateOrder(column('hostile-inputs/date-dmy-provable.csv', 'signup_date'));
    expect(g).toMatchObject({ order: 'DMY', ambiguous: false, excelSerial: false, mixed: false });
    expect(g.evidence).toMatch(/13\/02\/2024/);
  });
  it('a second part over 12 settles month first', () => {
    expect(detectDateOrder(['01/02/2024', '12/31/2023'])).toMatchObject({ order: 'MDY', ambiguous: false });
  });
  it('contradicting proofs are ambiguous', () => {
    expect(detectDateOrder(['13/01/2024', '01/13/2024'])).toMatchObject({ ambiguous: true });
  });
  it('hostile-inputs/date-mixed-formats.csv: three shapes in one column -> mixed', () => {
    const values = column('hostile-inputs/date-mixed-formats.csv', 'signup_date');
    // The third value is unquoted, so a CSV reader splits it: 'March 10' and ' 2024'.
    expect(values).toEqual(['2024-01-15', '01.02.2024', 'March 10']);
    expect(detectDateOrder(values).mixed).toBe(true);
    expect(detectDateOrder(['2024-01-15', '15/01/2024']).mixed).toBe(true);
  });
  it('hostile-inputs/excel-serial-dates.csv -> excelSerial', () => {
    const g = detectDateOrder(column('hostile-inputs/excel-serial-dates.csv', 'signup_date'));
    expect(g).toMatchObject({ excelSerial: true, ambiguous: false });
    expect(g.evidence).toMatch(/45306 = 2024-01-15/);
    expect(detectDateOrder(['12345', '45306']).excelSerial).toBe(false);
  });
  it('ISO is YMD; dotted is DMY; null tokens are skipped', () => {
    expect(detectDateOrder(['2024-01-15', '2024-01-16T10:00Z', 'N/A', ''])).toMatchObject({
      order: 'YMD',
      ambiguous: false,
      mixed: false,
    });
    expect(detectDateOrder(['01.02.2024', '03.04.2024'])).toMatchObject({ order: 'DMY', ambiguous: false });
  });
  it('an empty column is not ambiguous', () => {
    expect(detectDateOrder([])).toMatchObject({ order: 'YMD', ambiguous: false, excelSerial: false, mixed: false });
  });
});
