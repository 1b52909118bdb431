import { getFormProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { parameterChangeFields, parameterChangeSchema } from '../../machines/frl/regelwerk/parameter-change';
import { formatDate } from '../../machines/shared/format';
import { ErrorSummary, SelectField, TextAreaField, TextField } from '../components/fields';
import { PostForm } from '../components/forms';
import { RegelwerkNav } from '../components/regelwerk/nav';
import { changeStatusLabel } from '../components/regelwerk/changes';
import { readProtectedForm } from '../csrf.server';
import { workbenchEditors, workbenchReaders } from '../regelwerk/workbench.server';
import { rulesOptions, todayInSaxony } from '../rules.server';
import { requireRole } from '../session.server';
import { ParameterValuesTable } from '../components/parameter-source';
import { ScrollTable } from '../components/scroll-table';
import { createParameterDraft, parameterList } from '../regelwerk/parameter-change.server';

export const meta: MetaFunction = () => [{ title: 'Parameter – Regelwerk – Förderlotse Bürgerbeteiligung' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, workbenchReaders);
  return parameterList(user, new URL(request.url));
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, workbenchEditors);
  const formData = await readProtectedForm(request);
  const { parameters } = await rulesOptions();
  const submission = parseWithZod(formData, { schema: parameterChangeSchema(parameters, todayInSaxony()) });
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 });
  const change = await createParameterDraft(user, parameters, submission.value);
  return redirect(`/regelwerk/parameter/${change.id}`);
}

export default function Parameters() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm<Record<'parameterId' | 'value' | 'effectiveFrom' | 'reference' | 'note' | 'assumption', string>>({
    id: 'neuer-wert',
    lastResult: actionData?.result,
    defaultValue: d.defaults,
    constraint: getZodConstraint(parameterChangeFields),
    shouldValidate: 'onSubmit',
  });
  const drafts = d.changes.filter((c) => c.status === 'entwurf');
  return (
    <>
      <h1>Parameter</h1>
      <RegelwerkNav showStatistics={d.mayEdit} />
      <p className="lead">
        Jeder Wert gilt ab einem Datum und nennt seine Fundstelle. Neue Werte kommen als Entwurf hinzu: Sie sehen vor der Veröffentlichung,
        welche Testfälle und gespeicherten Entwürfe sich ändern würden. Frühere Werte bleiben erhalten.
      </p>

      {d.mayEdit ? (
        <section aria-labelledby="neuer-wert-titel">
          <h2 id="neuer-wert-titel">Neuen Wert anlegen</h2>
          <ErrorSummary form={form} />
          <PostForm {...getFormProps(form)} noValidate>
            <SelectField
              field={fields.parameterId}
              label="Parameter"
              options={d.parameters.map((p) => ({ value: p.id, label: `${p.label} (heute: ${p.current})` }))}
            />
            <TextField
              field={fields.value}
              label="Neuer Wert"
              width="medium"
              hint="Beträge in Euro (zum Beispiel 12.000 oder 14,60), Sätze in Prozent (zum Beispiel 90), Laufzeiten als ganze Zahl (Monate oder Kalenderjahre, wie beim Parameter)."
            />
            <TextField
              field={fields.effectiveFrom}
              label="Gilt ab"
              width="short"
              hint={`Datum als TT.MM.JJJJ, frühestens heute (${formatDate(d.today)}). Rückwirkende Werte sind nicht möglich.`}
            />
            <TextField
              field={fields.reference}
              label="Fundstelle (Rechtsgrundlage)"
              hint="Zum Beispiel „FRL Teil 2 A V Nr. 2.1 in der Fassung vom …“ oder die Verordnung."
            />
            <TextField field={fields.note} optional label="Bemerkung" />
            <TextAreaField
              field={fields.assumption}
              optional
              rows={3}
              label="Annahme"
              hint="Nur ausfüllen, wenn keine Quelle den Wert festlegt. Der Wert wird dann überall als „Annahme“ gekennzeichnet."
            />
            <button type="submit" className="button">
              Als Entwurf speichern und Auswirkungen prüfen
            </button>
          </PostForm>
        </section>
      ) : (
        <p className="notice">Werte ändern und veröffentlichen kann nur das Ministerium; Sie sehen hier alle Werte und Änderungen.</p>
      )}

      <h2>Änderungen</h2>
      {drafts.length ? (
        <p>{drafts.length === 1 ? 'Ein Entwurf wartet' : `${drafts.length} Entwürfe warten`} auf Veröffentlichung.</p>
      ) : null}
      {d.changes.length ? (
        <ScrollTable caption="Alle Änderungen, neueste zuerst" label="Änderungen">
          <thead>
            <tr>
              <th scope="col">Nr.</th>
              <th scope="col">Parameter</th>
              <th scope="col">Wert</th>
              <th scope="col">gilt ab</th>
              <th scope="col">Status</th>
              <th scope="col">angelegt</th>
            </tr>
          </thead>
          <tbody>
            {d.changes.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  <Link to={`/regelwerk/parameter/${c.id}`}>
                    Nr. {c.id}
                    <span className="visually-hidden">: {c.parameter}</span>
                  </Link>
                </th>
                <td>{c.parameter}</td>
                <td className="num">{c.value}</td>
                <td>{formatDate(c.from)}</td>
                <td>{changeStatusLabel(c.status)}</td>
                <td>
                  {c.createdAt}, {c.createdBy}
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      ) : (
        <p>Noch keine Änderungen. Alle Werte stammen aus der Richtlinie und den Gesetzen, wie sie mitgeliefert werden.</p>
      )}

      <h2>Alle Werte mit Geltungsdaten</h2>
      <ParameterValuesTable
        parameters={d.parameters}
        caption="Parameter, ihre Werte und Fundstellen"
        label="Alle Werte mit Geltungsdaten"
        workbench
      />
    </>
  );
}
