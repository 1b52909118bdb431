import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { isoToGerman, parseGermanDate } from '../../machines/shared/dates';
import { formatDate, formatEuro, formatPercentBasisPoints } from '../../machines/shared/format';
import { parseEuro } from '../../machines/shared/money';
import { financingTypeLabel } from '../../machines/umsetzung/bescheid';
import {
  advanceProcedureOn,
  bescheidFinalOn,
  computeMittelabruf,
  latestStartOn,
  milestoneKeys,
  proofDueOn,
  regularInstalments,
  totalsOf,
} from '../../machines/umsetzung/computations';
import { evaluateImplementation, implementationSeverityLabel } from '../../machines/umsetzung/rules';
import { proofStatus } from '../../machines/umsetzung/verwendungsnachweis';
import { exampleOfferState } from '../methoden/beispiel-vorschlag.server';
import { changesFromJson, noticeItems } from '../../machines/umsetzung/aenderungen';
import { MessageSummary } from '../components/fields';
import { PostForm } from '../components/forms';
import { ScrollTable } from '../components/scroll-table';
import { FORM_ERROR, PlainText, summaryOf } from '../components/umsetzung/plain-fields';
import { readProtectedForm } from '../csrf.server';
import { todayInSaxony } from '../rules.server';
import { requireApplicant } from '../session.server';
import {
  implementationFactsOf,
  implementationTable,
  mayRecordBescheid,
  milestonesOf,
  requireImplementation,
  requireOwnImplementationContext,
  type Milestones,
} from '../umsetzung/implementation.server';
import { payoutsOf, recordPayout, removePayout, saveImplementation } from '../umsetzung/records.server';

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [
  { title: `Vorhaben in Umsetzung – ${d?.title ?? 'Antrag'} – Förderlotse Bürgerbeteiligung` },
];

const milestoneLabels: Record<keyof Milestones, { label: string; hint: string }> = {
  startedOn: { label: 'Vorhaben begonnen am', hint: 'Beginn ist der erste Liefer- oder Leistungsvertrag.' },
  startReportedOn: { label: 'Beginn der SAB angezeigt am', hint: 'ANBest-K Nr. 5.4, ANBest-P Nr. 5.8.' },
  purposeFulfilledOn: { label: 'Zuwendungszweck erfüllt am', hint: 'Ab hier läuft die Frist für den Verwendungsnachweis.' },
  proofSubmittedOn: {
    label: 'Vollständiger Verwendungsnachweis bei der SAB am',
    hint: 'Mit nachgereichten Unterlagen: das Datum der letzten Nachreichung.',
  },
  proofCheckedOn: { label: 'Prüfung des Verwendungsnachweises abgeschlossen am', hint: 'Laut Mitteilung der SAB.' },
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireApplicant(request);
  const context = await requireOwnImplementationContext(user, params.id);
  const title = context.application.data.project.title?.trim() || 'Antrag ohne Titel';
  const id = context.application.row.id;
  if (!context.row) return { id, title, implementation: null, canRecord: mayRecordBescheid(context.status) };
  const loaded = await requireImplementation(user, params.id);
  const b = loaded.bescheid;
  const today = todayInSaxony();
  const facts = await implementationFactsOf(loaded.row, b, today);
  const table = implementationTable;
  const totals = totalsOf(facts);
  const findings = evaluateImplementation(facts, table).filter((f) => f.outcome.status === 'ausgeloest');
  const advance = advanceProcedureOn(b, table, today);
  const payouts = await payoutsOf(loaded.row.id);
  const milestones = milestonesOf(loaded.row);
  // What could be requested today from the Belegliste alone (paid receipts and open invoices).
  const abruf = advance
    ? computeMittelabruf(facts, { requestedOn: today, expectedPayoutOn: null, plannedPayments: [], requestedCents: null }, table)
    : null;
  return {
    id,
    title,
    canRecord: true,
    implementation: {
      version: loaded.row.version,
      fileNumber: b.fileNumber,
      part: b.programmePart,
      grant: formatEuro(b.grantCents),
      rate: formatPercentBasisPoints(b.rateBp),
      financingType: financingTypeLabel[b.financingType],
      period: `${formatDate(b.periodStart)} bis ${formatDate(b.periodEnd)}`,
      finalOn: formatDate(bescheidFinalOn(b, table)),
      latestStart: formatDate(latestStartOn(b, table)),
      proofDue: formatDate(proofDueOn(b, milestones.purposeFulfilledOn, table)),
      advance,
      mittelabruf: abruf
        ? {
            windowEnd: formatDate(abruf.windowEndOn),
            need: formatEuro(abruf.needCents),
            share: formatEuro(abruf.grantShareCents),
            paidOut: formatEuro(abruf.paidOutCents),
            allowed: formatEuro(abruf.allowedCents),
            belowMinimum: abruf.allowedCents > 0 && abruf.allowedCents < abruf.minimumCents,
            minimum: formatEuro(abruf.minimumCents),
          }
        : null,
      milestones: Object.fromEntries(milestoneKeys.map((k) => [k, isoToGerman(milestones[k])])) as Record<keyof Milestones, string>,
      started: Boolean(milestones.startReportedOn),
      startRecorded: Boolean(milestones.startedOn),
      proofSubmitted: Boolean(milestones.proofSubmittedOn),
      proofStatus: proofStatus(facts, loaded.row.proof, table),
      exampleOffer: await exampleOfferState(loaded.application.row.id),
      changesToReport: noticeItems(facts, changesFromJson(loaded.row.changes), table).length,
      receiptCount: facts.receipts.length,
      spent: formatEuro(totals.spentCents + totals.openCents),
      approved: formatEuro(totals.approvedCents),
      instalments: advance
        ? []
        : regularInstalments(facts, table).map((i) => ({
            label: i.label,
            share: formatPercentBasisPoints(i.shareBp),
            amount: formatEuro(i.cents),
            due: i.dueOn
              ? `fällig seit ${formatDate(i.dueOn)}`
              : i.latestOn
                ? `spätestens ${formatDate(i.latestOn)}`
                : `nach: ${i.condition}`,
            clause: i.clause,
          })),
      payouts: payouts.map((p) => ({ id: p.id, receivedOn: formatDate(p.received_on), amount: formatEuro(p.amount_cents), note: p.note })),
      paidOut: formatEuro(payouts.reduce((s, p) => s + p.amount_cents, 0)),
      findings: findings.map((f) => ({
        id: f.rule.id,
        title: f.rule.title,
        severity: implementationSeverityLabel[f.rule.severity],
        clauses: f.rule.clauses.join(', '),
        detail: f.outcome.detail ?? '',
        explanation: f.rule.explanation,
      })),
    },
    notice: new URL(request.url).searchParams.get('hinweis'),
  };
}

type ActionResult = { form: 'milestones' | 'payout'; values: Record<string, string>; errors: Record<string, string> };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireApplicant(request);
  const form = await readProtectedForm(request);
  const loaded = await requireImplementation(user, params.id);
  const intent = form.get('intent');
  const base = `/antraege/${loaded.application.row.id}/umsetzung`;
  const str = (name: string) => (typeof form.get(name) === 'string' ? (form.get(name) as string) : '');
  if (intent === 'milestones') {
    const values: Record<string, string> = {};
    const errors: Record<string, string> = {};
    const next: Record<string, string | null> = {};
    // What was typed comes back as typed; only the parsing ignores surrounding spaces.
    for (const key of milestoneKeys) {
      values[key] = str(key);
      const typed = values[key]!.trim();
      if (!typed) {
        next[key] = null;
        continue;
      }
      const parsed = parseGermanDate(typed, `das Feld „${milestoneLabels[key].label}“`);
      if (parsed.ok) next[key] = parsed.iso;
      else errors[key] = parsed.message;
    }
    if (next.startReportedOn && !next.startedOn) errors.startedOn = 'Bitte geben Sie auch an, wann das Vorhaben begonnen hat.';
    if (next.startedOn && next.startReportedOn && next.startReportedOn < next.startedOn)
      errors.startReportedOn = 'Die Anzeige kann nicht vor dem Beginn liegen.';
    if (next.proofCheckedOn && !next.proofSubmittedOn)
      errors.proofSubmittedOn = 'Bitte geben Sie auch an, wann der Verwendungsnachweis vorgelegt wurde.';
    if (Object.keys(errors).length) return data<ActionResult>({ form: 'milestones', values, errors }, { status: 400 });
    const saved = await saveImplementation(loaded.row.id, Number(str('version')), { milestones: next }, user.id);
    if (!saved)
      return data<ActionResult>(
        {
          form: 'milestones',
          values,
          errors: { [FORM_ERROR]: 'Die Angaben wurden inzwischen von jemand anderem geändert. Bitte laden Sie die Seite neu.' },
        },
        { status: 409 },
      );
    return redirect(`${base}?hinweis=gespeichert`);
  }
  if (intent === 'payout.add') {
    const values = { receivedOn: str('receivedOn'), amount: str('amount'), note: str('note') };
    const note = values.note.trim();
    const errors: Record<string, string> = {};
    // Refused, never cut: a shortened note would be stored without the user knowing.
    if (note.length > 200)
      errors.note = `Die Notiz darf höchstens 200 Zeichen lang sein (jetzt ${note.length.toLocaleString('de-DE')}). Bitte kürzen Sie sie.`;
    const date = parseGermanDate(values.receivedOn.trim(), 'das Datum des Zahlungseingangs');
    if (!date.ok) errors.receivedOn = date.message;
    const amount = parseEuro(values.amount.trim(), 'den ausgezahlten Betrag');
    if (!amount.ok) errors.amount = amount.message;
    else if (amount.cents === 0) errors.amount = 'Bitte geben Sie einen Betrag über 0 € an.';
    const already = (await payoutsOf(loaded.row.id)).reduce((s, p) => s + p.amount_cents, 0);
    if (amount.ok && already + amount.cents > loaded.bescheid.grantCents) {
      errors.amount = `Mit diesem Betrag wäre mehr ausgezahlt als bewilligt (${formatEuro(loaded.bescheid.grantCents)}). Bitte prüfen Sie den Betrag.`;
    }
    if (Object.keys(errors).length || !date.ok || !amount.ok)
      return data<ActionResult>({ form: 'payout', values, errors }, { status: 400 });
    await recordPayout(loaded.row.id, { receivedOn: date.iso, amountCents: amount.cents, note, userId: user.id });
    return redirect(`${base}?hinweis=auszahlung#auszahlungen`);
  }
  if (intent === 'payout.delete') {
    await removePayout(loaded.row.id, Number(str('payoutId')));
    return redirect(`${base}?hinweis=auszahlung-entfernt#auszahlungen`);
  }
  throw new Response('Unbekannte Aktion', { status: 400 });
}

const notices: Record<string, string> = {
  bescheid: 'Der Bescheid ist gespeichert. Das Vorhaben ist jetzt in Umsetzung.',
  gespeichert: 'Die Daten sind gespeichert.',
  auszahlung: 'Die Auszahlung ist erfasst.',
  'auszahlung-entfernt': 'Die Auszahlung ist entfernt.',
};

const proofTag = {
  vorgelegt: { label: 'vorgelegt', colour: 'green' },
  vollstaendig: { label: 'vollständig', colour: 'green' },
  begonnen: { label: 'in Bearbeitung', colour: 'blue' },
  offen: { label: 'nicht begonnen', colour: 'grey' },
} as const;

export default function ImplementationOverview() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (!d.implementation) {
    return (
      <div className="narrow">
        <p className="caption">{d.title}</p>
        <h1>Vorhaben in Umsetzung</h1>
        <p>Noch ist kein Zuwendungsbescheid erfasst.</p>
        {d.canRecord ? (
          <p>
            <Link to={`/antraege/${d.id}/umsetzung/bescheid`} className="button">
              Bescheid erfassen
            </Link>
          </p>
        ) : (
          <p>
            Sobald die SAB bewilligt hat, halten Sie das unter <Link to={`/antraege/${d.id}/status`}>Stand</Link> fest und erfassen dann
            hier den Bescheid.
          </p>
        )}
      </div>
    );
  }
  const impl = d.implementation;
  const milestoneErrors = result?.form === 'milestones' ? result.errors : undefined;
  const payoutErrors = result?.form === 'payout' ? result.errors : undefined;
  const milestoneValues = result?.form === 'milestones' ? result.values : impl.milestones;
  const payoutValues = result?.form === 'payout' ? result.values : {};
  return (
    <>
      <p className="caption">
        <Link to={`/antraege/${d.id}`}>{d.title}</Link> · Aktenzeichen {impl.fileNumber}
      </p>
      <h1>Vorhaben in Umsetzung</h1>
      {d.notice && notices[d.notice] ? (
        <div className="notice notice--success" role="status">
          <p>{notices[d.notice]}</p>
        </div>
      ) : null}
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>Zuwendung</dt>
          <dd>
            {impl.grant} ({impl.financingType}, {impl.rate})
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>Bewilligungszeitraum</dt>
          <dd>{impl.period}</dd>
        </div>
        <div className="summary-list__row">
          <dt>Bestandskräftig ab</dt>
          <dd>{impl.finalOn}</dd>
        </div>
        <div className="summary-list__row">
          <dt>Beginn spätestens</dt>
          <dd>{impl.latestStart}</dd>
        </div>
        <div className="summary-list__row">
          <dt>Verwendungsnachweis fällig</dt>
          <dd>{impl.proofDue}</dd>
        </div>
      </dl>
      <p>
        <a href={`/antraege/${d.id}/umsetzung/termine.ics`} download>
          Alle Fristen in Ihren Kalender übernehmen (.ics-Datei mit Erinnerung eine Woche vorher und am Tag)
        </a>
        <br />
        <span className="hint">
          Nach neuen Terminen (zum Beispiel dem Beginn) laden Sie die Datei erneut; Ihr Kalender aktualisiert dann die Einträge.
        </span>
      </p>

      <h2>Aufgaben</h2>
      <ol className="task-list">
        <li className="task-list__item">
          <div className="task-list__name">
            <Link to={`/antraege/${d.id}/umsetzung/bescheid`} aria-describedby="status-bescheid">
              Bescheid
            </Link>
            <p className="hint">Bewilligte Zuwendung, Zeitraum und Ausgabenplan.</p>
          </div>
          <span id="status-bescheid" className="tag tag--green">
            erledigt
          </span>
        </li>
        <li className="task-list__item">
          <div className="task-list__name">
            <a href="#meilensteine" aria-describedby="status-beginn">
              Beginn anzeigen
            </a>
            <p className="hint">Spätestens am {impl.latestStart} beginnen und den Beginn der SAB anzeigen.</p>
            {impl.startRecorded ? (
              <p>
                <a href={`/antraege/${d.id}/umsetzung/beginnanzeige.pdf`} download>
                  Beginnanzeige (PDF)
                </a>
              </p>
            ) : (
              <p className="hint">
                Die Beginnanzeige als PDF gibt es, sobald Sie <a href="#termine-startedOn">unten eingetragen</a> haben, wann das Vorhaben
                begonnen hat.
              </p>
            )}
          </div>
          <span id="status-beginn" className={impl.started ? 'tag tag--green' : 'tag tag--blue'}>
            {impl.started ? 'erledigt' : 'offen'}
          </span>
        </li>
        <li className="task-list__item">
          <div className="task-list__name">
            <Link to={`/antraege/${d.id}/umsetzung/belege`} aria-describedby="status-belege">
              Belegliste führen
            </Link>
            <p className="hint">
              {impl.receiptCount} {impl.receiptCount === 1 ? 'Beleg' : 'Belege'}, {impl.spent} von {impl.approved}.
            </p>
          </div>
          <span id="status-belege" className={impl.receiptCount ? 'tag tag--blue' : 'tag tag--grey'}>
            {impl.receiptCount ? 'in Bearbeitung' : 'nicht begonnen'}
          </span>
        </li>
        <li className="task-list__item">
          <div className="task-list__name">
            <a href="#auszahlungen" aria-describedby="status-auszahlungen">
              Auszahlungen
            </a>
            <p className="hint">Ausgezahlt: {impl.paidOut}.</p>
          </div>
          <span id="status-auszahlungen" className="tag tag--blue">
            laufend
          </span>
        </li>
        <li className="task-list__item">
          <div className="task-list__name">
            <Link to={`/antraege/${d.id}/umsetzung/aenderungen`} aria-describedby="status-aenderungen">
              Änderungen melden
            </Link>
            <p className="hint">Weniger Ausgaben, weitere Mittel, geänderte Umstände: was der SAB mitzuteilen ist.</p>
          </div>
          <span id="status-aenderungen" className={impl.changesToReport ? 'tag tag--yellow' : 'tag tag--grey'}>
            {impl.changesToReport ? 'Mitteilung nötig' : 'nichts mitzuteilen'}
          </span>
        </li>
        <li className="task-list__item">
          <div className="task-list__name">
            <Link to={`/antraege/${d.id}/umsetzung/verwendungsnachweis`} aria-describedby="status-nachweis">
              Verwendungsnachweis
            </Link>
            <p className="hint">Fällig am {impl.proofDue}. Sachbericht und zahlenmäßiger Nachweis aus der Belegliste.</p>
          </div>
          <span id="status-nachweis" className={`tag tag--${proofTag[impl.proofStatus].colour}`}>
            {proofTag[impl.proofStatus].label}
          </span>
        </li>
        <li className="task-list__item">
          <div className="task-list__name">
            <Link to={`/antraege/${d.id}/umsetzung/beispiel`} aria-describedby="status-beispiel">
              Als gutes Beispiel vorschlagen
            </Link>
            <p className="hint">
              Freiwillig: Ihre Erfahrungen für andere Kommunen und Vereine, sobald der Verwendungsnachweis vollständig ist.
            </p>
          </div>
          <span
            id="status-beispiel"
            className={`tag tag--${impl.exampleOffer?.status === 'veroeffentlicht' ? 'green' : impl.exampleOffer ? 'blue' : 'grey'}`}
          >
            {impl.exampleOffer?.label ?? 'freiwillig'}
          </span>
        </li>
      </ol>

      <h2>Was jetzt gilt</h2>
      {impl.findings.length ? (
        <ul className="finding-list">
          {impl.findings.map((f) => (
            <li key={f.id}>
              <p>
                <strong>
                  {f.severity}: {f.title}
                </strong>{' '}
                <span className="hint">({f.clauses})</span>
              </p>
              {f.detail ? <p>{f.detail}</p> : null}
              <details className="details">
                <summary>Was die Regel sagt</summary>
                <p>{f.explanation}</p>
              </details>
            </li>
          ))}
        </ul>
      ) : (
        <p>Keine Pflicht und kein Risiko ausgelöst.</p>
      )}

      <h2 id="auszahlungen">Auszahlungen</h2>
      {impl.advance ? (
        <>
          <p>
            Der Bescheid lässt Vorauszahlungen zu: Sie rufen Mittel nach Bedarf ab, nur für Zahlungen, die binnen sechs Monaten nach der
            Auszahlung fällig werden (ANBest-P Nr. 1.4).
          </p>
          {impl.mittelabruf ? (
            <dl className="summary-list">
              <div className="summary-list__row">
                <dt>Bedarf aus der Belegliste (bis {impl.mittelabruf.windowEnd})</dt>
                <dd>{impl.mittelabruf.need}</dd>
              </div>
              <div className="summary-list__row">
                <dt>Anteil der Zuwendung daran</dt>
                <dd>{impl.mittelabruf.share}</dd>
              </div>
              <div className="summary-list__row">
                <dt>Bereits ausgezahlt</dt>
                <dd>{impl.mittelabruf.paidOut}</dd>
              </div>
              <div className="summary-list__row">
                <dt>Jetzt abrufbar</dt>
                <dd>
                  {impl.mittelabruf.allowed}
                  {impl.mittelabruf.belowMinimum
                    ? ` – unter der Untergrenze von ${impl.mittelabruf.minimum} (VwV zu § 44 SäHO Nr. 7.7)`
                    : ''}
                </dd>
              </div>
            </dl>
          ) : null}
          <p>
            <Link to={`/antraege/${d.id}/umsetzung/mittelabruf`}>Mittelabruf erstellen</Link> – mit geplanten Zahlungen berechnen, speichern
            und als PDF für die SAB herunterladen.
          </p>
        </>
      ) : (
        <ScrollTable caption="Raten im Regelverfahren">
          <thead>
            <tr>
              <th scope="col">Rate</th>
              <th scope="col" className="num">
                Anteil
              </th>
              <th scope="col" className="num">
                Betrag
              </th>
              <th scope="col">Wann</th>
              <th scope="col">Fundstelle</th>
            </tr>
          </thead>
          <tbody>
            {impl.instalments.map((i) => (
              <tr key={i.label}>
                <th scope="row">{i.label}</th>
                <td className="num">{i.share}</td>
                <td className="num">{i.amount}</td>
                <td>{i.due}</td>
                <td>{i.clause}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
      {impl.payouts.length ? (
        <ScrollTable caption="Erhaltene Auszahlungen">
          <thead>
            <tr>
              <th scope="col">Eingang</th>
              <th scope="col" className="num">
                Betrag
              </th>
              <th scope="col">Vermerk</th>
              <th scope="col">Aktion</th>
            </tr>
          </thead>
          <tbody>
            {impl.payouts.map((p) => (
              <tr key={p.id}>
                <td>{p.receivedOn}</td>
                <td className="num">{p.amount}</td>
                <td>{p.note}</td>
                <td>
                  <PostForm>
                    <input type="hidden" name="payoutId" value={p.id} />
                    <button type="submit" name="intent" value="payout.delete" className="button button--secondary button--small">
                      Entfernen<span className="visually-hidden"> (Auszahlung vom {p.receivedOn})</span>
                    </button>
                  </PostForm>
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      ) : (
        <p>Noch keine Auszahlung erfasst.</p>
      )}
      <h3>Auszahlung erfassen</h3>
      <MessageSummary id="auszahlung-fehler" errors={summaryOf('auszahlung', payoutErrors, ['receivedOn', 'amount', 'note'])} />
      <PostForm id="auszahlung" noValidate>
        <PlainText
          form="auszahlung"
          name="receivedOn"
          label="Eingang auf dem Konto am"
          hint="TT.MM.JJJJ"
          value={payoutValues.receivedOn}
          error={payoutErrors?.receivedOn}
          width="short"
          inputMode="numeric"
        />
        <PlainText
          form="auszahlung"
          name="amount"
          label="Betrag in Euro"
          value={payoutValues.amount}
          error={payoutErrors?.amount}
          width="medium"
          inputMode="decimal"
        />
        <PlainText
          form="auszahlung"
          name="note"
          label="Vermerk"
          optional
          value={payoutValues.note}
          error={payoutErrors?.note}
          width="medium"
        />
        <button type="submit" name="intent" value="payout.add" className="button">
          Auszahlung erfassen
        </button>
      </PostForm>

      <h2 id="meilensteine">Termine des Vorhabens</h2>
      <MessageSummary id="termine-fehler" errors={summaryOf('termine', milestoneErrors, [...milestoneKeys])} />
      <PostForm id="termine" noValidate>
        <input type="hidden" name="version" value={impl.version} />
        {milestoneKeys.map((key) => (
          <PlainText
            key={key}
            form="termine"
            name={key}
            label={milestoneLabels[key].label}
            hint={`${milestoneLabels[key].hint} TT.MM.JJJJ`}
            optional
            value={milestoneValues[key]}
            error={milestoneErrors?.[key]}
            width="short"
            inputMode="numeric"
          />
        ))}
        <button type="submit" name="intent" value="milestones" className="button">
          Termine speichern
        </button>
      </PostForm>
    </>
  );
}
