import { costCategories } from '../../../machines/frl/catalogues';
import type { BudgetTotals } from '../../../machines/frl/application/budget';
import { formatEuro } from '../../../machines/shared/format';
import { BarChart as Chart } from '../bar-chart';
import { ScrollTable } from '../scroll-table';

const categoryLabel = (id: string) => costCategories.find((c) => c.id === id)?.label ?? id;

export function financingSources(totals: BudgetTotals) {
  const f = totals.financing;
  return [
    { id: 'zuwendung', label: 'Beantragte Zuwendung', cents: f.grantCents },
    { id: 'eigenmittel', label: 'Eigenmittel (Geld)', cents: f.ownCashCents },
    { id: 'unbar', label: 'Unbare Eigenleistungen', cents: f.inKindCents },
    { id: 'zweckgebunden', label: 'Zweckgebundene Spenden', cents: f.earmarkedCents },
    { id: 'spenden', label: 'Sonstige Mittel Dritter', cents: f.otherDonationsCents },
    { id: 'oeffentlich', label: 'Andere öffentliche Mittel', cents: f.otherPublicCents },
  ].filter((s) => s.cents > 0);
}

function BarChart({ id, title, items }: { id: string; title: string; items: Array<{ label: string; cents: number }> }) {
  const total = items.reduce((s, i) => s + i.cents, 0);
  return (
    <Chart
      id={id}
      title={title}
      items={items.map((i) => ({ label: i.label, value: i.cents }))}
      format={formatEuro}
      total={`Summe ${formatEuro(total)}`}
    />
  );
}

/** The table behind a chart: one amount per row, with the sum when it is meaningful. */
function AmountTable({
  caption,
  heading,
  rows,
  totalCents,
}: {
  caption: string;
  heading: string;
  rows: Array<{ label: string; cents: number }>;
  totalCents?: number;
}) {
  return (
    <ScrollTable caption={caption} label={`${caption} (Tabelle)`}>
      <thead>
        <tr>
          <th scope="col">{heading}</th>
          <th scope="col" className="num">
            Betrag
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.label}>
            <th scope="row">{row.label}</th>
            <td className="num">{formatEuro(row.cents)}</td>
          </tr>
        ))}
      </tbody>
      {totalCents === undefined ? null : (
        <tfoot>
          <tr>
            <th scope="row">Summe</th>
            <td className="num">{formatEuro(totalCents)}</td>
          </tr>
        </tfoot>
      )}
    </ScrollTable>
  );
}

export function BudgetSummary({ totals, cap, notice = null }: { totals: BudgetTotals; cap: string | null; notice?: string | null }) {
  const sources = financingSources(totals);
  const categories = totals.byCategory.map((c) => ({ label: categoryLabel(c.category), cents: c.cents }));
  if (totals.inKindCents > 0) categories.push({ label: 'Unbare Eigenleistungen', cents: totals.inKindCents });
  return (
    <section className="form-section" aria-labelledby="summen-titel" id="summen">
      <h2 id="summen-titel">Summen</h2>
      {/* After a CSV import (ADR 0078) the page opens here: say what was added. */}
      {notice ? (
        <p className="notice notice--success" role="status">
          {notice}
        </p>
      ) : null}
      <dl className="summary-list">
        <div>
          <dt>Gesamtausgaben</dt>
          <dd>{formatEuro(totals.expenditureCents)}</dd>
        </div>
        {totals.ineligibleCents ? (
          <div>
            <dt>davon nicht zuwendungsfähig</dt>
            <dd>{formatEuro(totals.ineligibleCents)}</dd>
          </div>
        ) : null}
        {totals.uncountedInKindCents ? (
          <div>
            <dt>davon unbare Eigenleistungen (zählen bei Kommunen nicht)</dt>
            <dd>{formatEuro(totals.uncountedInKindCents)}</dd>
          </div>
        ) : null}
        <div>
          <dt>Zuwendungsfähige Ausgaben</dt>
          <dd>{formatEuro(totals.eligibleCents)}</dd>
        </div>
        <div>
          <dt>Höchstmögliche Zuwendung</dt>
          <dd>
            {totals.proposedGrantCents === null ? 'noch nicht berechenbar' : formatEuro(totals.proposedGrantCents)}
            {cap ? ` (Höchstbetrag ${cap})` : ''}
          </dd>
        </div>
        <div>
          <dt>Beantragte Zuwendung</dt>
          <dd>
            {formatEuro(totals.financing.grantCents)}
            {totals.grantIsProposal ? ' (höchstmöglich)' : ''}
          </dd>
        </div>
        <div>
          <dt>Finanzierung gesamt</dt>
          <dd>{formatEuro(totals.financingCents)}</dd>
        </div>
        <div>
          <dt>Ausgleich</dt>
          <dd>
            {totals.gapCents === 0 ? (
              <strong>ausgeglichen</strong>
            ) : totals.gapCents > 0 ? (
              <strong className="text-error">Es fehlen {formatEuro(totals.gapCents)}</strong>
            ) : (
              <strong className="text-error">{formatEuro(-totals.gapCents)} zu viel finanziert</strong>
            )}
          </dd>
        </div>
      </dl>
      <div className="chart-grid">
        <BarChart id="diagramm-ausgaben" title="Ausgaben nach Kategorie" items={categories} />
        <BarChart
          id="diagramm-finanzierung"
          title="Finanzierung nach Quelle"
          items={sources.map((s) => ({ label: s.label, cents: s.cents }))}
        />
      </div>
      <AmountTable caption="Ausgaben nach Kategorie" heading="Kategorie" rows={categories} totalCents={totals.expenditureCents} />
      <AmountTable
        caption="Ausgaben nach Kalenderjahr"
        heading="Jahr"
        rows={totals.byYear.map((y) => ({ label: y.year === null ? 'ohne Jahr' : String(y.year), cents: y.cents }))}
      />
      <AmountTable caption="Finanzierung nach Quelle" heading="Quelle" rows={sources} totalCents={totals.financingCents} />
    </section>
  );
}
