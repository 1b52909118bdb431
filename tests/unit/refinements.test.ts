import { describe, expect, it } from 'vitest';
import { demoOrganisations } from '../../db/seed';
import { parameterChangeSchema } from '../../machines/frl/regelwerk/parameter-change';
import { shippedParameters } from '../../machines/frl/parameters';
import { organisationSchema } from '../../machines/shared/organisation';

/**
 * Object-level refinements run even when a field failed (evenWithFieldErrors); found by the HTTP
 * fuzzer (tests/http/fuzz.spec.ts): a tampered select value used to reach them raw and throw.
 */
describe('refinements that run despite field errors', () => {
  it('see an unknown organisation kind as missing: a German message, no exception', () => {
    const result = organisationSchema.safeParse({ ...demoOrganisations.gemeinde, kind: 'e', ags: '' });
    expect(result.success).toBe(false);
    const messages = result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages.some((m) => m.startsWith('kind: '))).toBe(true);
    // The Teil 2 A check of the AGS needs a valid kind, so it stays silent.
    expect(messages.some((m) => m.startsWith('ags: '))).toBe(false);
  });

  it('still report every other problem at once when the kind is valid', () => {
    const result = organisationSchema.safeParse({ ...demoOrganisations.gemeinde, ags: '', name: '' });
    const paths = result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['ags', 'name']));
  });

  it('see a parameter that does not exist as missing', () => {
    const schema = parameterChangeSchema(shippedParameters, '2026-12-04');
    const result = schema.safeParse({ parameterId: '{}', value: '31.02.2026', effectiveFrom: '', reference: '' });
    expect(result.success).toBe(false);
    const paths = result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
    expect(paths).toContain('parameterId');
  });
});
