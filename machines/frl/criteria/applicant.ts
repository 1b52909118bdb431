import { organisationKindInfo, type Landkreis, type OrganisationKind } from '../../shared/organisation';
import type { Criterion } from '../criterion';
import type { PhraseTexts } from '../wording';
import { isEligibleKind, isGebietskoerperschaft, isSeatedInSaxony, routeFitsApplicant } from '../predicates';
import { routeInfo, routesForPart, type FundingRoute } from '../routes';

/** The Verbund rule read by an applicant who applies alone: no partners to speak of. */
const withoutVerbund: PhraseTexts = {
  verwaltung: 'Der Antrag wird nicht als Verbund gestellt; die Voraussetzungen eines Verbunds sind nicht zu prüfen.',
  einfach: 'Sie stellen den Antrag allein. Die Regeln für einen gemeinsamen Antrag gelten darum nicht.',
};

/** Who can apply instead of a kind the directive does not fund, in words that fit that kind. */
const insteadOf: Partial<Record<OrganisationKind, string>> = {
  verwaltungsverband: 'Den Antrag kann eine Mitgliedsgemeinde stellen, auch federführend für mehrere Mitgliedsgemeinden als Verbund.',
  verwaltungsgemeinschaft: 'Den Antrag kann eine der beteiligten Gemeinden stellen, auch federführend für mehrere Gemeinden als Verbund.',
  zweckverband: 'Den Antrag kann eine der Mitgliedskommunen stellen, auch federführend für mehrere als Verbund.',
  ortschaft: 'Den Antrag stellt Ihre Gemeinde; die Ortschaft kann das Vorhaben mit ihr gemeinsam vorbereiten.',
  stadtbezirk: 'Den Antrag stellt Ihre Stadt; der Stadtbezirk kann das Vorhaben mit ihr gemeinsam vorbereiten.',
  unternehmen:
    'Ist Ihr Unternehmen als gemeinnützig anerkannt (zum Beispiel als gGmbH), wählen Sie diese Art. Sonst kann ein gemeinnütziger Träger oder die betroffene Kommune den Antrag stellen, und Ihr Unternehmen wirkt als Auftragnehmer mit.',
  informelle_gruppe: 'Suchen Sie einen gemeinnützigen Träger (zum Beispiel einen Verein), der den Antrag für Ihr Vorhaben stellt.',
  natuerliche_person: 'Suchen Sie einen gemeinnützigen Träger (zum Beispiel einen Verein), der den Antrag für Ihr Vorhaben stellt.',
};

export const applicantCriteria: Criterion[] = [
  {
    id: 'antragsteller.art',
    title: 'Antragsberechtigte Organisation',
    clauses: ['FRL Teil 2 A III Satz 1', 'FRL Teil 2 B III Satz 1'],
    source: { document: 'frl', section: 'A III' },
    severity: 'ausschluss',
    topic: 'antragsteller',
    parts: ['A', 'B'],
    explanation: {
      erfuellt: {
        verwaltung: 'Der Antragsteller gehört zu den Zuwendungsempfängern der Richtlinie (Gebietskörperschaft oder gemeinnütziger Träger).',
        einfach: 'Ihre Organisation darf einen Antrag stellen.',
      },
      nicht_erfuellt: {
        verwaltung:
          'Zuwendungsempfänger sind nur Gebietskörperschaften in Sachsen (Teil 2 A) sowie gemeinnützige Vereine, Verbände, Stiftungen und gGmbH (Teil 2 B).',
        einfach:
          'Ihre Organisation darf keinen Antrag stellen. Nur Gemeinden, Städte, Landkreise und gemeinnützige Organisationen wie Vereine dürfen das.',
      },
    },
    evaluate(_context, trace) {
      const kind = trace.fact<OrganisationKind>('applicant.kind');
      if (!kind) return { status: 'offen' };
      if (isEligibleKind(kind)) return { status: 'erfuellt', detail: organisationKindInfo[kind].reason };
      return {
        status: 'nicht_erfuellt',
        detail: `${organisationKindInfo[kind].label}: ${organisationKindInfo[kind].reason}.`,
        fix: insteadOf[kind],
      };
    },
  },
  {
    id: 'antragsteller.foerderweg',
    title: 'Förderweg passt zum Antragsteller',
    clauses: ['FRL Teil 2 A II Nr. 1', 'FRL Teil 2 B II'],
    source: { document: 'frl', section: 'A II' },
    severity: 'ausschluss',
    topic: 'antragsteller',
    parts: ['A', 'B'],
    explanation: {
      erfuellt: {
        verwaltung: 'Der gewählte Förderweg steht dieser Art von Antragsteller offen.',
        einfach: 'Der Förderweg passt zu Ihrer Organisation.',
      },
      nicht_erfuellt: {
        verwaltung:
          'Einzelvorhaben, Modellkommune und Bürgerkommune (Teil 2 A) stehen nur Gebietskörperschaften offen; Teil 2 B nur gemeinnützigen Trägern der Zivilgesellschaft.',
        einfach: 'Dieser Förderweg ist nicht für Ihre Organisation. Kommunen und Vereine haben getrennte Förderwege.',
      },
    },
    evaluate(_context, trace) {
      const kind = trace.fact<OrganisationKind>('applicant.kind');
      const route = trace.fact<FundingRoute>('project.route');
      if (!kind || !route) return { status: 'offen' };
      if (!isEligibleKind(kind)) return { status: 'nicht_erfuellt', detail: 'Die Organisation ist nicht antragsberechtigt.' };
      if (routeFitsApplicant(route, kind)) return { status: 'erfuellt' };
      const fitting = routesForPart(organisationKindInfo[kind].part).map((r) => `${routeInfo[r].label} (${routeInfo[r].clause})`);
      return {
        status: 'nicht_erfuellt',
        detail: `${routeInfo[route].label} ist nicht für ${organisationKindInfo[kind].label} vorgesehen.`,
        fix: `Wählen Sie einen passenden Förderweg: ${fitting.join(', ')}.`,
      };
    },
  },
  {
    id: 'antragsteller.sitz-kommune',
    title: 'Gebietskörperschaft im Freistaat Sachsen',
    clauses: ['FRL Teil 2 A III Satz 1'],
    source: { document: 'frl', section: 'A III' },
    severity: 'ausschluss',
    topic: 'antragsteller',
    parts: ['A'],
    explanation: {
      erfuellt: { verwaltung: 'Die Gebietskörperschaft liegt im Freistaat Sachsen.', einfach: 'Der Antragsteller liegt in Sachsen.' },
      nicht_erfuellt: {
        verwaltung: 'Nach Teil 2 A sind nur Gebietskörperschaften im Freistaat Sachsen Zuwendungsempfänger.',
        einfach: 'Nur Kommunen in Sachsen können Geld bekommen.',
      },
    },
    evaluate(_context, trace) {
      const landkreis = trace.fact<Landkreis>('applicant.landkreis');
      if (!landkreis) return { status: 'offen' };
      return isSeatedInSaxony(landkreis) ? { status: 'erfuellt' } : { status: 'nicht_erfuellt' };
    },
  },
  {
    id: 'antragsteller.gemeinnuetzig',
    title: 'Gemeinnützigkeit',
    clauses: ['FRL Teil 2 B III Satz 1'],
    source: { document: 'frl', section: 'B III' },
    severity: 'ausschluss',
    topic: 'antragsteller',
    parts: ['B'],
    explanation: {
      erfuellt: {
        verwaltung: 'Der Träger ist als gemeinnützig anerkannt (Freistellungsbescheid oder Feststellung nach § 60a AO).',
        einfach: 'Ihre Organisation ist gemeinnützig. Das ist nötig.',
      },
      nicht_erfuellt: {
        verwaltung: 'Gefördert werden nur gemeinnützige Vereine, Verbände, Stiftungen und gGmbH.',
        einfach: 'Ihre Organisation muss gemeinnützig sein. Das steht im Bescheid vom Finanzamt.',
      },
    },
    evaluate(_context, trace) {
      const nonprofit = trace.fact<boolean>('applicant.nonprofit');
      if (nonprofit === undefined) return { status: 'offen' };
      return nonprofit
        ? { status: 'erfuellt' }
        : {
            status: 'nicht_erfuellt',
            fix: 'Fügen Sie den Freistellungsbescheid des Finanzamts bei, sobald die Gemeinnützigkeit anerkannt ist.',
          };
    },
  },
  {
    id: 'antragsteller.sitz-und-verankerung',
    title: 'Sitz und lokale Verankerung in Sachsen',
    clauses: ['FRL Teil 2 B III Satz 1', 'FRL Teil 2 B III Satz 2'],
    source: { document: 'frl', section: 'B III' },
    severity: 'begruendung',
    topic: 'antragsteller',
    parts: ['B'],
    explanation: {
      erfuellt: {
        verwaltung: 'Der Träger ist im Freistaat Sachsen ansässig und lokal verankert.',
        einfach: 'Ihre Organisation sitzt in Sachsen und ist hier vor Ort aktiv.',
      },
      nicht_erfuellt: {
        verwaltung: 'Der Träger soll in Sachsen ansässig und lokal verankert sein; in begründeten Fällen kann davon abgewichen werden.',
        einfach:
          'Ihre Organisation sitzt nicht in Sachsen oder ist hier nicht vor Ort aktiv. Dann müssen Sie gut begründen, warum Sie trotzdem Geld brauchen.',
      },
    },
    evaluate(_context, trace) {
      const landkreis = trace.fact<Landkreis>('applicant.landkreis');
      const rooted = trace.fact<boolean>('applicant.locallyRooted');
      if (landkreis === undefined || rooted === undefined) return { status: 'offen' };
      if (isSeatedInSaxony(landkreis) && rooted) return { status: 'erfuellt' };
      const reason = trace.fact<string>('applicant.seatExceptionReason');
      return reason
        ? { status: 'nicht_erfuellt', detail: 'Eine Begründung liegt vor; über die Ausnahme entscheidet die SAB als Bewilligungsbehörde.' }
        : {
            status: 'nicht_erfuellt',
            fix: 'Begründen Sie, warum Ihre Organisation trotz Sitz oder Verankerung außerhalb Sachsens gefördert werden sollte.',
          };
    },
  },
  {
    id: 'antragsteller.verbund',
    title: 'Verbund aus Gebietskörperschaften mit Federführung',
    clauses: ['FRL Teil 2 A III Satz 2'],
    source: { document: 'frl', section: 'A III' },
    severity: 'ausschluss',
    topic: 'antragsteller',
    parts: ['A'],
    explanation: {
      erfuellt: {
        verwaltung: 'Kein Verbund, oder ein Verbund ausschließlich aus Gebietskörperschaften mit einem federführenden Antragsteller.',
        einfach: 'Alle Partner im Verbund sind Kommunen, und eine Kommune führt.',
      },
      nicht_erfuellt: {
        verwaltung:
          'Einen gemeinsamen Antrag als Verbund können nur mehrere Gebietskörperschaften stellen; eine von ihnen stellt den Antrag federführend.',
        einfach: 'Im Verbund dürfen nur Kommunen sein. Eine Kommune muss den Antrag für alle stellen.',
      },
    },
    evaluate(context, trace) {
      if (!context.facts.verbund) {
        trace.note('verbund', 'Verbund', 'nein');
        return { status: 'erfuellt', explanation: withoutVerbund };
      }
      const listed = context.facts.verbund.partners !== undefined;
      if (listed && context.facts.verbund.partners!.length === 0) {
        trace.fact('verbund.partners');
        return {
          status: 'nicht_erfuellt',
          detail: 'Der Antrag soll als Verbund gestellt werden, nennt aber keinen Partner.',
          fix: 'Nennen Sie die Gemeinden, Städte oder Landkreise, mit denen Sie den Antrag als Verbund stellen, oder geben Sie an, dass Sie den Antrag allein stellen.',
        };
      }
      const partners = listed ? (trace.fact<Array<{ kind: OrganisationKind; name?: string }>>('verbund.partners') ?? []) : [];
      const allKommunen = listed ? undefined : trace.fact<boolean>('verbund.allPartnersGebietskoerperschaften');
      const lead = trace.fact<boolean>('verbund.leadNamed');
      const outsiders = partners.filter((p) => !isGebietskoerperschaft(p.kind));
      if (!listed && allKommunen === undefined) return { status: 'offen' };
      if (allKommunen === false) {
        return {
          status: 'nicht_erfuellt',
          fix: 'Nehmen Sie nur Gemeinden, Städte oder Landkreise in den Verbund auf; andere Partner können als Kooperationspartner mitwirken.',
        };
      }
      if (outsiders.length) {
        return {
          status: 'nicht_erfuellt',
          detail: `Keine Gebietskörperschaft: ${outsiders.map((p) => p.name ?? organisationKindInfo[p.kind].label).join(', ')}.`,
          fix: 'Nehmen Sie nur Gemeinden, Städte oder Landkreise in den Verbund auf; andere Partner können als Kooperationspartner mitwirken.',
        };
      }
      if (lead === undefined) return { status: 'offen' };
      return lead
        ? {
            status: 'erfuellt',
            detail: listed
              ? `Verbund mit ${partners.length} Partner${partners.length === 1 ? '' : 'n'}.`
              : 'Verbund aus Gebietskörperschaften.',
          }
        : { status: 'nicht_erfuellt', fix: 'Benennen Sie die Kommune, die den Antrag federführend für den Verbund stellt.' };
    },
  },
];
