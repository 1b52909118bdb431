import { z } from 'zod';
import './zod-german';
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

/** Trims, folds inner whitespace and strips control characters (they never belong in master data). */
export const cleanText = (value: string) =>
  value
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** Keeps line breaks and tabs (for multi-line texts) but strips other control characters. */
export const cleanMultiline = (value: string) =>
  value
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .trim();

interface TextRules {
  /** Message when the field is empty; omit for optional fields. */
  required?: string;
  max: number;
  /** Builds the message for a text that is too long, from its length. */
  maxMessage: (length: number) => string;
  normalise?: (value: string) => string;
  pattern?: RegExp;
  patternMessage?: string;
  valid?: (value: string) => boolean;
  validMessage?: string;
}

/**
 * A text field: normalised first, then checked. Checks live in one refinement on the transformed
 * value rather than in a piped z.string(), because Conform's form coercion turns every empty
 * z.string() in the tree into `undefined`.
 */
export function textField(rules: TextRules) {
  const normalise = rules.normalise ?? cleanText;
  // Required fields stay non-optional so Conform marks them `required`; an empty input arrives
  // as undefined and gets the required message.
  const base = rules.required ? z.string({ error: rules.required }) : z.string().optional();
  return base
    .transform((value: string | undefined) => normalise(value ?? ''))
    .superRefine((value, ctx) => {
      if (value === '') {
        if (rules.required) ctx.addIssue({ code: 'custom', message: rules.required });
        return;
      }
      // Characters as people count them (code points), so one emoji is one character.
      const length = Array.from(value).length;
      if (length > rules.max) ctx.addIssue({ code: 'custom', message: rules.maxMessage(length) });
      else if (rules.pattern && !rules.pattern.test(value)) ctx.addIssue({ code: 'custom', message: rules.patternMessage ?? '' });
      else if (rules.valid && !rules.valid(value)) ctx.addIssue({ code: 'custom', message: rules.validMessage ?? '' });
    });
}

/** A copy of `value` in which the entry at `path` is missing, copied only along the path. */
function withoutEntry(value: unknown, path: readonly PropertyKey[]): unknown {
  if (path.length === 0) return undefined;
  if (value === null || typeof value !== 'object') return value;
  const [head, ...rest] = path as [PropertyKey, ...PropertyKey[]];
  const copy = (Array.isArray(value) ? [...value] : { ...value }) as Record<PropertyKey, unknown>;
  if (Object.hasOwn(copy, head)) copy[head] = withoutEntry(copy[head], rest);
  return copy;
}

/**
 * Object-level refinements run even when single fields failed, so the user sees every problem at
 * once (zod skips them by default). A field that failed its own check reaches the refinement as
 * missing, never as the raw value of the wrong type (an unknown organisation kind, a parameter id
 * that does not exist): refinements using this must cope with missing values, and only with those.
 */
export const evenWithFieldErrors = {
  when: (payload: { value: unknown; issues: ReadonlyArray<{ path?: readonly PropertyKey[] }> }) => {
    for (const issue of payload.issues) if (issue.path?.length) payload.value = withoutEntry(payload.value, issue.path);
    return true;
  },
} as const;

/** "Bitte kürzen Sie den Titel auf höchstens 200 Zeichen (eingegeben: 250)." – label in the accusative. */
export function tooLong(label: string, max: number) {
  return (length: number) =>
    `Bitte kürzen Sie ${label} auf höchstens ${max.toLocaleString('de-DE')} Zeichen (eingegeben: ${length.toLocaleString('de-DE')}).`;
}

/** A required one-line text; `label` in the accusative ("den Namen der Organisation"). */
export const requiredText = (label: string, max = 200) =>
  textField({ required: `Bitte geben Sie ${label} an.`, max, maxMessage: tooLong(label, max) });

/** An optional one-line text; `label` in the accusative. */
export const optionalText = (label: string, max = 200) => textField({ max, maxMessage: tooLong(label, max) });

/** A multi-line text (line breaks kept); `label` in the accusative. */
export const longText = (label: string, max: number, required?: string) =>
  textField({ required, max, maxMessage: tooLong(label, max), normalise: cleanMultiline });

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const emailSchema = textField({
  required: 'Bitte geben Sie eine E-Mail-Adresse an.',
  max: 254,
  maxMessage: () => 'Die E-Mail-Adresse ist zu lang.',
  normalise: (v) => v.trim().toLowerCase(),
  valid: (v) => emailPattern.test(v) && z.email().safeParse(v).success,
  validMessage: 'Bitte geben Sie eine gültige E-Mail-Adresse an, zum Beispiel name@gemeinde.de.',
});

const postalCode = textField({
  required: 'Bitte geben Sie die Postleitzahl an.',
  max: 5,
  maxMessage: () => 'Die Postleitzahl besteht aus fünf Ziffern.',
  pattern: /^\d{5}$/,
  patternMessage: 'Die Postleitzahl besteht aus fünf Ziffern.',
});

const phone = textField({
  required: 'Bitte geben Sie eine Telefonnummer an.',
  max: 30,
  maxMessage: () => 'Die Telefonnummer ist zu lang.',
  pattern: /^[+0-9][0-9 ()/-]{5,29}$/,
  patternMessage: 'Bitte geben Sie die Telefonnummer nur mit Ziffern, Leerzeichen, +, /, - oder Klammern an.',
});

const iban = textField({
  required: 'Bitte geben Sie die IBAN an.',
  max: 34,
  maxMessage: () => 'Eine IBAN hat höchstens 34 Zeichen.',
  normalise: normaliseIban,
  valid: isValidIban,
  validMessage: 'Die IBAN ist nicht gültig. Bitte prüfen Sie Länge und Prüfziffer.',
});

const bic = textField({
  max: 11,
  maxMessage: () => 'Die BIC besteht aus 8 oder 11 Zeichen, zum Beispiel OSDDDE81XXX.',
  normalise: (v) => v.replace(/\s+/g, '').toUpperCase(),
  pattern: /^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/,
  patternMessage: 'Die BIC besteht aus 8 oder 11 Zeichen, zum Beispiel OSDDDE81XXX.',
});

/**
 * Amtlicher Gemeindeschlüssel: 8 digits; Saxon ones start with 14 (Land code).
 * Required for Gebietskörperschaften; associations give their register number instead.
 */
export const agsPattern = /^14\d{6}$/;

export const organisationSchema = z
  .object({
    kind: z.enum(organisationKinds, { error: 'Bitte wählen Sie die Art der Organisation.' }),
    name: requiredText('den Namen der Organisation'),
    street: requiredText('Straße und Hausnummer'),
    postalCode,
    city: requiredText('den Ort'),
    landkreis: z.enum(landkreise, { error: 'Bitte wählen Sie den Landkreis oder die kreisfreie Stadt.' }),
    ags: optionalText('den Gemeindeschlüssel', 8),
    registerNumber: optionalText('die Registernummer', 60),
    registerCourt: optionalText('das Registergericht', 100),
    legalRepName: requiredText('den Namen der vertretungsberechtigten Person'),
    legalRepFunction: requiredText('die Funktion der vertretungsberechtigten Person', 100),
    contactName: requiredText('eine Ansprechperson'),
    contactEmail: emailSchema,
    contactPhone: phone,
    bankAccountHolder: requiredText('den Kontoinhaber'),
    iban,
    bic,
    bankName: requiredText('das Kreditinstitut'),
  })
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

export type OrganisationInput = z.input<typeof organisationSchema>;
export type OrganisationData = z.output<typeof organisationSchema>;
