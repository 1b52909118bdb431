import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { formatDate, formatEuro, formatPercentBasisPoints } from '../../machines/shared/format';
import { implementationParameterIds, implementationParameters, type ImplementationParameter } from '../../machines/umsetzung/parameters';
import { implementationRules, implementationSeverityLabel } from '../../machines/umsetzung/rules';
import { RegelwerkNav } from '../components/regelwerk/nav';
import { ScrollTable } from '../components/scroll-table';
import { workbenchReaders } from '../regelwerk/workbench.server';
import { requireRole } from '../session.server';

export const meta: MetaFunction = () => [{ title: 'Regeln nach der Bewilligung – Regelwerk – Förderlotse Bürgerbeteiligung' }];

function describe(unit: ImplementationParameter['unit'], value: number): string {
  switch (unit) {
    case 'cents':
      return formatEuro(value);
    case 'basisPoints':
      return formatPercentBasisPoints(value);
    case 'months':
      return value === 1 ? '1 Monat' : `${value} Monate`;
    case 'days':
      return value === 1 ? '1 Tag' : `${value} Tage`;
    case 'years':
      return value === 1 ? '1 Jahr' : `${value} Jahre`;
    case 'flag':
      return value === 1 ? 'ja' : 'nein';
  }
}

/** The rules after the Bescheid, read-only: each with its clauses; parameters with their dates (ADR 0045). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, workbenchReaders);
  const parts = (p: Array<'A' | 'B'>) => p.map((x) => (x === 'A' ? 'Teil 2 A (Kommunen)' : 'Teil 2 B (Zivilgesellschaft)')).join(', ');
  return {
    mayEdit: user.role === 'ministry',
    rules: implementationRules.map((r) => ({
      id: r.id,
      title: r.title,
      clauses: r.clauses.join(', '),
      parts: parts(r.parts),
      severity: implementationSeverityLabel[r.severity],
      explanation: r.explanation,
      assumption: r.assumption ?? null,
    })),
    parameters: implementationParameterIds.flatMap((id) =>
      implementationParameters[id].values.map((v, i) => ({
        key: `${id}-${i}`,
        label: implementationParameters[id].label,
        value: describe(implementationParameters[id].unit, v.value),
        from: formatDate(v.from),
        reference: v.reference,
        note: [v.note, v.assumption ? `Annahme: ${v.assumption}` : null].filter(Boolean).join(' '),
      })),
    ),
  };
}

export default function RulesAfterApproval() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Regeln nach der Bewilligung</h1>
      <RegelwerkNav showStatistics={d.mayEdit} />
      <p>
        Was nach dem Zuwendungsbescheid gilt: Auszahlung, Mittelabruf, Mitteilungspflichten, Änderungen, Verwendungsnachweis und Fristen,
        mit den Fundstellen in ANBest-K, ANBest-P, VVK, VwV zu § 44 SäHO und FRL. Diese Liste ist nur zum Lesen; die Werte ändern sich
        derzeit mit einer neuen Version des Förderlotsen.
      </p>
      <h2>Regeln ({d.rules.length})</h2>
      <ul className="plain-list">
        {d.rules.map((r) => (
          <li key={r.id}>
            <h3>{r.title}</h3>
            <p>
              <strong>{r.severity}</strong> · {r.parts} · Kennung <code>{r.id}</code>
            </p>
            <p>Fundstellen: {r.clauses}</p>
            <p>{r.explanation}</p>
            {r.assumption ? (
              <p>
                <strong>Annahme:</strong> {r.assumption}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
      <h2>Parameter</h2>
      <ScrollTable caption="Parameter der Regeln nach der Bewilligung, mit Geltungsbeginn">
        <thead>
          <tr>
            <th scope="col">Parameter</th>
            <th scope="col">Wert</th>
            <th scope="col">Gilt ab</th>
            <th scope="col">Fundstelle</th>
            <th scope="col">Hinweis</th>
          </tr>
        </thead>
        <tbody>
          {d.parameters.map((p) => (
            <tr key={p.key}>
              <th scope="row">{p.label}</th>
              <td>{p.value}</td>
              <td>{p.from}</td>
              <td>{p.reference}</td>
              <td>{p.note}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </>
  );
}
