import { listAttachments } from '../db/repositories/applications';
import { qualityChecksOfApplicationRows } from '../db/repositories/quality-checks';
import { totalsFor } from '../machines/frl/application/facts';
import { overview, partOf, stepInfo, type EditableStep } from '../machines/frl/application/steps';
import { attachmentTypes, participationFormats, participationLevelInfo, targetGroups } from '../machines/frl/catalogues';
import { formatFact } from '../machines/frl/criterion';
import type { EligibilityResult } from '../machines/frl/engine';
import { routeInfo } from '../machines/frl/routes';
import { formatDate, formatEuro } from '../machines/shared/format';
import { formatIban } from '../machines/shared/iban';
import { landkreisLabel, organisationKindInfo } from '../machines/shared/organisation';
import type { LoadedApplication } from './application.server';
import { getDb } from './db.server';

export interface ReviewRow {
  label: string;
  value: string;
  step: EditableStep;
  anchor?: string;
}

const yesNo = (v: boolean | undefined) => (v === undefined ? 'nicht angegeben' : v ? 'ja' : 'nein');
const text = (v: string | undefined | null) => (v && v.trim() ? v : 'nicht angegeben');

/** Everything the applicant entered, as "check your answers" rows, plus result and sums. */
export async function reviewLoader(loaded: LoadedApplication, result: EligibilityResult) {
  const { data, context } = loaded;
  const { applicant: a, project: p, schedule: s, budget: b, declarations: d } = data;
  const org = a.organisation;
  const part = partOf(data);
  const rows: Array<{ section: string; step: EditableStep; rows: ReviewRow[] }> = [
    {
      section: stepInfo.antragsteller.title,
      step: 'antragsteller',
      rows: [
        { label: 'Organisation', value: org ? `${org.name} (${organisationKindInfo[org.kind].label})` : 'nicht angegeben', step: 'antragsteller', anchor: 'organisation' },
        { label: 'Anschrift', value: org ? `${org.street}, ${org.postalCode} ${org.city}` : 'nicht angegeben', step: 'antragsteller', anchor: 'organisation' },
        { label: 'Landkreis', value: org ? landkreisLabel[org.landkreis] : 'nicht angegeben', step: 'antragsteller', anchor: 'organisation' },
        { label: 'Gemeindeschlüssel oder Registernummer', value: text(org?.ags || [org?.registerNumber, org?.registerCourt].filter(Boolean).join(', ')), step: 'antragsteller', anchor: 'organisation' },
        { label: 'Vertretung', value: org ? `${org.legalRepName}, ${org.legalRepFunction}` : 'nicht angegeben', step: 'antragsteller', anchor: 'vertretung' },
        { label: 'Ansprechperson', value: org ? `${org.contactName}, ${org.contactEmail}, ${org.contactPhone}` : 'nicht angegeben', step: 'antragsteller', anchor: 'vertretung' },
        { label: 'Bankverbindung', value: org ? `${org.bankAccountHolder}, ${formatIban(org.iban)}, ${org.bankName}` : 'nicht angegeben', step: 'antragsteller', anchor: 'bank' },
        ...(part === 'B'
          ? [
              { label: 'Als gemeinnützig anerkannt', value: yesNo(a.nonprofit), step: 'antragsteller' as const, anchor: 'organisation' },
              { label: 'In Sachsen verankert', value: yesNo(a.locallyRooted), step: 'antragsteller' as const, anchor: 'organisation' },
              ...(a.seatExceptionReason ? [{ label: 'Begründung für Sitz außerhalb Sachsens', value: a.seatExceptionReason, step: 'antragsteller' as const, anchor: 'organisation' }] : []),
            ]
          : []),
        {
          label: 'Verbund',
          value: a.isVerbund ? `ja: ${a.partners.map((x) => x.name).join(', ') || 'keine Partner genannt'}` : yesNo(a.isVerbund),
          step: 'antragsteller',
          anchor: 'verbund',
        },
      ],
    },
    {
      section: stepInfo.vorhaben.title,
      step: 'vorhaben',
      rows: [
        { label: 'Titel', value: text(p.title), step: 'vorhaben', anchor: 'grunddaten' },
        { label: 'Förderweg', value: p.route ? `${routeInfo[p.route].label} (${routeInfo[p.route].clause})` : 'nicht angegeben', step: 'vorhaben', anchor: 'grunddaten' },
        { label: 'Kurzbeschreibung', value: text(p.summary), step: 'vorhaben', anchor: 'grunddaten' },
        { label: 'Gesamtzielsetzung', value: text(p.goals), step: 'vorhaben', anchor: 'grunddaten' },
        { label: 'Teilvorhaben', value: p.parts.length ? p.parts.map((x) => x.title).join('; ') : 'keine', step: 'vorhaben', anchor: 'teilvorhaben' },
        {
          label: 'Beteiligungsformate',
          value: p.formats.length
            ? p.formats.map((x) => `${participationFormats.find((f) => f.id === x.format)?.label ?? x.format} (${participationLevelInfo[x.level].label})`).join('; ')
            : 'keine',
          step: 'vorhaben',
          anchor: 'formate',
        },
        { label: 'Zielgruppen', value: p.targetGroups.length ? p.targetGroups.map((t) => targetGroups.find((g) => g.id === t)?.label ?? t).join(', ') : 'keine', step: 'vorhaben', anchor: 'zielgruppen' },
        { label: 'Ort', value: text(p.placeDescription), step: 'vorhaben', anchor: 'ort' },
        {
          label: 'Durchführung',
          value: `${formatFact('project.location', p.location)}${p.crossBorderReason ? ` – ${p.crossBorderReason}` : ''}`,
          step: 'vorhaben',
          anchor: 'ort',
        },
        ...(part === 'A'
          ? [
              { label: 'Gesetzlich vorgeschriebenes Beteiligungsverfahren', value: yesNo(p.statutoryProcedure), step: 'vorhaben' as const, anchor: 'ort' },
              { label: 'Mittel eines Bürgerbudgets', value: yesNo(p.buergerbudgetFunds), step: 'vorhaben' as const, anchor: 'ort' },
            ]
          : []),
        ...(p.route === 'A1.3'
          ? [
              {
                label: 'Nachweis Bürgerkommune',
                value: `${formatFact('project.buergerkommuneProof', p.buergerkommuneProof)}${p.buergerkommuneProofText ? ` – ${p.buergerkommuneProofText}` : ''}`,
                step: 'vorhaben' as const,
                anchor: 'ort',
              },
            ]
          : []),
        ...(part === 'B'
          ? [
              { label: 'Betroffene Gemeinde', value: text(p.affectedMunicipality), step: 'vorhaben' as const, anchor: 'ort' },
              { label: 'Gegen eine abschließende Entscheidung der Gemeinde', value: yesNo(p.againstFinalDecision), step: 'vorhaben' as const, anchor: 'ort' },
              ...(p.againstFinalDecision
                ? [{ label: 'Das entscheidende Gremium unterstützt den Antrag', value: yesNo(p.decidingBodySupports), step: 'vorhaben' as const, anchor: 'ort' }]
                : []),
            ]
          : []),
        { label: 'Beteiligungsportal', value: yesNo(p.usesBeteiligungsportal), step: 'vorhaben', anchor: 'portal' },
        ...(part === 'B'
          ? []
          : [{ label: 'Software', value: p.softwareProcurement ? `ja – ${text(p.softwareReason)}` : yesNo(p.softwareProcurement), step: 'vorhaben' as const, anchor: 'portal' }]),
        { label: 'Zusammenarbeit', value: p.cooperation ? text(p.cooperationDescription) : yesNo(p.cooperation), step: 'vorhaben', anchor: 'zusammenarbeit' },
        {
          label: 'Förderung durch Bund oder EU',
          value: `${formatFact('project.federalOrEuFunding', p.federalOrEuFunding)}${p.federalOrEuFundingDetails ? ` – ${p.federalOrEuFundingDetails}` : ''}`,
          step: 'vorhaben',
          anchor: 'zusammenarbeit',
        },
        { label: 'Begründung des Vorhabens', value: text(p.whyProject), step: 'vorhaben', anchor: 'begruendung' },
        { label: 'Begründung der Förderung', value: text(p.whyFunding), step: 'vorhaben', anchor: 'begruendung' },
      ],
    },
    {
      section: stepInfo.zeitplan.title,
      step: 'zeitplan',
      rows: [
        { label: 'Zeitraum', value: s.start && s.end ? `${formatDate(s.start)} bis ${formatDate(s.end)}` : 'nicht angegeben', step: 'zeitplan', anchor: 'zeitraum' },
        { label: 'Bereits begonnen', value: yesNo(s.alreadyStarted), step: 'zeitplan', anchor: 'zeitraum' },
        { label: 'Meilensteine', value: s.milestones.length ? s.milestones.map((m) => `${m.date ? formatDate(m.date) : '?'}: ${m.title}`).join('; ') : 'keine', step: 'zeitplan', anchor: 'meilensteine' },
      ],
    },
    {
      section: stepInfo.kosten.title,
      step: 'kosten',
      rows: (() => {
        if (!b.lines.length) return [{ label: 'Ausgaben', value: 'noch keine', step: 'kosten' as const, anchor: 'ausgaben' }];
        const t = totalsFor(data, context.table, context.date);
        return [
          { label: 'Vorsteuerabzug', value: yesNo(b.vatDeductible), step: 'kosten' as const, anchor: 'umsatzsteuer' },
          { label: 'Gesamtausgaben', value: `${formatEuro(t.expenditureCents)} (${b.lines.length} Zeilen)`, step: 'kosten' as const, anchor: 'ausgaben' },
          { label: 'Zuwendungsfähige Ausgaben', value: formatEuro(t.eligibleCents), step: 'kosten' as const, anchor: 'ausgaben' },
          { label: 'Eigenmittel in Geld', value: formatEuro(t.financing.ownCashCents), step: 'kosten' as const, anchor: 'finanzierung' },
          ...(b.inKind.length || t.financing.inKindCents
            ? [{ label: 'Unbare Eigenleistungen', value: `${formatEuro(t.financing.inKindCents)} (${b.inKind.length} Zeilen)`, step: 'kosten' as const, anchor: 'eigenleistungen' }]
            : []),
          ...(t.financing.earmarkedCents || t.financing.otherDonationsCents
            ? [
                {
                  label: 'Mittel Dritter',
                  value: `${formatEuro(t.financing.earmarkedCents + t.financing.otherDonationsCents)} (davon zweckgebunden ${formatEuro(t.financing.earmarkedCents)})`,
                  step: 'kosten' as const,
                  anchor: 'finanzierung',
                },
              ]
            : []),
          ...(t.financing.otherPublicCents
            ? [
                {
                  label: 'Andere öffentliche Mittel',
                  value: `${formatEuro(t.financing.otherPublicCents)}: ${b.otherPublic.map((f) => `${text(f.funder)} (${f.status === 'bewilligt' ? 'bewilligt' : 'beantragt'})`).join('; ')}`,
                  step: 'kosten' as const,
                  anchor: 'finanzierung',
                },
              ]
            : []),
          { label: 'Beantragte Zuwendung', value: formatEuro(t.financing.grantCents), step: 'kosten' as const, anchor: 'finanzierung' },
          ...(b.capExceedReason ? [{ label: 'Begründung für eine höhere Zuwendung', value: b.capExceedReason, step: 'kosten' as const, anchor: 'finanzierung' }] : []),
          { label: 'Ausgleich', value: t.gapCents === 0 ? 'ausgeglichen' : `nicht ausgeglichen (${formatEuro(Math.abs(t.gapCents))})`, step: 'kosten' as const, anchor: 'summen' },
        ];
      })(),
    },
    {
      section: stepInfo.erklaerungen.title,
      step: 'erklaerungen',
      rows: [
        { label: 'Mitwirkung EBBS und Begleitung', value: yesNo(d.ebbsAndEvaluation), step: 'erklaerungen' },
        ...(p.usesBeteiligungsportal ? [{ label: 'Ideen für das Beteiligungsportal weitergeben', value: yesNo(d.portalIdeas), step: 'erklaerungen' as const }] : []),
        ...(part === 'B' ? [{ label: 'Überwiegend aus öffentlichen Mitteln finanziert', value: yesNo(d.mainlyPubliclyFunded), step: 'erklaerungen' as const }] : []),
        { label: 'Freiheitliche demokratische Grundordnung', value: yesNo(d.fdgo), step: 'erklaerungen' },
        { label: 'Noch nicht begonnen', value: yesNo(d.notStarted), step: 'erklaerungen' },
        { label: 'Subventionserhebliche Tatsachen', value: yesNo(d.subsidyRelevantFacts), step: 'erklaerungen' },
        { label: 'Datenschutzhinweise', value: yesNo(d.dataProtection), step: 'erklaerungen' },
        { label: 'Unterschrift', value: d.signatoryName ? `${d.signatoryName}${d.signatoryFunction ? `, ${d.signatoryFunction}` : ''}, ${text(d.place)}` : 'nicht angegeben', step: 'erklaerungen', anchor: 'unterschrift' },
      ],
    },
  ];
  const files = await listAttachments(await getDb(), loaded.row.id);
  const steps = overview(data, context, Object.keys(loaded.snapshot.context.pending) as EditableStep[]);
  return {
    sections: rows,
    attachments: files.map((f) => ({ id: f.id, name: f.file_name, type: attachmentTypes.find((t) => t.id === f.doc_type)?.label ?? f.doc_type })),
    complete: steps.filter((x) => x.step !== 'pruefen').every((x) => x.status === 'erledigt'),
    qualityChecks: (await qualityChecksOfApplicationRows(await getDb(), loaded.row.id)).length,
    result,
  };
}
