import { describe, expect, it } from 'vitest';
import { parameterValueRows } from '../../machines/frl/catalogue';
import type { ParameterDefinition } from '../../machines/frl/parameters';

const minimum: ParameterDefinition = {
  id: 'grant.minimum',
  label: 'Mindestzuwendung',
  unit: 'cents',
  values: [
    { from: '2022-06-01', value: 500_000, reference: 'FRL Teil 2 A V Nr. 2' },
    { from: '2027-01-01', value: 750_000, reference: 'Änderung Nr. 3', assumption: 'Beispiel', publication: 3 },
  ],
};

describe('parameterValueRows (the Regelwerk lists of dated values)', () => {
  it('formats every value and marks exactly the one in force, switching on its first day', () => {
    const before = parameterValueRows(minimum, '2026-12-31');
    expect(before.map((r) => [r.value, r.inForce])).toEqual([
      ['5.000\u00a0€', true],
      ['7.500\u00a0€', false],
    ]);
    const on = parameterValueRows(minimum, '2027-01-01');
    expect(on.map((r) => r.inForce)).toEqual([false, true]);
    expect(on[1]).toMatchObject({ reference: 'Änderung Nr. 3', assumption: 'Beispiel', publication: 3 });
    expect(on[0]).toMatchObject({ assumption: null, publication: null });
  });

  it('marks none before the first value', () => {
    expect(parameterValueRows(minimum, '2022-05-31').some((r) => r.inForce)).toBe(false);
  });
});
