import { organisationKindInfo, type Landkreis, type OrganisationKind } from '../../shared/organisation';
import type { Criterion } from '../criterion';
import {
  isEligibleKind,
  isGebietskoerperschaft,
  isSeatedInSaxony,
  routeFitsApplicant,
} from '../predicates';
import { routeInfo, routesForPart, type FundingRoute } from '../routes';

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
        einfach: 'Ihre Organisation darf keinen Antrag stellen. Nur Gemeinden, Städte, Landkreise und gemeinnützige Vereine dürfen das.',
      },
    },
    evaluate(_context, trace) {
      const kind = trace.fact<OrganisationKind>('applicant.kind');
      if (!kind) return { status: 'offen' };
      if (isEligibleKind(kind)) return { status: 'erfuellt', detail: organisationKindInfo[kind].reason };
      return {
        status: 'nicht_erfuellt',
        detail: `${organisationKindInfo[kind].label}: ${organisationKindInfo[kind].reason}.`,
        fix:
          kind === 'informelle_gruppe' || kind === 'natuerliche_person'
            ? 'Suchen Sie einen gemeinnützigen Träger (zum Beispiel einen Verein), der den Antrag für Ihr Vorhaben stellt.'
            : 'Prüfen Sie, ob eine Mitgliedsgemeinde oder Ihre Kommune selbst den Antrag stellen kann.',
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
      erfuellt: { verwaltung: 'Die Gebietskörperschaft liegt im Freistaat Sachsen.', einfach: 'Ihre Kommune liegt in Sachsen.' },
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
        einfach: 'Ihr Verein ist gemeinnützig. Das ist nötig.',
      },
      nicht_erfuellt: {
        verwaltung: 'Gefördert werden nur gemeinnützige Vereine, Verbände, Stiftungen und gGmbH.',
        einfach: 'Ihr Verein muss gemeinnützig sein. Das steht im Bescheid vom Finanzamt.',
      },
    },
    evaluate(_context, trace) {
      const nonprofit = trace.fact<boolean>('applicant.nonprofit');
      if (nonprofit === undefined) return { status: 'offen' };
      return nonprofit
        ? { status: 'erfuellt' }
        : { status: 'nicht_erfuellt', fix: 'Fügen Sie den Freistellungsbescheid des Finanzamts bei, sobald die Gemeinnützigkeit anerkannt ist.' };
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
        einfach: 'Ihr Verein sitzt in Sachsen und ist hier vor Ort aktiv.',
      },
      nicht_erfuellt: {
        verwaltung:
          'Der Träger soll in Sachsen ansässig und lokal verankert sein; in begründeten Fällen kann davon abgewichen werden.',
        einfach: 'Ihr Verein sitzt nicht in Sachsen oder ist hier nicht vor Ort aktiv. Dann müssen Sie gut begründen, warum Sie trotzdem Geld brauchen.',
      },
    },
    evaluate(_context, trace) {
      const landkreis = trace.fact<Landkreis>('applicant.landkreis');
      const rooted = trace.fact<boolean>('applicant.locallyRooted');
      if (landkreis === undefined || rooted === undefined) return { status: 'offen' };
      if (isSeatedInSaxony(landkreis) && rooted) return { status: 'erfuellt' };
      const reason = trace.fact<string>('applicant.seatExceptionReason');
      return reason
        ? { status: 'nicht_erfuellt', detail: 'Eine Begründung liegt vor; über die Ausnahme entscheidet die Bewilligungsbehörde.' }
        : { status: 'nicht_erfuellt', fix: 'Begründen Sie, warum Ihr Träger trotz Sitz oder Verankerung außerhalb Sachsens gefördert werden sollte.' };
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
        return { status: 'erfuellt' };
      }
      const listed = context.facts.verbund.partners !== undefined;
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
        ? { status: 'erfuellt', detail: listed ? `Verbund mit ${partners.length} Partner${partners.length === 1 ? '' : 'n'}.` : 'Verbund aus Gebietskörperschaften.' }
        : { status: 'nicht_erfuellt', fix: 'Benennen Sie die Kommune, die den Antrag federführend für den Verbund stellt.' };
    },
  },
];

