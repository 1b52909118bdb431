import { describe, expect, it } from 'vitest';
import { nonPersonalContext } from '../../machines/frl/application/question-context';
import { stepIds, stepInfo } from '../../machines/frl/application/steps';
import { askSchema, contextLines, hintSchema, threadNumberOf } from '../../machines/netzwerk/context';
import { sampleGemeindeApplication, sampleVereinApplication } from '../support/sample-application';

describe('the context of a question asked from a wizard step (issue 20 Nr. 6, ADR 0075)', () => {
  it('never carries what the applicant typed: names, e-mail addresses, amounts, places, titles', () => {
    const data = sampleGemeindeApplication();
    data.project.title = 'Bürgerrat Wiesenbach mit Anna Beispiel';
    data.project.summary = 'Kontakt: anna.beispiel@wiesenbach.example, Tel. 0351 123456';
    data.project.placeDescription = 'Marktplatz 1, 01234 Wiesenbach';
    data.project.formats = data.project.formats.map((f) => ({ ...f, description: 'Moderation durch Max Mustermann' }));
    const typed = [
      'Wiesenbach',
      'Anna',
      'Mustermann',
      '@',
      'Marktplatz',
      '0351',
      ...(data.applicant.partners ?? []).map((p) => p.name ?? '').filter(Boolean),
    ];
    expect(data.project.formats.length).toBeGreaterThan(0);
    for (const step of stepIds) {
      const context = nonPersonalContext(data, step);
      const text = JSON.stringify(context) + contextLines(context).join(' ');
      for (const word of typed) expect(text).not.toContain(word);
      // No amounts and no dates: digits appear only in the directive's clause numbers.
      expect(text.replace(/FRL Teil 2 [AB] II Nr\. \d\.\d/g, '').replace(/Nr\. \d\.\d/g, '')).not.toMatch(/\d/);
      expect(Object.keys(context).sort()).toEqual(['formats', 'routeLabel', 'step', 'stepTitle']);
    }
  });

  it('names the step, the funding route and the chosen formats from the catalogues', () => {
    const data = sampleVereinApplication();
    const context = nonPersonalContext(data, 'kosten');
    expect(context.stepTitle).toBe(stepInfo.kosten.title);
    const lines = contextLines(context);
    expect(lines[0]).toBe(`Schritt »${context.stepTitle}«`);
    if (context.routeLabel) expect(lines[1]).toMatch(/^Förderweg .+\(FRL Teil 2/);
    expect(nonPersonalContext({ ...data, project: { ...data.project, route: undefined, formats: [] } }, 'vorhaben')).toMatchObject({
      routeLabel: null,
      formats: [],
    });
  });

  it('the question form keeps the thread limits and reads the checkbox', () => {
    const base = { category: 'foerderung', title: 'Eigenanteil bei Teil B?', question: 'ja', body: 'Wie rechnen andere das?' };
    const ok = askSchema.safeParse({ ...base, kontext: true });
    expect(ok.success && ok.data.kontext).toBe(true);
    expect(askSchema.safeParse(base).success).toBe(true);
    const long = askSchema.safeParse({ ...base, title: 'x'.repeat(151) });
    expect(long.success).toBe(false);
  });
});

describe('an advisor points to a thread', () => {
  it('reads the thread from its number or its address', () => {
    expect(threadNumberOf('12')).toBe(12);
    expect(threadNumberOf('#12')).toBe(12);
    expect(threadNumberOf('Thema 7')).toBe(7);
    expect(threadNumberOf('https://foerderlotse.example/netzwerk/themen/34?beitrag=5#beitrag-5')).toBe(34);
    expect(threadNumberOf('/netzwerk/themen/3')).toBe(3);
    expect(threadNumberOf('zwölf')).toBeNull();
    expect(threadNumberOf('/netzwerk/mitglieder/3')).toBeNull();
    expect(threadNumberOf('1234567890')).toBeNull();
  });

  it('refuses an empty or unreadable thread and a note over 1000 characters with German messages', () => {
    const empty = hintSchema.safeParse({ thema: '' });
    expect(empty.success).toBe(false);
    const bad = hintSchema.safeParse({ thema: 'irgendwas' });
    expect(bad.success ? null : bad.error.issues[0]?.message).toMatch(/Nummer des Themas/);
    const long = hintSchema.safeParse({ thema: '3', notiz: 'x'.repeat(1001) });
    expect(long.success ? null : long.error.issues[0]?.message).toMatch(/höchstens 1\.000 Zeichen/);
    expect(hintSchema.safeParse({ thema: '3', notiz: 'Siehe dort.' }).success).toBe(true);
  });
});
