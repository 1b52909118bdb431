import { describe, expect, it } from 'vitest';
import { qualityCheckContent as v1 } from '../../machines/qualitaetscheck/content';
import { currentPage, resultOf } from '../../machines/qualitaetscheck/machine';
import { advanceCheck, freshCheck, persistableCheck, restoreCheck, salvage } from '../../machines/qualitaetscheck/persistence';
import { combinedStrengths, combinedWeaknesses, respondentsText, scoreText } from '../../machines/qualitaetscheck/report';
import type { QualityCheckContent } from '../../machines/qualitaetscheck/schema';
import { combineProfiles, pageQuestions, type AnswerValue } from '../../machines/qualitaetscheck/scoring';
import {
  compareVersionLabels,
  contentArchive,
  currentOf,
  describeContentChange,
  nextVersionLabel,
  publishProblems,
  questionCounts,
} from '../../machines/qualitaetscheck/versions';

const clone = (content: QualityCheckContent, label: string): QualityCheckContent => ({
  ...JSON.parse(JSON.stringify(content)),
  version: label,
});
const ids = v1.criteria.map((c) => c.id);
const pageAnswers = (content: QualityCheckContent, criterion: string, value: AnswerValue) =>
  Object.fromEntries(pageQuestions(content, criterion, 'verwaltung').map((q) => [q.id, { value }]));

/** A JSON round trip, as the database does it. */
const stored = (value: unknown) => JSON.parse(JSON.stringify(value));

describe('version labels', () => {
  it('order by year, then number', () => {
    const labels = ['2027-1', '2026-10', '2026-2', '2026-1'];
    expect([...labels].sort(compareVersionLabels)).toEqual(['2026-1', '2026-2', '2026-10', '2027-1']);
  });

  it('propose the next label, starting again in a new year', () => {
    expect(nextVersionLabel(['2026-1', '2026-9'], '2026-12-01')).toBe('2026-10');
    expect(nextVersionLabel(['2026-1', '2026-9'], '2027-01-05')).toBe('2027-1');
    expect(nextVersionLabel([], '2026-12-01')).toBe('2026-1');
  });

  it('build the archive from the code and the published versions; the code’s label wins', () => {
    const older = clone(v1, '2026-1');
    older.title = 'Überschrieben';
    const archive = contentArchive([clone(v1, '2027-1'), older, clone(v1, '2026-3')]);
    expect(archive.map((c) => c.version)).toEqual(['2026-1', '2026-3', '2027-1']);
    expect(archive[0]!.title).toBe(v1.title);
    expect(currentOf(archive).version).toBe('2027-1');
  });

  it('refuse an existing or an older label', () => {
    const archive = [v1, clone(v1, '2026-4')];
    expect(publishProblems(clone(v1, '2026-5'), archive)).toEqual([]);
    expect(publishProblems(clone(v1, '2026-4'), archive)[0]).toMatch(/gibt es schon.*„2026-5“/);
    expect(publishProblems(clone(v1, '2026-3'), archive)[0]).toMatch(/älter als die aktuelle Fassung „2026-4“/);
  });
});

describe('what a new version changes', () => {
  it('names added, removed and reworded statements, perspective and threshold changes', () => {
    const next = clone(v1, '2027-1');
    const lernen = next.criteria.find((c) => c.id === 'lernen')!;
    lernen.questions = lernen.questions.filter((q) => q.id !== 'lernen-erkenntnisse-weitergeben');
    lernen.questions.push({ id: 'lernen-neu', text: 'Eine neue Aussage.', perspectives: ['verwaltung', 'politik'] });
    next.criteria[0]!.questions[0]!.text = 'Neu formuliert.';
    next.criteria[0]!.questions[2]!.perspectives = ['verwaltung', 'prozessgestaltende', 'politik'];
    next.thresholds = { ...next.thresholds, divergence: 40 };
    const change = describeContentChange(v1, next);
    expect(change.removedQuestions.map((q) => q.questionId)).toEqual(['lernen-erkenntnisse-weitergeben']);
    expect(change.addedQuestions.map((q) => q.questionId)).toEqual(['lernen-neu']);
    expect(change.rewordedQuestions).toEqual([
      expect.objectContaining({
        questionId: v1.criteria[0]!.questions[0]!.id,
        previousText: v1.criteria[0]!.questions[0]!.text,
        text: 'Neu formuliert.',
      }),
    ]);
    expect(change.perspectiveChanges).toEqual([
      expect.objectContaining({ questionId: 'dialog-moderation-kompetenz', added: ['politik'], removed: [] }),
    ]);
    expect(change.thresholdsChanged).toBe(true);
    expect(change.questionsUnchanged).toBe(false);
    expect(describeContentChange(v1, clone(v1, '2027-2'))).toMatchObject({
      questionsUnchanged: true,
      thresholdsChanged: false,
      addedCriteria: [],
      removedCriteria: [],
    });
  });

  it('counts the statements of each perspective', () => {
    const counts = questionCounts(v1);
    // Every statement counts once for each perspective it is asked of.
    const assignments = v1.criteria.flatMap((c) => c.questions).reduce((sum, q) => sum + q.perspectives.length, 0);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(assignments);
    expect(counts.verwaltung).toBe(v1.criteria.flatMap((c) => c.questions).filter((q) => q.perspectives.includes('verwaltung')).length);
    const fewer = clone(v1, '2027-1');
    fewer.criteria[0]!.questions = fewer.criteria[0]!.questions.filter(
      (q) => !q.perspectives.includes('zivilgesellschaft') || q.perspectives.length === 4,
    );
    expect(questionCounts(fewer).zivilgesellschaft).toBe(counts.zivilgesellschaft - 1);
  });
});

describe('stored checks', () => {
  it('round-trip through JSON unchanged', () => {
    let snapshot = advanceCheck(freshCheck(v1), v1, [{ type: 'perspective.choose', perspective: 'verwaltung' }]);
    snapshot = advanceCheck(snapshot, v1, [{ type: 'criterion.answer', criterion: ids[0]!, answers: pageAnswers(v1, ids[0]!, '2') }]);
    const restored = restoreCheck(stored(persistableCheck(snapshot, v1)), v1);
    expect(restored.context).toEqual(snapshot.context);
    expect(currentPage(restored)).toBe(ids[1]);
  });

  it('keep their version’s pages until restored under a newer one, which keeps every answer', () => {
    const next = clone(v1, '2027-1');
    next.criteria = next.criteria.filter((c) => c.id !== ids[1]);
    let snapshot = advanceCheck(freshCheck(v1), v1, [{ type: 'perspective.choose', perspective: 'verwaltung' }]);
    snapshot = advanceCheck(snapshot, v1, [{ type: 'criterion.answer', criterion: ids[0]!, answers: pageAnswers(v1, ids[0]!, '3') }]);
    snapshot = advanceCheck(snapshot, v1, [{ type: 'criterion.answer', criterion: ids[1]!, answers: pageAnswers(v1, ids[1]!, '0') }]);
    snapshot = advanceCheck(snapshot, v1, [{ type: 'goto', page: ids[1]! }]);
    const persisted = stored(persistableCheck(snapshot, v1));
    expect(currentPage(restoreCheck(persisted, v1))).toBe(ids[1]);
    const adopted = restoreCheck(persisted, next);
    expect(adopted.context.contentVersion).toBe('2027-1');
    // The page on screen no longer exists: the respondent lands on the result.
    expect(currentPage(adopted)).toBe('ergebnis');
    expect(adopted.context.answers).toEqual(snapshot.context.answers);
    const result = resultOf(adopted, next, [v1, next])!;
    expect(result.formerVersion.map((f) => f.questionId).sort()).toEqual(
      pageQuestions(v1, ids[1]!, 'verwaltung')
        .map((q) => q.id)
        .sort(),
    );
    expect(result.formerVersion.every((f) => f.label === 'gehört zu einer früheren Fassung' && f.version === '2026-1')).toBe(true);
  });

  it('are rebuilt around answers and perspective when the machine cannot restore them', () => {
    const answers = pageAnswers(v1, ids[0]!, '1');
    for (const broken of [
      { status: 'active', value: 'gibt-es-nicht', context: { perspective: 'politik', answers } },
      { context: { perspective: 'politik', answers } },
    ]) {
      const rebuilt = restoreCheck(stored(broken), v1);
      expect(rebuilt.context.perspective).toBe('politik');
      expect(rebuilt.context.answers).toEqual(answers);
      expect(currentPage(rebuilt)).toBe(ids[0]);
    }
    expect(currentPage(restoreCheck(null, v1))).toBe('perspektive');
    expect(currentPage(restoreCheck('kein Objekt', v1))).toBe('perspektive');
  });

  it('lose only the unreadable answers of a damaged sheet', () => {
    const read = salvage({
      context: { perspective: 'presse', answers: { a: { value: '2', note: 'gut' }, b: { value: 'sehr' }, c: 'x', d: { value: 'na' } } },
    });
    expect(read).toEqual({ perspective: null, answers: { a: { value: '2', note: 'gut' }, d: { value: 'na' } } });
  });
});

describe('wording of combined results', () => {
  const zero = Object.fromEntries(pageQuestions(v1, ids[0]!, 'zivilgesellschaft').map((q) => [q.id, { value: '0' as const }]));
  const full = pageAnswers(v1, ids[0]!, '3');
  const combined = combineProfiles(v1, [
    { id: 'a', perspective: 'verwaltung', answers: full },
    { id: 'b', perspective: 'zivilgesellschaft', answers: zero },
    { id: 'c', perspective: 'zivilgesellschaft', answers: {} },
  ]);

  it('counts respondents per perspective', () => {
    expect(respondentsText(combined.respondentsByPerspective)).toBe('3 Personen: Verwaltung 1, Zivilgesellschaft 2');
    expect(respondentsText({ verwaltung: 1, zivilgesellschaft: 0, politik: 0, prozessgestaltende: 0 })).toBe('1 Person: Verwaltung 1');
    expect(respondentsText({ verwaltung: 0, zivilgesellschaft: 0, politik: 0, prozessgestaltende: 0 })).toBe('noch keine Antworten');
  });

  it('rates the group’s mean and attaches the suggestions of weak criteria', () => {
    // Mean of 100 and 0 is 50: "teilweise erfüllt", neither strength nor field to develop.
    expect(combined.criteria[0]).toMatchObject({ mean: 50, rating: 'mittel', divergent: true });
    expect(combinedStrengths(combined)).toEqual([]);
    const weak = combineProfiles(v1, [{ id: 'b', perspective: 'zivilgesellschaft', answers: zero }]);
    expect(combinedWeaknesses(v1, weak)).toEqual([
      expect.objectContaining({
        criterionId: ids[0],
        explanation: v1.criteria[0]!.explanation,
        suggestions: expect.arrayContaining([expect.objectContaining({ kindLabel: 'Beteiligungsformat' })]),
      }),
    ]);
    expect(scoreText(null)).toBe('keine Wertung');
    expect(scoreText(67)).toBe('67 von 100 Punkten');
  });
});
