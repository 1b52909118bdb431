import { answersCheckOf, listAttachments, recordApplicationEvent } from '../../db/repositories/applications';
import { qualityChecksOfApplicationRows } from '../../db/repositories/quality-checks';
import { lineCalculationText, lineTotalCents } from '../../machines/frl/application/budget';
import { totalsFor } from '../../machines/frl/application/facts';
import {
  applicantFields,
  budgetFields,
  declarationFields,
  projectFields,
  scheduleFields,
  summaryRows,
} from '../../machines/frl/application/fields';
import { overview, partOf, stepInfo, type EditableStep } from '../../machines/frl/application/steps';
import { attachmentTypes, costCategories } from '../../machines/frl/catalogues';
import type { EligibilityResult } from '../../machines/frl/engine';
import { formatDate, formatEuro } from '../../machines/shared/format';
import { formatIban } from '../../machines/shared/iban';
import { landkreisLabel, organisationKindInfo } from '../../machines/shared/organisation';
import type { LoadedApplication } from './application.server';
import type { BudgetLineView } from '../components/antrag/budget-lines';
import { getDb } from '../db.server';

export interface CheckAnswersRow {
  label: string;
  value: string;
  step: EditableStep;
  anchor?: string;
}

const yesNo = (v: boolean | undefined) => (v === undefined ? 'nicht angegeben' : v ? 'ja' : 'nein');
const text = (v: string | undefined | null) => (v?.trim() ? v : 'nicht angegeben');

/** Everything the applicant entered, as "check your answers" rows, plus result and sums. */
export async function checkAnswersView(loaded: LoadedApplication, result: EligibilityResult) {
  const { data, context } = loaded;
  const { applicant: a, project: p, schedule: s, budget: b, declarations: d } = data;
  const org = a.organisation;
  const part = partOf(data);
  const fieldContext = { data, part };
  const rows: Array<{ section: string; step: EditableStep; rows: CheckAnswersRow[] }> = [
    {
      section: stepInfo.antragsteller.title,
      step: 'antragsteller',
      rows: [
        {
          label: 'Organisation',
          value: org ? `${org.name} (${organisationKindInfo[org.kind].label})` : 'nicht angegeben',
          step: 'antragsteller',
          anchor: 'organisation',
        },
        {
          label: 'Anschrift',
          value: org ? `${org.street}, ${org.postalCode} ${org.city}` : 'nicht angegeben',
          step: 'antragsteller',
          anchor: 'organisation',
        },
        {
          label: 'Landkreis',
          value: org ? landkreisLabel[org.landkreis] : 'nicht angegeben',
          step: 'antragsteller',
          anchor: 'organisation',
        },
        {
          label: 'Gemeindeschlüssel oder Registernummer',
          value: text(org?.ags || [org?.registerNumber, org?.registerCourt].filter(Boolean).join(', ')),
          step: 'antragsteller',
          anchor: 'organisation',
        },
        {
          label: 'Vertretung',
          value: org ? `${org.legalRepName}, ${org.legalRepFunction}` : 'nicht angegeben',
          step: 'antragsteller',
          anchor: 'vertretung',
        },
        {
          label: 'Ansprechperson',
          value: org ? `${org.contactName}, ${org.contactEmail}, ${org.contactPhone}` : 'nicht angegeben',
          step: 'antragsteller',
          anchor: 'vertretung',
        },
        {
          label: 'Bankverbindung',
          value: org ? `${org.bankAccountHolder}, ${formatIban(org.iban)}, ${org.bankName}` : 'nicht angegeben',
          step: 'antragsteller',
          anchor: 'bank',
        },
        ...summaryRows(applicantFields, a, fieldContext).map((r) => ({ ...r, step: 'antragsteller' as const })),
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
      rows: [...summaryRows(projectFields, p, fieldContext).map((r) => ({ ...r, step: 'vorhaben' as const }))],
    },
    {
      section: stepInfo.zeitplan.title,
      step: 'zeitplan',
      rows: [
        {
          label: 'Zeitraum',
          value: s.start && s.end ? `${formatDate(s.start)} bis ${formatDate(s.end)}` : 'nicht angegeben',
          step: 'zeitplan',
          anchor: 'zeitraum',
        },
        ...summaryRows(scheduleFields, s, fieldContext).map((r) => ({ ...r, step: 'zeitplan' as const })),
        {
          label: 'Meilensteine',
          value: s.milestones.length ? s.milestones.map((m) => `${m.date ? formatDate(m.date) : '?'}: ${m.title}`).join('; ') : 'keine',
          step: 'zeitplan',
          anchor: 'meilensteine',
        },
      ],
    },
    {
      section: stepInfo.kosten.title,
      step: 'kosten',
      rows: (() => {
        if (!b.lines.length) return [{ label: 'Ausgaben', value: 'noch keine', step: 'kosten' as const, anchor: 'ausgaben' }];
        const t = totalsFor(data, context.table, context.date);
        return [
          ...summaryRows(budgetFields, b, fieldContext).map((r) => ({ ...r, step: 'kosten' as const })),
          {
            label: 'Gesamtausgaben',
            value: `${formatEuro(t.expenditureCents)} (${b.lines.length} Zeilen)`,
            step: 'kosten' as const,
            anchor: 'ausgaben',
          },
          { label: 'Zuwendungsfähige Ausgaben', value: formatEuro(t.eligibleCents), step: 'kosten' as const, anchor: 'ausgaben' },
          { label: 'Eigenmittel in Geld', value: formatEuro(t.financing.ownCashCents), step: 'kosten' as const, anchor: 'finanzierung' },
          ...(b.inKind.length || t.financing.inKindCents
            ? [
                {
                  label: 'Unbare Eigenleistungen',
                  value: `${formatEuro(t.financing.inKindCents)} (${b.inKind.length} Zeilen)`,
                  step: 'kosten' as const,
                  anchor: 'eigenleistungen',
                },
              ]
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
          ...(b.capExceedReason
            ? [{ label: 'Begründung für eine höhere Zuwendung', value: b.capExceedReason, step: 'kosten' as const, anchor: 'finanzierung' }]
            : []),
          {
            label: 'Ausgleich',
            value: t.gapCents === 0 ? 'ausgeglichen' : `nicht ausgeglichen (${formatEuro(Math.abs(t.gapCents))})`,
            step: 'kosten' as const,
            anchor: 'summen',
          },
        ];
      })(),
    },
    {
      section: stepInfo.erklaerungen.title,
      step: 'erklaerungen',
      rows: [...summaryRows(declarationFields, d, fieldContext).map((r) => ({ ...r, step: 'erklaerungen' as const }))],
    },
  ];
  const files = await listAttachments(await getDb(), loaded.row.id);
  const steps = overview(data, context, Object.keys(loaded.snapshot.context.pending) as EditableStep[]);
  return {
    sections: rows,
    budgetLines: b.lines.map(
      (l, index): BudgetLineView => ({
        id: l.id,
        number: index + 1,
        category: costCategories.find((c) => c.id === l.category)?.label ?? '–',
        description: l.description ?? '',
        calculation: lineCalculationText(l),
        year: l.year ?? null,
        amount: formatEuro(lineTotalCents(l)),
      }),
    ),
    budgetTotal: formatEuro(b.lines.reduce((sum, l) => sum + lineTotalCents(l), 0)),
    attachments: files.map((f) => ({
      id: f.id,
      name: f.file_name,
      type: attachmentTypes.find((t) => t.id === f.doc_type)?.label ?? f.doc_type,
    })),
    complete: steps.filter((x) => x.step !== 'pruefen').every((x) => x.status === 'erledigt'),
    qualityChecks: (await qualityChecksOfApplicationRows(await getDb(), loaded.row.id)).length,
    result,
  };
}

/** Whether the applicant has opened "Angaben prüfen", and whether an answer changed after that (for the task list). */
export async function answersCheckFor(applicationId: number) {
  return answersCheckOf(await getDb(), applicationId);
}

/** Opening "Angaben prüfen" is what marks it done on the task list; recorded once per state of the answers. */
export async function noteAnswersChecked(userId: number, row: { id: number; version: number }): Promise<void> {
  const db = await getDb();
  await db.transaction().execute(async (trx) => {
    const check = await answersCheckOf(trx, row.id);
    if (!check || check.changedSince) await recordApplicationEvent(trx, row.id, row.version, { userId, type: 'answers.checked' });
  });
}
