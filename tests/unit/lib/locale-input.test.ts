import { describe, expect, it } from 'vitest';
import { dateConvention, formatUserDate, formatUserNumber, numberMarks, parseUserDate, parseUserNumber } from '../../../src/lib/locale-input.ts';

describe('numbers typed in the user`s convention', () => {
  it('knows each locale`s marks from Intl', () => {
    expect(numberMarks('sl-SI')).toEqual({ decimal: ',', group: '.' });
    expect(numberMarks('en-GB')).toEqual({ decimal: '.', group: ',' });
    expect(numberMarks('de-DE')).toEqual({ decimal: ',', group: '.' });
    expect(numberMarks('et-EE').decimal).toBe(',');
    expect(numberMarks('et-EE').group).toBe(' ');
  });
  it('reads the locale`s decimal mark, plain integers, and the other mark when it can only be a decimal', () => {
    expect(parseUserNumber('35,5', 'sl-SI')).toBe(35.5);
    expect(parseUserNumber('35.5', 'en-GB')).toBe(35.5);
    expect(parseUserNumber('35.5', 'sl-SI')).toBe(35.5);
    expect(parseUserNumber('1.234,5', 'de-DE')).toBe(1234.5);
    expect(parseUserNumber('1 234,5', 'et-EE')).toBe(1234.5);
    expect(parseUserNumber('90', 'bg-BG')).toBe(90);
    expect(parseUserNumber('', 'sl-SI')).toBeNaN();
    expect(parseUserNumber('abc', 'sl-SI')).toBeNaN();
    // "1.234" in sl is one thousand two hundred thirty-four, never 1.234.
    expect(parseUserNumber('1.234', 'sl-SI')).toBe(1234);
  });
  it('writes numbers the way the user types them (no grouping)', () => {
    expect(formatUserNumber(35.5, 'sl-SI')).toBe('35,5');
    expect(formatUserNumber(1234.5, 'en-GB')).toBe('1234.5');
    expect(formatUserNumber(NaN, 'en-GB')).toBe('');
  });
});

describe('dates typed in the user`s convention', () => {
  it('knows the order and separator of each locale', () => {
    expect(dateConvention('sl-SI').order).toEqual(['day', 'month', 'year']);
    expect(dateConvention('en-US').order).toEqual(['month', 'day', 'year']);
    expect(dateConvention('de-DE')).toMatchObject({ order: ['day', 'month', 'year'], separator: '.', example: '31.12.2025' });
  });
  it('reads ISO everywhere and the locale`s numeric order', () => {
    expect(parseUserDate('2025-12-31', 'sl-SI')).toBe('2025-12-31');
    expect(parseUserDate('31. 12. 2025', 'sl-SI')).toBe('2025-12-31');
    expect(parseUserDate('31.12.2025', 'de-DE')).toBe('2025-12-31');
    expect(parseUserDate('31/12/2025', 'en-GB')).toBe('2025-12-31');
    expect(parseUserDate('12/31/2025', 'en-US')).toBe('2025-12-31');
    expect(parseUserDate('31.02.2025', 'de-DE')).toBeNull();
    expect(parseUserDate('12/31/2025', 'en-GB')).toBeNull();
    expect(parseUserDate('yesterday', 'en-GB')).toBeNull();
  });
  it('writes a day the way the user types it', () => {
    expect(formatUserDate('2025-12-31', 'de-DE')).toBe('31.12.2025');
    expect(formatUserDate('2025-12-31', 'sl-SI')).toBe('31.12.2025');
    expect(formatUserDate('2025-01-05', 'en-GB')).toBe('05/01/2025');
    expect(formatUserDate('', 'en-GB')).toBe('');
  });
});
