import { describe, expect, it } from 'vitest';
import { demoOrganisations } from '../../db/seed';
import { registrationSchema } from '../../machines/shared/account';
import type { z } from 'zod';
import {
  organisationDraftSchema,
  organisationKindInfo,
  organisationKinds,
  organisationSchema,
  organisationSnapshotSchema,
  programmePartOf,
} from '../../machines/shared/organisation';

const gemeinde = demoOrganisations.gemeinde;

function errorsOf(input: unknown) {
  const result = organisationSchema.safeParse(input);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('organisation kinds', () => {
  it('maps Gebietskörperschaften to Teil 2 A and gemeinnützige Träger to Teil 2 B (FRL Teil 2 A III, B III)', () => {
    expect(['gemeinde', 'stadt', 'kreisfreie_stadt', 'landkreis'].map((k) => programmePartOf(k as never))).toEqual(['A', 'A', 'A', 'A']);
    expect(['verein', 'verband', 'stiftung', 'ggmbh'].map((k) => programmePartOf(k as never))).toEqual(['B', 'B', 'B', 'B']);
  });
  it('names the ineligible kinds with a reason', () => {
    const ineligible = organisationKinds.filter((k) => programmePartOf(k) === null);
    expect(ineligible).toEqual(
      expect.arrayContaining([
        'verwaltungsverband',
        'verwaltungsgemeinschaft',
        'ortschaft',
        'stadtbezirk',
        'unternehmen',
        'natuerliche_person',
        'informelle_gruppe',
      ]),
    );
    for (const kind of ineligible) expect(organisationKindInfo[kind].reason).toMatch(/FRL Teil 2/);
  });
});

describe('organisation master data', () => {
  it('accepts the demo data and normalises it', () => {
    const result = organisationSchema.parse({ ...gemeinde, name: '  Gemeinde   Wiesenbach ', iban: 'de89 3704 0044 0532 0130 00' });
    expect(result.name).toBe('Gemeinde Wiesenbach');
    expect(result.iban).toBe('DE89370400440532013000');
  });
  it('requires a Saxon Gemeindeschlüssel for Kommunen and a register number for associations', () => {
    expect(errorsOf({ ...gemeinde, ags: '09162000' }).ags).toMatch(/beginnen mit 14/);
    expect(errorsOf({ ...demoOrganisations.verein, registerNumber: '' }).registerNumber).toMatch(/Registernummer/);
    expect(errorsOf({ ...demoOrganisations.verein, ags: '' })).toEqual({});
  });
  it('reports every problem at once, in German, at its field', () => {
    const errors = errorsOf({ ...gemeinde, name: '', postalCode: '1234', iban: 'DE00', ags: '' });
    expect(errors).toMatchObject({
      name: 'Bitte geben Sie den Namen der Organisation an.',
      postalCode: 'Die Postleitzahl besteht aus fünf Ziffern.',
      iban: expect.stringMatching(/IBAN ist nicht gültig/),
      ags: expect.stringMatching(/Gemeindeschlüssel/),
    });
  });
  it('strips control characters and limits length, counting emoji as one character', () => {
    expect(organisationSchema.parse({ ...gemeinde, name: 'Gemeinde\u0007 Wiesenbach' }).name).toBe('Gemeinde Wiesenbach');
    expect(errorsOf({ ...gemeinde, name: '😀'.repeat(201) }).name).toBe(
      'Bitte kürzen Sie den Namen der Organisation auf höchstens 200 Zeichen (eingegeben: 201).',
    );
    expect(errorsOf({ ...gemeinde, name: '😀'.repeat(200) })).toEqual({});
  });
});

describe('registration', () => {
  const base = { name: 'Erika', email: 'erika@verein.de', password: 'lang genug 12', passwordConfirm: 'lang genug 12' };
  it('needs kind, name and Landkreis for a new organisation', () => {
    const result = registrationSchema.safeParse({ ...base, mode: 'neu' });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path[0])).toEqual(expect.arrayContaining(['kind', 'organisationName', 'landkreis']));
  });
  it('needs an invite code to join, and reports it together with field errors', () => {
    const result = registrationSchema.safeParse({ ...base, email: 'kaputt', mode: 'beitreten', inviteCode: '' });
    expect(result.error!.issues.map((i) => i.path[0])).toEqual(expect.arrayContaining(['email', 'inviteCode']));
  });
  it('checks that both passwords match', () => {
    const result = registrationSchema.safeParse({ ...base, passwordConfirm: 'anders als 12', mode: 'beitreten', inviteCode: 'ABCD-2345' });
    expect(result.error!.issues.map((i) => i.message)).toEqual(['Die beiden Passwörter stimmen nicht überein.']);
  });
});

describe('one organisation shape (issue 15 Nr. 2)', () => {
  const master = organisationSchema.safeParse({}).error!.issues;
  const keysOf = (schema: { shape: Record<string, unknown> }) => Object.keys(schema.shape);
  const textKeys = keysOf(organisationSnapshotSchema).filter((k) => k !== 'kind' && k !== 'landkreis');

  it('has the same fields in the same order in the master data, the step draft and the stored snapshot', () => {
    expect(master.length).toBeGreaterThan(0);
    const shapes = [organisationSchema, organisationDraftSchema(), organisationSnapshotSchema];
    const [first, ...rest] = shapes.map(keysOf);
    expect(first).toContain('iban');
    for (const keys of rest) expect(keys).toEqual(first);
  });

  it('refuses a too long text with the same German message in the step draft as in the master data, at the same length', () => {
    for (const key of textKeys) {
      const max = (organisationSnapshotSchema.shape[key as keyof typeof organisationSnapshotSchema.shape] as z.ZodString).maxLength!;
      // Digits pass every format check that comes after the length (postal code, phone), so only the length is judged.
      const tooLong = '1'.repeat(max + 1);
      const fromMaster = organisationSchema.safeParse({ [key]: tooLong }).error!.issues.find((i) => i.path[0] === key)?.message;
      const fromDraft = organisationDraftSchema()
        .safeParse({ [key]: tooLong })
        .error?.issues.find((i) => i.path[0] === key)?.message;
      expect(fromDraft, key).toBeDefined();
      expect(fromDraft, key).toBe(fromMaster);
      expect(organisationSnapshotSchema.shape[key as keyof typeof organisationSnapshotSchema.shape].safeParse(tooLong).success, key).toBe(
        false,
      );
      expect(organisationDraftSchema().safeParse({ [key]: '1'.repeat(max) }).success, key).toBe(true);
    }
  });

  it('normalises the draft as the master data (IBAN and BIC without spaces, in capitals)', () => {
    const draft = organisationDraftSchema().parse({ iban: 'de89 3704 0044 0532 0130 00', bic: 'cosk de 33 xxx' });
    const stored = organisationSchema.safeParse({ iban: 'de89 3704 0044 0532 0130 00', bic: 'cosk de 33 xxx' });
    expect(draft.iban).toBe('DE89370400440532013000');
    expect(draft.bic).toBe('COSKDE33XXX');
    expect(stored.error!.issues.some((i) => i.path[0] === 'iban' || i.path[0] === 'bic')).toBe(false);
  });
});
