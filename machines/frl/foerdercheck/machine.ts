import { assign, setup, type SnapshotFrom } from 'xstate';
import type { DiagramLabels } from '../../shared/statechart-model';
import { programmePartOf } from '../../shared/organisation';
import { isEligibleKind, isGebietskoerperschaft, isSeatedInSaxony, isZivilgesellschaftlicherTraeger, startsBefore } from '../predicates';
import type { CheckAnswers } from './answers';
import { fieldsOf, questionIds, type QuestionId } from './questions';

/**
 * The Förder-Check questionnaire. It asks only what it must: questions implied by earlier answers
 * are skipped (no Gemeinnützigkeit for a Gemeinde), routes are offered by applicant kind, and an
 * applicant that can never be eligible goes straight to the result. Every decision sits in an
 * eventless state named after the question it follows, with guards named after concepts of the
 * directive that call the pure predicates in ../predicates.ts.
 */

export type Step = QuestionId | 'ergebnis';

export interface CheckContext {
  answers: CheckAnswers;
  /** The day of the latest answer (ISO): a start before it contradicts "not started". */
  checkDate?: string;
  /** The steps of the current way through the questions, for "Zurück", "Ändern" and progress. */
  path: Step[];
  /** Where in `path` the user is now. */
  position: number;
}

export type CheckEvent =
  /** `date`: the day the answer is given (ISO), for questions that depend on it. */
  | { type: 'answer'; question: QuestionId; values: Partial<CheckAnswers>; date?: string }
  | { type: 'back' }
  | { type: 'edit'; question: Step };

/** Answers that only make sense for one programme part; forgotten when the kind changes part. */
const partSpecific: QuestionId[] = ['gemeinnuetzigkeit', 'verankerung', 'foerderweg', 'verbund', 'buergerkommune', 'inhalt', 'kooperation'];

function merge(answers: CheckAnswers, question: QuestionId, values: Partial<CheckAnswers>): CheckAnswers {
  const next: CheckAnswers = { ...answers };
  for (const field of fieldsOf[question]) delete next[field];
  // A question may leave fields of other questions unchanged (an empty optional field).
  for (const [field, value] of Object.entries(values)) if (value !== undefined) Object.assign(next, { [field]: value });
  if (question === 'art' && values.kind) {
    const before = answers.kind ? programmePartOf(answers.kind) : null;
    const after = programmePartOf(values.kind);
    if (before !== after) {
      for (const q of partSpecific) for (const field of fieldsOf[q]) delete next[field];
      // Answers asked of one part only, on steps both parts see.
      delete next.mainlyPubliclyFunded;
      delete next.softwareProcurement;
      delete next.softwareReason;
    }
    if (after === 'B') next.route = 'B';
    else if (next.route === 'B') delete next.route;
  }
  // Whether the amounts are net matters only to an applicant that may deduct input VAT.
  if (question === 'erklaerungen' && values.vatDeductible !== true) delete next.amountsAreNet;
  return next;
}

/**
 * Moves to `step`. Going back or jumping to a visited step keeps the way ahead (so the user can
 * return to the result); going forward drops steps the new answers skip, or starts a new branch.
 */
function visit(context: Pick<CheckContext, 'path' | 'position'>, step: Step): Pick<CheckContext, 'path' | 'position'> {
  const { path, position } = context;
  const index = path.indexOf(step);
  if (index === -1) {
    const kept = path.length ? path.slice(0, position + 1) : [];
    return { path: [...kept, step], position: kept.length };
  }
  if (index <= position) return { path, position: index };
  return { path: [...path.slice(0, position + 1), ...path.slice(index)], position: position + 1 };
}

type GuardName =
  | 'isIneligibleApplicant'
  | 'isKommuneOutsideSaxony'
  | 'isZivilgesellschaft'
  | 'isBuergerkommune'
  | 'isVorsteuerabzugsberechtigt'
  | 'isStartPastButNotBegun';

/** What follows each question: the first matching guard wins, the last entry is the default. */
const next: Record<QuestionId, Array<{ guard?: GuardName; target: Step }>> = {
  art: [{ guard: 'isIneligibleApplicant', target: 'ergebnis' }, { target: 'sitz' }],
  sitz: [
    { guard: 'isKommuneOutsideSaxony', target: 'ergebnis' },
    { guard: 'isZivilgesellschaft', target: 'gemeinnuetzigkeit' },
    { target: 'foerderweg' },
  ],
  gemeinnuetzigkeit: [{ target: 'verankerung' }],
  verankerung: [{ target: 'inhalt' }],
  foerderweg: [{ target: 'verbund' }],
  verbund: [{ guard: 'isBuergerkommune', target: 'buergerkommune' }, { target: 'inhalt' }],
  buergerkommune: [{ target: 'inhalt' }],
  inhalt: [{ target: 'ort' }],
  ort: [{ target: 'zeitraum' }],
  zeitraum: [{ target: 'beginn' }],
  beginn: [{ guard: 'isStartPastButNotBegun', target: 'beginn-klaeren' }, { target: 'portal' }],
  'beginn-klaeren': [{ target: 'portal' }],
  portal: [{ target: 'kooperation' }],
  kooperation: [{ target: 'foerderung' }],
  foerderung: [{ target: 'kosten' }],
  kosten: [{ target: 'erklaerungen' }],
  erklaerungen: [{ guard: 'isVorsteuerabzugsberechtigt', target: 'netto' }, { target: 'ergebnis' }],
  netto: [{ target: 'ergebnis' }],
};

const steps: Step[] = [...questionIds, 'ergebnis'];

const machineSetup = setup({
  types: {
    context: {} as CheckContext,
    events: {} as CheckEvent,
    input: {} as { answers?: CheckAnswers } | undefined,
  },
  guards: {
    /** An applicant kind the directive never funds (FRL Teil 2 A III, Teil 2 B III). */
    isIneligibleApplicant: ({ context }) => context.answers.kind !== undefined && !isEligibleKind(context.answers.kind),
    /** A Gebietskörperschaft outside Saxony (FRL Teil 2 A III). */
    isKommuneOutsideSaxony: ({ context }) =>
      context.answers.kind !== undefined &&
      isGebietskoerperschaft(context.answers.kind) &&
      context.answers.landkreis !== undefined &&
      !isSeatedInSaxony(context.answers.landkreis),
    /** A gemeinnütziger Träger under Teil 2 B. */
    isZivilgesellschaft: ({ context }) => context.answers.kind !== undefined && isZivilgesellschaftlicherTraeger(context.answers.kind),
    /** Route 1.3 with its precondition (FRL Teil 2 A IV Nr. 5). */
    isBuergerkommune: ({ context }) => context.answers.route === 'A1.3',
    /** Entitled to deduct input VAT (§ 15 UStG): only net amounts are eligible (VwV zu § 44 SäHO Nr. 2.6, VVK Nr. 2.6). */
    isVorsteuerabzugsberechtigt: ({ context }) => context.answers.vatDeductible === true,
    /**
     * A planned start before the day of the check while "not started" was answered: the two
     * contradict each other (VwV zu § 44 SäHO Nr. 1.4, VVK Nr. 1.3), so the next question resolves it.
     */
    isStartPastButNotBegun: ({ context }) =>
      context.answers.alreadyStarted === false &&
      context.answers.start !== undefined &&
      context.checkDate !== undefined &&
      startsBefore(context.answers.start, context.checkDate),
    answersQuestion: ({ event }, params: { question: QuestionId }) => event.type === 'answer' && event.question === params.question,
    isPreviousStep: ({ context }, params: { step: Step }) => context.position > 0 && context.path[context.position - 1] === params.step,
    wasVisited: ({ context, event }, params: { step: Step }) =>
      event.type === 'edit' && event.question === params.step && context.path.includes(params.step),
  },
  actions: {
    recordAnswer: assign({
      answers: ({ context, event }) => (event.type === 'answer' ? merge(context.answers, event.question, event.values) : context.answers),
      checkDate: ({ context, event }) => (event.type === 'answer' && event.date ? event.date : context.checkDate),
    }),
    visit: assign(({ context }, params: { step: Step }) => visit(context, params.step)),
  },
});

/** Short names of the questions, for the diagram's boxes and the labels of the guards below. */
export const questionShortLabel: Record<QuestionId, string> = {
  art: 'Antragsteller',
  sitz: 'Sitz',
  gemeinnuetzigkeit: 'Gemeinnützigkeit',
  verankerung: 'Verankerung',
  foerderweg: 'Förderweg',
  verbund: 'Verbund',
  buergerkommune: 'Bürgerkommune',
  inhalt: 'Inhalt',
  ort: 'Ort',
  zeitraum: 'Zeitraum',
  beginn: 'Beginn',
  'beginn-klaeren': 'Beginn klären',
  portal: 'Technik',
  kooperation: 'Zusammenarbeit',
  foerderung: 'Bund/EU',
  kosten: 'Kosten',
  erklaerungen: 'Erklärungen',
  netto: 'Netto',
};

const stepShortLabel = (step: unknown) => (step === 'ergebnis' ? 'Ergebnis' : (questionShortLabel[step as QuestionId] ?? String(step)));

/** The guards, events and actions above in German, for the diagram in the Regelwerk (ADR 0012). */
export const foerderCheckDiagramLabels: DiagramLabels = {
  guards: {
    isIneligibleApplicant: 'Antragsteller wird nach der Richtlinie nicht gefördert',
    isKommuneOutsideSaxony: 'Kommune mit Sitz außerhalb Sachsens',
    isZivilgesellschaft: 'gemeinnütziger Träger (Teil 2 B)',
    isBuergerkommune: 'Förderweg Bürgerkommune',
    isVorsteuerabzugsberechtigt: 'zum Vorsteuerabzug berechtigt',
    isStartPastButNotBegun: 'geplanter Beginn vorbei, aber „nicht begonnen“',
    answersQuestion: ({ question }) => `Antwort auf „${stepShortLabel(question)}“`,
    isPreviousStep: ({ step }) => `vorher „${stepShortLabel(step)}“`,
    wasVisited: ({ step }) => `„${stepShortLabel(step)}“ schon besucht`,
  },
  events: { answer: 'Antwort', back: 'Zurück', edit: 'Ändern' },
  actions: { recordAnswer: 'Antwort speichern', visit: 'Schritt merken' },
};

type Config = Parameters<typeof machineSetup.createMachine>[0];
type States = NonNullable<Config['states']>;

function buildStates(): States {
  const states: States = {};
  for (const question of questionIds) {
    states[question] = {
      entry: { type: 'visit', params: { step: question } },
      on: {
        answer: {
          guard: { type: 'answersQuestion', params: { question } },
          actions: 'recordAnswer',
          target: `nach_${question}`,
        },
      },
    };
    states[`nach_${question}`] = {
      always: next[question].map(({ guard, target }) => (guard ? { guard, target } : { target })),
    };
  }
  states.ergebnis = { entry: { type: 'visit', params: { step: 'ergebnis' } } };
  return states;
}

export const foerderCheckMachine = machineSetup.createMachine({
  id: 'foerderCheck',
  context: ({ input }) => ({ answers: input?.answers ?? {}, path: [], position: 0 }),
  initial: 'art',
  on: {
    back: steps.map((step) => ({ guard: { type: 'isPreviousStep' as const, params: { step } }, target: `.${step}` })),
    edit: steps.map((step) => ({ guard: { type: 'wasVisited' as const, params: { step } }, target: `.${step}` })),
  },
  states: buildStates(),
});

export type CheckSnapshot = SnapshotFrom<typeof foerderCheckMachine>;

/** The step a snapshot rests on (never a decision state). */
export function currentStep(snapshot: CheckSnapshot): Step {
  return snapshot.value as unknown as Step;
}

export const isStep = (value: string): value is Step => (steps as string[]).includes(value);

/** Progress for the page: position on the way and a rough total for the applicant's part. */
export function progressOf(snapshot: CheckSnapshot): { current: number; total: number } {
  const { answers, position } = snapshot.context;
  const part = answers.kind ? programmePartOf(answers.kind) : null;
  const total =
    (part === 'B' ? 13 : answers.route === 'A1.3' ? 14 : 13) +
    (answers.vatDeductible ? 1 : 0) +
    (snapshot.context.path.includes('beginn-klaeren') ? 1 : 0);
  return { current: Math.min(position + 1, total), total };
}
