import { describe, expect, it } from 'vitest';
import { costSuggestions, suggestedLineDefaults, withMethodAdopted } from '../../app/methoden/methoden.server';
import { programCatalogue } from '../../app/methoden/redaktion.server';
import { applyListIntent, parseListIntent } from '../../app/utils/list-intents';
import { emptyApplication } from '../../machines/frl/application/schema';
import { methodBySlug } from '../../machines/methoden/catalogue';

const cat = programCatalogue();
let counter = 0;
const newId = () => `row${++counter}`;

describe('a method taken into a draft', () => {
  it('adds the format once, at the method’s usual level', () => {
    const method = methodBySlug('kinder-und-jugendbeteiligung')!;
    const first = withMethodAdopted(emptyApplication(), method, newId);
    expect(first.added).toBe(true);
    expect(first.data.project.formats).toEqual([{ id: expect.any(String), format: 'kinder-jugendbeteiligung', level: 'mitgestaltung' }]);
    const again = withMethodAdopted(first.data, method, newId);
    expect(again.added).toBe(false);
    expect(again.data.project.formats).toHaveLength(1);
  });

  it('never adds an excluded instrument', () => {
    const result = withMethodAdopted(emptyApplication(), methodBySlug('einwohnerversammlung')!, newId);
    expect(result).toMatchObject({ added: false });
    expect(result.data.project.formats).toEqual([]);
  });
});

describe('cost suggestions from the chosen methods', () => {
  it('lists each driver of each chosen method once, and drops one already in the budget', () => {
    let data = withMethodAdopted(emptyApplication(), methodBySlug('world-cafe')!, newId).data;
    const drivers = methodBySlug('world-cafe')!.costDrivers;
    expect(costSuggestions(data, cat).map((s) => s.label)).toEqual(drivers.map((d) => d.label));
    data = {
      ...data,
      budget: { ...data.budget, lines: [{ id: 'x', category: 'honorare', kind: 'pauschal', description: drivers[0]!.label }] },
    };
    expect(costSuggestions(data, cat).map((s) => s.label)).toEqual(drivers.slice(1).map((d) => d.label));
  });

  it('a suggestion becomes a line with the driver’s category, calculation and description, and no amount', () => {
    const intent = parseListIntent('suggest:lines:buergerrat.0');
    expect(intent).toEqual({ kind: 'add', list: 'lines', suggestion: 'buergerrat.0' });
    const defaults = suggestedLineDefaults('buergerrat.0', cat)!;
    expect(defaults).toEqual({ category: 'honorare', kind: 'pauschal', description: 'Externe Moderation und Prozessbegleitung' });
    const payload = applyListIntent({ lines: [] }, intent!, () => 'new', defaults);
    expect(payload.lines).toEqual([{ id: 'new', ...defaults }]);
  });

  it('unknown or malformed suggestion keys add nothing special', () => {
    for (const key of ['buergerrat.99', 'gibt-es-nicht.0', '../x', 'buergerrat', '']) expect(suggestedLineDefaults(key, cat)).toBeNull();
    expect(parseListIntent('suggest:lines')).toBeNull();
    expect(parseListIntent('suggest:unbekannt:buergerrat.0')).toBeNull();
  });
});
