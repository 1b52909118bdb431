import { FormProvider, getFormProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { describeFormField } from '../../machines/frl/application/anchors';
import { totalsFor } from '../../machines/frl/application/facts';
import { hasBudget } from '../../machines/frl/application/budget';
import { codecFor } from '../../machines/frl/application/codecs';
import { overview, partOf, stepIds, stepInfo, stepOfCriterion, type EditableStep, type StepId } from '../../machines/frl/application/steps';
import { fundingRoutes, type FundingRoute } from '../../machines/frl/routes';
import { calendarYearsOf } from '../../machines/frl/predicates';
import { resolveParameters } from '../../machines/frl/parameters';
import { durationHint, inKindHint, routeDescription, wordsFor } from '../../machines/frl/wording';
import { isEditable, adviceStatusLabel, statusOf } from '../../machines/frl/advice/machine';
import type { ApplicationAccess } from '../access.server';
import { restoreAdvice } from '../beratung/advice.server';
import {
  evaluateApplicationCached,
  requireOpenableStep,
  requireOwnApplication,
  type LoadedApplication,
} from '../antrag/application.server';
import { anchorOptions, handleCommentAction, isCommentIntent, threadsFor, type CommentFormError } from '../beratung/comments.server';
import { CommentMarkersProvider, CommentThreads, NewCommentForm } from '../components/beratung/comments';
import { userEntries } from '../utils/form-data';
import { keepInputForSignIn, newRowId, saveStep } from '../antrag/step.server';
import { ApplicantStep } from '../components/antrag/applicant-step';
import { AttachmentsStep } from '../components/antrag/attachments-step';
import { attachmentsAction, attachmentsLoader } from '../antrag/attachments.server';
import { BudgetStep, type BudgetView } from '../components/antrag/budget-step';
import type { Fields } from '../components/antrag/common';
import { costSuggestions, methodNotice } from '../methoden/methoden.server';
import { catalogue } from '../methoden/redaktion.server';
import { ConflictView } from '../components/antrag/conflict';
import { DeclarationsStep } from '../components/antrag/declarations-step';
import { ProjectStep } from '../components/antrag/project-step';
import { CheckAnswersStep } from '../components/antrag/check-answers-step';
import { checkAnswersView, noteAnswersChecked } from '../antrag/check-answers.server';
import { networkQuestionsOf } from '../antrag/network.server';
import { ScheduleStep } from '../components/antrag/schedule-step';
import { AutosaveStatus } from '../components/antrag/autosave';
import { budgetWording } from '../antrag/budget-live.server';
import { documentPageWith, loadAsDocument } from '../utils/page-scripts';
import { ErrorSummary } from '../components/fields';
import { CsrfInput, DefaultSubmit } from '../components/forms';
import { readProtectedForm } from '../csrf.server';
import { getAuthState, requireApplicant } from '../session.server';
import { flatten, toFormData } from '../utils/form-data';
import { RETURN_PARAM, returnQuery, returnTarget } from '../utils/return-to';
import { askPath, memberOf } from '../netzwerk/context.server';
import { renderedFields, type FieldConstraint } from '../components/rendered-fields';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data ? `${stepInfo[data.step].title} – ${data.title} – Förderlotse Bürgerbeteiligung` : 'Antrag – Förderlotse Bürgerbeteiligung',
  },
];

/**
 * The wizard is a document page (ADR 0086): every step works as plain HTML forms, and
 * public/js/wizard.js adds autosave, live sums, opening a cost line in place and the upload size
 * check, without React in the browser.
 */
export const handle = documentPageWith('/js/wizard.js');
export const clientLoader = loadAsDocument;

/** `?importiert=N` after a CSV import of cost lines (ADR 0078): a count to announce, nothing else. */
function importedCount(raw: string | null): number | null {
  return raw && /^[1-9]\d{0,3}$/.test(raw) ? Number(raw) : null;
}

function budgetView(loaded: LoadedApplication, url: URL): BudgetView {
  const { data, context } = loaded;
  const { start, end } = data.schedule;
  const years = start && end && end >= start ? calendarYearsOf(start, end) : [];
  const totals = hasBudget(data) ? totalsFor(data, context.table, context.date) : null;
  const { cap, words, proposalBasis } = budgetWording(loaded);
  return {
    years,
    part: partOf(data),
    vatDeductible: data.budget.vatDeductible,
    cap,
    inKindHint: inKindHint(words, words.perHour('minimumWage')),
    proposalBasis,
    totals,
    live: { data },
    // A line opened for editing ("Ändern" links to ?zeile=<id>).
    openLine: url.searchParams.get('zeile')?.slice(0, 40) ?? null,
    importHref: isEditable(statusOf(restoreAdvice(loaded.row))) ? `/antraege/${loaded.row.id}/kosten/importieren` : null,
    imported: importedCount(url.searchParams.get('importiert')),
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireApplicant(request);
  const loaded = await requireOwnApplication(user, params.id);
  const step = requireOpenableStep(loaded, params.schritt);
  const { data, row, context } = loaded;
  const result = await evaluateApplicationCached(`${row.id}:${row.version}`, data, context, loaded.rules);
  const findings = result.findings.filter((f) => step !== 'pruefen' && f.status === 'nicht_erfuellt' && stepOfCriterion(f.id) === step);
  const pendingSteps = Object.keys(loaded.snapshot.context.pending) as EditableStep[];
  const nav = overview(data, context, pendingSteps).map((o) => ({
    step: o.step,
    title: stepInfo[o.step].title,
    open: o.status !== 'gesperrt',
  }));
  const advice = restoreAdvice(row);
  const status = statusOf(advice);
  const access: ApplicationAccess = { user, as: 'member', loaded, advice };
  const threads = step === 'pruefen' ? [] : await threadsFor(access, step);
  const member = await memberOf(user.id);
  const base = {
    id: row.id,
    step,
    title: data.project.title?.trim() || 'Antrag ohne Titel',
    version: row.version,
    updatedAt: row.updated_at,
    nav,
    findings: findings.map((f) => ({ id: f.id, title: f.title, citation: f.citation, severity: f.severity, detail: f.detail, fix: f.fix })),
    part: partOf(data),
    status,
    statusLabel: adviceStatusLabel[status],
    editable: isEditable(status),
    threads,
    anchors: step === 'pruefen' ? [] : anchorOptions(access, step),
    // Asking the network from the work (issue 20 Nr. 6, ADR 0075).
    network: {
      ask: askPath(row.id, step),
      questions: member
        ? (await networkQuestionsOf(row.id, member.id)).map((q) => ({
            link: `/netzwerk/themen/${q.threadId}`,
            title: q.title,
            step: stepInfo[q.step as StepId]?.title ?? null,
            replies: q.replies,
          }))
        : [],
    },
    // Opened through "Ändern" on "Angaben prüfen": saving leads back there.
    returnTo: step === 'pruefen' ? null : returnTarget(new URL(request.url).searchParams.get(RETURN_PARAM), ['pruefen'] as const),
  };
  if (step === 'pruefen') {
    if (base.editable) await noteAnswersChecked(user.id, row);
    return { ...base, step, kind: 'checkAnswers' as const, checkAnswers: await checkAnswersView(loaded, result) };
  }
  if (step === 'anlagen') return { ...base, step, kind: 'attachments' as const, attachments: await attachmentsLoader(loaded, request) };
  const pending = loaded.snapshot.context.pending[step];
  const values = pending ?? codecFor(step).values(data);
  const lastResult = pending ? parseWithZod(toFormData(flatten(pending)), { schema: codecFor(step).schema(newRowId) }).reply() : null;
  const form = { values, lastResult, hasPending: pending !== undefined };
  return { ...base, kind: 'form' as const, form: { ...form, ...(await stepView(step, loaded, new URL(request.url))) } };
}

/** What a step's form needs besides its values, per step (the component of each step takes exactly this). */
async function stepView(step: Exclude<EditableStep, 'anlagen'>, loaded: LoadedApplication, url: URL) {
  const { data, context } = loaded;
  const words = wordsFor(resolveParameters(context.table, context.date));
  switch (step) {
    case 'antragsteller':
      return { step };
    case 'vorhaben':
      return {
        step,
        methodNotice: methodNotice(url.searchParams.get('methode')),
        routeHints: Object.fromEntries(fundingRoutes.map((r) => [r, routeDescription(r, words)])) as Record<FundingRoute, string>,
      };
    case 'zeitplan':
      return { step, durationHint: data.project.route ? durationHint(data.project.route, words) : null };
    case 'kosten':
      return { step, budget: budgetView(loaded, url), costSuggestions: costSuggestions(data, await catalogue()) };
    case 'erklaerungen':
      return { step, usesPortal: data.project.usesBeteiligungsportal === true };
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const auth = await getAuthState(request);
  if (auth.status === 'expired') {
    const form = await readProtectedForm(request);
    return keepInputForSignIn(auth.userId, new URL(request.url).pathname, form);
  }
  const user = await requireApplicant(request);
  const loaded = await requireOwnApplication(user, params.id);
  const step = requireOpenableStep(loaded, params.schritt);
  const advice = restoreAdvice(loaded.row);
  const multipart = (request.headers.get('content-type') ?? '').startsWith('multipart/form-data');
  const comment = (form: FormData) =>
    isCommentIntent(form.get('intent'))
      ? handleCommentAction({ user, as: 'member', loaded, advice }, form, `/antraege/${loaded.row.id}/${step}`)
      : null;
  // Comment forms are small urlencoded posts; peek at them without consuming an upload. Only the
  // attachments step streams uploads: any other step reads a multipart post whole (a comment sent
  // that way is still a comment, and its text comes back at its form).
  const peek = multipart && step === 'anlagen' ? null : await readProtectedForm(multipart ? request : request.clone());
  const commented = peek ? comment(peek) : null;
  if (commented) return commented;
  if (!isEditable(statusOf(advice))) {
    // Shown back for copying, each value under the label of its field.
    const entries =
      peek && step !== 'pruefen' && step !== 'anlagen'
        ? userEntries(peek).map(([name, value]): [string, string] => [describeFormField(step, name), value])
        : [];
    return data(
      {
        locked: `Der Antrag hat den Stand „${adviceStatusLabel[statusOf(advice)]}“ und kann nicht mehr geändert werden. Ihre Eingaben wurden nicht gespeichert; Sie finden sie unten zum Kopieren.`,
        entries,
      },
      { status: 409 },
    );
  }
  if (step === 'anlagen') return attachmentsAction(user, loaded, request, comment);
  const form = peek ?? (await readProtectedForm(request));
  if (step === 'pruefen') throw new Response('Unbekannte Aktion.', { status: 400 });
  return saveStep({ user, loaded, step, form });
}

type Locked = { locked: string; entries: Array<[string, string]> };

function isLocked(value: unknown): value is Locked {
  return typeof value === 'object' && value !== null && 'locked' in value;
}

function commentErrorOf(value: unknown): CommentFormError['commentError'] | null {
  return typeof value === 'object' && value !== null && 'commentError' in value ? (value as CommentFormError).commentError : null;
}

/** Status of the advice, the comments of this step and the form to add one. */
function StepComments({ formId }: { formId: string | null }) {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const error = commentErrorOf(actionData);
  const locked = isLocked(actionData) ? actionData : null;
  const open = d.threads.filter((t) => !t.resolved).length;
  return (
    <>
      {locked ? (
        <div className="notice notice--error" role="alert">
          <p>{locked.locked}</p>
          {locked.entries.length ? (
            <dl className="summary-list">
              {locked.entries.map(([name, value], index) => (
                <div key={`${name}-${index}`}>
                  <dt>{name}</dt>
                  <dd className="preserve-lines">{value}</dd>
                </div>
              ))}
            </dl>
          ) : null}
        </div>
      ) : null}
      {!d.editable ? (
        <div className="notice notice--warning">
          <p>
            Stand: <strong>{d.statusLabel}</strong>. Der Antrag kann nicht mehr geändert werden; Sie sehen Ihre Angaben hier zum Nachlesen.
          </p>
        </div>
      ) : d.status === 'in_beratung' ? (
        <p className="notice">
          Der Antrag ist <strong>in Beratung</strong>. Sie können weiter daran arbeiten; die Beratung sieht jede Änderung.
        </p>
      ) : null}
      <section aria-labelledby="kommentare-titel" className="comments no-print">
        <h2 id="kommentare-titel" className="heading-medium">
          Kommentare zu diesem Abschnitt{d.threads.length ? ` (${open} offen)` : ''}
        </h2>
        {d.threads.length ? (
          <CommentThreads threads={d.threads} formId={formId} mayReply error={error} headingLevel={2} />
        ) : (
          <p className="hint">Noch keine Kommentare. Hier sehen Sie Hinweise der Beratung und Ihres Teams.</p>
        )}
        {/* Keyed by the threads: after a saved comment the form starts empty and closed. */}
        <details key={d.threads.length} className="details" open={error?.form === `neu-${d.step}` || undefined}>
          <summary>Kommentar schreiben</summary>
          <NewCommentForm step={d.step} anchors={d.anchors} error={error} advisor={false} />
        </details>
      </section>
    </>
  );
}

function StepNav({ nav, current, id }: { nav: Array<{ step: StepId; title: string; open: boolean }>; current: StepId; id: number }) {
  return (
    <nav aria-label="Abschnitte des Antrags" className="no-print">
      <ol className="step-nav">
        <li>
          <Link to={`/antraege/${id}`}>Übersicht</Link>
        </li>
        {nav.map((n) => (
          <li key={n.step}>
            {n.step === current ? (
              <span aria-current="step">{n.title}</span>
            ) : n.open ? (
              <Link to={`/antraege/${id}/${n.step}`}>{n.title}</Link>
            ) : (
              <span>{n.title}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** The way to the network from this step, and the questions already asked from this draft. */
function AskTheNetwork() {
  const { network } = useLoaderData<typeof loader>();
  return (
    <aside className="no-print" aria-label="EBBS-Netzwerk">
      <p>
        <Link to={network.ask}>Frage an das EBBS-Netzwerk stellen</Link>
      </p>
      {network.questions.length ? (
        <>
          <p>Ihre Fragen zu diesem Antrag:</p>
          <ul>
            {network.questions.map((q) => (
              <li key={q.link}>
                <Link to={q.link}>{q.title}</Link>
                <span className="caption">
                  {q.step ? ` · aus „${q.step}“` : ''} · {q.replies === 1 ? '1 Antwort' : `${q.replies} Antworten`}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </aside>
  );
}

function Findings({ findings }: { findings: ReturnType<typeof useLoaderData<typeof loader>>['findings'] }) {
  if (!findings.length) return null;
  return (
    <div className="notice notice--error">
      <h2 className="heading-small">Hinweise aus der Förderprüfung zu diesem Abschnitt</h2>
      <ul>
        {findings.map((f) => (
          <li key={f.id}>
            <strong>{f.title}</strong> ({f.citation}){f.detail ? `: ${f.detail}` : ''} {f.fix}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Client-side validation never creates rows; the server assigns ids. */
const noId = () => '';

type StepPage = ReturnType<typeof useLoaderData<typeof loader>>;
type FormPage = Extract<StepPage, { kind: 'form' }>;
type FormStep = FormPage['form']['step'];

/** One step's fields: each step component receives its own part of the loader data. */
function StepFields({ d, fields }: { d: FormPage; fields: Fields }) {
  const view = d.form;
  switch (view.step) {
    case 'antragsteller':
      return <ApplicantStep fields={fields} part={d.part} />;
    case 'vorhaben':
      return <ProjectStep fields={fields} part={d.part} routeHints={view.routeHints} applicationId={d.id} />;
    case 'zeitplan':
      return <ScheduleStep fields={fields} durationHint={view.durationHint} />;
    case 'kosten':
      return <BudgetStep fields={fields} view={view.budget} suggestions={view.costSuggestions} editable={d.editable} />;
    case 'erklaerungen':
      return <DeclarationsStep fields={fields} part={d.part} usesPortal={view.usesPortal} />;
  }
}

/** Each step's form schema and the HTML constraints derived from it, built once. */
const stepForms = new Map<FormStep, { order: string[]; constraint: Record<string, FieldConstraint> }>();

function stepForm(step: FormStep) {
  let known = stepForms.get(step);
  if (!known) {
    const schema = codecFor(step).schema(noId);
    known = { order: Object.keys(schema.shape), constraint: getZodConstraint(schema) };
    stepForms.set(step, known);
  }
  return known;
}

/** The page of a step with a form (every step but Anlagen and Angaben prüfen). */
function StepForm({ d }: { d: FormPage }) {
  const actionData = useActionData<typeof action>();
  const step = d.form.step;
  const { order, constraint } = stepForm(step);
  const lastResult = (actionData && 'result' in actionData ? actionData.result : null) ?? d.form.lastResult ?? undefined;
  // Rendered on the server only (a document page): Conform lays out values, errors and constraints;
  // the server validates every save. The form id includes the version, as the fields' ids do.
  const [form] = useForm<Record<string, any>, unknown>({
    id: `antrag-${step}-v${d.version}`,
    lastResult,
    defaultValue: d.form.values,
    constraint,
  });
  const fields = renderedFields(form, constraint);
  const conflict = actionData && 'conflict' in actionData ? actionData.conflict : null;
  if (conflict) return <ConflictView conflict={conflict} id={d.id} step={step} />;
  const index = stepIds.indexOf(d.step) + 1;
  const nextLabel = d.returnTo === 'pruefen' ? 'Speichern und zurück zu „Angaben prüfen“' : 'Speichern und weiter';
  return (
    <>
      <p className="caption">
        {d.title} · Abschnitt {index} von {stepIds.length}
      </p>
      <h1>{stepInfo[d.step].title}</h1>
      <StepNav nav={d.nav} current={d.step} id={d.id} />
      {d.form.step === 'vorhaben' && d.form.methodNotice ? (
        <div className="notice notice--success" role="status">
          <p>
            {d.form.methodNotice} <Link to={`/antraege/${d.id}/kosten#vorschlaege`}>Zu den Kostenvorschlägen</Link>
          </p>
        </div>
      ) : null}
      {d.form.hasPending ? (
        <div className="notice notice--warning">
          <p>Hier sind Eingaben gespeichert, die noch korrigiert werden müssen. Sie sind unten markiert.</p>
        </div>
      ) : null}
      {actionData && 'unavailable' in actionData ? (
        <div className="notice notice--error" role="alert">
          <p>{actionData.unavailable}</p>
        </div>
      ) : null}
      <Findings findings={d.findings} />
      <StepComments formId={form.id} />
      <AskTheNetwork />
      <ErrorSummary form={form} order={order} />
      <CommentMarkersProvider threads={d.threads}>
        <FormProvider context={form.context}>
          <Form
            method="post"
            action={`/antraege/${d.id}/${step}${returnQuery(d.returnTo)}`}
            {...getFormProps(form)}
            noValidate
            data-autosave={d.editable ? `/antraege/${d.id}/${step}/zwischenspeichern` : undefined}
            data-budget-live={d.editable && step === 'kosten' ? `/antraege/${d.id}/kosten/summen` : undefined}
          >
            {d.editable ? <DefaultSubmit intent="weiter" label={nextLabel} /> : null}
            <CsrfInput />
            {d.returnTo ? <input type="hidden" name={RETURN_PARAM} value={d.returnTo} /> : null}
            <input type="hidden" name="version" value={d.version} />
            <fieldset disabled={!d.editable} className="fieldset-plain">
              <StepFields d={d} fields={fields} />
            </fieldset>
            {d.editable ? (
              <div className="step-actions">
                <AutosaveStatus lastSaved={d.updatedAt} />
                <div className="button-row">
                  <button type="submit" name="intent" value="weiter" className="button">
                    {nextLabel}
                  </button>
                  <button type="submit" name="intent" value="zurueck" className="button button--secondary" formNoValidate>
                    Zurück
                  </button>
                  <button type="submit" name="intent" value="speichern" className="button button--secondary" formNoValidate>
                    Speichern und später fortfahren
                  </button>
                </div>
              </div>
            ) : null}
          </Form>
        </FormProvider>
      </CommentMarkersProvider>
    </>
  );
}

export default function ApplicationStep() {
  const d = useLoaderData<typeof loader>();
  if (d.kind === 'checkAnswers') {
    return (
      <>
        <p className="caption">{d.title}</p>
        <h1>{stepInfo.pruefen.title}</h1>
        <StepNav nav={d.nav} current={d.step} id={d.id} />
        <AskTheNetwork />
        <CheckAnswersStep answers={d.checkAnswers} id={d.id} editable={d.editable} />
      </>
    );
  }
  if (d.kind === 'attachments') {
    return (
      <>
        <p className="caption">
          {d.title} · Abschnitt {stepIds.indexOf('anlagen') + 1} von {stepIds.length}
        </p>
        <h1>{stepInfo.anlagen.title}</h1>
        <StepNav nav={d.nav} current={d.step} id={d.id} />
        <Findings findings={d.findings} />
        <StepComments formId={null} />
        <AskTheNetwork />
        <AttachmentsStep view={d.attachments} id={d.id} editable={d.editable} returnTo={d.returnTo} />
      </>
    );
  }
  // A new step (or a new version after a save) starts a fresh form, autosave timer and all.
  return <StepForm key={`${d.step}-${d.version}`} d={d} />;
}
