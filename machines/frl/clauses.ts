import type { Criterion } from './criterion';

/**
 * Where a clause lives: the section of its legal text, for the index of clauses in the workbench
 * ("which criteria rest on FRL Teil 2 A V?"). Section titles are the directive's own headings.
 */

/** Official consolidated text of the directive (REVOSax). */
export const directiveUrl = 'https://www.revosax.sachsen.de/vorschrift/19504';

const romanSections: Record<string, string> = {
  I: 'Zuwendungszweck, Rechtsgrundlagen',
  II: 'Gegenstand der Förderung',
  III: 'Zuwendungsempfänger',
  IV: 'Zuwendungsvoraussetzungen',
  V: 'Art und Umfang, Höhe der Förderung',
  VI: 'Verfahren',
};
const partOneSections: Record<string, string> = {
  I: 'Zuwendungszweck, Rechtsgrundlagen',
  II: 'Gegenstand der Förderung',
  III: 'Besondere Zuwendungsbestimmung',
  IV: 'Verfahren',
};

export interface ClauseSection {
  /** "FRL Teil 2 A V" */
  key: string;
  title: string;
  /** Link to the official full text, where one is known. */
  url: string | null;
}

/** "FRL Teil 2 A V Nr. 2.1" → its section; other sources (VwV, VVK, ANBest) by document. */
export function sectionOf(clause: string): ClauseSection {
  const partTwo = /^FRL Teil 2 ([AB]) (VI|IV|V|I{1,3})\b/.exec(clause);
  if (partTwo) {
    const part = partTwo[1] === 'A' ? 'Kommunen' : 'Zivilgesellschaft';
    return { key: `FRL Teil 2 ${partTwo[1]} ${partTwo[2]}`, title: `${romanSections[partTwo[2]!]} (${part})`, url: directiveUrl };
  }
  const partOne = /^FRL Teil 1 (IV|I{1,3})\b/.exec(clause);
  if (partOne)
    return { key: `FRL Teil 1 ${partOne[1]}`, title: `Allgemeine Bestimmungen: ${partOneSections[partOne[1]!]}`, url: directiveUrl };
  if (clause.startsWith('FRL')) return { key: 'FRL', title: 'FRL Bürgerbeteiligung', url: directiveUrl };
  const document = /^(VwV zu § 44 SäHO|VVK|ANBest-K|ANBest-P)/.exec(clause)?.[1];
  return { key: document ?? clause, title: document ? document : 'Gesetz oder sonstige Quelle', url: null };
}

export const clauseAnchor = (clause: string) =>
  `fundstelle-${clause
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/§/g, 'p')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')}`;

export interface ClauseEntry {
  clause: string;
  anchor: string;
  section: ClauseSection;
  criteria: Array<{ id: string; title: string }>;
}

/** Every clause the catalogue cites, with the criteria resting on it, in the order of the texts. */
export function clauseIndex(catalogue: Array<Pick<Criterion, 'id' | 'clauses'> & { title: string }>): ClauseEntry[] {
  const byClause = new Map<string, ClauseEntry>();
  for (const criterion of catalogue) {
    for (const clause of criterion.clauses) {
      const entry = byClause.get(clause) ?? { clause, anchor: clauseAnchor(clause), section: sectionOf(clause), criteria: [] };
      entry.criteria.push({ id: criterion.id, title: criterion.title });
      byClause.set(clause, entry);
    }
  }
  return [...byClause.values()].sort((a, b) => a.clause.localeCompare(b.clause, 'de', { numeric: true }));
}
