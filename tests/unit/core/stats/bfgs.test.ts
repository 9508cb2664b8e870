import { describe, expect, it } from 'vitest';
import { bfgs } from '../../../../src/core/stats/bfgs.ts';

// Reference optima are known in closed form: Rosenbrock's valley (Rosenbrock 1960) has its
// minimum 0 at (1, 1); the quadratics below at their centres.
describe('bfgs', () => {
  it('finds the minimum of an ill-conditioned quadratic to 1e-8', () => {
    const r = bfgs((x, g) => {
      g[0] = 2 * (x[0] - 3);
      g[1] = 2000 * (x[1] + 1);
      return (x[0] - 3) ** 2 + 1000 * (x[1] + 1) ** 2;
    }, [0, 0]);
    expect(r.converged).toBe(true);
    expect(Math.abs(r.x[0] - 3)).toBeLessThan(1e-8);
    expect(Math.abs(r.x[1] + 1)).toBeLessThan(1e-8);
  });
  it("walks Rosenbrock's banana valley to (1, 1) in far fewer evaluations than Nelder-Mead needs", () => {
    const r = bfgs((x, g) => {
      const [a, b] = x;
      g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
      g[1] = 200 * (b - a * a);
      return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
    }, [-1.2, 1]);
    expect(Math.abs(r.x[0] - 1)).toBeLessThan(1e-6);
    expect(Math.abs(r.x[1] - 1)).toBeLessThan(1e-6);
    expect(r.evaluations).toBeLessThan(200);
  });
  it('backs off where f is +Infinity (outside its domain)', () => {
    // f = x - ln x on x > 0, minimum at 1; the first step would leave the domain.
    const r = bfgs((x, g) => {
      if (!(x[0] > 0)) return Infinity;
      g[0] = 1 - 1 / x[0];
      return x[0] - Math.log(x[0]);
    }, [5]);
    expect(Math.abs(r.x[0] - 1)).toBeLessThan(1e-6);
  });
  it('throws for an empty or non-finite start', () => {
    expect(() => bfgs(() => 0, [])).toThrow(RangeError);
    expect(() => bfgs(() => 0, [NaN])).toThrow(RangeError);
  });
});
