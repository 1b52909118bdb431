import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { isModerator } from '../../machines/netzwerk/profile';
import { memberOfUser } from '../netzwerk/members.server';
import { requireUser } from '../session.server';

export const meta: MetaFunction = () => [{ title: 'EBBS-Netzwerk – Förderlotse Bürgerbeteiligung' }];

/** The network's start page: join, or go to the directory (issue 20 Nr. 1). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const member = await memberOfUser(user.id);
  return {
    member: member ? { name: member.displayName, blocked: member.blocked } : null,
    moderator: member !== null && !member.blocked && isModerator(user.role),
  };
}

export default function Network() {
  const { member, moderator } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>EBBS-Netzwerk</h1>
      <p>
        Das Erfahrungs- und Beratungsnetzwerk Bürgerbeteiligung Sachsen verbindet Kommunen, Vereine, Prozessgestaltende und die
        EBBS-Beratung. Finden Sie Menschen, die schon gemacht haben, was Sie vorhaben.
      </p>
      {member?.blocked ? (
        <div className="notice notice--warning">
          <p>Ihr Zugang zum Netzwerk ist gesperrt. Bitte wenden Sie sich an die EBBS-Beratung.</p>
        </div>
      ) : member ? (
        <ul>
          <li>
            <Link to="/netzwerk/mitglieder">Mitglieder finden</Link>
          </li>
          <li>
            <Link to="/netzwerk/themen">Themen</Link>: fragen Sie das Netzwerk und teilen Sie Erfahrungen
          </li>
          <li>
            <Link to="/netzwerk/nachrichten">Nachrichten</Link>
          </li>
          {moderator ? (
            <li>
              <Link to="/netzwerk/moderation">Moderation</Link>: gemeldete und ausgeblendete Beiträge
            </li>
          ) : null}
          <li>
            <Link to="/netzwerk/profil">Mein Profil im Netzwerk</Link>
          </li>
        </ul>
      ) : (
        <>
          <p>Sie sind noch nicht Mitglied. Mit einem Profil treten Sie bei; Sie bestimmen für jede Angabe, wer sie sehen darf.</p>
          <p>
            <Link to="/netzwerk/profil" className="button">
              Dem Netzwerk beitreten
            </Link>
          </p>
        </>
      )}
    </>
  );
}
