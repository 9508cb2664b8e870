import { describe, expect, it } from 'vitest';
import { nelderMead } from '../../../../src/core/stats/nelder-mead.ts';

describe('nelderMead', () => {
  it('finds the minimum of a shifted quadratic bowl at (1, −2)', () => {
    const r = nelderMead(([x, y]) => (x - 1) ** 2 + 3 * (y + 2) ** 2 + 5, [0, 0]);
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 8);
    expect(r.x[1]).toBeCloseTo(-2, 8);
    expect(r.fx).toBeCloseTo(5, 12);
  });
  it('finds the Rosenbrock minimum at (1, 1) from the classic start (−1.2, 1)', () => {
    const r = nelderMead(([x, y]) => 100 * (y - x * x) ** 2 + (1 - x) ** 2, [-1.2, 1]);
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 6);
    expect(r.x[1]).toBeCloseTo(1, 6);
  });
  it('minimises in one dimension and walks away from NaN regions', () => {
    const r = nelderMead(([x]) => (x < -1 ? NaN : (x - 3) ** 2), [0]);
    expect(r.x[0]).toBeCloseTo(3, 8);
  });
  it('reports converged = false when it runs out of iterations', () => {
    const r = nelderMead(([x, y]) => 100 * (y - x * x) ** 2 + (1 - x) ** 2, [-1.2, 1], { maxIterations: 5 });
    expect(r.converged).toBe(false);
    expect(r.iterations).toBe(5);
  });
  it('refuses an empty or non-finite start', () => {
    expect(() => nelderMead(() => 0, [])).toThrow('nelderMead requires a non-empty finite starting point');
    expect(() => nelderMead(() => 0, [NaN])).toThrow(RangeError);
  });
});
