import { z } from 'zod';
import { isoToGerman } from '../../shared/dates';
import { dateField, euroField, optionalDateField, optionalYesNo } from '../../shared/fields';
import { formatCentsForInput } from '../../shared/format';
import { landkreise, organisationKinds, organisationKindInfo, type OrganisationKind } from '../../shared/organisation';
import { formatFact, labelOfFact } from '../criterion';
import { verdicts, type Verdict } from '../engine';
import type { CaseFactsInput, FactsInput } from '../facts';
import { isGebietskoerperschaft } from '../predicates';
import { fundingRoutes } from '../routes';

/**
 * The test bench's case form: every fact of a case as a field, so ministry staff check a case
 * without writing YAML. Yes/no facts have a third answer "offen" (not given), as in the engine,
 * where an unknown fact leaves its criteria open. Amounts are typed as in every form here
 * ("12.000,00"); the case carries euros like the YAML suite. Free texts (reasons) are kept as
 * "given or not": a case taken from a draft gets a placeholder instead of what the applicant wrote.
 */

type Group = 'applicant' | 'verbund' | 'project' | 'declarations' | 'budget';

export type FactField =
  | { group: Group; key: string; kind: 'yesno' | 'date' | 'euro' | 'text' }
  | { group: Group; key: string; kind: 'choice'; values: readonly string[] };

const yesno = (group: Group, ...keys: string[]): FactField[] => keys.map((key) => ({ group, key, kind: 'yesno' }));
const euro = (...keys: string[]): FactField[] => keys.map((key) => ({ group: 'budget', key, kind: 'euro' }));

export const caseFormGroups: Array<{ group: Group; title: string; fields: FactField[] }> = [
  {
    group: 'applicant',
    title: 'Antragsteller',
    fields: [
      { group: 'applicant', key: 'kind', kind: 'choice', values: organisationKinds },
      { group: 'applicant', key: 'landkreis', kind: 'choice', values: landkreise },
      ...yesno('applicant', 'nonprofit', 'locallyRooted'),
      { group: 'applicant', key: 'seatExceptionReason', kind: 'text' },
      ...yesno('applicant', 'vatDeductible', 'mainlyPubliclyFunded'),
    ],
  },
  {
    group: 'verbund',
    title: 'Verbund',
    fields: [...yesno('verbund', 'allPartnersGebietskoerperschaften', 'leadNamed')],
  },
  {
    group: 'project',
    title: 'Vorhaben',
    fields: [
      { group: 'project', key: 'route', kind: 'choice', values: fundingRoutes },
      { group: 'project', key: 'location', kind: 'choice', values: ['sachsen', 'laenderuebergreifend', 'ausserhalb'] },
      { group: 'project', key: 'crossBorderReason', kind: 'text' },
      { group: 'project', key: 'start', kind: 'date' },
      { group: 'project', key: 'end', kind: 'date' },
      ...yesno(
        'project',
        'alreadyStarted',
        'municipalLevel',
        'statutoryProcedure',
        'buergerbudgetFunds',
        'usesBeteiligungsportal',
        'softwareProcurement',
      ),
      { group: 'project', key: 'softwareReason', kind: 'text' },
      ...yesno(
        'project',
        'freieTraegerCooperation',
        'municipalityCooperation',
        'supportLetter',
        'againstFinalDecision',
        'decidingBodySupports',
      ),
      { group: 'project', key: 'buergerkommuneProof', kind: 'choice', values: ['satzung', 'praxis', 'keiner'] },
      { group: 'project', key: 'federalOrEuFunding', kind: 'choice', values: ['keine', 'beantragt', 'bewilligt'] },
      { group: 'project', key: 'federalOrEuFundingDetails', kind: 'text' },
    ],
  },
  {
    group: 'declarations',
    title: 'Erklärungen',
    fields: yesno('declarations', 'ebbsAndEvaluation', 'portalIdeas', 'fdgo', 'subsidyRelevantFacts', 'dataProtection'),
  },
  {
    group: 'budget',
    title: 'Ausgaben und Finanzierung',
    fields: [
      ...euro('totalExpenditure', 'financingCosts', 'softwareCosts'),
      ...yesno('budget', 'amountsAreNet'),
      ...euro('requestedGrant', 'ownCash', 'inKind', 'thirdPartyEarmarked', 'thirdPartyOther', 'otherPublic'),
      { group: 'budget', key: 'capExceedReason', kind: 'text' },
    ],
  },
];

/** The fact as the engine names it: amounts are cents inside ("budget.requestedGrantCents"), euros in a case. */
export const factPath = (f: FactField) => `${f.group}.${f.key}${f.kind === 'euro' ? 'Cents' : ''}`;

/** The field's German label, as the engine's trace names the fact. */
export const factFieldLabel = (f: FactField) => labelOfFact(factPath(f));

/** The choices of a choice field with the words the trace uses ("Gemeinde", "in Sachsen"). */
export const factFieldOptions = (f: FactField) =>
  f.kind === 'choice' ? f.values.map((value) => ({ value, label: formatFact(factPath(f), value) })) : [];

/** What a draft's own reason becomes in a case taken from it (given, but not its words). */
export const placeholderText = '(im Entwurf begründet)';

function fieldSchema(f: FactField) {
  const label = factFieldLabel(f);
  switch (f.kind) {
    case 'yesno':
      return optionalYesNo;
    case 'choice':
      return z
        .enum(f.values as [string, ...string[]], { error: `Bitte wählen Sie bei „${label}“ einen Eintrag aus der Liste.` })
        .optional();
    case 'date':
      return optionalDateField(`das Datum „${label}“`);
    case 'euro':
      return euroField(`den Betrag „${label}“`);
    case 'text':
      return z.string().max(5000, { error: 'Bitte kürzen Sie den Text auf höchstens 5.000 Zeichen.' }).optional();
  }
}

const groupSchema = (group: Group) =>
  z.object(Object.fromEntries(caseFormGroups.find((g) => g.group === group)!.fields.map((f) => [f.key, fieldSchema(f)]))).default({});

export const verdictChoice = z.enum(verdicts, { error: 'Bitte wählen Sie ein Ergebnis aus der Liste.' });

/** The form as Conform reads it: nested by group ("project.start"). */
export const caseFormSchema = z.object({
  name: z.string().max(200, { error: 'Bitte kürzen Sie den Namen auf höchstens 200 Zeichen.' }).optional(),
  referenceDate: dateField('den Prüftag', 'Bitte geben Sie den Tag an, an dem geprüft wird (TT.MM.JJJJ).'),
  expectedVerdict: verdictChoice.optional(),
  isVerbund: optionalYesNo,
  partnersListed: optionalYesNo,
  partnerKinds: z.preprocess(
    (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.enum(organisationKinds, { error: 'Bitte wählen Sie nur Arten aus der Liste.' })),
  ),
  applicant: groupSchema('applicant'),
  verbund: groupSchema('verbund'),
  project: groupSchema('project'),
  declarations: groupSchema('declarations'),
  budget: groupSchema('budget'),
});

export type CaseForm = z.output<typeof caseFormSchema>;

// Amounts arrive in cents from the form fields; every other budget value is a yes/no or a text.
const given = (entries: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined && v !== ''));

/**
 * The facts of a filled-in form, as the YAML suite writes them (euros, ISO dates, only what is
 * given). A Verbund exists only when "Verbund" is answered yes; when its partners are listed, each
 * ticked kind is one partner (none ticked is an empty list, which the rules report).
 */
export function formToCase(form: CaseForm): {
  name: string | undefined;
  referenceDate: string;
  expectedVerdict: Verdict | undefined;
  facts: CaseFactsInput;
} {
  const budget = Object.fromEntries(
    Object.entries(given(form.budget)).map(([key, value]) => [key, typeof value === 'number' ? value / 100 : value]),
  );
  const verbund = form.isVerbund
    ? given({ ...form.verbund, ...(form.partnersListed ? { partners: form.partnerKinds.map((kind) => ({ kind })) } : {}) })
    : undefined;
  const facts: Record<string, unknown> = {
    applicant: given(form.applicant),
    ...(verbund ? { verbund } : {}),
    project: given(form.project),
    declarations: given(form.declarations),
    budget,
  };
  return {
    name: form.name?.trim() || undefined,
    referenceDate: form.referenceDate,
    expectedVerdict: form.expectedVerdict,
    facts: facts as CaseFactsInput,
  };
}

/**
 * The form's values for a case (a suite case, or the facts of a draft). With `anonymise`, what an
 * applicant wrote in their own words is replaced by a placeholder and partner names are dropped,
 * so the case carries no name or text of the draft, only whether a reason was given.
 */
export function caseToForm(
  input: { name?: string; referenceDate: string; expectedVerdict?: Verdict; facts: CaseFactsInput },
  options: { anonymise?: boolean } = {},
): Record<string, unknown> {
  const facts = input.facts as Record<Group, Record<string, unknown> | undefined>;
  const values: Record<string, unknown> = {
    name: input.name ?? '',
    referenceDate: isoToGerman(input.referenceDate),
    expectedVerdict: input.expectedVerdict ?? '',
  };
  for (const { group, fields } of caseFormGroups) {
    const source = facts[group] ?? {};
    values[group] = Object.fromEntries(
      fields.map((f) => {
        const value = source[f.key];
        if (value === undefined || value === null) return [f.key, ''];
        if (f.kind === 'yesno') return [f.key, value ? 'ja' : 'nein'];
        if (f.kind === 'date') return [f.key, isoToGerman(String(value))];
        if (f.kind === 'euro') return [f.key, formatCentsForInput(Math.round(Number(value) * 100))];
        if (f.kind === 'text') return [f.key, options.anonymise && String(value).trim() ? placeholderText : String(value)];
        return [f.key, String(value)];
      }),
    );
  }
  const verbund = facts.verbund as { partners?: Array<{ kind: OrganisationKind }> } | undefined;
  values.isVerbund = verbund ? 'ja' : '';
  values.partnersListed = verbund?.partners ? 'ja' : '';
  values.partnerKinds = [...new Set((verbund?.partners ?? []).map((p) => p.kind))];
  return values;
}

/** The kinds a partner of a Verbund may have, first the ones the directive allows (Gebietskörperschaften). */
export const partnerKindOptions = [...organisationKinds]
  .sort((a, b) => Number(isGebietskoerperschaft(b)) - Number(isGebietskoerperschaft(a)))
  .map((kind) => ({ value: kind, label: organisationKindInfo[kind].label }));

/** The facts the engine works with (amounts in cents, as a draft gives them) in the case-file form (euros). */
export function caseFactsOf(facts: FactsInput): CaseFactsInput {
  const { budget, ...rest } = facts as FactsInput & { budget?: Record<string, unknown> };
  const euros = Object.fromEntries(
    Object.entries(budget ?? {}).map(([key, value]) =>
      key.endsWith('Cents') && typeof value === 'number' ? [key.slice(0, -'Cents'.length), value / 100] : [key, value],
    ),
  );
  return { ...rest, budget: euros } as CaseFactsInput;
}
