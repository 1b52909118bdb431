import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { isoToGerman } from '../../machines/shared/dates';
import { formatDate, formatEuro } from '../../machines/shared/format';
import { advanceProcedureOn, type MittelabrufComputation } from '../../machines/umsetzung/computations';
import {
  checkMittelabruf,
  MAX_PLANNED_ROWS,
  mittelabrufFieldLabels,
  parseMittelabrufForm,
  plannedRowIndices,
  type MittelabrufFormValues,
} from '../../machines/umsetzung/mittelabruf-form';
import { countedReceipts } from '../umsetzung/mittelabruf.server';
import { MessageSummary } from '../components/fields';
import { DefaultSubmit, PostForm } from '../components/forms';
import { ScrollTable } from '../components/scroll-table';
import { PlainSelect, PlainText, summaryOf } from '../components/umsetzung/plain-fields';
import { readProtectedForm } from '../csrf.server';
import { todayInSaxony } from '../rules.server';
import { requireApplicant } from '../session.server';
import { implementationFactsOf, implementationTable, requireImplementation } from '../umsetzung/implementation.server';
import { mittelabrufeOf, recordMittelabruf } from '../umsetzung/records.server';

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [
  { title: `Mittelabruf – ${d?.title ?? 'Antrag'} – Förderlotse Bürgerbeteiligung` },
];

const FORM = 'mittelabruf';
const START_ROWS = 3;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireApplicant(request);
  const loaded = await requireImplementation(user, params.id);
  const b = loaded.bescheid;
  const today = todayInSaxony();
  const requests = await mittelabrufeOf(loaded.row.id);
  return {
    id: loaded.application.row.id,
    title: loaded.application.data.project.title?.trim() || 'Antrag ohne Titel',
    advance: advanceProcedureOn(b, implementationTable, today),
    part: b.programmePart,
    lines: b.lines.map((l) => ({ value: l.id, label: l.label })),
    defaults: { requestedOn: isoToGerman(today) } as MittelabrufFormValues,
    requests: requests.map((r, i) => ({
      id: r.id,
      number: i + 1,
      requestedOn: formatDate(r.requested_on),
      amount: formatEuro(r.requested_cents),
    })),
    notice: new URL(request.url).searchParams.get('hinweis'),
  };
}

type Preview = {
  windowEnd: string;
  need: string;
  share: string;
  paidOut: string;
  remaining: string;
  allowed: string;
  requested: string;
  excluded: number;
};

type ActionResult = {
  values: MittelabrufFormValues;
  rows: number;
  errors: Record<string, string>;
  preview: Preview | null;
  decision: string | null;
};

function previewOf(m: MittelabrufComputation): Preview {
  return {
    windowEnd: formatDate(m.windowEndOn),
    need: formatEuro(m.needCents),
    share: formatEuro(m.grantShareCents),
    paidOut: formatEuro(m.paidOutCents),
    remaining: formatEuro(m.remainingGrantCents),
    allowed: formatEuro(m.allowedCents),
    requested: formatEuro(m.requestedCents),
    excluded: m.excluded.length,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireApplicant(request);
  const form = await readProtectedForm(request);
  const loaded = await requireImplementation(user, params.id);
  const base = `/antraege/${loaded.application.row.id}/umsetzung/mittelabruf`;
  const values: MittelabrufFormValues = {};
  for (const [key, v] of form.entries()) {
    if (typeof v !== 'string') continue;
    if (
      key === 'requestedOn' ||
      key === 'expectedPayoutOn' ||
      key === 'requested' ||
      /^plan\.\d{1,3}\.(line|dueOn|amount|purpose)$/.test(key)
    )
      values[key] = v;
  }
  const shownRows = Math.max(START_ROWS, (plannedRowIndices(values).at(-1) ?? -1) + 1);
  const intent = form.get('intent');
  if (intent === 'row.add') {
    const rows = Math.min(MAX_PLANNED_ROWS, shownRows + 1);
    return data<ActionResult>({ values, rows, errors: {}, preview: null, decision: null });
  }
  if (intent !== 'preview' && intent !== 'save') throw new Response('Unbekannte Aktion', { status: 400 });
  const parsed = parseMittelabrufForm(values, loaded.bescheid);
  if (!parsed.ok)
    return data<ActionResult>({ values, rows: shownRows, errors: parsed.errors, preview: null, decision: null }, { status: 400 });
  const facts = await implementationFactsOf(loaded.row, loaded.bescheid);
  const check = checkMittelabruf(facts, parsed.request, implementationTable);
  const preview = previewOf(check.computation);
  if (Object.keys(check.errors).length)
    return data<ActionResult>({ values, rows: shownRows, errors: check.errors, preview, decision: check.decision }, { status: 400 });
  if (intent === 'preview') return data<ActionResult>({ values, rows: shownRows, errors: {}, preview, decision: check.decision });
  const m = check.computation;
  const id = await recordMittelabruf(loaded.row.id, {
    requestedOn: parsed.request.requestedOn,
    expectedPayoutOn: parsed.request.expectedPayoutOn,
    planned: parsed.request.plannedPayments,
    requestedCents: m.requestedCents,
    computation: { ...m, decision: check.decision, counted: countedReceipts(loaded.bescheid, facts.receipts, m.windowEndOn) },
    userId: user.id,
  });
  return redirect(`${base}?hinweis=erfasst&abruf=${id}#abrufe`);
}

const order = ['requestedOn', 'expectedPayoutOn', 'requested'];

export default function Mittelabruf() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const values = result?.values ?? d.defaults;
  const rows = result?.rows ?? START_ROWS;
  const errors = result?.errors ?? {};
  const summary = summaryOf(FORM, errors, order);
  return (
    <>
      <p className="caption">
        <Link to={`/antraege/${d.id}/umsetzung`}>Vorhaben in Umsetzung: {d.title}</Link>
      </p>
      <h1>Mittelabruf</h1>
      {d.notice === 'erfasst' ? (
        <div className="notice notice--success" role="status">
          <p>Der Mittelabruf ist gespeichert. Laden Sie das PDF herunter, unterschreiben Sie es und reichen Sie es bei der SAB ein.</p>
        </div>
      ) : null}
      {!d.advance ? (
        <div className="notice" role="note">
          <p>
            {d.part === 'A'
              ? 'Für Kommunen gilt das Regelverfahren nach VVK Nr. 7.1 (FRL Teil 2 A VI Nr. 1): die Raten werden nach Bestandskraft, Beginnanzeige und Verwendungsnachweis ausgezahlt. Ein Mittelabruf ist nicht vorgesehen.'
              : 'Ihr Bescheid lässt keine Vorauszahlungen zu (VwV zu § 44 SäHO Nr. 7.5). Es gilt das Regelverfahren nach Nr. 7.1.'}
          </p>
        </div>
      ) : null}
      <p>
        Sie dürfen Zuwendungsmittel nur anfordern, soweit Sie sie für Zahlungen brauchen, die längstens sechs Monate nach der Auszahlung
        fällig werden (ANBest-P Nr. 1.4 Satz 1), und nur anteilig mit Ihren übrigen Mitteln (Nr. 1.4.1, bei Fehlbedarfsfinanzierung erst
        nach ihnen, Nr. 1.4.2). Bezahlte Belege und offene Rechnungen aus der Belegliste zählen mit; tragen Sie hier die Zahlungen ein, die
        Sie bis dahin erwarten. Teilbeträge unter 1.000 € sind nicht vorgesehen (VwV zu § 44 SäHO Nr. 7.7).
      </p>
      <MessageSummary id={`${FORM}-fehler`} errors={summary} />
      <PostForm id={FORM} noValidate>
        <DefaultSubmit intent="preview" label="Berechnen" />
        <PlainText
          form={FORM}
          name="requestedOn"
          label={mittelabrufFieldLabels.requestedOn}
          value={values.requestedOn}
          error={errors.requestedOn}
          width="short"
        />
        <PlainText
          form={FORM}
          name="expectedPayoutOn"
          label={mittelabrufFieldLabels.expectedPayoutOn}
          hint="Ab diesem Tag zählen die sechs Monate. Leer: das Datum des Mittelabrufs."
          value={values.expectedPayoutOn}
          error={errors.expectedPayoutOn}
          optional
          width="short"
        />
        <h2>Geplante Zahlungen</h2>
        {Array.from({ length: rows }, (_, i) => (
          <fieldset key={i} className="fieldset">
            <legend>{`Geplante Zahlung ${i + 1}`}</legend>
            <PlainSelect
              form={FORM}
              name={`plan.${i}.line`}
              label={mittelabrufFieldLabels.line}
              value={values[`plan.${i}.line`]}
              error={errors[`plan.${i}.line`]}
              options={d.lines}
            />
            <PlainText
              form={FORM}
              name={`plan.${i}.dueOn`}
              label={mittelabrufFieldLabels.dueOn}
              value={values[`plan.${i}.dueOn`]}
              error={errors[`plan.${i}.dueOn`]}
              width="short"
            />
            <PlainText
              form={FORM}
              name={`plan.${i}.amount`}
              label={`${mittelabrufFieldLabels.amount} in €`}
              value={values[`plan.${i}.amount`]}
              error={errors[`plan.${i}.amount`]}
              width="short"
              inputMode="decimal"
            />
            <PlainText
              form={FORM}
              name={`plan.${i}.purpose`}
              label={mittelabrufFieldLabels.purpose}
              value={values[`plan.${i}.purpose`]}
              error={errors[`plan.${i}.purpose`]}
              optional
            />
          </fieldset>
        ))}
        {rows < MAX_PLANNED_ROWS ? (
          <p>
            <button type="submit" name="intent" value="row.add" className="button button--secondary">
              Weitere Zahlung anfügen
            </button>
          </p>
        ) : null}
        <PlainText
          form={FORM}
          name="requested"
          label={mittelabrufFieldLabels.requested}
          hint="Leer lassen: der höchstens zulässige Betrag wird angefordert."
          value={values.requested}
          error={errors.requested}
          optional
          width="short"
          inputMode="decimal"
        />
        {result?.preview ? (
          <ScrollTable caption={`Berechnung (Bedarf bis ${result.preview.windowEnd})`}>
            <tbody>
              <tr>
                <th scope="row">Bedarf im Zeitraum</th>
                <td className="num">{result.preview.need}</td>
              </tr>
              <tr>
                <th scope="row">Anteil der Zuwendung (ANBest-P Nr. 1.4.1/1.4.2)</th>
                <td className="num">{result.preview.share}</td>
              </tr>
              <tr>
                <th scope="row">Bereits ausgezahlt</th>
                <td className="num">{result.preview.paidOut}</td>
              </tr>
              <tr>
                <th scope="row">Noch nicht ausgezahlte Zuwendung</th>
                <td className="num">{result.preview.remaining}</td>
              </tr>
              <tr>
                <th scope="row">Höchstens abrufbar</th>
                <td className="num">
                  <strong>{result.preview.allowed}</strong>
                </td>
              </tr>
              <tr>
                <th scope="row">Angefordert</th>
                <td className="num">{result.preview.requested}</td>
              </tr>
            </tbody>
          </ScrollTable>
        ) : null}
        {result?.preview && result.preview.excluded > 0 ? (
          <p>
            {result.preview.excluded === 1 ? 'Eine geplante Zahlung wird' : `${result.preview.excluded} geplante Zahlungen werden`} erst
            nach dem {result.preview.windowEnd} fällig und zählen noch nicht (ANBest-P Nr. 1.4).
          </p>
        ) : null}
        {result?.decision ? (
          <div className="notice" role="note">
            <p>{result.decision}</p>
          </div>
        ) : null}
        <div className="button-row">
          <button type="submit" name="intent" value="preview" className="button button--secondary">
            Berechnen
          </button>
          <button type="submit" name="intent" value="save" className="button">
            Mittelabruf speichern
          </button>
        </div>
      </PostForm>
      <h2 id="abrufe">Gespeicherte Mittelabrufe</h2>
      {d.requests.length ? (
        <ul>
          {d.requests.map((r) => (
            <li key={r.id}>
              {`Nr. ${r.number} vom ${r.requestedOn}: ${r.amount} – `}
              <a href={`/antraege/${d.id}/umsetzung/mittelabruf/${r.id}.pdf`} download>
                PDF herunterladen<span className="visually-hidden"> (Mittelabruf Nr. {r.number})</span>
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <p>Noch keine Mittelabrufe gespeichert.</p>
      )}
    </>
  );
}
