import { describe, expect, it } from 'vitest';
import { qualityCheckContent as content } from '../../machines/qualitaetscheck/content';
import { parseQualityCheckContent, perspectives, type Perspective, type QualityCheckContent } from '../../machines/qualitaetscheck/schema';
import {
  answerLabel,
  answerProgress,
  answerValues,
  assess,
  combineProfiles,
  criterionProfile,
  describeDivergence,
  formerVersionLabel,
  missingQuestions,
  pageQuestions,
  profileOf,
  questionsFor,
  ratingOf,
  reconcileVersions,
  roundedQuotient,
  scoreOf,
  type AnswerValue,
  type RecordedAnswer,
  type ScaleValue,
} from '../../machines/qualitaetscheck/scoring';

const criterion = (id: string) => content.criteria.find((c) => c.id === id)!;

/** Answers for the questions of one criterion page, in page order. */
function page(criterionId: string, perspective: Perspective, values: AnswerValue[]): Record<string, RecordedAnswer> {
  const questions = pageQuestions(content, criterionId, perspective);
  expect(values.length).toBeLessThanOrEqual(questions.length);
  return Object.fromEntries(values.map((value, i) => [questions[i]!.id, { value }]));
}

/** The same value for every question a perspective is asked. */
const everything = (perspective: Perspective, value: AnswerValue) =>
  Object.fromEntries(questionsFor(content, perspective).map((q) => [q.questionId, { value }]));

describe('answer scale', () => {
  it('has four steps plus "nicht anwendbar", each with a German label', () => {
    expect(answerValues).toEqual(['0', '1', '2', '3', 'na']);
    expect(Object.values(answerLabel)).toEqual([
      'Trifft gar nicht zu',
      'Trifft eher nicht zu',
      'Trifft eher zu',
      'Trifft voll zu',
      'Nicht anwendbar / kann ich nicht beurteilen',
    ]);
  });
});

describe('scores', () => {
  it('maps the mean of the steps onto 0–100 as an integer', () => {
    expect(scoreOf(['3'])).toBe(100);
    expect(scoreOf(['2'])).toBe(67);
    expect(scoreOf(['1'])).toBe(33);
    expect(scoreOf(['0'])).toBe(0);
    expect(scoreOf(['1', '2'])).toBe(50);
    expect(scoreOf(['3', '2', '2', '2'])).toBe(75);
    expect(scoreOf(['2', '2', '2', '1'])).toBe(58);
    expect(scoreOf([])).toBeNull();
  });

  it('gives the rounded exact value for every combination of up to five answers', () => {
    const steps: ScaleValue[] = ['0', '1', '2', '3'];
    const combos = (n: number): ScaleValue[][] => (n === 0 ? [[]] : combos(n - 1).flatMap((c) => steps.map((s) => [...c, s])));
    for (let n = 1; n <= 5; n++) {
      for (const values of combos(n)) {
        const score = scoreOf(values)!;
        const exact = (values.reduce((a, v) => a + Number(v), 0) / values.length / 3) * 100;
        expect(Number.isInteger(score)).toBe(true);
        expect(score).toBe(Math.round(exact));
      }
    }
    expect(roundedQuotient(1, 2)).toBe(1);
    expect(roundedQuotient(5, 3)).toBe(2);
  });

  it('rates at least 75 as strength and below 50 as a field to develop', () => {
    const t = content.thresholds;
    expect(ratingOf(100, t)).toBe('staerke');
    expect(ratingOf(75, t)).toBe('staerke');
    expect(ratingOf(74, t)).toBe('mittel');
    expect(ratingOf(50, t)).toBe('mittel');
    expect(ratingOf(49, t)).toBe('entwicklungsfeld');
    expect(ratingOf(0, t)).toBe('entwicklungsfeld');
    expect(ratingOf(null, t)).toBe('nicht-bewertbar');
    expect(ratingOf(null, t, 2)).toBe('offen');
  });

  it('hits the boundaries with real answers', () => {
    // "ressourcen-ziele" asks Prozessgestaltende four questions.
    const fifty = criterionProfile(
      content,
      criterion('ressourcen-ziele'),
      'prozessgestaltende',
      page('ressourcen-ziele', 'prozessgestaltende', ['1', '2', '1', '2']),
    );
    expect(fifty).toMatchObject({ score: 50, rating: 'mittel', total: 4, answered: 4, scored: 4, missing: 0, notApplicable: 0 });
    const seventyFive = criterionProfile(
      content,
      criterion('ressourcen-ziele'),
      'prozessgestaltende',
      page('ressourcen-ziele', 'prozessgestaltende', ['3', '2', '2', '2']),
    );
    expect(seventyFive).toMatchObject({ score: 75, rating: 'staerke' });
    const fortyFour = criterionProfile(
      content,
      criterion('ressourcen-ziele'),
      'prozessgestaltende',
      page('ressourcen-ziele', 'prozessgestaltende', ['2', '1', '1', 'na']),
    );
    expect(fortyFour).toMatchObject({ score: 44, rating: 'entwicklungsfeld', scored: 3, notApplicable: 1, answered: 4 });
  });

  it('leaves "nicht anwendbar" out of the mean and calls an all-"na" criterion not rateable', () => {
    const id = 'transparenz';
    const questions = pageQuestions(content, id, 'politik').length;
    const na = Array<AnswerValue>(questions).fill('na');
    expect(criterionProfile(content, criterion(id), 'politik', page(id, 'politik', ['3', ...na.slice(1)]))).toMatchObject({
      score: 100,
      rating: 'staerke',
    });
    const allNa = criterionProfile(content, criterion(id), 'politik', page(id, 'politik', na));
    expect(allNa).toMatchObject({
      score: null,
      rating: 'nicht-bewertbar',
      notApplicable: questions,
      answered: questions,
      scored: 0,
      missing: 0,
    });
    const someOpen = criterionProfile(content, criterion(id), 'politik', page(id, 'politik', ['na']));
    expect(someOpen).toMatchObject({ score: null, rating: 'offen', missing: questions - 1 });
  });
});

describe('result of one respondent', () => {
  it('counts progress over the questions of the perspective', () => {
    for (const p of perspectives) {
      const total = questionsFor(content, p).length;
      expect(total).toBeGreaterThanOrEqual(20);
      expect(answerProgress(content, p, {})).toEqual({ answered: 0, total });
      expect(answerProgress(content, p, everything(p, 'na'))).toEqual({ answered: total, total });
    }
  });

  it('lists strengths, weak criteria with their suggestions, and open questions', () => {
    const answers = {
      ...page('dialogbereitschaft', 'verwaltung', ['3', '3', '2']),
      ...page('transparenz', 'verwaltung', ['0', '1']),
      ...page('mitwirkung-aller', 'verwaltung', ['na', 'na', 'na']),
      // A note alone is kept but does not answer the question.
      [pageQuestions(content, 'lernen', 'verwaltung')[0]!.id]: { note: 'Noch mit dem Team klären.' },
    };
    const result = assess(content, 'verwaltung', answers);
    expect(result.strengths.map((s) => [s.criterionId, s.score])).toEqual([['dialogbereitschaft', 89]]);
    expect(result.weaknesses.map((w) => [w.criterionId, w.score])).toEqual([['transparenz', 17]]);
    const suggestions = result.weaknesses[0]!.suggestions;
    expect(suggestions.length).toBeGreaterThanOrEqual(2);
    expect(suggestions.find((s) => s.kind === 'format')?.format?.label).toBe(
      'Online-Beteiligung (zuerst Beteiligungsportal des Freistaates)',
    );
    expect(suggestions.map((s) => s.kindLabel)).toContain('Ressourcen');
    expect(result.notRateable.map((p) => p.criterionId)).toEqual(['mitwirkung-aller']);
    expect(result.progress).toEqual({ answered: 8, total: questionsFor(content, 'verwaltung').length });
    const missing = missingQuestions(content, 'verwaltung', answers);
    expect(result.missing).toEqual(missing);
    expect(missing).toHaveLength(result.progress.total - 8);
    expect(missing[0]).toEqual({
      criterionId: 'ressourcen-ziele',
      criterionTitle: 'Ressourcen und klare Ziel- und Rahmensetzung',
      questionId: 'ressourcen-ziel-benannt',
      text: criterion('ressourcen-ziele').questions[0]!.text,
    });
    expect(missing.map((m) => m.questionId)).toContain(pageQuestions(content, 'lernen', 'verwaltung')[0]!.id);
    expect(result.otherPerspective).toEqual([]);
    expect(result.formerVersion).toEqual([]);
  });

  it('reports answers that belong to another perspective without scoring them', () => {
    const answers = everything('zivilgesellschaft', '0');
    const asVerwaltung = assess(content, 'verwaltung', answers);
    const onlyZivil = questionsFor(content, 'zivilgesellschaft').filter(
      (q) => !questionsFor(content, 'verwaltung').some((v) => v.questionId === q.questionId),
    );
    expect(asVerwaltung.otherPerspective.map((o) => o.questionId)).toEqual(onlyZivil.map((q) => q.questionId));
    expect(asVerwaltung.otherPerspective[0]!.label).toMatch(/^gehört zur Perspektive /);
    expect(asVerwaltung.otherPerspective[0]!.label).toContain('Zivilgesellschaft');
    expect(asVerwaltung.otherPerspective.find((o) => o.perspectives.length === 3)?.label).toBe(
      'gehört zur Perspektive Zivilgesellschaft, Politik oder Prozessgestaltung',
    );
  });
});

describe('combined profile of several respondents', () => {
  it('flags criteria where the perspectives see things strongly differently', () => {
    const combined = combineProfiles(content, [
      { id: 'a', perspective: 'verwaltung', answers: everything('verwaltung', '3') },
      { id: 'b', perspective: 'politik', answers: everything('politik', '2') },
      { id: 'c', perspective: 'zivilgesellschaft', answers: everything('zivilgesellschaft', '0') },
      { id: 'd', perspective: 'zivilgesellschaft', answers: everything('zivilgesellschaft', '1') },
    ]);
    expect(combined.respondents).toBe(4);
    expect(combined.respondentsByPerspective).toEqual({ verwaltung: 1, zivilgesellschaft: 2, politik: 1, prozessgestaltende: 0 });
    const first = combined.criteria[0]!;
    expect(first).toMatchObject({
      respondents: 4,
      withoutScore: 0,
      mean: 50, // (100 + 67 + 0 + 33) / 4
      min: 0,
      max: 100,
      spread: 100,
      rating: 'mittel',
      perspectiveSpread: 83, // Verwaltung 100, Zivilgesellschaft 17
      highest: 'verwaltung',
      lowest: 'zivilgesellschaft',
      divergent: true,
    });
    expect(first.byPerspective).toEqual([
      { perspective: 'verwaltung', respondents: 1, mean: 100 },
      { perspective: 'zivilgesellschaft', respondents: 2, mean: 17 },
      { perspective: 'politik', respondents: 1, mean: 67 },
    ]);
    expect(combined.divergent).toHaveLength(content.criteria.length);
    // Compared on a statement both answered; the sentence names it.
    const shared = first.sharedGaps[0]!;
    expect(shared).toMatchObject({
      gap: 83,
      highest: { perspective: 'verwaltung', mean: 100 },
      lowest: { perspective: 'zivilgesellschaft', mean: 17 },
    });
    expect(describeDivergence(first)).toBe(
      `Die Sichtweisen gehen deutlich auseinander, am stärksten bei „${shared.text}“: Verwaltung 100 Punkte, Zivilgesellschaft 17 Punkte. Besprechen Sie gemeinsam, woher der Unterschied kommt – gerade hier lohnt sich das Gespräch.`,
    );
  });

  it('uses 34 points between perspective means as the line', () => {
    const at = (a: AnswerValue, b: AnswerValue) =>
      combineProfiles(content, [
        { id: '1', perspective: 'politik', answers: everything('politik', a) },
        { id: '2', perspective: 'prozessgestaltende', answers: everything('prozessgestaltende', b) },
      ]).criteria[0]!;
    expect(at('2', '1')).toMatchObject({ perspectiveSpread: 34, divergent: true }); // 67 vs 33
    expect(at('3', '2')).toMatchObject({ perspectiveSpread: 33, divergent: false }); // 100 vs 67
    expect(describeDivergence(at('3', '2'))).toBeNull();
  });

  it('compares perspectives only on statements both answered: different statements are no divergence', () => {
    // Find a criterion where Verwaltung and Zivilgesellschaft share a statement and also have their own.
    const criterion = content.criteria.find((c) => {
      const v = c.questions.filter((q) => q.perspectives.includes('verwaltung'));
      const z = c.questions.filter((q) => q.perspectives.includes('zivilgesellschaft'));
      return v.some((q) => z.includes(q)) && v.some((q) => !z.includes(q)) && z.some((q) => !v.includes(q));
    })!;
    expect(criterion, 'content has a criterion with shared and own statements').toBeDefined();
    const answer = (perspective: 'verwaltung' | 'zivilgesellschaft', own: AnswerValue, sharedValue: AnswerValue) =>
      Object.fromEntries(
        criterion.questions
          .filter((q) => q.perspectives.includes(perspective))
          .map((q) => [
            q.id,
            { value: q.perspectives.includes('verwaltung') && q.perspectives.includes('zivilgesellschaft') ? sharedValue : own },
          ]),
      );
    // Both agree on the shared statements; they differ only on statements the other never saw.
    const combined = combineProfiles(content, [
      { id: 'v', perspective: 'verwaltung', answers: answer('verwaltung', '3', '2') },
      { id: 'z', perspective: 'zivilgesellschaft', answers: answer('zivilgesellschaft', '0', '2') },
    ]);
    const c = combined.criteria.find((x) => x.criterionId === criterion.id)!;
    expect(c.perspectiveSpread).toBeGreaterThanOrEqual(content.thresholds.divergence); // the means differ …
    expect(c.sharedGaps.every((g) => g.gap === 0)).toBe(true); // … but not on anything both answered
    expect(c.divergent).toBe(false);
    expect(describeDivergence(c)).toBeNull();
  });

  it('names strong disagreement within one perspective, and skips respondents without a score', () => {
    const combined = combineProfiles(content, [
      { id: '1', perspective: 'politik', answers: everything('politik', '3') },
      { id: '2', perspective: 'politik', answers: everything('politik', '0') },
      { id: '3', perspective: 'verwaltung', answers: everything('verwaltung', 'na') },
    ]);
    expect(combined.criteria[0]).toMatchObject({
      respondents: 2,
      withoutScore: 1,
      spread: 100,
      mean: 50,
      perspectiveSpread: null,
      divergent: false,
    });
    expect(combined.criteria[0]!.splitWithin).toEqual([{ perspective: 'politik', min: 0, max: 100 }]);
    expect(combined.disagreements).toHaveLength(content.criteria.length);
    expect(describeDivergence(combined.criteria[0]!)).toContain(
      'Innerhalb der Sichtweise Politik liegen die Einschätzungen weit auseinander (0 bis 100 Punkte).',
    );
    // Nobody has answered a criterion yet: open, not "not rateable".
    const first = content.criteria[0]!.id;
    const partial = combineProfiles(content, [
      {
        id: '4',
        perspective: 'politik',
        answers: Object.fromEntries(pageQuestions(content, first, 'politik').map((q) => [q.id, { value: '2' as const }])),
      },
    ]);
    expect(partial.criteria[0]).toMatchObject({ mean: 67, rating: 'mittel' });
    expect(partial.criteria[1]).toMatchObject({ respondents: 0, mean: null, rating: 'offen' });
    expect(combined.criteria[1]).toMatchObject({ rating: 'mittel' });
    const empty = combineProfiles(content, []).criteria[0]!;
    expect(empty).toMatchObject({ respondents: 0, mean: null, min: null, spread: null, rating: 'nicht-bewertbar', divergent: false });
  });
});

describe('content version changes', () => {
  /** Version B: drops one question, adds one, rewords one. */
  function versionB(): QualityCheckContent {
    const b: QualityCheckContent = JSON.parse(JSON.stringify(content));
    b.version = '2027-1';
    b.publishedOn = '2027-01-15';
    const transparenz = b.criteria.find((c) => c.id === 'transparenz')!;
    transparenz.questions = transparenz.questions.filter((q) => q.id !== 'transparenz-dokumentation');
    transparenz.questions.push({
      id: 'transparenz-dokumentation-zeitnah',
      text: 'Protokolle aller Termine stehen spätestens zwei Wochen danach öffentlich bereit.',
      perspectives: ['verwaltung', 'prozessgestaltende'],
    });
    transparenz.questions[0]!.text = 'Ziel, Ablauf und Zeitplan sind öffentlich beschrieben und leicht zu finden.';
    return b;
  }

  it('keeps every answer and says which still apply, which are new and which belong to an earlier version', () => {
    const b = versionB();
    expect(parseQualityCheckContent(b).ok).toBe(true);
    const answers: Record<string, RecordedAnswer> = {
      ...Object.fromEntries(Object.entries(everything('verwaltung', '2')).map(([id, a]) => [id, { ...a, version: '2026-1' }])),
      'dialog-offen-fuer-argumente': { value: '3', note: 'Gute Erfahrungen beim Spielplatz', version: '2026-1' },
      'frage-aus-dem-test-entwurf': { value: '1' },
    };
    const r = reconcileVersions(answers, content, b, { perspective: 'verwaltung' });
    expect(r.fromVersion).toBe('2026-1');
    expect(r.toVersion).toBe('2027-1');
    expect(r.stillApplies.length + r.formerVersion.length).toBe(Object.keys(answers).length);
    expect(r.formerVersion).toEqual([
      {
        questionId: 'transparenz-dokumentation',
        answer: { value: '2', version: '2026-1' },
        text: 'Zwischenergebnisse und Protokolle werden zeitnah dokumentiert und allen zugänglich gemacht.',
        criterionTitle: 'Transparenz',
        version: '2026-1',
        label: formerVersionLabel,
      },
      {
        questionId: 'frage-aus-dem-test-entwurf',
        answer: { value: '1' },
        text: null,
        criterionTitle: null,
        version: null,
        label: formerVersionLabel,
      },
    ]);
    expect(formerVersionLabel).toBe('gehört zu einer früheren Fassung');
    expect(r.newQuestions.map((q) => q.questionId)).toEqual(['transparenz-dokumentation-zeitnah']);
    expect(r.unanswered.map((q) => q.questionId)).toEqual(['transparenz-dokumentation-zeitnah']);
    expect(r.stillApplies.find((a) => a.questionId === 'transparenz-ablauf-oeffentlich')?.textChanged).toBe(true);
    expect(r.stillApplies.find((a) => a.questionId === 'dialog-offen-fuer-argumente')).toMatchObject({
      textChanged: false,
      answer: { value: '3', note: 'Gute Erfahrungen beim Spielplatz' },
    });
    // The answer sheet itself is untouched.
    expect(Object.keys(answers)).toHaveLength(r.stillApplies.length + 2);
  });

  it('scores under the new version and reports dropped answers on the result', () => {
    const b = versionB();
    const answers = Object.fromEntries(Object.entries(everything('verwaltung', '3')).map(([id, a]) => [id, { ...a, version: '2026-1' }]));
    const result = assess(b, 'verwaltung', answers, { archive: [content, b] });
    expect(result.formerVersion.map((f) => [f.questionId, f.version, f.label])).toEqual([
      ['transparenz-dokumentation', '2026-1', 'gehört zu einer früheren Fassung'],
    ]);
    expect(result.formerVersion[0]!.text).toContain('Protokolle');
    expect(result.missing.map((m) => m.questionId)).toEqual(['transparenz-dokumentation-zeitnah']);
    expect(profileOf(b, 'verwaltung', answers).find((p) => p.criterionId === 'transparenz')).toMatchObject({ score: 100, missing: 1 });
  });
});
