import { formatDate, formatEuro, formatPercentBasisPoints } from '../shared/format';
import { landkreisLabel, organisationKindInfo, type Landkreis, type OrganisationKind, type ProgrammePart } from '../shared/organisation';
import type { FundingCall } from './calls';
import type { Facts } from './facts';
import type { DatedValue, ParameterId, ParameterTable } from './parameters';
import { routeInfo, type FundingRoute } from './routes';

export const severities = ['ausschluss', 'begruendung', 'hinweis'] as const;
export type Severity = (typeof severities)[number];
export const severityLabel: Record<Severity, string> = {
  ausschluss: 'Ausschluss',
  begruendung: 'Begründung',
  hinweis: 'Hinweis',
};
export const severityMeaning: Record<Severity, string> = {
  ausschluss: 'nicht förderfähig, solange nicht erfüllt',
  begruendung: 'förderfähig nur im begründeten Einzelfall; das Ministerium entscheidet',
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
  /** A sentence with the case's numbers ("Beantragt: 10.000,01 €; Höchstbetrag: 10.000,00 €"). */
  detail?: string;
  /** What to do, in concrete words ("Reduzieren Sie die beantragte Zuwendung auf 10.000 €."). */
  fix?: string;
}

/** The part of the legal sources a clause lives in, for links into the texts. */
export type SourceDocument = 'frl' | 'vwv' | 'vvk' | 'anbest-k' | 'anbest-p' | 'gesetz';

export interface Criterion {
  id: string;
  title: string;
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
  explanation: { erfuellt: Texts; nicht_erfuellt: Texts };
  evaluate(context: EvaluationContext, trace: Tracer): Outcome;
}

/** Values computed once from the facts; named so criteria read like the directive. */
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
}

export interface EvaluationContext {
  facts: Facts;
  calls: FundingCall[];
  date: string;
  params: Record<ParameterId, DatedValue>;
  table: ParameterTable;
  derived: Derived;
}

// ---- tracing the facts a criterion used ----------------------------------------------------

const yesNo = (v: boolean) => (v ? 'ja' : 'nein');

const factLabels: Record<string, { label: string; format?: (value: never) => string }> = {
  'applicant.kind': { label: 'Art des Antragstellers', format: (v: OrganisationKind) => organisationKindInfo[v].label },
  'applicant.landkreis': { label: 'Sitz (Landkreis)', format: (v: Landkreis) => landkreisLabel[v] },
  'applicant.nonprofit': { label: 'als gemeinnützig anerkannt', format: yesNo },
  'applicant.locallyRooted': { label: 'lokal in Sachsen verankert', format: yesNo },
  'applicant.seatExceptionReason': { label: 'Begründung für Sitz/Verankerung außerhalb Sachsens' },
  'applicant.vatDeductible': { label: 'zum Vorsteuerabzug berechtigt', format: yesNo },
  'applicant.mainlyPubliclyFunded': { label: 'überwiegend öffentlich finanziert', format: yesNo },
  'verbund.partners': {
    label: 'Verbundpartner',
    format: (v: Array<{ kind: OrganisationKind; name?: string }>) =>
      v.map((p) => `${p.name ? `${p.name} ` : ''}(${organisationKindInfo[p.kind].label})`).join(', '),
  },
  'verbund.leadNamed': { label: 'federführender Antragsteller benannt', format: yesNo },
  'verbund.allPartnersGebietskoerperschaften': { label: 'alle Verbundpartner sind Gebietskörperschaften', format: yesNo },
  'project.route': { label: 'Förderweg', format: (v: FundingRoute) => `${routeInfo[v].label} (${routeInfo[v].clause})` },
  'project.location': {
    label: 'Ort des Vorhabens',
    format: (v: string) => ({ sachsen: 'in Sachsen', laenderuebergreifend: 'länderübergreifend', ausserhalb: 'außerhalb Sachsens' })[v] ?? v,
  },
  'project.crossBorderReason': { label: 'Begründung länderübergreifendes Vorhaben' },
  'project.municipalLevel': { label: 'auf kommunaler Ebene', format: yesNo },
  'project.statutoryProcedure': { label: 'gesetzlich vorgeschriebenes Beteiligungsverfahren', format: yesNo },
  'project.buergerbudgetFunds': { label: 'Förderung soll Mittel eines Bürgerbudgets bereitstellen', format: yesNo },
  'project.usesBeteiligungsportal': { label: 'nutzt das Beteiligungsportal', format: yesNo },
  'project.softwareProcurement': { label: 'Software soll beschafft oder gemietet werden', format: yesNo },
  'project.softwareReason': { label: 'Begründung, warum das Beteiligungsportal nicht ausreicht' },
  'project.start': { label: 'Beginn', format: (v: string) => formatDate(v) },
  'project.end': { label: 'Ende', format: (v: string) => formatDate(v) },
  'project.alreadyStarted': { label: 'Vorhaben bereits begonnen', format: yesNo },
  'project.freieTraegerCooperation': { label: 'Beteiligung freier Träger dargelegt', format: yesNo },
  'project.municipalityCooperation': { label: 'Kooperation mit der betroffenen Kommune dargelegt', format: yesNo },
  'project.supportLetter': { label: 'Unterstützungsschreiben der Kommune liegt bei', format: yesNo },
  'project.againstFinalDecision': { label: 'richtet sich gegen eine abschließende Entscheidung der Kommune', format: yesNo },
  'project.decidingBodySupports': { label: 'zuständiges Organ der Kommune unterstützt den Antrag', format: yesNo },
  'project.buergerkommuneProof': {
    label: 'Nachweis Bürgerkommune',
    format: (v: string) =>
      ({ satzung: 'Beteiligungssatzung erlassen', praxis: 'regelmäßig praktizierte Formate nachgewiesen', keiner: 'kein Nachweis' })[v] ?? v,
  },
  'project.federalOrEuFunding': {
    label: 'Förderung durch Bund oder EU',
    format: (v: string) => ({ keine: 'keine', beantragt: 'beantragt', bewilligt: 'bewilligt' })[v] ?? v,
  },
  'declarations.ebbsAndEvaluation': { label: 'Erklärung EBBS und wissenschaftliche Begleitung', format: yesNo },
  'declarations.portalIdeas': { label: 'Erklärung Ideen für das Beteiligungsportal', format: yesNo },
  'declarations.fdgo': { label: 'Erklärung freiheitliche demokratische Grundordnung', format: yesNo },
  'declarations.subsidyRelevantFacts': { label: 'Kenntnisnahme subventionserhebliche Tatsachen', format: yesNo },
  'declarations.dataProtection': { label: 'Kenntnisnahme Datenschutzhinweise', format: yesNo },
  'budget.totalExpenditure': { label: 'Gesamtausgaben', format: (v: number) => formatEuro(Math.round(v * 100)) },
  'budget.financingCosts': { label: 'darin Finanzierungskosten und Zinsen', format: (v: number) => formatEuro(Math.round(v * 100)) },
  'budget.softwareCosts': { label: 'darin Software', format: (v: number) => formatEuro(Math.round(v * 100)) },
  'budget.amountsAreNet': { label: 'Beträge netto (ohne Umsatzsteuer)', format: yesNo },
  'budget.requestedGrant': { label: 'beantragte Zuwendung', format: (v: number) => formatEuro(Math.round(v * 100)) },
  'budget.ownCash': { label: 'Eigenmittel (bar)', format: (v: number) => formatEuro(Math.round(v * 100)) },
  'budget.inKind': { label: 'unbare Eigenleistungen', format: (v: number) => formatEuro(Math.round(v * 100)) },
  'budget.thirdPartyEarmarked': { label: 'zweckgebundene Spenden und Mittel Dritter', format: (v: number) => formatEuro(Math.round(v * 100)) },
  'budget.thirdPartyOther': { label: 'sonstige Mittel Dritter', format: (v: number) => formatEuro(Math.round(v * 100)) },
  'budget.otherPublic': { label: 'andere öffentliche Mittel', format: (v: number) => formatEuro(Math.round(v * 100)) },
  'budget.capExceedReason': { label: 'Begründung für eine höhere Zuwendung' },
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
