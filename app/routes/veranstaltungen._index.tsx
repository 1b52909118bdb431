import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { landkreise, landkreisLabel, type Landkreis } from '../../machines/shared/organisation';
import {
  eventFormatLabel,
  eventFormats,
  eventTopicLabel,
  eventTopics,
  type EventFormat,
  type EventTopic,
} from '../../machines/veranstaltungen/event';
import { berlinMonth, formatEventTime, formatMonth } from '../../machines/veranstaltungen/time';
import { FilterSelect } from '../components/filter-select';
import { SeatLightBadge } from '../components/veranstaltungen/seat-light';
import { getUser } from '../session.server';
import { calendarEvents } from '../veranstaltungen/registration.server';
import { lightsFor } from '../veranstaltungen/veranstaltungen.server';
import { documentPage, loadAsDocument } from '../utils/page-scripts';

/** A public page: served as a document without React (ADR 0056). */
export const handle = documentPage;
export const clientLoader = loadAsDocument;

export const meta: MetaFunction = () => [{ title: 'Veranstaltungen – Förderlotse Bürgerbeteiligung' }];

const pick = <T extends string>(values: readonly T[], raw: string | null): T | undefined =>
  (values as readonly string[]).includes(raw ?? '') ? (raw as T) : undefined;

/**
 * The public event calendar (issue 18 Nr. 1): upcoming events soonest first with their seat
 * light, filters by month, topic, Landkreis and format (a GET form, works without JavaScript),
 * and the archive of past events. Unknown filter values are ignored.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const archive = url.searchParams.get('archiv') === '1';
  const topic = pick<EventTopic>(eventTopics, url.searchParams.get('thema'));
  const landkreis = pick<Landkreis>(landkreise, url.searchParams.get('landkreis'));
  const format = pick<EventFormat>(eventFormats, url.searchParams.get('format'));
  const now = new Date();
  const rows = await calendarEvents({ archive, topic, landkreis, format }, now);
  const months = [...new Set(rows.map((e) => berlinMonth(e.starts_at)))].sort();
  const month = pick(months, url.searchParams.get('monat'));
  const events = month ? rows.filter((e) => berlinMonth(e.starts_at) === month) : rows;
  const lights = await lightsFor(events, now);
  const user = await getUser(request);
  return {
    archive,
    filters: { monat: month ?? '', thema: topic ?? '', landkreis: landkreis ?? '', format: format ?? '' },
    months: months.map((m) => ({ value: m, label: formatMonth(m) })),
    organiser: user?.role === 'advisor' || user?.role === 'ministry',
    events: events.map((e) => ({
      id: e.id,
      title: e.title,
      when: formatEventTime(e.starts_at, e.ends_at),
      where: e.format === 'online' ? 'Online' : [e.venue, e.landkreis ? landkreisLabel[e.landkreis] : null].filter(Boolean).join(', '),
      topic: eventTopicLabel[e.topic],
      organiser: e.organiser,
      cancelled: e.status === 'cancelled',
      light: lights.get(e.id)!,
    })),
  };
}

export default function Events() {
  const { archive, filters, months, events, organiser } = useLoaderData<typeof loader>();
  const filtered = Object.values(filters).some(Boolean);
  const base = archive ? '/veranstaltungen?archiv=1' : '/veranstaltungen';
  return (
    <>
      <h1>{archive ? 'Vergangene Veranstaltungen' : 'Veranstaltungen'}</h1>
      <p className="lead">
        Informationsveranstaltungen von Ministerium und EBBS zur FRL Bürgerbeteiligung: wie man einen Antrag stellt, Werkstätten zum
        QualitätsCheck und Methodentrainings, vor Ort und online. Die Ampel zeigt, ob noch Plätze frei sind.
      </p>
      <p>
        {archive ? (
          <Link to="/veranstaltungen">Zu den kommenden Veranstaltungen</Link>
        ) : (
          <Link to="/veranstaltungen?archiv=1">Archiv vergangener Veranstaltungen</Link>
        )}
        {organiser ? (
          <>
            {' · '}
            <Link to="/veranstaltungen/verwalten">Veranstaltungen verwalten</Link>
          </>
        ) : null}
      </p>
      <Form method="get" className="filter-form" aria-label="Veranstaltungen filtern">
        {archive ? <input type="hidden" name="archiv" value="1" /> : null}
        <FilterSelect id="monat" label="Monat" value={filters.monat} options={[{ value: '', label: 'alle' }, ...months]} />
        <FilterSelect
          id="thema"
          label="Thema"
          value={filters.thema}
          options={[{ value: '', label: 'alle' }, ...eventTopics.map((t) => ({ value: t, label: eventTopicLabel[t] }))]}
        />
        <FilterSelect
          id="landkreis"
          label="Landkreis"
          value={filters.landkreis}
          options={[{ value: '', label: 'alle' }, ...landkreise.map((l) => ({ value: l, label: landkreisLabel[l] }))]}
        />
        <FilterSelect
          id="format"
          label="Form"
          value={filters.format}
          options={[{ value: '', label: 'vor Ort und online' }, ...eventFormats.map((f) => ({ value: f, label: eventFormatLabel[f] }))]}
        />
        <button type="submit" className="button button--secondary">
          Filtern
        </button>
        {filtered ? <Link to={base}>Filter zurücksetzen</Link> : null}
      </Form>
      <p role="status">
        {events.length === 0
          ? filtered
            ? 'Keine Veranstaltung passt zu diesen Filtern.'
            : archive
              ? 'Noch keine vergangenen Veranstaltungen.'
              : 'Derzeit sind keine Veranstaltungen geplant.'
          : events.length === 1
            ? '1 Veranstaltung'
            : `${events.length} Veranstaltungen`}
      </p>
      <ul className="event-list">
        {events.map((e) => (
          <li key={e.id}>
            <h2>
              <Link to={`/veranstaltungen/${e.id}`}>{e.title}</Link>
            </h2>
            <p className="event-meta">
              {e.when} · {e.where}
            </p>
            <p className="event-meta">
              {e.topic} · {e.organiser}
            </p>
            {archive ? null : (
              <SeatLightBadge level={e.light.level} label={e.light.label} detail={e.light.detail} cancelled={e.cancelled} />
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
