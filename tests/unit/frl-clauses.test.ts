import { describe, expect, it } from 'vitest';
import type { Criterion } from '../../machines/frl/criterion';
import { criteria } from '../../machines/frl/criteria/index';
import { fundingRoutes, routeInfo } from '../../machines/frl/routes';
import type { ProgrammePart } from '../../machines/shared/organisation';

/**
 * FRL Teil 2 as in force since 30.06.2023 (text of 21.01.2022, amended 30.03.2022 and 14.06.2023;
 * see the domain sources, frl-buergerbeteiligung.md). For each section: either the number of
 * sentences of an unnumbered section, or its numbered items (Nr.) with the number of sentences of
 * each. Sub-items (A II Nr. 1.1–1.3, A V Nr. 2.1–2.3) are parts of one sentence.
 * Note B IV ends at Nr. 6 and B V at Nr. 5: Teil 2 B has no counterpart of A IV Nr. 7.
 */
type Section = number | Record<string, number>;
const frlPartTwo: Record<ProgrammePart, Record<string, Section>> = {
  A: {
    I: 1,
    II: { '1': 1, '1.1': 1, '1.2': 1, '1.3': 1, '2': 2, '3': 1 },
    III: 2,
    IV: { '1': 2, '2': 1, '3': 1, '4': 1, '5': 1, '6': 1, '7': 1 },
    V: { '1': 1, '2': 1, '2.1': 1, '2.2': 1, '2.3': 1, '3': 1, '4': 1, '5': 1, '6': 1, '7': 1 },
    VI: { '1': 1, '2': 1, '3': 1 },
  },
  B: {
    I: 1,
    II: 2,
    III: 2,
    IV: { '1': 2, '2': 1, '3': 2, '4': 2, '5': 1, '6': 1 },
    V: { '1': 1, '2': 2, '3': 1, '4': 2, '5': 5 },
    VI: 1,
  },
};

const partTwoClause = /^FRL Teil 2 ([AB]) (I|II|III|IV|V|VI)(?: Nr\. (\d+(?:\.\d+)?))?(?: Satz (\d+))?$/;

/** Why the clause cannot be found in the directive, or null when it can. */
function problemOf(clause: string): string | null {
  const match = partTwoClause.exec(clause);
  if (!match) return 'nicht im Format „FRL Teil 2 A IV Nr. 7“ / „… Satz 2“';
  const [, part, sectionId, number, sentence] = match as unknown as [string, ProgrammePart, string, string | undefined, string | undefined];
  const section = frlPartTwo[part][sectionId]!;
  let sentences: number;
  if (number === undefined) {
    if (typeof section !== 'number' && sentence !== undefined) return 'Satz ohne Nummer in einem nummerierten Abschnitt';
    sentences = typeof section === 'number' ? section : Infinity;
  } else {
    if (typeof section === 'number') return `Teil 2 ${part} ${sectionId} hat keine Nummern`;
    if (!(number in section)) return `Teil 2 ${part} ${sectionId} hat Nr. ${Object.keys(section).join(', ')}`;
    sentences = section[number]!;
  }
  if (sentence !== undefined && Number(sentence) > sentences) return `dort gibt es nur ${sentences} Satz/Sätze`;
  return null;
}

/** Clauses of the rules that govern a part: its own FRL part, Teil 1, and the general or municipal grant rules. */
const governs: Record<ProgrammePart, RegExp> = {
  A: /^(FRL Teil 2 A |FRL Teil 1 |VVK |ANBest-K |VwV zu § 44 SäHO )/,
  B: /^(FRL Teil 2 B |FRL Teil 1 |ANBest-P |VwV zu § 44 SäHO )/,
};

describe('clauses of FRL Teil 2 cited by the catalogue', () => {
  it('checks clauses against the table of the directive', () => {
    expect(problemOf('FRL Teil 2 A IV Nr. 7')).toBeNull();
    expect(problemOf('FRL Teil 2 B IV Nr. 7')).toMatch(/hat Nr\. 1, 2, 3, 4, 5, 6$/);
    expect(problemOf('FRL Teil 2 B III Satz 2')).toBeNull();
    expect(problemOf('FRL Teil 2 B III Satz 3')).toMatch(/nur 2/);
    expect(problemOf('FRL Teil 2 A III Nr. 1')).toMatch(/keine Nummern/);
    expect(problemOf('FRL Teil 2 C I')).toMatch(/Format/);
  });

  it('every FRL clause a criterion cites for a part exists in that part of the directive', () => {
    const wrong: string[] = [];
    for (const c of criteria) {
      for (const clause of c.clauses.filter((cl) => cl.startsWith('FRL Teil 2'))) {
        const problem = problemOf(clause);
        if (problem) wrong.push(`${c.id}: ${clause} – ${problem}`);
        const part = partTwoClause.exec(clause)?.[1] as ProgrammePart | undefined;
        if (part && !c.parts.includes(part)) wrong.push(`${c.id}: ${clause} – das Kriterium gilt nicht für Teil 2 ${part}`);
      }
    }
    for (const route of fundingRoutes) {
      const { clause, part } = routeInfo[route];
      const problem = problemOf(clause);
      if (problem) wrong.push(`Förderweg ${route}: ${clause} – ${problem}`);
      if (!clause.startsWith(`FRL Teil 2 ${part} `)) wrong.push(`Förderweg ${route}: ${clause} gehört nicht zu Teil 2 ${part}`);
    }
    expect(wrong).toEqual([]);
  });

  it('gives each criterion, for every part it applies to, a clause of that part’s rules or a stated assumption', () => {
    // A clause of Teil 2 A cited for an association (e.g. A IV Nr. 7, which B lacks) is no basis for Teil 2 B.
    const missing = (c: Pick<Criterion, 'id' | 'parts' | 'clauses' | 'assumption'>) =>
      c.parts
        .filter((part) => !c.assumption && !c.clauses.some((clause) => governs[part].test(clause)))
        .map((part) => `${c.id} (Teil 2 ${part})`);
    expect(criteria.flatMap(missing)).toEqual([]);
    // What the rule would have said about the citation before the audit.
    expect(missing({ id: 'erklaerung.datenschutz', parts: ['A', 'B'], clauses: ['FRL Teil 2 A IV Nr. 7', 'Art. 13 DSGVO'] })).toEqual([
      'erklaerung.datenschutz (Teil 2 B)',
    ]);
  });

  it('cites the self-declarations per part: A IV Nr. 7 for Kommunen, the VwV zu § 44 SäHO for associations', () => {
    const byId = (id: string) => criteria.find((c) => c.id === id)!;
    expect(byId('erklaerung.subventionserheblich').clauses).toEqual([
      'FRL Teil 2 A IV Nr. 7',
      'VwV zu § 44 SäHO Nr. 3.5.5',
      '§ 264 StGB',
      '§ 1 SächsSubvG',
    ]);
    expect(byId('erklaerung.datenschutz').clauses).toEqual(['FRL Teil 2 A IV Nr. 7', 'VwV zu § 44 SäHO Nr. 3.1', 'Art. 13 DSGVO']);
  });
});
