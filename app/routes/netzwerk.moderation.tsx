import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { formatDateTime } from '../../machines/shared/format';
import { PostForm } from '../components/forms';
import { readProtectedForm } from '../csrf.server';
import { requireMember } from '../netzwerk/netzwerk.server';
import { dismissReports, moderationQueue } from '../netzwerk/thread.server';
import { postAnchor } from '../netzwerk/topics.server';
import { requireUser } from '../session.server';

export const meta: MetaFunction = () => [{ title: 'Moderation – EBBS-Netzwerk – Förderlotse Bürgerbeteiligung' }];

async function requireModerator(request: Request) {
  const found = await requireMember(request);
  if (!found.moderator) throw new Response('Nur die Moderation des Netzwerks sieht gemeldete Beiträge.', { status: 403 });
  return found;
}

const excerpt = (text: string) => (Array.from(text).length > 300 ? `${Array.from(text).slice(0, 300).join('')} …` : text);

/** Reported and hidden posts for the moderators (advisors), issue 20 Nr. 5. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireModerator(request);
  const { reported, hidden } = await moderationQueue();
  return {
    done: new URL(request.url).searchParams.get('erledigt') === '1',
    reported: reported.map((r) => ({
      postId: r.postId,
      link: `/netzwerk/themen/${r.threadId}`,
      anchor: postAnchor(r.postId),
      threadTitle: r.threadTitle,
      author: r.authorName,
      body: excerpt(r.body),
      hidden: r.hidden,
      reasons: r.reasons,
      since: formatDateTime(r.firstReportedAt),
    })),
    hidden: hidden.map((p) => ({
      postId: p.id,
      link: `/netzwerk/themen/${p.threadId}`,
      author: p.authorName,
      body: excerpt(p.body),
      reason: p.hiddenReason ?? '',
    })),
  };
}

/** Closes a post's reports without a measure (the post stays visible); audited. */
export async function action({ request }: ActionFunctionArgs) {
  await requireUser(request);
  const form = await readProtectedForm(request);
  const { user } = await requireModerator(request);
  const raw = form.get('post');
  const postId = typeof raw === 'string' && /^\d{1,9}$/.test(raw) ? Number(raw) : null;
  if (form.get('intent') !== 'dismiss' || postId === null) throw new Response('Diese Meldung gibt es nicht (mehr).', { status: 404 });
  await dismissReports(user, postId);
  return redirect('/netzwerk/moderation?erledigt=1');
}

export default function Moderation() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <p className="caption">
        <Link to="/netzwerk">EBBS-Netzwerk</Link> · <Link to="/netzwerk/themen">Themen</Link>
      </p>
      <h1>Moderation</h1>
      <p>
        Gemeldete Beiträge prüfen Sie im Thema: Dort blenden Sie einen Beitrag mit Begründung aus oder wieder ein. Jede Maßnahme steht im
        Protokoll.
      </p>
      {d.done ? (
        <div className="notice notice--success" role="status">
          <p>Die Meldungen sind erledigt; der Beitrag bleibt sichtbar.</p>
        </div>
      ) : null}
      <h2>Gemeldete Beiträge</h2>
      {d.reported.length ? (
        <ul>
          {d.reported.map((r) => (
            <li key={r.postId}>
              <p>
                <Link to={`${r.link}?moderieren=${r.postId}#moderieren-abschnitt`}>{r.threadTitle}</Link>: Beitrag von {r.author}, gemeldet
                seit {r.since} Uhr{r.hidden ? ' (bereits ausgeblendet)' : ''}
              </p>
              <blockquote className="preserve-lines">{r.body}</blockquote>
              <p>Gründe: {r.reasons.join(' · ')}</p>
              <PostForm aria-label={`Meldungen zum Beitrag von ${r.author} erledigen`}>
                <input type="hidden" name="intent" value="dismiss" />
                <input type="hidden" name="post" value={r.postId} />
                <button type="submit" className="button button--secondary button--small">
                  Ohne Maßnahme erledigen
                </button>
              </PostForm>
            </li>
          ))}
        </ul>
      ) : (
        <p>Keine offenen Meldungen.</p>
      )}
      <h2>Ausgeblendete Beiträge</h2>
      {d.hidden.length ? (
        <ul>
          {d.hidden.map((p) => (
            <li key={p.postId}>
              <p>
                Beitrag von {p.author}, Grund: {p.reason} –{' '}
                <Link to={`${p.link}?moderieren=${p.postId}#moderieren-abschnitt`}>im Thema ansehen und wieder einblenden</Link>
              </p>
              <blockquote className="preserve-lines">{p.body}</blockquote>
            </li>
          ))}
        </ul>
      ) : (
        <p>Keine ausgeblendeten Beiträge.</p>
      )}
    </>
  );
}
