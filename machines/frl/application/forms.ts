import { z } from 'zod';
import { isoToGerman } from '../../shared/dates';
import { checkboxGroup, euroField, optionalDateField, optionalYesNo, quantityField } from '../../shared/fields';
import { formatCentsForInput } from '../../shared/format';
import { formatQuantity, parseEuro, parseQuantity } from '../../shared/money';
import { landkreise, longText, optionalText, organisationKinds } from '../../shared/organisation';
import { costCategories } from '../catalogues';
import { participationFormats, participationLevels, targetGroupIds } from '../../shared/participation';
import { fundingRoutes } from '../routes';
import { projectYesNoNames } from './fields/vorhaben';
import type { ApplicationData, CostLine } from './schema';

/** The Vorhaben step's yes/no questions as posted (ja/nein). */
const projectYesNoForm = Object.fromEntries(projectYesNoNames.map((name) => [name, optionalYesNo])) as Record<
  (typeof projectYesNoNames)[number],
  typeof optionalYesNo
>;
import type { EditableStep } from './steps';

/**
 * The forms of the editable steps: what a browser posts (strings) ↔ a section of the stored
 * application. These schemas check types and lengths only ("Speichern" always keeps what is
 * valid); completeness is checked by steps.ts for "Weiter" and the task list.
 * List rows carry a hidden `id`; rows without one get `newId()`.
 */

type Raw = Record<string, unknown>;

/** Amounts in a budget above 10 Mio € are typing errors for this programme. */
const BUDGET_MAX_CENTS = 10_000_000_00;
const budgetEuro = (label: string) => euroField(label, { maxCents: BUDGET_MAX_CENTS });
const yn = (v: boolean | undefined) => (v === undefined ? undefined : v ? 'ja' : 'nein');
const money = (c: number | undefined) => (c === undefined ? undefined : formatCentsForInput(c));
const qty = (m: number | undefined) => (m === undefined ? undefined : formatQuantity(m));
const rowId = (newId: () => string) =>
  z
    .string()
    .max(40)
    .optional()
    .transform((v) => (v && /^[A-Za-z0-9_-]+$/.test(v) ? v : newId()));
const list = <T extends z.ZodTypeAny>(row: T, max: number, label: string) =>
  z.preprocess((v) => (v === undefined ? [] : v), z.array(row).max(max, { error: `Höchstens ${max} ${label}.` }));
const year = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === '') return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 2022 || n > 2100) {
      ctx.addIssue({ code: 'custom', message: 'Bitte wählen Sie ein Kalenderjahr aus der Liste.' });
      return z.NEVER;
    }
    return n;
  });

function organisationFields() {
  return z.object({
    kind: z.enum(organisationKinds).optional(),
    name: optionalText('den Namen der Organisation'),
    street: optionalText('Straße und Hausnummer'),
    postalCode: optionalText('die Postleitzahl', 5),
    city: optionalText('den Ort'),
    landkreis: z.enum(landkreise).optional(),
    ags: optionalText('den Gemeindeschlüssel', 8),
    registerNumber: optionalText('die Registernummer', 60),
    registerCourt: optionalText('das Registergericht', 100),
    legalRepName: optionalText('den Namen der vertretungsberechtigten Person'),
    legalRepFunction: optionalText('die Funktion', 100),
    contactName: optionalText('die Ansprechperson'),
    contactEmail: optionalText('die E-Mail-Adresse', 254),
    contactPhone: optionalText('die Telefonnummer', 30),
    bankAccountHolder: optionalText('den Kontoinhaber'),
    iban: optionalText('die IBAN', 42).transform((v) => v.replace(/\s+/g, '').toUpperCase()),
    bic: optionalText('die BIC', 14).transform((v) => v.replace(/\s+/g, '').toUpperCase()),
    bankName: optionalText('das Kreditinstitut'),
  });
}

/**
 * One cost line as the budget step posts it (strings), checked for types and lengths. Shared with
 * the CSV import of cost lines (ADR 0078), which feeds each file row through it.
 */
export function costLineFormRow(newId: () => string) {
  return z
    .object({
      id: rowId(newId),
      category: z.enum(costCategories.map((c) => c.id) as [string, ...string[]]).default('sonstiges'),
      kind: z.enum(['menge', 'pauschal', 'personal']).default('menge'),
      description: optionalText('die Beschreibung', 300),
      quantity: quantityField('die Menge'),
      unitPrice: budgetEuro('den Einzelpreis'),
      amount: budgetEuro('den Betrag'),
      year,
      note: optionalText('die Anmerkung', 500),
    })
    .superRefine((line, ctx) => {
      // Never drop what was typed: an amount and a calculation that does not use it is a question, not a guess.
      const counted = line.quantity !== undefined || line.unitPrice !== undefined;
      if (line.kind !== 'pauschal' && line.amount !== undefined && !counted) {
        ctx.addIssue({
          code: 'custom',
          path: ['amount'],
          message:
            'Sie haben einen Pauschalbetrag eingetragen, als Berechnung aber nicht „Pauschalbetrag“ gewählt. Wählen Sie „Pauschalbetrag“ oder tragen Sie Menge und Einzelpreis ein.',
        });
      }
      if (line.kind === 'pauschal' && line.amount === undefined && counted) {
        ctx.addIssue({
          code: 'custom',
          path: ['amount'],
          message:
            'Sie haben Menge oder Einzelpreis eingetragen, als Berechnung aber „Pauschalbetrag“ gewählt. Tragen Sie den Pauschalbetrag ein oder wählen Sie „Menge × Einzelpreis“.',
        });
      }
    });
}
export type CostLineFormRow = z.output<ReturnType<typeof costLineFormRow>>;

/** A parsed form row as a stored cost line (a lump sum keeps its amount, a calculation its factors). */
export function costLineFromForm(l: CostLineFormRow): CostLine {
  const defined = Object.entries({
    id: l.id,
    category: l.category,
    kind: l.kind,
    description: l.description,
    quantityMilli: l.kind === 'pauschal' ? undefined : l.quantity,
    unitPriceCents: l.kind === 'pauschal' ? undefined : l.unitPrice,
    amountCents: l.kind === 'pauschal' ? l.amount : undefined,
    year: l.year,
    note: l.note,
  }).filter(([, v]) => v !== undefined && v !== '');
  return Object.fromEntries(defined) as CostLine;
}

const schemaCache = new WeakMap<() => string, Map<EditableStep, ReturnType<typeof buildStepFormSchema>>>();

/** The step's form schema (built once per id generator and step: zod schemas are costly to build). */
export function stepFormSchema(step: EditableStep, newId: () => string) {
  let byStep = schemaCache.get(newId);
  if (!byStep) {
    byStep = new Map();
    schemaCache.set(newId, byStep);
  }
  let schema = byStep.get(step);
  if (!schema) {
    schema = buildStepFormSchema(step, newId);
    byStep.set(step, schema);
  }
  return schema;
}

function buildStepFormSchema(step: EditableStep, newId: () => string) {
  switch (step) {
    case 'antragsteller':
      return z.object({
        organisation: organisationFields(),
        nonprofit: optionalYesNo,
        locallyRooted: optionalYesNo,
        seatExceptionReason: longText('die Begründung', 2000),
        isVerbund: optionalYesNo,
        partners: list(
          z.object({
            id: rowId(newId),
            name: optionalText('den Namen des Partners'),
            kind: z.enum(organisationKinds).optional(),
            landkreis: z.enum(landkreise).optional(),
            ags: optionalText('den Gemeindeschlüssel', 8),
            contact: optionalText('die Ansprechperson'),
          }),
          50,
          'Verbundpartner',
        ),
        updateMasterData: z
          .string()
          .optional()
          .transform((v) => v === 'on'),
      });
    case 'vorhaben':
      return z.object({
        title: optionalText('den Titel', 200),
        route: z.enum(fundingRoutes).optional(),
        summary: longText('die Kurzbeschreibung', 1000),
        goals: longText('die Gesamtzielsetzung', 5000),
        parts: list(
          z.object({ id: rowId(newId), title: optionalText('den Titel', 200), description: longText('die Beschreibung', 2000) }),
          30,
          'Teilvorhaben',
        ),
        formats: list(
          z.object({
            id: rowId(newId),
            format: z.enum(participationFormats.map((f) => f.id) as [string, ...string[]]).optional(),
            level: z.enum(participationLevels).optional(),
            description: longText('die Beschreibung', 1000),
          }),
          30,
          'Formate',
        ),
        targetGroups: checkboxGroup(targetGroupIds),
        targetGroupsNote: longText('die Anmerkung', 1000),
        placeDescription: optionalText('den Ort', 500),
        location: z.enum(['sachsen', 'laenderuebergreifend', 'ausserhalb']).optional(),
        crossBorderReason: longText('die Begründung', 2000),
        affectedMunicipality: optionalText('die Kommune', 200),
        buergerkommuneProof: z.enum(['satzung', 'praxis', 'keiner']).optional(),
        buergerkommuneProofText: longText('die Beschreibung', 3000),
        softwareReason: longText('die Begründung', 2000),
        cooperationDescription: longText('die Beschreibung', 3000),
        federalOrEuFunding: z.enum(['keine', 'beantragt', 'bewilligt']).optional(),
        federalOrEuFundingDetails: longText('die Angaben', 1000),
        whyProject: longText('die Begründung', 5000),
        whyFunding: longText('die Begründung', 3000),
        ...projectYesNoForm,
      });
    case 'zeitplan':
      return z.object({
        start: optionalDateField('den Beginn'),
        end: optionalDateField('das Ende'),
        alreadyStarted: optionalYesNo,
        milestones: list(
          z.object({ id: rowId(newId), date: optionalDateField('das Datum'), title: optionalText('den Meilenstein', 200) }),
          50,
          'Meilensteine',
        ),
      });
    case 'kosten':
      return z.object({
        vatDeductible: optionalYesNo,
        lines: list(costLineFormRow(newId), 2000, 'Ausgabenzeilen'),
        inKind: list(
          z.object({
            id: rowId(newId),
            kind: z.enum(['ehrenamt', 'raum']).default('ehrenamt'),
            description: optionalText('die Beschreibung', 300),
            quantity: quantityField('die Stunden oder Einheiten'),
            period: z
              .string()
              .optional()
              .transform((v, ctx) => {
                if (!v) return undefined;
                const m = /^(\d{1,2})\.(\d{4})$/.exec(v.trim()) ?? /^(\d{4})-(\d{2})$/.exec(v.trim());
                if (!m) {
                  ctx.addIssue({ code: 'custom', message: 'Bitte geben Sie den Monat als MM.JJJJ an, zum Beispiel 04.2027.' });
                  return z.NEVER;
                }
                const [yearPart, monthPart] = m[1]!.length === 4 ? [m[1]!, m[2]!] : [m[2]!, m[1]!];
                const month = Number(monthPart);
                if (month < 1 || month > 12) {
                  ctx.addIssue({ code: 'custom', message: 'Diesen Monat gibt es nicht.' });
                  return z.NEVER;
                }
                return `${yearPart}-${String(month).padStart(2, '0')}`;
              }),
            unitRate: budgetEuro('die Miete je Einheit'),
            rentSource: optionalText('die Quelle', 300),
            supportingOnly: z
              .string()
              .optional()
              .transform((v) => (v === 'on' ? true : undefined)),
          }),
          500,
          'Eigenleistungen',
        ),
        ownCash: budgetEuro('die Eigenmittel'),
        donations: list(
          z.object({
            id: rowId(newId),
            donor: optionalText('die Geldgeberin oder den Geldgeber'),
            amount: budgetEuro('den Betrag'),
            earmarked: z
              .string()
              .optional()
              .transform((v) => v === 'on'),
          }),
          200,
          'Spenden',
        ),
        otherPublic: list(
          z.object({
            id: rowId(newId),
            funder: optionalText('die Förderstelle'),
            amount: budgetEuro('den Betrag'),
            status: z.enum(['beantragt', 'bewilligt']).optional(),
          }),
          50,
          'öffentliche Mittel',
        ),
        requestedGrant: budgetEuro('die beantragte Zuwendung'),
        capExceedReason: longText('die Begründung', 3000),
      });
    case 'erklaerungen': {
      const tick = z
        .string()
        .optional()
        .transform((v) => (v === 'on' ? true : undefined));
      return z.object({
        ebbsAndEvaluation: tick,
        portalIdeas: tick,
        fdgo: tick,
        notStarted: tick,
        subsidyRelevantFacts: tick,
        dataProtection: tick,
        mainlyPubliclyFunded: optionalYesNo,
        signatoryName: optionalText('den Namen', 200),
        signatoryFunction: optionalText('die Funktion', 100),
        place: optionalText('den Ort', 200),
      });
    }
    case 'anlagen':
      return z.object({});
  }
}

type Parsed<S extends EditableStep> = z.output<ReturnType<typeof buildStepFormSchema>> & { __step?: S };

/** Applies a parsed step form to the application (returns a new object; the step owns its section). */
export function applyStepForm(data: ApplicationData, step: EditableStep, parsed: Parsed<EditableStep>): ApplicationData {
  const p = parsed as Raw;
  const next: ApplicationData = structuredClone(data);
  const clean = <T extends Raw>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as T;
  switch (step) {
    case 'antragsteller': {
      const org = p.organisation as Raw;
      next.applicant = {
        ...(clean({
          nonprofit: p.nonprofit,
          locallyRooted: p.locallyRooted,
          seatExceptionReason: p.seatExceptionReason,
          isVerbund: p.isVerbund,
        }) as Pick<ApplicationData['applicant'], 'nonprofit' | 'locallyRooted' | 'seatExceptionReason' | 'isVerbund'>),
        organisation: org.kind && org.landkreis ? (org as ApplicationData['applicant']['organisation']) : data.applicant.organisation,
        partners: (p.isVerbund ? (p.partners as Raw[]) : []).map((row) => clean(row)) as ApplicationData['applicant']['partners'],
      };
      return next;
    }
    case 'vorhaben':
      next.project = clean({
        ...p,
        parts: p.parts,
        formats: (p.formats as Raw[]).map((f) => ({ ...f, format: f.format ?? 'sonstiges', level: f.level ?? 'konsultation' })),
        targetGroups: p.targetGroups,
      }) as ApplicationData['project'];
      return next;
    case 'zeitplan':
      next.schedule = clean({ ...p, milestones: (p.milestones as Raw[]).map((m) => clean(m)) }) as ApplicationData['schedule'];
      return next;
    case 'kosten':
      next.budget = clean({
        vatDeductible: p.vatDeductible,
        lines: (p.lines as CostLineFormRow[]).map(costLineFromForm),
        inKind: (p.inKind as Raw[]).map((l) =>
          clean({
            id: l.id,
            kind: l.kind,
            description: l.description,
            quantityMilli: l.quantity,
            period: l.period,
            unitRateCents: l.kind === 'raum' ? l.unitRate : undefined,
            rentSource: l.kind === 'raum' ? l.rentSource : undefined,
            supportingOnly: l.kind === 'ehrenamt' ? l.supportingOnly : undefined,
          }),
        ),
        ownCashCents: p.ownCash,
        donations: (p.donations as Raw[]).map((d) => clean({ id: d.id, donor: d.donor, amountCents: d.amount, earmarked: d.earmarked })),
        otherPublic: (p.otherPublic as Raw[]).map((f) => clean({ id: f.id, funder: f.funder, amountCents: f.amount, status: f.status })),
        requestedGrantCents: p.requestedGrant,
        capExceedReason: p.capExceedReason,
      }) as ApplicationData['budget'];
      return next;
    case 'erklaerungen':
      next.declarations = clean(p) as ApplicationData['declarations'];
      return next;
    case 'anlagen':
      return next;
  }
}

/** The stored section as form values (strings), for a form's default values. */
export function stepFormValues(step: EditableStep, data: ApplicationData): Raw {
  switch (step) {
    case 'antragsteller': {
      const a = data.applicant;
      return {
        organisation: a.organisation ?? {},
        nonprofit: yn(a.nonprofit),
        locallyRooted: yn(a.locallyRooted),
        seatExceptionReason: a.seatExceptionReason,
        isVerbund: yn(a.isVerbund),
        partners: a.partners,
      };
    }
    case 'vorhaben': {
      const p = data.project;
      return { ...p, ...Object.fromEntries(projectYesNoNames.map((name) => [name, yn(p[name])])) };
    }
    case 'zeitplan': {
      const s = data.schedule;
      return {
        start: isoToGerman(s.start),
        end: isoToGerman(s.end),
        alreadyStarted: yn(s.alreadyStarted),
        milestones: s.milestones.map((m) => ({ id: m.id, title: m.title, date: isoToGerman(m.date) })),
      };
    }
    case 'kosten': {
      const b = data.budget;
      return {
        vatDeductible: yn(b.vatDeductible),
        lines: b.lines.map((l) => ({
          id: l.id,
          category: l.category,
          kind: l.kind,
          description: l.description,
          quantity: qty(l.quantityMilli),
          unitPrice: money(l.unitPriceCents),
          amount: money(l.amountCents),
          year: l.year === undefined ? undefined : String(l.year),
          note: l.note,
        })),
        inKind: b.inKind.map((l) => ({
          id: l.id,
          kind: l.kind,
          description: l.description,
          quantity: qty(l.quantityMilli),
          period: l.period ? `${l.period.slice(5, 7)}.${l.period.slice(0, 4)}` : undefined,
          unitRate: money(l.unitRateCents),
          rentSource: l.rentSource,
          supportingOnly: l.supportingOnly ? 'on' : undefined,
        })),
        ownCash: money(b.ownCashCents),
        donations: b.donations.map((d) => ({
          id: d.id,
          donor: d.donor,
          amount: money(d.amountCents),
          earmarked: d.earmarked ? 'on' : undefined,
        })),
        otherPublic: b.otherPublic.map((f) => ({ id: f.id, funder: f.funder, amount: money(f.amountCents), status: f.status })),
        requestedGrant: money(b.requestedGrantCents),
        capExceedReason: b.capExceedReason,
      };
    }
    case 'erklaerungen': {
      const d = data.declarations;
      const on = (v: boolean | undefined) => (v ? 'on' : undefined);
      return {
        ebbsAndEvaluation: on(d.ebbsAndEvaluation),
        portalIdeas: on(d.portalIdeas),
        fdgo: on(d.fdgo),
        notStarted: on(d.notStarted),
        subsidyRelevantFacts: on(d.subsidyRelevantFacts),
        dataProtection: on(d.dataProtection),
        mainlyPubliclyFunded: yn(d.mainlyPubliclyFunded),
        signatoryName: d.signatoryName,
        signatoryFunction: d.signatoryFunction,
        place: d.place,
      };
    }
    case 'anlagen':
      return {};
  }
}

/**
 * The budget as far as the typed values are valid, for live sums while typing: an invalid or
 * empty amount counts as nothing instead of blocking every sum.
 */
export function lenientBudget(payload: Record<string, unknown>, data: ApplicationData): ApplicationData {
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const euro = (v: unknown) => {
    const parsed = parseEuro(str(v), '', BUDGET_MAX_CENTS);
    return parsed.ok ? parsed.cents : undefined;
  };
  const qtyMilli = (v: unknown) => {
    const parsed = parseQuantity(str(v));
    return parsed.ok ? parsed.milli : undefined;
  };
  const rows = (v: unknown) => (Array.isArray(v) ? (v as Array<Record<string, unknown>>) : []);
  const next = structuredClone(data);
  next.budget = {
    ...next.budget,
    lines: rows(payload.lines).map((l, i) => {
      const kind = (['menge', 'pauschal', 'personal'] as const).find((k) => k === l.kind) ?? 'menge';
      const category = costCategories.some((c) => c.id === l.category) ? str(l.category) : 'sonstiges';
      const year = Number(str(l.year));
      return {
        id: str(l.id) || `zeile-${i}`,
        category,
        kind,
        quantityMilli: kind === 'pauschal' ? undefined : qtyMilli(l.quantity),
        unitPriceCents: kind === 'pauschal' ? undefined : euro(l.unitPrice),
        amountCents: kind === 'pauschal' ? euro(l.amount) : undefined,
        year: Number.isInteger(year) && year > 2000 ? year : undefined,
      };
    }),
    inKind: rows(payload.inKind).map((l, i) => {
      const kind = l.kind === 'raum' ? 'raum' : 'ehrenamt';
      const period = /^(\d{1,2})\.(\d{4})$/.exec(str(l.period).trim());
      return {
        id: str(l.id) || `eigen-${i}`,
        kind,
        quantityMilli: qtyMilli(l.quantity),
        period: period ? `${period[2]}-${period[1]!.padStart(2, '0')}` : undefined,
        unitRateCents: kind === 'raum' ? euro(l.unitRate) : undefined,
      };
    }),
    ownCashCents: euro(payload.ownCash),
    donations: rows(payload.donations).map((d, i) => ({
      id: str(d.id) || `spende-${i}`,
      amountCents: euro(d.amount),
      earmarked: d.earmarked === 'on',
    })),
    otherPublic: rows(payload.otherPublic).map((f, i) => ({ id: str(f.id) || `mittel-${i}`, amountCents: euro(f.amount) })),
    requestedGrantCents: euro(payload.requestedGrant),
  };
  return next;
}
