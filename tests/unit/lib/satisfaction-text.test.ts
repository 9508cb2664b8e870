/**
 * The satisfaction and referral pages' words and CSV rows (src/lib/satisfaction-text.ts,
 * satisfaction-rows.ts): NPS values and signed differences in each locale (typographic minus,
 * fixed decimals), the report's note codes and scale readings as sentences, the referral bands
 * from the core's edges (7 / 15 / 30 / 50 %), the column headers behind attribute names, and
 * the lists' CSV rows (numbers stay numbers, one row per answer in the list's order). Expected
 * strings written by hand.
 */
import { describe, expect, it } from 'vitest';
import { bandText, bandVerdict, groupName, headersOf, noteText, npsInterval, npsValue, points, scaleName, scaleSourceText, signed } from '../../../src/lib/satisfaction-text.ts';
import { answerCsvRows, promoterCsvRows, referrerCsvRows, trendCsvRows } from '../../../src/lib/satisfaction-rows.ts';
import type { AnswerRow, ScoreSummary } from '../../../src/lib/types.ts';

// Intl writes a no-break space before the Slovenian percent sign and in large numbers.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('numbers', () => {
  it('an NPS with fixed decimals in the locale, negative with the typographic minus, −0.0 as 0.0', () => {
    expect(npsValue(53.41613, 'en-GB', 2)).toBe('53.42');
    expect(npsValue(53.41613, 'sl-SI', 2)).toBe('53,42');
    expect(npsValue(3.7, 'en-GB')).toBe('3.7');
    expect(npsValue(5.7, 'en-GB', 2)).toBe('5.70');
    expect(npsValue(-2.85, 'en-GB')).toBe('−2.9');
    expect(npsValue(-0.04, 'en-GB')).toBe('0.0');
    expect(npsValue(null, 'en-GB')).toBe('—');
    expect(npsInterval(-7.12, 1.42, 'sl-SI')).toBe('−7,1 – 1,4');
  });

  it('signed differences and percentage points, plural by the number', () => {
    expect(signed(57.642, 'en-GB')).toBe('+57.6');
    expect(signed(-7.95, 'sl-SI')).toBe('−8,0');
    expect(signed(0.01, 'en-GB')).toBe('0.0');
    expect(points('en', 57.642, 'en-GB')).toBe('+57.6 points');
    expect(points('sl', -7.95, 'sl-SI')).toBe('−8,0 odstotnih točk');
    // CLDR Slovenian: a number with decimals is "few" (odstotne točke).
    expect(points('sl', 2.5, 'sl-SI')).toBe('+2,5 odstotne točke');
  });
});

describe('words', () => {
  it('names scales and groups', () => {
    expect(scaleName('en', 'nps')).toBe('0–10 (NPS)');
    expect(scaleName('sl', 'csat')).toBe('1–5 (CSAT)');
    expect(groupName('sl', 'detractor')).toBe('Kritiki (0–6)');
    expect(groupName('en', 'promoter')).toBe('Promoters (9–10)');
  });

  it('says how a scale was decided', () => {
    expect(scaleSourceText('en', { text: null, scale: 'nps', by: 'scores', answers: 13612 })).toBe('0–10 (NPS), decided from the scores (13,612 answers).');
    expect(scaleSourceText('en', { text: 'CSAT', scale: 'csat', by: 'text', answers: 1 })).toBe('1–5 (CSAT), as the scale column says (“CSAT”, 1 answer).');
    expect(plain(scaleSourceText('sl', { text: null, scale: null, by: 'scores', answers: 3 }))).toBe(
      '3 odgovorom ne ustreza nobena lestvica (ocene nad 10, negativne ali decimalne): niso upoštevani.',
    );
  });

  it('writes the report’s notes from their codes', () => {
    expect(noteText('en', { code: 'no-dates', params: { rows: 13954 } })).toBe(
      'None of the 13,954 answers has a date: there is no trend and no recent-detractors list, and every figure counts all answers.',
    );
    expect(noteText('en', { code: 'without-score', params: { rows: 342 } })).toBe('342 rows have no score (a skipped question): they count in the response rate, not in NPS or CSAT.');
    expect(noteText('en', { code: 'several-scales', params: { scales: 'nps,csat' } })).toBe(
      'The file holds answers on several scales (0–10 (NPS), 1–5 (CSAT)): NPS counts only the 0–10 answers, CSAT only the 1–5 answers.',
    );
    expect(noteText('sl', { code: 'some-undated', params: { rows: 2 } })).toBe('2 odgovora nimata datuma: štejeta v vseh številkah razen v gibanju skozi čas, kjer sta prikazana posebej.');
  });

  it('writes the referral benchmark bands from the core’s edges, and an interval that spans bands', () => {
    expect(bandText('en', 0, 'en-GB')).toBe('under 7%');
    expect(bandText('en', 1, 'en-GB')).toBe('7% to 15%');
    expect(bandText('en', 4, 'en-GB')).toBe('50% or more');
    expect(plain(bandText('sl', 2, 'sl-SI'))).toBe('od 15 % do 30 %');
    expect(bandVerdict('en', { band: 1, bandLow: 1, bandHigh: 1 }, 'en-GB')).toBe('In the benchmark band 7% to 15%.');
    expect(bandVerdict('en', { band: 3, bandLow: 2, bandHigh: 4 }, 'en-GB')).toBe(
      'In the benchmark band 30% to 50%; the interval spans the bands “15% to 30%” to “50% or more”, so the band is not certain.',
    );
    expect(bandVerdict('en', { band: null, bandLow: null, bandHigh: null }, 'en-GB')).toBe('No rate: nobody was an active customer on the as-of day.');
  });

  it('names attributes by the column header they came from, customers files first', () => {
    const headers = headersOf([
      { kind: 'orders', mapping: ['customer_id', 'plan', null], headers: ['Kunde', 'Tarif', 'x'] },
      { kind: 'customers', mapping: ['customer_id', 'plan'], headers: ['id', 'Plan name'] },
    ]);
    expect(headers.plan).toBe('Plan name');
    expect(headers.customer_id).toBe('id');
    expect(Object.keys(headers).sort()).toEqual(['customer_id', 'plan']);
  });
});

const row = (over: Partial<AnswerRow>): AnswerRow => ({
  row: 0, customer: 0, id: 'C1', day: 0, date: '2025-12-01', score: 3, scale: 'nps', comment: null, touchpoint: null, revenue: null, mrr: null, ...over,
});

describe('CSV rows', () => {
  it('one row per answer, in the list’s order, numbers as numbers and the NPS group named', () => {
    const rows = answerCsvRows(Object.freeze([row({ id: 'C2', score: 6, comment: '=SUM(A1)', touchpoint: 'support', revenue: 120.5, mrr: 29 }), row({ id: null, score: 4, scale: 'csat', date: null })]), 'en');
    expect(rows[0]).toEqual(['Customer', 'Date', 'Score', 'Scale', 'NPS group', 'Touchpoint', 'Comment', 'Revenue to date', 'MRR']);
    expect(rows[1]).toEqual(['C2', '2025-12-01', 6, '0–10 (NPS)', 'Detractors (0–6)', 'support', '=SUM(A1)', 120.5, 29]);
    // No group on another scale; missing values stay empty (the CSV writer quotes the formula).
    expect(rows[2]).toEqual([null, null, 4, '1–5 (CSAT)', null, null, null, null, null]);
  });

  it('promoters to ask and top referrers (ranked from 1)', () => {
    expect(promoterCsvRows([{ customer: 3, id: 'C3', score: 10, day: 0, date: '2025-11-02', revenue: 10, mrr: null, active: true }], 'sl')).toEqual([
      ['Stranka', 'Ocena', 'Datum', 'Aktivna', 'Prihodek do danes', 'MRR'],
      ['C3', 10, '2025-11-02', true, 10, null],
    ]);
    const top = referrerCsvRows(
      [
        { customer: 1, id: 'A', referrals: 4, converted: 4, lastReferral: '2025-01-01', referredRevenue: 9463.12 },
        { customer: 2, id: 'B', referrals: 3, converted: 2, lastReferral: null, referredRevenue: null },
      ],
      'en',
    );
    expect(top.map((r) => r[0])).toEqual(['Rank', 1, 2]);
    expect(top[2]).toEqual([2, 'B', 3, 2, null, null]);
  });

  it('the trend: one row per period, then the answers without a date', () => {
    const summary = (nps: number | null): ScoreSummary => ({
      answers: 4,
      nps: nps === null ? null : { answers: 4, promoters: 3, passives: 0, detractors: 1, nps, low: -33.59, high: 90.73, promoterShare: 75, passiveShare: 0, detractorShare: 25, method: 'adjusted-wald' },
      csat: null,
      scales: [],
    });
    const rows = trendCsvRows([{ period: '2024-05', start: '2024-05-01', end: '2024-05-31', summary: summary(50) }], summary(50), 'en');
    expect(rows).toHaveLength(3);
    expect(rows[1].slice(0, 10)).toEqual(['2024-05', '2024-05-01', '2024-05-31', 4, 3, 0, 1, 50, -33.59, 90.73]);
    expect(rows[2][0]).toBe('Without a date');
  });
});
