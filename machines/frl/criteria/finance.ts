import { formatEuro, formatEuroWhole } from '../../shared/format';
import type { Criterion, EvaluationContext, Tracer } from '../criterion';
import { formatRate } from '../criterion';
import { capParameterOf } from '../parameters';
import { inKindWithinShare, isWithinRate, maxGrantByRate, maxInKind } from '../predicates';
import { routeInfo, type FundingRoute } from '../routes';

/** Reads the requested grant; records it in the trace. */
function grantOf(context: EvaluationContext, trace: Tracer): number | null {
  trace.fact('budget.requestedGrantCents');
  return context.derived.grantCents;
}

/**
 * Reads the eligible expenditure (total minus financing costs and, in Teil 2 A, minus in-kind
 * contributions); records the total and each deduction.
 */
function eligibleOf(context: EvaluationContext, trace: Tracer): number | null {
  trace.fact('budget.totalExpenditureCents');
  const { eligibleCents: eligible, financingCostsCents, uncountedInKindCents } = context.derived;
  if (eligible !== null && (financingCostsCents > 0 || uncountedInKindCents > 0)) {
    if (financingCostsCents > 0) trace.fact('budget.financingCostsCents');
    if (uncountedInKindCents > 0) trace.fact('budget.inKindCents');
    trace.money('derived.eligibleCents', 'zuwendungsfähige Ausgaben', eligible);
  }
  return eligible;
}

export const financeCriteria: Criterion[] = [
  {
    id: 'finanzen.mindestbetrag',
    title: 'Mindestzuwendung',
    clauses: ['FRL Teil 2 A V Nr. 2', 'FRL Teil 2 B V Nr. 2'],
    source: { document: 'frl', section: 'A V' },
    severity: 'ausschluss',
    topic: 'finanzen',
    parts: ['A', 'B'],
    parameters: ['grant.minimum'],
    explanation: {
      erfuellt: {
        verwaltung: 'Die beantragte Zuwendung erreicht die Mindestzuwendung.',
        einfach: 'Sie beantragen genug Geld. Es gibt eine Untergrenze.',
      },
      nicht_erfuellt: {
        verwaltung: (w) =>
          `Die Zuwendung soll ${w.euro('grant.minimum')} nicht unterschreiten (abweichend von VVK Nr. 1.1); kleinere Vorhaben sind in der Regel nicht förderfähig.`,
        einfach: (w) => `Sie beantragen zu wenig Geld. Die Förderung muss mindestens ${w.euroInWords('grant.minimum')} sein.`,
      },
    },
    evaluate(context, trace) {
      const minimum = trace.parameter(context, 'grant.minimum', 'Mindestzuwendung', formatEuroWhole);
      const grant = grantOf(context, trace);
      if (grant === null) return { status: 'offen' };
      if (grant >= minimum) return { status: 'erfuellt' };
      const rate = context.params['grant.maxRate'].value;
      const neededExpenditure = Math.ceil((minimum * 10_000) / rate / 100) * 100;
      return {
        status: 'nicht_erfuellt',
        detail: `Beantragt: ${formatEuro(grant)}; Mindestzuwendung: ${formatEuroWhole(minimum)}.`,
        fix: `Erhöhen Sie die beantragte Zuwendung auf mindestens ${formatEuroWhole(minimum)}; dafür sind zuwendungsfähige Ausgaben von mindestens ${formatEuroWhole(neededExpenditure)} nötig. Kleinere Vorhaben können Sie mit anderen zu einem Vorhaben bündeln.`,
      };
    },
  },
  {
    id: 'finanzen.hoechstbetrag',
    title: 'Höchstbetrag des Förderwegs',
    clauses: ['FRL Teil 2 A V Nr. 2.1', 'FRL Teil 2 A V Nr. 2.2', 'FRL Teil 2 A V Nr. 2.3', 'FRL Teil 2 A V Nr. 3', 'FRL Teil 2 B V Nr. 2'],
    source: { document: 'frl', section: 'A V' },
    severity: 'begruendung',
    topic: 'finanzen',
    parts: ['A', 'B'],
    parameters: ['grant.cap.A1.1', 'grant.cap.A1.2', 'grant.cap.A1.3', 'grant.cap.B'],
    explanation: {
      erfuellt: {
        verwaltung:
          'Die beantragte Zuwendung liegt im Höchstbetrag des Förderwegs (bei Modellkommune, Bürgerkommune und Zivilgesellschaft je Kalenderjahr).',
        einfach: 'Sie beantragen nicht mehr als erlaubt.',
      },
      nicht_erfuellt: {
        verwaltung: (w) =>
          `Höchstbeträge: Einzelvorhaben ${w.euro('grant.cap.A1.1')}, Modellkommune ${w.euro('grant.cap.A1.2')} und Bürgerkommune ${w.euro('grant.cap.A1.3')} je Kalenderjahr, Zivilgesellschaft ${w.euro('grant.cap.B')} je Kalenderjahr. Mehr ist nur in begründeten Einzelfällen möglich, insbesondere bei einem Verbund; die SAB als Bewilligungsbehörde entscheidet im Einvernehmen mit dem Ministerium.`,
        einfach: 'Sie beantragen mehr als erlaubt. Das geht nur mit einer guten Begründung. Die SAB entscheidet dann.',
      },
    },
    evaluate(context, trace) {
      const route = trace.fact<FundingRoute>('project.route');
      const grant = grantOf(context, trace);
      if (!route) return { status: 'offen' };
      const perYear = routeInfo[route].durationUnit === 'calendarYears';
      trace.parameter(context, capParameterOf[route], perYear ? 'Höchstbetrag je Kalenderjahr' : 'Höchstbetrag', formatEuroWhole);
      if (perYear) {
        trace.fact('project.start');
        trace.fact('project.end');
      }
      const cap = context.derived.capCents;
      if (grant === null || cap === null) return { status: 'offen' };
      if (perYear) trace.note('derived.calendarYears', 'berührte Kalenderjahre', String(context.derived.calendarYears));
      trace.money('derived.capCents', 'Höchstbetrag für das Vorhaben', cap);
      if (grant <= cap) return { status: 'erfuellt' };
      const reason = trace.fact<string>('budget.capExceedReason');
      const verbundHint =
        routeInfo[route].part === 'A' && !context.facts.verbund
          ? ' Ein gemeinsamer Antrag mehrerer Kommunen als Verbund ist ein typischer Grund für eine höhere Zuwendung.'
          : '';
      return reason
        ? {
            status: 'nicht_erfuellt',
            detail: `Beantragt: ${formatEuro(grant)}; Höchstbetrag: ${formatEuroWhole(cap)}. Eine Begründung liegt vor; die SAB als Bewilligungsbehörde entscheidet im Einvernehmen mit dem Staatsministerium der Justiz und für Demokratie, Europa und Gleichstellung.`,
          }
        : {
            status: 'nicht_erfuellt',
            detail: `Beantragt: ${formatEuro(grant)}; Höchstbetrag: ${formatEuroWhole(cap)}.`,
            fix: `Reduzieren Sie die beantragte Zuwendung auf ${formatEuroWhole(cap)} oder begründen Sie die Ausnahme.${verbundHint}`,
          };
    },
  },
  {
    id: 'finanzen.foerdersatz',
    title: (w) => `Höchstens ${w.percent('grant.maxRate')} der zuwendungsfähigen Ausgaben`,
    clauses: ['FRL Teil 2 A V Nr. 5', 'FRL Teil 2 B V Nr. 4'],
    source: { document: 'frl', section: 'A V' },
    severity: 'ausschluss',
    topic: 'finanzen',
    parts: ['A', 'B'],
    parameters: ['grant.maxRate'],
    explanation: {
      erfuellt: {
        verwaltung: (w) =>
          `Die Zuwendung überschreitet den Höchstfördersatz von ${w.percent('grant.maxRate')} der zuwendungsfähigen Ausgaben nicht; der Eigenanteil beträgt mindestens ${w.remainderPercent('grant.maxRate')}.`,
        einfach: (w) => `Sie zahlen mindestens ${w.remainderPercentInWords('grant.maxRate')} selbst. Das ist richtig.`,
      },
      nicht_erfuellt: {
        verwaltung: (w) =>
          `Die Zuwendung darf ${w.percent('grant.maxRate')} der zuwendungsfähigen Ausgaben nicht überschreiten (Anteilfinanzierung).`,
        einfach: (w) =>
          `Das Land zahlt höchstens ${w.percentInWords('grant.maxRate')}. Mindestens ${w.remainderPercentInWords('grant.maxRate')} müssen Sie selbst aufbringen.`,
      },
    },
    evaluate(context, trace) {
      const rate = trace.parameter(context, 'grant.maxRate', 'Höchstfördersatz', formatRate);
      const grant = grantOf(context, trace);
      const eligible = eligibleOf(context, trace);
      if (grant === null || eligible === null) return { status: 'offen' };
      const actualRate = context.derived.grantRateBp ?? 0;
      trace.note('derived.rate', 'Fördersatz', formatRate(actualRate));
      if (isWithinRate(grant, eligible, rate)) return { status: 'erfuellt' };
      const allowed = maxGrantByRate(eligible, rate);
      return {
        status: 'nicht_erfuellt',
        detail: `Beantragt: ${formatEuro(grant)} = ${formatRate(actualRate)} von ${formatEuro(eligible)}.`,
        fix: `Reduzieren Sie die beantragte Zuwendung auf ${formatEuroWhole(allowed)} und erhöhen Sie den Eigenanteil entsprechend um ${formatEuro(grant - allowed)}.`,
      };
    },
  },
  {
    id: 'finanzen.deckungsmittel',
    title: 'Zweckgebundene Mittel Dritter vermindern die Zuwendung',
    clauses: ['ANBest-K Nr. 1.2', 'ANBest-P Nr. 1.2'],
    source: { document: 'anbest-p', section: '1.2' },
    severity: 'ausschluss',
    topic: 'finanzen',
    parts: ['A', 'B'],
    explanation: {
      erfuellt: {
        verwaltung:
          'Alle mit dem Zweck zusammenhängenden Einnahmen (zweckgebundene Spenden, Sponsoring, andere öffentliche Mittel) sind als Deckungsmittel eingesetzt; die Zuwendung deckt nur den Rest.',
        einfach: 'Spenden für das Projekt und anderes Fördergeld sind richtig eingerechnet.',
      },
      nicht_erfuellt: {
        verwaltung:
          'Zweckgebundene Spenden und ähnliche Mittel Dritter sowie andere Zuwendungen sind als Deckungsmittel einzusetzen; soweit sie über den Eigenanteil hinausgehen, vermindern sie die Zuwendung.',
        einfach: 'Sie haben Spenden oder anderes Fördergeld für das Projekt. Dann bekommen Sie vom Land weniger.',
      },
    },
    evaluate(context, trace) {
      const grant = grantOf(context, trace);
      const eligible = eligibleOf(context, trace);
      trace.fact('budget.thirdPartyEarmarkedCents');
      trace.fact('budget.otherPublicCents');
      const earmarked = context.derived.earmarkedCents ?? 0;
      const otherPublic = context.derived.otherPublicCents ?? 0;
      if (earmarked === 0 && otherPublic === 0) {
        // Unknown until some financing source is stated; a stated plan without them is fine.
        return context.derived.financingCents === null ? { status: 'offen' } : { status: 'erfuellt' };
      }
      // In Teil 2 A in-kind contributions count on neither side, so they cover nothing here.
      const total = context.derived.balanceTotalCents;
      if (grant === null || eligible === null || total === null) return { status: 'offen' };
      // Earmarked money covers all project expenditure (ANBest Nr. 1.2), including costs that are
      // not eligible; only what remains may be the grant. The 90 % rule on eligible expenditure
      // is checked separately.
      const ceiling = Math.max(0, total - earmarked - otherPublic);
      trace.money('derived.grantCeiling', 'höchstens noch zu deckender Betrag', ceiling);
      if (grant <= ceiling) return { status: 'erfuellt' };
      return {
        status: 'nicht_erfuellt',
        detail: `Ausgaben ${formatEuro(total)} − zweckgebundene Mittel ${formatEuro(earmarked + otherPublic)} = ${formatEuro(ceiling)}; beantragt ${formatEuro(grant)}.`,
        fix: `Reduzieren Sie die beantragte Zuwendung auf ${formatEuro(ceiling)}: zweckgebundene Spenden und andere Fördermittel decken den Rest.`,
      };
    },
  },
  {
    id: 'finanzen.ausgeglichen',
    title: 'Finanzierungsplan ausgeglichen',
    clauses: ['VwV zu § 44 SäHO Nr. 3.2.1', 'VVK Nr. 3.3.1', 'ANBest-K Nr. 1.2', 'ANBest-P Nr. 1.2'],
    source: { document: 'vwv', section: '3.2.1' },
    severity: 'ausschluss',
    topic: 'finanzen',
    parts: ['A', 'B'],
    explanation: {
      erfuellt: {
        verwaltung: 'Gesamtausgaben und Gesamtfinanzierung stimmen auf den Cent überein.',
        einfach: 'Ausgaben und Einnahmen sind gleich hoch. So muss es sein.',
      },
      nicht_erfuellt: {
        verwaltung: 'Der Finanzierungsplan muss ausgeglichen sein: die Summe aller Finanzierungsmittel entspricht den Gesamtausgaben.',
        einfach: 'Ausgaben und Einnahmen müssen genau gleich hoch sein.',
      },
    },
    evaluate(context, trace) {
      trace.fact('budget.totalExpenditureCents');
      trace.fact('budget.requestedGrantCents');
      for (const source of ['ownCash', 'inKind', 'thirdPartyEarmarked', 'thirdPartyOther', 'otherPublic'])
        trace.fact(`budget.${source}Cents`);
      // Teil 2 A: in-kind contributions stand on both sides and are left out of both.
      const { balanceTotalCents: totalCents, financingCents, uncountedInKindCents } = context.derived;
      if (totalCents === null || financingCents === null) return { status: 'offen' };
      if (uncountedInKindCents > 0) trace.money('derived.balanceTotalCents', 'Ausgaben ohne unbare Leistungen', totalCents);
      trace.money('derived.financingCents', 'Summe der Finanzierung', financingCents);
      const gap = totalCents - financingCents;
      if (gap === 0) return { status: 'erfuellt' };
      return gap > 0
        ? {
            status: 'nicht_erfuellt',
            detail: `Es fehlen ${formatEuro(gap)} zur Deckung der Ausgaben von ${formatEuro(totalCents)}.`,
            fix: `Erhöhen Sie den Eigenanteil um ${formatEuro(gap)} oder weisen Sie weitere Mittel Dritter in dieser Höhe nach.`,
          }
        : {
            status: 'nicht_erfuellt',
            detail: `Die Finanzierung übersteigt die Ausgaben um ${formatEuro(-gap)}.`,
            fix: `Verringern Sie die Finanzierung um ${formatEuro(-gap)}, zuerst die beantragte Zuwendung oder die Eigenmittel.`,
          };
    },
  },
  {
    id: 'finanzen.sachleistungen-anteil',
    title: (w) => `Unbare Leistungen höchstens ${w.percent('inKind.maxShareOfOwnContribution')} des Eigenanteils`,
    clauses: ['FRL Teil 2 B V Nr. 5'],
    source: { document: 'frl', section: 'B V' },
    severity: 'ausschluss',
    topic: 'finanzen',
    parts: ['B'],
    parameters: ['inKind.maxShareOfOwnContribution'],
    assumption: 'Als Eigenanteil gilt der Teil der Ausgaben, den die beantragte Zuwendung nicht deckt.',
    explanation: {
      erfuellt: {
        verwaltung: (w) =>
          `Unbare Leistungen (ehrenamtliche Stunden zum Mindestlohn, Raummieten zur ortsüblichen Miete) machen höchstens ${w.percent('inKind.maxShareOfOwnContribution')} des Eigenanteils aus.`,
        einfach: (w) =>
          `Ehrenamtliche Arbeit und Räume zählen als Eigenanteil, aber höchstens zu ${w.percentInWords('inKind.maxShareOfOwnContribution')}. Das passt bei Ihnen.`,
      },
      nicht_erfuellt: {
        verwaltung: (w) =>
          `Der Eigenanteil kann bis zu ${w.percent('inKind.maxShareOfOwnContribution')} aus projektbezogenen unbaren Leistungen bestehen; der Rest ist in Geld aufzubringen.`,
        einfach: (w) =>
          `Mindestens ${w.remainderPercentInWords('inKind.maxShareOfOwnContribution')} Ihres Eigenanteils müssen Geld sein. Ehrenamt und Räume zählen höchstens zu ${w.percentInWords('inKind.maxShareOfOwnContribution')}.`,
      },
    },
    evaluate(context, trace) {
      trace.fact('budget.inKindCents');
      const share = trace.parameter(context, 'inKind.maxShareOfOwnContribution', 'Höchstanteil unbarer Leistungen', formatRate);
      const { inKindCents, ownShareCents, financingCents } = context.derived;
      // No in-kind in a stated financing plan means none.
      if (inKindCents === null) return financingCents === null ? { status: 'offen' } : { status: 'erfuellt' };
      if (inKindCents === 0) return { status: 'erfuellt' };
      if (ownShareCents === null) return { status: 'offen' };
      trace.money('derived.ownShareCents', 'Eigenanteil (Ausgaben minus Zuwendung)', ownShareCents);
      if (inKindWithinShare(inKindCents, ownShareCents, share)) return { status: 'erfuellt' };
      const allowed = maxInKind(ownShareCents, share);
      return {
        status: 'nicht_erfuellt',
        detail: `Unbare Leistungen ${formatEuro(inKindCents)}, zulässig ${formatEuro(allowed)} (${formatRate(share)} von ${formatEuro(ownShareCents)}).`,
        fix: `Verringern Sie die unbaren Leistungen um ${formatEuro(inKindCents - allowed)} und bringen Sie diesen Betrag als Geld auf.`,
      };
    },
  },
  {
    id: 'finanzen.sachleistungen-kommune',
    title: 'Keine unbaren Eigenleistungen bei Kommunen',
    clauses: ['FRL Teil 2 A V Nr. 1'],
    source: { document: 'frl', section: 'A V' },
    severity: 'hinweis',
    topic: 'finanzen',
    parts: ['A'],
    assumption:
      'Teil 2 A kennt keine Anrechnung unbarer Leistungen; der Eigenanteil von Kommunen wird in Geld erbracht. Angegebene unbare Leistungen zählen weder zu den zuwendungsfähigen Ausgaben noch zur Finanzierung.',
    explanation: {
      erfuellt: { verwaltung: 'Der Eigenanteil der Kommune wird in Geld erbracht.', einfach: 'Der Eigenanteil wird in Geld bezahlt.' },
      nicht_erfuellt: {
        verwaltung:
          'Unbare Leistungen werden nur bei Teil 2 B als Eigenanteil anerkannt; bei Kommunen zählen sie weder zu den zuwendungsfähigen Ausgaben noch zur Finanzierung.',
        einfach: 'Bei Kommunen zählt nur Geld als Eigenanteil, keine Arbeitsstunden oder Räume.',
      },
    },
    // A note only: the engine leaves municipal in-kind out of the eligible expenditure and the
    // financing, so a plan that relies on it fails the 90 % rate (finanzen.foerdersatz) instead.
    evaluate(context, trace) {
      trace.fact('budget.inKindCents');
      const inKind = context.derived.inKindCents;
      if (inKind === null) return { status: 'erfuellt' };
      return inKind === 0
        ? { status: 'erfuellt' }
        : {
            status: 'nicht_erfuellt',
            detail: `Die unbaren Leistungen von ${formatEuro(inKind)} bleiben bei den zuwendungsfähigen Ausgaben und bei der Finanzierung außer Betracht.`,
            fix: `Ersetzen Sie die unbaren Leistungen von ${formatEuro(inKind)} durch Eigenmittel in Geld.`,
          };
    },
  },
  {
    id: 'finanzen.finanzierungskosten',
    title: 'Keine Finanzierungskosten und Zinsen',
    clauses: ['FRL Teil 2 A V Nr. 7'],
    source: { document: 'frl', section: 'A V' },
    severity: 'hinweis',
    topic: 'finanzen',
    parts: ['A', 'B'],
    assumption:
      'Für Teil 2 B gilt der Ausschluss ebenso, weil nur notwendige projektbezogene Ausgaben zuwendungsfähig sind (FRL Teil 2 B V Nr. 4).',
    explanation: {
      erfuellt: {
        verwaltung: 'Der Plan enthält keine Ausgaben der Geldbeschaffung oder Zinsen.',
        einfach: 'Sie haben keine Kredit-Kosten eingeplant. Gut so.',
      },
      nicht_erfuellt: {
        verwaltung:
          'Ausgaben der Geldbeschaffung und Zinsen für Kredite zum Eigenanteil oder zur Vor- und Zwischenfinanzierung sind nicht zuwendungsfähig; sie werden von den zuwendungsfähigen Ausgaben abgezogen.',
        einfach: 'Zinsen und Kredit-Kosten bezahlt die Förderung nicht. Sie zählen nicht mit.',
      },
    },
    evaluate(context, trace) {
      const costs = trace.fact<number>('budget.financingCostsCents');
      if (costs === undefined || costs === 0) return { status: 'erfuellt' };
      return {
        status: 'nicht_erfuellt',
        detail: `${formatEuro(context.derived.financingCostsCents)} sind nicht zuwendungsfähig.`,
        fix: `Finanzieren Sie die ${formatEuro(context.derived.financingCostsCents)} Finanzierungskosten aus Eigenmitteln; die Zuwendung wird aus den übrigen Ausgaben berechnet.`,
      };
    },
  },
  {
    id: 'finanzen.vorsteuer',
    title: 'Abziehbare Vorsteuer nicht zuwendungsfähig',
    clauses: ['VwV zu § 44 SäHO Nr. 2.6', 'VVK Nr. 2.6'],
    source: { document: 'vwv', section: '2.6' },
    // Gross amounts put non-eligible VAT into the base of the 90 % rate and of the grant, so the
    // plan cannot be assessed until it is net: an exclusion until fixed, not a mere note.
    severity: 'ausschluss',
    topic: 'finanzen',
    parts: ['A', 'B'],
    explanation: {
      erfuellt: {
        verwaltung: 'Kein Vorsteuerabzug, oder die Ausgaben sind netto (ohne abziehbare Umsatzsteuer) angesetzt.',
        einfach: 'Die Umsatzsteuer ist richtig behandelt.',
      },
      nicht_erfuellt: {
        verwaltung: 'Wer zum Vorsteuerabzug berechtigt ist, setzt die Ausgaben netto an; abziehbare Vorsteuer ist nicht zuwendungsfähig.',
        einfach: 'Sie bekommen die Umsatzsteuer vom Finanzamt zurück. Dann dürfen Sie nur Beträge ohne Umsatzsteuer eintragen.',
      },
    },
    evaluate(_context, trace) {
      const deductible = trace.fact<boolean>('applicant.vatDeductible');
      if (deductible === undefined) return { status: 'offen' };
      if (!deductible) return { status: 'erfuellt' };
      // Entitled to deduct: only net amounts are eligible, so an unknown answer leaves it open.
      const net = trace.fact<boolean>('budget.amountsAreNet');
      if (net === undefined) {
        return {
          status: 'offen',
          detail: 'Sie sind zum Vorsteuerabzug berechtigt; ob die Beträge netto angegeben sind, steht noch nicht fest.',
          fix: 'Geben Sie alle Ausgaben netto an und bestätigen Sie das.',
        };
      }
      return net
        ? { status: 'erfuellt' }
        : {
            status: 'nicht_erfuellt',
            detail: 'Die Beträge enthalten die Umsatzsteuer, obwohl Sie sie als Vorsteuer abziehen können.',
            fix: 'Geben Sie alle Ausgaben netto, ohne Umsatzsteuer, an.',
          };
    },
  },
];
