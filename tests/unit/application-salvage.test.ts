import { describe, expect, it } from 'vitest';
import { salvageApplicationData } from '../../machines/frl/application/snapshot';
import { emptyApplication } from '../../machines/frl/application/schema';
import { sampleGemeindeApplication } from '../support/sample-application';

describe('salvageApplicationData (data stored by another release)', () => {
  it('returns valid data unchanged and reports nothing', () => {
    const data = sampleGemeindeApplication();
    expect(salvageApplicationData(JSON.parse(JSON.stringify(data)))).toEqual({ data, dropped: [], readAsStored: true });
  });

  it('keeps every readable value and reports each refused one with its stored value', () => {
    const stored = JSON.parse(JSON.stringify(sampleGemeindeApplication())) as Record<string, any>;
    delete stored.schemaVersion;
    stored.project.title = 'Alter Stand';
    stored.project.renamedField = 'aus einer älteren Fassung';
    stored.budget.lines[0].category = 'gibt_es_nicht';
    delete stored.budget.lines[1].kind;
    const lines = stored.budget.lines.length as number;
    const { data, dropped, readAsStored } = salvageApplicationData(stored);
    expect(readAsStored).toBe(false);
    expect(data.project.title).toBe('Alter Stand');
    expect(data.applicant).toEqual(sampleGemeindeApplication().applicant);
    // The line with an unknown category and the one without its kind cannot stand alone: both go, the rest stay.
    expect(data.budget.lines).toHaveLength(lines - 2);
    expect(dropped.map((d) => d.path).sort()).toEqual([
      'budget.lines.0',
      'budget.lines.0.category',
      'budget.lines.1',
      'project.renamedField',
    ]);
    expect(dropped.find((d) => d.path === 'budget.lines.0.category')?.value).toBe('gibt_es_nicht');
    expect(data.budget.lines.map((l) => l.id)).toEqual(
      sampleGemeindeApplication()
        .budget.lines.slice(2)
        .map((l) => l.id),
    );
    expect(dropped.find((d) => d.path === 'project.renamedField')?.value).toBe('aus einer älteren Fassung');
  });

  it('starts empty only when nothing is readable, and says so', () => {
    expect(salvageApplicationData(undefined)).toEqual({ data: emptyApplication(), dropped: [], readAsStored: false });
    expect(salvageApplicationData('kaputt')).toEqual({
      data: emptyApplication(),
      dropped: [{ path: '', value: 'kaputt' }],
      readAsStored: false,
    });
  });
});
