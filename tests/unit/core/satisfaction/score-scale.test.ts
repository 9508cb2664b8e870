import { describe, expect, it } from 'vitest';
import { answerScales, detectScale, scaleFromText } from '../../../../src/core/satisfaction/score-scale.ts';
import { feedbackTable } from './fixtures.ts';

describe('scaleFromText', () => {
  it('reads the scale names surveys write', () => {
    expect(['NPS', 'eNPS', ' 0-10 ', '0 to 10', 'Net Promoter Score', 'nps scale'].map(scaleFromText)).toEqual(['nps', 'nps', 'nps', 'nps', 'nps', 'nps']);
    expect(['CSAT', '1-5', '1 - 5', '5 stars', '5'].map(scaleFromText)).toEqual(['csat', 'csat', 'csat', 'csat', 'csat']);
    expect(['1-7', '7 point'].map(scaleFromText)).toEqual(['scale7', 'scale7']);
    expect(['1-10', '10'].map(scaleFromText)).toEqual(['scale10', 'scale10']);
  });
  it('leaves texts it does not know to the scores (a wave, a question name)', () => {
    expect(['Q3 wave', 'satisfaction', '', 't=4'].map(scaleFromText)).toEqual([null, null, null, null]);
  });
});

describe('detectScale', () => {
  it('whole numbers within 1-5 are CSAT; within 0-10 with a score above 5 NPS', () => {
    expect(detectScale([1, 4, 5, 3]).scale).toBe('csat');
    expect(detectScale([9, 10, 3, 7, NaN])).toEqual({ scale: 'nps', answers: 4, min: 3, max: 10, fractional: 0 });
    // Observed 1-10 (nobody scored 0), as in the Botanic survey: still the 0-10 NPS question.
    expect(detectScale([1, 10, 8]).scale).toBe('nps');
  });
  it('scores above 10, negative, fractional or 0-5 fit no scale', () => {
    expect(detectScale([12, 40]).scale).toBeNull();
    expect(detectScale([-1, 5]).scale).toBeNull();
    expect(detectScale([4.5, 3]).scale).toBeNull();
    expect(detectScale([0, 3, 5]).scale).toBeNull();
    expect(detectScale([NaN])).toEqual({ scale: null, answers: 0, min: null, max: null, fractional: 0 });
  });
});

describe('answerScales', () => {
  it('without a scale column the scores of the whole file decide; missing scores get no scale', () => {
    const s = answerScales(feedbackTable([['A', null, 9], ['B', null, 3], ['C', null, null]]));
    expect(Array.from(s.codes)).toEqual([1, 1, 0]);
    expect(s.sources).toEqual([{ text: null, scale: 'nps', by: 'scores', answers: 2 }]);
    expect(s.answers).toEqual({ nps: 2, csat: 0, scale7: 0, scale10: 0 });
  });
  it('a scale column splits NPS and CSAT rows; an unknown scale text falls back to its own scores; off-range scores are out of scale', () => {
    const t = feedbackTable([
      ['A', null, 9, { scale: 'NPS' }],
      ['A', null, 4, { scale: 'CSAT' }],
      ['B', null, 2, { scale: 'NPS' }],
      ['B', null, 7, { scale: 'CSAT' }], // 7 on a 1-5 scale: out of scale
      ['C', null, 5, { scale: 'wave 2' }],
      ['D', null, 3, { scale: 'wave 2' }],
      ['E', null, 8, { scale: '1-10' }],
    ]);
    const s = answerScales(t);
    expect(Array.from(s.codes)).toEqual([1, 2, 1, 0, 2, 2, 4]);
    expect(s.outOfScale).toBe(1);
    expect(s.answers).toEqual({ nps: 2, csat: 3, scale7: 0, scale10: 1 });
    expect(s.sources.find((x) => x.text === 'wave 2')).toEqual({ text: 'wave 2', scale: 'csat', by: 'scores', answers: 2 });
  });
  it('answers whose scores fit no scale are counted apart, never silently kept', () => {
    const s = answerScales(feedbackTable([['A', null, 40], ['B', null, 75]]));
    expect(Array.from(s.codes)).toEqual([0, 0]);
    expect(s.outOfScale).toBe(2);
  });
});
