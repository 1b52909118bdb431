import { getFormProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { evaluate } from '../../machines/frl/engine';
import { factsSchema } from '../../machines/frl/facts';
import { resolveParameters } from '../../machines/frl/parameters';
import { wordsFor } from '../../machines/frl/wording';
import { answersToFacts } from '../../machines/frl/foerdercheck/answers';
import { formValuesOf } from '../../machines/frl/foerdercheck/form-values';
import { currentStep, isStep, progressOf, type CheckEvent, type CheckSnapshot } from '../../machines/frl/foerdercheck/machine';
import { advance, answerEvents, resumeTowardsResult } from '../../machines/frl/foerdercheck/navigation';
import { questionOfCriterion, questionSchema, questionTitle, type QuestionId } from '../../machines/frl/foerdercheck/questions';
import { EligibilityResultView, type Register } from '../components/eligibility/result';
import { ErrorSummary } from '../components/fields';
import { CsrfInput, PostForm } from '../components/forms';
import { LivePreview } from '../components/foerdercheck/live-preview';
import { QuestionFields, questionHint } from '../components/foerdercheck/question-fields';
import { readProtectedForm } from '../csrf.server';
import { loadCheck, saveCheck, type LoadedCheck } from '../foerdercheck/eligibility-check.server';
import { useFocusHeadingAfterNavigation } from '../hooks/use-focus-heading';
import { returnQuery, returnTarget, RETURN_PARAM } from '../utils/return-to';
import { validateUnlessSkipped } from '../utils/validation';
import { rulesOptions, todayInSaxony } from '../rules.server';
import { getUser } from '../session.server';
import { documentPage, loadAsDocument } from '../utils/page-scripts';

export const handle = documentPage;
export const clientLoader = loadAsDocument;

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [
  {
    title: `${loaderData ? (loaderData.step === 'ergebnis' ? 'Ergebnis' : questionTitle[loaderData.step as QuestionId]) : 'Förder-Check'} – Förder-Check – Förderlotse Bürgerbeteiligung`,
  },
];

/** The summary pages an answer may return to. */
const returnTargets = ['ergebnis'] as const;

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
  const returnTo = returnTarget(url.searchParams.get(RETURN_PARAM), returnTargets);
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
    returnTo: step === 'ergebnis' ? null : returnTo,
    /** The parameter values in force, for help texts that name amounts and durations. */
    params: resolveParameters(rules.parameters, referenceDate),
    referenceDate,
  };
  if (step === 'ergebnis') {
    const facts = factsSchema.parse(answersToFacts(answers));
    return { ...base, result: evaluate(referenceDate, facts, rules), formValues: {} };
  }
  return {
    ...base,
    result: null,
    formValues: formValuesOf(step, answers),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await readProtectedForm(request);
  const check = await requireCheck(request);
  const step = requireReachedStep(check, params.schritt);
  const returnTo = returnTarget(formData.get(RETURN_PARAM), returnTargets);
  const enter: CheckEvent[] = step === currentStep(check.snapshot) ? [] : [{ type: 'edit', question: step }];
  const intent = formData.get('intent');
  const today = todayInSaxony();
  let snapshot: CheckSnapshot;
  if (intent === 'zurueck') {
    snapshot = advance(check.snapshot, [...enter, { type: 'back' }]);
  } else if (intent === 'zum-ergebnis') {
    // Straight on along the known answers; where they now lead to an open question, the result is
    // shown anyway (the button promises it), with the finding that names the open point.
    const resumed = resumeTowardsResult(advance(check.snapshot, enter), today);
    snapshot = currentStep(resumed) === 'ergebnis' ? resumed : advance(check.snapshot, [...enter, { type: 'edit', question: 'ergebnis' }]);
  } else if (step === 'ergebnis') {
    snapshot = advance(check.snapshot, enter);
  } else {
    const submission = parseWithZod(formData, { schema: questionSchema(step, check.snapshot.context.answers, today) });
    if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 });
    snapshot = advance(check.snapshot, answerEvents(check.snapshot, step, submission.value, today));
    // A change made from the result page ("Angabe ändern") leads back there.
    if (returnTo === 'ergebnis') snapshot = resumeTowardsResult(snapshot, today);
  }
  await saveCheck(request, { ...check, snapshot });
  const next = currentStep(snapshot);
  return redirect(`/foerdercheck/${next}${next === 'ergebnis' ? '' : returnQuery(returnTo)}`);
}

function QuestionPage() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const question = loaderData.step as QuestionId;
  const schema = questionSchema(question, loaderData.answers, loaderData.referenceDate);
  const words = wordsFor(loaderData.params);
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
        <Form method="post" {...getFormProps(form)} noValidate>
          <CsrfInput />
          {loaderData.returnTo ? <input type="hidden" name={RETURN_PARAM} value={loaderData.returnTo} /> : null}
          <h1 tabIndex={-1} data-focus-on-arrival>
            {questionTitle[question]}
          </h1>
          <p className="hint">{questionHint(question, words)}</p>
          <QuestionFields question={question} fields={fields} answers={loaderData.answers} words={words} today={loaderData.referenceDate} />
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
      <LivePreview formId={form.id} question={question} />
    </div>
  );
}

function ResultPage() {
  const { result, register, isApplicant, signedIn, answers, visited } = useLoaderData<typeof loader>();
  if (!result) return null;
  const editLink = (finding: { id: string }) => {
    const question = questionOfCriterion(finding.id);
    return question && visited.includes(question) ? `/foerdercheck/${question}${returnQuery('ergebnis')}` : null;
  };
  const other: Register = register === 'einfach' ? 'verwaltung' : 'einfach';
  const nextStep = (
    <section aria-labelledby="weiter-titel" className="next-step no-print">
      <h2 id="weiter-titel">Wie geht es weiter?</h2>
      {isApplicant ? (
        <PostForm action="/antraege/neu">
          <input type="hidden" name="ausFoerdercheck" value="1" />
          <button type="submit" className="button">
            Antrag mit diesen Angaben beginnen
          </button>
        </PostForm>
      ) : signedIn ? (
        <p>Anträge stellen Konten von Kommunen und Vereinen; mit Ihrem Konto sehen Sie das Ergebnis zur Information.</p>
      ) : (
        <>
          <p>
            Um mit diesen Angaben einen Antrag zu beginnen, legen Sie ein Konto an oder melden sich an. Ihre Antworten bleiben in diesem
            Browser erhalten und werden in den neuen Antrag übernommen.
          </p>
          <p className="button-row">
            <Link to="/registrieren" className="button">
              Konto anlegen
            </Link>
            <Link to="/anmelden?weiter=/foerdercheck/ergebnis" className="button button--secondary">
              Anmelden
            </Link>
          </p>
        </>
      )}
    </section>
  );
  return (
    <>
      <p className="caption">Förder-Check</p>
      <h1 tabIndex={-1} data-focus-on-arrival>
        Ihr Ergebnis
      </h1>
      <p className="no-print">
        <Link to={`?sprache=${other}`} replace>
          {other === 'einfach' ? 'Erklärungen in einfacher Sprache anzeigen' : 'Erklärungen in Verwaltungssprache anzeigen'}
        </Link>
      </p>
      <EligibilityResultView result={result} register={register} editLink={editLink} afterVerdict={nextStep} />
      <p className="notice">
        <span className="tag tag--blue">Annahme</span> Der Förder-Check fragt nur nach Gesamtkosten und gewünschter Förderung. Er nimmt an,
        dass Sie den Rest aus Eigenmitteln in Geld tragen. Den genauen Kosten- und Finanzierungsplan erstellen Sie im Antrag.
      </p>
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
  useFocusHeadingAfterNavigation();
  return step === 'ergebnis' ? <ResultPage /> : <QuestionPage />;
}
