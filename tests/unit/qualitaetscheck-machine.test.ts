import { parseWithZod } from '@conform-to/zod/v4';
import { createActor } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { describe, expect, it } from 'vitest';
import { qualityCheckContent as content } from '../../machines/qualitaetscheck/content';
import { pagesOf, perspectivePage, resultPage } from '../../machines/qualitaetscheck/flow';
import {
  answerInvalidMessage,
  answerRequiredMessage,
  criterionPageSchema,
  criterionPageValues,
  perspectiveFormSchema,
  perspectiveRequiredMessage,
} from '../../machines/qualitaetscheck/form';
import {
  canGoBack,
  createQualityCheckMachine,
  currentPage,
  needsContentAdoption,
  qualityCheckMachine,
  resultOf,
  versionChangeOf,
  type QualityCheckEvent,
  type QualityCheckSnapshot,
} from '../../machines/qualitaetscheck/machine';
import { perspectives, type Perspective, type QualityCheckContent } from '../../machines/qualitaetscheck/schema';
import { pageQuestions, questionsFor, type AnswerValue } from '../../machines/qualitaetscheck/scoring';

const criterionIds = content.criteria.map((c) => c.id);
const pages = pagesOf(content);

const pageAnswers = (criterion: string, perspective: Perspective, value: AnswerValue) =>
  Object.fromEntries(pageQuestions(content, criterion, perspective).map((q) => [q.id, { value }]));

/** Events worth trying in a snapshot: the answers do not shape the flow, so two samples suffice. */
function eventsFor(snapshot: QualityCheckSnapshot, options: { forwardOnly?: boolean } = {}): QualityCheckEvent[] {
  const { page, perspective } = snapshot.context;
  const events: QualityCheckEvent[] = [];
  if (snapshot.matches('perspektive')) {
    for (const p of options.forwardOnly ? perspectives.slice(0, 1) : perspectives)
      events.push({ type: 'perspective.choose', perspective: p });
  }
  if (snapshot.matches('kriterium') && perspective) {
    events.push({ type: 'criterion.answer', criterion: page, answers: pageAnswers(page, perspective, '2') });
    if (!options.forwardOnly) events.push({ type: 'criterion.answer', criterion: page, answers: {} }, { type: 'finish' });
  }
  if (options.forwardOnly) return events;
  events.push({ type: 'back' });
  for (const target of pages) events.push({ type: 'goto', page: target });
  for (const p of perspectives) events.push({ type: 'perspective.change', perspective: p });
  return events;
}

const serializeState = (snapshot: QualityCheckSnapshot) =>
  JSON.stringify([snapshot.value, snapshot.context.page, snapshot.context.perspective, snapshot.context.visited]);

describe('QualitätsCheck flow (model-based)', () => {
  const paths = getShortestPaths(qualityCheckMachine, { events: (s) => eventsFor(s), serializeState });

  it('reaches every state and every page', () => {
    expect(new Set(paths.map((p) => p.state.value))).toEqual(new Set(['perspektive', 'kriterium', 'ergebnis']));
    expect(new Set(paths.map((p) => currentPage(p.state)))).toEqual(new Set(pages));
    for (const p of perspectives) {
      expect(paths.some((path) => path.state.matches('ergebnis') && path.state.context.perspective === p)).toBe(true);
    }
  });

  it('keeps state and page in step, and the page among the visited ones', () => {
    for (const { state } of paths) {
      const { page, visited } = state.context;
      const expected = page === perspectivePage ? 'perspektive' : page === resultPage ? 'ergebnis' : 'kriterium';
      expect(state.value).toBe(expected);
      expect(visited).toContain(page);
      // Pages are reached in order (only the result can be reached early, by "finish"), so the
      // visited pages are always the start of the page list, perhaps plus the result.
      const beforeResult = visited.filter((p) => p !== resultPage);
      expect(beforeResult).toEqual(pages.slice(0, beforeResult.length));
    }
  });

  it('can reach the result from every state by answering onwards', () => {
    for (const { state } of paths) {
      const onwards = getShortestPaths(qualityCheckMachine, {
        events: (s) => eventsFor(s, { forwardOnly: true }),
        serializeState,
        fromState: state,
        toState: (s) => s.matches('ergebnis'),
      });
      expect(onwards.length, serializeState(state)).toBeGreaterThan(0);
    }
  });
});

function start(machine = qualityCheckMachine) {
  const actor = createActor(machine, { input: {} });
  actor.start();
  return actor;
}
type Actor = ReturnType<typeof start>;
const now = (a: Actor) => a.getSnapshot();

function answerAll(a: Actor, value: AnswerValue) {
  for (const id of criterionIds) {
    a.send({ type: 'criterion.answer', criterion: id, answers: pageAnswers(id, now(a).context.perspective!, value) });
  }
}

describe('QualitätsCheck flow', () => {
  it('asks for the perspective first, then one page per criterion, then the result', () => {
    const a = start();
    expect(currentPage(now(a))).toBe('perspektive');
    expect(canGoBack(now(a))).toBe(false);
    a.send({ type: 'criterion.answer', criterion: criterionIds[0]!, answers: {} });
    a.send({ type: 'finish' });
    expect(currentPage(now(a))).toBe('perspektive');
    a.send({ type: 'perspective.choose', perspective: 'politik' });
    expect(currentPage(now(a))).toBe(criterionIds[0]);
    answerAll(a, '3');
    expect(currentPage(now(a))).toBe('ergebnis');
    expect(now(a).context.visited).toEqual(pages);
    const result = resultOf(now(a), content)!;
    expect(result.progress.answered).toBe(result.progress.total);
    expect(result.strengths).toHaveLength(10);
  });

  it('ignores an unknown perspective and answers for a page not on screen', () => {
    const a = start();
    a.send({ type: 'perspective.choose', perspective: 'presse' as Perspective });
    expect(currentPage(now(a))).toBe('perspektive');
    a.send({ type: 'perspective.choose', perspective: 'verwaltung' });
    a.send({ type: 'criterion.answer', criterion: criterionIds[3]!, answers: pageAnswers(criterionIds[3]!, 'verwaltung', '3') });
    expect(currentPage(now(a))).toBe(criterionIds[0]);
    expect(now(a).context.answers).toEqual({});
  });

  it('lets a page be saved with open questions and lists them on the result', () => {
    const a = start();
    a.send({ type: 'perspective.choose', perspective: 'zivilgesellschaft' });
    const [first] = pageQuestions(content, criterionIds[0]!, 'zivilgesellschaft');
    a.send({
      type: 'criterion.answer',
      criterion: criterionIds[0]!,
      answers: { [first!.id]: { value: '1', note: '  Beim letzten Mal  ' } },
    });
    expect(currentPage(now(a))).toBe(criterionIds[1]);
    a.send({ type: 'finish' });
    expect(currentPage(now(a))).toBe('ergebnis');
    expect(now(a).context.answers).toEqual({ [first!.id]: { value: '1', note: 'Beim letzten Mal', version: '2026-1' } });
    const result = resultOf(now(a), content)!;
    expect(result.missing).toHaveLength(questionsFor(content, 'zivilgesellschaft').length - 1);
    expect(result.profile[0]).toMatchObject({
      score: 33,
      missing: pageQuestions(content, criterionIds[0]!, 'zivilgesellschaft').length - 1,
    });
  });

  it('goes back page by page and jumps only to visited pages', () => {
    const a = start();
    a.send({ type: 'perspective.choose', perspective: 'verwaltung' });
    a.send({ type: 'criterion.answer', criterion: criterionIds[0]!, answers: {} });
    a.send({ type: 'criterion.answer', criterion: criterionIds[1]!, answers: {} });
    a.send({ type: 'goto', page: criterionIds[5]! });
    a.send({ type: 'goto', page: 'ergebnis' });
    expect(currentPage(now(a))).toBe(criterionIds[2]);
    a.send({ type: 'goto', page: criterionIds[0]! });
    expect(currentPage(now(a))).toBe(criterionIds[0]);
    a.send({ type: 'goto', page: criterionIds[2]! });
    expect(currentPage(now(a))).toBe(criterionIds[2]);
    a.send({ type: 'back' });
    a.send({ type: 'back' });
    expect(currentPage(now(a))).toBe(criterionIds[0]);
    a.send({ type: 'back' });
    expect(currentPage(now(a))).toBe('perspektive');
    a.send({ type: 'back' });
    expect(currentPage(now(a))).toBe('perspektive');
    a.send({ type: 'goto', page: criterionIds[1]! });
    expect(currentPage(now(a))).toBe(criterionIds[1]);
    a.send({ type: 'finish' });
    expect(currentPage(now(a))).toBe('ergebnis');
    // "Zurück" from a result reached early leads to the furthest page reached, not to unseen ones.
    a.send({ type: 'back' });
    expect(currentPage(now(a))).toBe(criterionIds[2]);
    expect(now(a).context.visited).toEqual(['perspektive', ...criterionIds.slice(0, 3), 'ergebnis']);
  });

  it('goes back from the result to the last criterion after a full run', () => {
    const a = start();
    a.send({ type: 'perspective.choose', perspective: 'verwaltung' });
    answerAll(a, 'na');
    a.send({ type: 'back' });
    expect(currentPage(now(a))).toBe(criterionIds.at(-1));
  });

  it('keeps every answer when the perspective changes mid-way, and reports the other perspective\u2019s answers', () => {
    const a = start();
    a.send({ type: 'perspective.choose', perspective: 'verwaltung' });
    answerAll(a, '0');
    const asVerwaltung = now(a).context.answers;
    const before = resultOf(now(a), content)!;
    a.send({ type: 'goto', page: criterionIds[2]! });
    a.send({ type: 'perspective.change', perspective: 'zivilgesellschaft' });
    expect(now(a).context.perspective).toBe('zivilgesellschaft');
    expect(currentPage(now(a))).toBe(criterionIds[2]);
    expect(now(a).context.answers).toEqual(asVerwaltung);
    // The page now shows the Zivilgesellschaft questions; answering it touches only those.
    a.send({ type: 'criterion.answer', criterion: criterionIds[2]!, answers: pageAnswers(criterionIds[2]!, 'zivilgesellschaft', '3') });
    const answers = now(a).context.answers;
    for (const [id, answer] of Object.entries(asVerwaltung)) {
      const shown = pageQuestions(content, criterionIds[2]!, 'zivilgesellschaft').some((q) => q.id === id);
      expect(answers[id]).toEqual(shown ? { value: '3', version: '2026-1' } : answer);
    }
    a.send({ type: 'goto', page: 'ergebnis' });
    const result = resultOf(now(a), content)!;
    const verwaltungOnly = questionsFor(content, 'verwaltung').filter(
      (q) => !questionsFor(content, 'zivilgesellschaft').some((z) => z.questionId === q.questionId),
    );
    expect(result.otherPerspective.map((o) => o.questionId)).toEqual(verwaltungOnly.map((q) => q.questionId));
    expect(result.missing.length).toBeGreaterThan(0);
    // Back to the first perspective: the same profile as before, apart from the page answered since.
    a.send({ type: 'perspective.change', perspective: 'verwaltung' });
    const again = resultOf(now(a), content)!;
    expect(again.profile.filter((p) => p.criterionId !== criterionIds[2])).toEqual(
      before.profile.filter((p) => p.criterionId !== criterionIds[2]),
    );
  });

  it('ignores a perspective change before a perspective is chosen, or to the same one', () => {
    const a = start();
    a.send({ type: 'perspective.change', perspective: 'politik' });
    expect(now(a).context.perspective).toBeNull();
    a.send({ type: 'perspective.choose', perspective: 'politik' });
    const snapshot = now(a);
    a.send({ type: 'perspective.change', perspective: 'politik' });
    expect(now(a)).toBe(snapshot);
  });

  it('round-trips through a persisted snapshot (JSON)', () => {
    const a = start();
    a.send({ type: 'perspective.choose', perspective: 'prozessgestaltende' });
    a.send({ type: 'criterion.answer', criterion: criterionIds[0]!, answers: pageAnswers(criterionIds[0]!, 'prozessgestaltende', '2') });
    const persisted = JSON.parse(JSON.stringify(a.getPersistedSnapshot()));
    const b = createActor(qualityCheckMachine, { snapshot: persisted, input: {} });
    b.start();
    expect(currentPage(b.getSnapshot())).toBe(criterionIds[1]);
    expect(b.getSnapshot().context).toEqual(now(a).context);
    b.send({ type: 'back' });
    expect(currentPage(b.getSnapshot())).toBe(criterionIds[0]);
  });
});

describe('a new content version under a saved check', () => {
  function versionWithout(criterionId: string): QualityCheckContent {
    const b: QualityCheckContent = JSON.parse(JSON.stringify(content));
    b.version = '2027-1';
    b.criteria = b.criteria.filter((c) => c.id !== criterionId);
    return b;
  }

  it('keeps every answer, leaves a dropped page for the result and reports the dropped answers', () => {
    const a = start();
    a.send({ type: 'perspective.choose', perspective: 'politik' });
    for (const id of criterionIds.slice(0, 4))
      a.send({ type: 'criterion.answer', criterion: id, answers: pageAnswers(id, 'politik', '1') });
    a.send({ type: 'goto', page: criterionIds[3]! });
    const persisted = JSON.parse(JSON.stringify(a.getPersistedSnapshot()));
    const b = versionWithout(criterionIds[3]!);
    const restored = createActor(createQualityCheckMachine(b), { snapshot: persisted, input: {} });
    restored.start();
    expect(needsContentAdoption(restored.getSnapshot(), b)).toBe(true);
    restored.send({ type: 'content.adopt' });
    const snapshot = restored.getSnapshot();
    expect(needsContentAdoption(snapshot, b)).toBe(false);
    expect(currentPage(snapshot)).toBe('ergebnis');
    expect(snapshot.context.answers).toEqual(now(a).context.answers);
    expect(snapshot.context.visited).toEqual(['perspektive', ...criterionIds.slice(0, 3), criterionIds[4], 'ergebnis']);
    const dropped = pageQuestions(content, criterionIds[3]!, 'politik').map((q) => q.id);
    expect(resultOf(snapshot, b, [content, b])!.formerVersion.map((f) => f.questionId)).toEqual(dropped);
    const change = versionChangeOf(snapshot, content, b);
    expect(change.formerVersion.map((f) => f.label)).toEqual(dropped.map(() => 'gehört zu einer früheren Fassung'));
    expect(change.stillApplies.length + change.formerVersion.length).toBe(Object.keys(snapshot.context.answers).length);
  });

  it('stays on a page the new version still has', () => {
    const a = start();
    a.send({ type: 'perspective.choose', perspective: 'politik' });
    const persisted = JSON.parse(JSON.stringify(a.getPersistedSnapshot()));
    const restored = createActor(createQualityCheckMachine(versionWithout(criterionIds[5]!)), { snapshot: persisted, input: {} });
    restored.start();
    restored.send({ type: 'content.adopt' });
    expect(currentPage(restored.getSnapshot())).toBe(criterionIds[0]);
    expect(restored.getSnapshot().context.contentVersion).toBe('2027-1');
  });
});

describe('page forms', () => {
  const criterion = 'augenhoehe';
  const questions = pageQuestions(content, criterion, 'politik');
  const errorsOf = (submission: { status?: string }) =>
    ('error' in submission ? (submission.error as Record<string, string[] | null | undefined>) : null) ?? {};
  const form = (entries: Record<string, string>) => {
    const data = new FormData();
    for (const [name, value] of Object.entries(entries)) data.append(name, value);
    return data;
  };

  it('requires a perspective', () => {
    const submission = parseWithZod(form({}), { schema: perspectiveFormSchema });
    expect(submission.status).toBe('error');
    expect(errorsOf(submission).perspective).toEqual([perspectiveRequiredMessage]);
    expect(parseWithZod(form({ perspective: 'politik' }), { schema: perspectiveFormSchema }).status).toBe('success');
  });

  it('asks for an answer to every question on "Weiter"', () => {
    const schema = criterionPageSchema(content, criterion, 'politik');
    const submission = parseWithZod(
      form({ [`answers.${questions[0]!.id}.value`]: '2', [`answers.${questions[1]!.id}.note`]: 'Nur eine Notiz' }),
      { schema },
    );
    expect(submission.status).toBe('error');
    expect(answerRequiredMessage).toBe('Bitte wählen Sie für jede Frage eine Antwort oder „nicht anwendbar“.');
    for (const q of questions.slice(1)) expect(errorsOf(submission)[`answers.${q.id}.value`], q.id).toEqual([answerRequiredMessage]);
    expect(errorsOf(submission)[`answers.${questions[0]!.id}.value`]).toBeUndefined();
  });

  it('lets the page be saved with open questions on "Überspringen"', () => {
    const schema = criterionPageSchema(content, criterion, 'politik', 'luecken-erlaubt');
    const submission = parseWithZod(
      form({ [`answers.${questions[0]!.id}.value`]: 'na', [`answers.${questions[1]!.id}.note`]: ' Nur eine Notiz ' }),
      { schema },
    );
    expect(submission.status).toBe('success');
    if (submission.status !== 'success') return;
    expect(submission.value.answers).toEqual({
      [questions[0]!.id]: { value: 'na' },
      [questions[1]!.id]: { note: 'Nur eine Notiz' },
      ...Object.fromEntries(questions.slice(2).map((q) => [q.id, {}])),
    });
    const a = start();
    a.send({ type: 'perspective.choose', perspective: 'politik' });
    for (const id of criterionIds.slice(0, criterionIds.indexOf(criterion)))
      a.send({ type: 'criterion.answer', criterion: id, answers: {} });
    a.send({ type: 'criterion.answer', criterion, answers: submission.value.answers });
    expect(now(a).context.answers).toEqual({
      [questions[0]!.id]: { value: 'na', version: '2026-1' },
      [questions[1]!.id]: { note: 'Nur eine Notiz', version: '2026-1' },
    });
    expect(criterionPageValues(content, criterion, 'politik', now(a).context.answers).answers[questions[1]!.id]).toEqual({
      note: 'Nur eine Notiz',
    });
  });

  it('refuses unknown values and notes over 1000 characters, also when skipping', () => {
    for (const completeness of ['vollstaendig', 'luecken-erlaubt'] as const) {
      const schema = criterionPageSchema(content, criterion, 'politik', completeness);
      const submission = parseWithZod(
        form({
          [`answers.${questions[0]!.id}.value`]: '7',
          [`answers.${questions[1]!.id}.value`]: '1',
          [`answers.${questions[1]!.id}.note`]: 'ä'.repeat(1001),
        }),
        { schema },
      );
      expect(errorsOf(submission)[`answers.${questions[0]!.id}.value`]).toEqual([answerInvalidMessage]);
      expect(errorsOf(submission)[`answers.${questions[1]!.id}.note`]).toEqual([
        'Bitte kürzen Sie die Notiz auf höchstens 1.000 Zeichen (eingegeben: 1.001).',
      ]);
    }
  });

  it('clears a note that was emptied, and ignores invalid answers sent straight to the machine', () => {
    const a = start();
    a.send({ type: 'perspective.choose', perspective: 'politik' });
    const first = pageQuestions(content, criterionIds[0]!, 'politik');
    a.send({
      type: 'criterion.answer',
      criterion: criterionIds[0]!,
      answers: { [first[0]!.id]: { value: '2', note: 'alt' }, [first[1]!.id]: { note: 'nur Notiz' } },
    });
    a.send({ type: 'back' });
    a.send({
      type: 'criterion.answer',
      criterion: criterionIds[0]!,
      answers: {
        [first[0]!.id]: { value: '2' },
        [first[1]!.id]: {},
        [first[2]!.id]: { value: 'viel' as AnswerValue },
        'nicht-auf-der-seite': { value: '3' },
      },
    });
    expect(now(a).context.answers).toEqual({ [first[0]!.id]: { value: '2', version: '2026-1' } });
  });
});
