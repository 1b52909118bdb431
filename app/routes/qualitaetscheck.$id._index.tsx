import { getFormProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { listApplications } from '../../db/repositories/applications';
import {
  addParticipant,
  applicationsOfQualityCheck,
  attachQualityCheck,
  createGuestLink,
  detachQualityCheck,
  listGuestLinks,
  revokeGuestLink,
  touchQualityCheck,
} from '../../db/repositories/quality-checks';
import { notify } from '../../db/repositories/review';
import { listOrganisationMembers } from '../../db/repositories/users';
import { attachFormSchema, guestLinkFormSchema, inviteFormSchema } from '../../machines/qualitaetscheck/form';
import {
  defaultGuestLinkValidity,
  guestLinkExpiry,
  guestLinkStatus,
  guestLinkStatusLabel,
  guestLinkValidityDays,
} from '../../machines/qualitaetscheck/guests';
import { currentPage } from '../../machines/qualitaetscheck/machine';
import { respondentsText } from '../../machines/qualitaetscheck/report';
import { perspectiveInfo } from '../../machines/qualitaetscheck/schema';
import { compareVersionLabels, currentOf } from '../../machines/qualitaetscheck/versions';
import { formatDate, formatDateTime } from '../../machines/shared/format';
import { CheckboxGroup, ErrorSummary, RadioGroup, SelectField, TextField } from '../components/fields';
import { CopyLink } from '../components/copy-link';
import { CsrfInput, PostForm } from '../components/forms';
import { CombinedProfileView } from '../components/qualitaetscheck/combined-profile';
import { readProtectedForm } from '../csrf.server';
import { config } from '../config.server';
import { getDb } from '../db.server';
import { qualityCheckInvitation } from '../notification-texts';
import { ScrollTable } from '../components/scroll-table';
import {
  advisorMayReadApplication,
  contentArchive,
  joinCheck,
  loadRespondent,
  loadRound,
  ownDraft,
  requireQualityCheck,
  returnPath,
  type CheckAccess,
} from '../qualitaetscheck/quality-check.server';

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [
  { title: `${d?.title ? `${d.title} – ` : ''}QualitätsCheck – Förderlotse Bürgerbeteiligung` },
];

type MemberAccess = Extract<CheckAccess, { kind: 'member' }>;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireQualityCheck(request, params.id, 'read');
  const { check } = access;
  const own = await loadRespondent(access);
  // A check without an organisation has one respondent and nothing to share: straight to it.
  // So has a guest: their own answers are all they see of the round.
  if (access.kind === 'anonymous' || access.kind === 'guest')
    throw redirect(`/qualitaetscheck/${check.id}/${own ? currentPage(own.snapshot) : 'perspektive'}`);
  const db = await getDb();
  const round = await loadRound(check);
  const archive = await contentArchive();
  const newest = currentOf(archive);
  const attached = await applicationsOfQualityCheck(db, check.id);
  const base = {
    id: check.id,
    title: check.title,
    version: round.content.version,
    respondentsText: respondentsText(round.combined.respondentsByPerspective),
    respondents: round.respondents.map((r) => ({
      id: r.participantId,
      name: r.name ?? 'Ohne Namen',
      guest: r.guest,
      perspective: r.perspective ? perspectiveInfo[r.perspective].label : null,
      started: r.started,
      answered: r.answered,
      total: r.total,
    })),
    combined: round.combined,
    notice: new URL(request.url).searchParams.get('hinweis'),
  };
  if (access.kind === 'advisor') {
    const readable = [];
    for (const a of attached)
      if (await advisorMayReadApplication(db, access.user, a.id)) readable.push({ id: a.id, title: a.title || 'Antrag ohne Titel' });
    return { ...base, kind: 'advisor' as const, attached: readable };
  }
  const { user } = access as MemberAccess;
  const members = await listOrganisationMembers(db, user.organisation_id);
  const taking = new Set(round.respondents.map((r) => r.userId));
  const drafts = await listApplications(db, user.organisation_id, { deleted: false });
  const now = new Date().toISOString();
  const attachedIds = new Set(attached.map((a) => a.id));
  return {
    ...base,
    kind: 'member' as const,
    own: own ? { page: currentPage(own.snapshot), hasResult: own.snapshot.context.visited.includes('ergebnis') } : null,
    invited: !own && taking.has(user.id),
    colleagues: members
      .filter((m) => m.id !== user.id && !taking.has(m.id) && !m.disabled_at)
      .map((m) => ({ value: String(m.id), label: m.name })),
    attached: attached.map((a) => ({ id: a.id, title: a.title || 'Antrag ohne Titel', attachedAt: formatDate(a.attached_at) })),
    drafts: drafts
      .filter((d) => !attachedIds.has(d.id))
      .map((d) => ({ value: String(d.id), label: d.title || `Antrag ohne Titel (Nr. ${d.id})` })),
    newerVersion: compareVersionLabels(newest.version, round.content.version) > 0 ? newest.version : null,
    guestLinks: (await listGuestLinks(db, check.id)).map((link) => {
      const status = guestLinkStatus(link, now);
      return {
        id: link.id,
        label: link.label || 'Ohne Bezeichnung',
        url: `${config.publicUrl}/qualitaetscheck/gast/${link.token}`,
        expiresAt: formatDateTime(link.expires_at),
        status,
        statusLabel: guestLinkStatusLabel[status],
        guests: link.guests,
      };
    }),
    validityOptions: guestLinkValidityDays.map((days) => ({ value: String(days), label: `${days} Tage` })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await readProtectedForm(request);
  const access = await requireQualityCheck(request, params.id, 'write');
  const { check } = access;
  const intent = formData.get('intent');
  if (intent === 'teilnehmen') {
    await joinCheck(access);
    return redirect(`/qualitaetscheck/${check.id}/perspektive`);
  }
  if (access.kind !== 'member')
    throw new Response('Bitte melden Sie sich an, um den QualitätsCheck mit anderen zu teilen oder einem Antrag beizufügen.', {
      status: 403,
    });
  const { user } = access;
  const db = await getDb();
  const here = `/qualitaetscheck/${check.id}`;
  switch (intent) {
    case 'einladen': {
      const submission = parseWithZod(formData, { schema: inviteFormSchema });
      if (submission.status !== 'success') return data({ form: 'einladen' as const, result: submission.reply() }, { status: 400 });
      const members = new Map(
        (await listOrganisationMembers(db, user.organisation_id)).filter((m) => !m.disabled_at).map((m) => [m.id, m]),
      );
      const chosen = submission.value.colleagues.filter((id) => id !== user.id);
      if (chosen.length === 0 || chosen.some((id) => !members.has(id))) {
        return data(
          {
            form: 'einladen' as const,
            result: submission.reply({
              fieldErrors: { colleagues: ['Bitte wählen Sie nur Kolleginnen und Kollegen Ihrer Organisation aus der Liste aus.'] },
            }),
          },
          { status: 400 },
        );
      }
      const title = check.title ? `„${check.title}“` : 'ohne Namen';
      await db.transaction().execute(async (trx) => {
        for (const id of chosen) await addParticipant(trx, { checkId: check.id, userId: id, snapshot: null, invitedBy: user.id });
        await notify(trx, {
          userIds: chosen,
          applicationId: null,
          kind: 'qualitaetscheck.einladung',
          ...qualityCheckInvitation({ inviter: user.name, title, path: here }, config.publicUrl),
        });
      });
      return redirect(`${here}?hinweis=eingeladen`);
    }
    case 'anhaengen': {
      const submission = parseWithZod(formData, { schema: attachFormSchema });
      if (submission.status !== 'success') return data({ form: 'anhaengen' as const, result: submission.reply() }, { status: 400 });
      const draft = await ownDraft(user, submission.value.application);
      if (!draft) throw new Response('Nicht gefunden', { status: 404 });
      await attachQualityCheck(db, check.id, draft.id, user.id);
      const back = returnPath(formData, '');
      return redirect(back ? `${back}?hinweis=qualitaetscheck-beigefuegt#qualitaetscheck` : `${here}?hinweis=beigefuegt`);
    }
    case 'loesen': {
      const draft = await ownDraft(user, Number(formData.get('application')));
      if (!draft) throw new Response('Nicht gefunden', { status: 404 });
      await detachQualityCheck(db, check.id, draft.id);
      const back = returnPath(formData, '');
      return redirect(back ? `${back}?hinweis=qualitaetscheck-geloest#qualitaetscheck` : `${here}?hinweis=geloest`);
    }
    case 'gastlink': {
      const submission = parseWithZod(formData, { schema: guestLinkFormSchema });
      if (submission.status !== 'success') return data({ form: 'gastlink' as const, result: submission.reply() }, { status: 400 });
      const now = new Date();
      await createGuestLink(
        db,
        {
          checkId: check.id,
          label: submission.value.label,
          createdBy: user.id,
          expiresAt: guestLinkExpiry(now.toISOString(), submission.value.validDays),
        },
        now,
      );
      return redirect(`${here}?hinweis=gastlink#gaeste`);
    }
    case 'gastlink-beenden': {
      if (!(await revokeGuestLink(db, check.id, Number(formData.get('link'))))) throw new Response('Nicht gefunden', { status: 404 });
      return redirect(`${here}?hinweis=gastlink-beendet#gaeste`);
    }
    case 'fassung': {
      const newest = currentOf(await contentArchive());
      await touchQualityCheck(db, check.id, { contentVersion: newest.version });
      return redirect(`${here}?hinweis=fassung`);
    }
    default:
      throw new Response('Diese Aktion gibt es nicht.', { status: 400 });
  }
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
