import type { ActionFunctionArgs } from '@remix-run/node';
import { currentStep } from '../../machines/frl/foerdercheck/machine';
import { previewAnswer } from '../../machines/frl/foerdercheck/preview';
import { type QuestionId, questionIds } from '../../machines/frl/foerdercheck/questions';
import { readProtectedForm } from '../csrf.server';
import { loadCheck } from '../foerdercheck/eligibility-check.server';
import { rulesOptions, todayInSaxony } from '../rules.server';
import { RETURN_PARAM } from '../utils/return-to';

/** Fields of the question form that are not answers. */
const notAnswers = new Set(['csrf', 'intent', 'frage', RETURN_PARAM]);

/**
 * The Förder-Check's "Zwischenstand" while the user answers (public/js/enhance.js asks for it as
 * they type): what the unsent answer would mean, computed by the same machine and rules as "Weiter",
 * on the server, without saving. Answers JSON; a question the check has not reached is a 404.
 */
export async function action({ request }: ActionFunctionArgs) {
  const form = await readProtectedForm(request);
  const question = form.get('frage');
  if (typeof question !== 'string' || !(questionIds as readonly string[]).includes(question)) {
    return Response.json({ error: 'Unbekannte Frage.' }, { status: 400 });
  }
  const check = await loadCheck(request);
  if (!check || (currentStep(check.snapshot) !== question && !check.snapshot.context.path.includes(question as QuestionId))) {
    return Response.json({ error: 'Diese Frage ist im Förder-Check noch nicht erreicht.' }, { status: 404 });
  }
  // Form entries as Conform reads them: an empty field is a missing answer; the last value counts.
  const entries: Record<string, string | undefined> = {};
  for (const [key, value] of form) {
    if (typeof value === 'string' && !notAnswers.has(key)) entries[key] = value.trim() === '' ? undefined : value;
  }
  const rules = await rulesOptions();
  const preview = previewAnswer(
    check.snapshot,
    question as QuestionId,
    entries,
    { parameters: rules.parameters, calls: rules.calls, referenceDate: todayInSaxony() },
    form.get(RETURN_PARAM) === 'ergebnis',
  );
  return Response.json({ preview }, { headers: { 'Cache-Control': 'no-store' } });
}

export function loader() {
  throw new Response('Nicht gefunden', { status: 404 });
}
