import { getFormProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import {
  isCriterionPage,
  isPageOf,
  perspectivePage,
  previousCriterion,
  resultPage,
  topicNumber,
  visitedIn,
} from '../../machines/qualitaetscheck/flow';
import { criterionPageSchema, criterionPageValues, perspectiveFormSchema, questionsFormSchema } from '../../machines/qualitaetscheck/form';
import { currentPage, resultOf, type QualityCheckEvent } from '../../machines/qualitaetscheck/machine';
import { perspectiveInfo, perspectives } from '../../machines/qualitaetscheck/schema';
import { answerProgress, findCriterion, otherPerspectiveAnswers, pageQuestions } from '../../machines/qualitaetscheck/scoring';
import { ErrorSummary, RadioGroup } from '../components/fields';
import { CsrfInput, PostForm } from '../components/forms';
import { QuestionFields } from '../components/qualitaetscheck/question-fields';
import { ResultView } from '../components/qualitaetscheck/result-view';
import { readProtectedForm } from '../csrf.server';
import { useHydrated } from '../hooks/use-hydrated';
import {
  advance,
  loadRespondent,
  requireQualityCheck,
  saveRespondent,
  type CheckAccess,
  type LoadedRespondent,
} from '../qualitaetscheck/quality-check.server';
import { validateUnlessSkipped } from '../utils/validation';
import { formatDateTime } from '../../machines/shared/format';

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [
  {
    title: `${d ? (d.kind === 'perspektive' ? 'Ihre Sichtweise' : d.kind === 'ergebnis' ? 'Ihr Ergebnis' : d.criterion.title) : 'QualitätsCheck'} – QualitätsCheck – Förderlotse Bürgerbeteiligung`,
  },
];

async function requireRespondent(
  request: Request,
  id: string | undefined,
  mode: 'read' | 'write',
): Promise<{ access: CheckAccess; loaded: LoadedRespondent }> {
  const access = await requireQualityCheck(request, id, mode);
  const loaded = await loadRespondent(access);
  // Advisors read the round's overview; members who have not joined yet start there.
  if (!loaded) throw redirect(`/qualitaetscheck/${access.check.id}`);
  return { access, loaded };
}

/** The requested page, if the respondent has reached it; otherwise a redirect to where they are. */
function requireReachedPage(loaded: LoadedRespondent, requested: string | undefined): string {
  if (!isPageOf(loaded.content, requested)) throw new Response('Nicht gefunden', { status: 404 });
  const here = currentPage(loaded.snapshot);
  const reached =
    requested === here ||
    (visitedIn(loaded.content, loaded.snapshot.context.visited).includes(requested) && loaded.snapshot.context.perspective !== null);
  if (!reached) throw redirect(`/qualitaetscheck/${loaded.row.check_id}/${here}`);
  return requested;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { access, loaded } = await requireRespondent(request, params.id, 'read');
  const page = requireReachedPage(loaded, params.seite);
  const { content, snapshot } = loaded;
  const { perspective, answers, visited } = snapshot.context;
  const base = {
    id: access.check.id,
    title: access.check.title,
    member: access.kind === 'member',
    guestUntil: access.kind === 'guest' ? formatDateTime(access.link.expires_at) : null,
    perspective,
    perspectiveLabel: perspective ? perspectiveInfo[perspective].label : null,
    progress: perspective ? answerProgress(content, perspective, answers) : null,
    visited: visitedIn(content, visited),
  };
  if (page === perspectivePage || !perspective) {
    return {
      ...base,
      kind: 'perspektive' as const,
      perspectives: perspectives.map((p) => ({ value: p, label: perspectiveInfo[p].label, hint: perspectiveInfo[p].description })),
      hasAnswers: Object.keys(answers).length > 0,
    };
  }
  if (page === resultPage) {
    return { ...base, kind: 'ergebnis' as const, result: resultOf(snapshot, content, loaded.archive)! };
  }
  const criterion = findCriterion(content, page)!;
  return {
    ...base,
    kind: 'kriterium' as const,
    topic: topicNumber(content, page)!,
    criterion: { id: criterion.id, title: criterion.title, explanation: criterion.explanation },
    questions: pageQuestions(content, page, perspective).map((q) => ({ id: q.id, text: q.text, ...(q.hint ? { hint: q.hint } : {}) })),
    defaultValue: criterionPageValues(content, page, perspective, answers),
    keptElsewhere: otherPerspectiveAnswers(content, perspective, answers).filter((o) => o.criterionId === page).length,
    isFirst: previousCriterion(content, page) === null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await readProtectedForm(request);
  const { access, loaded } = await requireRespondent(request, params.id, 'write');
  const page = requireReachedPage(loaded, params.seite);
  const { content, snapshot } = loaded;
  const perspective = snapshot.context.perspective;
  const intent = formData.get('intent');
  const events: QualityCheckEvent[] = [];
  if (page !== currentPage(snapshot)) events.push({ type: 'goto', page });
  if (page === perspectivePage || !perspective) {
    const submission = parseWithZod(formData, { schema: perspectiveFormSchema });
    if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 });
    events.push({ type: 'perspective.choose', perspective: submission.value.perspective });
  } else if (page === resultPage) {
    if (intent === 'zurueck') events.push({ type: 'back' });
  } else if (isCriterionPage(content, page)) {
    const schema = criterionPageSchema(content, page, perspective, intent === 'weiter' ? 'vollstaendig' : 'luecken-erlaubt');
    const submission = parseWithZod(formData, { schema });
    if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 });
    events.push({ type: 'criterion.answer', criterion: page, answers: submission.value.answers });
    if (intent === 'zurueck') events.push({ type: 'goto', page: previousCriterion(content, page) ?? perspectivePage });
    else if (intent === 'zum-ergebnis') events.push({ type: 'finish' });
    else if (intent === 'sichtweise') events.push({ type: 'goto', page: perspectivePage });
  }
  const next = advance(loaded, events);
  await saveRespondent(loaded, next);
  return redirect(`/qualitaetscheck/${access.check.id}/${currentPage(next)}`);
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

function Caption({ d, topic }: { d: LoaderData; topic?: { current: number; total: number } }) {
  return (
    <p className="caption">
      QualitätsCheck{d.title ? ` „${d.title}“` : ''}
      {topic ? ` · Thema ${topic.current} von ${topic.total}` : ''}
    </p>
  );
}

function Progress({ progress }: { progress: { answered: number; total: number } | null }) {
  if (!progress) return null;
  return (
    <div className="qc-progress">
      <p id="fortschritt">
        {progress.answered} von {progress.total} Aussagen beantwortet
      </p>
      <progress max={progress.total} value={progress.answered} aria-labelledby="fortschritt" />
    </div>
  );
}

function PerspectivePage({ d }: { d: Extract<LoaderData, { kind: 'perspektive' }> }) {
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: 'sichtweise',
    lastResult: actionData?.result,
    defaultValue: { perspective: d.perspective ?? undefined },
    constraint: getZodConstraint(perspectiveFormSchema),
    shouldValidate: 'onSubmit',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: perspectiveFormSchema }),
  });
  return (
    <div className="narrow">
      <Caption d={d} />
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)} noValidate>
        <CsrfInput />
        <h1>Aus welcher Sicht antworten Sie?</h1>
        <p>Je nach Sichtweise stellen wir Ihnen andere Aussagen. Sie können die Sichtweise später ändern.</p>
        {d.perspective && d.hasAnswers ? (
          <p className="notice">
            Sie antworten bisher als <strong>{d.perspectiveLabel}</strong>. Wenn Sie die Sichtweise ändern, bleiben alle Antworten
            gespeichert. Antworten auf Aussagen, die der neuen Sichtweise nicht gestellt werden, zählen dann nicht im Ergebnis, gehen aber
            nicht verloren.
          </p>
        ) : null}
        <RadioGroup field={fields.perspective} legend="Ihre Sichtweise" options={d.perspectives} />
        <div className="button-row">
          <button type="submit" className="button">
            Weiter
          </button>
          {d.visited.includes('ergebnis') ? (
            <Link to={`/qualitaetscheck/${d.id}/ergebnis`} className="button button--secondary">
              Ohne Änderung zum Ergebnis
            </Link>
          ) : null}
        </div>
      </Form>
    </div>
  );
}

function CriterionPage({ d }: { d: Extract<LoaderData, { kind: 'kriterium' }> }) {
  const actionData = useActionData<typeof action>();
  const schema = questionsFormSchema(d.questions);
  const [form, fields] = useForm({
    id: `kriterium-${d.criterion.id}`,
    lastResult: actionData?.result,
    defaultValue: d.defaultValue,
    shouldValidate: 'onSubmit',
    onValidate: ({ formData, submitter }) => validateUnlessSkipped(formData, submitter, schema),
  });
  const answers = fields.answers.getFieldset();
  return (
    <div className="qc-page">
      <Caption d={d} topic={d.topic} />
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)} noValidate>
        <CsrfInput />
        <h1>{d.criterion.title}</h1>
        <p className="lead">{d.criterion.explanation}</p>
        <p>
          Sie antworten als <strong>{d.perspectiveLabel}</strong>. Wie sehr treffen diese Aussagen auf Ihr Vorhaben zu?
        </p>
        <Progress progress={d.progress} />
        {d.keptElsewhere ? (
          <p className="hint">
            Zu diesem Kriterium sind {d.keptElsewhere === 1 ? 'eine Antwort' : `${d.keptElsewhere} Antworten`} aus einer anderen Sichtweise
            gespeichert; sie bleiben erhalten, zählen aber nicht.
          </p>
        ) : null}
        {d.questions.map((q, index) => (
          <QuestionFields key={q.id} number={index + 1} total={d.questions.length} text={q.text} hint={q.hint} field={answers[q.id]!} />
        ))}
        <div className="button-row">
          <button type="submit" name="intent" value="weiter" className="button">
            Weiter
          </button>
          <button type="submit" name="intent" value="spaeter" className="button button--secondary" formNoValidate>
            Später beantworten
          </button>
          <button type="submit" name="intent" value="zurueck" className="button button--secondary" formNoValidate>
            Zurück
          </button>
          <button type="submit" name="intent" value="zum-ergebnis" className="button button--secondary" formNoValidate>
            Zum Ergebnis
          </button>
        </div>
        <p className="hint">
          „Später beantworten“, „Zurück“ und „Zum Ergebnis“ speichern, was Sie auf dieser Seite angegeben haben; offene Aussagen bleiben
          offen.
        </p>
        <p>
          <button type="submit" name="intent" value="sichtweise" className="button button--link" formNoValidate>
            Sichtweise ändern
          </button>
        </p>
      </Form>
    </div>
  );
}

function ResultPage({ d }: { d: Extract<LoaderData, { kind: 'ergebnis' }> }) {
  const hydrated = useHydrated();
  const linkOf = (criterionId: string) => (d.visited.includes(criterionId) ? `/qualitaetscheck/${d.id}/${criterionId}` : null);
  return (
    <>
      <Caption d={d} />
      <h1>Ihr Ergebnis</h1>
      <ResultView result={d.result} linkOf={linkOf} />
      <h2 className="no-print">Wie geht es weiter?</h2>
      <div className="button-row no-print">
        <a href={`/qualitaetscheck/${d.id}/bericht.pdf`} className="button" download>
          Ergebnis als PDF herunterladen
        </a>
        {hydrated ? (
          <button type="button" className="button button--secondary" onClick={() => window.print()}>
            Drucken
          </button>
        ) : null}
        <PostForm>
          <button type="submit" name="intent" value="zurueck" className="button button--secondary">
            Zurück zu den Aussagen
          </button>
        </PostForm>
        <Link to={`/qualitaetscheck/${d.id}/perspektive`} className="button button--secondary">
          Sichtweise ändern
        </Link>
      </div>
      {d.guestUntil ? (
        <p className="no-print">
          Ihre Antworten sind gespeichert und fließen in das gemeinsame Profil der einladenden Organisation ein. Bis {d.guestUntil} können
          Sie in diesem Browser über den Link zurückkehren und Antworten ändern.
        </p>
      ) : d.member ? (
        <p className="no-print">
          <Link to={`/qualitaetscheck/${d.id}`}>Zur Übersicht dieses QualitätsChecks</Link>: Kolleginnen und Kollegen einladen, das
          gemeinsame Profil ansehen und den Check einem Antrag beifügen.
        </p>
      ) : (
        <p className="no-print">
          <Link to="/anmelden?weiter=/qualitaetscheck">Melden Sie sich an</Link>, um diesen Check in Ihre Organisation zu übernehmen,
          Kolleginnen und Kollegen einzuladen und ihn einem Antrag beizufügen. Ohne Anmeldung bleibt er 30 Tage in diesem Browser.
        </p>
      )}
    </>
  );
}

export default function QualityCheckPage() {
  const d = useLoaderData<typeof loader>();
  if (d.kind === 'perspektive') return <PerspectivePage d={d} />;
  if (d.kind === 'ergebnis') return <ResultPage d={d} />;
  return <CriterionPage d={d} />;
}
