import { describe, expect, it } from 'vitest';
import { DATA_KINDS, KIND_FIELDS, fieldOf } from '../../../../src/core/schema/kinds.ts';

describe('kinds', () => {
  it('every kind has a required customer or referrer id field (DESIGN.md section 1)', () => {
    for (const kind of DATA_KINDS) {
      const required = KIND_FIELDS[kind].filter((d) => d.required).map((d) => d.key);
      expect(required.some((k) => k.endsWith('_id'))).toBe(true);
    }
  });
  it('fieldOf finds a field and refuses prototype names', () => {
    expect(fieldOf('orders', 'amount')?.type).toBe('money');
    expect(fieldOf('orders', '__proto__')).toBeUndefined();
    expect(fieldOf('orders', 'constructor')).toBeUndefined();
  });
});
