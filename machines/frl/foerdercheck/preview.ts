import type { FundingCall } from '../calls';
import { evaluate, verdictLabel } from '../engine';
import { factsSchema } from '../facts';
import type { ParameterTable } from '../parameters';
import { answersToFacts } from './answers';
import { type CheckSnapshot, currentStep } from './machine';
import { advance, answerEvents, resumeTowardsResult } from './navigation';
import { type QuestionId, questionSchema, questionTitle } from './questions';

/** What an answer not yet sent with "Weiter" would mean: the Förder-Check's "Zwischenstand". */
export interface AnswerPreview {
  /** The verdict the rules give with this answer, as the result page names it. */
  verdict: string;
  /** Where "Weiter" would lead: the next question's title in quotes, or "das Ergebnis". */
  next: string;
  /** The criteria this answer fails (notes left out). */
  problems: string[];
}

export interface PreviewRules {
  parameters: ParameterTable;
  calls: FundingCall[];
  referenceDate: string;
}

/**
 * Runs an unsent answer through the same questionnaire machine and the same rules as "Weiter",
 * without saving anything. Null while the answer is incomplete or invalid: the preview then asks
 * for an answer instead of guessing. `entries` are the form's fields with empty ones as undefined.
 */
export function previewAnswer(
  snapshot: CheckSnapshot,
  question: QuestionId,
  entries: Record<string, string | undefined>,
  rules: PreviewRules,
  returnsToResult: boolean,
): AnswerPreview | null {
  const parsed = questionSchema(question, snapshot.context.answers, rules.referenceDate).safeParse(entries);
  if (!parsed.success) return null;
  const answered = advance(snapshot, answerEvents(snapshot, question, parsed.data, rules.referenceDate));
  const next = returnsToResult ? resumeTowardsResult(answered, rules.referenceDate) : answered;
  const facts = factsSchema.safeParse(answersToFacts(next.context.answers));
  if (!facts.success) return null;
  const result = evaluate(rules.referenceDate, facts.data, { parameters: rules.parameters, calls: rules.calls });
  const step = currentStep(next);
  return {
    next: step === 'ergebnis' ? 'das Ergebnis' : `„${questionTitle[step]}“`,
    verdict: verdictLabel[result.verdict],
    problems: result.findings.filter((f) => f.status === 'nicht_erfuellt' && f.severity !== 'hinweis').map((f) => f.title),
  };
}
