import { getFormProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import type { z } from 'zod';
import type { FundingCall } from '../../machines/frl/calls';
import { callFormFields, callFormSchema } from '../../machines/frl/regelwerk/call-form';
import { ErrorSummary, TextAreaField, TextField } from '../components/fields';
import { PostForm } from '../components/forms';
import { RegelwerkNav } from '../components/regelwerk/nav';
import { readProtectedForm } from '../csrf.server';
import { workbenchEditors, workbenchReaders } from '../regelwerk/workbench.server';
import { requireRole } from '../session.server';
import { fundingCallPage, proposeCallChange } from '../regelwerk/calls.server';

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [
  { title: `${d?.isNew ? 'Neuer Förderaufruf' : (d?.title ?? 'Förderaufruf')} – Regelwerk – Förderlotse Bürgerbeteiligung` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, workbenchReaders);
  return fundingCallPage(user, params.id, new URL(request.url));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, workbenchEditors);
  return proposeCallChange(user, params.id, await readProtectedForm(request));
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
