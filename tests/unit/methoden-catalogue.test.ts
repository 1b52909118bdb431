import { describe, expect, it } from 'vitest';
import { costCategories } from '../../machines/frl/catalogues';
import { participationFormats } from '../../machines/shared/participation';
import { methodBySlug, methodForFormat, methods } from '../../machines/methoden/catalogue';
import { matchesFilters, parseMethodFilters } from '../../machines/methoden/filters';
import { parseFinderGoals, rankByGoals } from '../../machines/methoden/finder';
import { queryCatalogue } from '../../machines/methoden/query';
import { methodSchema, type Method } from '../../machines/methoden/schema';
import { qualityCheckContent2026_1 } from '../../machines/qualitaetscheck/content';

const slugs = (list: readonly Method[]) => list.map((m) => m.slug);
const query = (q: string) => slugs(queryCatalogue(new URLSearchParams(q), methods).results);

describe('catalogue content', () => {
  it('every method passes the schema and has a unique slug', () => {
    for (const method of methods) expect(methodSchema.safeParse(method).error?.issues, method.slug).toBeUndefined();
    expect(new Set(slugs(methods)).size).toBe(methods.length);
  });

  it('every format of the wizard (except "Anderes Format") has exactly one method', () => {
    const formats = participationFormats.filter((f) => f.id !== 'sonstiges');
    expect(formats).toHaveLength(21);
    for (const format of formats)
      expect(
        methods.filter((m) => m.formatId === format.id),
        format.id,
      ).toHaveLength(1);
    expect(methods.length).toBeGreaterThanOrEqual(22);
  });

  it("a method's main level is one of the levels it reaches", () => {
    for (const method of methods) expect(method.levels, method.slug).toContain(method.level);
  });

  it('cost drivers map to eligible budget categories of the application', () => {
    const eligible = new Set(costCategories.filter((c) => !c.ineligible).map((c) => c.id));
    for (const method of methods)
      for (const driver of method.costDrivers) expect(eligible.has(driver.category), `${method.slug}: ${driver.label}`).toBe(true);
  });

  it('a method with a software cost line says that software needs a reason (FRL Teil 2 A II Nr. 3)', () => {
    for (const method of methods.filter((m) => m.costDrivers.some((c) => c.category === 'software'))) {
      expect(['mit-begruendung', 'nur-verfahren'], method.slug).toContain(method.fundingFit.status);
      expect(method.fundingFit.clause, method.slug).toMatch(/A II Nr\. (2 und Nr\. )?3/);
      expect(method.fundingFit.note, method.slug).toMatch(/Beteiligungsportal/);
    }
  });

  it('statutory instruments are excluded with the clause, and the Bürgerhaushalt funds only the process (FRL Teil 2 A II Nr. 2)', () => {
    const excluded = methods.filter((m) => m.fundingFit.status === 'ausgeschlossen');
    expect(slugs(excluded).sort()).toEqual(['bauleitplanung-oeffentlichkeitsbeteiligung', 'einwohnerversammlung']);
    for (const method of excluded) {
      expect(method.fundingFit.clause).toContain('FRL Teil 2 A II Nr. 2');
      expect(method.formatId).toBeNull();
      expect(method.fundingFit.routes).toEqual([]);
    }
    const budget = methodBySlug('buergerhaushalt')!;
    expect(budget.fundingFit.status).toBe('nur-verfahren');
    expect(budget.fundingFit.clause).toContain('FRL Teil 2 A II Nr. 2');
    expect(budget.fundingFit.note).toMatch(/nicht zur Bereitstellung der Mittel/);
  });

  it('QualitätsCheck criteria named by a method exist in the published QualitätsCheck content', () => {
    const known = new Set(qualityCheckContent2026_1.criteria.map((c) => c.id));
    for (const method of methods) for (const id of method.qualityCriteria) expect(known.has(id), `${method.slug}: ${id}`).toBe(true);
  });

  it('the wizard format finds its method', () => {
    expect(methodForFormat('kinder-jugendbeteiligung')?.slug).toBe('kinder-und-jugendbeteiligung');
    expect(methodForFormat('sonstiges')).toBeUndefined();
  });
});

describe('filters', () => {
  it('unknown or malformed filter values are ignored', () => {
    expect(parseMethodFilters(new URLSearchParams('stufe=alles&groesse=riesig&budget=123&form=<b>'))).toEqual({
      level: undefined,
      groupSize: undefined,
      duration: undefined,
      mode: undefined,
      targetGroup: undefined,
      maxEuro: undefined,
      fundableOnly: false,
    });
  });

  it('each filter narrows the list', () => {
    expect(query('stufe=mitentscheidung').sort()).toEqual([
      'beteiligungsleitlinien',
      'buergerhaushalt',
      'kinder-und-jugendbeteiligung',
      'mediation',
    ]);
    expect(query('form=digital')).not.toContain('planungszelle');
    expect(query('form=digital')).toContain('online-beteiligung');
    expect(query('groesse=gross')).not.toContain('mediation');
    expect(query('groesse=klein')).toContain('mediation');
    expect(query('dauer=reihe')).toContain('stadtteilforum');
    expect(query('dauer=reihe')).not.toContain('world-cafe');
    expect(query('zielgruppe=kinder')).toEqual(['kinder-und-jugendbeteiligung', 'planning-for-real']);
    expect(query('budget=5000')).not.toContain('buergerrat');
    expect(query('foerderfaehig=1')).not.toContain('einwohnerversammlung');
    expect(query('foerderfaehig=1')).toHaveLength(methods.length - 2);
  });

  it('a range filter matches when the ranges overlap, not only when they are equal', () => {
    const twoToThree = parseMethodFilters(new URLSearchParams('dauer=zwei-drei'));
    const method = methodBySlug('world-cafe')!; // one or two meetings
    expect(matchesFilters(method, twoToThree)).toBe(true);
    expect(matchesFilters({ ...method, meetings: { min: 4, max: 6 } }, twoToThree)).toBe(false);
    expect(matchesFilters({ ...method, meetings: { min: 0, max: 1 } }, twoToThree)).toBe(false);
  });

  it('done-when: "a method for young people, under 20 000 €, two evenings"', () => {
    const results = query('zielgruppe=jugendliche&budget=20000&dauer=zwei-drei');
    expect(results).toContain('kinder-und-jugendbeteiligung');
    expect(results).not.toContain('planungszelle');
  });
});

describe('search words on the catalogue page', () => {
  it('a query of punctuation or of 10 000 characters gives an empty list and a message', () => {
    for (const q of ['!?.;', 'x'.repeat(10_000)]) {
      const result = queryCatalogue(new URLSearchParams({ q }), methods, ['mediation']);
      expect(result.results).toEqual([]);
      expect(['noWords', 'tooLong']).toContain(result.query.kind);
    }
  });
  it('keeps the order the search gave, among the methods the filters let through', () => {
    const ranked = ['mediation', 'runder-tisch', 'buergerrat'];
    expect(slugs(queryCatalogue(new URLSearchParams('q=Konflikt'), methods, ranked).results)).toEqual(ranked);
    expect(slugs(queryCatalogue(new URLSearchParams('q=Konflikt&groesse=gross'), methods, ranked).results)).not.toContain('mediation');
  });
});

describe('goal-based finder', () => {
  it('ranks methods serving more of the chosen goals first, then by weight', () => {
    const hits = rankByGoals(methods, ['junge-menschen', 'ideen-sammeln']);
    expect(hits[0]!.method.slug).toBe('kinder-und-jugendbeteiligung');
    expect(hits[0]!.matchedGoals.sort()).toEqual(['ideen-sammeln', 'junge-menschen']);
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1]!.matchedGoals.length).toBeGreaterThanOrEqual(hits[i]!.matchedGoals.length);
  });
  it('a conflict goal puts Mediation first', () => {
    expect(rankByGoals(methods, ['konflikt-klaeren'])[0]!.method.slug).toBe('mediation');
  });
  it('never proposes an excluded instrument', () => {
    expect(rankByGoals(methods, ['informieren']).map((h) => h.method.slug)).not.toContain('einwohnerversammlung');
  });
  it('accepts up to four goals, refuses five with a German message, drops unknown ones', () => {
    expect(parseFinderGoals(['informieren', 'unsinn', 'informieren'])).toEqual({ ok: true, goals: ['informieren'] });
    const five = parseFinderGoals(['informieren', 'entscheiden', 'ideen-sammeln', 'meinungsbild', 'junge-menschen']);
    expect(five.ok).toBe(false);
    expect(!five.ok && five.message).toMatch(/höchstens 4 Ziele/);
    expect(rankByGoals(methods, [])).toEqual([]);
  });
});
