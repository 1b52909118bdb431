import { describe, expect, it } from 'vitest';
import { exampleCard, matchExamples, methodCard } from '../../app/methoden/methoden.server';
import { programCatalogue } from '../../app/methoden/redaktion.server';
import { methodBySlug } from '../../machines/methoden/catalogue';
import { demoExamples, exampleSchema, examplesWithMethod, similarExamples } from '../../machines/methoden/examples';

const searchExamples = (params: URLSearchParams, ranked?: string[]) => matchExamples(demoExamples, params, programCatalogue(), ranked);
const slugs = (q: string, ranked?: string[]) => searchExamples(new URLSearchParams(q), ranked).matches.map((e) => e.slug);

describe('good examples', () => {
  it('every demo example passes the schema, is marked fictional, names known fundable methods and shows no contact', () => {
    for (const example of demoExamples) {
      expect(exampleSchema.safeParse(example).error?.issues, example.slug).toBeUndefined();
      expect(example.fictional).toBe(true);
      expect(example.contact).toBeNull();
      for (const slug of example.methodSlugs)
        expect(methodBySlug(slug)?.fundingFit.status, `${example.slug}: ${slug}`).not.toBe('ausgeschlossen');
    }
  });

  it('a contact is only valid with consent', () => {
    const base = { ...demoExamples[0]!, fictional: false };
    expect(exampleSchema.safeParse({ ...base, contact: { name: 'A. Muster', email: 'a@example.org', consent: true } }).success).toBe(true);
    expect(exampleSchema.safeParse({ ...base, contact: { name: 'A. Muster', email: 'a@example.org', consent: false } }).success).toBe(
      false,
    );
  });

  it('lists the examples of a method and ranks similar examples by shared methods first', () => {
    expect(examplesWithMethod('buergerrat').map((e) => e.slug)).toEqual(['buergerrat-mobilitaet-lindenau']);
    const youth = demoExamples.find((e) => e.slug === 'jugendforum-talheim')!;
    const similar = similarExamples(youth, [
      youth,
      { ...youth, slug: 'same-method', methodSlugs: ['planning-for-real'], fundingRoute: 'B', budgetRange: 'ueber-80000' },
      { ...youth, slug: 'same-route', methodSlugs: ['mediation'], budgetRange: 'ueber-80000' },
      { ...youth, slug: 'nothing-shared', methodSlugs: ['mediation'], fundingRoute: 'B', budgetRange: 'ueber-80000' },
    ]);
    expect(similar.map((e) => e.slug)).toEqual(['same-method', 'same-route']);
  });

  it('filters combine with the ranked search hits; bad input is an empty list with a German message', () => {
    expect(slugs('methode=buergerrat')).toEqual(['buergerrat-mobilitaet-lindenau']);
    expect(slugs('foerderweg=B')).toEqual(['nachbarschaftsgespraeche-weststadt']);
    const ranked = ['nachbarschaftsgespraeche-weststadt', 'buergerrat-mobilitaet-lindenau'];
    expect(slugs('q=Bürgerrat', ranked)).toEqual(ranked);
    expect(slugs('foerderweg=B&q=Bürgerrat', ['buergerrat-mobilitaet-lindenau'])).toEqual([]);
    // Ids the index knows but the list does not (withdrawn meanwhile) are left out; filters keep the rank order.
    expect(slugs('q=Bürgerrat', ['zurueckgezogen', ...ranked])).toEqual(ranked);
    expect(slugs('foerderweg=B&q=Bürgerrat', ['zurueckgezogen', ...ranked])).toEqual(['nachbarschaftsgespraeche-weststadt']);
    expect(slugs('foerderweg=Z&methode=<x>')).toHaveLength(demoExamples.length);
    expect(slugs(`q=${'x'.repeat(300)}`, ranked)).toEqual([]);
    expect(searchExamples(new URLSearchParams({ q: '…!?' })).queryMessage).toMatch(/keine Wörter/);
  });

  it('offers as method filter only the methods some example used, and keeps a chosen one', () => {
    const used = new Set(demoExamples.flatMap((e) => e.methodSlugs));
    const options = searchExamples(new URLSearchParams('')).methodOptions.map((o) => o.value);
    expect(new Set(options)).toEqual(new Set([...used].filter((slug) => methodBySlug(slug)?.formatId)));
    // A method no example used (a link from its method page): choosable, with no result.
    const unused = programCatalogue().methods.find((m) => m.formatId && !used.has(m.slug))!;
    const chosen = searchExamples(new URLSearchParams(`methode=${unused.slug}`));
    expect(chosen.methode).toBe(unused.slug);
    expect(chosen.methodOptions.map((o) => o.value)).toEqual([...options, unused.slug]);
    expect(chosen.matches).toEqual([]);
  });
});

describe('result cards (made once per content object, ADR 0111)', () => {
  it('a method changed by an editor gets a card of its own, the unchanged one keeps its card', () => {
    const method = methodBySlug('buergerrat')!;
    const edited = { ...method, name: 'Bürgerrat (überarbeitet)', groupSize: { min: 30, max: 30 } };
    expect(methodCard(method).name).toBe(method.name);
    expect(methodCard(edited).name).toBe('Bürgerrat (überarbeitet)');
    expect(methodCard(edited).groupSize).toBe('30 Personen');
    expect(methodCard(method)).toBe(methodCard(method));
  });

  it('an example card names the methods as the catalogue it was asked with names them', () => {
    const example = demoExamples.find((e) => e.methodSlugs.includes('buergerrat'))!;
    const renamed = (slug: string) => {
      const method = methodBySlug(slug);
      return method && { ...method, name: `Neu: ${method.name}` };
    };
    const names = (lookup?: Parameters<typeof exampleCard>[1]) => exampleCard(example, lookup).methods.map((m) => m.name);
    expect(names()).toContain(methodBySlug('buergerrat')!.name);
    expect(names({ methodBySlug: renamed })).toContain(`Neu: ${methodBySlug('buergerrat')!.name}`);
    expect(names()).not.toContain(`Neu: ${methodBySlug('buergerrat')!.name}`);
  });
});
