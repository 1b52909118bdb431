import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { formatEventTime } from '../../machines/veranstaltungen/time';
import { ScrollTable } from '../components/scroll-table';
import { requireRole } from '../session.server';
import { allEvents } from '../veranstaltungen/organiser.server';
import { lightsFor } from '../veranstaltungen/veranstaltungen.server';

export const meta: MetaFunction = () => [{ title: 'Veranstaltungen verwalten – Förderlotse Bürgerbeteiligung' }];

/** Organisers (EBBS advisors, ministry staff): every event with its seats and waitlist (issue 18 Nr. 5). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ['advisor', 'ministry']);
  const events = await allEvents();
  const lights = await lightsFor(events);
  return {
    events: events.map((e) => {
      const light = lights.get(e.id)!;
      return {
        id: e.id,
        title: e.title,
        when: formatEventTime(e.starts_at, e.ends_at),
        status:
          e.status === 'cancelled'
            ? 'Abgesagt'
            : light.applied
              ? `${light.label} (${light.applied === 1 ? '1 Bewerbung' : `${light.applied} Bewerbungen`} offen)`
              : light.label,
        seats: `${e.capacity - light.free} von ${e.capacity}`,
        waitlisted: light.waitlisted,
      };
    }),
  };
}

export default function ManageEvents() {
  const { events } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Veranstaltungen verwalten</h1>
      <p>
        <Link to="/veranstaltungen/verwalten/neu" className="button">
          Neue Veranstaltung anlegen
        </Link>
      </p>
      <p>
        <Link to="/veranstaltungen">Öffentlicher Veranstaltungskalender</Link>
      </p>
      {events.length ? (
        <ScrollTable caption="Alle Veranstaltungen, späteste zuerst" captionHidden label="Veranstaltungen">
          <thead>
            <tr>
              <th scope="col">Veranstaltung</th>
              <th scope="col">Termin</th>
              <th scope="col">Stand</th>
              <th scope="col">Plätze vergeben</th>
              <th scope="col">Warteliste</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.id}>
                <td>
                  <Link to={`/veranstaltungen/verwalten/${e.id}`}>{e.title}</Link>
                </td>
                <td>{e.when}</td>
                <td>{e.status}</td>
                <td>{e.seats}</td>
                <td>{e.waitlisted}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      ) : (
        <p>Noch keine Veranstaltungen.</p>
      )}
    </>
  );
}
