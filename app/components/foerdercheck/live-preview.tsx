import { useActorRef, useSelector } from '@xstate/react';
import { useEffect, useState, type RefObject } from 'react';
import { transition, type Snapshot } from 'xstate';
import type { FundingCall } from '../../../machines/frl/calls';
import { evaluate, verdictLabel } from '../../../machines/frl/engine';
import { factsSchema } from '../../../machines/frl/facts';
import { answersToFacts } from '../../../machines/frl/foerdercheck/answers';
import { currentStep, foerderCheckMachine } from '../../../machines/frl/foerdercheck/machine';
import { questionSchema, questionTitle, type QuestionId } from '../../../machines/frl/foerdercheck/questions';
import type { ParameterTable } from '../../../machines/frl/parameters';

interface Props {
  persisted: unknown;
  question: QuestionId;
  formRef: RefObject<HTMLFormElement | null>;
  rules: { parameters: ParameterTable; calls: FundingCall[]; referenceDate: string };
}

interface Preview {
  next: string;
  verdict: string;
  problems: string[];
}

/** Form entries as Conform would coerce them: empty strings are missing answers. */
function entries(form: HTMLFormElement): Record<string, string | undefined> {
  const values: Record<string, string | undefined> = {};
  for (const [key, value] of new FormData(form)) {
    if (typeof value === 'string' && key !== 'csrf' && key !== 'intent') values[key] = value.trim() === '' ? undefined : value;
  }
  return values;
}

/**
 * Instant feedback with JavaScript: the same questionnaire machine runs in the browser. While the
 * user answers, it computes (without saving) where the answers lead and what the rules say.
 * The server stays the authority: "Weiter" still posts the form.
 */
export function LivePreview({ persisted, question, formRef, rules }: Props) {
  const actor = useActorRef(foerderCheckMachine, { snapshot: persisted as Snapshot<unknown>, input: {} });
  const snapshot = useSelector(actor, (s) => s);
  const [preview, setPreview] = useState<Preview | null>(null);

  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    const update = () => {
      const parsed = questionSchema(question, snapshot.context.answers).safeParse(entries(form));
      if (!parsed.success) {
        setPreview(null);
        return;
      }
      const [next] = transition(foerderCheckMachine, snapshot, { type: 'answer', question, values: parsed.data });
      const facts = factsSchema.safeParse(answersToFacts(next.context.answers));
      if (!facts.success) {
        setPreview(null);
        return;
      }
      const result = evaluate(rules.referenceDate, facts.data, { parameters: rules.parameters, calls: rules.calls });
      const step = currentStep(next);
      setPreview({
        next: step === 'ergebnis' ? 'das Ergebnis' : `„${questionTitle[step]}“`,
        verdict: verdictLabel[result.verdict],
        problems: result.findings.filter((f) => f.status === 'nicht_erfuellt' && f.severity !== 'hinweis').map((f) => f.title),
      });
    };
    update();
    form.addEventListener('input', update);
    form.addEventListener('change', update);
    return () => {
      form.removeEventListener('input', update);
      form.removeEventListener('change', update);
    };
  }, [formRef, question, snapshot, rules]);

  return (
    <aside className="live-preview" aria-labelledby="live-preview-title">
      <h2 id="live-preview-title" className="heading-small">
        Zwischenstand
      </h2>
      <div aria-live="polite">
        {preview ? (
          <>
            <p>
              Mit dieser Antwort: <strong>{preview.verdict}</strong>. Als Nächstes kommt {preview.next}.
            </p>
            {preview.problems.length ? (
              <ul>
                {preview.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            ) : null}
          </>
        ) : (
          <p>Sobald Sie die Frage beantwortet haben, sehen Sie hier, was Ihre Antwort bedeutet.</p>
        )}
      </div>
    </aside>
  );
}
