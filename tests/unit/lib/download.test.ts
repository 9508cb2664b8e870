/** File names built from user text (workspace names) are safe on every desktop OS. */
import { describe, expect, it } from 'vitest';
import { safeFileName } from '../../../src/lib/download.ts';

describe('safeFileName', () => {
  it('keeps letters of any script, digits, - _ and .', () => {
    expect(safeFileName('keepwise-Trgovina Žabica-2024-Q1', 'csv')).toBe('keepwise-Trgovina-Žabica-2024-Q1.csv');
    expect(safeFileName('Ресторан_1', 'png')).toBe('Ресторан_1.png');
  });

  it('turns path separators and reserved characters into single dashes', () => {
    expect(safeFileName('../../etc/passwd', 'csv')).toBe('etc-passwd.csv');
    expect(safeFileName('a<b>c:d"e|f?g*h\\i', 'json')).toBe('a-b-c-d-e-f-g-h-i.json');
  });

  it('never starts with a dot and falls back to "keepwise" when nothing is left', () => {
    expect(safeFileName('.hidden', 'csv')).toBe('hidden.csv');
    expect(safeFileName('///', 'csv')).toBe('keepwise.csv');
    expect(safeFileName('', '')).toBe('keepwise.txt');
  });

  it('caps the name at 80 characters before the extension', () => {
    const name = safeFileName('x'.repeat(200), 'csv');
    expect(name).toBe(`${'x'.repeat(80)}.csv`);
  });

  it('cleans the extension too', () => {
    expect(safeFileName('report', '.CSV;rm')).toBe('report.csvrm');
  });
});
