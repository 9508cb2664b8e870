import { describe, expect, it } from 'vitest';
import { formatBytes, formatDay, formatDuration, formatMoney, formatNumber, formatPercent, formatStoredDate } from '../../../src/lib/format.ts';

// Intl output contains narrow/normal no-break spaces in some locales; compare with plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('format', () => {
  it('formats days since epoch as UTC calendar days', () => {
    // 19448 days after 1970-01-01 is 2023-04-01 (19448 * 86400 = 1680307200 = 2023-04-01T00:00Z).
    expect(formatDay(19448, 'en-GB')).toBe('1 Apr 2023');
    expect(plain(formatDay(0, 'sl-SI'))).toBe('1. jan. 1970');
    expect(formatDay(null, 'en-GB')).toBe('—');
  });

  it('formats stored ISO dates as written, with the time when there is one, in no time zone', () => {
    expect(formatStoredDate('2023-04-01', 'en-GB')).toBe('1 Apr 2023');
    expect(plain(formatStoredDate('2023-04-01', 'sl-SI'))).toBe('1. apr. 2023');
    expect(formatStoredDate('2023-04-01T23:30:00', 'en-GB')).toBe('1 Apr 2023, 23:30');
    expect(formatStoredDate('not a date', 'en-GB')).toBe('not a date');
  });

  it('formats numbers and money per locale', () => {
    expect(formatNumber(1234567.891, 'en-GB')).toBe('1,234,567.89');
    expect(formatNumber(1234567.891, 'sl-SI')).toBe('1.234.567,89');
    expect(formatNumber(Number.NaN, 'sl-SI')).toBe('—');
    expect(formatMoney(1234.5, 'EUR', 'en-GB')).toBe('€1,234.50');
    // CLDR: Slovenian groups thousands only from five digits on (minimumGroupingDigits 2).
    expect(plain(formatMoney(1234.5, 'EUR', 'sl-SI'))).toBe('1234,50 €');
    expect(plain(formatMoney(12345.5, 'EUR', 'sl-SI'))).toBe('12.345,50 €');
    expect(formatMoney(10, 'not a code', 'en-GB')).toBe('10 not a code');
  });

  it('formats percents, durations and bytes', () => {
    expect(formatPercent(0.255, 'en-GB')).toBe('25.5%');
    expect(plain(formatPercent(0.255, 'sl-SI'))).toBe('25,5 %');
    expect(formatDuration(45, 'en-GB')).toBe('45 secs');
    expect(formatDuration(185, 'en-GB')).toBe('3 mins 5 secs');
    expect(formatDuration(3720, 'en-GB')).toBe('1 hr 2 mins');
    expect(plain(formatDuration(185, 'sl-SI'))).toBe('3 min 5 sek.');
    expect(formatDuration(null, 'en-GB')).toBe('—');
    expect(formatBytes(999, 'en-GB')).toBe('999 byte');
    expect(formatBytes(4_200_000, 'en-GB')).toBe('4.2 MB');
  });
});
