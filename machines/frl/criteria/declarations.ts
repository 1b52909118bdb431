import type { Criterion, Texts } from '../criterion';

interface DeclarationSpec {
  id: string;
  title: string;
  clauses: string[];
  section: string;
  fact: string;
  parts: Criterion['parts'];
  given: Texts;
  missing: Texts;
  fix: string;
  /** Only asked when this fact is true (e.g. the portal declaration only when the portal is used). */
  onlyIf?: string;
  /** Where no source settles the rule for a part; shown as "Annahme". */
  assumption?: string;
}

/** A declaration the applicant must make; refusing it excludes the application. */
function declaration(spec: DeclarationSpec): Criterion {
  return {
    id: spec.id,
    title: spec.title,
    clauses: spec.clauses,
    source: { document: 'frl', section: spec.section },
    severity: 'ausschluss',
    topic: 'erklaerungen',
    parts: spec.parts,
    ...(spec.assumption ? { assumption: spec.assumption } : {}),
    explanation: { erfuellt: spec.given, nicht_erfuellt: spec.missing },
    evaluate(_context, trace) {
      if (spec.onlyIf) {
        const condition = trace.fact<boolean>(spec.onlyIf);
        if (condition === undefined) return { status: 'offen' };
        if (!condition) return { status: 'entfaellt' };
      }
      const value = trace.fact<boolean>(spec.fact);
      if (value === undefined) return { status: 'offen', fix: spec.fix };
      return value ? { status: 'erfuellt' } : { status: 'nicht_erfuellt', fix: spec.fix };
    },
  };
}

export const declarationCriteria: Criterion[] = [
  declaration({
    id: 'erklaerung.ebbs-und-begleitung',
    title: 'Mitwirkung im EBBS und an der wissenschaftlichen Begleitung',
    clauses: ['FRL Teil 2 A IV Nr. 2', 'FRL Teil 2 B IV Nr. 2'],
    section: 'A IV',
    fact: 'declarations.ebbsAndEvaluation',
    parts: ['A', 'B'],
    given: {
      verwaltung:
        'Der Antragsteller erklärt seine Bereitschaft zur Mitwirkung im Erfahrungs- und Beratungsnetzwerk und zur Kooperation mit einer wissenschaftlichen Begleitung.',
      einfach: 'Sie machen beim Netzwerk für Bürgerbeteiligung mit und helfen bei der Auswertung.',
    },
    missing: {
      verwaltung: 'Die Bereitschaftserklärung zur Mitwirkung im EBBS und zur wissenschaftlichen Begleitung ist Fördervoraussetzung.',
      einfach: 'Sie müssen erklären, dass Sie beim Netzwerk mitmachen und bei der Auswertung helfen.',
    },
    fix: 'Geben Sie die Erklärung zur Mitwirkung im EBBS und an der wissenschaftlichen Begleitung ab.',
  }),
  declaration({
    id: 'erklaerung.beteiligungsportal',
    title: 'Ideen und Anforderungen für das Beteiligungsportal',
    clauses: ['FRL Teil 2 A IV Nr. 3', 'FRL Teil 2 B IV Nr. 6'],
    section: 'A IV',
    fact: 'declarations.portalIdeas',
    onlyIf: 'project.usesBeteiligungsportal',
    parts: ['A', 'B'],
    given: {
      verwaltung:
        'Der Antragsteller stellt Projektideen, Konzepte und funktionale Anforderungen für die Weiterentwicklung des Beteiligungsportals zur Verfügung.',
      einfach: 'Sie nutzen das Beteiligungsportal und sagen dem Land, was man daran verbessern kann.',
    },
    missing: {
      verwaltung:
        'Wer das Beteiligungsportal nutzt, erklärt die Bereitschaft, Ideen und Anforderungen für seine Weiterentwicklung einzubringen.',
      einfach: 'Wenn Sie das Beteiligungsportal nutzen, müssen Sie Ihre Erfahrungen damit weitergeben.',
    },
    fix: 'Geben Sie die Erklärung zur Weitergabe von Ideen für das Beteiligungsportal ab.',
  }),
  declaration({
    id: 'erklaerung.fdgo',
    title: 'Bekenntnis zur freiheitlichen demokratischen Grundordnung',
    clauses: ['FRL Teil 1 III'],
    section: 'Teil 1 III',
    fact: 'declarations.fdgo',
    parts: ['A', 'B'],
    given: {
      verwaltung:
        'Träger und Projektpartner stehen auf dem Boden der freiheitlichen demokratischen Grundordnung und verfolgen keine Bestrebungen nach § 3 Abs. 1 SächsVSG.',
      einfach: 'Sie und alle, mit denen Sie das Projekt machen, stehen zur Demokratie und zum Grundgesetz.',
    },
    missing: {
      verwaltung:
        'Die Förderung setzt voraus, dass Träger und Projektpartner auf dem Boden der freiheitlichen demokratischen Grundordnung stehen.',
      einfach: 'Ohne Bekenntnis zur Demokratie gibt es keine Förderung.',
    },
    fix: 'Geben Sie die Erklärung zur freiheitlichen demokratischen Grundordnung ab.',
  }),
  declaration({
    id: 'erklaerung.subventionserheblich',
    title: 'Kenntnisnahme subventionserheblicher Tatsachen',
    // Teil 2 A asks for self-declarations (A IV Nr. 7); Teil 2 B IV has only Nr. 1–6, so for
    // associations the basis is the VwV zu § 44 SäHO, which Teil 1 IV Nr. 2 makes applicable.
    clauses: ['FRL Teil 2 A IV Nr. 7', 'VwV zu § 44 SäHO Nr. 3.5.5', '§ 264 StGB', '§ 1 SächsSubvG'],
    section: 'A IV',
    fact: 'declarations.subsidyRelevantFacts',
    parts: ['A', 'B'],
    assumption:
      'Für Teil 2 B verlangt die Richtlinie keine Eigenerklärungen; VwV zu § 44 SäHO Nr. 3.5 gilt dem Wortlaut nach für Zuwendungen an Betriebe oder Unternehmen. Angenommen wird, dass die SAB als Bewilligungsbehörde die Versicherung nach Nr. 3.5.5 von allen Antragstellern verlangt.',
    given: {
      verwaltung: 'Der Antragsteller hat zur Kenntnis genommen, welche Angaben subventionserheblich im Sinne des § 264 StGB sind.',
      einfach: 'Sie wissen: Falsche Angaben im Antrag sind strafbar.',
    },
    missing: {
      verwaltung: 'Die Kenntnisnahme der subventionserheblichen Tatsachen ist Teil der geforderten Eigenerklärungen.',
      einfach: 'Sie müssen bestätigen, dass Sie wissen: Falsche Angaben sind strafbar.',
    },
    fix: 'Bestätigen Sie, dass Sie die Hinweise zu subventionserheblichen Tatsachen gelesen haben.',
  }),
  declaration({
    id: 'erklaerung.datenschutz',
    title: 'Kenntnisnahme der Datenschutzhinweise',
    // Teil 2 B IV has no Nr. 7; the notice on data processing is required by VwV zu § 44 SäHO Nr. 3.1.
    clauses: ['FRL Teil 2 A IV Nr. 7', 'VwV zu § 44 SäHO Nr. 3.1', 'Art. 13 DSGVO'],
    section: 'A IV',
    fact: 'declarations.dataProtection',
    parts: ['A', 'B'],
    given: {
      verwaltung: 'Der Antragsteller hat die Hinweise zur Verarbeitung personenbezogener Daten im Förderverfahren zur Kenntnis genommen.',
      einfach: 'Sie wissen, was mit Ihren Daten im Antrag passiert.',
    },
    missing: {
      verwaltung: 'Die Kenntnisnahme der Datenschutzhinweise gehört zu den Eigenerklärungen des Antrags.',
      einfach: 'Sie müssen bestätigen, dass Sie die Hinweise zum Datenschutz gelesen haben.',
    },
    fix: 'Bestätigen Sie, dass Sie die Datenschutzhinweise zur Kenntnis genommen haben.',
  }),
  {
    id: 'erklaerung.vorsteuer',
    title: 'Erklärung zur Vorsteuerabzugsberechtigung',
    clauses: ['VwV zu § 44 SäHO Nr. 3.2.3', 'VVK Nr. 3.3.3'],
    source: { document: 'vwv', section: '3.2.3' },
    severity: 'ausschluss',
    topic: 'erklaerungen',
    parts: ['A', 'B'],
    explanation: {
      erfuellt: {
        verwaltung: 'Der Antragsteller hat erklärt, ob er zum Vorsteuerabzug nach § 15 UStG berechtigt ist.',
        einfach: 'Sie haben gesagt, ob Sie sich die Umsatzsteuer vom Finanzamt zurückholen können.',
      },
      nicht_erfuellt: {
        verwaltung: 'Dem Antrag ist eine Erklärung beizufügen, ob der Antragsteller zum Vorsteuerabzug berechtigt ist.',
        einfach: 'Sagen Sie, ob Sie sich die Umsatzsteuer vom Finanzamt zurückholen können.',
      },
    },
    evaluate(_context, trace) {
      const deductible = trace.fact<boolean>('applicant.vatDeductible');
      return deductible === undefined
        ? { status: 'offen', fix: 'Erklären Sie, ob Sie zum Vorsteuerabzug berechtigt sind.' }
        : { status: 'erfuellt' };
    },
  },
  {
    id: 'erklaerung.besserstellungsverbot',
    title: 'Erklärung zur überwiegenden öffentlichen Finanzierung (Besserstellungsverbot)',
    clauses: ['ANBest-P Nr. 1.3', 'VwV zu § 44 SäHO Nr. 3.2.1'],
    source: { document: 'anbest-p', section: '1.3' },
    severity: 'ausschluss',
    topic: 'erklaerungen',
    parts: ['B'],
    explanation: {
      erfuellt: {
        verwaltung:
          'Der Träger hat erklärt, ob er seine Gesamtausgaben überwiegend aus öffentlichen Zuwendungen bestreitet; dann darf er seine Beschäftigten nicht besser stellen als vergleichbare Landesbedienstete.',
        einfach: 'Sie haben gesagt, ob Ihre Organisation vor allem von öffentlichem Geld lebt.',
      },
      nicht_erfuellt: {
        verwaltung: 'Zuwendungsempfänger nach ANBest-P erklären, ob sie überwiegend öffentlich finanziert sind (Besserstellungsverbot).',
        einfach: 'Sagen Sie, ob Ihre Organisation vor allem von öffentlichem Geld lebt.',
      },
    },
    evaluate(_context, trace) {
      const mainly = trace.fact<boolean>('applicant.mainlyPubliclyFunded');
      if (mainly === undefined)
        return { status: 'offen', fix: 'Erklären Sie, ob Ihre Organisation überwiegend öffentlich finanziert ist.' };
      return mainly
        ? {
            status: 'erfuellt',
            detail: 'Überwiegend öffentlich finanziert: Vergütungen dürfen die des öffentlichen Dienstes (TV-L) nicht übersteigen.',
          }
        : { status: 'erfuellt' };
    },
  },
];
