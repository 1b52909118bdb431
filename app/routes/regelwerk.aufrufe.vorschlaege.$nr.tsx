import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { publishCallChange, requireCallChange } from '../regelwerk/call-changes.server';
import { PostForm } from '../components/forms';
import { ChangePreviewSections } from '../components/regelwerk/change-preview';
import { RegelwerkNav } from '../components/regelwerk/nav';
import { ApprovalNote } from '../components/regelwerk/parameter-change-summary';
import { ScrollTable } from '../components/scroll-table';
import { readProtectedForm } from '../csrf.server';
import { workbenchEditors, workbenchReaders } from '../regelwerk/workbench.server';
import { requireRole } from '../session.server';
import { callChangePage, discardCallProposal } from '../regelwerk/call-changes.server';

/**
 * A proposed funding call and its confirmation page: what changes field by field, which call the
 * Förder-Check and the drafts show afterwards, which test cases and drafts change their result,
 * and the approval – with the four-eyes principle by a second ministry account (ADR 0024).
 */

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [
  { title: `Vorschlag Nr. ${d?.proposal.id ?? ''}: ${d?.proposal.title ?? 'Förderaufruf'} – Regelwerk – Förderlotse Bürgerbeteiligung` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, workbenchReaders);
  return callChangePage(user, new URL(request.url), params.nr);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, workbenchEditors);
  const formData = await readProtectedForm(request);
  const change = await requireCallChange(params.nr);
  const intent = formData.get('intent');
  if (intent === 'veroeffentlichen') {
    const outcome = await publishCallChange(change.id, user.id, { confirmedDigest: String(formData.get('geprueft') ?? '') });
    if (!outcome.ok)
      return data(
        { error: outcome.message, stale: outcome.stale ?? false },
        { status: outcome.stale || change.status !== 'entwurf' ? 409 : 400 },
      );
    return redirect('/regelwerk/aufrufe?hinweis=veroeffentlicht');
  }
  if (intent === 'verwerfen') {
    const discarded = await discardCallProposal(user, change);
    if (!discarded)
      return data(
        { error: 'Dieser Vorschlag wartet nicht mehr auf Freigabe; er kann nicht verworfen werden.', stale: false },
        { status: 409 },
      );
    return redirect(`/regelwerk/aufrufe/vorschlaege/${change.id}?hinweis=verworfen`);
  }
  return data({ error: 'Unbekannte Aktion.', stale: false }, { status: 400 });
}

export default function CallProposal() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const p = d.proposal;
  return (
    <>
      <p className="caption">
        <Link to="/regelwerk/aufrufe">Förderaufrufe</Link> · Vorschlag Nr. {p.id}
      </p>
      <h1>
        {p.isNew ? 'Neuer Förderaufruf' : 'Änderung'}: {p.title}
      </h1>
      <RegelwerkNav showStatistics={d.mayEdit} />
      {actionData?.error ? (
        <div className="error-summary" role="alert" tabIndex={-1} aria-labelledby="fehler-titel">
          <h2 id="fehler-titel" className="error-summary__title">
            {actionData.stale ? 'Bitte noch einmal prüfen' : 'Nicht ausgeführt'}
          </h2>
          <p>{actionData.error}</p>
        </div>
      ) : null}
      {d.notice === 'angelegt' ? (
        <div className="notice notice--success" role="status">
          <p>
            Ihr Vorschlag ist gespeichert, aber noch nicht veröffentlicht.{' '}
            {d.approval.fourEyes
              ? 'Eine zweite Person des Ministeriums prüft ihn und gibt ihn frei; sie wurde benachrichtigt.'
              : 'Prüfen Sie unten, was sich ändert, und bestätigen Sie die Veröffentlichung.'}
          </p>
        </div>
      ) : null}
      {d.notice === 'verworfen' ? (
        <div className="notice notice--success" role="status">
          <p>Der Vorschlag wurde verworfen; nichts wurde veröffentlicht.</p>
        </div>
      ) : null}
      <dl className="summary-list">
        <div>
          <dt>Status</dt>
          <dd>
            {p.status}
            {d.approval.pending && d.approval.fourEyes ? ' – wartet auf Freigabe durch eine zweite Person des Ministeriums' : ''}
          </dd>
        </div>
        <div>
          <dt>Angelegt</dt>
          <dd>
            {p.createdAt} von {p.createdBy}
          </dd>
        </div>
        {p.decidedAt ? (
          <div>
            <dt>{p.published ? 'Veröffentlicht' : 'Verworfen'}</dt>
            <dd>
              {p.decidedAt} von {p.decidedBy}
              {d.approval.mode ? `, ${d.approval.mode}` : ''}
            </dd>
          </div>
        ) : null}
        {p.published ? (
          <div>
            <dt>Förderaufruf</dt>
            <dd>
              <Link to={`/regelwerk/aufrufe/${p.callId}`}>{p.title}</Link>
            </dd>
          </div>
        ) : null}
      </dl>

      <h2>Was sich ändert</h2>
      <ScrollTable caption={p.isNew ? 'Angaben des neuen Förderaufrufs' : 'Geänderte Angaben des Förderaufrufs'} label="Was sich ändert">
        <thead>
          <tr>
            <th scope="col">Angabe</th>
            {p.isNew ? null : <th scope="col">Bisher</th>}
            <th scope="col">{p.isNew ? 'Wert' : 'Neu'}</th>
          </tr>
        </thead>
        <tbody>
          {d.differences.map((x) => (
            <tr key={x.field}>
              <th scope="row">{x.label}</th>
              {p.isNew ? null : <td className="preserve-lines">{x.before}</td>}
              <td className="preserve-lines">{x.after}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>

      {d.preview && d.shown ? (
        <>
          <h2>Wen es betrifft</h2>
          <p>
            Ein Förderaufruf gilt ab seiner Veröffentlichung. Heute zeigen Förder-Check und Anträge {d.shown.now}; nach der Veröffentlichung{' '}
            {d.shown.after === d.shown.now ? 'weiterhin diesen Aufruf' : d.shown.after}
            {d.shown.after === d.shown.now && !p.isNew ? ' mit den geänderten Angaben' : ''}.
          </p>
          <ChangePreviewSections preview={d.preview} onDate={null} change="dem geänderten Aufruf" />
          {d.mayEdit ? (
            <>
              <h2>Bestätigen</h2>
              <ApprovalNote approval={d.approval} />
              <div className="button-row">
                {d.approval.mayApprove ? (
                  <PostForm>
                    <input type="hidden" name="geprueft" value={d.digest ?? ''} />
                    <button type="submit" name="intent" value="veroeffentlichen" className="button">
                      {d.approval.fourEyes ? 'Freigeben und veröffentlichen' : 'Jetzt veröffentlichen'}
                    </button>
                  </PostForm>
                ) : null}
                <PostForm>
                  <button type="submit" name="intent" value="verwerfen" className="button button--secondary">
                    Vorschlag verwerfen
                  </button>
                </PostForm>
              </div>
            </>
          ) : null}
        </>
      ) : null}
    </>
  );
}
