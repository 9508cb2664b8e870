import { describe, expect, it } from 'vitest';
import { detectNumberFormat, explainNumber, parseLocaleNumber } from '../../../../src/core/parse/number.ts';
import { column, readCsv } from './fixtures.ts';

const p = parseLocaleNumber;

describe('parseLocaleNumber', () => {
  it('parses plain numbers with a decimal point', () => {
    expect(p('1234.56', '.', '')).toBe(1234.56);
    expect(p('42', '.', '')).toBe(42);
    expect(p('0.1', '.', '')).toBe(0.1);
    expect(p('.5', '.', '')).toBe(0.5);
    expect(p(' 7 ', '.', '')).toBe(7);
    expect(p('1.234567', '.', '')).toBe(1.234567); // csvkit test_precision.csv: no precision loss
  });
  it('parses each locale convention named in DESIGN.md section 1', () => {
    expect(p('1,234.56', '.', ',')).toBe(1234.56);
    expect(p('1.234,56', ',', '.')).toBe(1234.56);
    expect(p('1 234,56', ',', ' ')).toBe(1234.56);
    expect(p('1\u00a0234,56', ',', '.')).toBe(1234.56); // NBSP
    expect(p('1\u202f234,56', ',', '')).toBe(1234.56); // narrow NBSP (French Excel)
    expect(p("1'234.56", '.', "'")).toBe(1234.56); // Swiss
    expect(p('1\u2019234.56', '.', '')).toBe(1234.56);
    expect(p('1,234,567.8', '.', ',')).toBe(1234567.8);
    expect(p('1.234.567', ',', '.')).toBe(1234567);
  });
  it('parses signs, accounting negatives and -0', () => {
    expect(p('-12.5', '.', '')).toBe(-12.5);
    expect(p('+12.5', '.', '')).toBe(12.5);
    expect(p('\u221212,5', ',', '.')).toBe(-12.5); // U+2212 minus sign
    expect(p('(12.00)', '.', ',')).toBe(-12);
    expect(p('(1.234,50 €)', ',', '.')).toBe(-1234.5);
    expect(Object.is(p('-0', '.', ''), 0)).toBe(true);
    expect(Object.is(p('-0,00', ',', '.'), 0)).toBe(true);
  });
  it('accepts currency signs and ISO codes before or after the number', () => {
    expect(p('€ 12,50', ',', '.')).toBe(12.5);
    expect(p('12,50 €', ',', '.')).toBe(12.5);
    expect(p('-€12.50', '.', ',')).toBe(-12.5);
    expect(p('€-12.50', '.', ',')).toBe(-12.5);
    expect(p('49.00 EUR', '.', ',')).toBe(49);
    expect(p('USD 1,000', '.', ',')).toBe(1000);
    expect(p('US$ 5', '.', '')).toBe(5);
    expect(p('£3.20', '.', ',')).toBe(3.2);
    expect(p('¥500', '.', ',')).toBe(500);
    expect(p('12,99 zł', ',', ' ')).toBe(12.99);
    expect(p('1 299 Kč', ',', ' ')).toBe(1299);
    expect(p('5,20 лв', ',', ' ')).toBe(5.2);
    expect(p('5,20 лв.', ',', ' ')).toBe(5.2);
    expect(p('5 000 ֏', '.', ' ')).toBe(5000);
    expect(p('100 kr', ',', '.')).toBe(100);
    expect(p('12 BGN', '.', '')).toBe(12);
    expect(p('7000 AMD', '.', '')).toBe(7000);
  });
  it('rejects what JavaScript accepts but money never is (hostile-inputs/number-specials.csv)', () => {
    for (const t of ['NaN', 'Infinity', '-Infinity', '1e308', '1E5', '1.5e-3', '0x1A', '0b11', '12%', '12.5-', 'abc', '', '-', '()', '1..2', '1,2,3'])
      expect(p(t, '.', ',')).toBeNaN();
  });
  it('rejects text that is ambiguous against the given convention', () => {
    expect(p('1,234.56', ',', '.')).toBeNaN();
    expect(p('1.234,56', '.', ',')).toBeNaN();
    expect(p('1,234.56', '.', '')).toBeNaN(); // no thousands mark declared
    expect(p('1.5', ',', '.')).toBeNaN(); // '.' is the group mark: a 1-digit group is wrong
    expect(p('12,5', '.', ',')).toBeNaN();
    expect(p('1,23,456', '.', ',')).toBeNaN(); // Indian lakh grouping is not accepted
    expect(p('1 234.567 8', '.', '')).toBeNaN();
    expect(p("1'234,567.8", '.', ',')).toBeNaN(); // mixed group marks
    expect(p('12 34', '.', '')).toBeNaN();
    expect(p('(-12)', '.', '')).toBeNaN();
    expect(p('(12', '.', '')).toBeNaN();
    expect(p('12 XX', '.', '')).toBeNaN();
  });
  it('reads long mantissas through the slow path and rejects overflow', () => {
    // More than 15 digits: rounded exactly as Number() rounds the plain decimal text.
    expect(p('12345678901234567', '.', '')).toBe(Number('12345678901234567'));
    expect(p('0.12345678901234567', '.', '')).toBe(Number('0.12345678901234567'));
    expect(p('1 234 567 890 123 456,78', ',', ' ')).toBe(Number('1234567890123456.78'));
    expect(p('9'.repeat(400), '.', '')).toBeNaN();
  });
  it('hostile-inputs/amount-formats.csv parses with the user-confirmed format 1,234.56 (manifest note)', () => {
    const mrr = column('hostile-inputs/amount-formats.csv', 'mrr');
    expect(mrr).toEqual(['$1,234.56', '1 234.56', '(12.00)', '-', '49.00 EUR']);
    // '-' is a null token: the caller checks isNullToken first; the parser alone rejects it.
    expect(mrr.map((v) => p(v, '.', ','))).toEqual([1234.56, 1234.56, -12, NaN, 49]);
  });
  it('hostile-inputs/number-specials.csv: lines 2, 3, 4 and 6 are rejected, -0 is accepted as 0', () => {
    const mrr = column('hostile-inputs/number-specials.csv', 'mrr');
    expect(mrr).toEqual(['NaN', 'Infinity', '1e308', '-0', '0x1A']);
    expect(mrr.map((v) => p(v, '.', ','))).toEqual([NaN, NaN, NaN, 0, NaN]);
  });
  it('hostile-inputs/semicolon-decimal-comma.csv gives mrr [1234.56, 19, 49] (manifest check)', () => {
    const mrr = column('hostile-inputs/semicolon-decimal-comma.csv', 'mrr', ';');
    const fmt = detectNumberFormat(mrr);
    expect(fmt.decimal).toBe(',');
    expect(fmt.thousands).toBe('.');
    expect(fmt.ambiguous).toBe(false);
    expect(mrr.map((v) => p(v, fmt.decimal, fmt.thousands))).toEqual([1234.56, 19, 49]);
  });
  it('csvkit test_locale.csv read as de_DE gives 1.7 and 200000000 (csvkit test_locale_converted.csv)', () => {
    const { rows } = readCsv('csvkit-examples/test_locale.csv');
    expect(rows[0].slice(0, 2)).toEqual(['1,7', '200.000.000']);
    expect(p(rows[0][0], ',', '.')).toBe(1.7);
    expect(p(rows[0][1], ',', '.')).toBe(200000000);
  });
});

describe('explainNumber', () => {
  it('names the decimal comma read with a decimal point', () => {
    expect(explainNumber('1.234,56', '.', ',')).toBe(
      "'1.234,56' has a decimal comma but the file was read with a decimal point",
    );
    expect(explainNumber('12,5', '.', '')).toBe("'12,5' has a decimal comma but the file was read with a decimal point");
  });
  it('names the decimal point read with a decimal comma', () => {
    expect(explainNumber('1,234.56', ',', '.')).toBe(
      "'1,234.56' has a decimal point but the file was read with a decimal comma",
    );
  });
  it('explains specials, exponents, hex and trailing minus', () => {
    expect(explainNumber('NaN', '.', '')).toBe("'NaN' is not a number");
    expect(explainNumber('1e308', '.', '')).toMatch(/scientific notation/);
    expect(explainNumber('0x1A', '.', '')).toMatch(/hexadecimal/);
    expect(explainNumber('12.5-', '.', '')).toMatch(/trailing minus/);
    expect(explainNumber('12%', '.', '')).toMatch(/percentage/);
    expect(explainNumber('abc', '.', '')).toBe("'abc' has no digits");
    expect(explainNumber('1,23,456', '.', ',')).toMatch(/not a number written as 1,234\.56/);
    expect(explainNumber('12 XX', '.', '')).toMatch(/letters/);
  });
});

describe('detectNumberFormat', () => {
  it('a value with both marks settles it: the last one is the decimal mark', () => {
    expect(detectNumberFormat(['1.234,56', '12'])).toMatchObject({ decimal: ',', thousands: '.', ambiguous: false });
    expect(detectNumberFormat(['1,234.56', '12'])).toMatchObject({ decimal: '.', thousands: ',', ambiguous: false });
  });
  it('a single mark not followed by three digits is the decimal mark', () => {
    expect(detectNumberFormat(['12,5', '3,75', '4'])).toMatchObject({ decimal: ',', thousands: '', ambiguous: false });
    expect(detectNumberFormat(['12.5', '3.75'])).toMatchObject({ decimal: '.', thousands: '', ambiguous: false });
    expect(detectNumberFormat(['0,125'])).toMatchObject({ decimal: ',', ambiguous: false });
  });
  it('a repeated mark is a thousands mark', () => {
    expect(detectNumberFormat(['1.234.567'])).toMatchObject({ decimal: ',', thousands: '.', ambiguous: false });
    expect(detectNumberFormat(['1,234,567'])).toMatchObject({ decimal: '.', thousands: ',', ambiguous: false });
  });
  it('only 1,234-style values are ambiguous, with the thousands reading as the more likely one', () => {
    const g = detectNumberFormat(['1,234', '2,000', '15']);
    expect(g).toMatchObject({ decimal: '.', thousands: ',', ambiguous: true });
    expect(g.evidence).toMatch(/'1,234'/);
    expect(detectNumberFormat(['1.234', '2.000'])).toMatchObject({ decimal: ',', thousands: '.', ambiguous: true });
  });
  it('1,234 next to a proving value is settled by it', () => {
    expect(detectNumberFormat(['1,234', '12,50'])).toMatchObject({ decimal: ',', ambiguous: false });
    expect(detectNumberFormat(['1,234', '1,234.50'])).toMatchObject({ decimal: '.', thousands: ',', ambiguous: false });
  });
  it('spaces and apostrophes between groups are the thousands mark', () => {
    expect(detectNumberFormat(['1 234,56', '99,90'])).toMatchObject({ decimal: ',', thousands: ' ', ambiguous: false });
    expect(detectNumberFormat(["1'234.56"])).toMatchObject({ decimal: '.', thousands: "'", ambiguous: false });
  });
  it('integers only: decimal point, no thousands mark, not ambiguous', () => {
    const g = detectNumberFormat(['12', '49', 'N/A', '']);
    expect(g).toMatchObject({ decimal: '.', thousands: '', ambiguous: false });
    expect(g.evidence).toMatch(/whole numbers/);
  });
  it('contradicting proofs are reported as ambiguous', () => {
    const g = detectNumberFormat(['1.234,56', '1,234.56', '2,5']);
    expect(g.decimal).toBe(',');
    expect(g.ambiguous).toBe(true);
    expect(g.evidence).toMatch(/mixes conventions/);
  });
  it('currency marks do not confuse it (hostile-inputs/amount-formats.csv)', () => {
    const mrr = column('hostile-inputs/amount-formats.csv', 'mrr');
    expect(detectNumberFormat(mrr)).toMatchObject({ decimal: '.', thousands: ',', ambiguous: false });
  });
  it('evidence is an English sentence', () => {
    expect(detectNumberFormat(['1.234,56', '19,00']).evidence).toBe(
      "2 value(s) such as '1.234,56' use a decimal comma and '.' as the thousands separator.",
    );
  });
});
