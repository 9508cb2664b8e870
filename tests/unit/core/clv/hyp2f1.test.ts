import { describe, expect, it } from 'vitest';
import { hyp2f1 } from '../../../../src/core/clv/hyp2f1.ts';

// Expected values: mpmath 1.3 `hyp2f1` at 40 significant digits (quoted to 16), at the arguments
// the BG/NBD expectations reach on the CDNOW sample with the exact optimum (r 0.242595,
// α 4.413602, a 0.792918, b 2.425893; /work/shared/data/cdnow/reference_values.json):
// a new customer's E[X(t)] uses ₂F₁(r, b; a + b − 1; t / (α + t)), a customer's conditional
// expectation ₂F₁(r + x, b + x; a + b + x − 1; t / (α + T + t)).
const close = (actual: number, expected: number, rel = 1e-13): void => {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.abs(expected));
};

describe('hyp2f1 at the CDNOW arguments', () => {
  it('new customers, t from 1 day to 78 weeks (z up to 0.946: the 1 − z transformation)', () => {
    const cases: [number, number][] = [
      [0.03136177708250759, 1.008495153241751],
      [0.18471989629086144, 1.0560072379439902],
      [0.40466159364907905, 1.150016656493225],
      [0.8783149551392747, 1.8288022663537922],
      [0.8787924907840757, 1.831052593977981],
      [0.9217635137001179, 2.105529349190937],
      [0.9464457092895904, 2.386908254324273],
      [0.9724861112463518, 3.005593762278748],
    ];
    for (const [z, f] of cases) close(hyp2f1(0.242595, 2.425893, 2.218811, z), f);
  });
  it('customer 1516 (x = 26, T = 31, t = 52): 2.37e10, a series whose terms first grow', () => {
    close(hyp2f1(26.242595, 28.425893, 28.218811, 0.5948730953793667), 23726339635.89572);
  });
  it('customer 1 (x = 2) and a 7-purchase customer over the 39-week hold-out', () => {
    close(hyp2f1(2.242595, 4.425893, 4.218811, 0.4740281092834613), 4.574275263401237);
    close(hyp2f1(7.242595, 9.425893, 9.218811, 0.4740281092834613), 117.20109966744319);
  });
  it('a very frequent buyer over three years (1.3e54) and a huge value near z = 1 (2.5e34)', () => {
    close(hyp2f1(50.242595, 52.425893, 52.218811, 0.915419885321126), 1.3054972712090944e+54, 1e-12);
    close(hyp2f1(26.24, 28.43, 28.22, 0.95), 2.5460421972720506e+34, 1e-12);
  });
});

describe('hyp2f1: closed forms and transformations', () => {
  it('₂F₁(1, 1; 2; z) = −ln(1 − z) / z, also for z < 0 (Pfaff)', () => {
    close(hyp2f1(1, 1, 2, 0.5), 2 * Math.LN2);
    close(hyp2f1(1, 1, 2, -3), Math.log(4) / 3);
    close(hyp2f1(1, 1, 2, 0.9999), -Math.log(1e-4) / 0.9999, 1e-11); // c − a − b = 0: the direct series (~500k terms)
  });
  it('₂F₁(a, b; b; z) = (1 − z)^−a', () => {
    close(hyp2f1(0.7, 3.1, 3.1, 0.6), Math.pow(0.4, -0.7));
    close(hyp2f1(0.7, 3.1, 3.1, 0.95), Math.pow(0.05, -0.7), 1e-12);
  });
  it('z near 1 with c − a − b non-integer (A&S 15.3.6), and an integer c − a − b (direct series)', () => {
    close(hyp2f1(2.5, 1.5, 4, 0.97), 9.78473486108516, 1e-12);
    close(hyp2f1(0.3, 0.7, 1.4, 0.999), 1.5405749200999719, 1e-12);
    close(hyp2f1(1.5, 2, 2.5, 0.995), 296.45813427015656, 1e-11);
    close(hyp2f1(0.24, -0.2, 3.2, 0.96), 0.9832851983071409, 1e-12);
  });
  it('terminates for a non-positive integer a: ₂F₁(−3, 2; 5; 0.7) = 0.4148', () => {
    close(hyp2f1(-3, 2, 5, 0.7), 0.4148);
  });
  it('returns 1 at z = 0 and NaN outside its domain', () => {
    expect(hyp2f1(2, 3, 4, 0)).toBe(1);
    expect(hyp2f1(2, 3, 4, 1)).toBeNaN();
    expect(hyp2f1(2, 3, 4, NaN)).toBeNaN();
    expect(hyp2f1(2, 3, -1, 0.5)).toBeNaN();
  });
});
