import { formatDate, formatEuro } from '../../shared/format';
import type { OrganisationKind } from '../../shared/organisation';
import type { Criterion } from '../criterion';
import { durationParameterOf } from '../parameters';
import {
  calendarYearsCovered,
  earlyStartAllowed,
  isGebietskoerperschaft,
  lastDayOfMonths,
  lastsAtMostMonths,
  monthsSpanned,
  namesAProgramme,
  startsBefore,
} from '../predicates';
import { routeInfo, type FundingRoute } from '../routes';

export const projectCriteria: Criterion[] = [
  {
    id: 'vorhaben.ort',
    title: 'Durchführung im Freistaat Sachsen',
    clauses: ['FRL Teil 2 A IV Nr. 1 Satz 1', 'FRL Teil 2 B IV Nr. 1 Satz 1'],
    source: { document: 'frl', section: 'A IV' },
    severity: 'ausschluss',
    topic: 'vorhaben',
    parts: ['A', 'B'],
    explanation: {
      erfuellt: { verwaltung: 'Das Vorhaben wird im Freistaat Sachsen durchgeführt.', einfach: 'Ihr Projekt findet in Sachsen statt.' },
      nicht_erfuellt: {
        verwaltung:
          'Zuwendungsfähig sind Vorhaben, die im Freistaat Sachsen durchgeführt werden; länderübergreifende Vorhaben nur im Einzelfall.',
        einfach: 'Das Projekt muss in Sachsen stattfinden. Projekte über die Landesgrenze hinaus gehen nur als Ausnahme.',
      },
    },
    evaluate(_context, trace) {
      const location = trace.fact<string>('project.location');
      if (!location) return { status: 'offen' };
      if (location === 'sachsen') return { status: 'erfuellt' };
      if (location === 'ausserhalb') return { status: 'nicht_erfuellt', fix: 'Führen Sie das Vorhaben in Sachsen durch.' };
      // Partly in Saxony: carried out here; whether the part beyond is acceptable decides
      // "Länderübergreifendes Vorhaben nur im Einzelfall".
      return { status: 'erfuellt', detail: 'Länderübergreifend: siehe „Länderübergreifendes Vorhaben nur im Einzelfall“.' };
    },
  },
  {
    id: 'vorhaben.laenderuebergreifend',
    title: 'Länderübergreifendes Vorhaben nur im Einzelfall',
    clauses: ['FRL Teil 2 A IV Nr. 1 Satz 2', 'FRL Teil 2 B IV Nr. 1 Satz 2'],
    source: { document: 'frl', section: 'A IV' },
    severity: 'begruendung',
    topic: 'vorhaben',
    parts: ['A', 'B'],
    explanation: {
      erfuellt: { verwaltung: 'Das Vorhaben bleibt innerhalb Sachsens.', einfach: 'Ihr Projekt bleibt in Sachsen.' },
      nicht_erfuellt: {
        verwaltung:
          'Länderübergreifende Projekte können im Einzelfall gefördert werden; der sächsische Anteil und Nutzen ist zu begründen.',
        einfach: 'Ihr Projekt geht über die Grenze von Sachsen. Erklären Sie, warum das nötig ist und was Sachsen davon hat.',
      },
    },
    evaluate(_context, trace) {
      const location = trace.fact<string>('project.location');
      if (!location) return { status: 'offen' };
      if (location !== 'laenderuebergreifend') return { status: location === 'sachsen' ? 'erfuellt' : 'entfaellt' };
      const reason = trace.fact<string>('project.crossBorderReason');
      return reason
        ? { status: 'nicht_erfuellt', detail: 'Eine Begründung liegt vor; die SAB als Bewilligungsbehörde entscheidet im Einzelfall.' }
        : {
            status: 'nicht_erfuellt',
            fix: 'Begründen Sie, warum das Vorhaben länderübergreifend angelegt ist und welchen Nutzen es in Sachsen hat.',
          };
    },
  },
  {
    id: 'vorhaben.kommunale-ebene',
    title: 'Vorhaben auf kommunaler Ebene',
    clauses: ['FRL Teil 2 B II Satz 1'],
    source: { document: 'frl', section: 'B II' },
    severity: 'ausschluss',
    topic: 'vorhaben',
    parts: ['B'],
    explanation: {
      erfuellt: {
        verwaltung: 'Das Vorhaben bezieht sich auf die kommunale Ebene (eine oder mehrere angrenzende Gebietskörperschaften).',
        einfach: 'Ihr Projekt betrifft eine Gemeinde, Stadt oder einen Landkreis.',
      },
      nicht_erfuellt: {
        verwaltung: 'Teil 2 B fördert nur Vorhaben auf kommunaler Ebene, nicht landes- oder bundesweite Vorhaben.',
        einfach: 'Ihr Projekt muss in einer Gemeinde, Stadt oder einem Landkreis stattfinden.',
      },
    },
    evaluate(_context, trace) {
      const municipal = trace.fact<boolean>('project.municipalLevel');
      if (municipal === undefined) return { status: 'offen' };
      return municipal
        ? { status: 'erfuellt' }
        : { status: 'nicht_erfuellt', fix: 'Beziehen Sie das Vorhaben auf eine Kommune oder mehrere angrenzende Kommunen.' };
    },
  },
  {
    id: 'vorhaben.keine-gesetzliche-beteiligung',
    title: 'Kein gesetzlich vorgeschriebenes Beteiligungsverfahren',
    clauses: ['FRL Teil 2 A II Nr. 2 Satz 1'],
    source: { document: 'frl', section: 'A II' },
    severity: 'ausschluss',
    topic: 'vorhaben',
    parts: ['A'],
    explanation: {
      erfuellt: {
        verwaltung:
          'Das Vorhaben ist keine gesetzlich vorgeschriebene Beteiligung (Planfeststellung nach § 73 VwVfG, Bauleitplanung nach § 3 BauGB, Raumordnung nach § 10 ROG, § 6 SächsLPlG).',
        einfach: 'Ihr Projekt ist freiwillig. Das Gesetz schreibt es nicht vor.',
      },
      nicht_erfuellt: {
        verwaltung: 'Gesetzlich vorgeschriebene Beteiligungsverfahren sind von der Förderung ausgeschlossen.',
        einfach: 'Beteiligung, die das Gesetz sowieso verlangt, wird nicht bezahlt. Zum Beispiel beim Bebauungsplan.',
      },
    },
    evaluate(_context, trace) {
      const statutory = trace.fact<boolean>('project.statutoryProcedure');
      if (statutory === undefined) return { status: 'offen' };
      return statutory
        ? {
            status: 'nicht_erfuellt',
            fix: 'Fördern lassen können Sie nur freiwillige Beteiligung, die über das gesetzlich Vorgeschriebene hinausgeht – beschreiben Sie diesen Teil als eigenes Vorhaben.',
          }
        : { status: 'erfuellt' };
    },
  },
  {
    id: 'vorhaben.keine-buergerbudget-mittel',
    title: 'Keine Mittel für ein Bürgerbudget',
    clauses: ['FRL Teil 2 A II Nr. 2 Satz 2'],
    source: { document: 'frl', section: 'A II' },
    severity: 'ausschluss',
    topic: 'vorhaben',
    parts: ['A'],
    explanation: {
      erfuellt: {
        verwaltung: 'Die Zuwendung dient nicht der Bereitstellung der Mittel eines Bürgerbudgets oder Bürgerhaushalts.',
        einfach: 'Das Fördergeld ist nicht das Geld, über das die Bürger abstimmen.',
      },
      nicht_erfuellt: {
        verwaltung:
          'Die Förderung darf nicht zur Mittelbereitstellung von Bürgerbudgets oder Bürgerhaushalten genutzt werden; das Verfahren darum kann gefördert werden.',
        einfach: 'Das Geld für ein Bürgerbudget selbst zahlt die Förderung nicht. Die Organisation des Bürgerbudgets aber schon.',
      },
    },
    evaluate(_context, trace) {
      const funds = trace.fact<boolean>('project.buergerbudgetFunds');
      if (funds === undefined) return { status: 'offen' };
      return funds
        ? {
            status: 'nicht_erfuellt',
            fix: 'Beantragen Sie nur die Ausgaben für das Verfahren (Moderation, Öffentlichkeitsarbeit, Abstimmung), nicht das Budget selbst.',
          }
        : { status: 'erfuellt' };
    },
  },
  {
    id: 'vorhaben.software-beteiligungsportal',
    title: 'Software nur, wenn das Beteiligungsportal nicht ausreicht',
    clauses: ['FRL Teil 2 A II Nr. 3'],
    source: { document: 'frl', section: 'A II' },
    severity: 'begruendung',
    topic: 'vorhaben',
    parts: ['A'],
    explanation: {
      erfuellt: {
        verwaltung: 'Es wird keine Beteiligungssoftware beschafft oder gemietet.',
        einfach: 'Sie kaufen keine eigene Beteiligungs-Software.',
      },
      nicht_erfuellt: {
        verwaltung:
          'Die Beschaffung oder Miete von Software ist nicht zuwendungsfähig, soweit die Ziele mit dem Beteiligungsportal des Freistaates erreicht werden können.',
        einfach: 'Das Land hat ein kostenloses Beteiligungsportal. Eigene Software wird nur bezahlt, wenn das Portal nicht reicht.',
      },
    },
    evaluate(_context, trace) {
      const software = trace.fact<boolean>('project.softwareProcurement');
      if (software === undefined) return { status: 'offen' };
      if (!software) return { status: 'erfuellt' };
      const reason = trace.fact<string>('project.softwareReason');
      return reason
        ? {
            status: 'nicht_erfuellt',
            detail:
              'Eine Begründung liegt vor; über die Zuwendungsfähigkeit der Software entscheidet die SAB als Bewilligungsbehörde nach der fachlichen Prüfung.',
          }
        : {
            status: 'nicht_erfuellt',
            fix: 'Begründen Sie, welche Funktion das Beteiligungsportal des Freistaates nicht bietet, oder streichen Sie die Software aus dem Plan.',
          };
    },
  },
  {
    id: 'vorhaben.buergerkommune-voraussetzung',
    title: 'Voraussetzung Bürgerkommune: Satzung oder gelebte Praxis',
    clauses: ['FRL Teil 2 A IV Nr. 5'],
    source: { document: 'frl', section: 'A IV' },
    severity: 'ausschluss',
    topic: 'vorhaben',
    parts: ['A'],
    routes: ['A1.3'],
    explanation: {
      erfuellt: {
        verwaltung:
          'Die Kommune hat verbindliche Satzungsregelungen zur Bürgerbeteiligung erlassen oder weist regelmäßig praktizierte Formate und institutionalisierte Instrumente nach.',
        einfach: 'Die Kommune hat schon Regeln für Beteiligung oder macht regelmäßig Beteiligung. Das ist Voraussetzung.',
      },
      nicht_erfuellt: {
        verwaltung:
          'Voraussetzung für die Förderung als Bürgerkommune ist eine bereits erlassene Beteiligungssatzung oder der Nachweis regelmäßig praktizierter Beteiligungsformate.',
        einfach: 'Bürgerkommune kann nur werden, wer schon Regeln für Beteiligung hat oder sie regelmäßig macht.',
      },
    },
    evaluate(_context, trace) {
      const proof = trace.fact<string>('project.buergerkommuneProof');
      if (!proof) return { status: 'offen' };
      return proof === 'keiner'
        ? {
            status: 'nicht_erfuellt',
            fix: 'Wählen Sie den Förderweg Modellkommune (Teil 2 A II Nr. 1.2), um Strukturen erst aufzubauen, oder legen Sie Satzung bzw. Nachweise bei.',
          }
        : { status: 'erfuellt' };
    },
  },
  {
    id: 'vorhaben.freie-traeger',
    title: 'Beteiligung freier Träger dargelegt',
    clauses: ['FRL Teil 2 A IV Nr. 4'],
    source: { document: 'frl', section: 'A IV' },
    severity: 'hinweis',
    topic: 'vorhaben',
    parts: ['A'],
    explanation: {
      erfuellt: {
        verwaltung: 'Der Antrag legt dar, wie freie Träger beteiligt sind oder wie mit ihnen kooperiert wird.',
        einfach: 'Sie beschreiben, wie Vereine und andere freie Träger mitmachen.',
      },
      nicht_erfuellt: {
        verwaltung: 'Im Antrag soll dargelegt werden, inwieweit freie Träger beteiligt sind oder wie Kooperationen gestaltet werden.',
        einfach: 'Beschreiben Sie, wie Vereine oder andere freie Träger mitmachen. Das soll im Antrag stehen.',
      },
    },
    evaluate(_context, trace) {
      const described = trace.fact<boolean>('project.freieTraegerCooperation');
      if (described === undefined) return { status: 'offen' };
      return described
        ? { status: 'erfuellt' }
        : { status: 'nicht_erfuellt', fix: 'Beschreiben Sie in der Vorhabenbeschreibung, welche freien Träger wie mitwirken.' };
    },
  },
  {
    id: 'vorhaben.kooperation-kommune',
    title: 'Kooperation mit der betroffenen Kommune dargelegt',
    clauses: ['FRL Teil 2 B IV Nr. 3 Satz 1'],
    source: { document: 'frl', section: 'B IV' },
    severity: 'hinweis',
    topic: 'vorhaben',
    parts: ['B'],
    explanation: {
      erfuellt: {
        verwaltung: 'Der Antrag legt dar, wie die Kooperation mit den unmittelbar betroffenen Gebietskörperschaften ausgestaltet wird.',
        einfach: 'Sie beschreiben, wie Sie mit der Gemeinde oder Stadt zusammenarbeiten.',
      },
      nicht_erfuellt: {
        verwaltung:
          'Im Antrag soll dargelegt werden, wie die Kooperation mit den unmittelbar betroffenen Gebietskörperschaften ausgestaltet wird.',
        einfach: 'Beschreiben Sie, wie Sie mit der Gemeinde oder Stadt zusammenarbeiten.',
      },
    },
    evaluate(_context, trace) {
      const described = trace.fact<boolean>('project.municipalityCooperation');
      if (described === undefined) return { status: 'offen' };
      return described
        ? { status: 'erfuellt' }
        : {
            status: 'nicht_erfuellt',
            fix: 'Beschreiben Sie, wie Sie die betroffene Kommune einbinden (Ansprechperson, Treffen, Rückkopplung der Ergebnisse).',
          };
    },
  },
  {
    id: 'vorhaben.unterstuetzungsschreiben',
    title: 'Unterstützungsschreiben der Kommune',
    clauses: ['FRL Teil 2 B IV Nr. 3 Satz 2', 'FRL Teil 1 IV Nr. 5'],
    source: { document: 'frl', section: 'B IV' },
    severity: 'hinweis',
    topic: 'vorhaben',
    parts: ['B'],
    explanation: {
      erfuellt: {
        verwaltung: 'Dem Antrag liegt ein Unterstützungsschreiben der unmittelbar betroffenen Gebietskörperschaft bei.',
        einfach: 'Die Gemeinde oder Stadt unterstützt Ihr Projekt schriftlich.',
      },
      nicht_erfuellt: {
        verwaltung:
          'Ohne Unterstützungsschreiben erhält die betroffene Gebietskörperschaft sechs Wochen Gelegenheit zur Stellungnahme; das verlängert das Verfahren.',
        einfach:
          'Es fehlt ein Brief der Gemeinde, dass sie Ihr Projekt unterstützt. Dann bekommt die Gemeinde sechs Wochen Zeit, etwas dazu zu sagen. Das dauert länger.',
      },
    },
    evaluate(_context, trace) {
      const letter = trace.fact<boolean>('project.supportLetter');
      if (letter === undefined) return { status: 'offen' };
      return letter
        ? { status: 'erfuellt' }
        : {
            status: 'nicht_erfuellt',
            fix: 'Bitten Sie die betroffene Kommune um ein Unterstützungsschreiben und fügen Sie es als Anlage bei.',
          };
    },
  },
  {
    id: 'vorhaben.keine-abschliessende-entscheidung',
    title: 'Nicht gegen eine abschließende Entscheidung der Kommune',
    clauses: ['FRL Teil 2 B IV Nr. 4'],
    source: { document: 'frl', section: 'B IV' },
    severity: 'ausschluss',
    topic: 'vorhaben',
    parts: ['B'],
    explanation: {
      erfuellt: {
        verwaltung:
          'Das Vorhaben richtet sich nicht gegen eine abschließende Entscheidung der betroffenen Gebietskörperschaft, oder deren zuständiges Organ unterstützt den Antrag.',
        einfach: 'Ihr Projekt richtet sich nicht gegen eine fertige Entscheidung der Gemeinde.',
      },
      nicht_erfuellt: {
        verwaltung:
          'Ausgeschlossen sind Vorhaben gegen eine abschließende Entscheidung der unmittelbar betroffenen Gebietskörperschaft, es sei denn, ihr zuständiges Organ unterstützt den Antrag.',
        einfach:
          'Projekte gegen eine fertige Entscheidung der Gemeinde werden nicht gefördert. Außer der Gemeinderat unterstützt den Antrag.',
      },
    },
    evaluate(_context, trace) {
      const against = trace.fact<boolean>('project.againstFinalDecision');
      if (against === undefined) return { status: 'offen' };
      if (!against) return { status: 'erfuellt' };
      const supports = trace.fact<boolean>('project.decidingBodySupports');
      if (supports === undefined) return { status: 'offen' };
      return supports
        ? { status: 'erfuellt', detail: 'Das zuständige Organ der Kommune unterstützt den Antrag (Ausnahme nach Satz 2).' }
        : {
            status: 'nicht_erfuellt',
            fix: 'Gefördert werden kann das Vorhaben nur, wenn das zuständige Organ der Kommune (zum Beispiel der Gemeinderat) den Antrag unterstützt.',
          };
    },
  },
  {
    id: 'vorhaben.nachrang-bund-eu',
    title: 'Nachrang gegenüber Bundes- und EU-Förderung',
    clauses: ['FRL Teil 2 A IV Nr. 6', 'FRL Teil 2 B IV Nr. 5'],
    source: { document: 'frl', section: 'A IV' },
    severity: 'hinweis',
    topic: 'vorhaben',
    parts: ['A', 'B'],
    explanation: {
      erfuellt: {
        verwaltung: 'Für die Maßnahmen besteht keine Förderung durch Programme des Bundes oder der EU.',
        einfach: 'Es gibt kein Geld vom Bund oder der EU für das gleiche Projekt.',
      },
      nicht_erfuellt: {
        verwaltung:
          'Bei einer Förderung durch Programme des Bundes oder der EU erfolgt die Förderung nach dieser Richtlinie grundsätzlich nachrangig.',
        einfach: 'Es gibt schon Geld vom Bund oder der EU. Dann zahlt Sachsen nur, was danach noch fehlt.',
      },
    },
    evaluate(context, trace) {
      const funding = trace.fact<string>('project.federalOrEuFunding');
      if (!funding) return { status: 'offen' };
      // Teil 2 A IV Nr. 6 speaks of an existing Förderzusage; Teil 2 B IV Nr. 5 of any funding.
      if (funding === 'beantragt' && context.derived.part === 'A') {
        return {
          status: 'erfuellt',
          detail: 'Erst eine Förderzusage des Bundes oder der EU macht diese Förderung nachrangig; teilen Sie eine Zusage der SAB mit.',
        };
      }
      return funding === 'keine'
        ? { status: 'erfuellt' }
        : {
            status: 'nicht_erfuellt',
            fix: 'Führen Sie die Bundes- oder EU-Mittel im Finanzierungsplan als andere öffentliche Mittel auf; beantragen Sie nur den verbleibenden Bedarf.',
          };
    },
  },
  {
    id: 'vorhaben.bund-eu-widerspruchsfrei',
    title: 'Angaben zur Förderung durch Bund oder EU widerspruchsfrei',
    clauses: ['VwV zu § 44 SäHO Nr. 3.2.1', 'VVK Nr. 3.3.1'],
    source: { document: 'vwv', section: '3.2.1' },
    // A programme named while "keine" is declared leaves open whether this funding is subordinate
    // (FRL Teil 2 A IV Nr. 6, Teil 2 B IV Nr. 5) and whether the plan states all its financing.
    severity: 'ausschluss',
    topic: 'vorhaben',
    parts: ['A', 'B'],
    explanation: {
      erfuellt: {
        verwaltung: 'Die Angaben zur Förderung derselben Maßnahmen durch Bund oder EU widersprechen sich nicht.',
        einfach: 'Ihre Angaben zu Geld vom Bund oder der EU passen zusammen.',
      },
      nicht_erfuellt: {
        verwaltung:
          'Der Antrag nennt ein Programm des Bundes oder der EU, erklärt aber, dass es keine solche Förderung gibt. Der Finanzierungsplan muss jede beabsichtigte Finanzierung zeigen; eine Förderung durch Bund oder EU macht diese Förderung nachrangig.',
        einfach:
          'Sie nennen ein Förderprogramm vom Bund oder der EU. Sie sagen aber auch: Es gibt kein Geld vom Bund oder der EU. Beides zusammen geht nicht.',
      },
    },
    evaluate(_context, trace) {
      const funding = trace.fact<string>('project.federalOrEuFunding');
      const details = trace.fact<string>('project.federalOrEuFundingDetails');
      // Nothing stated on one side: nothing can contradict.
      if (funding !== 'keine' || !details || !namesAProgramme(details)) return { status: 'erfuellt' };
      return {
        status: 'nicht_erfuellt',
        detail: `„Keine Förderung durch Bund oder EU“ ist angegeben, als Programm aber „${details}“.`,
        fix: 'Gibt es Geld aus diesem Programm für dieselben Maßnahmen, wählen Sie „beantragt“ oder „bewilligt“ und führen Sie es im Finanzierungsplan als andere öffentliche Mittel auf; sonst löschen Sie die Angabe zum Programm.',
      };
    },
  },
  {
    id: 'zeitraum.laufzeit-einzelvorhaben',
    title: (w) => `Laufzeit Einzelvorhaben: in der Regel höchstens ${w.months('duration.A1.1')}`,
    clauses: ['FRL Teil 2 A V Nr. 4'],
    source: { document: 'frl', section: 'A V' },
    severity: 'begruendung',
    topic: 'zeitraum',
    parts: ['A'],
    routes: ['A1.1'],
    parameters: ['duration.A1.1'],
    explanation: {
      erfuellt: {
        verwaltung: 'Die Laufzeit des Einzelvorhabens liegt im Regelrahmen.',
        einfach: 'Ihr Projekt dauert nicht länger als erlaubt.',
      },
      nicht_erfuellt: {
        verwaltung: (w) =>
          `Einzelvorhaben werden in der Regel für bis zu ${w.months('duration.A1.1')} gefördert; eine längere Laufzeit ist zu begründen.`,
        einfach: (w) =>
          `Einzelprojekte sollen höchstens ${w.months('duration.A1.1')} dauern. Wenn es länger dauert, müssen Sie das begründen.`,
      },
    },
    evaluate(context, trace) {
      const start = trace.fact<string>('project.start');
      const end = trace.fact<string>('project.end');
      const months = trace.parameter(context, 'duration.A1.1', 'Regellaufzeit', (v) => `${v} Monate`);
      if (!start || !end) return { status: 'offen' };
      const latest = lastDayOfMonths(start, months);
      trace.note('derived.months', 'Laufzeit', `${monthsSpanned(start, end)} Monate (angefangene)`);
      if (lastsAtMostMonths(start, end, months)) return { status: 'erfuellt' };
      return {
        status: 'nicht_erfuellt',
        detail: `Ende ${formatDate(end)}; ${months} Monate ab ${formatDate(start)} enden am ${formatDate(latest)}.`,
        fix: `Verkürzen Sie das Vorhaben auf ein Ende bis ${formatDate(latest)} oder begründen Sie die längere Laufzeit.`,
      };
    },
  },
  {
    id: 'zeitraum.kalenderjahre',
    title: 'Laufzeit in Kalenderjahren',
    clauses: ['FRL Teil 2 A V Nr. 4', 'FRL Teil 2 B V Nr. 3'],
    source: { document: 'frl', section: 'A V' },
    severity: 'ausschluss',
    topic: 'zeitraum',
    parts: ['A', 'B'],
    routes: ['A1.2', 'A1.3', 'B'],
    parameters: ['duration.A1.2', 'duration.A1.3', 'duration.B'],
    explanation: {
      erfuellt: {
        verwaltung: 'Die Laufzeit berührt nicht mehr Kalenderjahre, als für den Förderweg zulässig sind.',
        einfach: 'Ihr Projekt dauert nicht zu viele Jahre.',
      },
      nicht_erfuellt: {
        verwaltung: (w) =>
          `Modellkommunen werden für bis zu ${w.calendarYears('duration.A1.2')} gefördert, Bürgerkommunen für bis zu ${w.calendarYears('duration.A1.3')}, Vorhaben der Zivilgesellschaft für bis zu ${w.calendarYears('duration.B')}; angebrochene Jahre zählen voll.`,
        einfach: 'Ihr Projekt dauert zu viele Jahre. Jedes angefangene Jahr zählt als ganzes Jahr.',
      },
    },
    evaluate(context, trace) {
      const route = context.derived.route as FundingRoute;
      const start = trace.fact<string>('project.start');
      const end = trace.fact<string>('project.end');
      const allowed = trace.parameter(
        context,
        durationParameterOf[route],
        `Höchstlaufzeit ${routeInfo[route].shortLabel}`,
        (v) => `${v} Kalenderjahre`,
      );
      if (!start || !end) return { status: 'offen' };
      const years = calendarYearsCovered(start, end);
      trace.note('derived.calendarYears', 'berührte Kalenderjahre', String(years));
      if (years <= allowed) return { status: 'erfuellt' };
      const lastYear = Number(start.slice(0, 4)) + allowed - 1;
      return {
        status: 'nicht_erfuellt',
        detail: `Das Vorhaben berührt ${years} Kalenderjahre (${start.slice(0, 4)}–${end.slice(0, 4)}); zulässig sind ${allowed}.`,
        fix: `Beenden Sie das Vorhaben spätestens am 31.12.${lastYear}.`,
      };
    },
  },
  {
    id: 'zeitraum.nicht-begonnen',
    title: 'Vorhaben noch nicht begonnen',
    clauses: ['VwV zu § 44 SäHO Nr. 1.4', 'VVK Nr. 1.3', 'VwV zu § 44 SäHO Nr. 3.2.1', 'VVK Nr. 3.3.1'],
    source: { document: 'vwv', section: '1.4' },
    severity: 'ausschluss',
    topic: 'zeitraum',
    parts: ['A', 'B'],
    explanation: {
      erfuellt: {
        verwaltung: 'Mit dem Vorhaben wurde noch nicht begonnen; als Beginn gilt der Abschluss eines Liefer- oder Leistungsvertrags.',
        einfach: 'Sie haben noch keinen Auftrag für das Projekt vergeben. Das ist richtig so.',
      },
      nicht_erfuellt: {
        verwaltung:
          'Bereits begonnene Vorhaben sind nicht förderfähig; als Beginn gilt der Abschluss eines der Ausführung zuzurechnenden Liefer- oder Leistungsvertrags (VVK Nr. 1.3.1).',
        einfach: 'Sie haben schon einen Auftrag vergeben. Dann gibt es kein Geld mehr für das Projekt.',
      },
    },
    evaluate(_context, trace) {
      const started = trace.fact<boolean>('project.alreadyStarted');
      if (started === undefined) return { status: 'offen' };
      return started
        ? {
            status: 'nicht_erfuellt',
            fix: 'Förderfähig ist nur, was noch nicht beauftragt ist. Verträge mit Rücktrittsrecht für den Fall der Ablehnung gelten nicht als Beginn (VVK Nr. 1.3.1).',
          }
        : { status: 'erfuellt' };
    },
  },
  {
    id: 'zeitraum.beginn-widerspruchsfrei',
    title: 'Geplanter Beginn passt zu „noch nicht begonnen“',
    clauses: ['VwV zu § 44 SäHO Nr. 1.4', 'VVK Nr. 1.3', 'VwV zu § 44 SäHO Nr. 3.2.1', 'VVK Nr. 3.3.1'],
    source: { document: 'vwv', section: '1.4' },
    // A start before the day of the check contradicts "not started": either the project has begun
    // (not fundable) or the planned start is out of date. Unresolved, nothing can be approved.
    severity: 'ausschluss',
    topic: 'zeitraum',
    parts: ['A', 'B'],
    explanation: {
      erfuellt: {
        verwaltung: 'Der geplante Beginn widerspricht nicht der Erklärung, dass mit dem Vorhaben noch nicht begonnen wurde.',
        einfach: 'Der Beginn passt zu Ihrer Angabe, dass Sie noch nicht angefangen haben.',
      },
      nicht_erfuellt: {
        verwaltung:
          'Ein Beginn vor dem Tag der Prüfung widerspricht der Erklärung, dass mit dem Vorhaben noch nicht begonnen wurde. Ein begonnenes Vorhaben ist nicht förderfähig; ein noch nicht begonnenes braucht einen Beginn, der noch bevorsteht.',
        einfach: 'Der Beginn liegt in der Vergangenheit. Sie sagen aber, dass Sie noch nicht angefangen haben. Beides zusammen geht nicht.',
      },
    },
    evaluate(context, trace) {
      const start = trace.fact<string>('project.start');
      const started = trace.fact<boolean>('project.alreadyStarted');
      trace.note('checkDate', 'Tag der Prüfung', formatDate(context.checkDate));
      // A project declared as started is excluded by zeitraum.nicht-begonnen; no contradiction here.
      if (!start || started !== false || !startsBefore(start, context.checkDate)) return { status: 'erfuellt' };
      return {
        status: 'nicht_erfuellt',
        detail: `Geplanter Beginn ${formatDate(start)}, geprüft am ${formatDate(context.checkDate)}; angegeben ist „noch nicht begonnen“.`,
        fix: `Haben Sie noch keinen Auftrag vergeben, legen Sie den Beginn auf den ${formatDate(context.checkDate)} oder später. Haben Sie schon einen Auftrag vergeben oder einen Vertrag geschlossen, hat das Vorhaben begonnen: Geben Sie das an – ein begonnenes Vorhaben ist nicht förderfähig.`,
      };
    },
  },
  {
    id: 'zeitraum.vorzeitiger-beginn',
    title: 'Beginn ab Antragstellung zulässig',
    clauses: ['VVK Nr. 1.3', 'VwV zu § 44 SäHO Nr. 1.4'],
    source: { document: 'vvk', section: '1.3' },
    severity: 'hinweis',
    topic: 'zeitraum',
    parts: ['A', 'B'],
    parameters: ['earlyStart.threshold.kommune', 'earlyStart.threshold.other'],
    explanation: {
      erfuellt: {
        verwaltung:
          'Bei den geplanten Ausgaben ist der Vorhabensbeginn ab Eingang des Antrags bei der SAB zulässig (auf eigenes Risiko, ohne Anspruch auf Förderung).',
        einfach: 'Sie dürfen anfangen, sobald die SAB Ihren Antrag hat. Das Risiko tragen Sie aber selbst.',
      },
      nicht_erfuellt: {
        verwaltung: (w) =>
          `Ab geplanten Ausgaben von ${w.euro('earlyStart.threshold.kommune')} bei Kommunen und ${w.euro('earlyStart.threshold.other')} bei anderen Trägern darf erst nach der Bewilligung begonnen werden; Ausnahmen lässt die SAB als Bewilligungsbehörde nur im Einzelfall zu.`,
        einfach: 'Ihr Projekt ist sehr teuer. Sie dürfen erst anfangen, wenn die Förderung bewilligt ist.',
      },
    },
    evaluate(context, trace) {
      const kind = trace.fact<OrganisationKind>('applicant.kind');
      const total = context.derived.totalCents;
      if (!kind || total === null) return { status: 'offen' };
      const isKommune = isGebietskoerperschaft(kind);
      const threshold = trace.parameter(
        context,
        isKommune ? 'earlyStart.threshold.kommune' : 'earlyStart.threshold.other',
        'Schwelle für den Beginn ab Antragstellung',
        (v) => formatEuro(v),
      );
      trace.money('derived.totalCents', 'Gesamtausgaben', total);
      return earlyStartAllowed(total, threshold)
        ? { status: 'erfuellt' }
        : {
            status: 'nicht_erfuellt',
            detail: `Gesamtausgaben ${formatEuro(total)}, Schwelle ${formatEuro(threshold)}.`,
            fix: 'Schließen Sie Verträge erst nach dem Zuwendungsbescheid oder beantragen Sie den vorzeitigen Maßnahmebeginn bei der SAB.',
          };
    },
  },
];
