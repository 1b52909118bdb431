import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import type { ReactNode } from 'react';
import { recordAudit } from '../../db/repositories/audit';
import { createParameterChange, discardParameterChange, findParameterChange, publishedValues, toPublishedValue } from '../../db/repositories/regelwerk';
import { verdictLabel, type Verdict } from '../../machines/frl/engine';
import { routeInfo, type FundingRoute } from '../../machines/frl/routes';
import { shippedParameters, valueOn } from '../../machines/frl/parameters';
import { rollbackProposal } from '../../machines/frl/regelwerk/overlay';
import { effectiveDateProblem, sameValueProblem } from '../../machines/frl/regelwerk/parameter-change';
import { describeShift, verdictChanged } from '../../machines/frl/regelwerk/preview';
import { formatDate, formatDateTime } from '../../machines/shared/format';
import { PostForm } from '../components/forms';
import { RegelwerkNav } from '../components/regelwerk/nav';
import { changeStatusLabel, unreadableDraftsNote } from '../components/regelwerk/changes';
import { readProtectedForm } from '../csrf.server';
import { getDb } from '../db.server';
import { describeValue, isParameterId, previewChange, publishChange, workbenchEditors, workbenchReaders } from '../regelwerk.server';
import { rulesOptions, todayInSaxony } from '../rules.server';
import { requireRole } from '../session.server';
import { ScrollTable } from '../components/scroll-table';

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [
  { title: `${d ? `Änderung Nr. ${d.change.id}` : 'Änderung'} – Parameter – Regelwerk – Förderlotse Bürgerbeteiligung` },
];

async function requireChange(idParam: string | undefined) {
  const id = Number(idParam);
  if (!Number.isInteger(id) || id <= 0) throw new Response('Nicht gefunden', { status: 404 });
  const change = await findParameterChange(await getDb(), id);
  if (!change || !isParameterId(change.parameter_id)) throw new Response('Nicht gefunden', { status: 404 });
  return change;
}

const routeName = (route: string | null) => (route && route in routeInfo ? routeInfo[route as FundingRoute].shortLabel : 'Förderweg offen');

interface StoredEffects {
  suite: { cases: number; failedBefore: number; failedAfter: number; changed: string[] };
  checkedDrafts: number;
  /** Missing in effects stored before the count was recorded. */
  unreadableDrafts?: number;
  drafts: Array<{ id: number; route: string | null; verdictBefore: Verdict; verdictAfter: Verdict; reasons: string[] }>;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, workbenchReaders);
  const change = await requireChange(params.id);
  const { parameters } = await rulesOptions();
  const parameterId = change.parameter_id as keyof typeof parameters;
  const before = valueOn(parameters[parameterId], change.effective_from);
  const url = new URL(request.url);
  const base = {
    mayEdit: user.role === 'ministry',
    change: {
      id: change.id,
      label: parameters[parameterId].label,
      parameterId,
      value: describeValue(parameters, parameterId, change.value),
      from: change.effective_from,
      reference: change.reference,
      note: change.note,
      assumption: change.assumption,
      status: change.status,
      rollsBack: change.rolls_back,
      publication: change.publication,
      createdAt: formatDateTime(change.created_at),
      createdBy: change.created_by_name ?? 'unbekannt',
      decidedAt: change.decided_at ? formatDateTime(change.decided_at) : null,
      decidedBy: change.decided_by_name,
    },
    before: change.status === 'entwurf' && before ? { value: describeValue(parameters, parameterId, before.value), reference: before.reference, from: before.from } : null,
    notice: url.searchParams.get('hinweis'),
  };
  if (change.status !== 'entwurf') {
    return { ...base, preview: null, effects: change.effects ? (JSON.parse(change.effects) as StoredEffects) : null };
  }
  const preview = await previewChange(change);
  return {
    ...base,
    effects: null,
    preview: {
      suiteCases: preview.suite.length,
      suiteFailedBefore: preview.suite.filter((c) => !c.passedBefore).length,
      suiteFailedAfter: preview.suite.filter((c) => !c.passedAfter).length,
      suiteChanged: preview.suite
        .filter((c) => c.passedBefore !== c.passedAfter || (c.comparison && (verdictChanged(c.comparison) || c.comparison.shifts.length)))
        .map((c) => ({
          name: c.name,
          source: c.source,
          passedAfter: c.passedAfter,
          failures: c.failuresAfter,
          verdictBefore: c.comparison ? verdictLabel[c.comparison.verdictBefore] : null,
          verdictAfter: c.comparison ? verdictLabel[c.comparison.verdictAfter] : null,
          reasons: c.comparison ? c.comparison.shifts.map(describeShift) : [],
        })),
      suiteOnDate: preview.suite
        .filter((c) => c.onEffectiveDate && (verdictChanged(c.onEffectiveDate) || c.onEffectiveDate.shifts.length))
        .map((c) => ({
          name: c.name,
          source: c.source,
          verdictBefore: verdictLabel[c.onEffectiveDate!.verdictBefore],
          verdictAfter: verdictLabel[c.onEffectiveDate!.verdictAfter],
          reasons: c.onEffectiveDate!.shifts.map(describeShift),
        })),
      checkedDrafts: preview.checkedDrafts,
      unreadableNote: unreadableDraftsNote(preview.unreadableDrafts),
      drafts: preview.drafts.map((d) => ({
        id: d.id,
        route: routeName(d.route),
        verdictBefore: verdictLabel[d.comparison.verdictBefore],
        verdictAfter: verdictLabel[d.comparison.verdictAfter],
        changed: verdictChanged(d.comparison),
        reasons: d.comparison.shifts.map(describeShift),
      })),
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, workbenchEditors);
  const formData = await readProtectedForm(request);
  const change = await requireChange(params.id);
  const db = await getDb();
  const intent = formData.get('intent');
  if (intent === 'veroeffentlichen') {
    const outcome = await publishChange(change.id, user.id);
    if (!outcome.ok) return data({ error: outcome.message }, { status: 400 });
    return redirect(`/regelwerk/parameter/${change.id}?hinweis=veroeffentlicht`);
  }
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
      return row;
    });
    return redirect(`/regelwerk/parameter/${created.id}?hinweis=ruecknahme`);
  }
  return data({ error: 'Unbekannte Aktion.' }, { status: 400 });
}

const drafts = (n: number) => (n === 1 ? '1 Entwurf' : `${n} Entwürfe`);

const notices: Record<string, string> = {
  veroeffentlicht: 'Die Änderung ist veröffentlicht.',
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
                  const changed = d.effects.drafts.filter((x) => x.verdictBefore !== x.verdictAfter).length;
                  return changed
                    ? ` Bei ${drafts(changed)} ändert sich das Ergebnis; die Organisationen und ihre Beratungen wurden benachrichtigt.`
                    : ' Bei keinem Entwurf ändert sich das Ergebnis; niemand musste benachrichtigt werden.';
                })()
              : null}
          </p>
        </div>
      ) : null}
      <dl className="summary-list">
        <div>
          <dt>Status</dt>
          <dd>
            {changeStatusLabel(c.status)}
            {c.publication ? ` (Veröffentlichung Nr. ${c.publication})` : ''}
          </dd>
        </div>
        <div>
          <dt>Parameter</dt>
          <dd>
            {c.label} <code>{c.parameterId}</code>
          </dd>
        </div>
        {d.before ? (
          <div>
            <dt>Bisher an diesem Tag</dt>
            <dd>
              {d.before.value} ({d.before.reference}, gültig ab {formatDate(d.before.from)})
            </dd>
          </div>
        ) : null}
        <div>
          <dt>Neuer Wert</dt>
          <dd>{c.value}</dd>
        </div>
        <div>
          <dt>Gilt ab</dt>
          <dd>{formatDate(c.from)}</dd>
        </div>
        <div>
          <dt>Fundstelle</dt>
          <dd>{c.reference}</dd>
        </div>
        {c.note ? (
          <div>
            <dt>Bemerkung</dt>
            <dd>{c.note}</dd>
          </div>
        ) : null}
        {c.assumption ? (
          <div>
            <dt>Annahme</dt>
            <dd>
              <span className="tag tag--blue">Annahme</span> {c.assumption}
            </dd>
          </div>
        ) : null}
        {c.rollsBack ? (
          <div>
            <dt>Nimmt zurück</dt>
            <dd>
              <Link to={`/regelwerk/parameter/${c.rollsBack}`}>Änderung Nr. {c.rollsBack}</Link>
            </dd>
          </div>
        ) : null}
        <div>
          <dt>Angelegt</dt>
          <dd>
            {c.createdAt} von {c.createdBy}
          </dd>
        </div>
        {c.decidedAt ? (
          <div>
            <dt>{c.status === 'veroeffentlicht' ? 'Veröffentlicht' : 'Verworfen'}</dt>
            <dd>
              {c.decidedAt} von {c.decidedBy ?? 'unbekannt'}
            </dd>
          </div>
        ) : null}
      </dl>

      {d.preview ? (
        <>
          <h2>Auswirkungen, wenn Sie veröffentlichen</h2>
          <p>
            Verglichen wird am {formatDate(c.from)} mit den geltenden Regeln und mit diesem Wert; nur der Wert unterscheidet
            sich, jede Änderung geht also auf ihn zurück.
          </p>
          <h3>Testsuite</h3>
          <p>
            {d.preview.suiteCases} Fälle: bisher {d.preview.suiteCases - d.preview.suiteFailedBefore} bestanden, mit dem
            neuen Wert {d.preview.suiteCases - d.preview.suiteFailedAfter} bestanden.{' '}
            {d.preview.suiteChanged.length === 0 ? 'Kein Fall ändert sein Ergebnis.' : `${d.preview.suiteChanged.length} Fälle ändern sich:`}
          </p>
          {d.preview.suiteChanged.length ? (
            <CaseTable
              caption="Testfälle, die sich ändern"
              label="Geänderte Testfälle"
              headings={['Ergebnis bisher', 'Ergebnis neu']}
              cases={d.preview.suiteChanged.map((x) => ({
                key: x.source + x.name,
                name: x.name,
                source: x.source,
                before: x.verdictBefore ?? '–',
                after: x.verdictAfter ?? '–',
                expectationMissed: !x.passedAfter,
                reasons: [...x.reasons, ...x.failures],
              }))}
            />
          ) : null}
          <h4>Dieselben Fälle am {formatDate(c.from)}</h4>
          <p>
            Die meisten Fälle tragen ein früheres Prüfdatum, an dem der neue Wert noch nicht gilt. Mit ihren Angaben am{' '}
            {formatDate(c.from)} geprüft,{' '}
            {d.preview.suiteOnDate.length === 0
              ? 'ginge kein Fall anders aus.'
              : `gingen ${d.preview.suiteOnDate.length === 1 ? 'ein Fall' : `${d.preview.suiteOnDate.length} Fälle`} mit dem neuen Wert anders aus:`}
          </p>
          {d.preview.suiteOnDate.length ? (
            <CaseTable
              caption={<>Testfälle, geprüft am {formatDate(c.from)}, die mit dem neuen Wert anders ausgehen</>}
              label={`Testfälle am ${formatDate(c.from)}`}
              headings={['Ergebnis mit geltenden Werten', 'Ergebnis mit neuem Wert']}
              cases={d.preview.suiteOnDate.map((x) => ({
                key: x.source + x.name,
                name: x.name,
                source: x.source,
                before: x.verdictBefore,
                after: x.verdictAfter,
                expectationMissed: false,
                reasons: x.reasons,
              }))}
            />
          ) : null}
          <h3>Gespeicherte Entwürfe</h3>
          <p>
            {drafts(d.preview.checkedDrafts)} geprüft.{' '}
            {d.preview.unreadableNote ? <>{d.preview.unreadableNote} </> : null}
            {d.preview.drafts.filter((x) => x.changed).length === 0
              ? 'Bei keinem ändert sich das Ergebnis.'
              : `Bei ${d.preview.drafts.filter((x) => x.changed).length} ändert sich das Ergebnis; ihre Organisationen und Beratungen werden nach der Veröffentlichung benachrichtigt.`}{' '}
            Entwürfe erscheinen hier nur mit Nummer und Förderweg, ohne Namen.
          </p>
          <DraftTable drafts={d.preview.drafts.map((x) => ({ ...x }))} caption="Entwürfe, bei denen sich etwas ändert" />
          {d.mayEdit ? (
            <PostForm className="button-row">
              <button type="submit" name="intent" value="veroeffentlichen" className="button">
                Veröffentlichen
              </button>
              <button type="submit" name="intent" value="verwerfen" className="button button--secondary">
                Verwerfen
              </button>
            </PostForm>
          ) : null}
        </>
      ) : null}

      {d.effects ? (
        <>
          <h2>Was bei der Veröffentlichung festgestellt wurde</h2>
          <p>
            Testsuite: {d.effects.suite.cases} Fälle, vorher {d.effects.suite.failedBefore} und nachher {d.effects.suite.failedAfter}{' '}
            fehlgeschlagen. {drafts(d.effects.checkedDrafts)} geprüft.
            {unreadableDraftsNote(d.effects.unreadableDrafts ?? 0) ? <> {unreadableDraftsNote(d.effects.unreadableDrafts ?? 0)}</> : null}
          </p>
          <DraftTable
            caption="Entwürfe, deren Ergebnis sich mit dieser Veröffentlichung ändert"
            drafts={d.effects.drafts.map((x) => ({
              id: x.id,
              route: routeName(x.route),
              verdictBefore: verdictLabel[x.verdictBefore],
              verdictAfter: verdictLabel[x.verdictAfter],
              changed: x.verdictBefore !== x.verdictAfter,
              reasons: x.reasons,
            }))}
          />
        </>
      ) : null}

      {c.status === 'veroeffentlicht' && d.mayEdit ? (
        <>
          <h2>Zurücknehmen</h2>
          <p>
            Eine Rücknahme legt den Wert, der vorher galt, als neuen Entwurf an – ab {formatDate(c.from)} oder, wenn dieser Tag
            vorbei ist, ab heute. Sie prüfen seine Auswirkungen und veröffentlichen ihn wie jede Änderung.
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

/** Test cases of the suite whose result a new value changes, with the reasons. */
function CaseTable({
  caption,
  label,
  headings,
  cases,
}: {
  caption: ReactNode;
  label: string;
  headings: [string, string];
  cases: Array<{ key: string; name: string; source: string; before: string; after: string; expectationMissed: boolean; reasons: string[] }>;
}) {
  return (
    <ScrollTable caption={caption} label={label}>
      <thead>
        <tr>
          <th scope="col">Fall</th>
          <th scope="col">{headings[0]}</th>
          <th scope="col">{headings[1]}</th>
          <th scope="col">Warum</th>
        </tr>
      </thead>
      <tbody>
        {cases.map((x) => (
          <tr key={x.key}>
            <th scope="row">
              {x.name} <span className="hint">({x.source})</span>
            </th>
            <td>{x.before}</td>
            <td>
              {x.after}
              {x.expectationMissed ? <span className="result-fail"> (Erwartung nicht erfüllt)</span> : null}
            </td>
            <td>
              <Reasons reasons={x.reasons} />
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

function Reasons({ reasons }: { reasons: readonly string[] }) {
  return (
    <ul className="plain-list">
      {reasons.map((r) => (
        <li key={r}>{r}</li>
      ))}
    </ul>
  );
}

function DraftTable({
  drafts,
  caption,
}: {
  caption: string;
  drafts: Array<{ id: number; route: string; verdictBefore: string; verdictAfter: string; changed: boolean; reasons: string[] }>;
}) {
  if (!drafts.length) return null;
  return (
    <ScrollTable caption={caption}>
      <thead>
        <tr>
          <th scope="col">Entwurf</th>
          <th scope="col">Förderweg</th>
          <th scope="col">Ergebnis bisher</th>
          <th scope="col">Ergebnis neu</th>
          <th scope="col">Warum</th>
        </tr>
      </thead>
      <tbody>
        {drafts.map((x) => (
          <tr key={x.id}>
            <th scope="row">Nr. {x.id}</th>
            <td>{x.route}</td>
            <td>{x.verdictBefore}</td>
            <td>
              {x.verdictAfter}
              {x.changed ? null : ' (unverändert)'}
            </td>
            <td>
              <Reasons reasons={x.reasons} />
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}
