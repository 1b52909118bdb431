import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { financingTypeLabel, financingTypes } from '../../machines/umsetzung/bescheid';
import {
  bescheidFieldLabels,
  bescheidLineCount,
  bescheidToForm,
  MAX_BESCHEID_LINES,
  parseBescheidForm,
  type BescheidFormValues,
} from '../../machines/umsetzung/bescheid-form';
import { DefaultSubmit, PostForm } from '../components/forms';
import { MessageSummary } from '../components/fields';
import { FORM_ERROR, PlainRadios, PlainSelect, PlainText, summaryOf } from '../components/umsetzung/plain-fields';
import { readProtectedForm } from '../csrf.server';
import { requireApplicant } from '../session.server';
import { bescheidOf, mayRecordBescheid, prefilledBescheid, requireOwnImplementationContext } from '../umsetzung/implementation.server';
import { saveImplementation, startImplementation } from '../umsetzung/records.server';

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [
  { title: `Bescheid erfassen – ${d?.title ?? 'Antrag'} – Förderlotse Bürgerbeteiligung` },
];

const FORM = 'bescheid';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireApplicant(request);
  const loaded = await requireOwnImplementationContext(user, params.id);
  const { application, row } = loaded;
  const allowed = Boolean(row) || mayRecordBescheid(loaded.status);
  return {
    id: application.row.id,
    title: application.data.project.title?.trim() || 'Antrag ohne Titel',
    allowed,
    part: loaded.part,
    existing: Boolean(row),
    version: row?.version ?? 0,
    values: allowed ? bescheidToForm(row ? bescheidOf(row) : prefilledBescheid(loaded)) : ({} as BescheidFormValues),
  };
}

function formValues(form: FormData): BescheidFormValues {
  const values: BescheidFormValues = {};
  for (const [key, value] of form.entries()) if (typeof value === 'string' && key !== 'csrf' && key !== 'intent') values[key] = value;
  return values;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireApplicant(request);
  const form = await readProtectedForm(request);
  const loaded = await requireOwnImplementationContext(user, params.id);
  const values = formValues(form);
  if (!loaded.row && !mayRecordBescheid(loaded.status)) {
    return data(
      {
        values,
        errors: { fileNumber: 'Erfassen Sie zuerst unter „Stand“, dass die SAB den Antrag bewilligt hat.' } as Record<string, string>,
        notice: null,
      },
      { status: 409 },
    );
  }
  if (form.get('intent') === 'addLine') {
    const count = bescheidLineCount(bescheidLineCount(values.lineCount) + 1);
    return data({
      values: { ...values, lineCount: String(count) } as BescheidFormValues,
      errors: {} as Record<string, string>,
      notice: `Position ${count} ist angefügt.`,
    });
  }
  const parsed = parseBescheidForm(values, loaded.part ?? 'A');
  if (!parsed.ok) return data({ values, errors: parsed.errors, notice: null }, { status: 400 });
  const applicationId = loaded.application.row.id;
  if (!loaded.row) {
    const created = await startImplementation({
      applicationId,
      organisationId: user.organisation_id,
      bescheid: parsed.bescheid,
      userId: user.id,
    });
    if (!created)
      return data(
        {
          values,
          errors: {
            fileNumber: 'Inzwischen hat jemand anderes einen Bescheid für diesen Antrag erfasst. Bitte laden Sie die Seite neu.',
          } as Record<string, string>,
          notice: null,
        },
        { status: 409 },
      );
  } else {
    const expected = Number(values.version);
    const saved = await saveImplementation(
      loaded.row.id,
      Number.isInteger(expected) ? expected : -1,
      { bescheid: parsed.bescheid },
      user.id,
    );
    if (!saved) {
      return data(
        {
          values,
          errors: {
            [FORM_ERROR]:
              'Der Bescheid wurde inzwischen von jemand anderem geändert. Ihre Eingaben stehen noch im Formular; bitte laden Sie die Seite neu und übertragen Sie sie.',
          } as Record<string, string>,
          notice: null,
        },
        { status: 409 },
      );
    }
  }
  return redirect(`/antraege/${applicationId}/umsetzung?hinweis=bescheid`);
}

const fieldOrder = [
  'fileNumber',
  'issuedOn',
  'receivedOn',
  'appealWaivedOn',
  'periodStart',
  'periodEnd',
  'financingType',
  'grant',
  'rate',
  'vatDeductible',
  'advancePayments',
  'line.0.label',
  'financing',
  'ownCash',
  'inKind',
  'thirdParty',
  'otherPublic',
  'conditions',
];

export default function BescheidForm() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (!d.allowed) {
    return (
      <div className="narrow">
        <h1>Bescheid erfassen</h1>
        <div className="notice notice--warning" role="status">
          <p>Einen Zuwendungsbescheid können Sie erfassen, sobald unter „Stand“ festgehalten ist, dass die SAB den Antrag bewilligt hat.</p>
        </div>
        <p>
          <Link to={`/antraege/${d.id}/status`}>Zum Stand des Antrags</Link>
        </p>
      </div>
    );
  }
  const values: BescheidFormValues = (result?.values as BescheidFormValues | undefined) ?? d.values;
  const errors = result?.errors ?? {};
  const lineCount = Math.max(1, bescheidLineCount(values.lineCount));
  const e = (name: string) => errors[name];
  return (
    <>
      <p className="caption">{d.title}</p>
      <h1>{d.existing ? 'Bescheid ändern' : 'Bescheid erfassen'}</h1>
      <p>
        Übertragen Sie, was die SAB bewilligt hat. Die Angaben sind aus Ihrem eingereichten Antrag vorausgefüllt; der Antrag selbst bleibt,
        wie er eingereicht wurde. Beträge wie 12.345,67, Daten wie 31.12.2026.
      </p>
      {result?.notice ? (
        <div className="notice notice--success" role="status">
          <p>{result.notice}</p>
        </div>
      ) : null}
      <MessageSummary id="bescheid-fehler" errors={summaryOf(FORM, errors, fieldOrder)} />
      <PostForm id={FORM} noValidate>
        <DefaultSubmit intent="save" label="Bescheid speichern" />
        <input type="hidden" name="version" value={values.version ?? String(d.version)} />
        <input type="hidden" name="lineCount" value={String(lineCount)} />
        <h2>Bescheid</h2>
        <PlainText
          form={FORM}
          name="fileNumber"
          label={bescheidFieldLabels.fileNumber}
          value={values.fileNumber}
          error={e('fileNumber')}
          width="medium"
        />
        <PlainText
          form={FORM}
          name="issuedOn"
          label={bescheidFieldLabels.issuedOn}
          hint="TT.MM.JJJJ"
          value={values.issuedOn}
          error={e('issuedOn')}
          width="short"
          inputMode="numeric"
        />
        <PlainText
          form={FORM}
          name="receivedOn"
          label={bescheidFieldLabels.receivedOn}
          hint="Der Tag, an dem der Bescheid bei Ihnen einging. Ab hier laufen die Rechtsbehelfsfrist und die Jahresfrist für den Beginn (ANBest-K Nr. 1.4, ANBest-P Nr. 1.5)."
          value={values.receivedOn}
          error={e('receivedOn')}
          width="short"
          inputMode="numeric"
        />
        <PlainText
          form={FORM}
          name="appealWaivedOn"
          label={bescheidFieldLabels.appealWaivedOn}
          optional
          hint="Nur wenn Sie gegenüber der SAB auf Rechtsbehelfe verzichtet haben: dann ist der Bescheid ab diesem Tag bestandskräftig."
          value={values.appealWaivedOn}
          error={e('appealWaivedOn')}
          width="short"
          inputMode="numeric"
        />
        <PlainText
          form={FORM}
          name="periodStart"
          label={bescheidFieldLabels.periodStart}
          value={values.periodStart}
          error={e('periodStart')}
          width="short"
          inputMode="numeric"
        />
        <PlainText
          form={FORM}
          name="periodEnd"
          label={bescheidFieldLabels.periodEnd}
          value={values.periodEnd}
          error={e('periodEnd')}
          width="short"
          inputMode="numeric"
        />
        <PlainSelect
          form={FORM}
          name="financingType"
          label={bescheidFieldLabels.financingType}
          value={values.financingType}
          error={e('financingType')}
          options={financingTypes.map((t) => ({ value: t, label: financingTypeLabel[t] }))}
        />
        <PlainText
          form={FORM}
          name="grant"
          label={`${bescheidFieldLabels.grant} in Euro`}
          value={values.grant}
          error={e('grant')}
          width="medium"
          inputMode="decimal"
        />
        <PlainText
          form={FORM}
          name="rate"
          label={`${bescheidFieldLabels.rate} in Prozent`}
          hint="Zum Beispiel 90 oder 87,5."
          value={values.rate}
          error={e('rate')}
          width="short"
          inputMode="decimal"
        />
        <PlainRadios
          form={FORM}
          name="vatDeductible"
          legend="Sind Sie zum Vorsteuerabzug berechtigt?"
          hint="Dann zählen in der Belegliste die Nettobeträge (ANBest-K/ANBest-P Nr. 6.4)."
          value={values.vatDeductible}
          error={e('vatDeductible')}
          options={[
            { value: 'ja', label: 'Ja' },
            { value: 'nein', label: 'Nein' },
          ]}
        />
        <PlainRadios
          form={FORM}
          name="advancePayments"
          legend="Lässt der Bescheid Vorauszahlungen auf Mittelabruf zu?"
          hint={
            d.part === 'B'
              ? 'Für Vereine und Stiftungen auf Antrag (FRL Teil 2 B VI). Sonst zahlt die SAB in festen Raten aus.'
              : 'Für Kommunen nur bis Ende 2024 (FRL Teil 2 A VI Nr. 3); sonst feste Raten nach VVK Nr. 7.1.'
          }
          value={values.advancePayments}
          error={e('advancePayments')}
          options={[
            { value: 'ja', label: 'Ja' },
            { value: 'nein', label: 'Nein' },
          ]}
        />
        <h2>Bewilligter Ausgabenplan</h2>
        <p className="hint">Die Positionen, auf die Sie später Belege buchen. Leere Zeilen werden nicht gespeichert.</p>
        {Array.from({ length: lineCount }, (_, i) => (
          <fieldset className="fieldset" key={i}>
            <legend className="field__label">Position {i + 1}</legend>
            <input type="hidden" name={`line.${i}.id`} value={values[`line.${i}.id`] ?? `p${i + 1}`} />
            <PlainText
              form={FORM}
              name={`line.${i}.label`}
              label="Bezeichnung"
              value={values[`line.${i}.label`]}
              error={e(`line.${i}.label`)}
            />
            <PlainText
              form={FORM}
              name={`line.${i}.amount`}
              label="Bewilligter Betrag in Euro"
              value={values[`line.${i}.amount`]}
              error={e(`line.${i}.amount`)}
              width="medium"
              inputMode="decimal"
            />
          </fieldset>
        ))}
        {lineCount < MAX_BESCHEID_LINES ? (
          <p>
            <button type="submit" name="intent" value="addLine" className="button button--secondary">
              Weitere Position anfügen
            </button>
          </p>
        ) : null}
        <h2 id={`${FORM}-financing`} tabIndex={-1}>
          Finanzierung
        </h2>
        {e('financing') ? (
          <p className="field__error">
            <span className="visually-hidden">Fehler: </span>
            {e('financing')}
          </p>
        ) : null}
        <PlainText
          form={FORM}
          name="ownCash"
          label={`${bescheidFieldLabels.ownCash} in Euro`}
          value={values.ownCash}
          error={e('ownCash')}
          width="medium"
          inputMode="decimal"
        />
        {d.part === 'B' ? (
          <PlainText
            form={FORM}
            name="inKind"
            label={`${bescheidFieldLabels.inKind} in Euro`}
            value={values.inKind}
            error={e('inKind')}
            width="medium"
            inputMode="decimal"
          />
        ) : (
          <input type="hidden" name="inKind" value={values.inKind ?? ''} />
        )}
        <PlainText
          form={FORM}
          name="thirdParty"
          label={`${bescheidFieldLabels.thirdParty} in Euro`}
          hint="Spenden, Sponsoring"
          value={values.thirdParty}
          error={e('thirdParty')}
          width="medium"
          inputMode="decimal"
        />
        <PlainText
          form={FORM}
          name="otherPublic"
          label={`${bescheidFieldLabels.otherPublic} in Euro`}
          value={values.otherPublic}
          error={e('otherPublic')}
          width="medium"
          inputMode="decimal"
        />
        <PlainText
          form={FORM}
          name="conditions"
          label={bescheidFieldLabels.conditions}
          optional
          hint="Besondere Auflagen aus dem Bescheid, wörtlich oder sinngemäß."
          value={values.conditions}
          error={e('conditions')}
          multiline
        />
        <div className="button-row">
          <button type="submit" name="intent" value="save" className="button">
            Bescheid speichern
          </button>
          <Link to={d.existing ? `/antraege/${d.id}/umsetzung` : `/antraege/${d.id}`} className="button button--secondary">
            Abbrechen
          </Link>
        </div>
      </PostForm>
    </>
  );
}
