import { describe, expect, it } from 'vitest';
import { detectionText } from '../../../../src/lib/i18n/detection-text.ts';
import { detectDateOrder } from '../../../../src/core/parse/date-detect.ts';
import { detectNumberFormat } from '../../../../src/core/parse/number.ts';
import { sniffDelimiter } from '../../../../src/ingest/sniff-dialect.ts';

describe('detectionText', () => {
  it('shows the importer sentence in English', () => {
    const d = sniffDelimiter('a,b\n1,2\n3,4\n');
    expect(detectionText('en', d.why, d.evidence)).toBe(d.evidence);
  });

  it('translates the delimiter with its name and the share for the locale', () => {
    const d = sniffDelimiter('a;b\n1;2\n3;4\n');
    expect(detectionText('de', d.why, d.evidence)).toBe('Semikolon ( ; ): 100 % der ersten 3 Datensätze haben 2 Felder');
  });

  it('names a space as the thousands separator in words', () => {
    const n = detectNumberFormat(['1 234,56', '12,50']);
    expect(n.why).toEqual({ code: 'decimal-proved-thousands', params: { count: 2, example: '1 234,56', decimal: ',', thousands: ' ' } });
    expect(detectionText('sl', n.why, n.evidence)).toBe('vrednosti, kot je »1 234,56« (2), določajo decimalno ločilo: Vejica (1234,56), ločilo tisočic pa je presledek');
  });

  it('puts the column first and notes a mixed column', () => {
    const d = detectDateOrder(['13.02.2024', '2024-02-14']);
    const why = { code: d.why.code, params: { ...d.why.params, column: 'Datum' } };
    expect(detectionText('de', why, d.evidence)).toBe('Datum: Tag zuerst: „13.02.2024“ kann nur mit dem Tag zuerst gelesen werden; die Spalte mischt 2 Datumsformate');
  });

  it('falls back to the sentence for a reason it does not know', () => {
    expect(detectionText('bg', { code: 'something-new' as never }, 'odd')).toBe('odd');
    expect(detectionText('bg', undefined, 'odd')).toBe('odd');
  });
});

describe('detectionText marks', () => {
  it('quotes a thousands mark the way the locale quotes', () => {
    const n = detectNumberFormat(['-0,42', '1.234,56']);
    expect(detectionText('de', n.why, n.evidence)).toMatch(/mit „\.“ als Tausendertrennzeichen$/);
    expect(detectionText('hy', n.why, n.evidence)).toMatch(/«\.»/);
  });
});
