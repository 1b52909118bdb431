import { formatDate, formatEuro, formatPercentBasisPoints } from '../shared/format';
import {
  advanceProcedureOn,
  bescheidFinalOn,
  changeEffect,
  computeMittelabruf,
  lateUseInterest,
  latestStartOn,
  payoutUse,
  proofDueOn,
  regularInstalments,
  totalsOf,
  type ImplementationFacts,
} from './computations';
import { addMonths } from './calendar';
import { paramOn, type ImplementationParameterId, type ImplementationParameterTable } from './parameters';
import { countedCents } from './receipts';

/**
 * The rules after the Bescheid as data: each with its clauses, the programme parts it applies to,
 * a severity, and a pure evaluation of the implementation's facts. Statuses: `ok` (nothing to do),
 * `ausgeloest` (the rule applies now: a duty, a risk, a decision), `offen` (facts missing),
 * `entfaellt` (does not apply to this case).
 */

export const implementationSeverities = ['fehler', 'mitteilung', 'risiko', 'entscheidung', 'frist', 'hinweis'] as const;
export type ImplementationSeverity = (typeof implementationSeverities)[number];
export const implementationSeverityLabel: Record<ImplementationSeverity, string> = {
  fehler: 'Unzulässig',
  mitteilung: 'Mitteilungspflicht',
  risiko: 'Rückforderungsrisiko',
  entscheidung: 'Entscheidung nötig',
  frist: 'Frist',
  hinweis: 'Hinweis',
};

export const implementationStatuses = ['ok', 'ausgeloest', 'offen', 'entfaellt'] as const;
export type ImplementationStatus = (typeof implementationStatuses)[number];
export const implementationStatusLabel: Record<ImplementationStatus, string> = {
  ok: 'in Ordnung',
  ausgeloest: 'ausgelöst',
  offen: 'noch offen',
  entfaellt: 'trifft nicht zu',
};

export interface RuleContext {
  facts: ImplementationFacts;
  table: ImplementationParameterTable;
}

export interface RuleOutcome {
  status: ImplementationStatus;
  detail?: string;
}

export interface ImplementationRule {
  id: string;
  title: string;
  clauses: string[];
  parts: Array<'A' | 'B'>;
  severity: ImplementationSeverity;
  /** What the rule says, in plain administrative German (paraphrased, not quoted). */
  explanation: string;
  /** Set where the sources do not settle the rule; shown as "Annahme". */
  assumption?: string;
  parameters: ImplementationParameterId[];
  evaluate(context: RuleContext): RuleOutcome;
}

const notApplicable: RuleOutcome = { status: 'entfaellt' };

export const implementationRules: ImplementationRule[] = [
  {
    id: 'beginn.frist',
    title: 'Beginn innerhalb eines Jahres nach Zugang des Bescheides',
    clauses: ['ANBest-K Nr. 1.4', 'ANBest-K Nr. 8.2.3', 'ANBest-P Nr. 1.5', 'ANBest-P Nr. 8.2.3'],
    parts: ['A', 'B'],
    severity: 'risiko',
    explanation:
      'Wird mit dem Vorhaben nicht spätestens ein Jahr nach Zugang des Bescheides begonnen, kann die SAB den Bescheid widerrufen und ausgezahlte Mittel zurückfordern.',
    parameters: ['start.latestMonths'],
    evaluate({ facts, table }) {
      const latest = latestStartOn(facts.bescheid, table);
      if (facts.startedOn) {
        return facts.startedOn <= latest
          ? { status: 'ok' }
          : { status: 'ausgeloest', detail: `Begonnen am ${formatDate(facts.startedOn)}, spätestens zulässig am ${formatDate(latest)}.` };
      }
      return facts.today > latest
        ? { status: 'ausgeloest', detail: `Nicht begonnen; die Frist endete am ${formatDate(latest)}.` }
        : { status: 'offen', detail: `Beginn spätestens am ${formatDate(latest)}.` };
    },
  },
  {
    id: 'mitteilung.beginn',
    title: 'Beginn des Vorhabens anzeigen',
    clauses: ['ANBest-K Nr. 5.4', 'ANBest-P Nr. 5.8'],
    parts: ['A', 'B'],
    severity: 'mitteilung',
    explanation:
      'Der Beginn der Maßnahme ist der SAB unverzüglich anzuzeigen; bei Kommunen löst die Anzeige zusammen mit der Bestandskraft die erste Rate aus (VVK Nr. 7.1).',
    parameters: [],
    evaluate({ facts }) {
      if (!facts.startedOn) return { status: 'offen' };
      return facts.startReportedOn
        ? { status: 'ok' }
        : { status: 'ausgeloest', detail: `Begonnen am ${formatDate(facts.startedOn)}; die Anzeige an die SAB fehlt noch.` };
    },
  },
  {
    id: 'auszahlung.regelverfahren',
    title: 'Auszahlung in festen Raten (40 % / 50 % / 10 %)',
    clauses: ['VVK Nr. 7.1', 'FRL Teil 2 A VI Nr. 1', 'VwV zu § 44 SäHO Nr. 7.1'],
    parts: ['A', 'B'],
    severity: 'frist',
    explanation:
      'Im Regelverfahren werden 40 % nach Bestandskraft des Bescheides und Anzeige des Vorhabensbeginns ausgezahlt, 50 % nach Vorlage des vollständigen Verwendungsnachweises (Vollständigkeitsprüfung der SAB binnen eines Monats, bei Nachreichung neu) und die Schlussrate von 10 % nach der Prüfung, spätestens sechs Monate nach Vorlage des vollständigen Nachweises. Ein Auszahlungsantrag ist nicht nötig (VVK Nr. 7.3).',
    parameters: [
      'payout.regular.first',
      'payout.regular.second',
      'payout.regular.final',
      'payout.regular.completenessCheckMonths',
      'payout.regular.finalLatestMonths',
      'bescheid.appealMonths',
    ],
    evaluate({ facts, table }) {
      if (advanceProcedureOn(facts.bescheid, table, facts.today)) return notApplicable;
      const due = regularInstalments(facts, table).filter((i) => i.dueOn && i.dueOn <= facts.today);
      const paid = facts.payouts.reduce((s, p) => s + p.cents, 0);
      const dueCents = due.reduce((s, i) => s + i.cents, 0);
      if (dueCents > paid)
        return {
          status: 'ausgeloest',
          detail: `Fällig: ${due.map((i) => `${i.label} ${formatEuro(i.cents)} seit ${formatDate(i.dueOn!)}`).join('; ')}; ausgezahlt: ${formatEuro(paid)}.`,
        };
      return { status: 'ok', detail: `Bestandskräftig ab ${formatDate(bescheidFinalOn(facts.bescheid, table))}.` };
    },
  },
  {
    id: 'auszahlung.zwischenrate',
    title: 'Zwischenrate bei großen, mehrjährigen Vorhaben',
    clauses: ['VVK Nr. 7.2', 'VwV zu § 44 SäHO Nr. 7.2'],
    parts: ['A', 'B'],
    severity: 'hinweis',
    explanation:
      'Bei einer Gesamtzuwendung über 150.000 € und einem Umsetzungszeitraum von mehr als einem Jahr soll die zweite Rate geteilt werden: 25 % zwischen Beginn und Verwendungsnachweis, 25 % nach dessen Vorlage.',
    parameters: ['payout.regular.split.threshold', 'payout.regular.split.share'],
    evaluate({ facts, table }) {
      if (advanceProcedureOn(facts.bescheid, table, facts.today)) return notApplicable;
      return regularInstalments(facts, table).some((i) => i.key === 'intermediate') ? { status: 'ausgeloest' } : notApplicable;
    },
  },
  {
    id: 'auszahlung.kleine-rate',
    title: 'Feste Rate unter der Untergrenze für Teilauszahlungen',
    clauses: ['VVK Nr. 7.1', 'FRL Teil 2 A VI Nr. 2', 'VwV zu § 44 SäHO Nr. 7.7'],
    parts: ['A', 'B'],
    severity: 'entscheidung',
    explanation:
      'Die festen Raten des Regelverfahrens und die Untergrenze von 1.000 € für Teilauszahlungen können kollidieren: Bei Zuwendungen unter 10.000 € ist die Schlussrate von 10 % kleiner als 1.000 €. Die Quellen sagen nicht, welche Regel vorgeht; die SAB entscheidet. Förderlotse zeigt beide Fundstellen und entscheidet nicht.',
    parameters: ['payout.regular.final', 'payout.minimumPartial.kommune', 'payout.minimumPartial.other'],
    evaluate({ facts, table }) {
      if (advanceProcedureOn(facts.bescheid, table, facts.today)) return notApplicable;
      const minimum = paramOn(
        table,
        facts.bescheid.programmePart === 'A' ? 'payout.minimumPartial.kommune' : 'payout.minimumPartial.other',
        facts.bescheid.issuedOn,
      );
      const small = regularInstalments(facts, table).filter((i) => i.cents > 0 && i.cents < minimum);
      return small.length
        ? {
            status: 'ausgeloest',
            detail: `${small.map((i) => `${i.label} ${formatEuro(i.cents)}`).join(', ')} unter der Untergrenze von ${formatEuro(minimum)}.`,
          }
        : { status: 'ok' };
    },
  },
  {
    id: 'auszahlung.vorauszahlung-kommune',
    title: 'Vorauszahlungen für Kommunen nur bis Ende 2024',
    clauses: ['FRL Teil 2 A VI Nr. 3'],
    parts: ['A'],
    severity: 'fehler',
    explanation:
      'Abweichend vom Regelverfahren waren für Gebietskörperschaften Vorauszahlungen auf Auszahlungsantrag bis zum Ablauf des Haushaltsjahres 2024 zugelassen; danach gilt VVK Nr. 7.1.',
    assumption:
      'Ob die Zulassung über 2024 hinaus verlängert wird, sagen die Quellen nicht; der Parameter kann mit einem neuen Datum geändert werden.',
    parameters: ['payout.kommune.advanceAllowed'],
    evaluate({ facts, table }) {
      const b = facts.bescheid;
      if (b.programmePart !== 'A' || !facts.mittelabruf) return notApplicable;
      return paramOn(table, 'payout.kommune.advanceAllowed', facts.mittelabruf.requestedOn) === 1 && b.advancePayments
        ? { status: 'ok' }
        : {
            status: 'ausgeloest',
            detail: `Auszahlungsantrag vom ${formatDate(facts.mittelabruf.requestedOn)}: für Kommunen gilt das Regelverfahren; ein Mittelabruf ist nicht vorgesehen.`,
          };
    },
  },
  {
    id: 'mittelabruf.bedarf',
    title: 'Mittelabruf nur für Zahlungen, die binnen sechs Monaten fällig werden',
    clauses: ['ANBest-P Nr. 1.4', 'VwV zu § 44 SäHO Nr. 7.5', 'FRL Teil 2 B VI'],
    parts: ['B'],
    severity: 'fehler',
    explanation:
      'Im Vorauszahlungsverfahren (für zivilgesellschaftliche Träger auf Antrag, FRL Teil 2 B VI) darf die Zuwendung nur angefordert werden, soweit sie für Zahlungen benötigt wird, die längstens sechs Monate nach der Auszahlung fällig werden, bei Anteilfinanzierung anteilig mit den übrigen Mitteln (Nr. 1.4.1). Jede Anforderung muss den Bedarf erkennen lassen.',
    parameters: ['advance.needWindowMonths'],
    evaluate({ facts, table }) {
      const b = facts.bescheid;
      if (b.programmePart !== 'B' || !facts.mittelabruf) return notApplicable;
      if (!b.advancePayments)
        return {
          status: 'ausgeloest',
          detail: 'Der Bescheid lässt keine Vorauszahlungen zu; es gilt das Regelverfahren (VwV zu § 44 SäHO Nr. 7.1).',
        };
      const m = computeMittelabruf(facts, facts.mittelabruf, table);
      if (m.unknownLines.length)
        return {
          status: 'ausgeloest',
          detail: `Geplante Zahlungen auf nicht bewilligten Positionen: ${m.unknownLines.map((p) => p.lineId).join(', ')} (ANBest-P Nr. 1.1).`,
        };
      if (m.requestedCents > m.allowedCents) {
        return {
          status: 'ausgeloest',
          detail: `Angefordert ${formatEuro(m.requestedCents)}, zulässig ${formatEuro(m.allowedCents)} (Anteil der Zuwendung am Bedarf bis ${formatDate(m.windowEndOn)}: ${formatEuro(m.grantShareCents)}, bereits ausgezahlt: ${formatEuro(m.paidOutCents)}).`,
        };
      }
      return {
        status: 'ok',
        detail: `Zulässig: ${formatEuro(m.allowedCents)} (Bedarf bis ${formatDate(m.windowEndOn)}: ${formatEuro(m.needCents)}).`,
      };
    },
  },
  {
    id: 'mittelabruf.untergrenze',
    title: 'Untergrenze für Voraus- und Teilauszahlungen',
    clauses: ['VwV zu § 44 SäHO Nr. 7.7', 'FRL Teil 2 A VI Nr. 2'],
    parts: ['A', 'B'],
    severity: 'fehler',
    explanation:
      'Voraus- und Teilauszahlungen unter 1.000 € sind nicht vorgesehen. Ist der Rest der Zuwendung selbst kleiner, kollidiert die Untergrenze mit dem Anspruch auf den Rest: dann ist eine Entscheidung der SAB nötig.',
    parameters: ['payout.minimumPartial.other', 'payout.minimumPartial.kommune'],
    evaluate({ facts, table }) {
      if (!facts.mittelabruf || !advanceProcedureOn(facts.bescheid, table, facts.mittelabruf.requestedOn)) return notApplicable;
      const m = computeMittelabruf(facts, facts.mittelabruf, table);
      if (m.requestedCents >= m.minimumCents) return { status: 'ok' };
      if (m.requestedCents === m.remainingGrantCents && m.remainingGrantCents > 0) {
        return {
          status: 'ausgeloest',
          detail: `Restbetrag ${formatEuro(m.remainingGrantCents)} unter der Untergrenze von ${formatEuro(m.minimumCents)}: Entscheidung der SAB nötig (VwV zu § 44 SäHO Nr. 7.7 gegen den Anspruch auf die bewilligte Zuwendung).`,
        };
      }
      return {
        status: 'ausgeloest',
        detail: `Angefordert ${formatEuro(m.requestedCents)}; die Untergrenze ist ${formatEuro(m.minimumCents)}. Warten Sie, bis der Bedarf sie erreicht.`,
      };
    },
  },
  {
    id: 'mittelabruf.verbrauch',
    title: 'Abgerufene Mittel binnen sechs Monaten verbrauchen',
    clauses: [
      'ANBest-P Nr. 5.4',
      'ANBest-P Nr. 8.3.1',
      'ANBest-P Nr. 8.5',
      'VwV zu § 44 SäHO Nr. 8.2.5',
      'VwV zu § 44 SäHO Nr. 8.7',
      'VwV zu § 44 SäHO Nr. 8.9',
    ],
    parts: ['B'],
    severity: 'risiko',
    explanation:
      'Können ausgezahlte Beträge nicht binnen sechs Monaten nach Auszahlung für fällige Zahlungen verbraucht werden, ist das der SAB unverzüglich anzuzeigen; für die Zeit von der Auszahlung bis zur Verwendung werden regelmäßig Zinsen verlangt (nur, wenn der Gesamtzinsanspruch 50 € übersteigt).',
    parameters: ['advance.needWindowMonths', 'interest.pointsAboveBase', 'interest.baseRate', 'interest.minimum.other'],
    evaluate({ facts, table }) {
      if (facts.bescheid.programmePart !== 'B' || facts.payouts.length === 0 || !facts.bescheid.advancePayments) return notApplicable;
      const late = payoutUse(facts, table).filter((u) => u.lateParts.length);
      if (!late.length) return { status: 'ok' };
      const interest = lateUseInterest(facts, table);
      return {
        status: 'ausgeloest',
        detail: `Nicht fristgerecht verbraucht: ${late.map((u) => `Auszahlung vom ${formatDate(u.payout.receivedOn)} (Frist ${formatDate(u.deadlineOn)})`).join('; ')}. Zinsen: ${formatEuro(interest.cents)}${interest.charged ? '' : ' – unter der Bagatellgrenze, werden nicht erhoben'}.`,
      };
    },
  },
  {
    id: 'plan.gesamtergebnis',
    title: 'Finanzierungsplan im Gesamtergebnis verbindlich',
    clauses: ['ANBest-K Nr. 1.2', 'ANBest-P Nr. 1.2'],
    parts: ['A', 'B'],
    severity: 'hinweis',
    explanation:
      'Der Finanzierungsplan ist nur hinsichtlich des Gesamtergebnisses verbindlich. Einzelne Positionen dürfen überschritten werden, solange die Gesamtausgaben eingehalten werden; was darüber hinausgeht, trägt der Zuwendungsempfänger voll aus eigenen Mitteln. Eine Regel wie die 20-%-Grenze des Bundes kennen die sächsischen ANBest nicht. Bei Festbetragsfinanzierung gilt das nicht.',
    parameters: [],
    evaluate({ facts }) {
      if (facts.bescheid.financingType === 'festbetragsfinanzierung') return notApplicable;
      const totals = totalsOf(facts);
      const over = totals.lines.filter((l) => l.remainingCents < 0);
      if (totals.remainingCents < 0) {
        return {
          status: 'ausgeloest',
          detail: `Gesamtausgaben ${formatEuro(totals.spentCents + totals.openCents)} über dem Plan (${formatEuro(totals.approvedCents)}): die Überschreitung um ${formatEuro(-totals.remainingCents)} tragen Sie aus eigenen Mitteln; die Zuwendung erhöht sich nicht.`,
        };
      }
      if (over.length)
        return {
          status: 'ok',
          detail: `Überschritten, aber durch Einsparungen gedeckt: ${over.map((l) => `${l.label} um ${formatEuro(-l.remainingCents)}`).join(', ')}.`,
        };
      return { status: 'ok' };
    },
  },
  {
    id: 'mitteilung.ermaessigung',
    title: 'Ermäßigung der Ausgaben um mehr als 7,5 % oder 10.000 € anzeigen',
    clauses: ['ANBest-K Nr. 5.1', 'ANBest-P Nr. 5.1'],
    parts: ['A', 'B'],
    severity: 'mitteilung',
    explanation:
      'Ermäßigen sich die zuwendungsfähigen Ausgaben nach Vorlage des Finanzierungsplans um mehr als 7,5 % oder mehr als 10.000 €, ist das der SAB unverzüglich anzuzeigen.',
    parameters: ['notice.reductionShare', 'notice.reductionAmount'],
    evaluate({ facts, table }) {
      const effect = changeEffect(facts, table);
      const share = paramOn(table, 'notice.reductionShare', facts.bescheid.issuedOn);
      const amount = paramOn(table, 'notice.reductionAmount', facts.bescheid.issuedOn);
      if (effect.reductionCents === 0) return { status: 'ok' };
      const overShare = effect.reductionCents * 10_000 > effect.approvedCents * share;
      const overAmount = effect.reductionCents > amount;
      const detail = `Ermäßigung um ${formatEuro(effect.reductionCents)} (${formatPercentBasisPoints(Math.floor((effect.reductionCents * 10_000) / effect.approvedCents))} von ${formatEuro(effect.approvedCents)}).`;
      return overShare || overAmount ? { status: 'ausgeloest', detail } : { status: 'ok', detail };
    },
  },
  {
    id: 'mitteilung.weitere-mittel',
    title: 'Weitere Zuwendungen oder Mittel Dritter anzeigen',
    clauses: ['ANBest-K Nr. 5.1', 'ANBest-P Nr. 5.1'],
    parts: ['A', 'B'],
    severity: 'mitteilung',
    explanation:
      'Wer nach Vorlage des Finanzierungsplans – auch nach dem Verwendungsnachweis – weitere öffentliche Zuwendungen beantragt oder erhält oder weitere Mittel Dritter bekommt, zeigt das der SAB unverzüglich an.',
    parameters: [],
    evaluate({ facts }) {
      return facts.additionalFinancingCents > 0
        ? { status: 'ausgeloest', detail: `Hinzugekommen: ${formatEuro(facts.additionalFinancingCents)}.` }
        : { status: 'ok' };
    },
  },
  {
    id: 'aenderung.ermaessigung-zuwendung',
    title: 'Weniger Ausgaben oder mehr Deckungsmittel ermäßigen die Zuwendung',
    clauses: ['ANBest-K Nr. 2.1', 'ANBest-K Nr. 2.2', 'ANBest-P Nr. 2.1', 'ANBest-P Nr. 2.2'],
    parts: ['A', 'B'],
    severity: 'risiko',
    explanation:
      'Ermäßigen sich die zuwendungsfähigen Ausgaben oder kommen Deckungsmittel hinzu, ermäßigt sich die Zuwendung – bei Anteilfinanzierung anteilig –, wenn sich Ausgaben oder Deckungsmittel um mehr als 500 € ändern. Zu viel Ausgezahltes ist zu erstatten; Kleinbeträge werden nicht zurückgefordert (VVK Nr. 8.7, VwV zu § 44 SäHO Nr. 8.8).',
    assumption:
      'Bei hinzukommenden Deckungsmitteln rechnen wir die Anteilfinanzierung auf die um diese Mittel verminderten Ausgaben; die Quellen nennen keine Formel.',
    parameters: ['change.reductionThreshold', 'repayment.minimum.other'],
    evaluate({ facts, table }) {
      const e = changeEffect(facts, table);
      if (!e.overThreshold)
        return {
          status: 'ok',
          detail: e.reductionCents || e.additionalFinancingCents ? 'Änderung nicht über 500 €: die Zuwendung bleibt.' : undefined,
        };
      if (e.newGrantCents === facts.bescheid.grantCents) return { status: 'ok' };
      const repay =
        e.repaymentCents > 0
          ? ` Zu erstatten: ${formatEuro(e.repaymentCents)}${e.repaymentWaived ? ` – bis ${formatEuro(e.repaymentLimitCents)} wird nicht zurückgefordert` : ''}.`
          : '';
      return {
        status: 'ausgeloest',
        detail: `Zuwendung voraussichtlich ${formatEuro(e.newGrantCents)} statt ${formatEuro(facts.bescheid.grantCents)}.${repay}`,
      };
    },
  },
  {
    id: 'verwendungsnachweis.frist',
    title: 'Verwendungsnachweis fristgerecht vorlegen',
    clauses: ['ANBest-K Nr. 6.1', 'ANBest-P Nr. 6.1', 'ANBest-K Nr. 8.3.1', 'ANBest-P Nr. 8.3.2'],
    parts: ['A', 'B'],
    severity: 'frist',
    explanation:
      'Kommunen weisen die Verwendung binnen eines Jahres nach Erfüllung des Zwecks nach, spätestens ein Jahr nach Ende des Bewilligungszeitraums; übrige Träger binnen sechs Monaten, spätestens mit Ablauf des sechsten auf den Bewilligungszeitraum folgenden Monats. Ein verspäteter Nachweis kann zum Widerruf führen.',
    parameters: ['proof.kommune.months', 'proof.other.months'],
    evaluate({ facts, table }) {
      const due = proofDueOn(facts.bescheid, facts.purposeFulfilledOn, table);
      if (facts.proofSubmittedOn)
        return facts.proofSubmittedOn <= due
          ? { status: 'ok', detail: `Vorgelegt am ${formatDate(facts.proofSubmittedOn)}.` }
          : { status: 'ausgeloest', detail: `Vorgelegt am ${formatDate(facts.proofSubmittedOn)}, fällig war er am ${formatDate(due)}.` };
      if (facts.today > due) return { status: 'ausgeloest', detail: `Fällig war der Verwendungsnachweis am ${formatDate(due)}.` };
      return { status: 'offen', detail: `Fällig am ${formatDate(due)}.` };
    },
  },
  {
    id: 'verwendungsnachweis.zwischennachweis',
    title: 'Zwischennachweis nur bei Vorhaben über drei Jahre',
    clauses: ['VwV zu § 44 SäHO Nr. 5.3.4'],
    parts: ['B'],
    severity: 'hinweis',
    explanation:
      'Einen Zwischennachweis kann die SAB bei Vorhaben von mehr als drei Jahren fordern. Vorhaben nach FRL Teil 2 B dauern höchstens zwei Kalenderjahre; ein Zwischennachweis ist daher nur nötig, wenn der Bescheid ihn ausdrücklich verlangt. Die ANBest-K kennen stattdessen den vorläufigen Verwendungsnachweis (Nr. 6.1).',
    parameters: ['proof.interimAfterYears'],
    evaluate({ facts, table }) {
      if (facts.bescheid.programmePart !== 'B') return notApplicable;
      const years = paramOn(table, 'proof.interimAfterYears', facts.bescheid.issuedOn);
      return addMonths(facts.bescheid.periodStart, years * 12) <= facts.bescheid.periodEnd ? { status: 'ausgeloest' } : notApplicable;
    },
  },
  {
    id: 'inventar.gegenstaende',
    title: 'Gegenstände über 800 € inventarisieren',
    clauses: ['ANBest-P Nr. 4.2'],
    parts: ['B'],
    severity: 'hinweis',
    explanation: 'Beschaffte Gegenstände mit einem Anschaffungs- oder Herstellungswert über 800 € sind zu inventarisieren.',
    parameters: ['inventory.threshold'],
    evaluate({ facts, table }) {
      const b = facts.bescheid;
      if (b.programmePart !== 'B') return notApplicable;
      const threshold = paramOn(table, 'inventory.threshold', b.issuedOn);
      const assets = facts.receipts.filter((r) => r.asset);
      if (!assets.length) return notApplicable;
      const listed = assets.filter((r) => countedCents(r, b.vatDeductible) > threshold);
      return listed.length
        ? { status: 'ausgeloest', detail: listed.map((r) => `${r.purpose} (${formatEuro(countedCents(r, b.vatDeductible))})`).join(', ') }
        : { status: 'ok' };
    },
  },
  {
    id: 'vergabe.drei-angebote',
    title: 'Drei Angebote bei Aufträgen über 5.000 € ab 100.000 € Zuwendung',
    clauses: ['ANBest-P Nr. 3'],
    parts: ['B'],
    severity: 'hinweis',
    explanation:
      'Ab einer Zuwendung von 100.000 € sind bei Aufträgen über 5.000 € (ohne Umsatzsteuer) grundsätzlich drei vergleichbare Angebote einzuholen.',
    parameters: ['procurement.grantThreshold', 'procurement.orderThreshold'],
    evaluate({ facts, table }) {
      const b = facts.bescheid;
      if (b.programmePart !== 'B' || b.grantCents < paramOn(table, 'procurement.grantThreshold', b.issuedOn)) return notApplicable;
      const limit = paramOn(table, 'procurement.orderThreshold', b.issuedOn);
      const large = facts.receipts.filter((r) => r.netCents > limit);
      return large.length
        ? { status: 'ausgeloest', detail: large.map((r) => `${r.payee}: ${formatEuro(r.netCents)} netto`).join(', ') }
        : { status: 'ok' };
    },
  },
  {
    id: 'belege.aufbewahrung',
    title: 'Belege fünf Jahre aufbewahren',
    clauses: ['ANBest-P Nr. 6.8'],
    parts: ['A', 'B'],
    severity: 'frist',
    explanation:
      'Belege, Verträge und alle Unterlagen zur Förderung sind fünf Jahre nach Vorlage des Verwendungsnachweises aufzubewahren, sofern nicht andere Vorschriften länger verlangen.',
    assumption: 'Für Kommunen nennt die ANBest-K keine Frist; Förderlotse zeigt dieselbe Frist als Empfehlung.',
    parameters: ['records.keepYears'],
    evaluate({ facts, table }) {
      if (!facts.proofSubmittedOn) return { status: 'offen' };
      const until = `${Number(facts.proofSubmittedOn.slice(0, 4)) + paramOn(table, 'records.keepYears', facts.proofSubmittedOn)}${facts.proofSubmittedOn.slice(4)}`;
      return { status: facts.today <= until ? 'ausgeloest' : 'ok', detail: `Aufbewahren bis ${formatDate(until)}.` };
    },
  },
];

export interface ImplementationFinding {
  rule: ImplementationRule;
  outcome: RuleOutcome;
}

export function evaluateImplementation(facts: ImplementationFacts, table: ImplementationParameterTable): ImplementationFinding[] {
  return implementationRules
    .filter((rule) => rule.parts.includes(facts.bescheid.programmePart))
    .map((rule) => ({ rule, outcome: rule.evaluate({ facts, table }) }));
}

export const rulesForPart = (part: 'A' | 'B') => implementationRules.filter((r) => r.parts.includes(part));
