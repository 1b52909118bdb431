import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import {
  confirmationsFor,
  incomeFieldName,
  incomeKeys,
  incomeLabels,
  parseProofForm,
  proofFormValues,
  reportFieldName,
  reportMaxLength,
  reportQuestions,
  type ProofFormValues,
} from '../../machines/umsetzung/verwendungsnachweis';
import { formatEuro } from '../../machines/shared/format';
import { MESSAGE_MAX_LENGTH, type ProofReviewActor } from '../../machines/umsetzung/sachbericht-beratung';
import { MessageSummary } from '../components/fields';
import { DefaultSubmit, PostForm } from '../components/forms';
import { ScrollTable } from '../components/scroll-table';
import { ProofExpenditureTable } from '../components/umsetzung/proof-expenditure-table';
import { FORM_ERROR, PlainText, plainId, summaryOf } from '../components/umsetzung/plain-fields';
import { readProtectedForm } from '../csrf.server';
import { proofReviewView, sendProofReviewEvent } from '../beratung/sachbericht.server';
import { requireApplicant } from '../session.server';
import { assessmentOf, isComplete, loadProof, proofRows, suggestionsFor } from '../umsetzung/verwendungsnachweis.server';
import { saveImplementation } from '../umsetzung/records.server';

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [
  { title: `Verwendungsnachweis – ${d?.title ?? 'Antrag'} – Förderlotse Bürgerbeteiligung` },
];

const FORM = 'vn';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireApplicant(request);
  const p = await loadProof(user, params.id);
  const b = p.loaded.bescheid;
  const values = proofFormValues(p.proof);
  const suggestions = await suggestionsFor(p);
  for (const [id, text] of Object.entries(suggestions)) if (text && !values[`report.${id}`]) values[`report.${id}`] = text;
  return {
    id: p.loaded.application.row.id,
    title: p.projectTitle,
    fileNumber: b.fileNumber,
    part: b.programmePart,
    version: p.loaded.row.version,
    values,
    confirmed: p.proof.confirmed as string[],
    suggested: Object.keys(suggestions),
    planned: Object.fromEntries(incomeKeys.map((k) => [k, formatEuro(b.financing[k])])) as Record<string, string>,
    rows: proofRows(p.numbers),
    assessment: assessmentOf(p.numbers, b.grantCents, !p.facts.purposeFulfilledOn),
    receiptCount: p.numbers.receipts.length,
    payoutCount: p.numbers.payouts.length,
    problems: p.problems.map((x) => ({ field: x.field, message: x.message, kind: x.kind })),
    complete: isComplete(p.problems),
    notice: new URL(request.url).searchParams.get('hinweis'),
    review: await proofReviewView(p.loaded),
  };
}

type ActionResult = {
  values: Record<string, string>;
  confirmed: string[];
  errors: Record<string, string>;
  /** Why the advice could not be asked for or withdrawn (the draft itself may have been saved). */
  reviewError?: string;
};

/** The buttons of the advice section save the draft too, so nothing typed is lost on the way. */
const reviewIntents = { 'beratung.anfragen': 'anfragen', 'beratung.zuruecknehmen': 'zuruecknehmen' } as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireApplicant(request);
  const form = await readProtectedForm(request);
  const p = await loadProof(user, params.id);
  const part = p.loaded.bescheid.programmePart;
  const raw: ProofFormValues = {};
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value !== 'string' || key === 'confirmed') continue;
    values[key] = value;
    raw[key] = value;
  }
  const confirmed = form.getAll('confirmed').filter((v): v is string => typeof v === 'string');
  raw.confirmed = confirmed;
  const intent = String(form.get('intent') ?? '');
  const reviewType = intent in reviewIntents ? reviewIntents[intent as keyof typeof reviewIntents] : null;
  const parsed = parseProofForm(raw, part);
  if (!parsed.ok)
    return data<ActionResult>(
      {
        values,
        confirmed,
        errors: parsed.errors,
        ...(reviewType ? { reviewError: 'Der Entwurf hat Fehler (siehe oben); die Beratung wurde daher noch nicht angefragt.' } : {}),
      },
      { status: 400 },
    );
  const saved = await saveImplementation(p.loaded.row.id, Number(form.get('version')), { proof: parsed.proof }, user.id);
  if (!saved)
    return data<ActionResult>(
      {
        values,
        confirmed,
        errors: {
          [FORM_ERROR]:
            'Die Daten dieses Vorhabens wurden inzwischen an anderer Stelle geändert. Ihre Eingaben stehen unten noch im Formular; bitte laden Sie die Seite in einem neuen Tab, vergleichen Sie und speichern Sie dann erneut.',
        },
      },
      { status: 409 },
    );
  const page = `/antraege/${p.loaded.application.row.id}/umsetzung/verwendungsnachweis`;
  if (!reviewType) return redirect(`${page}?hinweis=gespeichert`);
  const actor: ProofReviewActor = { role: 'applicant', userId: user.id, member: true };
  const at = new Date().toISOString();
  const event =
    reviewType === 'anfragen'
      ? { type: 'anfragen' as const, actor, at, message: String(form.get('reviewMessage') ?? '') }
      : { type: 'zuruecknehmen' as const, actor, at };
  const outcome = await sendProofReviewEvent(user, p.loaded, event, Number(form.get('reviewVersion')), p.projectTitle);
  if (!outcome.ok)
    return data<ActionResult>(
      { values, confirmed, errors: {}, reviewError: `Der Entwurf ist gespeichert. ${outcome.message}` },
      { status: 409 },
    );
  return redirect(`${page}?hinweis=${reviewType === 'anfragen' ? 'angefragt' : 'zurueckgenommen'}#beratung`);
}

const notices: Record<string, string> = {
  gespeichert: 'Der Entwurf ist gespeichert.',
  angefragt:
    'Der Entwurf ist gespeichert und der EBBS-Beratung zur Durchsicht gegeben. Sie werden benachrichtigt, sobald eine Rückmeldung vorliegt.',
  zurueckgenommen: 'Der Entwurf ist gespeichert; die Bitte um Durchsicht ist zurückgenommen.',
};

export default function Verwendungsnachweis() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const values = result?.values ?? d.values;
  const confirmed = new Set(result?.confirmed ?? d.confirmed);
  const errors = result?.errors;
  const order = [...reportQuestions.map((q) => reportFieldName(q.id)), 'participants', ...incomeKeys.map(incomeFieldName)];
  const anbest = d.part === 'A' ? 'ANBest-K' : 'ANBest-P';
  const missing = d.problems.filter((x) => x.kind === 'fehlt');
  const notes = d.problems.filter((x) => x.kind === 'hinweis');
  const base = `/antraege/${d.id}/umsetzung`;
  return (
    <>
      <p className="caption">
        <Link to={base}>{d.title}</Link> · Aktenzeichen {d.fileNumber}
      </p>
      <h1>Verwendungsnachweis</h1>
      {d.notice && d.notice in notices && !result ? (
        <div className="notice notice--success" role="status">
          <p>{notices[d.notice]}</p>
        </div>
      ) : null}
      {d.review.feedback ? (
        <div className="notice" id="rueckmeldung">
          <h2>
            Rückmeldung der EBBS-Beratung vom {d.review.feedback.on} ({d.review.feedback.by})
          </h2>
          {d.review.feedback.note.split(/\n{2,}/).map((para) => (
            <p key={para}>{para}</p>
          ))}
          {Object.keys(d.review.feedback.comments).length ? <p>Hinweise zu einzelnen Fragen stehen unten beim Sachbericht.</p> : null}
        </div>
      ) : null}
      <MessageSummary id={`${FORM}-summary`} errors={summaryOf(FORM, errors, order)} />
      <p>
        {d.part === 'A'
          ? 'Als Kommune weisen Sie die Verwendung mit einem Sachbericht und einem zahlenmäßigen Nachweis ohne Belege nach (ANBest-K Nr. 6.2). '
          : 'Als Träger nach FRL Teil 2 B weisen Sie die Verwendung mit einem Sachbericht und einem zahlenmäßigen Nachweis nach, zu dem die Belegliste gehört (ANBest-P Nr. 6.2, 6.4). '}
        Die Zahlen stammen aus Ihrer <Link to={`${base}/belege`}>Belegliste</Link> und den erfassten Auszahlungen; sie werden nicht
        abgetippt und stimmen daher immer mit Ihren Aufzeichnungen überein.
      </p>

      <h2>Stand</h2>
      {d.complete ? (
        <div className="notice notice--success">
          <p>
            Der Verwendungsnachweis ist vollständig. Laden Sie die PDF-Datei herunter, unterschreiben Sie sie und legen Sie sie der SAB vor.
          </p>
        </div>
      ) : (
        <div className="notice">
          <p>Noch nicht vollständig; die PDF-Datei ist bis dahin als Entwurf gekennzeichnet:</p>
          <ul>
            {missing.map((m) => (
              <li key={m.message}>{m.field ? <a href={`#${plainId(FORM, m.field)}`}>{m.message}</a> : m.message}</li>
            ))}
          </ul>
        </div>
      )}
      {notes.length ? (
        <ul className="finding-list">
          {notes.map((n) => (
            <li key={n.message}>
              <p>{n.message}</p>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="button-row">
        <a href={`${base}/verwendungsnachweis.pdf`} className="button button--secondary" download>
          {d.complete ? 'Verwendungsnachweis als PDF' : 'Entwurf als PDF'}
        </a>
        <a href={`${base}/verwendungsnachweis.json`} className="button button--secondary" download>
          Als JSON-Datei
        </a>
        {d.part === 'B' ? (
          <a href={`${base}/belege.csv`} className="button button--secondary" download>
            Belegliste als CSV
          </a>
        ) : null}
      </p>

      <h2>Zahlenmäßiger Nachweis ({anbest} Nr. 6.4)</h2>
      <ProofExpenditureTable lines={d.rows.expenditure} total={d.rows.expenditureTotal} />
      <ScrollTable caption="Einnahmen nach dem Finanzierungsplan">
        <thead>
          <tr>
            <th scope="col">Quelle</th>
            <th scope="col" className="num">
              Geplant
            </th>
            <th scope="col" className="num">
              Ist
            </th>
            <th scope="col">Hinweis</th>
          </tr>
        </thead>
        <tbody>
          {d.rows.income.map((r) => (
            <tr key={r[0]}>
              <th scope="row">{r[0]}</th>
              <td className="num">{r[1]}</td>
              <td className="num">{r[2]}</td>
              <td>{r[3]}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{d.rows.incomeTotal[0]}</th>
            <td className="num">{d.rows.incomeTotal[1]}</td>
            <td className="num">{d.rows.incomeTotal[2]}</td>
            <td />
          </tr>
        </tfoot>
      </ScrollTable>
      <p>
        <strong>Einnahmen abzüglich Ausgaben: {d.rows.balance}</strong>
      </p>
      <ul>
        {d.assessment.map((a) => (
          <li key={a}>{a}</li>
        ))}
      </ul>
      {d.part === 'B' ? (
        <p>
          Die Belegliste ({d.receiptCount} bezahlte {d.receiptCount === 1 ? 'Ausgabe' : 'Ausgaben'}, {d.payoutCount}{' '}
          {d.payoutCount === 1 ? 'Auszahlung' : 'Auszahlungen'}) steht in der PDF-Datei in zeitlicher Reihenfolge, Einnahmen und Ausgaben
          getrennt (ANBest-P Nr. 6.4).
        </p>
      ) : null}

      <PostForm id={FORM} noValidate>
        <DefaultSubmit intent="speichern" label="Entwurf speichern" />
        <input type="hidden" name="version" value={d.version} />
        <input type="hidden" name="reviewVersion" value={d.review.version} />
        <h2>Sachbericht ({anbest} Nr. 6.3, FRL Teil 1 IV Nr. 9)</h2>
        {d.suggested.length ? (
          <p className="hint">
            Einige Felder sind mit einem Vorschlag aus Ihrem Antrag
            {d.suggested.includes('bewertung') ? ' und dem beigefügten QualitätsCheck' : ''} vorausgefüllt. Gespeichert wird erst, wenn Sie
            „Entwurf speichern“ wählen.
          </p>
        ) : null}
        {reportQuestions.map((q) => (
          <div key={q.id}>
            <PlainText
              form={FORM}
              name={reportFieldName(q.id)}
              label={q.label}
              hint={`${q.hint} (${q.clauses.join(', ')}; höchstens ${reportMaxLength.toLocaleString('de-DE')} Zeichen)`}
              value={values[reportFieldName(q.id)]}
              error={errors?.[reportFieldName(q.id)]}
              optional={!q.required}
              multiline
            />
            {d.review.feedback?.comments[q.id] ? (
              <aside className="notice advisor-remark" aria-label={`Hinweis der Beratung zu „${q.label}“`}>
                <p>
                  <strong>Hinweis der Beratung:</strong> {d.review.feedback.comments[q.id]}
                </p>
              </aside>
            ) : null}
          </div>
        ))}
        <PlainText
          form={FORM}
          name="participants"
          label="Zahl der beteiligten Personen"
          hint="Alle Personen, die sich an Veranstaltungen, Befragungen oder online beteiligt haben, als ganze Zahl."
          value={values.participants}
          error={errors?.participants}
          width="short"
          inputMode="numeric"
        />

        <h2>Tatsächliche Einnahmen</h2>
        <p className="hint">
          Die Zuwendung zählt mit den erfassten Auszahlungen. Tragen Sie die übrigen Mittel so ein, wie sie tatsächlich eingesetzt wurden;
          leer bleibt der geplante Betrag stehen (als „noch nicht eingetragen“ markiert).
        </p>
        {incomeKeys
          .filter((k) => !(k === 'inKindCents' && d.part === 'A'))
          .map((k) => (
            <PlainText
              key={k}
              form={FORM}
              name={incomeFieldName(k)}
              label={`${incomeLabels[k]} in Euro`}
              hint={`Geplant: ${d.planned[k]}.`}
              value={values[incomeFieldName(k)]}
              error={errors?.[incomeFieldName(k)]}
              width="medium"
              inputMode="decimal"
            />
          ))}

        <fieldset className="field fieldset">
          <legend className="field__label">Bestätigungen</legend>
          <div className="field__hint">Mit der Unterschrift auf dem Verwendungsnachweis bestätigen Sie:</div>
          <div className="choices">
            {confirmationsFor(d.part).map((c) => (
              <div className="choice" key={c.id}>
                <input
                  type="checkbox"
                  id={plainId(FORM, `confirmed.${c.id}`)}
                  name="confirmed"
                  value={c.id}
                  defaultChecked={confirmed.has(c.id)}
                  className="choice__input"
                />
                <label htmlFor={plainId(FORM, `confirmed.${c.id}`)} className="choice__label">
                  {c.text} <span className="hint">({c.clauses[d.part]})</span>
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <div className="button-row">
          <button type="submit" name="intent" value="speichern" className="button">
            Entwurf speichern
          </button>
        </div>

        <section id="beratung" aria-labelledby="beratung-titel">
          <h2 id="beratung-titel">Durchsicht durch die EBBS-Beratung</h2>
          <p>
            Eine Beraterin oder ein Berater des Erfahrungs- und Beratungsnetzwerks Bürgerbeteiligung Sachsen kann Ihren Sachbericht vor der
            Abgabe lesen und Ihnen Hinweise geben. Die Beratung ist freiwillig; über den Verwendungsnachweis entscheidet allein die SAB.
          </p>
          <p>
            Stand: <strong>{d.review.statusLabel}</strong>
            {d.review.requestedOn && (d.review.status === 'angefragt' || d.review.status === 'in_beratung')
              ? ` (angefragt am ${d.review.requestedOn}${d.review.advisor ? `, übernommen von ${d.review.advisor}` : ''})`
              : ''}
          </p>
          {result?.reviewError ? (
            <p className="notice notice--error" role="alert">
              {result.reviewError}
            </p>
          ) : null}
          {d.review.status === 'keine' || d.review.status === 'rueckmeldung' ? (
            <>
              <PlainText
                form={FORM}
                name="reviewMessage"
                label="Worauf soll die Beratung besonders achten?"
                hint={`Zum Beispiel eine Frage, bei der Sie unsicher sind; höchstens ${MESSAGE_MAX_LENGTH.toLocaleString('de-DE')} Zeichen.`}
                value={values.reviewMessage}
                optional
                multiline
              />
              <div className="button-row">
                <button type="submit" name="intent" value="beratung.anfragen" className="button button--secondary">
                  {d.review.status === 'rueckmeldung' ? 'Speichern und erneut zur Durchsicht geben' : 'Speichern und zur Durchsicht geben'}
                </button>
              </div>
            </>
          ) : (
            <div className="button-row">
              <button type="submit" name="intent" value="beratung.zuruecknehmen" className="button button--secondary">
                Speichern und Bitte um Durchsicht zurücknehmen
              </button>
            </div>
          )}
        </section>
      </PostForm>
    </>
  );
}
