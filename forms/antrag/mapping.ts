import { hasBudget, inKindValueCents, lineTotalCents, type BudgetTotals } from '../../machines/frl/application/budget';
import { enclosureReference, type Enclosure } from '../../machines/frl/application/enclosures';
import type { ApplicationData, OrganisationSnapshot } from '../../machines/frl/application/schema';
import { costCategories } from '../../machines/frl/catalogues';
import { participationFormats, participationLevelInfo, targetGroups } from '../../machines/shared/participation';
import { severityLabel, statusLabel } from '../../machines/frl/criterion';
import { directiveVersions, verdictLabel, type EligibilityResult } from '../../machines/frl/engine';
import { resolveParameters, type ParameterTable } from '../../machines/frl/parameters';
import { earlyStartAllowed, isGebietskoerperschaft } from '../../machines/frl/predicates';
import { routeInfo } from '../../machines/frl/routes';
import { formatDate, formatEuro, formatPercentBasisPoints } from '../../machines/shared/format';
import { formatIban } from '../../machines/shared/iban';
import { landkreisLabel, organisationKindInfo, programmePartOf } from '../../machines/shared/organisation';
import type { FieldValue, TableColumn } from '../fill';
import { financeByYear, financeRowKeys, type FinancePlan } from './finance';

/**
 * The mapping from a stored application (plus derived values) to the fields of our template
 * (forms/antrag/template.pdf). It is typed against ApplicationData, so renaming a schema field
 * breaks the typecheck here; tests/unit/forms-mapping.test.ts checks that every field named here
 * exists in the template and that every template field is mapped or deliberately left empty.
 * When the SAB's official form is available, only this file changes.
 */

export interface AntragContext {
  data: ApplicationData;
  /** The organisation snapshot of the application, or the organisation's master data. */
  organisation: OrganisationSnapshot | null;
  totals: BudgetTotals;
  eligibility: EligibilityResult | null;
  parameters: ParameterTable;
  createdAt: Date;
  /** Reference date for dated parameters (the day of the check), ISO. */
  referenceDate: string;
  /** The Anlagenverzeichnis (form annexes, stored documents, missing ones). */
  enclosures: Enclosure[];
  finance: FinancePlan;
}

export function contextFor(input: Omit<AntragContext, 'finance'>): AntragContext {
  return { ...input, finance: financeByYear(input.data, input.totals) };
}

export type Mapper = (ctx: AntragContext) => FieldValue | null;

type Maybe<T> = T | null | undefined;
const present = (value: Maybe<string>) => (value === null || value === undefined || value.trim() === '' ? null : value);

export const text =
  (get: (ctx: AntragContext) => Maybe<string>): Mapper =>
  (ctx) => {
    const value = present(get(ctx));
    return value === null ? null : { type: 'text', value };
  };

export const multiline =
  (get: (ctx: AntragContext) => Maybe<string>): Mapper =>
  (ctx) => {
    const value = present(get(ctx));
    return value === null ? null : { type: 'multiline', value };
  };

export const checkbox =
  (get: (ctx: AntragContext) => Maybe<boolean>): Mapper =>
  (ctx) => ({ type: 'checkbox', checked: get(ctx) === true });

const euro = (get: (ctx: AntragContext) => Maybe<number>) =>
  text((ctx) => {
    const cents = get(ctx);
    return cents === null || cents === undefined ? null : formatEuro(cents);
  });

/** Amounts of the financing plan are shown once there is a budget at all. */
const budgetEuro = (get: (ctx: AntragContext) => number) => euro((ctx) => (hasBudget(ctx.data) ? get(ctx) : null));

const isoDateIn = (date: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);

/** The date of the document in Germany (Europe/Berlin), ISO. */
export const documentDate = (date: Date) => isoDateIn(date, 'Europe/Berlin');

const joinLines = (...parts: Array<Maybe<string> | false>) =>
  parts.filter((p): p is string => typeof p === 'string' && p.trim() !== '').join('\n');
const yesNo = (value: Maybe<boolean>) => (value === true ? 'ja' : value === false ? 'nein' : null);
const part = (ctx: AntragContext) => {
  const route = ctx.data.project.route;
  if (route) return routeInfo[route].part;
  const kind = ctx.organisation?.kind;
  return kind ? programmePartOf(kind) : null;
};

/** "1.234,5" – quantities are stored in thousandths. */
export function formatQuantity(milli: number): string {
  const whole = Math.floor(milli / 1000);
  const fraction = String(milli % 1000)
    .padStart(3, '0')
    .replace(/0+$/, '');
  const grouped = whole.toLocaleString('de-DE');
  return fraction ? `${grouped},${fraction}` : grouped;
}

const categoryLabel = (id: string) => costCategories.find((c) => c.id === id)?.label ?? id;
const formatLabel = (id: string) => participationFormats.find((f) => f.id === id)?.label ?? id;
const targetGroupLabel = (id: string) => targetGroups.find((t) => t.id === id)?.label ?? id;
/** "Gemeinde Wiesenbach – Wiesenbach redet mit …" at the top of each annex. */
const reference = (ctx: AntragContext) => [ctx.organisation?.name, ctx.data.project.title].filter((v) => present(v)).join(' – ') || null;

function scheduleText(ctx: AntragContext): string | null {
  const { start, end, milestones } = ctx.data.schedule;
  const sorted = [...milestones].sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999'));
  return (
    joinLines(
      start && `Beginn: ${formatDate(start)}`,
      ...sorted.map((m) => `${m.date ? formatDate(m.date) : 'ohne Datum'} – ${m.title ?? ''}`),
      end && `Ende: ${formatDate(end)}`,
    ) || null
  );
}

function supplementaryText(ctx: AntragContext): string | null {
  const { applicant, project, budget } = ctx.data;
  const isB = part(ctx) === 'B';
  const location = { sachsen: 'in Sachsen', laenderuebergreifend: 'länderübergreifend', ausserhalb: 'außerhalb Sachsens' } as const;
  const funding = { keine: 'keine', beantragt: 'beantragt', bewilligt: 'bewilligt' } as const;
  const proof = {
    satzung: 'Beteiligungssatzung erlassen',
    praxis: 'regelmäßig praktizierte Formate und Instrumente',
    keiner: 'noch kein Nachweis',
  } as const;
  const line = (label: string, value: Maybe<string>) => (present(value) ? `${label}: ${value}` : null);
  return (
    joinLines(
      line('Durchführungsort', project.location && location[project.location]),
      line('Begründung für die Durchführung außerhalb Sachsens', project.crossBorderReason),
      isB ? line('Als gemeinnützig anerkannt', yesNo(applicant.nonprofit)) : null,
      isB ? line('Lokal in Sachsen verankert', yesNo(applicant.locallyRooted)) : null,
      line('Begründung zu Sitz oder Verankerung', applicant.seatExceptionReason),
      isB ? line('Vorhaben auf kommunaler Ebene', yesNo(project.municipalLevel)) : null,
      line('Gesetzlich vorgeschriebenes Beteiligungsverfahren (z. B. Bauleitplanung)', yesNo(project.statutoryProcedure)),
      line('Beantragt werden Mittel eines Bürgerbudgets selbst', yesNo(project.buergerbudgetFunds)),
      isB ? line('Richtet sich gegen eine abschließende Entscheidung der Kommune', yesNo(project.againstFinalDecision)) : null,
      isB && project.againstFinalDecision
        ? line('Das zuständige Organ der Kommune unterstützt den Antrag', yesNo(project.decidingBodySupports))
        : null,
      project.route === 'A1.3'
        ? line('Nachweis Bürgerkommune (FRL Teil 2 A IV Nr. 5)', project.buergerkommuneProof && proof[project.buergerkommuneProof])
        : null,
      project.route === 'A1.3' ? line('Erläuterung zum Nachweis', project.buergerkommuneProofText) : null,
      line('Nutzung des Beteiligungsportals des Freistaates', yesNo(project.usesBeteiligungsportal)),
      line('Beschaffung oder Miete von Beteiligungssoftware', yesNo(project.softwareProcurement)),
      line('Warum das Beteiligungsportal nicht ausreicht', project.softwareReason),
      line('Förderung derselben Maßnahme durch Bund oder EU', project.federalOrEuFunding && funding[project.federalOrEuFunding]),
      line('Angaben zur Förderung durch Bund oder EU', project.federalOrEuFundingDetails),
      line('Begründung für eine Zuwendung über dem Höchstbetrag', budget.capExceedReason),
      line(
        'Beigefügte Nachweise',
        enclosureReferences(ctx, [
          'verbundvereinbarung',
          'beteiligungssatzung',
          'freistellungsbescheid',
          'satzung-traeger',
          'kostenangebote',
          'sonstiges',
        ]),
      ),
    ) || null
  );
}

/** "Verbundvereinbarung: Anlage 5; Freistellungsbescheid des Finanzamts: Anlage 6" for the types attached. */
function enclosureReferences(ctx: AntragContext, types: string[]): string | null {
  const references = types.flatMap((type) => {
    const reference = enclosureReference(ctx.enclosures, type);
    const title = ctx.enclosures.find((e) => e.type === type)?.title;
    return reference && title ? [`${title}: ${reference}`] : [];
  });
  return references.length ? references.join('; ') : null;
}

/** Whether expenditure allows starting on receipt of the application (dated thresholds). */
function earlyStartText(ctx: AntragContext): string | null {
  const kind = ctx.organisation?.kind;
  if (!hasBudget(ctx.data) || !kind) return null;
  const kommune = isGebietskoerperschaft(kind);
  const threshold = resolveParameters(ctx.parameters, ctx.referenceDate)[
    kommune ? 'earlyStart.threshold.kommune' : 'earlyStart.threshold.other'
  ];
  const total = ctx.totals.expenditureCents;
  const clause = threshold.reference;
  return earlyStartAllowed(total, threshold.value)
    ? `Die im Antrag zugrunde gelegten Ausgaben (${formatEuro(total)}) liegen unter ${formatEuro(threshold.value)} (${clause}): Mit dem Vorhaben darf ab Eingang ` +
        'des Antrags bei der SAB begonnen werden – auf eigenes Risiko, ein Anspruch auf Förderung entsteht dadurch nicht.'
    : `Die im Antrag zugrunde gelegten Ausgaben (${formatEuro(total)}) erreichen ${formatEuro(threshold.value)} (${clause}): Mit dem Vorhaben darf erst nach ` +
        'der Bewilligung begonnen werden; einen vorzeitigen Beginn kann nur die SAB im Einzelfall zulassen.';
}

/** The own share and third-party money beside the grant, as the financing plan has it. */
function ownShareText(ctx: AntragContext): string | null {
  if (!hasBudget(ctx.data)) return null;
  const f = ctx.totals.financing;
  const parts = [
    ['Eigenmittel (bar)', f.ownCashCents],
    ['unbare Eigenleistungen', f.inKindCents],
    ['Mittel Dritter', f.earmarkedCents + f.otherDonationsCents],
  ] as const;
  const named = parts.filter(([, cents]) => cents > 0).map(([label, cents]) => `${label} ${formatEuro(cents)}`);
  const sum = parts.reduce((total, [, cents]) => total + cents, 0);
  return `Eigenanteil und Mittel Dritter zusammen ${formatEuro(sum)}${named.length ? ` (${named.join(', ')})` : ''}; beantragte Zuwendung ${formatEuro(f.grantCents)}, andere öffentliche Förderung ${formatEuro(f.otherPublicCents)}.`;
}

const financeColumns = ['jahr1', 'jahr2', 'jahr3'] as const;

function financeFields(): Record<string, Mapper> {
  const fields: Record<string, Mapper> = {};
  financeColumns.forEach((column, i) => {
    fields[`finanzplan.${column}.jahr`] = text((ctx) => ctx.finance.columns[i]?.label);
    for (const row of financeRowKeys) {
      fields[`finanzplan.${column}.${row}`] = euro((ctx) => (hasBudget(ctx.data) ? ctx.finance.columns[i]?.cents[row] : null));
    }
  });
  for (const row of financeRowKeys) fields[`finanzplan.gesamt.${row}`] = budgetEuro((ctx) => ctx.finance.total[row]);
  return fields;
}

export const fieldMapping = {
  // 1 Antragsteller
  'antragsteller.name': text((c) => c.organisation?.name),
  'antragsteller.strasse': text((c) => c.organisation?.street),
  'antragsteller.plz': text((c) => c.organisation?.postalCode),
  'antragsteller.ort': text((c) => c.organisation?.city),
  'antragsteller.rechtsform': text((c) => c.organisation && organisationKindInfo[c.organisation.kind].label),
  'antragsteller.landkreis': text((c) => c.organisation && landkreisLabel[c.organisation.landkreis]),
  'antragsteller.gemeindeschluessel': text((c) => c.organisation?.ags),
  'antragsteller.register': text((c) =>
    [c.organisation?.registerNumber, c.organisation?.registerCourt].filter((v) => present(v)).join(', '),
  ),
  'antragsteller.vertretung.name': text((c) => c.organisation?.legalRepName),
  'antragsteller.vertretung.funktion': text((c) => c.organisation?.legalRepFunction),
  'antragsteller.ansprechperson': text((c) => c.organisation?.contactName),
  'antragsteller.telefon': text((c) => c.organisation?.contactPhone),
  'antragsteller.email': text((c) => c.organisation?.contactEmail),
  'bank.kontoinhaber': text((c) => c.organisation?.bankAccountHolder),
  'bank.institut': text((c) => c.organisation?.bankName),
  'bank.iban': text((c) => (c.organisation?.iban ? formatIban(c.organisation.iban) : null)),
  'bank.bic': text((c) => c.organisation?.bic),

  // 2 Vorhaben
  'vorhaben.titel': text((c) => c.data.project.title),
  'vorhaben.foerderweg': text((c) => {
    const route = c.data.project.route;
    return route ? `${routeInfo[route].clause} – ${routeInfo[route].label}` : null;
  }),
  'vorhaben.beginn': text((c) => c.data.schedule.start && formatDate(c.data.schedule.start)),
  'vorhaben.ende': text((c) => c.data.schedule.end && formatDate(c.data.schedule.end)),
  'vorhaben.ort': text((c) => c.data.project.placeDescription),
  'vorhaben.kurzbeschreibung': multiline((c) => c.data.project.summary),

  // 3 Ausgaben und Zuwendung
  'zuwendung.gesamtausgaben': budgetEuro((c) => c.totals.expenditureCents),
  'zuwendung.zuwendungsfaehig': budgetEuro((c) => c.totals.eligibleCents),
  'zuwendung.betrag': budgetEuro((c) => c.totals.financing.grantCents),
  'zuwendung.foerdersatz': text((c) =>
    hasBudget(c.data) && c.totals.grantRateBp !== null ? formatPercentBasisPoints(c.totals.grantRateBp) : null,
  ),

  // 4 Finanzierungsplan
  ...financeFields(),

  // 5 Begründung
  'begruendung.vorhaben': multiline((c) => c.data.project.whyProject),
  'begruendung.foerderung': multiline((c) => c.data.project.whyFunding),

  // 6 Verbund
  'verbund.antrag': checkbox((c) => c.data.applicant.isVerbund),

  // 7 Erklärungen
  'erklaerung.ebbs': checkbox((c) => c.data.declarations.ebbsAndEvaluation),
  'erklaerung.portal': checkbox((c) => c.data.declarations.portalIdeas),
  'erklaerung.fdgo': checkbox((c) => c.data.declarations.fdgo),
  'erklaerung.subventionserheblich': checkbox((c) => c.data.declarations.subsidyRelevantFacts),
  'erklaerung.datenschutz': checkbox((c) => c.data.declarations.dataProtection),
  'erklaerung.nichtbegonnen': checkbox((c) => c.data.declarations.notStarted),
  'erklaerung.vorsteuer.ja': checkbox((c) => c.data.budget.vatDeductible === true),
  'erklaerung.vorsteuer.nein': checkbox((c) => c.data.budget.vatDeductible === false),
  'erklaerung.oeffentlich.ja': checkbox((c) => part(c) === 'B' && c.data.declarations.mainlyPubliclyFunded === true),
  'erklaerung.oeffentlich.nein': checkbox((c) => part(c) === 'B' && c.data.declarations.mainlyPubliclyFunded === false),
  'erklaerung.vorhabensbeginn': multiline(earlyStartText),
  'erklaerung.eigenanteil.angaben': multiline(ownShareText),
  'unterschrift.ort': text((c) => c.data.declarations.place),
  'unterschrift.name': text((c) => c.data.declarations.signatoryName),
  'unterschrift.funktion': text((c) => c.data.declarations.signatoryFunction),

  // Anlage 1 Vorhabenbeschreibung
  'anlage1.bezug': text(reference),
  'anlage1.ziele': multiline((c) => c.data.project.goals),
  'anlage1.bausteine': multiline((c) =>
    c.data.project.parts.map((p, i) => joinLines(`${i + 1}. ${p.title ?? ''}`, p.description)).join('\n\n'),
  ),
  'anlage1.formate': multiline((c) =>
    c.data.project.formats
      .map((f) => joinLines(`• ${formatLabel(f.format)} – Stufe: ${participationLevelInfo[f.level].label}`, f.description))
      .join('\n'),
  ),
  'anlage1.zielgruppen': multiline((c) =>
    joinLines(c.data.project.targetGroups.map(targetGroupLabel).join(', '), c.data.project.targetGroupsNote),
  ),
  'anlage1.kooperation': multiline((c) => {
    const p = c.data.project;
    const cooperation =
      part(c) === 'A'
        ? line('Beteiligung freier Träger vorgesehen', yesNo(p.cooperation))
        : line('Kooperation mit der betroffenen Kommune', yesNo(p.cooperation));
    const letter = part(c) === 'B' ? enclosureReference(c.enclosures, 'unterstuetzungsschreiben') : null;
    return joinLines(
      line('Unmittelbar betroffene Kommune', p.affectedMunicipality),
      cooperation,
      p.cooperationDescription,
      letter && `Unterstützungsschreiben der Kommune: ${letter}`,
    );
  }),
  'anlage1.zeitplan': multiline(scheduleText),
  'anlage1.ergaenzend': multiline(supplementaryText),

  // Anlage 2 Ausgaben- und Finanzierungsplan (the tables are mapped in `tableMapping`)
  'anlage2.bezug': text(reference),
  'anlage2.ausgaben.summe': budgetEuro((c) => c.totals.costLinesCents),
  'anlage2.eigenleistungen.summe': budgetEuro((c) => c.totals.inKindCents),
  'anlage2.dritte.summe': budgetEuro((c) => c.totals.financing.earmarkedCents + c.totals.financing.otherDonationsCents),
  'anlage2.oeffentlich.summe': budgetEuro((c) => c.totals.financing.otherPublicCents),
  'anlage2.zwischensumme.personal': budgetEuro((c) => personnelCents(c)),
  'anlage2.zwischensumme.sach': budgetEuro((c) => c.totals.costLinesCents - personnelCents(c)),
  'anlage2.summe.kostenpositionen': budgetEuro((c) => c.totals.costLinesCents),
  'anlage2.summe.eigenleistungen': budgetEuro((c) => c.totals.inKindCents),
  'anlage2.summe.gesamtausgaben': budgetEuro((c) => c.totals.expenditureCents),
  // Municipal in-kind counts as neither eligible nor financing (FRL Teil 2 A): Gesamtausgaben −
  // nicht zuwendungsfähig = zuwendungsfähig, as in the budget editor and the engine.
  'anlage2.summe.nichtfoerderfaehig': budgetEuro((c) => c.totals.ineligibleCents + c.totals.uncountedInKindCents),
  'anlage2.summe.zuwendungsfaehig': budgetEuro((c) => c.totals.eligibleCents),
  'anlage2.summe.eigenmittel': budgetEuro((c) => c.totals.financing.ownCashCents),
  'anlage2.summe.eigenleistungen_finanzierung': budgetEuro((c) => c.totals.financing.inKindCents),
  'anlage2.summe.dritte': budgetEuro((c) => c.totals.financing.earmarkedCents + c.totals.financing.otherDonationsCents),
  'anlage2.summe.oeffentlich': budgetEuro((c) => c.totals.financing.otherPublicCents),
  'anlage2.summe.zuwendung': budgetEuro((c) => c.totals.financing.grantCents),
  'anlage2.summe.gesamtfinanzierung': budgetEuro((c) => c.totals.financingCents),
  'anlage2.summe.differenz': budgetEuro((c) => c.totals.gapCents),

  // Anlage 3 Ergebnis der Förderprüfung (left out of the PDF when there is no result)
  'anlage3.bezug': text(reference),
  'anlage3.ergebnis': text((c) => c.eligibility && verdictLabel[c.eligibility.verdict]),
  'anlage3.stichtag': text((c) => c.eligibility && formatDate(c.eligibility.referenceDate)),
  'anlage3.regelstand': multiline((c) =>
    c.eligibility
      ? `${directiveText(c.eligibility.ruleVersion.directive)}; Parameterstand ${formatDate(c.eligibility.ruleVersion.parametersFrom)}`
      : null,
  ),
  'anlage3.zusammenfassung': multiline((c) => {
    const n = c.eligibility?.counts;
    return n ? `${n.erfuellt} erfüllt, ${n.nicht_erfuellt} nicht erfüllt, ${n.offen} noch offen, ${n.entfaellt} trifft nicht zu` : null;
  }),
} satisfies Record<string, Mapper>;

const isPersonnel = (category: string) => costCategories.find((c) => c.id === category)?.personnel === true;
/** Personalausgaben: the categories the catalogue marks as personnel (the rest are Sachausgaben). */
const personnelCents = (ctx: AntragContext) =>
  ctx.totals.byCategory.filter((c) => isPersonnel(c.category)).reduce((sum, c) => sum + c.cents, 0);

/** The version label of the engine names only the latest amendment; the form names the directive too. */
function directiveText(label: string): string {
  const original = directiveVersions[0].label;
  return label === original ? original : `${original}, ${label}`;
}

function line(label: string, value: Maybe<string>) {
  return present(value) ? `${label}: ${value}` : null;
}

// ---- tables ----------------------------------------------------------------------------------

export interface TableRow {
  cells: Record<string, string | null | undefined>;
  /** Amount of the row in cents, for the carried-over sums. */
  amount?: number;
}

export interface TableMapping {
  title: string;
  columns: TableColumn[];
  /** Rows grow with their text (fixed font size) instead of shrinking it into fixed cells. */
  grow?: boolean;
  /** Template field of a row (0-based) and column. */
  field: (row: number, column: string) => string;
  sum?: { column: string; carryField: string; totalLabel: string };
  rows: (ctx: AntragContext) => TableRow[];
}

const rowField = (prefix: string) => (row: number, column: string) => `${prefix}.${String(row + 1).padStart(2, '0')}.${column}`;

export const tableMapping: TableMapping[] = [
  {
    title: 'Hauptantrag – 6 Partner',
    columns: [
      { key: 'name', header: 'Name' },
      { key: 'art', header: 'Art' },
      { key: 'landkreis', header: 'Landkreis / Stadt' },
      { key: 'ags', header: 'AGS' },
      { key: 'kontakt', header: 'Ansprechperson' },
    ],
    field: rowField('verbund.partner'),
    rows: (c) =>
      partnersShown(c)
        ? c.data.applicant.partners.map((p) => ({
            cells: {
              name: p.name,
              art: p.kind ? organisationKindInfo[p.kind].label : '',
              landkreis: p.landkreis ? landkreisLabel[p.landkreis] : '',
              ags: p.ags,
              kontakt: p.contact,
            },
          }))
        : [],
  },
  {
    title: 'Hauptantrag – 8 Anlagenverzeichnis',
    columns: [
      { key: 'nr', header: 'Anlage' },
      { key: 'titel', header: 'Bezeichnung' },
      { key: 'datei', header: 'Datei bzw. Hinweis' },
    ],
    field: rowField('anlagen'),
    rows: (c) => c.enclosures.map((e) => ({ cells: { nr: e.number === null ? '–' : String(e.number), titel: e.title, datei: e.detail } })),
  },
  {
    title: 'Anlage 2 – Zwischensummen je Kategorie',
    columns: [
      { key: 'kategorie', header: 'Kategorie' },
      { key: 'art', header: 'Art' },
      { key: 'anzahl', header: 'Positionen' },
      { key: 'betrag', header: 'Betrag' },
    ],
    field: rowField('anlage2.kategorie'),
    rows: (c) =>
      costCategories.flatMap((category) => {
        const cents = c.totals.byCategory.find((b) => b.category === category.id)?.cents;
        const count = c.data.budget.lines.filter((l) => l.category === category.id).length;
        if (!count) return [];
        return [
          {
            cells: {
              kategorie: category.label,
              art: category.personnel ? 'Personalausgaben' : 'Sachausgaben',
              anzahl: String(count),
              betrag: formatEuro(cents ?? 0),
            },
          },
        ];
      }),
  },
  {
    title: 'Anlage 2 – A. Ausgaben (Kostenpositionen)',
    columns: [
      { key: 'nr', header: 'Nr.' },
      { key: 'kategorie', header: 'Kategorie' },
      { key: 'beschreibung', header: 'Beschreibung' },
      { key: 'berechnung', header: 'Berechnung' },
      { key: 'jahr', header: 'Jahr' },
      { key: 'betrag', header: 'Betrag' },
    ],
    field: rowField('anlage2.ausgaben'),
    sum: { column: 'betrag', carryField: 'anlage2.ausgaben.uebertrag', totalLabel: 'Summe der Ausgabepositionen' },
    rows: (c) =>
      c.data.budget.lines.map((l, i) => {
        const cents = lineTotalCents(l);
        const calculation =
          l.kind === 'pauschal'
            ? 'pauschal'
            : l.quantityMilli !== undefined && l.unitPriceCents !== undefined
              ? `${formatQuantity(l.quantityMilli)}${l.kind === 'personal' ? ' Std.' : ''} × ${formatEuro(l.unitPriceCents)}`
              : '';
        return {
          cells: {
            nr: String(i + 1),
            kategorie: categoryLabel(l.category),
            beschreibung: joinLines([l.description, l.note].filter((v) => present(v)).join(' – ')),
            berechnung: calculation,
            jahr: l.year ? String(l.year) : '',
            betrag: formatEuro(cents),
          },
          amount: cents,
        };
      }),
  },
  {
    title: 'Anlage 2 – B. Unbare Eigenleistungen',
    columns: [
      { key: 'art', header: 'Art' },
      { key: 'beschreibung', header: 'Beschreibung' },
      { key: 'berechnung', header: 'Berechnung' },
      { key: 'zeitraum', header: 'Zeitraum' },
      { key: 'wert', header: 'Wert' },
    ],
    field: rowField('anlage2.eigenleistungen'),
    sum: { column: 'wert', carryField: 'anlage2.eigenleistungen.uebertrag', totalLabel: 'Summe der unbaren Eigenleistungen' },
    rows: (c) =>
      c.data.budget.inKind.map((l) => {
        const cents = inKindValueCents(l, c.parameters);
        const quantity = l.quantityMilli === undefined ? '' : formatQuantity(l.quantityMilli);
        const rate = cents && l.quantityMilli ? Math.round((cents * 1000) / l.quantityMilli) : null;
        const calculation =
          l.kind === 'ehrenamt'
            ? quantity && `${quantity} Std. × ${rate !== null ? formatEuro(rate) : 'Mindestlohn'} (Mindestlohn)`
            : quantity &&
              `${quantity} × ${l.unitRateCents !== undefined ? formatEuro(l.unitRateCents) : '–'}${l.rentSource ? ` (${l.rentSource})` : ''}`;
        return {
          cells: {
            art: l.kind === 'ehrenamt' ? 'Ehrenamt' : 'Raum',
            beschreibung: l.description,
            berechnung: calculation,
            zeitraum: l.period ? `${l.period.slice(5, 7)}/${l.period.slice(0, 4)}` : '',
            wert: formatEuro(cents),
          },
          amount: cents,
        };
      }),
  },
  {
    title: 'Anlage 2 – C. Spenden, Sponsoring und sonstige Mittel Dritter',
    columns: [
      { key: 'geber', header: 'Geber' },
      { key: 'art', header: 'Zweckbindung' },
      { key: 'betrag', header: 'Betrag' },
    ],
    field: rowField('anlage2.dritte'),
    sum: { column: 'betrag', carryField: 'anlage2.dritte.uebertrag', totalLabel: 'Summe der Mittel Dritter' },
    rows: (c) =>
      c.data.budget.donations.map((d) => ({
        cells: { geber: d.donor, art: d.earmarked ? 'zweckgebunden' : 'nicht zweckgebunden', betrag: formatEuro(d.amountCents ?? 0) },
        amount: d.amountCents ?? 0,
      })),
  },
  {
    title: 'Anlage 2 – D. Andere öffentliche Förderung',
    columns: [
      { key: 'geber', header: 'Mittelgeber' },
      { key: 'status', header: 'Stand' },
      { key: 'betrag', header: 'Betrag' },
    ],
    field: rowField('anlage2.oeffentlich'),
    sum: { column: 'betrag', carryField: 'anlage2.oeffentlich.uebertrag', totalLabel: 'Summe der anderen öffentlichen Förderung' },
    rows: (c) =>
      c.data.budget.otherPublic.map((p) => ({
        cells: { geber: p.funder, status: p.status ?? '', betrag: formatEuro(p.amountCents ?? 0) },
        amount: p.amountCents ?? 0,
      })),
  },
  {
    title: 'Anlage 3 – Kriterien der Förderprüfung',
    columns: [
      { key: 'nr', header: 'Nr.' },
      { key: 'titel', header: 'Kriterium' },
      { key: 'status', header: 'Ergebnis' },
      { key: 'fundstelle', header: 'Fundstelle' },
    ],
    field: rowField('anlage3.kriterium'),
    rows: (c) =>
      (c.eligibility?.findings ?? []).map((f, i) => ({
        cells: {
          nr: String(i + 1),
          titel: f.title,
          status: f.status === 'nicht_erfuellt' ? `${statusLabel[f.status]} (${severityLabel[f.severity]})` : statusLabel[f.status],
          fundstelle: f.citation,
        },
      })),
  },
];

/**
 * Template fields that stay empty on purpose: the SAB fills its own box; date, second signatory and
 * how the own share is secured are written by hand when signing. (The carry-over fields are filled
 * by the filler when a table continues.)
 */
export const deliberatelyEmpty: string[] = [
  'sab.antragsnummer',
  'sab.eingang',
  'unterschrift.datum',
  'unterschrift2.name',
  'unterschrift2.funktion',
  'erklaerung.eigenanteil.haushalt',
  'erklaerung.eigenanteil.beschluss',
  'erklaerung.eigenanteil.nachweis',
];

/** Partners are listed for a Verbund (Teil 2 A) and as project partners (Teil 2 B). */
function partnersShown(ctx: AntragContext): boolean {
  return part(ctx) === 'B' ? ctx.data.applicant.partners.length > 0 : ctx.data.applicant.isVerbund === true;
}

/**
 * Optional blocks of the template that do not apply: Teil 2 B has no Verbund (its partners are
 * Projektpartner, FRL Teil 1 III) and no section 6 without partners; Teil 2 A is not asked about
 * public funding (ANBest-P Nr. 1.3) and signs once.
 */
export function omittedBlocks(ctx: AntragContext): string[] {
  const programmePart = part(ctx);
  if (programmePart === 'B') {
    return ctx.data.applicant.partners.length
      ? ['abschnitt6.verbund']
      : ['abschnitt6.verbund', 'abschnitt6.projektpartner', 'abschnitt6.partner'];
  }
  return programmePart === 'A' ? ['abschnitt6.projektpartner', 'besserstellung', 'unterschrift2'] : ['abschnitt6.projektpartner'];
}

/** The fields of the omitted blocks. */
export function omittedField(ctx: AntragContext, name: string): boolean {
  const programmePart = part(ctx);
  if (programmePart === 'B')
    return name === 'verbund.antrag' || (ctx.data.applicant.partners.length === 0 && name.startsWith('verbund.partner.'));
  if (programmePart === 'A') return name.startsWith('erklaerung.oeffentlich.') || name.startsWith('unterschrift2.');
  return false;
}

/** Fields computed from the plan or the rules: read-only in the editable form (issue 23.6). */
export function computedField(name: string): boolean {
  return (
    /^(zuwendung|finanzplan|anlage3|anlagen)\./.test(name) ||
    /^anlage2\.(summe|zwischensumme|kategorie)\./.test(name) ||
    /^anlage2\.[a-z]+\.(summe|uebertrag)$/.test(name) ||
    /^anlage2\.ausgaben\.\d+\.betrag$/.test(name) ||
    /^anlage2\.eigenleistungen\.\d+\.wert$/.test(name) ||
    name === 'erklaerung.vorhabensbeginn' ||
    name === 'erklaerung.eigenanteil.angaben'
  );
}

/** The part of the form a field belongs to, for the footer of its page. */
export function sectionOfField(name: string): string {
  const annex = /^anlage(\d)\./.exec(name);
  return annex ? `Anlage ${annex[1]}` : 'Hauptantrag';
}

/** Fields whose pages are left out when the PDF has no eligibility annex. */
export const eligibilityAnnexPrefix = 'anlage3.';
