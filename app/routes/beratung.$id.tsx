import type { SubmissionResult } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import type { EditableStep } from '../../machines/frl/application/steps';
import { hintSchema } from '../../machines/netzwerk/context';
import { requireReadableApplication } from '../access.server';
import { isAdviceIntent, adviceFormAction, type AdviceIntent } from '../beratung/advice-actions.server';
import { advisesDraft, advisorPage, markReviewed } from '../beratung/advisor-page.server';
import { handleCommentAction, isCommentIntent, type CommentFormError } from '../beratung/comments.server';
import { ApplicationDownloads } from '../components/antrag/downloads';
import { BudgetLinesTable } from '../components/antrag/budget-lines';
import { ChangesSinceSection } from '../components/beratung/changes-since';
import { CommentSection } from '../components/beratung/comment-section';
import { AdviceDecisionSection } from '../components/beratung/decision';
import { ThreadHintsSection } from '../components/beratung/thread-hints';
import { EligibilityResultView } from '../components/eligibility/result';
import { AttachedQualityCheckSummary } from '../components/qualitaetscheck/attached-summary';
import { AdviceForm, AnswerWithoutForm, StatusHistory } from '../components/beratung/status-forms';
import { readProtectedForm } from '../csrf.server';
import { pointToThread } from '../netzwerk/context.server';

/** The advisor's page of one draft: the data and each intent are services of app/beratung. */

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title ?? 'Antrag'} – Beratung – Förderlotse Bürgerbeteiligung` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireReadableApplication(request, params.id, ['advisor']);
  return advisorPage(access, new URL(request.url).searchParams.get('hinweis'));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireReadableApplication(request, params.id, ['advisor']);
  const form = await readProtectedForm(request);
  const intent = form.get('intent');
  const id = access.loaded.row.id;
  if (isCommentIntent(intent)) return handleCommentAction(access, form, `/beratung/${id}`);
  if (intent === 'netzwerk-hinweis') {
    // Pointing to a thread is advice: only who advises this draft (like comments, ADR 0075).
    const submission = parseWithZod(form, { schema: hintSchema });
    if (!advisesDraft(access))
      return data(
        { threadHint: submission.reply({ formErrors: ['Bitte übernehmen Sie die Beratung, bevor Sie auf ein Thema hinweisen.'] }) },
        { status: 403 },
      );
    if (submission.status !== 'success') return data({ threadHint: submission.reply() }, { status: 400 });
    const pointed = await pointToThread(access, submission.value);
    if ('problem' in pointed) return data({ threadHint: submission.reply({ fieldErrors: { thema: [pointed.problem] } }) }, { status: 400 });
    return redirect(`/beratung/${id}?hinweis=netzwerk#netzwerk-hinweis`);
  }
  if (intent === 'durchgesehen') {
    if (!advisesDraft(access))
      return { intent: 'durchgesehen', message: 'Bitte übernehmen Sie die Beratung, bevor Sie Änderungen als durchgesehen markieren.' };
    await markReviewed(access, Number(form.get('version')));
    return redirect(`/beratung/${id}?hinweis=durchgesehen`);
  }
  if (!isAdviceIntent(intent)) throw new Response('Unbekannte Aktion.', { status: 400 });
  const concluding = intent === 'beratung.zurueckgeben' || intent === 'beratung.abschliessen';
  const response = await adviceFormAction(access, intent, form, (done) =>
    concluding ? `/beratung?hinweis=${done}&antrag=${id}` : `/beratung/${id}?hinweis=${done}`,
  );
  // Returning or completing means the advisor has reviewed the draft as it is now.
  if (concluding && response instanceof Response && response.status === 302) await markReviewed(access);
  return response;
}

const notices: Record<string, string> = {
  uebernommen: 'Sie beraten jetzt diesen Entwurf. Die Organisation wurde benachrichtigt.',
  'beratung.uebernehmen': 'Sie beraten jetzt diesen Entwurf. Die Organisation wurde benachrichtigt.',
  'beratung.hinzuziehen': 'Die Kollegin oder der Kollege ist hinzugezogen und wurde benachrichtigt.',
  durchgesehen: 'Die Änderungen sind als durchgesehen markiert. Künftige Änderungen erscheinen hier neu.',
  netzwerk: 'Der Hinweis auf das Netzwerk-Thema ist gespeichert. Die Organisation wurde benachrichtigt.',
};

function threadHintResultOf(value: unknown): SubmissionResult<string[]> | undefined {
  return typeof value === 'object' && value !== null && 'threadHint' in value
    ? (value as { threadHint: SubmissionResult<string[]> }).threadHint
    : undefined;
}

function commentErrorOf(value: unknown): CommentFormError['commentError'] | null {
  return typeof value === 'object' && value !== null && 'commentError' in value ? (value as CommentFormError).commentError : null;
}

export default function AdvisorView() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const commentError = commentErrorOf(actionData);
  const markError =
    actionData && 'intent' in actionData && actionData.intent === 'durchgesehen' ? (actionData as { message: string }).message : null;
  const threadsOf = (step: EditableStep) => d.threads.filter((t) => t.step === step);
  const shows = (intent: AdviceIntent) => d.intents.includes(intent);
  return (
    <>
      <p className="caption">
        <Link to="/beratung">Beratung</Link> · {d.organisation} · {d.landkreis}
      </p>
      <h1>{d.title}</h1>
      <AnswerWithoutForm shown={d.intents} />
      {d.notice && notices[d.notice] ? (
        <div className="notice notice--success" role="status">
          <p>{notices[d.notice]}</p>
        </div>
      ) : null}

      {commentError && !d.assigned ? (
        // The comment forms are not on the page for an advisor who does not (or no longer) advise this
        // draft: the message and the text they typed are shown here, so nothing is lost.
        <div className="notice notice--error" role="alert">
          <p>{commentError.message}</p>
          {commentError.body ? (
            <p className="preserve-lines">
              <strong>Ihr Text:</strong> {commentError.body}
            </p>
          ) : null}
        </div>
      ) : null}
      <section className="status-panel" aria-labelledby="stand">
        <h2 id="stand" className="heading-medium">
          Stand: {d.statusLabel}
        </h2>
        <p>{d.advisors.length ? `Beratung: ${d.advisors.join(', ')}` : 'Noch niemand berät diesen Entwurf.'}</p>
        {d.readyForSubmission ? (
          <p>
            Aus Sicht der Beratung ist der Antrag einreichungsfähig.
            {d.changedSinceCompletion ? <strong> Seitdem wurde der Antrag geändert.</strong> : null}
          </p>
        ) : null}
        {d.requestNote ? (
          <p className="preserve-lines">
            <strong>Nachricht der Organisation:</strong> {d.requestNote}
          </p>
        ) : null}
        {shows('beratung.uebernehmen') ? (
          <AdviceForm intent="beratung.uebernehmen" schema={null} reviewVersion={d.reviewVersion} submitLabel="Beratung übernehmen" />
        ) : null}
        {!d.assigned && !shows('beratung.uebernehmen') ? <p>Sie können diesen Entwurf lesen, aber nicht kommentieren.</p> : null}
      </section>

      {d.assigned ? <ChangesSinceSection changes={d.changes} version={d.version} markError={markError} /> : null}

      {shows('beratung.abschliessen') ? (
        <AdviceDecisionSection reviewVersion={d.reviewVersion} version={d.version} addable={d.addable} />
      ) : null}

      {d.assigned || d.threadHints.length ? (
        <ThreadHintsSection hints={d.threadHints} assigned={d.assigned} lastResult={threadHintResultOf(actionData)} />
      ) : null}

      <h2>Der Entwurf</h2>
      {d.summary.sections.map((section) => {
        const threads = threadsOf(section.step);
        return (
          <section key={section.step} aria-labelledby={`abschnitt-${section.step}`} className="advisor-section">
            <h3 id={`abschnitt-${section.step}`}>{section.section}</h3>
            <dl className="summary-list">
              {section.rows.map((row) => (
                <div key={row.label}>
                  <dt>{row.label}</dt>
                  <dd className="preserve-lines">{row.value}</dd>
                </div>
              ))}
            </dl>
            {section.step === 'kosten' ? <BudgetLinesTable lines={d.summary.budgetLines} total={d.summary.budgetTotal} /> : null}
            <CommentSection
              step={section.step}
              threads={threads}
              assigned={d.assigned}
              anchors={d.anchors[section.step] ?? []}
              error={commentError}
            />
          </section>
        );
      })}
      <section aria-labelledby="abschnitt-anlagen" className="advisor-section">
        <h3 id="abschnitt-anlagen">Anlagen</h3>
        {d.summary.attachments.length ? (
          <ul>
            {d.summary.attachments.map((a) => (
              <li key={a.id}>
                {a.type}: <a href={`/antraege/${d.id}/anlagen/${a.id}`}>{a.name}</a>
              </li>
            ))}
          </ul>
        ) : (
          <p>Keine Anlagen.</p>
        )}
        <CommentSection
          step="anlagen"
          threads={threadsOf('anlagen')}
          assigned={d.assigned}
          anchors={d.anchors.anlagen ?? []}
          error={commentError}
        />
      </section>

      <h2>Förderprüfung</h2>
      <EligibilityResultView result={d.summary.result} register="verwaltung" headingLevel={3} />
      <h2>QualitätsCheck Beteiligung</h2>
      {d.qualityChecks.length ? (
        d.qualityChecks.map((check) => <AttachedQualityCheckSummary key={check.id} check={check} headingLevel={3} />)
      ) : (
        <p>Die Organisation hat diesem Antrag keinen QualitätsCheck beigefügt.</p>
      )}
      <ApplicationDownloads id={d.id} complete={d.summary.complete} qualityChecks={d.qualityChecks.length} />
      <h2>Verlauf</h2>
      <StatusHistory history={d.history} />
      <p>
        <Link to={`/antraege/${d.id}/protokoll`}>Vollständiges Protokoll</Link>
      </p>
    </>
  );
}
