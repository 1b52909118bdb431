import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { RegelwerkNav } from '../components/regelwerk/nav';
import { workbenchReaders } from '../regelwerk/workbench.server';
import { requireRole } from '../session.server';
import { ScrollTable } from '../components/scroll-table';
import { workbenchAuditLog } from '../regelwerk/audit-log.server';

export const meta: MetaFunction = () => [{ title: 'Protokoll – Regelwerk – Förderlotse Bürgerbeteiligung' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, workbenchReaders);
  return workbenchAuditLog(user);
}

export default function AuditLog() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Protokoll</h1>
      <RegelwerkNav showStatistics={d.mayEdit} />
      <p className="lead">Jede Änderung am Regelwerk: wer was wann angelegt, veröffentlicht, verworfen oder geändert hat.</p>
      {d.entries.length ? (
        <ScrollTable caption="Änderungen am Regelwerk, neueste zuerst" label="Protokoll">
          <thead>
            <tr>
              <th scope="col">Zeitpunkt</th>
              <th scope="col">Person</th>
              <th scope="col">Änderung</th>
            </tr>
          </thead>
          <tbody>
            {d.entries.map((e) => (
              <tr key={e.id}>
                <td>{e.at}</td>
                <td>{e.actor}</td>
                <td>{e.text}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      ) : (
        <p>Noch keine Änderungen am Regelwerk.</p>
      )}
    </>
  );
}
