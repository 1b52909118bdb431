import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { findOrganisation } from '../../db/repositories/organisations';
import { changesSince, listAdvisors, reviewMark, setReviewMark, versionAtFirstRequest } from '../../db/repositories/review';
import { describePath, describeValue, stepOfPath } from '../../machines/frl/application/anchors';
import { netChanges } from '../../machines/frl/application/diff';
import { stepInfo, type EditableStep } from '../../machines/frl/application/steps';
import { attachmentTypes } from '../../machines/frl/catalogues';
import { addAdvisorSchema, completeSchema, returnSchema } from '../../machines/frl/review/forms';
import { isAssignedAdvisor, mayTakeDraft, reviewStatusLabel, statusOf } from '../../machines/frl/review/machine';
import { formatDateTime } from '../../machines/shared/format';
import { landkreisLabel } from '../../machines/shared/organisation';
import { requireReadableApplication } from '../access.server';
import { actorOf, advisorNames, changedAfterCompletion, historyOf } from '../advice.server';
import { evaluateApplicationCached } from '../antrag/application.server';
import { anchorOptions, handleCommentAction, isCommentIntent, threadsFor, type CommentFormError } from '../comments.server';
import { ApplicationDownloads } from '../components/antrag/downloads';
import { AttachedQualityCheckSummary } from '../components/qualitaetscheck/attached-summary';
import { EligibilityResultView } from '../components/eligibility/result';
import { BudgetLinesTable } from '../components/antrag/budget-lines';
import { CheckboxField, SelectField, TextAreaField } from '../components/fields';
import { PostForm } from '../components/forms';
import { CommentThreads, NewCommentForm } from '../components/review/comments';
import { ReviewForm, StatusHistory } from '../components/review/status-forms';
import { readProtectedForm } from '../csrf.server';
import { getDb } from '../db.server';
import { qualityChecksOfApplication } from '../qualitaetscheck.server';
import { isReviewIntent, reviewFormAction } from '../review-actions.server';
import { checkAnswersView } from '../antrag/check-answers.server';
import { ScrollTable } from '../components/scroll-table';
import { hintsOf } from '../../db/repositories/netzwerk-context';
import { hintSchema, maxHintNoteLength } from '../../machines/netzwerk/context';
import { pointToThread } from '../netzwerk-context.server';
import { ErrorSummary, TextField } from '../components/fields';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title ?? 'Antrag'} – Beratung – Förderlotse Bürgerbeteiligung` },
];

const stepOrder: EditableStep[] = ['antragsteller', 'vorhaben', 'zeitplan', 'kosten', 'erklaerungen', 'anlagen'];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireReadableApplication(request, params.id, ['advisor']);
  const { loaded, review, user } = access;
  const { row, data, context } = loaded;
  const db = await getDb();
  const actor = actorOf(user, row);
  const status = statusOf(review);
  const assigned = isAssignedAdvisor(actor, review.context);
  const result = await evaluateApplicationCached(`${row.id}:${row.version}`, data, context);
  const summary = await checkAnswersView(loaded, result);
  const threads = await threadsFor(access);
  const organisation = await findOrganisation(db, row.organisation_id);

  // What changed since this advisor last marked the draft as reviewed (or since advice was asked for).
  const mark = await reviewMark(db, row.id, user.id);
  const since = mark?.version ?? (await versionAtFirstRequest(db, row.id)) ?? 0;
  const events = await changesSince(db, row.id, since);
  const fieldChanges = netChanges(
    events
      .filter((e) => e.type.startsWith('step.') || e.type === 'imported')
      .map((e) => ({ at: e.at, by: e.user_name, changes: e.changes })),
  );
  const attachmentChanges = events
    .filter((e) => e.type.startsWith('attachment.'))
    .map((e) => ({
      at: formatDateTime(e.at),
      by: e.user_name ?? 'Gelöschtes Konto',
      what: `${e.type === 'attachment.uploaded' ? 'Hochgeladen' : 'Entfernt'}: ${String(e.details.fileName ?? 'Datei')} (${attachmentTypes.find((t) => t.id === e.details.docType)?.label ?? 'Anlage'})`,
    }));

  const allAdvisors = await listAdvisors(db);
  const url = new URL(request.url);
  return {
    id: row.id,
    title: data.project.title?.trim() || 'Antrag ohne Titel',
    organisation: organisation?.name ?? '–',
    landkreis: organisation ? landkreisLabel[organisation.landkreis] : '–',
    status,
    statusLabel: reviewStatusLabel[status],
    reviewVersion: row.review_version,
    version: row.version,
    assigned,
    mayTake: mayTakeDraft(actor, review.context) && status === 'in_beratung',
    inAdvice: status === 'in_beratung',
    readyForSubmission: status === 'beratung_abgeschlossen' && review.context.readyForSubmission === true,
    changedSinceCompletion: await changedAfterCompletion(review, row),
    advisors: await advisorNames(review),
    addable: allAdvisors.filter((a) => !review.context.advisors.includes(a.id)).map((a) => ({ value: String(a.id), label: a.name })),
    canAddAdvisor: review.context.advisors.length < 2,
    history: await historyOf(review),
    requestNote: [...review.context.history].reverse().find((h) => h.to === 'in_beratung')?.reason ?? null,
    summary,
    threads,
    qualityChecks: await qualityChecksOfApplication(row.id),
    anchors: Object.fromEntries(stepOrder.map((step) => [step, anchorOptions(access, step)])),
    changes: {
      since: mark ? formatDateTime(mark.at) : null,
      fields: fieldChanges.map((c) => ({
        path: c.path,
        step: stepOfPath(c.path),
        label: describePath(c.path, data),
        before: describeValue(c.path, c.before),
        after: describeValue(c.path, c.after),
        at: formatDateTime(c.at),
        by: c.by ?? 'Gelöschtes Konto',
      })),
      attachments: attachmentChanges,
    },
    notice: url.searchParams.get('hinweis'),
    threadHints: (await hintsOf(db, row.id)).map((h) => ({
      id: h.id,
      link: `/netzwerk/themen/${h.threadId}`,
      title: h.title,
      note: h.note,
      by: h.advisorName ?? 'Gelöschtes Konto',
      at: formatDateTime(h.createdAt),
    })),
  };
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
    if (!isAssignedAdvisor(actorOf(access.user, access.loaded.row), access.review.context))
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
    const assigned = isAssignedAdvisor(actorOf(access.user, access.loaded.row), access.review.context);
    if (!assigned)
      return { intent: 'durchgesehen', message: 'Bitte übernehmen Sie die Beratung, bevor Sie Änderungen als durchgesehen markieren.' };
    const version = Number(form.get('version'));
    // Marks exactly what the advisor saw; changes saved since stay listed.
    await setReviewMark(
      await getDb(),
      id,
      access.user.id,
      Number.isInteger(version) && version <= access.loaded.row.version ? version : access.loaded.row.version,
    );
    return redirect(`/beratung/${id}?hinweis=durchgesehen`);
  }
  if (!isReviewIntent(intent)) throw new Response('Unbekannte Aktion.', { status: 400 });
  const concluding = intent === 'beratung.zurueckgeben' || intent === 'beratung.abschliessen';
  const response = await reviewFormAction(access, intent, form, (done) =>
    concluding ? `/beratung?hinweis=${done}&antrag=${id}` : `/beratung/${id}?hinweis=${done}`,
  );
  // Returning or completing means the advisor has reviewed the draft as it is now.
  if (concluding && response instanceof Response && response.status === 302) {
    await setReviewMark(await getDb(), id, access.user.id, access.loaded.row.version);
  }
  return response;
}

const notices: Record<string, string> = {
  uebernommen: 'Sie beraten jetzt diesen Entwurf. Die Organisation wurde benachrichtigt.',
  'beratung.uebernehmen': 'Sie beraten jetzt diesen Entwurf. Die Organisation wurde benachrichtigt.',
  'beratung.hinzuziehen': 'Die Kollegin oder der Kollege ist hinzugezogen und wurde benachrichtigt.',
  durchgesehen: 'Die Änderungen sind als durchgesehen markiert. Künftige Änderungen erscheinen hier neu.',
  netzwerk: 'Der Hinweis auf das Netzwerk-Thema ist gespeichert. Die Organisation wurde benachrichtigt.',
};

/** An advisor points the draft's author to a thread of the network (issue 20 Nr. 6, ADR 0075). */
function ThreadHintForm({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
  const [form, fields] = useForm({
    id: 'netzwerk-hinweis-form',
    lastResult,
    constraint: getZodConstraint(hintSchema),
    shouldValidate: 'onSubmit',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: hintSchema }),
  });
  return (
    <>
      <ErrorSummary form={form} order={['thema', 'notiz']} />
      <PostForm {...getFormProps(form)} noValidate aria-labelledby="netzwerk-hinweis">
        <input type="hidden" name="intent" value="netzwerk-hinweis" />
        <TextField
          field={fields.thema}
          label="Nummer oder Adresse des Themas"
          hint="Zum Beispiel 12 oder die Adresse aus dem Browser (…/netzwerk/themen/12)."
        />
        <TextAreaField
          field={fields.notiz}
          label="Notiz für die Organisation"
          optional
          rows={3}
          hint={`Höchstens ${maxHintNoteLength} Zeichen.`}
        />
        <button type="submit" className="button button--secondary">
          Auf das Thema hinweisen
        </button>
      </PostForm>
    </>
  );
}

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
  const changeCount = d.changes.fields.length + d.changes.attachments.length;
  return (
    <>
      <p className="caption">
        <Link to="/beratung">Beratung</Link> · {d.organisation} · {d.landkreis}
      </p>
      <h1>{d.title}</h1>
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
        {d.mayTake ? (
          <ReviewForm intent="beratung.uebernehmen" schema={null} reviewVersion={d.reviewVersion} submitLabel="Beratung übernehmen" />
        ) : null}
        {!d.assigned && !d.mayTake ? <p>Sie können diesen Entwurf lesen, aber nicht kommentieren.</p> : null}
      </section>

      {d.assigned ? (
        <section aria-labelledby="aenderungen">
          <h2 id="aenderungen">
            Änderungen seit {d.changes.since ? `Ihrer Durchsicht am ${d.changes.since}` : 'der ersten Anfrage'}
            {changeCount ? ` (${changeCount})` : ''}
          </h2>
          {changeCount === 0 ? (
            <p>Keine Änderungen.</p>
          ) : (
            <>
              {d.changes.fields.length ? (
                <ScrollTable
                  caption="Geänderte Angaben, Stand vorher und jetzt"
                  captionHidden
                  label="Geänderte Angaben"
                  className="change-list"
                >
                  <thead>
                    <tr>
                      <th scope="col">Angabe</th>
                      <th scope="col">Vorher</th>
                      <th scope="col">Jetzt</th>
                      <th scope="col">Geändert</th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.changes.fields.map((c) => (
                      <tr key={c.path}>
                        <th scope="row">
                          {c.step ? <span className="hint">{stepInfo[c.step].title}: </span> : null}
                          {c.label}
                        </th>
                        <td className="preserve-lines">
                          <span className="visually-hidden">vorher: </span>
                          <span className="change-before">{c.before}</span>
                        </td>
                        <td className="preserve-lines">{c.after}</td>
                        <td>
                          {c.at}, {c.by}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </ScrollTable>
              ) : null}
              {d.changes.attachments.length ? (
                <ul>
                  {d.changes.attachments.map((a, index) => (
                    <li key={index}>
                      {a.what} – {a.at}, {a.by}
                    </li>
                  ))}
                </ul>
              ) : null}
            </>
          )}
          {markError ? (
            <p className="notice notice--error" role="alert">
              {markError}
            </p>
          ) : null}
          <PostForm>
            <input type="hidden" name="intent" value="durchgesehen" />
            <input type="hidden" name="version" value={d.version} />
            <button type="submit" className="button button--secondary">
              Als durchgesehen markieren
            </button>
          </PostForm>
        </section>
      ) : null}

      {d.assigned && d.inAdvice ? (
        <section aria-labelledby="entscheidung">
          <h2 id="entscheidung">Beratung abschließen oder zurückgeben</h2>
          <div className="two-columns">
            <div>
              <h3>Zur Überarbeitung zurückgeben</h3>
              <ReviewForm
                intent="beratung.zurueckgeben"
                schema={returnSchema}
                reviewVersion={d.reviewVersion}
                submitLabel="Zurückgeben"
                buttonClass="button button--warning"
              >
                {(f) => (
                  <TextAreaField
                    field={f.reason!}
                    label="Begründung"
                    hint="Die Organisation sieht die Begründung. Was soll sie überarbeiten? Mindestens 10 Zeichen."
                    rows={4}
                  />
                )}
              </ReviewForm>
            </div>
            <div>
              <h3>Beratung abschließen</h3>
              <ReviewForm
                intent="beratung.abschliessen"
                schema={completeSchema}
                reviewVersion={d.reviewVersion}
                submitLabel="Beratung abschließen"
              >
                {(f) => (
                  <>
                    <input type="hidden" name="version" value={d.version} />
                    <CheckboxField
                      field={f.ready!}
                      label="Aus Sicht der Beratung einreichungsfähig"
                      hint="Eine Einschätzung der Beratung, keine Entscheidung der SAB."
                    />
                    <TextAreaField field={f.note!} label="Abschließende Anmerkung" optional rows={3} />
                  </>
                )}
              </ReviewForm>
            </div>
          </div>
          {d.canAddAdvisor && d.addable.length ? (
            <>
              <h3>Kollegin oder Kollegen hinzuziehen</h3>
              <ReviewForm
                intent="beratung.hinzuziehen"
                schema={addAdvisorSchema}
                reviewVersion={d.reviewVersion}
                submitLabel="Hinzuziehen"
                buttonClass="button button--secondary"
              >
                {(f) => <SelectField field={f.advisor!} label="Beraterin oder Berater" options={d.addable} />}
              </ReviewForm>
            </>
          ) : null}
        </section>
      ) : null}

      {d.assigned || d.threadHints.length ? (
        <section aria-labelledby="netzwerk-hinweis">
          <h2 id="netzwerk-hinweis">Hinweis auf ein Netzwerk-Thema</h2>
          {d.threadHints.length ? (
            <ul>
              {d.threadHints.map((h) => (
                <li key={h.id}>
                  <Link to={h.link}>{h.title}</Link>
                  <span className="caption">
                    {' '}
                    · {h.by}, {h.at}
                  </span>
                  {h.note ? <p className="preserve-lines">{h.note}</p> : null}
                </li>
              ))}
            </ul>
          ) : null}
          {d.assigned ? <ThreadHintForm lastResult={threadHintResultOf(actionData)} /> : null}
        </section>
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

function CommentSection({
  step,
  threads,
  assigned,
  anchors,
  error,
}: {
  step: EditableStep;
  threads: ReturnType<typeof useLoaderData<typeof loader>>['threads'];
  assigned: boolean;
  anchors: Array<{ value: string; label: string }>;
  error: CommentFormError['commentError'] | null;
}) {
  const open = threads.filter((t) => !t.resolved).length;
  return (
    <div className="comments">
      <h4 className="heading-small">
        Kommentare zu „{stepInfo[step].title}“{threads.length ? ` (${open} offen)` : ''}
      </h4>
      {threads.length ? (
        <CommentThreads threads={threads} formId={null} placeHref={() => null} mayReply={assigned} error={error} headingLevel={4} />
      ) : null}
      {assigned ? (
        <details key={threads.length} className="details" open={error?.form === `neu-${step}` || undefined}>
          <summary>
            Kommentar schreiben<span className="visually-hidden"> zu {stepInfo[step].title}</span>
          </summary>
          <NewCommentForm step={step} anchors={anchors} error={error} advisor idPrefix="beratung" />
        </details>
      ) : null}
    </div>
  );
}
