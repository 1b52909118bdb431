import { cellText, type StatTable } from '../../../machines/frl/regelwerk/statistics';
import { formatEuro } from '../../../machines/shared/format';
import { ScrollTable } from '../scroll-table';

/** One table of the statistics, with the link to the same table as a CSV file. */
export function StatTableView({ table, csvHref }: { table: StatTable; csvHref: string }) {
  return (
    <>
      <ScrollTable caption={table.title} captionId={`tab-${table.id}-caption`}>
        <thead>
          <tr>
            {table.columns.map((c, i) => (
              <th key={c.label} scope="col" className={i > 0 && c.kind !== 'text' ? 'num' : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.key}>
              {row.values.map((value, i) => {
                const kind = table.columns[i]!.kind;
                const text = kind === 'cents' && typeof value === 'number' ? formatEuro(value) : cellText(value, kind);
                return i === 0 ? (
                  <th key={i} scope="row">
                    {text}
                  </th>
                ) : (
                  <td key={i} className={kind === 'text' ? undefined : 'num'}>
                    {text}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      <p>
        <a href={csvHref} download>
          Als CSV herunterladen<span className="visually-hidden">: {table.title}</span>
        </a>{' '}
        <span className="hint">(für Tabellenkalkulation: UTF-8, Semikolon, deutsche Zahlen)</span>
      </p>
    </>
  );
}
