import { describe, expect, it } from 'vitest';
import { satisfiedShare } from '../../../../src/core/satisfaction/csat.ts';

describe('satisfiedShare', () => {
  it('is the share with its Wilson interval in percent (Newcombe 1998: 81 of 263 -> 0.2553 to 0.3662)', () => {
    const f = satisfiedShare(81, 263)!;
    expect(f.share).toBeCloseTo((81 / 263) * 100, 10);
    expect(f.low).toBeCloseTo(25.529, 2);
    expect(f.high).toBeCloseTo(36.621, 2);
  });
  it('0 of 20 -> 0 to 16.11 % (Newcombe 1998); no answers -> null; bad counts throw', () => {
    expect(satisfiedShare(0, 20)).toMatchObject({ share: 0, low: 0 });
    expect(satisfiedShare(0, 20)!.high).toBeCloseTo(16.1125, 3);
    expect(satisfiedShare(0, 0)).toBeNull();
    expect(() => satisfiedShare(3, 2)).toThrow(RangeError);
  });
});
