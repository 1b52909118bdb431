import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { smallCountThreshold, type Period, type StatTable } from '../../machines/frl/regelwerk/statistics';
import { formatEuro, formatNumber } from '../../machines/shared/format';
import { BarChart } from '../components/bar-chart';
import { RegelwerkNav } from '../components/regelwerk/nav';
import { StatTableView } from '../components/regelwerk/stat-table';
import { requireRole } from '../session.server';
import { buildStatistics, type StatTableId } from '../regelwerk/statistics.server';

export const meta: MetaFunction = () => [{ title: 'Statistik – Regelwerk – Förderlotse Bürgerbeteiligung' }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ['ministry']);
  const period: Period = new URL(request.url).searchParams.get('zeitraum') === 'quartal' ? 'quartal' : 'monat';
  return { ...(await buildStatistics(period)), threshold: smallCountThreshold };
}

/** The bars of a table: its shown (not hidden, not zero) values in one column. */
function bars(table: StatTable, column: number) {
  return table.rows.flatMap((r) => {
    const value = r.values[column];
    return typeof value === 'number' && value > 0 ? [{ label: String(r.values[0]), value }] : [];
  });
}

export default function Statistics() {
  const d = useLoaderData<typeof loader>();
  const csv = (id: StatTableId) => `/regelwerk/statistik/export.csv?tabelle=${id}&zeitraum=${d.period}`;
  const table = (id: StatTableId) => <StatTableView table={d.tables[id]} csvHref={csv(id)} />;
  const counts = (id: StatTableId, title: string) => {
    const items = bars(d.tables[id], 1);
    return items.length ? <BarChart id={`stat-${id}`} title={title} items={items} format={formatNumber} /> : null;
  };
  const amounts = (id: StatTableId, title: string) => {
    const items = bars(d.tables[id], 3);
    return items.length ? <BarChart id={`stat-${id}`} title={title} items={items} format={formatEuro} /> : null;
  };
  return (
    <>
      <h1>Statistik</h1>
      <RegelwerkNav showStatistics />
      <p className="lead">
        {d.total === 1 ? 'Ein Antragsentwurf' : `${formatNumber(d.total)} Antragsentwürfe`} (ohne Papierkorb)
        {d.requested.drafts >= d.threshold
          ? `; beantragt sind zusammen ${formatEuro(d.requested.sumCents)} in ${formatNumber(d.requested.drafts)} Entwürfen`
          : ''}
        . Gezählt und summiert wird nur, nie benannt: keine Namen von Personen oder Organisationen.
      </p>
      <p>
        Zahlen je Landkreis unter {d.threshold} (auch 0) werden ausgeblendet, weil sie auf eine einzelne Organisation schließen lassen
        könnten. Ebenso werden Summen und Durchschnitte aus nur einem oder zwei Beträgen ausgeblendet: Sie wären der Betrag, den eine
        Organisation beantragt hat. Wäre in einer Tabelle nur ein Wert ausgeblendet, wird zusätzlich der nächstkleinere ausgeblendet, damit
        er sich nicht aus der Summe ergibt.
      </p>
      <nav aria-labelledby="statistik-inhalt" className="toc">
        <h2 id="statistik-inhalt">Inhalt</h2>
        <ul>
          <li>
            <a href="#entwuerfe">Entwürfe nach Förderweg, Status und Landkreis</a>
          </li>
          <li>
            <a href="#kriterien">Häufig nicht erfüllte Kriterien</a>
          </li>
          <li>
            <a href="#betraege">Beantragte Zuwendungen nach Förderweg und Förderaufruf</a>
          </li>
          <li>
            <a href="#zeitverlauf">Im Zeitverlauf</a>
          </li>
        </ul>
      </nav>

      <h2 id="entwuerfe">Nach Förderweg</h2>
      {counts('foerderweg', 'Entwürfe nach Förderweg')}
      {table('foerderweg')}
      <h2>Nach Status</h2>
      {counts('status', 'Entwürfe nach Status')}
      {table('status')}
      <h2>Nach Landkreis</h2>
      {counts('landkreis', 'Entwürfe nach Landkreis (kleine Zahlen ausgeblendet)') ?? (
        <p>Noch keine Zahl je Landkreis ist groß genug, um sie zu zeigen.</p>
      )}
      {table('landkreis')}

      <h2 id="kriterien">Häufig nicht erfüllte Kriterien</h2>
      <p>
        Stand der letzten Prüfung jedes Entwurfs; die zehn häufigsten. Gezählt werden Kriterien, die die Förderung ausschließen (Ausschluss)
        oder eine Begründung verlangen (Begründung). Bloße Hinweise wie „Offener Förderaufruf“ zählen nicht mit, weil sie zwischen zwei
        Förderaufrufen jeden Entwurf betreffen.
      </p>
      {d.tables.kriterien.rows.length ? (
        <>
          {counts('kriterien', 'Häufig nicht erfüllte Kriterien')}
          {table('kriterien')}
        </>
      ) : (
        <p>Bisher ist bei keinem Entwurf ein Kriterium mit Ausschluss oder Begründung nicht erfüllt.</p>
      )}

      <h2 id="betraege">Beantragte Zuwendungen nach Förderweg</h2>
      <p>
        Die beantragte Zuwendung, wie sie bei der letzten Prüfung jedes Entwurfs gespeichert ist; Entwürfe ohne Kostenplan zählen mit, aber
        ohne Betrag.
      </p>
      {amounts('betraege-foerderweg', 'Summe der beantragten Zuwendungen nach Förderweg')}
      {table('betraege-foerderweg')}
      <h2>Beantragte Zuwendungen nach Förderaufruf</h2>
      <p>
        <span className="tag tag--blue">Annahme</span> Ein Entwurf zählt zu dem Förderaufruf, dessen Stichtag als erster auf den Tag folgt,
        an dem er begonnen wurde – für diesen Stichtag wird er vorbereitet. Welcher Aufruf es am Ende wird, entscheidet die Organisation.
      </p>
      {d.tables['betraege-aufruf'].rows.length ? (
        <>
          {amounts('betraege-aufruf', 'Summe der beantragten Zuwendungen nach Förderaufruf')}
          {table('betraege-aufruf')}
        </>
      ) : (
        <p>Noch keine Entwürfe.</p>
      )}

      <h2 id="zeitverlauf">Im Zeitverlauf</h2>
      <Form method="get" action="/regelwerk/statistik#zeitverlauf" className="filter-form">
        <fieldset className="fieldset">
          <legend className="field__label">Zusammenfassen je</legend>
          <div className="choices choices--inline">
            {(['monat', 'quartal'] as const).map((p) => (
              <div className="choice" key={p}>
                <input
                  type="radio"
                  id={`zeitraum-${p}`}
                  name="zeitraum"
                  value={p}
                  defaultChecked={d.period === p}
                  className="choice__input"
                />
                <label htmlFor={`zeitraum-${p}`} className="choice__label">
                  {p === 'monat' ? 'Monat' : 'Quartal'}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <button type="submit" className="button button--secondary">
          Anzeigen
        </button>
      </Form>
      <p>Nach dem Tag, an dem ein Entwurf begonnen wurde (in Sachsen).</p>
      {counts('zeitverlauf', `Begonnene Entwürfe je ${d.period === 'monat' ? 'Monat' : 'Quartal'}`)}
      {d.tables.zeitverlauf.rows.length ? table('zeitverlauf') : <p>Noch keine Entwürfe.</p>}

      <h2 id="umsetzung">Vorhaben in Umsetzung</h2>
      <p>
        Bewilligte Vorhaben, deren Zuwendungsbescheid die Zuwendungsempfänger im Förderlotsen erfasst haben, nach dem Jahr des Bescheides:
        bewilligte und bisher ausgezahlte Zuwendungen und vorgelegte Verwendungsnachweise. Summen von weniger als {d.threshold} Vorhaben
        sind ausgeblendet, damit kein einzelnes Vorhaben erkennbar wird.
      </p>
      {d.tables.umsetzung.rows.length ? table('umsetzung') : <p>Noch kein Vorhaben in Umsetzung erfasst.</p>}
    </>
  );
}
