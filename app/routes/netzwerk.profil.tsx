import { getFormProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { useMemo } from 'react';
import {
  defaultMemberRole,
  memberRoleLabel,
  memberRoles,
  type ProfileForm,
  profileSchema,
  visibleFieldLabel,
  visibleFields,
} from '../../machines/netzwerk/profile';
import { formatDate } from '../../machines/shared/format';
import { landkreise, landkreisLabel } from '../../machines/shared/organisation';
import { CheckboxGroup, ErrorSummary, RadioGroup, SelectField, TextAreaField, TextField } from '../components/fields';
import { PostForm } from '../components/forms';
import { readProtectedForm } from '../csrf.server';
import { leave, memberOfUser, ownProfile, saveProfile } from '../netzwerk/members.server';
import { methodOptions, methodSlugs } from '../netzwerk/netzwerk.server';
import { requireUser } from '../session.server';

export const meta: MetaFunction = () => [{ title: 'Mein Profil im EBBS-Netzwerk – Förderlotse Bürgerbeteiligung' }];

/** Join the network, or edit the own profile with a visibility per field (issue 20 Nr. 1). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { member, organisation, blocks } = await ownProfile(user);
  if (member?.blocked)
    throw new Response('Ihr Zugang zum EBBS-Netzwerk ist gesperrt. Bitte wenden Sie sich an die EBBS-Beratung.', { status: 403 });
  const url = new URL(request.url);
  const saved = url.searchParams.get('gespeichert');
  return {
    methodOptions,
    member: member ? { id: member.id } : null,
    blocks: blocks.map((b) => ({ id: b.id, name: b.name, since: formatDate(b.since) })),
    notice: url.searchParams.get('hinweis') === 'blockierung-aufgehoben' ? 'Die Blockierung ist aufgehoben.' : null,
    saved: saved === 'beigetreten' ? 'Willkommen im Netzwerk! Ihr Profil ist gespeichert.' : saved === '1' ? 'Gespeichert.' : null,
    values: member
      ? {
          displayName: member.displayName,
          role: member.role,
          landkreis: member.landkreis ?? '',
          methods: member.methods,
          languages: member.languages,
          about: member.about,
          publicFields: member.publicFields,
        }
      : {
          displayName: organisation?.name ?? user.name,
          role: defaultMemberRole(user.role, organisation?.kind ?? null),
          languages: 'Deutsch',
          publicFields: [],
        },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readProtectedForm(request);
  const existing = await memberOfUser(user.id);
  if (existing?.blocked)
    throw new Response('Ihr Zugang zum EBBS-Netzwerk ist gesperrt. Bitte wenden Sie sich an die EBBS-Beratung.', { status: 403 });
  if (form.get('intent') === 'leave') {
    await leave(user, existing?.id ?? null);
    return redirect('/netzwerk');
  }
  const submission = parseWithZod(form, { schema: profileSchema(methodSlugs) });
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 });
  const v = submission.value;
  const outcome = await saveProfile(
    user,
    {
      displayName: v.displayName,
      role: v.role,
      landkreis: v.landkreis ?? null,
      methods: [...new Set(v.methods)],
      languages: v.languages,
      about: v.about,
      publicFields: [...new Set(v.publicFields)],
    },
    v.publicFields,
  );
  return redirect(`/netzwerk/profil?gespeichert=${outcome.joined ? 'beigetreten' : '1'}`);
}

export default function NetworkProfile() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  // The catalogue comes with the loader data: the methods catalogue stays on the server.
  const schema = useMemo(() => profileSchema(d.methodOptions.map((o) => o.value)), [d.methodOptions]);
  const [form, fields] = useForm<ProfileForm>({
    id: 'netzwerk-profil',
    lastResult: actionData?.result,
    defaultValue: d.values,
    constraint: getZodConstraint(schema),
    shouldValidate: 'onSubmit',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  return (
    <>
      <p className="caption">
        <Link to="/netzwerk">EBBS-Netzwerk</Link>
      </p>
      <h1>{d.member ? 'Mein Profil im Netzwerk' : 'Dem Netzwerk beitreten'}</h1>
      {d.saved || d.notice ? (
        <div className="notice notice--success" role="status">
          <p>{d.saved ?? d.notice}</p>
        </div>
      ) : null}
      {d.member ? (
        <p>
          <Link to={`/netzwerk/mitglieder/${d.member.id}`}>So sehen andere Ihr Profil</Link>
        </p>
      ) : null}
      <ErrorSummary form={form} />
      <PostForm {...getFormProps(form)} noValidate aria-label="Profil im Netzwerk">
        <TextField
          field={fields.displayName}
          label="Name im Netzwerk"
          hint="Ihre Organisation oder Ihr Name; für Mitglieder immer sichtbar."
        />
        <RadioGroup
          field={fields.role}
          legend="Rolle im Netzwerk"
          options={memberRoles.map((r) => ({ value: r, label: memberRoleLabel[r] }))}
        />
        <SelectField
          field={fields.landkreis}
          label="Region (Landkreis oder kreisfreie Stadt)"
          options={landkreise.map((l) => ({ value: l, label: landkreisLabel[l] }))}
          placeholder="Keine Angabe"
        />
        <CheckboxGroup
          field={fields.methods}
          legend="Erfahrung mit Methoden"
          hint="Aus dem Methodenkatalog; so finden andere Sie über die Methode."
          options={d.methodOptions}
        />
        <TextField field={fields.languages} label="Sprachen" optional />
        <TextAreaField
          field={fields.about}
          label="Über uns / über mich"
          hint="Zum Beispiel Vorhaben, die Sie durchgeführt haben."
          optional
          rows={5}
        />
        <CheckboxGroup
          field={fields.publicFields}
          legend="Öffentlich sichtbar"
          hint="Angekreuzte Angaben sieht jede Person, auch ohne Anmeldung. Alle anderen sehen nur Mitglieder des Netzwerks."
          options={visibleFields.map((f) => ({ value: f, label: visibleFieldLabel[f] }))}
        />
        <button type="submit" className="button" name="intent" value="save">
          {d.member ? 'Profil speichern' : 'Beitreten'}
        </button>
      </PostForm>
      {d.member ? (
        <>
          <h2 id="blockiert">Blockierte Mitglieder</h2>
          {d.blocks.length ? (
            <>
              <p>Diese Mitglieder können Ihnen keine Nachrichten schreiben; Erwähnungen durch sie melden wir Ihnen nicht.</p>
              <ul className="plain-list" aria-labelledby="blockiert">
                {d.blocks.map((b) => (
                  <li key={b.id}>
                    <Link to={`/netzwerk/mitglieder/${b.id}`}>{b.name}</Link> (seit {b.since}){' '}
                    <PostForm
                      action={`/netzwerk/mitglieder/${b.id}`}
                      className="inline-form"
                      aria-label={`Blockierung aufheben: ${b.name}`}
                    >
                      <input type="hidden" name="zurueck" value="profil" />
                      <button type="submit" className="button button--secondary button--small" name="intent" value="personal-unblock">
                        Blockierung aufheben<span className="visually-hidden"> – {b.name}</span>
                      </button>
                    </PostForm>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>Sie haben niemanden blockiert. Blockieren können Sie ein Mitglied in seinem Profil.</p>
          )}
          <h2>Netzwerk verlassen</h2>
          <p>Ihr Profil wird gelöscht; andere Mitglieder finden Sie danach nicht mehr.</p>
          <PostForm aria-label="Netzwerk verlassen">
            <button type="submit" className="button button--secondary" name="intent" value="leave">
              Netzwerk verlassen
            </button>
          </PostForm>
        </>
      ) : null}
    </>
  );
}
