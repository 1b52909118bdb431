import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { formatDate } from '../../machines/shared/format';
import { approvalView, changePreviewView, parameterChangeView } from '../regelwerk/change-preview.server';
import { PostForm } from '../components/forms';
import { ChangePreviewSections } from '../components/regelwerk/change-preview';
import { ApprovalNote, ParameterChangeSummary } from '../components/regelwerk/parameter-change-summary';
import { RegelwerkNav } from '../components/regelwerk/nav';
import { readProtectedForm } from '../csrf.server';
import { previewChange, previewDigest, publishChange, requireParameterChange, workbenchEditors } from '../regelwerk/workbench.server';
import { rulesOptions, todayInSaxony } from '../rules.server';
import { requireRole } from '../session.server';

/**
 * The confirmation page of a parameter change: what it sets, which test cases and drafts change
 * their result, and – with the four-eyes principle – the approval by a second ministry account
 * (docs/decisions/0024). The form carries a fingerprint of the effects shown, so a publication
 * never rests on effects nobody saw.
 */

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [
  {
    title: `${d?.approval.fourEyes ? 'Freigeben' : 'Veröffentlichen'}: Änderung Nr. ${d?.change.id ?? ''} – Regelwerk – Förderlotse Bürgerbeteiligung`,
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, workbenchEditors);
  const change = await requireParameterChange(params.id);
  const { parameters } = await rulesOptions();
  const preview = change.status === 'entwurf' ? await previewChange(change) : null;
  return {
    change: parameterChangeView(change, parameters),
    approval: approvalView(change, user),
    today: todayInSaxony(),
    preview: preview ? changePreviewView(preview) : null,
    digest: preview ? previewDigest(preview) : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, workbenchEditors);
  const formData = await readProtectedForm(request);
  const change = await requireParameterChange(params.id);
  const outcome = await publishChange(change.id, user.id, { confirmedDigest: String(formData.get('geprueft') ?? '') });
  if (!outcome.ok)
    return data(
      { error: outcome.message, stale: outcome.stale ?? false },
      { status: outcome.stale || change.status !== 'entwurf' ? 409 : 400 },
    );
  return redirect(`/regelwerk/parameter/${change.id}?hinweis=veroeffentlicht`);
}

const draftsText = (n: number) =>
  n === 0
    ? 'Kein gespeicherter Entwurf ändert sein Ergebnis; niemand muss benachrichtigt werden.'
    : `${n === 1 ? '1 Entwurf ändert sein' : `${n} Entwürfe ändern ihr`} Ergebnis; die Organisationen und ihre Beratungen werden benachrichtigt.`;
const casesText = (n: number) =>
  n === 0 ? 'Kein Testfall ändert sein Ergebnis' : n === 1 ? '1 Testfall ändert sein Ergebnis' : `${n} Testfälle ändern ihr Ergebnis`;

export default function ConfirmParameterChange() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const c = d.change;
  const verb = d.approval.fourEyes ? 'freigeben' : 'veröffentlichen';
  return (
    <>
      <p className="caption">
        <Link to="/regelwerk/parameter">Parameter</Link> · <Link to={`/regelwerk/parameter/${c.id}`}>Änderung Nr. {c.id}</Link>
      </p>
      <h1>
        Änderung Nr. {c.id} {verb}
      </h1>
      <RegelwerkNav showStatistics />
      {actionData?.error ? (
        <div className="error-summary" role="alert" tabIndex={-1} aria-labelledby="fehler-titel">
          <h2 id="fehler-titel" className="error-summary__title">
            {actionData.stale ? 'Bitte noch einmal prüfen' : 'Nicht veröffentlicht'}
          </h2>
          <p>{actionData.error}</p>
        </div>
      ) : null}
      {!d.preview ? (
        <>
          <p>
            Diese Änderung ist {c.status === 'veroeffentlicht' ? 'bereits veröffentlicht' : 'verworfen'}; hier gibt es nichts mehr
            freizugeben.
          </p>
          <p>
            <Link to={`/regelwerk/parameter/${c.id}`}>Zur Änderung Nr. {c.id}</Link>
          </p>
        </>
      ) : (
        <>
          <p className="lead">
            Bitte prüfen Sie, was sich ändert. Erst mit Ihrer Bestätigung wird der Wert veröffentlicht; er gilt dann ab {formatDate(c.from)}
            .
          </p>
          <h2>Was sich ändert</h2>
          <p>
            {c.label}: {c.before ? `${c.before.value} → ` : ''}
            <strong>{c.value}</strong> ab {formatDate(c.from)} ({c.reference}).
          </p>
          <ParameterChangeSummary change={c} approval={d.approval} />
          <h2>Wen es betrifft</h2>
          <ul>
            <li>
              {casesText(d.preview.suiteChanged.length)}
              {d.preview.suiteOnDate.length ? `, ${d.preview.suiteOnDate.length} weitere am ${formatDate(c.from)}` : ''}.
            </li>
            <li>{draftsText(d.preview.drafts.filter((x) => x.changed).length)}</li>
            <li>
              {c.from === d.today
                ? 'Der Wert gilt ab heute: Die gespeicherten Ergebnisse aller Entwürfe werden sofort aktualisiert.'
                : `Die gespeicherten Ergebnisse der Entwürfe werden am ${formatDate(c.from)} aktualisiert.`}
            </li>
          </ul>
          <h2>Auswirkungen im Einzelnen</h2>
          <ChangePreviewSections preview={d.preview} onDate={c.from} change="dem neuen Wert" />
          <h2>Bestätigen</h2>
          <ApprovalNote approval={d.approval} />
          {d.approval.mayApprove ? (
            <PostForm className="button-row">
              <input type="hidden" name="geprueft" value={d.digest ?? ''} />
              <button type="submit" className="button">
                {d.approval.fourEyes ? 'Freigeben und veröffentlichen' : 'Jetzt veröffentlichen'}
              </button>
              <Link to={`/regelwerk/parameter/${c.id}`} className="button button--secondary">
                Abbrechen
              </Link>
            </PostForm>
          ) : (
            <p>
              <Link to={`/regelwerk/parameter/${c.id}`}>Zurück zur Änderung Nr. {c.id}</Link>
            </p>
          )}
        </>
      )}
    </>
  );
}
