import { getFormProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import type { z } from 'zod';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { landkreisLabel } from '../../machines/shared/organisation';
import {
  eventFormatLabel,
  eventTopicLabel,
  registrationClosedMessage,
  registrationClosedReason,
  registrationFormSchema,
  type RegistrationForm,
} from '../../machines/veranstaltungen/event';
import { holdMinutes } from '../../machines/veranstaltungen/registration';
import { applicationFormSchema, motivationMaxLength } from '../../machines/veranstaltungen/selection';
import { formatEventTime } from '../../machines/veranstaltungen/time';
import { formatDateTime } from '../../machines/shared/format';
import { CheckboxField, ErrorSummary, TextAreaField, TextField } from '../components/fields';
import { PostForm } from '../components/forms';
import { PrivacyNoticeLink } from '../components/privacy-notice-link';
import { SeatLightBadge } from '../components/veranstaltungen/seat-light';
import { getUser } from '../session.server';
import { parseProtectedForm } from '../utils/forms.server';
import { eventById, registerForEvent } from '../veranstaltungen/registration.server';
import { lightsFor } from '../veranstaltungen/veranstaltungen.server';
import { documentPage, loadAsDocument } from '../utils/page-scripts';

/** A public page: served as a document without React (ADR 0056). */
export const handle = documentPage;
export const clientLoader = loadAsDocument;

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [
  { title: `${d?.event.title ?? 'Veranstaltung'} – Veranstaltungen – Förderlotse Bürgerbeteiligung` },
];

async function requireEvent(idParam: string | undefined) {
  const event = await eventById(idParam);
  if (!event) throw new Response('Diese Veranstaltung gibt es nicht.', { status: 404 });
  return event;
}

/**
 * One event (issue 18 Nr. 1–3): the facts, the seat light and the registration form, prefilled
 * for signed-in users. The online access link is never shown here: it goes to confirmed
 * participants only (by e-mail and on their personal page).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const event = await requireEvent(params.id);
  const now = new Date();
  const light = (await lightsFor([event], now)).get(event.id)!;
  const user = await getUser(request);
  const url = new URL(request.url);
  const waitlist = Number(url.searchParams.get('warteliste'));
  const closed = registrationClosedReason(
    { status: event.status, startsAt: event.starts_at, registrationClosesAt: event.registration_closes_at },
    now.toISOString(),
  );
  return {
    event: {
      id: event.id,
      title: event.title,
      description: event.description,
      when: formatEventTime(event.starts_at, event.ends_at),
      format: event.format,
      formatLabel: eventFormatLabel[event.format],
      venue: event.venue,
      address: event.address,
      landkreis: event.landkreis ? landkreisLabel[event.landkreis] : null,
      topic: eventTopicLabel[event.topic],
      audience: event.audience,
      organiser: event.organiser,
      language: event.language,
      venueAccessibility: event.venue_accessibility,
      technicalRequirements: event.technical_requirements,
      capacity: event.capacity,
      closesAt: formatDateTime(event.registration_closes_at),
      cancelled: event.status === 'cancelled',
      cancelReason: event.cancel_reason,
      /** Seats are given by a selection among applications (issue 18 Nr. 9). */
      selection: event.admission === 'auswahl',
    },
    light,
    closed: closed ? registrationClosedMessage[closed] : null,
    done:
      url.searchParams.get('angemeldet') === 'platz'
        ? ({ kind: 'platz' } as const)
        : url.searchParams.get('angemeldet') === 'bewerbung'
          ? ({ kind: 'bewerbung' } as const)
          : Number.isInteger(waitlist) && waitlist > 0
            ? ({ kind: 'warteliste', position: waitlist } as const)
            : null,
    prefill: user ? { name: user.name, email: user.email, organisation: user.organisationName ?? '' } : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const event = await requireEvent(params.id);
  const selection = event.admission === 'auswahl';
  const { submission } = await parseProtectedForm(request, selection ? applicationFormSchema : registrationFormSchema);
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 });
  const closed = registrationClosedReason(
    { status: event.status, startsAt: event.starts_at, registrationClosesAt: event.registration_closes_at },
    new Date().toISOString(),
  );
  if (closed) return data({ result: submission.reply({ formErrors: [registrationClosedMessage[closed]] }) }, { status: 409 });
  const user = await getUser(request);
  const form: RegistrationForm & { motivation?: string } = submission.value;
  const duplicate = () =>
    data(
      {
        result: submission.reply({
          fieldErrors: {
            email: [
              selection
                ? 'Mit dieser E-Mail-Adresse liegt bereits eine Bewerbung für diese Veranstaltung vor. Den persönlichen Link, um sie anzusehen oder zurückzuziehen, finden Sie in der E-Mail, die wir Ihnen geschickt haben.'
                : 'Mit dieser E-Mail-Adresse besteht bereits eine Anmeldung für diese Veranstaltung. Den persönlichen Link zum Bestätigen oder Abmelden finden Sie in der E-Mail, die wir Ihnen geschickt haben.',
            ],
          },
        }),
      },
      { status: 409 },
    );
  const result = await registerForEvent(event, {
    name: form.name,
    email: form.email,
    organisation: form.organisation ?? '',
    accessibilityNeeds: form.accessibilityNeeds ?? '',
    dietaryNeeds: form.dietaryNeeds ?? '',
    userId: user?.id ?? null,
    motivation: form.motivation ?? '',
  });
  if (result.kind === 'missing') throw new Response('Diese Veranstaltung gibt es nicht.', { status: 404 });
  if (result.kind === 'duplicate') return duplicate();
  if (result.kind === 'closed')
    return data({ result: submission.reply({ formErrors: ['Eine Anmeldung ist nicht mehr möglich.'] }) }, { status: 409 });
  return redirect(
    result.registration.status === 'applied'
      ? `/veranstaltungen/${event.id}?angemeldet=bewerbung`
      : result.position
        ? `/veranstaltungen/${event.id}?warteliste=${result.position}`
        : `/veranstaltungen/${event.id}?angemeldet=platz`,
  );
}

export default function EventPage() {
  const { event, light, closed, done, prefill } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const schema = event.selection ? applicationFormSchema : registrationFormSchema;
  const [form, fields] = useForm<RegistrationForm & Partial<Pick<z.output<typeof applicationFormSchema>, 'motivation'>>>({
    id: 'anmeldung',
    lastResult: actionData?.result,
    defaultValue: (prefill ?? undefined) as Partial<z.input<typeof applicationFormSchema>> | undefined,
    constraint: getZodConstraint(schema),
    shouldValidate: 'onSubmit',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const full = light.level === 'rot' && !closed;
  const heading = event.selection ? 'Bewerben' : full ? 'Auf die Warteliste setzen' : 'Anmelden';
  return (
    <>
      <p className="caption">
        <Link to="/veranstaltungen">Veranstaltungen</Link> · {event.topic}
      </p>
      <h1>{event.title}</h1>
      {event.cancelled ? (
        <div className="notice notice--error">
          <p>
            <strong>Diese Veranstaltung ist abgesagt.</strong> {event.cancelReason}
          </p>
        </div>
      ) : (
        <SeatLightBadge level={light.level} label={light.label} detail={light.detail} />
      )}
      {done ? (
        <div className="notice notice--success" role="status">
          {done.kind === 'bewerbung' ? (
            <p>
              Ihre Bewerbung ist eingegangen; wir haben Ihnen eine Bestätigung per E-Mail geschickt. Nach dem Bewerbungsschluss wählen die
              Veranstalter aus, und Sie erfahren das Ergebnis per E-Mail. Über den Link in der E-Mail können Sie Ihre Bewerbung ansehen oder
              zurückziehen.
            </p>
          ) : done.kind === 'platz' ? (
            <p>
              Wir halten einen Platz für Sie frei. Bitte bestätigen Sie Ihre Anmeldung innerhalb von {holdMinutes} Minuten über den Link in
              der E-Mail, die wir Ihnen gerade geschickt haben. Ohne Bestätigung wird der Platz wieder frei.
            </p>
          ) : (
            <p>
              Die Veranstaltung ist ausgebucht. Sie stehen auf der Warteliste an Stelle {done.position}. Wird ein Platz frei, schreiben wir
              Ihnen; über den Link in der E-Mail können Sie sich auch wieder abmelden.
            </p>
          )}
        </div>
      ) : null}
      <div className="prose preserve-lines">
        <p>{event.description}</p>
      </div>
      <dl className="summary-list">
        <div>
          <dt>Wann</dt>
          <dd>{event.when}</dd>
        </div>
        <div>
          <dt>Wo</dt>
          <dd>
            {event.format === 'online'
              ? 'Online. Den Zugangslink erhalten bestätigte Teilnehmende per E-Mail.'
              : [event.venue, event.address].filter(Boolean).join(', ')}
            {event.landkreis ? ` (${event.landkreis})` : null}
          </dd>
        </div>
        {event.format === 'online' && event.technicalRequirements ? (
          <div>
            <dt>Technische Voraussetzungen</dt>
            <dd>{event.technicalRequirements}</dd>
          </div>
        ) : null}
        <div>
          <dt>Zielgruppe</dt>
          <dd>{event.audience}</dd>
        </div>
        <div>
          <dt>Veranstalter</dt>
          <dd>{event.organiser}</dd>
        </div>
        <div>
          <dt>Sprache</dt>
          <dd>{event.language}</dd>
        </div>
        {event.venueAccessibility ? (
          <div>
            <dt>Barrierefreiheit</dt>
            <dd>{event.venueAccessibility}</dd>
          </div>
        ) : null}
        <div>
          <dt>Plätze</dt>
          <dd>{event.capacity}</dd>
        </div>
        {event.selection ? (
          <div>
            <dt>Vergabe der Plätze</dt>
            <dd>Auswahl unter den Bewerbungen nach dem Bewerbungsschluss</dd>
          </div>
        ) : null}
        <div>
          <dt>{event.selection ? 'Bewerbungsschluss' : 'Anmeldeschluss'}</dt>
          <dd>{event.closesAt} Uhr</dd>
        </div>
      </dl>
      <p>
        <a href={`/veranstaltungen/${event.id}/kalender.ics`} download>
          In den Kalender eintragen (.ics-Datei)
        </a>
      </p>
      <h2 id="anmeldung-titel">{heading}</h2>
      {closed ? (
        <p>{event.selection && closed === registrationClosedMessage.frist_abgelaufen ? 'Der Bewerbungsschluss ist vorbei.' : closed}</p>
      ) : (
        <>
          {event.selection ? (
            <p>
              Die Plätze werden nicht nach Eingang vergeben: Bewerben Sie sich mit einer kurzen Begründung bis zum Bewerbungsschluss. Danach
              wählen die Veranstalter aus, und alle Bewerbenden erfahren das Ergebnis per E-Mail. Sie brauchen kein Konto; je E-Mail-Adresse
              ist eine Bewerbung möglich.
            </p>
          ) : (
            <p>
              Sie brauchen kein Konto. Wir schicken Ihnen eine E-Mail mit einem persönlichen Link; erst wenn Sie ihn bestätigen, ist Ihr
              Platz sicher. Je E-Mail-Adresse ist eine Anmeldung möglich.
            </p>
          )}
          <ErrorSummary form={form} />
          <PostForm {...getFormProps(form)} noValidate aria-labelledby="anmeldung-titel">
            <TextField field={fields.name} label="Name" autoComplete="name" />
            <TextField field={fields.email} label="E-Mail-Adresse" type="email" autoComplete="email" spellCheck={false} />
            <TextField field={fields.organisation} label="Organisation" optional autoComplete="organization" />
            {event.selection ? (
              <TextAreaField
                field={fields.motivation}
                label="Warum möchten Sie teilnehmen?"
                hint={`Ein paar Sätze zu Ihrem Vorhaben und was Sie sich erhoffen; höchstens ${motivationMaxLength.toLocaleString('de-DE')} Zeichen.`}
                rows={6}
              />
            ) : null}
            <TextAreaField
              field={fields.accessibilityNeeds}
              label="Brauchen Sie Unterstützung, um teilnehmen zu können?"
              hint="Zum Beispiel Gebärdensprachdolmetschung, einen rollstuhlgerechten Platz oder Unterlagen in Leichter Sprache."
              optional
              rows={3}
            />
            <TextField
              field={fields.dietaryNeeds}
              label="Hinweise zur Verpflegung"
              hint="Zum Beispiel vegetarisch oder Allergien."
              optional
            />
            <CheckboxField
              field={fields.privacyConsent}
              label="Ich habe die Datenschutzhinweise zur Anmeldung gelesen."
              hint={<PrivacyNoticeLink section="veranstaltungen" />}
            />
            <button type="submit" className="button">
              {event.selection ? 'Bewerbung absenden' : full ? 'Auf die Warteliste setzen' : 'Anmelden'}
            </button>
          </PostForm>
        </>
      )}
    </>
  );
}
