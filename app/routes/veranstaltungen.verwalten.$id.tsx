import { getFormProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import type { z } from 'zod';
import { attendanceOpen, checkMessage, messageAudienceLabel, messageAudiences } from '../../machines/veranstaltungen/followup';
import { landkreise, landkreisLabel } from '../../machines/shared/organisation';
import {
  admissionModeLabel,
  admissionModes,
  capacityError,
  defaultYellowBelowPercent,
  eventFormatLabel,
  eventFormats,
  eventFormSchema,
  eventTimes,
  eventTopicLabel,
  eventTopics,
  type EventForm,
} from '../../machines/veranstaltungen/event';
import { registrationStatusLabel } from '../../machines/veranstaltungen/registration';
import { berlinWallClock, formatEventTime } from '../../machines/veranstaltungen/time';
import { isoToGerman } from '../../machines/shared/dates';
import { ErrorSummary, RadioGroup, SelectField, TextAreaField, TextField } from '../components/fields';
import { PostForm } from '../components/forms';
import { ScrollTable } from '../components/scroll-table';
import { readProtectedForm } from '../csrf.server';
import { requireRole } from '../session.server';
import {
  cancelEventAsOrganiser,
  createEventAsOrganiser,
  type EventRow,
  type EventValues,
  eventOverview,
  messageParticipants,
  recordAttendanceAsOrganiser,
  updateEventAsOrganiser,
} from '../veranstaltungen/organiser.server';
import { eventById } from '../veranstaltungen/registration.server';

/** The page names the event it edits, or says that a new one is being created (WCAG 2.4.2). */
export const meta: MetaFunction<typeof loader> = ({ data: d }) => [
  {
    title: `${d ? (d.title ? `${d.title} bearbeiten` : 'Neue Veranstaltung') : 'Veranstaltung'} – Veranstaltungen – Förderlotse Bürgerbeteiligung`,
  },
];

const organisers = ['advisor', 'ministry'] as const;

async function eventOf(idParam: string | undefined): Promise<EventRow | null> {
  if (idParam === 'neu') return null;
  const event = await eventById(idParam);
  if (!event) throw new Response('Diese Veranstaltung gibt es nicht.', { status: 404 });
  return event;
}

/** The stored event as the form shows it: wall-clock times in Saxony, German dates. */
function formValues(e: EventRow): Record<string, string> {
  const start = berlinWallClock(e.starts_at);
  const closes = e.registration_closes_at === e.starts_at ? null : berlinWallClock(new Date(Date.parse(e.registration_closes_at) - 60_000));
  return {
    title: e.title,
    description: e.description,
    topic: e.topic,
    audience: e.audience,
    format: e.format,
    date: isoToGerman(start.date),
    startTime: start.time,
    endTime: berlinWallClock(e.ends_at).time,
    venue: e.venue ?? '',
    address: e.address ?? '',
    landkreis: e.landkreis ?? '',
    onlineLink: e.online_link ?? '',
    technicalRequirements: e.technical_requirements,
    organiser: e.organiser,
    language: e.language,
    venueAccessibility: e.venue_accessibility,
    capacity: String(e.capacity),
    registrationDeadline: closes ? isoToGerman(closes.date) : '',
    yellowBelowPercent: String(e.yellow_below_percent),
    admission: e.admission,
  };
}

/**
 * Create or edit an event, see who registered (seats first, then the waitlist in order), export
 * them as CSV, and cancel the event (everyone is told by e-mail). Issue 18 Nr. 5.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, organisers);
  const event = await eventOf(params.id);
  const url = new URL(request.url);
  const overview = event ? await eventOverview(event) : null;
  const people = overview?.people ?? [];
  return {
    id: event?.id ?? null,
    title: event?.title ?? null,
    when: event ? formatEventTime(event.starts_at, event.ends_at) : null,
    cancelled: event?.status === 'cancelled',
    selection: event?.admission === 'auswahl' ? { completed: Boolean(event.selection_completed_at) } : null,
    saved: url.searchParams.get('gespeichert') === '1',
    messaged: /^\d{1,6}$/.test(url.searchParams.get('gesendet') ?? '') ? Number(url.searchParams.get('gesendet')) : null,
    attendanceSaved: url.searchParams.get('anwesenheit') === '1',
    attendanceOpen: event ? attendanceOpen(event.starts_at, new Date()) : false,
    dataDeleted: Boolean(event?.personal_data_deleted_at),
    statistics: overview?.statistics ?? null,
    values: event
      ? formValues(event)
      : { language: 'Deutsch', yellowBelowPercent: String(defaultYellowBelowPercent), format: 'praesenz', admission: 'reihenfolge' },
    participants: people.map((p) => ({
      id: p.id,
      name: p.name,
      email: p.email,
      organisation: p.organisation,
      status: registrationStatusLabel[p.status],
      position: p.status === 'waitlisted' ? p.waitlist_position : null,
      needs: [p.accessibility_needs, p.dietary_needs].filter(Boolean).join(' · '),
      confirmed: p.status === 'confirmed',
      attendance: p.attendance,
    })),
  };
}

function toValues(form: EventForm, times: { startsAt: string; endsAt: string; registrationClosesAt: string }): EventValues {
  const online = form.format === 'online';
  return {
    title: form.title,
    description: form.description ?? '',
    topic: form.topic,
    audience: form.audience,
    format: form.format,
    venue: online ? null : (form.venue ?? null),
    address: online ? null : (form.address ?? null),
    landkreis: online ? null : (form.landkreis ?? null),
    onlineLink: online ? (form.onlineLink ?? null) : null,
    technicalRequirements: form.technicalRequirements ?? '',
    organiser: form.organiser,
    language: form.language,
    venueAccessibility: form.venueAccessibility ?? '',
    capacity: form.capacity,
    yellowBelowPercent: form.yellowBelowPercent ?? defaultYellowBelowPercent,
    admission: form.admission,
    ...times,
  };
}

const alreadyCancelled = 'Diese Veranstaltung ist bereits abgesagt; alle Angemeldeten wurden benachrichtigt. Es ist nichts weiter zu tun.';

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, organisers);
  const formData = await readProtectedForm(request);
  const event = await eventOf(params.id);
  const intent = formData.get('intent');
  // The forms for these intents are gone once an event is cancelled or its participants' data deleted;
  // a late or repeated POST (second tab, back button) is told why instead of failing silently.
  if (event && (intent === 'cancelEvent' || intent === 'message' || intent === 'attendance')) {
    const closed =
      event.status === 'cancelled'
        ? alreadyCancelled
        : event.personal_data_deleted_at && intent !== 'cancelEvent'
          ? 'Die Daten der Teilnehmenden sind bereits gelöscht; Nachrichten und Anwesenheit sind nicht mehr möglich.'
          : null;
    if (closed) return data({ closedError: closed }, { status: 409 });
  }
  if (intent === 'cancelEvent') {
    if (!event) throw new Response('Diese Veranstaltung gibt es nicht.', { status: 404 });
    // Shown again as typed; stored and sent without surrounding spaces.
    const typed = String(formData.get('reason') ?? '');
    const reason = typed.trim();
    if (reason.length < 5 || reason.length > 1000)
      return data(
        {
          cancelError: 'Bitte nennen Sie den Grund der Absage (5 bis 1.000 Zeichen); er steht in der E-Mail an alle Angemeldeten.',
          reason: typed,
        },
        { status: 400 },
      );
    const outcome = await cancelEventAsOrganiser(user, event, reason);
    if (outcome.kind === 'missing') throw new Response('Diese Veranstaltung gibt es nicht.', { status: 404 });
    if (outcome.kind === 'already') return data({ closedError: alreadyCancelled }, { status: 409 });
    return redirect(`/veranstaltungen/verwalten/${event.id}?gespeichert=1`);
  }
  if (intent === 'message') {
    if (!event) throw new Response('Diese Veranstaltung gibt es nicht.', { status: 404 });
    const checked = checkMessage({ subject: formData.get('subject'), body: formData.get('body'), audience: formData.get('audience') });
    if (!checked.ok) return data({ messageErrors: checked.errors, message: checked.input }, { status: 400 });
    const sent = await messageParticipants(user, event, checked.value);
    return redirect(`/veranstaltungen/verwalten/${event.id}?gesendet=${sent}#nachricht`);
  }
  if (intent === 'attendance') {
    if (!event) throw new Response('Diese Veranstaltung gibt es nicht.', { status: 404 });
    const present = formData
      .getAll('present')
      .map(String)
      .filter((v) => /^\d{1,9}$/.test(v))
      .map(Number);
    const outcome = await recordAttendanceAsOrganiser(user, event, present);
    if (outcome.kind === 'early')
      return data({ attendanceError: 'Die Anwesenheit können Sie erst ab Beginn der Veranstaltung eintragen.' }, { status: 400 });
    if (outcome.kind === 'missing') throw new Response('Diese Veranstaltung gibt es nicht.', { status: 404 });
    return redirect(`/veranstaltungen/verwalten/${event.id}?anwesenheit=1#anwesenheit`);
  }
  const submission = parseWithZod(formData, { schema: eventFormSchema });
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 });
  const times = eventTimes(submission.value);
  if (!times.ok)
    return data(
      { result: submission.reply({ fieldErrors: Object.fromEntries(Object.entries(times.errors).map(([k, v]) => [k, [v]])) }) },
      { status: 400 },
    );
  const values = toValues(submission.value, times.times);
  if (!event) {
    const id = await createEventAsOrganiser(user, values);
    return redirect(`/veranstaltungen/verwalten/${id}?gespeichert=1`);
  }
  const outcome = await updateEventAsOrganiser(user, event, values);
  if (outcome.kind === 'capacity')
    return data(
      { result: submission.reply({ fieldErrors: { capacity: [capacityError(values.capacity, outcome.seatsTaken)!] } }) },
      { status: 400 },
    );
  if (outcome.kind === 'admission')
    return data(
      {
        result: submission.reply({
          fieldErrors: {
            admission: [
              'Die Art der Vergabe lässt sich nicht mehr ändern, weil schon jemand angemeldet ist oder sich beworben hat. Legen Sie dafür bitte eine neue Veranstaltung an.',
            ],
          },
        }),
      },
      { status: 409 },
    );
  if (outcome.kind === 'missing') throw new Response('Diese Veranstaltung gibt es nicht.', { status: 404 });
  return redirect(`/veranstaltungen/verwalten/${event.id}?gespeichert=1`);
}

export default function EditEvent() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: 'veranstaltung',
    lastResult: actionData && 'result' in actionData ? actionData.result : undefined,
    defaultValue: d.values as Partial<z.input<typeof eventFormSchema>>,
    constraint: getZodConstraint(eventFormSchema),
    shouldValidate: 'onSubmit',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: eventFormSchema }),
  });
  const cancelError = actionData && 'cancelError' in actionData ? actionData.cancelError : null;
  const messageErrors = actionData && 'messageErrors' in actionData ? actionData.messageErrors : {};
  const message = actionData && 'message' in actionData ? actionData.message : { subject: '', body: '', audience: 'confirmed' };
  const attendanceError = actionData && 'attendanceError' in actionData ? actionData.attendanceError : null;
  const closedError = actionData && 'closedError' in actionData ? actionData.closedError : null;
  const confirmedPeople = d.participants.filter((p) => p.confirmed);
  return (
    <>
      <p className="caption">
        <Link to="/veranstaltungen/verwalten">Veranstaltungen verwalten</Link>
      </p>
      <h1>{d.title ?? 'Neue Veranstaltung'}</h1>
      {d.when ? <p>{d.when}</p> : null}
      {d.saved ? (
        <div className="notice notice--success" role="status">
          <p>Gespeichert.</p>
        </div>
      ) : null}
      {closedError ? (
        <div className="notice notice--error" role="alert">
          <p>{closedError}</p>
        </div>
      ) : null}
      {d.cancelled ? (
        <div className="notice notice--warning">
          <p>Diese Veranstaltung ist abgesagt; alle Angemeldeten wurden per E-Mail benachrichtigt.</p>
        </div>
      ) : null}
      {d.id ? (
        <p>
          <Link to={`/veranstaltungen/${d.id}`}>Öffentliche Seite ansehen</Link>
        </p>
      ) : null}
      <ErrorSummary form={form} />
      <PostForm {...getFormProps(form)} noValidate aria-label="Veranstaltung bearbeiten">
        <input type="hidden" name="intent" value="save" />
        <TextField field={fields.title} label="Titel" />
        <TextAreaField field={fields.description} label="Beschreibung" rows={6} />
        <SelectField field={fields.topic} label="Thema" options={eventTopics.map((t) => ({ value: t, label: eventTopicLabel[t] }))} />
        <TextField field={fields.audience} label="Zielgruppe" />
        <RadioGroup
          field={fields.format}
          legend="Form"
          options={eventFormats.map((f) => ({ value: f, label: eventFormatLabel[f] }))}
          inline
        />
        <TextField field={fields.date} label="Datum" hint="TT.MM.JJJJ" width="short" />
        <TextField field={fields.startTime} label="Beginn" hint="SS:MM, Ortszeit Sachsen" width="short" />
        <TextField field={fields.endTime} label="Ende" hint="SS:MM, Ortszeit Sachsen" width="short" />
        <TextField field={fields.venue} label="Veranstaltungsort" hint="Nur vor Ort." optional />
        <TextField field={fields.address} label="Adresse" hint="Nur vor Ort." optional />
        <SelectField
          field={fields.landkreis}
          label="Landkreis des Veranstaltungsorts"
          hint="Nur vor Ort."
          options={landkreise.map((l) => ({ value: l, label: landkreisLabel[l] }))}
        />
        <TextField
          field={fields.onlineLink}
          label="Zugangslink"
          hint="Nur online. Geht nur an bestätigte Teilnehmende."
          type="url"
          optional
        />
        <TextAreaField
          field={fields.technicalRequirements}
          label="Technische Voraussetzungen"
          hint="Nur online, zum Beispiel Headset oder Kamera."
          optional
          rows={2}
        />
        <TextField field={fields.organiser} label="Veranstalter" />
        <TextField field={fields.language} label="Sprache" width="medium" />
        <TextAreaField field={fields.venueAccessibility} label="Barrierefreiheit" optional rows={2} />
        <TextField field={fields.capacity} label="Plätze" inputMode="numeric" width="short" />
        <RadioGroup
          field={fields.admission}
          legend="Vergabe der Plätze"
          hint="Bei einer Auswahl bewerben sich Interessierte mit einer kurzen Begründung bis zum Bewerbungsschluss; danach wählen Sie aus, und alle erfahren das Ergebnis per E-Mail. Lässt sich nicht mehr ändern, sobald jemand angemeldet ist."
          options={admissionModes.map((m) => ({ value: m, label: admissionModeLabel[m] }))}
        />
        <TextField
          field={fields.registrationDeadline}
          label="Anmeldeschluss (bei einer Auswahl: Bewerbungsschluss)"
          hint="TT.MM.JJJJ; bis zum Ende dieses Tages. Leer: bis zum Beginn. Bei einer Auswahl Pflicht."
          optional
          width="short"
        />
        <TextField
          field={fields.yellowBelowPercent}
          label="Ampel gelb unter … % freien Plätzen"
          hint="Standard 20."
          optional
          inputMode="numeric"
          width="short"
        />
        <button type="submit" className="button">
          Speichern
        </button>
      </PostForm>
      {d.id ? (
        <>
          {d.selection ? (
            <>
              <h2>Bewerbungen und Auswahl</h2>
              <p>
                {d.selection.completed
                  ? 'Die Auswahl ist abgeschlossen; alle Bewerbenden wurden benachrichtigt.'
                  : 'Die Plätze dieser Veranstaltung werden nach Auswahl vergeben.'}{' '}
                <Link to={`/veranstaltungen/verwalten/${d.id}/auswahl`}>
                  {d.selection.completed ? 'Ergebnis der Auswahl ansehen' : 'Bewerbungen lesen und auswählen'}
                </Link>
              </p>
            </>
          ) : null}
          <h2>{d.selection ? 'Bewerbungen, Teilnehmende und Nachrückliste' : 'Angemeldete und Warteliste'}</h2>
          <p>
            <a href={`/veranstaltungen/verwalten/${d.id}/teilnehmende.csv`} download>
              Teilnehmende als CSV herunterladen
            </a>
          </p>
          {d.participants.length ? (
            <ScrollTable caption="Anmeldungen: Plätze zuerst, dann die Warteliste in ihrer Reihenfolge" label="Anmeldungen">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">E-Mail-Adresse</th>
                  <th scope="col">Organisation</th>
                  <th scope="col">Stand</th>
                  <th scope="col">Warteliste</th>
                  <th scope="col">Hinweise</th>
                </tr>
              </thead>
              <tbody>
                {d.participants.map((p) => (
                  <tr key={p.id}>
                    <td>{p.name}</td>
                    <td>{p.email}</td>
                    <td>{p.organisation}</td>
                    <td>{p.status}</td>
                    <td>{p.position ?? ''}</td>
                    <td>{p.needs}</td>
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
          ) : (
            <p>Noch keine Anmeldungen.</p>
          )}
          {d.statistics ? (
            <>
              <h2>Zahlen</h2>
              {d.dataDeleted ? <p>Die personenbezogenen Daten der Teilnehmenden sind gelöscht; die anonymen Zahlen bleiben.</p> : null}
              <dl className="summary-list">
                {(
                  [
                    ['Anmeldungen', d.statistics.registered],
                    ['Bestätigt', d.statistics.confirmed],
                    ['Teilgenommen', d.statistics.attended],
                    ['Auf der Warteliste gewesen', d.statistics.waitlisted],
                  ] as const
                ).map(([label, n]) => (
                  <div key={label}>
                    <dt>{label}</dt>
                    <dd>{n}</dd>
                  </div>
                ))}
              </dl>
            </>
          ) : null}
          {d.cancelled || d.dataDeleted ? null : (
            <>
              <h2 id="nachricht">Nachricht an die Teilnehmenden</h2>
              {d.messaged !== null ? (
                <div className="notice notice--success" role="status">
                  <p>
                    {d.messaged === 1
                      ? 'Die Nachricht ist an 1 Person verschickt.'
                      : `Die Nachricht ist an ${d.messaged} Personen verschickt.`}
                  </p>
                </div>
              ) : null}
              <p>Jede Nachricht enthält den persönlichen Link der Person zu ihrer Anmeldung.</p>
              <PostForm aria-label="Nachricht an die Teilnehmenden" noValidate>
                <fieldset className={`field fieldset${messageErrors.audience ? ' field--error' : ''}`} id="audience">
                  <legend className="field__label">Empfänger</legend>
                  {messageErrors.audience ? (
                    <p className="field__error" role="alert">
                      <span className="visually-hidden">Fehler: </span>
                      {messageErrors.audience}
                    </p>
                  ) : null}
                  <div className="choices">
                    {messageAudiences.map((a) => (
                      <div className="choice" key={a}>
                        <input
                          type="radio"
                          id={`audience-${a}`}
                          name="audience"
                          value={a}
                          defaultChecked={message.audience === a}
                          className="choice__input"
                        />
                        <label htmlFor={`audience-${a}`} className="choice__label">
                          {messageAudienceLabel[a]}
                        </label>
                      </div>
                    ))}
                  </div>
                </fieldset>
                <div className={`field${messageErrors.subject ? ' field--error' : ''}`}>
                  <label htmlFor="subject" className="field__label">
                    Betreff
                  </label>
                  {messageErrors.subject ? (
                    <p id="subject-error" className="field__error" role="alert">
                      <span className="visually-hidden">Fehler: </span>
                      {messageErrors.subject}
                    </p>
                  ) : null}
                  <input
                    id="subject"
                    name="subject"
                    className="input input--full"
                    defaultValue={message.subject}
                    aria-describedby={messageErrors.subject ? 'subject-error' : undefined}
                    aria-invalid={messageErrors.subject ? true : undefined}
                  />
                </div>
                <div className={`field${messageErrors.body ? ' field--error' : ''}`}>
                  <label htmlFor="body" className="field__label">
                    Nachricht
                  </label>
                  {messageErrors.body ? (
                    <p id="body-error" className="field__error" role="alert">
                      <span className="visually-hidden">Fehler: </span>
                      {messageErrors.body}
                    </p>
                  ) : null}
                  <textarea
                    id="body"
                    name="body"
                    className="textarea"
                    rows={6}
                    defaultValue={message.body}
                    aria-describedby={messageErrors.body ? 'body-error' : undefined}
                    aria-invalid={messageErrors.body ? true : undefined}
                  />
                </div>
                <button type="submit" name="intent" value="message" className="button">
                  Nachricht senden
                </button>
              </PostForm>
            </>
          )}
          {!d.cancelled && !d.dataDeleted && d.attendanceOpen ? (
            <>
              <h2 id="anwesenheit">Anwesenheit</h2>
              {d.attendanceSaved ? (
                <div className="notice notice--success" role="status">
                  <p>Anwesenheit gespeichert.</p>
                </div>
              ) : null}
              {attendanceError ? (
                <p className="field__error" role="alert">
                  {attendanceError}
                </p>
              ) : null}
              {confirmedPeople.length ? (
                <PostForm aria-label="Anwesenheit eintragen">
                  <fieldset className="field fieldset">
                    <legend className="field__label">
                      Wer war da? Nicht angekreuzte bestätigte Teilnehmende gelten als nicht erschienen.
                    </legend>
                    <div className="choices">
                      {confirmedPeople.map((p) => (
                        <div className="choice" key={p.id}>
                          <input
                            type="checkbox"
                            id={`present-${p.id}`}
                            name="present"
                            value={p.id}
                            defaultChecked={p.attendance === 'present'}
                            className="choice__input"
                          />
                          <label htmlFor={`present-${p.id}`} className="choice__label">
                            {p.name} ({p.email})
                            {p.attendance === 'absent'
                              ? ' – bisher: nicht erschienen'
                              : p.attendance === 'present'
                                ? ' – bisher: anwesend'
                                : ''}
                          </label>
                        </div>
                      ))}
                    </div>
                  </fieldset>
                  <button type="submit" name="intent" value="attendance" className="button">
                    Anwesenheit speichern
                  </button>
                </PostForm>
              ) : (
                <p>Keine bestätigten Teilnehmenden.</p>
              )}
            </>
          ) : null}
          {d.cancelled ? null : (
            <>
              <h2>Veranstaltung absagen</h2>
              <p>
                Alle Angemeldeten und alle auf der Warteliste bekommen eine E-Mail mit dem Grund. Eine Absage lässt sich nicht zurücknehmen.
              </p>
              <PostForm aria-label="Veranstaltung absagen">
                <div className={`field${cancelError ? ' field--error' : ''}`}>
                  <label htmlFor="reason" className="field__label">
                    Grund der Absage
                  </label>
                  {cancelError ? (
                    <p id="reason-error" className="field__error" role="alert">
                      <span className="visually-hidden">Fehler: </span>
                      {cancelError}
                    </p>
                  ) : null}
                  <textarea
                    id="reason"
                    name="reason"
                    className="textarea"
                    rows={3}
                    defaultValue={actionData && 'reason' in actionData ? actionData.reason : ''}
                    aria-describedby={cancelError ? 'reason-error' : undefined}
                    aria-invalid={cancelError ? true : undefined}
                  />
                </div>
                <button type="submit" name="intent" value="cancelEvent" className="button button--warning">
                  Veranstaltung absagen
                </button>
              </PostForm>
            </>
          )}
        </>
      ) : null}
    </>
  );
}
