import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { directoryFilter, memberRoleLabel, memberRoles } from '../../machines/netzwerk/profile';
import { landkreise, landkreisLabel } from '../../machines/shared/organisation';
import { DIRECTORY_PAGE, directoryPage } from '../netzwerk/members.server';
import { methodName, methodOptions, methodSlugs, requireMember } from '../netzwerk/netzwerk.server';

export const meta: MetaFunction = () => [{ title: 'Mitglieder finden – EBBS-Netzwerk – Förderlotse Bürgerbeteiligung' }];

/** The member directory, members only: search and filter by region, method and role (issue 20 Nr. 2). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireMember(request);
  const filter = directoryFilter(new URL(request.url).searchParams, methodSlugs);
  const found = await directoryPage(filter);
  return {
    methodOptions,
    filter,
    more: found.length > DIRECTORY_PAGE,
    members: found.slice(0, DIRECTORY_PAGE).map((m) => ({
      id: m.id,
      name: m.displayName,
      role: memberRoleLabel[m.role],
      region: m.landkreis ? landkreisLabel[m.landkreis] : null,
      methods: m.methods.map((s) => methodName.get(s)).filter(Boolean) as string[],
    })),
  };
}

export default function Directory() {
  const { filter, members, more, methodOptions } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="caption">
        <Link to="/netzwerk">EBBS-Netzwerk</Link> · <Link to="/netzwerk/themen">Themen</Link>
      </p>
      <h1>Mitglieder finden</h1>
      <Form method="get" role="search" aria-label="Mitglieder suchen">
        <div className="field">
          <label htmlFor="q" className="field__label">
            Suchbegriff
          </label>
          <input id="q" name="q" type="search" className="input" defaultValue={filter.q} />
        </div>
        <div className="field">
          <label htmlFor="landkreis" className="field__label">
            Region
          </label>
          <select id="landkreis" name="landkreis" className="select" defaultValue={filter.landkreis ?? ''}>
            <option value="">Alle Regionen</option>
            {landkreise.map((l) => (
              <option key={l} value={l}>
                {landkreisLabel[l]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="methode" className="field__label">
            Methode
          </label>
          <select id="methode" name="methode" className="select" defaultValue={filter.method ?? ''}>
            <option value="">Alle Methoden</option>
            {methodOptions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="rolle" className="field__label">
            Rolle
          </label>
          <select id="rolle" name="rolle" className="select" defaultValue={filter.role ?? ''}>
            <option value="">Alle Rollen</option>
            {memberRoles.map((r) => (
              <option key={r} value={r}>
                {memberRoleLabel[r]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          Suchen
        </button>
      </Form>
      <h2>
        {members.length === 1 ? '1 Mitglied' : `${members.length}${more ? '+' : ''} Mitglieder`}
        {more ? <span className="visually-hidden"> (es gibt mehr; bitte grenzen Sie die Suche ein)</span> : null}
      </h2>
      {members.length ? (
        <ul>
          {members.map((m) => (
            <li key={m.id}>
              <Link to={`/netzwerk/mitglieder/${m.id}`}>{m.name}</Link> · {m.role}
              {m.region ? ` · ${m.region}` : ''}
              {m.methods.length ? <div className="caption">Methoden: {m.methods.join(', ')}</div> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>Keine Mitglieder gefunden. Bitte lockern Sie die Filter.</p>
      )}
      {more ? <p>Es gibt weitere Treffer. Bitte grenzen Sie die Suche ein.</p> : null}
    </>
  );
}
