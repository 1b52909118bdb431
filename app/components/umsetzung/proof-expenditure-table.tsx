import { ScrollTable } from '../scroll-table';

type Row = readonly [string, string, string, string];

/** The expenditure of a Verwendungsnachweis by approved line (proofRows in app/umsetzung/verwendungsnachweis.server.ts), for grantee and advisor alike. */
export function ProofExpenditureTable({ lines, total }: { lines: readonly Row[]; total: Row }) {
  return (
    <ScrollTable caption="Ausgaben nach der Gliederung des Finanzierungsplans">
      <thead>
        <tr>
          <th scope="col">Position</th>
          <th scope="col" className="num">
            Bewilligt
          </th>
          <th scope="col" className="num">
            Ist (bezahlt)
          </th>
          <th scope="col" className="num">
            Abweichung
          </th>
        </tr>
      </thead>
      <tbody>
        {lines.map((r) => (
          <tr key={r[0]}>
            <th scope="row">{r[0]}</th>
            <td className="num">{r[1]}</td>
            <td className="num">{r[2]}</td>
            <td className="num">{r[3]}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{total[0]}</th>
          <td className="num">{total[1]}</td>
          <td className="num">{total[2]}</td>
          <td className="num">{total[3]}</td>
        </tr>
      </tfoot>
    </ScrollTable>
  );
}
