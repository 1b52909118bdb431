import { getFormProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import type { z } from 'zod';
import { listAudit, recordAudit } from '../../db/repositories/audit';
import { createCallChange, listOpenCallChanges } from '../../db/repositories/call-changes';
import { findStoredCall, listStoredCalls } from '../../db/repositories/regelwerk';
import type { FundingCall } from '../../machines/frl/calls';
import { callDifferences, callFormFields, callFormSchema, callIdFrom, callToForm } from '../../machines/frl/regelwerk/call-form';
import { formatDate, formatDateTime } from '../../machines/shared/format';
import { ErrorSummary, TextAreaField, TextField } from '../components/fields';
import { PostForm } from '../components/forms';
import { RegelwerkNav } from '../components/regelwerk/nav';
import { readProtectedForm } from '../csrf.server';
import { getDb } from '../db.server';
import { askForApproval, workbenchEditors, workbenchReaders } from '../regelwerk/workbench.server';
import { rulesOptions } from '../rules.server';
import { requireRole } from '../session.server';

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [
  { title: `${d?.isNew ? 'Neuer Förderaufruf' : (d?.title ?? 'Förderaufruf')} – Regelwerk – Förderlotse Bürgerbeteiligung` },
];

const emptyCall: Omit<FundingCall, 'id'> = {
  title: '',
  issuedBy: 'SMS',
  publishedOn: null,
  opensOn: null,
  deadline: '',
  focusTopics: [],
  requiredDocuments: [
    'Antrag über das Förderportal der SAB',
    'Vorhabenbeschreibung',
    'Ausgaben- und Finanzierungsplan',
    'Eigenerklärungen',
  ],
  notes: '',
  source: '',
};

/** The call as it stands (stored over shipped), or null for "neu"; 404 for an unknown id. */
async function requireCall(id: string | undefined): Promise<{ call: FundingCall | null; version: number | null }> {
  if (id === 'neu') return { call: null, version: null };
  const { calls } = await rulesOptions();
  const call = calls.find((c) => c.id === id);
  if (!call) throw new Response('Nicht gefunden', { status: 404 });
  const stored = await findStoredCall(await getDb(), call.id);
  return { call, version: stored?.version ?? null };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, workbenchReaders);
  const { call, version } = await requireCall(params.id);
  const db = await getDb();
  const history = call ? await listAudit(db, 'funding_call', call.id) : [];
  const open = call ? await listOpenCallChanges(db, call.id) : [];
  const requested = Number(new URL(request.url).searchParams.get('fassung'));
  const earlier = history.find((h) => h.id === requested);
  const earlierValues = earlier ? ((JSON.parse(earlier.details) as { before?: Omit<FundingCall, 'id'> | null }).before ?? null) : null;
  return {
    mayEdit: user.role === 'ministry',
    isNew: call === null,
    id: call?.id ?? 'neu',
    title: call?.title ?? 'Neuer Förderaufruf',
    version,
    values: callToForm(earlierValues ?? call ?? emptyCall),
    restoredFrom: earlierValues && earlier ? formatDateTime(earlier.at) : null,
    openProposals: open.map((p) => ({ id: p.id, at: formatDateTime(p.created_at), by: p.created_by_name ?? 'unbekannt' })),
    history: history.map((h) => {
      const details = JSON.parse(h.details) as { summary?: string; before?: unknown };
      return {
        id: h.id,
        at: formatDateTime(h.at),
        actor: h.actor_name ?? 'unbekannt',
        summary: details.summary ?? h.action,
        hasBefore: Boolean(details.before),
      };
    }),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, workbenchEditors);
  const formData = await readProtectedForm(request);
  const { call, version } = await requireCall(params.id);
  const submission = parseWithZod(formData, { schema: callFormSchema });
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 });
  const posted = formData.get('version');
  const expected = typeof posted === 'string' && posted !== '' ? Number(posted) : null;
  if (expected !== version) {
    return data(
      {
        result: submission.reply({
          formErrors: [
            'Jemand hat diesen Förderaufruf inzwischen geändert. Ihre Eingaben stehen noch im Formular; laden Sie die Seite neu, um die neue Fassung zu sehen, und übertragen Sie Ihre Änderungen.',
          ],
        }),
      },
      { status: 409 },
    );
  }
  const db = await getDb();
  const open = await listOpenCallChanges(db);
  const taken = new Set([
    ...(await rulesOptions()).calls.map((c) => c.id),
    ...(await listStoredCalls(db)).map((c) => c.id),
    ...open.map((c) => c.call_id),
  ]);
  const id = call?.id ?? callIdFrom(submission.value.title, taken);
  const before = call ? (({ id: _id, ...rest }) => rest)(call) : null;
  if (before && callDifferences(before, submission.value).length === 0) {
    return data(
      { result: submission.reply({ formErrors: ['Sie haben nichts geändert; es gibt nichts zu veröffentlichen.'] }) },
      { status: 400 },
    );
  }
  // Saved as a proposal: it takes effect only when published (with four eyes: by a second person).
  const proposal = await db.transaction().execute(async (trx) => {
    const row = await createCallChange(
      trx,
      { callId: id, baseVersion: version, isNew: call === null, proposed: submission.value, before },
      user.id,
    );
    await recordAudit(trx, {
      actorUserId: user.id,
      action: 'regelwerk.aufruf.vorgeschlagen',
      subjectType: 'funding_call',
      subjectId: id,
      details: {
        summary: `Vorschlag Nr. ${row.id} angelegt: Förderaufruf „${submission.value.title}“ ${call ? 'ändern' : 'neu anlegen'}, Stichtag ${formatDate(submission.value.deadline)} (noch nicht veröffentlicht).`,
        proposal: row.id,
      },
    });
    await askForApproval(trx, {
      proposedBy: user.id,
      what: `einen Vorschlag für den Förderaufruf „${submission.value.title}“ (Vorschlag Nr. ${row.id})`,
      path: `/regelwerk/aufrufe/vorschlaege/${row.id}`,
    });
    return row;
  });
  return redirect(`/regelwerk/aufrufe/vorschlaege/${proposal.id}?hinweis=angelegt`);
}

const order = ['title', 'issuedBy', 'publishedOn', 'opensOn', 'deadline', 'focusTopics', 'requiredDocuments', 'notes', 'source'] as const;

export default function FundingCallForm() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm<z.input<typeof callFormSchema>, Omit<FundingCall, 'id'>>({
    id: 'aufruf',
    lastResult: actionData?.result,
    defaultValue: d.values,
    constraint: getZodConstraint(callFormFields),
    shouldValidate: 'onSubmit',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: callFormSchema }),
  });
  return (
    <>
      <p className="caption">
        <Link to="/regelwerk/aufrufe">Förderaufrufe</Link>
      </p>
      <h1>{d.isNew ? 'Neuer Förderaufruf' : d.title}</h1>
      <RegelwerkNav showStatistics={d.mayEdit} />
      {d.openProposals.length ? (
        <div className="notice" role="status">
          <p>Für diesen Förderaufruf warten Vorschläge auf Freigabe:</p>
          <ul>
            {d.openProposals.map((p) => (
              <li key={p.id}>
                <Link to={`/regelwerk/aufrufe/vorschlaege/${p.id}`}>Vorschlag Nr. {p.id}</Link> vom {p.at} von {p.by}
              </li>
            ))}
          </ul>
          <p>Bis zur Veröffentlichung gilt die Fassung unten.</p>
        </div>
      ) : null}
      {d.restoredFrom ? (
        <div className="notice" role="status">
          <p>Im Formular steht die Fassung vor der Änderung vom {d.restoredFrom}. Speichern Sie, um sie wiederherzustellen.</p>
        </div>
      ) : null}
      {form.errors?.length ? (
        <div className="notice notice--error" role="alert">
          {form.errors.map((e) => (
            <p key={e}>{e}</p>
          ))}
        </div>
      ) : null}
      {d.mayEdit ? (
        <>
          <ErrorSummary form={form} order={order} />
          <PostForm {...getFormProps(form)} noValidate>
            <input type="hidden" name="version" value={d.version ?? ''} />
            <TextField field={fields.title} label="Titel" hint="Zum Beispiel „7. Förderaufruf FRL Bürgerbeteiligung“." />
            <TextField
              field={fields.issuedBy}
              label="Veröffentlicht von"
              width="medium"
              hint="Das zuständige Ministerium, zum Beispiel SMS."
            />
            <TextField field={fields.publishedOn} optional label="Veröffentlicht am" width="short" hint="TT.MM.JJJJ" />
            <TextField
              field={fields.opensOn}
              optional
              label="Antragstellung ab"
              width="short"
              hint="TT.MM.JJJJ; leer lassen, wenn Anträge ab der Veröffentlichung möglich sind."
            />
            <TextField
              field={fields.deadline}
              label="Stichtag"
              width="short"
              hint="TT.MM.JJJJ; Anträge müssen bis zum Ende dieses Tages bei der SAB eingehen."
            />
            <TextAreaField
              field={fields.focusTopics}
              optional
              rows={3}
              label="Schwerpunkte"
              hint="Je Zeile ein Schwerpunkt, zum Beispiel „Bürgerräte“."
            />
            <TextAreaField field={fields.requiredDocuments} rows={5} label="Einzureichende Unterlagen" hint="Je Zeile eine Unterlage." />
            <TextAreaField field={fields.notes} optional rows={3} label="Hinweise" />
            <TextField
              field={fields.source}
              label="Quelle"
              hint="Wo der Aufruf bekannt gemacht wurde, zum Beispiel „Bekanntmachung des SMS vom 25.06.2025“."
            />
            <p className="hint">
              Gespeichert wird ein Vorschlag. Er gilt erst, wenn er veröffentlicht ist: Auf der nächsten Seite sehen Sie, was sich ändert
              und wen es betrifft.
            </p>
            <button type="submit" className="button">
              Vorschlag speichern und Auswirkungen prüfen
            </button>
          </PostForm>
        </>
      ) : (
        <dl className="summary-list">
          {Object.entries({
            'Veröffentlicht von': d.values.issuedBy,
            'Veröffentlicht am': d.values.publishedOn || 'nicht überliefert',
            Stichtag: d.values.deadline,
            Schwerpunkte: d.values.focusTopics || '–',
            'Einzureichende Unterlagen': d.values.requiredDocuments,
            Hinweise: d.values.notes || '–',
            Quelle: d.values.source,
          }).map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd className="preserve-lines">{v}</dd>
            </div>
          ))}
        </dl>
      )}
      {!d.isNew ? (
        <>
          <h2>Änderungen</h2>
          {d.history.length ? (
            <ul>
              {d.history.map((h) => (
                <li key={h.id}>
                  {h.at}, {h.actor}: {h.summary}
                  {h.hasBefore && d.mayEdit ? (
                    <>
                      {' '}
                      <Link to={`?fassung=${h.id}`}>
                        Fassung davor ins Formular übernehmen<span className="visually-hidden"> ({h.at})</span>
                      </Link>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p>Noch nicht im Regelwerk geändert; die Angaben sind mitgeliefert.</p>
          )}
        </>
      ) : null}
    </>
  );
}
