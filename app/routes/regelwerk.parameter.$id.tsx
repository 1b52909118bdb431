import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { formatDate } from '../../machines/shared/format';
import { ChangePreviewSections } from '../components/regelwerk/change-preview';
import { RegelwerkNav } from '../components/regelwerk/nav';
import { drafts, PublishedEffects, PublishOrDiscard, RollbackForm } from '../components/regelwerk/parameter-change-actions';
import { ParameterChangeSummary } from '../components/regelwerk/parameter-change-summary';
import { readProtectedForm } from '../csrf.server';
import { discardParameterDraft, parameterChangePage, proposeRollback } from '../regelwerk/parameter-change.server';
import { requireParameterChange, workbenchEditors, workbenchReaders } from '../regelwerk/workbench.server';
import { requireRole } from '../session.server';

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [
  { title: `${d ? `Änderung Nr. ${d.change.id}` : 'Änderung'} – Parameter – Regelwerk – Förderlotse Bürgerbeteiligung` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, workbenchReaders);
  return parameterChangePage(user, params.id, new URL(request.url).searchParams.get('hinweis'));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, workbenchEditors);
  const formData = await readProtectedForm(request);
  const change = await requireParameterChange(params.id);
  const intent = formData.get('intent');
  if (intent === 'verwerfen') {
    const outcome = await discardParameterDraft(user, change);
    if (!outcome.ok) return data({ error: outcome.error }, { status: 400 });
    return redirect(`/regelwerk/parameter/${outcome.id}?hinweis=verworfen`);
  }
  if (intent === 'zuruecknehmen') {
    const outcome = await proposeRollback(user, change);
    if (!outcome.ok) return data({ error: outcome.error }, { status: 400 });
    return redirect(`/regelwerk/parameter/${outcome.id}?hinweis=ruecknahme`);
  }
  return data({ error: 'Unbekannte Aktion.' }, { status: 400 });
}

const notices: Record<string, string> = {
  veroeffentlicht: 'Die Änderung ist veröffentlicht.',
  angelegt: 'Die Änderung ist als Entwurf angelegt. Prüfen Sie unten die Auswirkungen.',
  verworfen: 'Die Änderung wurde verworfen; nichts wurde veröffentlicht.',
  ruecknahme: 'Die Rücknahme ist als Entwurf angelegt. Prüfen Sie die Auswirkungen und veröffentlichen Sie sie.',
};

export default function ParameterChange() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const c = d.change;
  return (
    <>
      <p className="caption">
        <Link to="/regelwerk/parameter">Parameter</Link> · Änderung Nr. {c.id}
      </p>
      <h1>
        {c.label}: {c.value} ab {formatDate(c.from)}
      </h1>
      <RegelwerkNav showStatistics={d.mayEdit} />
      {actionData?.error ? (
        <div className="error-summary" role="alert" tabIndex={-1} aria-labelledby="fehler-titel">
          <h2 id="fehler-titel" className="error-summary__title">
            Nicht ausgeführt
          </h2>
          <p>{actionData.error}</p>
        </div>
      ) : null}
      {d.notice && notices[d.notice] ? (
        <div className="notice notice--success" role="status">
          <p>
            {notices[d.notice]}
            {d.notice === 'veroeffentlicht' && d.effects
              ? (() => {
                  const changed = d.effects.drafts.filter((x) => x.changed).length;
                  return changed
                    ? ` Bei ${drafts(changed)} ändert sich das Ergebnis; die Organisationen und ihre Beratungen wurden benachrichtigt.`
                    : ' Bei keinem Entwurf ändert sich das Ergebnis; niemand musste benachrichtigt werden.';
                })()
              : null}
          </p>
        </div>
      ) : null}
      <ParameterChangeSummary change={c} approval={d.approval} />

      {d.preview ? (
        <>
          <h2>Auswirkungen, wenn Sie veröffentlichen</h2>
          <ChangePreviewSections preview={d.preview} onDate={c.from} change="dem neuen Wert" />
          {d.mayEdit ? <PublishOrDiscard id={c.id} approval={d.approval} /> : null}
        </>
      ) : null}

      {d.effects ? <PublishedEffects effects={d.effects} /> : null}

      {c.status === 'veroeffentlicht' && d.mayEdit ? <RollbackForm from={c.from} /> : null}
    </>
  );
}
