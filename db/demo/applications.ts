/**
 * Realistic, complete applications – a Gemeinde (Teil 2 A, Einzelvorhaben, in a Verbund) and a
 * Verein (Teil 2 B, two calendar years, in-kind work, donations, other public funding). The demo
 * data shows them, and the tests use them as samples. Each call returns a fresh copy.
 */
import {
  applicationDataSchema,
  type ApplicationData,
  type ApplicationInput,
  type OrganisationSnapshot,
} from '../../machines/frl/application/schema';
import { organisationSchema } from '../../machines/shared/organisation';
import { demoOrganisations } from '../seed';

/** The demo organisations' master data as an application holds it (normalised, e.g. the IBAN). */
export function gemeindeOrganisation(): OrganisationSnapshot {
  return organisationSchema.parse(demoOrganisations.gemeinde);
}

export function vereinOrganisation(): OrganisationSnapshot {
  return organisationSchema.parse(demoOrganisations.verein);
}

const gemeindeInput: ApplicationInput = {
  schemaVersion: 1,
  applicant: {
    organisation: gemeindeOrganisation(),
    isVerbund: true,
    partners: [
      {
        id: 'p1',
        name: 'Gemeinde Lindenau',
        kind: 'gemeinde',
        landkreis: 'Sächsische Schweiz-Osterzgebirge',
        ags: '14628991',
        contact: 'Bürgermeister Jens Vogel',
      },
      { id: 'p2', name: 'Stadt Bergheide', kind: 'stadt', landkreis: 'Sächsische Schweiz-Osterzgebirge', ags: '14628992' },
    ],
  },
  project: {
    title: 'Wiesenbach redet mit – Bürgerrat zur Zukunft des Dorfplatzes',
    route: 'A1.1',
    summary:
      'Ein geloster Bürgerrat mit 24 Einwohnerinnen und Einwohnern aus Wiesenbach, Lindenau und Bergheide erarbeitet in vier ' +
      'moderierten Sitzungen Empfehlungen für die Umgestaltung des Dorfplatzes. Die Ergebnisse werden öffentlich vorgestellt und ' +
      'im Gemeinderat beraten.',
    goals:
      'Der Dorfplatz soll wieder ein Ort der Begegnung werden. Der Bürgerrat bringt Menschen zusammen, die sich sonst selten ' +
      'beteiligen – junge Familien, ältere Menschen, Zugezogene. Ziel sind tragfähige Empfehlungen, die der Gemeinderat bis ' +
      'Ende 2027 berät, sowie Erfahrungen mit losbasierter Beteiligung, die wir im Verbund teilen.',
    parts: [
      {
        id: 't1',
        title: 'Losverfahren und Einladung',
        description: 'Ziehung aus dem Melderegister, persönliche Einladung, Nachfassen an der Haustür.',
      },
      {
        id: 't2',
        title: 'Vier Sitzungen des Bürgerrats',
        description: 'Moderierte Sitzungen mit Input von Fachleuten (Verkehr, Grünflächen, Barrierefreiheit).',
      },
      {
        id: 't3',
        title: 'Öffentliche Vorstellung und Ratsbefassung',
        description: 'Bürgergutachten, Abschlussveranstaltung auf dem Dorfplatz, Beratung im Gemeinderat.',
      },
    ],
    formats: [
      { id: 'f1', format: 'buergerrat', level: 'konsultation', description: '24 geloste Personen, vier Sitzungen zu je vier Stunden.' },
      {
        id: 'f2',
        format: 'world-cafe',
        level: 'konsultation',
        description: 'Offene Abschlussveranstaltung, um die Empfehlungen mit allen zu diskutieren.',
      },
      {
        id: 'f3',
        format: 'online-beteiligung',
        level: 'information',
        description: 'Dokumentation und Kommentierung über das Beteiligungsportal des Freistaates.',
      },
    ],
    targetGroups: ['alle', 'familien', 'senioren', 'beteiligungsfern'],
    targetGroupsNote: 'Bei der Losziehung werden Alter und Ortsteil berücksichtigt.',
    placeDescription: 'Wiesenbach, Dorfgemeinschaftshaus und Dorfplatz',
    location: 'sachsen',
    statutoryProcedure: false,
    buergerbudgetFunds: false,
    usesBeteiligungsportal: true,
    softwareProcurement: false,
    cooperation: true,
    cooperationDescription:
      'Der Heimatverein Wiesenbach e. V. und die Kirchgemeinde unterstützen die Einladung und stellen Räume; die ' +
      'Jugendinitiative „Platz da!“ gestaltet einen Beitrag zur Abschlussveranstaltung.',
    federalOrEuFunding: 'keine',
    whyProject:
      'Der Dorfplatz ist seit Jahren ein Parkplatz. Im Dorfentwicklungskonzept 2025 wünschen sich viele Einwohnerinnen und ' +
      'Einwohner einen Treffpunkt; die Meinungen zur Gestaltung gehen weit auseinander. Ein Bürgerrat schafft einen fairen Rahmen, ' +
      'in dem auch leise Stimmen gehört werden, und gibt dem Gemeinderat eine breit getragene Grundlage für seine Entscheidung.',
    whyFunding:
      'Die Gemeinde hat keine eigene Stelle für Bürgerbeteiligung. Moderation, Losverfahren und Verpflegung kann sie aus eigenen ' +
      'Mitteln nicht vollständig finanzieren; den Eigenanteil von zehn Prozent trägt sie aus dem Haushalt 2027.',
  },
  schedule: {
    start: '2027-03-01',
    end: '2027-12-15',
    alreadyStarted: false,
    milestones: [
      { id: 'm2', date: '2027-06-30', title: 'Vierte Sitzung, Bürgergutachten liegt vor' },
      { id: 'm1', date: '2027-04-15', title: 'Losziehung abgeschlossen, Auftaktsitzung' },
      { id: 'm3', date: '2027-09-20', title: 'Abschlussveranstaltung auf dem Dorfplatz (Łódź-Partnerschaftstag)' },
      { id: 'm4', date: '2027-11-10', title: 'Beratung im Gemeinderat' },
    ],
  },
  budget: {
    vatDeductible: false,
    lines: [
      {
        id: 'c1',
        category: 'honorare',
        description: 'Moderation und Prozessbegleitung des Bürgerrats',
        kind: 'menge',
        quantityMilli: 4000,
        unitPriceCents: 120000,
        year: 2027,
      },
      {
        id: 'c2',
        category: 'honorare',
        description: 'Losverfahren und Einladungsmanagement',
        kind: 'pauschal',
        amountCents: 90000,
        year: 2027,
      },
      {
        id: 'c3',
        category: 'oeffentlichkeitsarbeit',
        description: 'Plakate und Flyer (Druck)',
        kind: 'menge',
        quantityMilli: 500000,
        unitPriceCents: 85,
        year: 2027,
      },
      {
        id: 'c4',
        category: 'raum-technik',
        description: 'Technikmiete Abschlussveranstaltung',
        kind: 'pauschal',
        amountCents: 35000,
        year: 2027,
      },
      {
        id: 'c5',
        category: 'verpflegung',
        description: 'Getränke und Imbiss, vier Sitzungen',
        kind: 'menge',
        quantityMilli: 120000,
        unitPriceCents: 850,
        year: 2027,
      },
      {
        id: 'c6',
        category: 'personal',
        description: 'Projektkoordination in der Verwaltung',
        kind: 'personal',
        quantityMilli: 80000,
        unitPriceCents: 3850,
        year: 2027,
        note: 'Entgeltgruppe 9a TVöD',
      },
      { id: 'c7', category: 'sachmittel', description: 'Moderationsmaterial', kind: 'pauschal', amountCents: 24000, year: 2027 },
      {
        id: 'c8',
        category: 'reisekosten',
        description: 'Fahrtkosten der Referentin (Ångström-Institut)',
        kind: 'menge',
        quantityMilli: 2000,
        unitPriceCents: 9540,
        year: 2027,
      },
    ],
    inKind: [],
    ownCashCents: 110080,
    donations: [],
    otherPublic: [],
  },
  declarations: {
    ebbsAndEvaluation: true,
    portalIdeas: true,
    fdgo: true,
    subsidyRelevantFacts: true,
    dataProtection: true,
    notStarted: true,
    signatoryName: 'Andrea Hoffmann',
    signatoryFunction: 'Bürgermeisterin',
    place: 'Wiesenbach',
  },
};

const vereinInput: ApplicationInput = {
  schemaVersion: 1,
  applicant: { organisation: vereinOrganisation(), nonprofit: true, locallyRooted: true, isVerbund: false, partners: [] },
  project: {
    title: 'Nachbarschaftsforen in der Görlitzer Innenstadt',
    route: 'B',
    summary: 'Monatliche Nachbarschaftsforen in drei Quartieren der Görlitzer Innenstadt mit Rückkopplung an Stadtrat und Verwaltung.',
    goals: 'Anwohnerinnen und Anwohner bringen ihre Anliegen regelmäßig ein; Verwaltung und Stadtrat antworten verbindlich.',
    parts: [
      { id: 't1', title: 'Aufbau der Foren', description: 'Gewinnung von Gastgeberinnen und Gastgebern, Schulung der Moderation.' },
      { id: 't2', title: 'Foren 2027/2028', description: 'Je Quartier zehn Foren pro Jahr, zweisprachig deutsch-polnisch.' },
    ],
    formats: [
      { id: 'f1', format: 'stadtteilforum', level: 'konsultation', description: 'Monatliches Forum im Quartier.' },
      { id: 'f2', format: 'nachbarschaftsgespraeche', level: 'konsultation', description: 'Gespräche an Haustüren und im Hof.' },
    ],
    targetGroups: ['alle', 'migration', 'beteiligungsfern'],
    placeDescription: 'Görlitz, Innenstadt (Nikolaivorstadt, Altstadt, Innenstadt-West)',
    location: 'sachsen',
    statutoryProcedure: false,
    buergerbudgetFunds: false,
    municipalLevel: true,
    affectedMunicipality: 'Stadt Görlitz',
    againstFinalDecision: false,
    usesBeteiligungsportal: false,
    softwareProcurement: false,
    cooperation: true,
    cooperationDescription: 'Die Stadt Görlitz unterstützt das Vorhaben mit einem Schreiben des Oberbürgermeisters vom 3. November 2026.',
    federalOrEuFunding: 'keine',
    whyProject:
      'Viele Menschen in der Innenstadt fühlen sich von Entscheidungen der Stadt nicht erreicht; es fehlt ein regelmäßiger Ort für den Austausch.',
    whyFunding: 'Der Verein arbeitet ehrenamtlich; Moderation, Übersetzung und Räume kann er ohne Förderung nicht bezahlen.',
  },
  schedule: {
    start: '2027-03-01',
    end: '2028-10-31',
    alreadyStarted: false,
    milestones: [
      { id: 'm1', date: '2027-04-01', title: 'Erstes Forum in der Nikolaivorstadt' },
      { id: 'm2', date: '2028-09-30', title: 'Auswertung mit dem Stadtrat' },
    ],
  },
  budget: {
    vatDeductible: false,
    lines: [
      {
        id: 'c1',
        category: 'honorare',
        description: 'Moderation der Foren (2027)',
        kind: 'menge',
        quantityMilli: 30000,
        unitPriceCents: 25000,
        year: 2027,
      },
      {
        id: 'c2',
        category: 'honorare',
        description: 'Moderation der Foren (2028)',
        kind: 'menge',
        quantityMilli: 30000,
        unitPriceCents: 25000,
        year: 2028,
      },
      {
        id: 'c3',
        category: 'honorare',
        description: 'Übersetzung deutsch–polnisch (Dolmetschen)',
        kind: 'menge',
        quantityMilli: 60000,
        unitPriceCents: 9000,
        year: 2027,
      },
      { id: 'c4', category: 'raum-technik', description: 'Raummiete Nikolaivorstadt', kind: 'pauschal', amountCents: 120000, year: 2027 },
      {
        id: 'c5',
        category: 'oeffentlichkeitsarbeit',
        description: 'Einladungen, Plakate, Website',
        kind: 'pauschal',
        amountCents: 180000,
        year: 2027,
      },
      {
        id: 'c6',
        category: 'verpflegung',
        description: 'Getränke bei den Foren',
        kind: 'menge',
        quantityMilli: 60000,
        unitPriceCents: 4000,
        year: 2028,
      },
      { id: 'c7', category: 'sachmittel', description: 'Moderationskoffer und Material', kind: 'pauschal', amountCents: 45000, year: 2027 },
      {
        id: 'c8',
        category: 'reisekosten',
        description: 'Partnertreffen in Łódź und Zgorzelec',
        kind: 'pauschal',
        amountCents: 38000,
        year: 2028,
      },
    ],
    inKind: [
      {
        id: 'k1',
        kind: 'ehrenamt',
        description: 'Gastgeberinnen und Gastgeber der Foren',
        quantityMilli: 120000,
        period: '2027-06',
        supportingOnly: true,
      },
      {
        id: 'k2',
        kind: 'ehrenamt',
        description: 'Protokolle und Nachbereitung',
        quantityMilli: 60000,
        period: '2028-03',
        supportingOnly: true,
      },
      {
        id: 'k3',
        kind: 'raum',
        description: 'Vereinsraum Brüderstraße',
        quantityMilli: 20000,
        unitRateCents: 2500,
        rentSource: 'Mietspiegel Görlitz 2026',
        period: '2027-09',
      },
    ],
    ownCashCents: 88000,
    donations: [
      { id: 'd1', donor: 'Sparkassenstiftung Oberlausitz', amountCents: 100000, earmarked: true },
      { id: 'd2', donor: 'Förderkreis Ångström-Haus', amountCents: 25000, earmarked: false },
    ],
    otherPublic: [{ id: 'o1', funder: 'Stadt Görlitz, Verfügungsfonds Innenstadt', amountCents: 100000, status: 'bewilligt' }],
    // Less than the maximum, so that the in-kind work stays within half of the own share (FRL Teil 2 B V Nr. 5).
    requestedGrantCents: 2350000,
  },
  declarations: {
    ebbsAndEvaluation: true,
    portalIdeas: true,
    fdgo: true,
    subsidyRelevantFacts: true,
    dataProtection: true,
    notStarted: true,
    mainlyPubliclyFunded: false,
    signatoryName: 'Łukasz Wójcik',
    signatoryFunction: 'Vorsitzender',
    place: 'Görlitz',
  },
};

export function sampleGemeindeApplication(): ApplicationData {
  return applicationDataSchema.parse(structuredClone(gemeindeInput));
}

export function sampleVereinApplication(): ApplicationData {
  return applicationDataSchema.parse(structuredClone(vereinInput));
}
