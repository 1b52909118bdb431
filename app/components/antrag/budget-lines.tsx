import { ScrollTable } from '../scroll-table';

export interface BudgetLineView {
  id: string;
  number: number;
  category: string;
  description: string;
  /** "4 × 2.500,00 €", "12,5 Std. × 30,00 €" or "Pauschalbetrag". */
  calculation: string;
  year: number | null;
  amount: string;
}

/** The lines of the Kosten- und Finanzierungsplan with how each amount comes about ("Angaben prüfen", advice). */
export function BudgetLinesTable({ lines, total }: { lines: BudgetLineView[]; total: string }) {
  if (!lines.length) return null;
  return (
    <ScrollTable caption={<>Ausgaben ({lines.length})</>} label="Ausgaben">
      <thead>
        <tr>
          <th scope="col">Nr.</th>
          <th scope="col">Kategorie</th>
          <th scope="col">Beschreibung</th>
          <th scope="col">Berechnung</th>
          <th scope="col">Jahr</th>
          <th scope="col" className="num">
            Betrag
          </th>
        </tr>
      </thead>
      <tbody>
        {lines.map((l) => (
          <tr key={l.id}>
            <td>{l.number}</td>
            <td>{l.category}</td>
            <th scope="row">{l.description || '–'}</th>
            <td>{l.calculation}</td>
            <td>{l.year ?? '–'}</td>
            <td className="num">{l.amount}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={5}>
            Gesamtausgaben
          </th>
          <td className="num">{total}</td>
        </tr>
      </tfoot>
    </ScrollTable>
  );
}
