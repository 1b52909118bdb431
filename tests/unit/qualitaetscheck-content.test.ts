import { describe, expect, it } from 'vitest';
import { participationFormats } from '../../machines/shared/participation';
import { findQualityCheckContent, qualityCheckContent, qualityCheckContentArchive } from '../../machines/qualitaetscheck/content';
import {
  parseQualityCheckContent,
  perspectives,
  qualityCheckContentSchema,
  suggestionKinds,
  type QualityCheckContent,
} from '../../machines/qualitaetscheck/schema';

const clone = (content: QualityCheckContent): QualityCheckContent => JSON.parse(JSON.stringify(content));

describe('QualitätsCheck content 2026-1', () => {
  const content = qualityCheckContent;

  it('validates against its schema and survives a JSON round trip unchanged', () => {
    const parsed = parseQualityCheckContent(JSON.stringify(content));
    expect(parsed).toEqual({ ok: true, content });
    expect(qualityCheckContentSchema.parse(content)).toEqual(content);
  });

  it('has the ten criteria of the Netzwerk Bürgerbeteiligung, in order', () => {
    expect(content.criteria.map((c) => c.title)).toEqual([
      'Dialogbereitschaft und -fähigkeit',
      'Ressourcen und klare Ziel- und Rahmensetzung',
      'Inhaltliche Gestaltungsspielräume',
      'Dialog auf Augenhöhe',
      'Verbindlichkeit und Verlässlichkeit',
      'Gestaltung des Prozesses',
      'Transparenz',
      'Mitwirkung aller Betroffenen',
      'Aus Erfahrung lernen',
      'Lokale Beteiligungskultur',
    ]);
    expect(content.version).toBe('2026-1');
    expect(content.thresholds).toEqual({ strength: 75, weak: 50, divergence: 34 });
  });

  it('asks 3–5 questions per criterion and at least 2 of every perspective', () => {
    for (const criterion of content.criteria) {
      expect(criterion.questions.length, criterion.id).toBeGreaterThanOrEqual(3);
      expect(criterion.questions.length, criterion.id).toBeLessThanOrEqual(5);
      for (const perspective of perspectives) {
        const count = criterion.questions.filter((q) => q.perspectives.includes(perspective)).length;
        expect(count, `${criterion.id} / ${perspective}`).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it('gives every criterion a one-sentence explanation and 2–4 suggestions of a known kind', () => {
    for (const criterion of content.criteria) {
      expect(criterion.explanation.match(/[.!?](\s|$)/g)?.length, criterion.id).toBe(1);
      expect(criterion.suggestions.length).toBeGreaterThanOrEqual(2);
      expect(criterion.suggestions.length).toBeLessThanOrEqual(4);
      for (const s of criterion.suggestions) expect(suggestionKinds).toContain(s.kind);
    }
  });

  it('suggests only formats that exist in the participation formats catalogue', () => {
    const known = new Set(participationFormats.map((f) => f.id));
    const suggested = content.criteria.flatMap((c) => c.suggestions.filter((s) => s.kind === 'format'));
    expect(suggested.length).toBeGreaterThanOrEqual(10);
    for (const s of suggested) expect(known.has(s.formatId!), `${s.id} → ${s.formatId}`).toBe(true);
  });

  it('uses unique, stable-looking ids', () => {
    const questionIds = content.criteria.flatMap((c) => c.questions.map((q) => q.id));
    expect(new Set(questionIds).size).toBe(questionIds.length);
    for (const id of [...questionIds, ...content.criteria.map((c) => c.id)]) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('addresses readers formally (no "du")', () => {
    const texts = JSON.stringify(content);
    expect(texts).not.toMatch(/\b(du|dein|deine|deinen|dich|dir|euch|euer)\b/i);
  });

  it('is in the archive and can be found by version', () => {
    expect(findQualityCheckContent('2026-1')).toBe(content);
    expect(findQualityCheckContent('1999-1')).toBeUndefined();
    expect(qualityCheckContentArchive.at(-1)).toBe(content);
  });
});

describe('validating replacement content', () => {
  const errorsOf = (input: unknown) => {
    const result = parseQualityCheckContent(input);
    if (result.ok) throw new Error('expected errors');
    return result.errors;
  };

  it('reports invalid JSON in German', () => {
    expect(errorsOf('{ "version": ')[0]).toMatch(/^Der Inhalt ist kein gültiges JSON/);
  });

  it('names the path and the criterion of each problem', () => {
    const broken = clone(qualityCheckContent) as unknown as Record<string, any>;
    broken.criteria[2].questions[1].perspectives = ['verwaltung'];
    broken.criteria[2].questions[3].perspectives = ['verwaltung'];
    broken.criteria[0].suggestions[0].formatId = 'flashmob';
    broken.criteria[1].questions[0].id = 'dialog-offen-fuer-argumente';
    broken.criteria[3].questions[0].text = '';
    broken.publishedOn = '2026-02-30';
    broken.extra = true;
    const errors = errorsOf(broken);
    expect(errors).toEqual(
      expect.arrayContaining([
        'criteria[2].questions (Kriterium „gestaltungsspielraum“): Für die Perspektive „Zivilgesellschaft“ gibt es nur 1 Frage(n); nötig sind mindestens 2.',
        'criteria[0].suggestions[0].formatId (Kriterium „dialogbereitschaft“): Das Format „flashmob“ steht nicht im Formatkatalog.',
        'criteria[1].questions[0].id (Kriterium „ressourcen-ziele“): Die Kennung „dialog-offen-fuer-argumente“ kommt doppelt vor (Frage, schon bei criteria[0].questions[0]).',
        'criteria[3].questions[0].text (Kriterium „augenhoehe“): Bitte geben Sie den Text der Frage an.',
        'publishedOn: Dieses Datum gibt es nicht.',
        '(gesamter Inhalt): Unbekanntes Feld: „extra“.',
      ]),
    );
  });

  it('words generic type errors in German', () => {
    const broken = clone(qualityCheckContent) as unknown as Record<string, any>;
    broken.thresholds = { strength: '75', weak: 80, divergence: 34 };
    delete broken.criteria[4].title;
    broken.criteria[5].questions[0].perspectives = ['buerger', 'politik'];
    const errors = errorsOf(broken);
    expect(errors).toEqual(
      expect.arrayContaining([
        'thresholds.strength: Bitte geben Sie die Schwelle für Stärken als Zahl an.',
        'criteria[4].title (Kriterium „verbindlichkeit“): Bitte geben Sie den Titel des Kriteriums als Text an.',
        'criteria[5].questions[0].perspectives[0] (Kriterium „prozessgestaltung“): Erlaubt sind nur die Perspektiven verwaltung, zivilgesellschaft, politik, prozessgestaltende.',
      ]),
    );
    for (const message of errors) expect(message).not.toMatch(/expected|received|Invalid/);
  });

  it('refuses reserved page ids, too few questions and a weak threshold above the strength threshold', () => {
    const broken = clone(qualityCheckContent);
    broken.criteria[0]!.id = 'ergebnis';
    broken.criteria[1]!.questions = broken.criteria[1]!.questions.slice(0, 2);
    broken.thresholds = { strength: 60, weak: 70, divergence: 34 };
    const errors = errorsOf(broken);
    expect(errors.some((e) => e.startsWith('criteria[0].id') && e.includes('reserviert'))).toBe(true);
    expect(errors).toContain('criteria[1].questions (Kriterium „ressourcen-ziele“): Jedes Kriterium braucht mindestens 3 Fragen.');
    expect(errors).toContain('thresholds: Die Schwelle für Entwicklungsfelder muss unter der Schwelle für Stärken liegen.');
  });
});
