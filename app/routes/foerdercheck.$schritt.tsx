import { getFormProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useRef } from 'react';
import { evaluate } from '../../machines/frl/engine';
import { factsSchema } from '../../machines/frl/facts';
import { answersToFacts } from '../../machines/frl/foerdercheck/answers';
import { currentStep, isStep, progressOf, type CheckEvent } from '../../machines/frl/foerdercheck/machine';
import { questionOfCriterion, questionSchema, questionTitle, type QuestionId } from '../../machines/frl/foerdercheck/questions';
import { EligibilityResultView, type Register } from '../components/eligibility/result';
import { ErrorSummary } from '../components/fields';
import { CsrfInput, PostForm } from '../components/forms';
import { LivePreview } from '../components/foerdercheck/live-preview';
import { QuestionFields, formValuesOf, questionHint } from '../components/foerdercheck/question-fields';
import { readProtectedForm } from '../csrf.server';
import { advance, loadCheck, persistable, saveCheck, type LoadedCheck } from '../foerdercheck.server';
import { useHydrated } from '../hooks/use-hydrated';
import { validateUnlessSkipped } from '../utils/validation';
import { rulesOptions, todayInSaxony } from '../rules.server';
import { getUser } from '../session.server';

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [
  {
    title: `${loaderData ? (loaderData.step === 'ergebnis' ? 'Ergebnis' : questionTitle[loaderData.step as QuestionId]) : 'Förder-Check'} – Förder-Check – Förderlotse Bürgerbeteiligung`,
  },
];

async function requireCheck(request: Request): Promise<LoadedCheck> {
  const check = await loadCheck(request);
  if (!check) throw redirect('/foerdercheck');
  return check;
}

/** The requested step, if the questionnaire has reached it; otherwise a redirect to where it is. */
function requireReachedStep(check: LoadedCheck, requested: string | undefined) {
  if (!requested || !isStep(requested)) throw new Response('Nicht gefunden', { status: 404 });
  const current = currentStep(check.snapshot);
  if (requested !== current && !check.snapshot.context.path.includes(requested)) {
    throw redirect(`/foerdercheck/${current}`);
  }
  return requested;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const check = await requireCheck(request);
  const step = requireReachedStep(check, params.schritt);
  const answers = check.snapshot.context.answers;
  const url = new URL(request.url);
  const register: Register = url.searchParams.get('sprache') === 'einfach' ? 'einfach' : 'verwaltung';
  const rules = await rulesOptions();
  const referenceDate = todayInSaxony();
  const user = await getUser(request);
  const base = {
    step,
    answers,
    progress: progressOf(check.snapshot),
    canGoBack: check.snapshot.context.path.indexOf(step) > 0,
    resultReached: check.snapshot.context.path.includes('ergebnis') && step !== 'ergebnis',
    register,
    isApplicant: user?.role === 'applicant',
    signedIn: user !== null,
    visited: check.snapshot.context.path,
  };
  if (step === 'ergebnis') {
    const facts = factsSchema.parse(answersToFacts(answers));
    return { ...base, result: evaluate(referenceDate, facts, rules), formValues: {}, persisted: null, rules: null };
  }
  return {
    ...base,
    result: null,
    formValues: formValuesOf(step, answers),
    persisted: persistable(check.snapshot),
    rules: { parameters: rules.parameters, calls: rules.calls, referenceDate },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await readProtectedForm(request);
  const check = await requireCheck(request);
  const step = requireReachedStep(check, params.schritt);
  const events: CheckEvent[] = [];
  if (step !== currentStep(check.snapshot)) events.push({ type: 'edit', question: step });
  const intent = formData.get('intent');
  if (intent === 'zurueck') {
    events.push({ type: 'back' });
  } else if (intent === 'zum-ergebnis') {
    events.push({ type: 'edit', question: 'ergebnis' });
  } else if (step !== 'ergebnis') {
    const submission = parseWithZod(formData, { schema: questionSchema(step, check.snapshot.context.answers) });
    if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 });
    events.push({ type: 'answer', question: step, values: submission.value });
  }
  const snapshot = advance(check.snapshot, events);
  await saveCheck(request, { ...check, snapshot });
  return redirect(`/foerdercheck/${currentStep(snapshot)}`);
}

function QuestionPage() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const question = loaderData.step as QuestionId;
  const schema = questionSchema(question, loaderData.answers);
  const formRef = useRef<HTMLFormElement>(null);
  const hydrated = useHydrated();
  const [form, fields] = useForm({
    id: `frage-${question}`,
    lastResult: actionData?.result,
    defaultValue: loaderData.formValues,
    constraint: getZodConstraint(schema),
    shouldValidate: 'onSubmit',
    onValidate: ({ formData, submitter }) => validateUnlessSkipped(formData, submitter, schema),
  });
  return (
    <div className="question-layout">
      <div className="question-layout__main">
        <p className="caption">
          Förder-Check · Frage {loaderData.progress.current} von etwa {loaderData.progress.total}
        </p>
        <ErrorSummary form={form} />
        <Form method="post" {...getFormProps(form)} noValidate ref={formRef}>
          <CsrfInput />
          <h1>{questionTitle[question]}</h1>
          <p className="hint">{questionHint[question]}</p>
          <QuestionFields question={question} fields={fields} answers={loaderData.answers} />
          <div className="button-row">
            <button type="submit" name="intent" value="weiter" className="button">
              Weiter
            </button>
            {loaderData.canGoBack ? (
              <button type="submit" name="intent" value="zurueck" className="button button--secondary" formNoValidate>
                Zurück
              </button>
            ) : null}
            {loaderData.resultReached ? (
              <button type="submit" name="intent" value="zum-ergebnis" className="button button--secondary" formNoValidate>
                Ohne Änderung zum Ergebnis
              </button>
            ) : null}
          </div>
        </Form>
      </div>
      {hydrated && loaderData.rules ? (
        <LivePreview persisted={loaderData.persisted} question={question} formRef={formRef} rules={loaderData.rules} />
      ) : null}
    </div>
  );
}

function ResultPage() {
  const { result, register, isApplicant, signedIn, answers, visited } = useLoaderData<typeof loader>();
  if (!result) return null;
  const editLink = (finding: { id: string }) => {
    const question = questionOfCriterion(finding.id);
    return question && visited.includes(question) ? `/foerdercheck/${question}` : null;
  };
  const other: Register = register === 'einfach' ? 'verwaltung' : 'einfach';
  return (
    <>
      <p className="caption">Förder-Check</p>
      <h1>Ihr Ergebnis</h1>
      <p className="no-print">
        <Link to={`?sprache=${other}`} replace>
          {other === 'einfach' ? 'Erklärungen in einfacher Sprache anzeigen' : 'Erklärungen in Verwaltungssprache anzeigen'}
        </Link>
      </p>
      <EligibilityResultView result={result} register={register} editLink={editLink} />
      <p className="notice">
        <span className="tag tag--blue">Annahme</span> Der Förder-Check fragt nur nach Gesamtkosten und gewünschter
        Förderung. Er nimmt an, dass Sie den Rest aus Eigenmitteln in Geld tragen. Den genauen Kosten- und
        Finanzierungsplan erstellen Sie im Antrag.
      </p>
      <h2>Wie geht es weiter?</h2>
      {isApplicant ? (
        <PostForm action="/antraege/neu">
          <input type="hidden" name="ausFoerdercheck" value="1" />
          <button type="submit" className="button">
            Antrag mit diesen Angaben beginnen
          </button>
        </PostForm>
      ) : (
        <p>
          {signedIn ? null : (
            <>
              <Link to="/registrieren">Legen Sie ein Konto an</Link> oder <Link to="/anmelden?weiter=/foerdercheck/ergebnis">melden Sie sich an</Link>, um
              mit diesen Angaben einen Antrag zu beginnen. Ihre Antworten bleiben erhalten.
            </>
          )}
        </p>
      )}
      <div className="button-row no-print">
        <PostForm action="/foerdercheck/ergebnis">
          <button type="submit" name="intent" value="zurueck" className="button button--secondary">
            Zurück zur letzten Frage
          </button>
        </PostForm>
        <Link to="/foerdercheck/art" className="button button--secondary">
          Antworten ändern
        </Link>
      </div>
      <p className="hint">{answers.kind ? null : 'Sie haben noch keine Angaben gemacht.'}</p>
    </>
  );
}

export default function FoerderCheckStep() {
  const { step } = useLoaderData<typeof loader>();
  return step === 'ergebnis' ? <ResultPage /> : <QuestionPage />;
}
