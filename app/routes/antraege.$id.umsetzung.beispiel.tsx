import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { fundingRoutes, routeInfo } from '../../machines/frl/routes';
import { parseSubmission, pickableMethods, type SubmissionForm } from '../../machines/methoden/example-submission';
import { budgetRanges, type BudgetRange } from '../../machines/methoden/examples';
import { landkreise, landkreisLabel, organisationKindInfo, organisationKinds } from '../../machines/shared/organisation';
import { loadOffer, offerExample, offerForm, submissionState, withdrawExample } from '../methoden/beispiel-vorschlag.server';
import { MessageSummary } from '../components/fields';
import { PostForm } from '../components/forms';
import { PlainRadios, PlainSelect, PlainText, plainId, summaryOf } from '../components/umsetzung/plain-fields';
import { readProtectedForm } from '../csrf.server';
import { requireApplicant } from '../session.server';

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [
  { title: `Als gutes Beispiel vorschlagen – ${d?.title ?? 'Vorhaben'} – Förderlotse Bürgerbeteiligung` },
];

const FORM = 'bsp';
const order = [
  'title',
  'summary',
  'place',
  'landkreis',
  'organisationKind',
  'fundingRoute',
  'year',
  'methods',
  'peopleReached',
  'budgetRange',
  'whatWorked',
  'doDifferently',
  'contactName',
  'contactEmail',
];

/**
 * Issue 19 Nr. 5 / issue 17 Nr. 2b: a finished project offered as a good example. Prefilled from
 * the project's own records; the grantee chooses what is published; public only after an editor
 * approved it, and withdrawable at any time.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireApplicant(request);
  const o = await loadOffer(user, params.id);
  return {
    id: o.p.loaded.application.row.id,
    title: o.p.projectTitle,
    finished: o.finished,
    values: offerForm(o, user),
    state: submissionState(o.submission),
    notice: new URL(request.url).searchParams.get('hinweis'),
  };
}

type ActionResult = { values: SubmissionForm; errors: Record<string, string>; message?: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireApplicant(request);
  const form = await readProtectedForm(request);
  const o = await loadOffer(user, params.id);
  const page = `/antraege/${o.p.loaded.application.row.id}/umsetzung/beispiel`;
  const values: SubmissionForm = {};
  for (const [key, value] of form.entries()) if (typeof value === 'string' && key !== 'methods') values[key] = value;
  values.methods = form
    .getAll('methods')
    .filter((v): v is string => typeof v === 'string')
    .join(',');
  const version = o.submission ? Number(form.get('version')) : null;
  if (form.get('intent') === 'zurueckziehen') {
    if (!o.submission) return redirect(page);
    const outcome = await withdrawExample(user, o.submission, Number(form.get('version')));
    if (!outcome.ok) return data<ActionResult>({ values: offerForm(o, user), errors: {}, message: outcome.message }, { status: 409 });
    return redirect(`${page}?hinweis=zurueckgezogen`);
  }
  if (!o.finished)
    return data<ActionResult>(
      {
        values,
        errors: {},
        message: 'Ein Vorhaben kann erst als Beispiel vorgeschlagen werden, wenn sein Verwendungsnachweis vollständig ist.',
      },
      { status: 409 },
    );
  const parsed = parseSubmission(values, o.p.loaded.application.row.id);
  if (!parsed.ok) return data<ActionResult>({ values, errors: parsed.errors }, { status: 400 });
  const outcome = await offerExample(user, o.p, parsed.example, version);
  if (!outcome.ok) return data<ActionResult>({ values, errors: {}, message: outcome.message }, { status: 409 });
  return redirect(`${page}?hinweis=vorgeschlagen`);
}

const notices: Record<string, string> = {
  vorgeschlagen: 'Ihr Vorschlag ist bei der Redaktion. Sie werden benachrichtigt, sobald er geprüft ist.',
  zurueckgezogen: 'Der Vorschlag ist zurückgezogen; er ist nicht (mehr) öffentlich.',
};

export default function OfferExample() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const values = result?.values ?? d.values;
  const errors = result?.errors;
  const chosen = new Set((values.methods ?? '').split(',').filter(Boolean));
  const base = `/antraege/${d.id}/umsetzung`;
  return (
    <>
      <p className="caption">
        <Link to={base}>{d.title}</Link>
      </p>
      <h1>Als gutes Beispiel vorschlagen</h1>
      {d.notice && d.notice in notices && !result ? (
        <div className="notice notice--success" role="status">
          <p>{notices[d.notice]}</p>
        </div>
      ) : null}
      {result?.message ? (
        <div className="notice notice--error" role="alert">
          <p>{result.message}</p>
        </div>
      ) : null}
      <p>
        Andere Kommunen und Vereine lernen am meisten von Vorhaben, die schon stattgefunden haben. Schlagen Sie Ihr Vorhaben für die{' '}
        <Link to="/beispiele">Sammlung guter Beispiele</Link> vor: Die Angaben sind aus Ihrem Antrag und Ihrem Verwendungsnachweis
        vorausgefüllt, Sie entscheiden, was erscheint. Öffentlich wird der Eintrag erst, wenn die Redaktion (EBBS-Beratung oder Ministerium)
        ihn freigegeben hat; zurückziehen können Sie ihn jederzeit.
      </p>
      {d.state ? (
        <div className={`notice${d.state.status === 'abgelehnt' ? ' notice--warning' : ''}`}>
          <p>
            Stand: <strong>{d.state.label}</strong>
            {d.state.decidedOn ? ` (${d.state.decidedOn})` : ''}
            {d.state.status === 'veroeffentlicht' ? (
              <>
                {' '}
                – <Link to={`/beispiele/${d.state.slug}`}>Eintrag ansehen</Link>
              </>
            ) : null}
          </p>
          {d.state.reason ? <p>Begründung der Redaktion: {d.state.reason}</p> : null}
        </div>
      ) : null}
      {!d.finished ? (
        <div className="notice">
          <p>
            Vorschlagen können Sie, sobald Ihr <Link to={`${base}/verwendungsnachweis`}>Verwendungsnachweis</Link> vollständig ist; aus ihm
            stammen die Erfahrungen, die andere lesen.
          </p>
        </div>
      ) : (
        <PostForm id={FORM} noValidate>
          {d.state ? <input type="hidden" name="version" value={d.state.version} /> : null}
          <MessageSummary id={`${FORM}-summary`} errors={summaryOf(FORM, errors, order)} />
          <h2>Das Vorhaben</h2>
          <PlainText form={FORM} name="title" label="Titel des Beispiels" value={values.title} error={errors?.title} />
          <PlainText
            form={FORM}
            name="summary"
            label="Kurzfassung"
            hint="Worum ging es, in zwei, drei Sätzen (20 bis 400 Zeichen)."
            value={values.summary}
            error={errors?.summary}
            multiline
          />
          <PlainText form={FORM} name="place" label="Gemeinde oder Stadtteil" value={values.place} error={errors?.place} width="medium" />
          <PlainSelect
            form={FORM}
            name="landkreis"
            label="Landkreis oder Kreisfreie Stadt"
            value={values.landkreis}
            error={errors?.landkreis}
            options={landkreise.map((l) => ({ value: l, label: landkreisLabel[l] }))}
          />
          <PlainSelect
            form={FORM}
            name="organisationKind"
            label="Art des Trägers"
            value={values.organisationKind}
            error={errors?.organisationKind}
            options={organisationKinds.map((k) => ({ value: k, label: organisationKindInfo[k].label }))}
          />
          <PlainSelect
            form={FORM}
            name="fundingRoute"
            label="Förderweg des Vorhabens"
            value={values.fundingRoute}
            error={errors?.fundingRoute}
            options={fundingRoutes.map((r) => ({ value: r, label: routeInfo[r].label }))}
          />
          <PlainText form={FORM} name="year" label="Jahr" value={values.year} error={errors?.year} width="short" inputMode="numeric" />
          <fieldset
            className={`field fieldset${errors?.methods ? ' field--error' : ''}`}
            id={plainId(FORM, 'methods')}
            tabIndex={-1}
            aria-describedby={errors?.methods ? `${plainId(FORM, 'methods')}-error` : undefined}
          >
            <legend className="field__label">Eingesetzte Methoden (höchstens sechs)</legend>
            {errors?.methods ? (
              <p id={`${plainId(FORM, 'methods')}-error`} className="field__error">
                <span className="visually-hidden">Fehler: </span>
                {errors.methods}
              </p>
            ) : null}
            <div className="choices choices--columns">
              {pickableMethods.map((m) => (
                <div className="choice" key={m.slug}>
                  <input
                    type="checkbox"
                    id={plainId(FORM, `methods.${m.slug}`)}
                    name="methods"
                    value={m.slug}
                    defaultChecked={chosen.has(m.slug)}
                    className="choice__input"
                  />
                  <label htmlFor={plainId(FORM, `methods.${m.slug}`)} className="choice__label">
                    {m.name}
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
          <PlainText
            form={FORM}
            name="peopleReached"
            label="Erreichte Menschen"
            hint="Aus Ihrem Verwendungsnachweis; als ganze Zahl."
            value={values.peopleReached}
            error={errors?.peopleReached}
            width="short"
            inputMode="numeric"
          />
          <PlainRadios
            form={FORM}
            name="budgetRange"
            legend="Budget"
            hint="Nur die Größenordnung wird veröffentlicht, nicht der genaue Betrag."
            value={values.budgetRange}
            error={errors?.budgetRange}
            options={(Object.keys(budgetRanges) as BudgetRange[]).map((k) => ({ value: k, label: budgetRanges[k].label }))}
          />
          <h2>Ihre Erfahrungen</h2>
          <PlainText
            form={FORM}
            name="whatWorked"
            label="Was gut funktioniert hat"
            hint="Ein Gedanke je Absatz, Absätze durch eine Leerzeile getrennt; höchstens sechs. Vorgeschlagen aus der Bewertung in Ihrem Sachbericht."
            value={values.whatWorked}
            error={errors?.whatWorked}
            multiline
          />
          <PlainText
            form={FORM}
            name="doDifferently"
            label="Was Sie anders machen würden"
            hint="Ein Gedanke je Absatz, Absätze durch eine Leerzeile getrennt; höchstens sechs."
            value={values.doDifferently}
            error={errors?.doDifferently}
            multiline
          />
          <h2>Kontakt</h2>
          <div className="field">
            <div className="choice">
              <input
                type="checkbox"
                id={plainId(FORM, 'contact')}
                name="contact"
                value="ja"
                defaultChecked={values.contact === 'ja'}
                className="choice__input"
              />
              <label htmlFor={plainId(FORM, 'contact')} className="choice__label">
                Ja, Name und E-Mail-Adresse der Kontaktperson dürfen mit dem Beispiel veröffentlicht werden (Einwilligung, jederzeit
                widerruflich durch Zurückziehen oder erneutes Vorschlagen ohne Kontakt).
              </label>
            </div>
          </div>
          <PlainText
            form={FORM}
            name="contactName"
            label="Name der Kontaktperson"
            value={values.contactName}
            error={errors?.contactName}
            optional
          />
          <PlainText
            form={FORM}
            name="contactEmail"
            label="E-Mail-Adresse der Kontaktperson"
            value={values.contactEmail}
            error={errors?.contactEmail}
            optional
          />
          <div className="button-row">
            <button type="submit" name="intent" value="vorschlagen" className="button">
              {d.state && d.state.status !== 'zurueckgezogen'
                ? 'Geänderten Vorschlag an die Redaktion senden'
                : 'Der Redaktion vorschlagen'}
            </button>
          </div>
        </PostForm>
      )}
      {d.state && d.state.status !== 'zurueckgezogen' ? (
        <PostForm>
          <input type="hidden" name="version" value={d.state.version} />
          <div className="button-row">
            <button type="submit" name="intent" value="zurueckziehen" className="button button--secondary">
              Vorschlag zurückziehen
            </button>
          </div>
        </PostForm>
      ) : null}
    </>
  );
}
