import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { recordAudit } from '../../db/repositories/audit';
import { createParameterChange, discardParameterChange, publishedValues, toPublishedValue } from '../../db/repositories/regelwerk';
import { verdictLabel, type Verdict } from '../../machines/frl/engine';
import { shippedParameters } from '../../machines/frl/parameters';
import { rollbackProposal } from '../../machines/frl/regelwerk/overlay';
import { effectiveDateProblem, sameValueProblem } from '../../machines/frl/regelwerk/parameter-change';
import { formatDate } from '../../machines/shared/format';
import { approvalView, changePreviewView, parameterChangeView, routeName } from '../regelwerk/change-preview.server';
import { ChangePreviewSections, DraftTable } from '../components/regelwerk/change-preview';
import { ApprovalNote, ParameterChangeSummary } from '../components/regelwerk/parameter-change-summary';
import { PostForm } from '../components/forms';
import { RegelwerkNav } from '../components/regelwerk/nav';
import { unreadableDraftsNote } from '../components/regelwerk/changes';
import { readProtectedForm } from '../csrf.server';
import { getDb } from '../db.server';
import {
  askForApproval,
  describeValue,
  previewChange,
  requireParameterChange,
  workbenchEditors,
  workbenchReaders,
} from '../regelwerk/workbench.server';
import { rulesOptions, todayInSaxony } from '../rules.server';
import { requireRole } from '../session.server';

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [
  { title: `${d ? `Änderung Nr. ${d.change.id}` : 'Änderung'} – Parameter – Regelwerk – Förderlotse Bürgerbeteiligung` },
];

interface StoredEffects {
  suite: { cases: number; failedBefore: number; failedAfter: number; changed: string[] };
  checkedDrafts: number;
  /** Missing in effects stored before the count was recorded. */
  unreadableDrafts?: number;
  drafts: Array<{ id: number; route: string | null; verdictBefore: Verdict; verdictAfter: Verdict; reasons: string[] }>;
}

/** What was found at publication, with the routes and verdicts in words. */
function storedEffectsView(effects: StoredEffects) {
  return {
    suite: effects.suite,
    checkedDrafts: effects.checkedDrafts,
    unreadableNote: unreadableDraftsNote(effects.unreadableDrafts ?? 0),
    drafts: effects.drafts.map((x) => ({
      id: x.id,
      route: routeName(x.route),
      verdictBefore: verdictLabel[x.verdictBefore],
      verdictAfter: verdictLabel[x.verdictAfter],
      changed: x.verdictBefore !== x.verdictAfter,
      reasons: x.reasons,
    })),
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, workbenchReaders);
  const change = await requireParameterChange(params.id);
  const { parameters } = await rulesOptions();
  const base = {
    mayEdit: user.role === 'ministry',
    change: parameterChangeView(change, parameters),
    approval: approvalView(change, user),
    notice: new URL(request.url).searchParams.get('hinweis'),
  };
  if (change.status !== 'entwurf') {
    return { ...base, preview: null, effects: change.effects ? storedEffectsView(JSON.parse(change.effects) as StoredEffects) : null };
  }
  return { ...base, effects: null, preview: changePreviewView(await previewChange(change)) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, workbenchEditors);
  const formData = await readProtectedForm(request);
  const change = await requireParameterChange(params.id);
  const db = await getDb();
  const intent = formData.get('intent');
  if (intent === 'verwerfen') {
    const discarded = await db.transaction().execute(async (trx) => {
      if (!(await discardParameterChange(trx, change.id, user.id))) return false;
      await recordAudit(trx, {
        actorUserId: user.id,
        action: 'regelwerk.parameter.verworfen',
        subjectType: 'parameter_change',
        subjectId: change.id,
        details: { summary: `Änderung Nr. ${change.id} verworfen (nicht veröffentlicht).` },
      });
      return true;
    });
    if (!discarded) return data({ error: 'Diese Änderung ist kein Entwurf mehr; sie kann nicht verworfen werden.' }, { status: 400 });
    return redirect(`/regelwerk/parameter/${change.id}?hinweis=verworfen`);
  }
  if (intent === 'zuruecknehmen') {
    const target = toPublishedValue(change);
    if (!target) return data({ error: 'Nur veröffentlichte Änderungen können zurückgenommen werden.' }, { status: 400 });
    const today = todayInSaxony();
    const proposal = rollbackProposal(shippedParameters, await publishedValues(db), target, today);
    if (!proposal) return data({ error: 'Vor dieser Änderung galt kein Wert; es gibt nichts wiederherzustellen.' }, { status: 400 });
    const { parameters } = await rulesOptions();
    const input = {
      parameterId: proposal.parameterId,
      value: proposal.value.value,
      effectiveFrom: proposal.from,
      reference: proposal.value.reference,
      note: `Rücknahme der Änderung Nr. ${change.id}`,
      assumption: proposal.value.assumption,
    };
    const problem = effectiveDateProblem(input.effectiveFrom, today) ?? sameValueProblem(parameters, input);
    if (problem) return data({ error: `Keine Rücknahme nötig oder möglich: ${problem}` }, { status: 400 });
    const created = await db.transaction().execute(async (trx) => {
      const row = await createParameterChange(trx, { ...input, rollsBack: change.id }, user.id);
      await recordAudit(trx, {
        actorUserId: user.id,
        action: 'regelwerk.parameter.angelegt',
        subjectType: 'parameter_change',
        subjectId: row.id,
        details: {
          ...input,
          rollsBack: change.id,
          summary: `Änderung Nr. ${row.id} angelegt: Rücknahme von Nr. ${change.id}, ${parameters[input.parameterId].label} wieder ${describeValue(parameters, input.parameterId, input.value)} ab ${formatDate(input.effectiveFrom)}.`,
        },
      });
      await askForApproval(trx, {
        proposedBy: user.id,
        what: `die Rücknahme der Änderung Nr. ${change.id} (Änderung Nr. ${row.id})`,
        path: `/regelwerk/parameter/${row.id}/freigabe`,
      });
      return row;
    });
    return redirect(`/regelwerk/parameter/${created.id}?hinweis=ruecknahme`);
  }
  return data({ error: 'Unbekannte Aktion.' }, { status: 400 });
}

const drafts = (n: number) => (n === 1 ? '1 Entwurf' : `${n} Entwürfe`);

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
          {d.mayEdit ? (
            <>
              <h2>Veröffentlichen oder verwerfen</h2>
              <ApprovalNote approval={d.approval} />
              <div className="button-row">
                {d.approval.mayApprove ? (
                  <Link to={`/regelwerk/parameter/${c.id}/freigabe`} className="button">
                    {d.approval.fourEyes ? 'Prüfen und freigeben' : 'Veröffentlichen'}
                  </Link>
                ) : null}
                <PostForm>
                  <button type="submit" name="intent" value="verwerfen" className="button button--secondary">
                    Verwerfen
                  </button>
                </PostForm>
              </div>
            </>
          ) : null}
        </>
      ) : null}

      {d.effects ? (
        <>
          <h2>Was bei der Veröffentlichung festgestellt wurde</h2>
          <p>
            Testsuite: {d.effects.suite.cases} Fälle, vorher {d.effects.suite.failedBefore} und nachher {d.effects.suite.failedAfter}{' '}
            fehlgeschlagen. {drafts(d.effects.checkedDrafts)} geprüft.
            {d.effects.unreadableNote ? <> {d.effects.unreadableNote}</> : null}
          </p>
          <DraftTable caption="Entwürfe, deren Ergebnis sich mit dieser Veröffentlichung ändert" drafts={d.effects.drafts} />
        </>
      ) : null}

      {c.status === 'veroeffentlicht' && d.mayEdit ? (
        <>
          <h2>Zurücknehmen</h2>
          <p>
            Eine Rücknahme legt den Wert, der vorher galt, als neuen Entwurf an – ab {formatDate(c.from)} oder, wenn dieser Tag vorbei ist,
            ab heute. Sie prüfen seine Auswirkungen und veröffentlichen ihn wie jede Änderung.
          </p>
          <PostForm>
            <button type="submit" name="intent" value="zuruecknehmen" className="button button--secondary">
              Rücknahme als Entwurf anlegen
            </button>
          </PostForm>
        </>
      ) : null}
    </>
  );
}
