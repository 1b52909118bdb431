import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { formatDate, formatEuro } from '../../machines/shared/format';
import { totalsOf } from '../../machines/umsetzung/computations';
import { chronological, countedCents, parseReceiptForm } from '../../machines/umsetzung/receipts';
import { evaluateImplementation, implementationSeverityLabel } from '../../machines/umsetzung/rules';
import { PostForm } from '../components/forms';
import { ScrollTable } from '../components/scroll-table';
import { ReceiptForm } from '../components/umsetzung/receipt-form';
import { readProtectedForm } from '../csrf.server';
import { requireApplicant } from '../session.server';
import { implementationFactsOf, implementationTable, receiptValuesFrom, requireImplementation } from '../umsetzung/implementation.server';
import { addReceipt, removeReceipt } from '../umsetzung/records.server';

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [
  { title: `Belegliste – ${d?.title ?? 'Antrag'} – Förderlotse Bürgerbeteiligung` },
];

const receiptRules = new Set(['plan.gesamtergebnis', 'inventar.gegenstaende', 'vergabe.drei-angebote', 'mitteilung.ermaessigung']);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireApplicant(request);
  const loaded = await requireImplementation(user, params.id);
  const b = loaded.bescheid;
  const facts = await implementationFactsOf(loaded.row, b);
  const totals = totalsOf(facts);
  const labelOf = new Map(b.lines.map((l) => [l.id, l.label]));
  const findings = evaluateImplementation(facts, implementationTable).filter(
    (f) => receiptRules.has(f.rule.id) && (f.outcome.status === 'ausgeloest' || f.outcome.detail),
  );
  return {
    id: loaded.application.row.id,
    title: loaded.application.data.project.title?.trim() || 'Antrag ohne Titel',
    vatDeductible: b.vatDeductible,
    lines: b.lines.map((l) => ({ value: l.id, label: l.label })),
    totals: {
      lines: totals.lines.map((l) => ({
        id: l.lineId,
        label: l.label,
        approved: formatEuro(l.approvedCents),
        spent: formatEuro(l.spentCents),
        open: formatEuro(l.openCents),
        remaining: formatEuro(l.remainingCents),
        over: l.remainingCents < 0,
      })),
      approved: formatEuro(totals.approvedCents),
      spent: formatEuro(totals.spentCents),
      open: formatEuro(totals.openCents),
      remaining: formatEuro(totals.remainingCents),
      over: totals.remainingCents < 0,
    },
    receipts: chronological(facts.receipts).map((r) => ({
      id: r.id,
      invoicedOn: formatDate(r.invoicedOn),
      paidOn: r.paidOn ? formatDate(r.paidOn) : 'offen',
      payee: r.payee,
      purpose: r.purpose,
      line: labelOf.get(r.lineId) ?? r.lineId,
      amount: formatEuro(countedCents(r, b.vatDeductible)),
    })),
    findings: findings.map((f) => ({
      id: f.rule.id,
      title: f.rule.title,
      severity: implementationSeverityLabel[f.rule.severity],
      clauses: f.rule.clauses.join(', '),
      detail: f.outcome.detail ?? '',
      triggered: f.outcome.status === 'ausgeloest',
    })),
    notice: new URL(request.url).searchParams.get('hinweis'),
    imported: importedNotice(new URL(request.url).searchParams),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireApplicant(request);
  const form = await readProtectedForm(request);
  const loaded = await requireImplementation(user, params.id);
  const base = `/antraege/${loaded.application.row.id}/umsetzung/belege`;
  if (form.get('intent') === 'delete') {
    const deleted = await removeReceipt(loaded.row.id, Number(form.get('receiptId')));
    return redirect(`${base}?hinweis=${deleted ? 'entfernt' : 'schon-entfernt'}`);
  }
  if (form.get('intent') !== 'add') throw new Response('Unbekannte Aktion', { status: 400 });
  const values = receiptValuesFrom(form);
  const parsed = parseReceiptForm(values, loaded.bescheid);
  if (!parsed.ok) return data({ values, errors: parsed.errors }, { status: 400 });
  await addReceipt(loaded.row.id, parsed.receipt, user.id);
  return redirect(`${base}?hinweis=erfasst#neuer-beleg`);
}

/** The result of a CSV import (issue 19 Nr. 2), from the redirect's query. */
function importedNotice(query: URLSearchParams): string | null {
  const count = (name: string) => (/^\d{1,5}$/.test(query.get(name) ?? '') ? Number(query.get(name)) : null);
  const added = count('importiert');
  if (added === null) return null;
  const duplicates = count('doppelt') ?? 0;
  return [
    added === 1 ? '1 Beleg aus der CSV-Datei ist übernommen.' : `${added} Belege aus der CSV-Datei sind übernommen.`,
    duplicates
      ? `${duplicates === 1 ? '1 Zeile war' : `${duplicates} Zeilen waren`} schon in der Belegliste und wurde${duplicates === 1 ? '' : 'n'} nicht noch einmal übernommen.`
      : '',
  ]
    .filter(Boolean)
    .join(' ');
}

const notices: Record<string, string> = {
  erfasst: 'Der Beleg ist erfasst. Sie können gleich den nächsten eingeben.',
  geaendert: 'Der Beleg ist geändert.',
  entfernt: 'Der Beleg ist entfernt.',
  'schon-entfernt': 'Dieser Beleg war bereits entfernt.',
};

export default function Receipts() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <p className="caption">
        <Link to={`/antraege/${d.id}/umsetzung`}>Vorhaben in Umsetzung: {d.title}</Link>
      </p>
      <h1>Belegliste</h1>
      {d.imported ? (
        <div className="notice notice--success" role="status">
          <p>{d.imported}</p>
        </div>
      ) : null}
      {d.notice && notices[d.notice] ? (
        <div className="notice notice--success" role="status">
          <p>{notices[d.notice]}</p>
        </div>
      ) : null}
      <p>
        Erfassen Sie jede Zahlung, sobald sie anfällt. {d.vatDeductible ? 'Es zählen die Nettobeträge.' : 'Es zählen die Bruttobeträge.'}{' '}
        Der Finanzierungsplan ist im Gesamtergebnis verbindlich: einzelne Positionen dürfen Sie überschreiten, solange die Gesamtsumme hält
        (ANBest-K/ANBest-P Nr. 1.2).
      </p>
      <ScrollTable caption="Stand je Position gegen den bewilligten Plan">
        <thead>
          <tr>
            <th scope="col">Position</th>
            <th scope="col" className="num">
              Bewilligt
            </th>
            <th scope="col" className="num">
              Bezahlt
            </th>
            <th scope="col" className="num">
              Offene Rechnungen
            </th>
            <th scope="col" className="num">
              Verbleibend
            </th>
          </tr>
        </thead>
        <tbody>
          {d.totals.lines.map((l) => (
            <tr key={l.id}>
              <th scope="row">{l.label}</th>
              <td className="num">{l.approved}</td>
              <td className="num">{l.spent}</td>
              <td className="num">{l.open}</td>
              <td className="num">{l.over ? <strong>{l.remaining} (überschritten)</strong> : l.remaining}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Summe</th>
            <td className="num">{d.totals.approved}</td>
            <td className="num">{d.totals.spent}</td>
            <td className="num">{d.totals.open}</td>
            <td className="num">{d.totals.over ? <strong>{d.totals.remaining} (überschritten)</strong> : d.totals.remaining}</td>
          </tr>
        </tfoot>
      </ScrollTable>
      {d.findings.length ? (
        <ul className="finding-list">
          {d.findings.map((f) => (
            <li key={f.id}>
              <p>
                <strong>{f.triggered ? `${f.severity}: ${f.title}` : f.title}</strong> <span className="hint">({f.clauses})</span>
              </p>
              {f.detail ? <p>{f.detail}</p> : null}
            </li>
          ))}
        </ul>
      ) : null}
      <p>
        <a href={`/antraege/${d.id}/umsetzung/belege.csv`} download>
          Belegliste als CSV herunterladen
        </a>{' '}
        · <Link to={`/antraege/${d.id}/umsetzung/belege/importieren`}>Belege aus einer CSV-Datei übernehmen</Link>
      </p>
      {d.receipts.length ? (
        <ScrollTable caption={`Belege in zeitlicher Reihenfolge (${d.receipts.length})`}>
          <thead>
            <tr>
              <th scope="col">Bezahlt am</th>
              <th scope="col">Rechnung vom</th>
              <th scope="col">Empfänger</th>
              <th scope="col">Grund</th>
              <th scope="col">Position</th>
              <th scope="col" className="num">
                Betrag
              </th>
              <th scope="col">Aktionen</th>
            </tr>
          </thead>
          <tbody>
            {d.receipts.map((r) => (
              <tr key={r.id}>
                <td>{r.paidOn}</td>
                <td>{r.invoicedOn}</td>
                <td>{r.payee}</td>
                <td>{r.purpose}</td>
                <td>{r.line}</td>
                <td className="num">{r.amount}</td>
                <td>
                  <div className="button-row">
                    <Link to={`/antraege/${d.id}/umsetzung/belege/${r.id}`}>
                      Ändern
                      <span className="visually-hidden">
                        {' '}
                        ({r.payee}, {r.amount})
                      </span>
                    </Link>
                    <PostForm>
                      <input type="hidden" name="receiptId" value={r.id} />
                      <button type="submit" name="intent" value="delete" className="button button--secondary button--small">
                        Entfernen
                        <span className="visually-hidden">
                          {' '}
                          ({r.payee}, {r.amount})
                        </span>
                      </button>
                    </PostForm>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      ) : (
        <p>Noch keine Belege erfasst.</p>
      )}
      <h2 id="neuer-beleg">Beleg erfassen</h2>
      <ReceiptForm
        form="beleg"
        values={result?.values ?? {}}
        errors={result?.errors}
        lines={d.lines}
        vatDeductible={d.vatDeductible}
        intent="add"
        submitLabel="Beleg erfassen"
      />
    </>
  );
}
