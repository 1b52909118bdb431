import { z } from 'zod';
import { emailRules, type TextRules, textField, tooLong, evenWithFieldErrors } from './fields';
import { isValidIban, normaliseIban } from './iban';

/**
 * Kinds of organisation an applicant can be. The eligible kinds follow FRL Teil 2 A III
 * (Gebietskörperschaften) and FRL Teil 2 B III (gemeinnützige Vereine, Verbände, Stiftungen, gGmbH).
 * The ineligible kinds are listed on purpose, so the rules can say *why* they are not eligible
 * (ministry FAQ on Teil 2 A III; Teil 2 B III).
 */
export const organisationKinds = [
  'gemeinde',
  'stadt',
  'kreisfreie_stadt',
  'landkreis',
  'verein',
  'verband',
  'stiftung',
  'ggmbh',
  'verwaltungsverband',
  'verwaltungsgemeinschaft',
  'ortschaft',
  'stadtbezirk',
  'zweckverband',
  'unternehmen',
  'informelle_gruppe',
  'natuerliche_person',
] as const;

export type OrganisationKind = (typeof organisationKinds)[number];

export type ProgrammePart = 'A' | 'B';

export interface OrganisationKindInfo {
  label: string;
  /** The programme part this kind may apply under, or null when it may not apply at all. */
  part: ProgrammePart | null;
  /** Why the kind is (not) eligible, with the clause. */
  reason: string;
}

export const organisationKindInfo: Record<OrganisationKind, OrganisationKindInfo> = {
  gemeinde: { label: 'Gemeinde', part: 'A', reason: 'Gebietskörperschaft (FRL Teil 2 A III)' },
  stadt: { label: 'Stadt (kreisangehörig)', part: 'A', reason: 'Gebietskörperschaft (FRL Teil 2 A III)' },
  kreisfreie_stadt: { label: 'Kreisfreie Stadt', part: 'A', reason: 'Gebietskörperschaft (FRL Teil 2 A III)' },
  landkreis: { label: 'Landkreis', part: 'A', reason: 'Gebietskörperschaft (FRL Teil 2 A III)' },
  verein: { label: 'Verein (gemeinnützig)', part: 'B', reason: 'gemeinnütziger Verein (FRL Teil 2 B III)' },
  verband: { label: 'Verband (gemeinnützig)', part: 'B', reason: 'gemeinnütziger Verband (FRL Teil 2 B III)' },
  stiftung: { label: 'Stiftung (gemeinnützig)', part: 'B', reason: 'gemeinnützige Stiftung (FRL Teil 2 B III)' },
  ggmbh: { label: 'gemeinnützige GmbH (gGmbH)', part: 'B', reason: 'gemeinnützige GmbH (FRL Teil 2 B III)' },
  verwaltungsverband: {
    label: 'Verwaltungsverband',
    part: null,
    reason: 'keine Gebietskörperschaft; antragsberechtigt sind nur die Mitgliedsgemeinden (FRL Teil 2 A III)',
  },
  verwaltungsgemeinschaft: {
    label: 'Verwaltungsgemeinschaft',
    part: null,
    reason: 'keine Gebietskörperschaft; antragsberechtigt sind nur die beteiligten Gemeinden (FRL Teil 2 A III)',
  },
  ortschaft: {
    label: 'Ortschaft / Ortsteil',
    part: null,
    reason: 'kein eigener Rechtsträger; den Antrag stellt die Gemeinde (FRL Teil 2 A III)',
  },
  stadtbezirk: {
    label: 'Stadtbezirk',
    part: null,
    reason: 'kein eigener Rechtsträger; den Antrag stellt die Stadt (FRL Teil 2 A III)',
  },
  zweckverband: {
    label: 'Zweckverband',
    part: null,
    reason: 'keine Gebietskörperschaft (FRL Teil 2 A III)',
  },
  unternehmen: {
    label: 'Unternehmen (nicht gemeinnützig)',
    part: null,
    reason: 'nicht gemeinnützig (FRL Teil 2 B III)',
  },
  informelle_gruppe: {
    label: 'Initiative ohne Rechtsform',
    part: null,
    reason: 'keine juristische Person; eine Initiative kann über einen gemeinnützigen Träger beantragen (FRL Teil 2 B III)',
  },
  natuerliche_person: {
    label: 'Privatperson',
    part: null,
    reason: 'Einzelpersonen sind nicht antragsberechtigt (FRL Teil 2 A III, Teil 2 B III)',
  },
};

export function programmePartOf(kind: OrganisationKind): ProgrammePart | null {
  return organisationKindInfo[kind].part;
}

/** The ten Landkreise and three kreisfreie Städte of Saxony, plus a value for seats elsewhere. */
export const landkreise = [
  'Bautzen',
  'Chemnitz',
  'Dresden',
  'Erzgebirgskreis',
  'Görlitz',
  'Leipzig',
  'Landkreis Leipzig',
  'Meißen',
  'Mittelsachsen',
  'Nordsachsen',
  'Sächsische Schweiz-Osterzgebirge',
  'Vogtlandkreis',
  'Zwickau',
  'außerhalb Sachsens',
] as const;

export type Landkreis = (typeof landkreise)[number];

export const landkreisLabel: Record<Landkreis, string> = {
  Bautzen: 'Landkreis Bautzen',
  Chemnitz: 'Chemnitz (kreisfreie Stadt)',
  Dresden: 'Dresden (kreisfreie Stadt)',
  Erzgebirgskreis: 'Erzgebirgskreis',
  Görlitz: 'Landkreis Görlitz',
  Leipzig: 'Leipzig (kreisfreie Stadt)',
  'Landkreis Leipzig': 'Landkreis Leipzig',
  Meißen: 'Landkreis Meißen',
  Mittelsachsen: 'Landkreis Mittelsachsen',
  Nordsachsen: 'Landkreis Nordsachsen',
  'Sächsische Schweiz-Osterzgebirge': 'Landkreis Sächsische Schweiz-Osterzgebirge',
  Vogtlandkreis: 'Vogtlandkreis',
  Zwickau: 'Landkreis Zwickau',
  'außerhalb Sachsens': 'Sitz außerhalb Sachsens',
};

export { type Role, roleLabel, roles } from './roles';

/**
 * Amtlicher Gemeindeschlüssel: 8 digits; Saxon ones start with 14 (Land code).
 * Required for Gebietskörperschaften; associations give their register number instead.
 */
export const agsPattern = /^14\d{6}$/;

/**
 * One text field of the organisation: its label in the accusative (for "Bitte kürzen Sie … auf
 * höchstens … Zeichen"), its length, and the checks of the master data. The master data, the stored
 * snapshot and the Antragsteller step's draft are all derived from these entries.
 */
interface OrganisationText extends Omit<TextRules, 'maxMessage'> {
  label: string;
  maxMessage?: (length: number) => string;
}

const required = (label: string, max = 200): OrganisationText => ({ label, max, required: `Bitte geben Sie ${label} an.` });
const optional = (label: string, max: number): OrganisationText => ({ label, max });
const fiveDigits = 'Die Postleitzahl besteht aus fünf Ziffern.';
const bicFormat = 'Die BIC besteht aus 8 oder 11 Zeichen, zum Beispiel OSDDDE81XXX.';

/** The organisation's fields, in the order of the form and of the stored snapshot. */
const organisationTexts = {
  name: required('den Namen der Organisation'),
  street: required('Straße und Hausnummer'),
  postalCode: {
    label: 'die Postleitzahl',
    required: 'Bitte geben Sie die Postleitzahl an.',
    max: 5,
    maxMessage: () => fiveDigits,
    pattern: /^\d{5}$/,
    patternMessage: fiveDigits,
  },
  city: required('den Ort'),
  ags: optional('den Gemeindeschlüssel', 8),
  registerNumber: optional('die Registernummer', 60),
  registerCourt: optional('das Registergericht', 100),
  legalRepName: required('den Namen der vertretungsberechtigten Person'),
  legalRepFunction: required('die Funktion der vertretungsberechtigten Person', 100),
  contactName: { ...required('den Namen der Ansprechperson'), required: 'Bitte geben Sie eine Ansprechperson an.' },
  contactEmail: { label: 'die E-Mail-Adresse', ...emailRules },
  contactPhone: {
    label: 'die Telefonnummer',
    required: 'Bitte geben Sie eine Telefonnummer an.',
    max: 30,
    maxMessage: () => 'Die Telefonnummer ist zu lang.',
    pattern: /^[+0-9][0-9 ()/-]{5,29}$/,
    patternMessage: 'Bitte geben Sie die Telefonnummer nur mit Ziffern, Leerzeichen, +, /, - oder Klammern an.',
  },
  bankAccountHolder: required('den Kontoinhaber'),
  iban: {
    label: 'die IBAN',
    required: 'Bitte geben Sie die IBAN an.',
    max: 34,
    maxMessage: () => 'Eine IBAN hat höchstens 34 Zeichen.',
    normalise: normaliseIban,
    valid: isValidIban,
    validMessage: 'Die IBAN ist nicht gültig. Bitte prüfen Sie Länge und Prüfziffer.',
  },
  bic: {
    label: 'die BIC',
    max: 11,
    maxMessage: () => bicFormat,
    normalise: (v) => v.replace(/\s+/g, '').toUpperCase(),
    pattern: /^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/,
    patternMessage: bicFormat,
  },
  bankName: required('das Kreditinstitut'),
} satisfies Record<string, OrganisationText>;

type OrganisationTextKey = keyof typeof organisationTexts;

/** The organisation's shape with each text field built by `build`; kind and Landkreis in their places. */
function organisationShape<Text extends z.ZodType, Kind extends z.ZodType, Place extends z.ZodType>(
  build: (field: OrganisationText) => Text,
  kind: Kind,
  landkreis: Place,
) {
  const texts = Object.fromEntries(Object.entries(organisationTexts).map(([key, field]) => [key, build(field)])) as Record<
    OrganisationTextKey,
    Text
  >;
  const { name, street, postalCode, city, ...rest } = texts;
  return { kind, name, street, postalCode, city, landkreis, ...rest };
}

const lengthMessage = (field: OrganisationText) => field.maxMessage ?? tooLong(field.label, field.max);

/** The master data as validated: required fields, formats, IBAN check; messages in German. */
export const organisationSchema = z
  .object(
    organisationShape(
      (field) => textField({ ...field, maxMessage: lengthMessage(field) }),
      z.enum(organisationKinds, { error: 'Bitte wählen Sie die Art der Organisation.' }),
      z.enum(landkreise, { error: 'Bitte wählen Sie den Landkreis oder die kreisfreie Stadt.' }),
    ),
  )
  .superRefine((org, ctx) => {
    if (!org.kind) return;
    const part = programmePartOf(org.kind);
    if (part === 'A' && !agsPattern.test(org.ags ?? '')) {
      ctx.addIssue({
        code: 'custom',
        path: ['ags'],
        message: 'Bitte geben Sie den achtstelligen Amtlichen Gemeindeschlüssel an; sächsische Schlüssel beginnen mit 14.',
      });
    }
    if (part === 'B' && org.registerNumber === '') {
      ctx.addIssue({
        code: 'custom',
        path: ['registerNumber'],
        message: 'Bitte geben Sie die Registernummer an (zum Beispiel VR 1234 oder HRB 5678).',
      });
    }
  }, evenWithFieldErrors);

/**
 * The organisation as the Antragsteller step posts it: every field may be empty, checked and
 * normalised as the master data but for lengths only (completeness is `organisationSchema`'s).
 */
export const organisationDraftSchema = () =>
  z.object(
    organisationShape(
      (field) => textField({ max: field.max, maxMessage: lengthMessage(field), normalise: field.normalise }),
      z.enum(organisationKinds).optional(),
      z.enum(landkreise).optional(),
    ),
  );

/** The organisation as stored in an application's snapshot: every field present, lengths only. */
export const organisationSnapshotSchema = z.strictObject(
  organisationShape((field) => z.string().max(field.max), z.enum(organisationKinds), z.enum(landkreise)),
);

export type OrganisationInput = z.input<typeof organisationSchema>;
export type OrganisationData = z.output<typeof organisationSchema>;
