import { formatDate, formatEuro, formatPercentBasisPoints } from '../shared/format';
import { organisationKindInfo, type OrganisationKind, type ProgrammePart } from '../shared/organisation';
import { fieldFacts } from './application/fields';
import type { FundingCall } from './calls';
import type { Facts } from './facts';
import type { DatedValue, ParameterId, ParameterTable } from './parameters';
import type { FundingRoute } from './routes';
import { say, sayTexts, wordsFor, type PhraseTexts, type Phrase } from './wording';

export const severities = ['ausschluss', 'begruendung', 'hinweis'] as const;
export type Severity = (typeof severities)[number];
export const severityLabel: Record<Severity, string> = {
  ausschluss: 'Ausschluss',
  begruendung: 'Begründung',
  hinweis: 'Hinweis',
};
export const severityMeaning: Record<Severity, string> = {
  ausschluss: 'nicht förderfähig, solange nicht erfüllt',
  begruendung: 'förderfähig nur im begründeten Einzelfall; die SAB als Bewilligungsbehörde entscheidet',
  hinweis: 'förderfähig, aber bitte beachten',
};

export const statuses = ['erfuellt', 'nicht_erfuellt', 'offen', 'entfaellt'] as const;
export type Status = (typeof statuses)[number];
export const statusLabel: Record<Status, string> = {
  erfuellt: 'erfüllt',
  nicht_erfuellt: 'nicht erfüllt',
  offen: 'noch offen',
  entfaellt: 'trifft nicht zu',
};

export const topics = ['antragsteller', 'vorhaben', 'zeitraum', 'erklaerungen', 'finanzen', 'verfahren'] as const;
export type Topic = (typeof topics)[number];
export const topicLabel: Record<Topic, string> = {
  antragsteller: 'Antragsteller',
  vorhaben: 'Vorhaben',
  zeitraum: 'Zeitraum und Beginn',
  erklaerungen: 'Erklärungen',
  finanzen: 'Zuwendung und Finanzierung',
  verfahren: 'Verfahren',
};

/** One sentence in plain administrative German and one in simple language (Leichte-Sprache style). */
export interface Texts {
  verwaltung: string;
  einfach: string;
}

export interface TraceEntry {
  fact: string;
  label: string;
  value: string;
}

export interface Outcome {
  status: Status;
  /**
   * An explanation for this situation, where the criterion's general one would not fit the facts
   * (a Verbund rule when no Verbund is formed).
   */
  explanation?: PhraseTexts;
  /** A sentence with the case's numbers ("Beantragt: 10.000,01 €; Höchstbetrag: 10.000,00 €"). */
  detail?: string;
  /** What to do, in concrete words ("Reduzieren Sie die beantragte Zuwendung auf 10.000 €."). */
  fix?: string;
}

/** The part of the legal sources a clause lives in, for links into the texts. */
export type SourceDocument = 'frl' | 'vwv' | 'vvk' | 'anbest-k' | 'anbest-p' | 'gesetz';

export interface Criterion {
  id: string;
  /** Titles and explanations that name an amount, rate or duration take it from the parameters. */
  title: Phrase;
  /** Each clause the rule rests on, cited in full ("FRL Teil 2 A V Nr. 5"). */
  clauses: string[];
  source: { document: SourceDocument; section: string };
  severity: Severity;
  topic: Topic;
  /** Programme parts the criterion belongs to. */
  parts: ProgrammePart[];
  /** Routes within those parts, when narrower (e.g. only 1.3 Bürgerkommune). */
  routes?: FundingRoute[];
  /** Set when no source settles the rule; shown as "Annahme". */
  assumption?: string;
  /** Parameters the rule reads, for the catalogue. */
  parameters?: ParameterId[];
  explanation: { erfuellt: PhraseTexts; nicht_erfuellt: PhraseTexts };
  evaluate(context: EvaluationContext, trace: Tracer): Outcome;
}

/** A criterion's title and explanations as read on a date: every parameter it names in force then. */
export interface CriterionWording {
  title: string;
  explanation: { erfuellt: Texts; nicht_erfuellt: Texts };
}

const wordingCache = new WeakMap<Record<ParameterId, DatedValue>, Map<string, CriterionWording>>();

export function wordingOf(criterion: Criterion, params: Record<ParameterId, DatedValue>): CriterionWording {
  let byCriterion = wordingCache.get(params);
  if (!byCriterion) {
    byCriterion = new Map();
    wordingCache.set(params, byCriterion);
  }
  let wording = byCriterion.get(criterion.id);
  if (!wording || byCriterion.size > 500) {
    const words = wordsFor(params);
    wording = {
      title: say(criterion.title, words),
      explanation: {
        erfuellt: sayTexts(criterion.explanation.erfuellt, words),
        nicht_erfuellt: sayTexts(criterion.explanation.nicht_erfuellt, words),
      },
    };
    byCriterion.set(criterion.id, wording);
  }
  return wording;
}

/** Values computed once from the facts (by ./financing.ts); named so criteria read like the directive. */
export interface Derived {
  part: ProgrammePart | null;
  route: FundingRoute | null;
  calendarYears: number | null;
  totalCents: number | null;
  financingCostsCents: number;
  /**
   * In-kind contributions that count on neither side of the plan: all of them in Teil 2 A, which
   * knows no in-kind own share (assumption of finanzen.sachleistungen-kommune); none in Teil 2 B.
   */
  uncountedInKindCents: number;
  /** The expenditure the financing must match: the total without uncounted in-kind contributions. */
  balanceTotalCents: number | null;
  /** Total minus financing costs and uncounted in-kind: the base of the rate and the proposed grant. */
  eligibleCents: number | null;
  grantCents: number | null;
  ownCashCents: number | null;
  inKindCents: number | null;
  earmarkedCents: number | null;
  otherThirdPartyCents: number | null;
  otherPublicCents: number | null;
  /** Grant + every other counted source, when the grant and at least one other source are known. */
  financingCents: number | null;
  /** The applicant's share: everything except the grant (own cash, in kind, third parties, other public). */
  ownShareCents: number | null;
  capCents: number | null;
  proposedGrantCents: number | null;
  /** Grant ÷ eligible expenditure in basis points, rounded up; null while either is unknown or 0. */
  grantRateBp: number | null;
}

export interface EvaluationContext {
  facts: Facts;
  calls: FundingCall[];
  /** The reference date: the rules and parameters in force then apply. */
  date: string;
  /** The day the facts are judged on (usually the reference date; see EvaluateOptions). */
  checkDate: string;
  params: Record<ParameterId, DatedValue>;
  table: ParameterTable;
  derived: Derived;
}

// ---- tracing the facts a criterion used ----------------------------------------------------

const yesNo = (v: boolean) => (v ? 'ja' : 'nein');

/**
 * The facts' names in a trace and how their values read: the facts a field of the application
 * answers come from the field registry (application/fields); these are the rest.
 */
const factLabels: Record<string, { label: string; format?: (value: never) => string }> = {
  ...fieldFacts,
  'verbund.partners': {
    label: 'Verbundpartner',
    format: (v: Array<{ kind: OrganisationKind; name?: string }>) =>
      v.map((p) => `${p.name ? `${p.name} ` : ''}(${organisationKindInfo[p.kind].label})`).join(', '),
  },
  'verbund.leadNamed': { label: 'federführender Antragsteller benannt', format: yesNo },
  'verbund.allPartnersGebietskoerperschaften': { label: 'alle Verbundpartner sind Gebietskörperschaften', format: yesNo },
  'project.supportLetter': { label: 'Unterstützungsschreiben der Kommune liegt bei', format: yesNo },
  'budget.totalExpenditureCents': { label: 'Gesamtausgaben', format: formatEuro },
  'budget.financingCostsCents': { label: 'darin Finanzierungskosten und Zinsen', format: formatEuro },
  'budget.softwareCostsCents': { label: 'darin Software', format: formatEuro },
  'budget.amountsAreNet': { label: 'Beträge netto (ohne Umsatzsteuer)', format: yesNo },
  'budget.requestedGrantCents': { label: 'beantragte Zuwendung', format: formatEuro },
  'budget.ownCashCents': { label: 'Eigenmittel (bar)', format: formatEuro },
  'budget.inKindCents': { label: 'unbare Eigenleistungen', format: formatEuro },
  'budget.thirdPartyEarmarkedCents': { label: 'zweckgebundene Spenden und Mittel Dritter', format: formatEuro },
  'budget.thirdPartyOtherCents': { label: 'sonstige Mittel Dritter', format: formatEuro },
  'budget.otherPublicCents': { label: 'andere öffentliche Mittel', format: formatEuro },
};

export function labelOfFact(path: string): string {
  return factLabels[path]?.label ?? path;
}

/** A fact's value as people read it ("in Sachsen", "ja", "12.000,00 €"); "nicht angegeben" when empty. */
export function formatFact(path: string, value: unknown): string {
  if (value === undefined || value === null || value === '') return 'nicht angegeben';
  const format = factLabels[path]?.format as ((v: unknown) => string) | undefined;
  return format ? format(value) : String(value);
}

const splitPaths = new Map<string, string[]>();
function keysOf(path: string): string[] {
  let keys = splitPaths.get(path);
  if (!keys) {
    keys = path.split('.');
    splitPaths.set(path, keys);
  }
  return keys;
}

/** Facts read and formatted once per evaluation, shared by every criterion's tracer. */
/** Trace entries of parameters depend only on the resolved values, so they are made once per set. */
const parameterEntryCache = new WeakMap<Record<ParameterId, DatedValue>, Map<string, TraceEntry>>();

export class FactReader {
  private readonly cache = new Map<string, { value: unknown; entry: TraceEntry }>();
  constructor(private readonly facts: Facts) {}

  parameter(context: EvaluationContext, id: ParameterId, label: string, format: (value: number) => string): TraceEntry {
    let entries = parameterEntryCache.get(context.params);
    if (!entries) {
      entries = new Map();
      parameterEntryCache.set(context.params, entries);
    }
    const key = `${id}|${label}`;
    let entry = entries.get(key);
    if (!entry) {
      const value = context.params[id];
      entry = { fact: `parameter.${id}`, label, value: `${format(value.value)} (${value.reference}, gültig ab ${formatDate(value.from)})` };
      entries.set(key, entry);
    }
    return entry;
  }

  read(path: string): { value: unknown; entry: TraceEntry } {
    let hit = this.cache.get(path);
    if (!hit) {
      let node: unknown = this.facts;
      for (const key of keysOf(path)) node = (node as Record<string, unknown> | undefined)?.[key];
      const meta = factLabels[path];
      const shown = formatFact(path, node);
      hit = { value: node === '' ? undefined : node, entry: { fact: path, label: meta?.label ?? path, value: shown } };
      this.cache.set(path, hit);
    }
    return hit;
  }
}

export class Tracer {
  readonly entries: TraceEntry[] = [];
  constructor(private readonly reader: FactReader) {}

  /** Reads a fact by path and records it (also when it is unknown). */
  fact<T>(path: string): T | undefined {
    const { value, entry } = this.reader.read(path);
    if (!this.entries.includes(entry)) this.entries.push(entry);
    return value as T | undefined;
  }

  /** Records a derived value or parameter that decided the outcome. */
  note(fact: string, label: string, value: string): void {
    if (!this.entries.some((e) => e.fact === fact)) this.entries.push({ fact, label, value });
  }

  money(fact: string, label: string, cents: number): void {
    this.note(fact, label, formatEuro(cents));
  }

  parameter(context: EvaluationContext, id: ParameterId, label: string, format: (value: number) => string): number {
    const entry = this.reader.parameter(context, id, label, format);
    if (!this.entries.includes(entry)) this.entries.push(entry);
    return context.params[id].value;
  }
}

export const formatRate = formatPercentBasisPoints;

const citations = new WeakMap<Pick<Criterion, 'clauses'>, string>();

/** "FRL Teil 2 A V Nr. 5, FRL Teil 2 B V Nr. 4" */
export function citationOf(criterion: Pick<Criterion, 'clauses'>): string {
  let citation = citations.get(criterion);
  if (citation === undefined) {
    citation = criterion.clauses.join(', ');
    citations.set(criterion, citation);
  }
  return citation;
}
