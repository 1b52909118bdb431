import { getFormProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { attachFormSchema, guestLinkFormSchema, inviteFormSchema } from '../../machines/qualitaetscheck/form';
import { defaultGuestLinkValidity } from '../../machines/qualitaetscheck/guests';
import { CheckboxGroup, ErrorSummary, RadioGroup, SelectField, TextField } from '../components/fields';
import { CopyLink } from '../components/copy-link';
import { CsrfInput, PostForm } from '../components/forms';
import { CombinedProfileView } from '../components/qualitaetscheck/combined-profile';
import { ScrollTable } from '../components/scroll-table';
import { qualityCheckPage, qualityCheckPageAction } from '../qualitaetscheck/check-page.server';

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [
  { title: `${d?.title ? `${d.title} – ` : ''}QualitätsCheck – Förderlotse Bürgerbeteiligung` },
];

export async function loader(args: LoaderFunctionArgs) {
  return qualityCheckPage(args);
}

export async function action(args: ActionFunctionArgs) {
  return qualityCheckPageAction(args);
}

const notices: Record<string, string> = {
  eingeladen: 'Die Einladung ist verschickt. Eingeladene sehen den Check unter „QualitätsCheck“ und per E-Mail.',
  beigefuegt: 'Der QualitätsCheck ist dem Antrag beigefügt. Die Beratung sieht das gemeinsame Profil, sobald Sie um Beratung bitten.',
  geloest: 'Der QualitätsCheck ist nicht mehr beigefügt.',
  fassung: 'Der Check verwendet jetzt die neue Fassung. Alle Antworten sind erhalten; neue Aussagen sind noch offen.',
  gastlink: 'Der Gastlink ist erstellt. Kopieren Sie ihn unten und schicken Sie ihn den Personen, die Sie einladen möchten.',
  'gastlink-beendet': 'Der Gastlink ist beendet. Niemand kann mehr über ihn antworten; gegebene Antworten bleiben im Profil.',
};

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type MemberData = Extract<LoaderData, { kind: 'member' }>;

function InviteForm({ d }: { d: MemberData }) {
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: 'einladen',
    lastResult: actionData && 'form' in actionData && actionData.form === 'einladen' ? actionData.result : undefined,
    constraint: getZodConstraint(inviteFormSchema),
    shouldValidate: 'onSubmit',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: inviteFormSchema }),
  });
  if (!d.colleagues.length)
    return (
      <p>
        Alle Kolleginnen und Kollegen Ihrer Organisation mit Konto sind schon beteiligt oder eingeladen. Weitere laden Sie über den
        Einladungscode unter „Organisation“ ins Konto ein.
      </p>
    );
  return (
    <>
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)} noValidate>
        <CsrfInput />
        <CheckboxGroup
          field={fields.colleagues}
          legend="Wen möchten Sie einladen?"
          hint="Jede Person wählt ihre eigene Sichtweise und sieht Ihre Notizen nicht."
          options={d.colleagues}
        />
        <button type="submit" name="intent" value="einladen" className="button button--secondary">
          Einladen
        </button>
      </Form>
    </>
  );
}

/** Links for people outside the organisation: one per invitation round, expiring, revocable. */
function GuestLinks({ d }: { d: MemberData }) {
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: 'gastlink',
    lastResult: actionData && 'form' in actionData && actionData.form === 'gastlink' ? actionData.result : undefined,
    defaultValue: { validDays: String(defaultGuestLinkValidity) },
    constraint: getZodConstraint(guestLinkFormSchema),
    shouldValidate: 'onSubmit',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: guestLinkFormSchema }),
  });
  return (
    <section aria-labelledby="gaeste" className="no-print">
      <h3 id="gaeste">Personen außerhalb Ihrer Organisation einladen</h3>
      <p>
        Mit einem Gastlink antworten Menschen ohne Konto – zum Beispiel die Verwaltung der Gemeinde, Gemeinderätinnen und Gemeinderäte oder
        Bürgerinnen und Bürger. Sie wählen ihre Sichtweise selbst, sehen nur ihr eigenes Ergebnis und fließen in Ihr gemeinsames Profil ein.
        Jeder Link gilt nur für diesen Check, bis zu seinem Ablauf oder bis Sie ihn beenden.
      </p>
      {d.guestLinks.length ? (
        <ul className="plain-list guest-links">
          {d.guestLinks.map((link) => (
            <li key={link.id} className="guest-link">
              <p>
                <strong>{link.label}</strong> – {link.statusLabel}
                {link.status === 'aktiv' ? ` bis ${link.expiresAt}` : ''},{' '}
                {link.guests === 1 ? '1 Person antwortet' : `${link.guests} Personen antworten`}
              </p>
              {link.status === 'aktiv' ? (
                <>
                  <CopyLink id={`gastlink-${link.id}`} label={`Gastlink „${link.label}“`} url={link.url} />
                  <PostForm className="inline-form">
                    <input type="hidden" name="link" value={link.id} />
                    <button type="submit" name="intent" value="gastlink-beenden" className="button button--link">
                      Link beenden<span className="visually-hidden"> – {link.label}</span>
                    </button>
                  </PostForm>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <ErrorSummary form={form} />
      {/* Keyed by the links: after a link is made, the form starts empty again. */}
      <Form key={d.guestLinks.length} method="post" {...getFormProps(form)} noValidate>
        <CsrfInput />
        <TextField
          field={fields.label}
          label="Bezeichnung des Links"
          hint="Nur für Sie, zum Beispiel „Gemeinderat“ oder „Bürgerforum am 12. März“."
          optional
        />
        <RadioGroup field={fields.validDays} legend="Wie lange soll der Link gelten?" options={d.validityOptions} inline />
        <button type="submit" name="intent" value="gastlink" className="button button--secondary">
          Gastlink erstellen
        </button>
      </Form>
    </section>
  );
}

function AttachForm({ d }: { d: MemberData }) {
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: 'anhaengen',
    lastResult: actionData && 'form' in actionData && actionData.form === 'anhaengen' ? actionData.result : undefined,
    constraint: getZodConstraint(attachFormSchema),
    shouldValidate: 'onSubmit',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: attachFormSchema }),
  });
  if (!d.drafts.length)
    return (
      <p>
        {d.attached.length ? (
          'Der Check ist allen Anträgen Ihrer Organisation beigefügt.'
        ) : (
          <>
            Ihre Organisation hat noch keinen Antrag. <Link to="/antraege/neu">Antrag beginnen</Link>
          </>
        )}
      </p>
    );
  return (
    <>
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)} noValidate>
        <CsrfInput />
        <SelectField field={fields.application} label="Antrag" options={d.drafts} />
        <button type="submit" name="intent" value="anhaengen" className="button button--secondary">
          Dem Antrag beifügen
        </button>
      </Form>
    </>
  );
}

export default function QualityCheckOverview() {
  const d = useLoaderData<typeof loader>();
  const member = d.kind === 'member' ? d : null;
  return (
    <>
      <p className="caption">QualitätsCheck · Fassung {d.version}</p>
      <h1>{d.title || 'QualitätsCheck ohne Namen'}</h1>
      {d.notice && notices[d.notice] ? (
        <div className="notice notice--success" role="status">
          <p>{notices[d.notice]}</p>
        </div>
      ) : null}
      {member?.newerVersion ? (
        <div className="notice no-print">
          <p>
            Es gibt eine neuere Fassung des QualitätsChecks ({member.newerVersion}). Dieser Check bleibt bei Fassung {d.version}, bis Sie
            umstellen. Beim Umstellen bleiben alle Antworten erhalten; Antworten auf entfallene Aussagen werden als „gehört zu einer
            früheren Fassung“ aufbewahrt.
          </p>
          <PostForm>
            <button type="submit" name="intent" value="fassung" className="button button--secondary">
              Auf Fassung {member.newerVersion} umstellen
            </button>
          </PostForm>
        </div>
      ) : null}

      {member ? (
        <section aria-labelledby="ihre-antworten" className="no-print">
          <h2 id="ihre-antworten">Ihre Antworten</h2>
          {member.own ? (
            <div className="button-row">
              <Link to={`/qualitaetscheck/${d.id}/${member.own.page}`} className="button">
                {member.own.page === 'ergebnis' ? 'Ihr Ergebnis ansehen' : 'Weiter beantworten'}
              </Link>
              {member.own.hasResult && member.own.page !== 'ergebnis' ? (
                <Link to={`/qualitaetscheck/${d.id}/ergebnis`} className="button button--secondary">
                  Ihr Ergebnis ansehen
                </Link>
              ) : null}
            </div>
          ) : (
            <>
              <p>
                {member.invited
                  ? 'Sie sind eingeladen, diesen QualitätsCheck aus Ihrer Sicht auszufüllen.'
                  : 'Sie haben diesen QualitätsCheck noch nicht ausgefüllt.'}
              </p>
              <PostForm>
                <button type="submit" name="intent" value="teilnehmen" className="button">
                  Jetzt ausfüllen
                </button>
              </PostForm>
            </>
          )}
        </section>
      ) : (
        <p className="notice">
          Sie sehen diesen QualitätsCheck, weil er einem Antrag beigefügt ist, den Sie beraten. Notizen der Antwortenden sind nicht
          sichtbar.
        </p>
      )}

      <section aria-labelledby="beteiligte">
        <h2 id="beteiligte">Wer antwortet</h2>
        <ScrollTable caption="Wer antwortet" captionHidden>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Sichtweise</th>
              <th scope="col">Stand</th>
            </tr>
          </thead>
          <tbody>
            {d.respondents.map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.name}</th>
                <td>{r.perspective ?? '–'}</td>
                <td>{!r.started ? 'eingeladen' : r.perspective ? `${r.answered} von ${r.total} Aussagen beantwortet` : 'begonnen'}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
        {member ? (
          <>
            <h3>Kolleginnen und Kollegen einladen</h3>
            <p>
              Der QualitätsCheck wird aufschlussreich, wenn mehrere Sichtweisen antworten. Laden Sie Personen Ihrer Organisation ein, ihn
              aus ihrer Sicht auszufüllen.
            </p>
            <InviteForm d={member} />
            <GuestLinks d={member} />
          </>
        ) : null}
      </section>

      <section aria-labelledby="gemeinsam">
        <h2 id="gemeinsam">Gemeinsames Profil</h2>
        <p>Antworten: {d.respondentsText}. Je Kriterium der Mittelwert jeder Sichtweise, von 0 bis 100 Punkten.</p>
        {d.combined.respondents > 0 ? (
          <CombinedProfileView combined={d.combined} id="runde" headingLevel={3} />
        ) : (
          <p>Es liegen noch keine Antworten vor.</p>
        )}
        <p className="no-print">
          <a href={`/qualitaetscheck/${d.id}/bericht.pdf`} download>
            Bericht als PDF herunterladen
          </a>
        </p>
      </section>

      <section aria-labelledby="antraege">
        <h2 id="antraege">Beigefügt zu Anträgen</h2>
        {d.attached.length ? (
          <ul className="plain-list">
            {d.attached.map((a) => (
              <li key={a.id}>
                {member ? <Link to={`/antraege/${a.id}`}>{a.title}</Link> : <Link to={`/beratung/${a.id}`}>{a.title}</Link>}
                {member ? ' – ' : null}
                {member ? (
                  <PostForm className="inline-form">
                    <input type="hidden" name="application" value={a.id} />
                    <button type="submit" name="intent" value="loesen" className="button button--link">
                      Nicht mehr beifügen<span className="visually-hidden"> – {a.title}</span>
                    </button>
                  </PostForm>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>Der Check ist noch keinem Antrag beigefügt.</p>
        )}
        {member ? (
          <>
            <p>
              Beigefügt sieht die EBBS-Beratung das gemeinsame Profil bei der Beratung, und das Antrags-PDF kann es als Anlage enthalten.
              Ihre Notizen bleiben privat.
            </p>
            <AttachForm d={member} />
          </>
        ) : null}
      </section>
    </>
  );
}
