import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { refuseBlock } from '../../machines/netzwerk/blocks';
import { isModerator, memberRoleLabel, visibleFieldLabel, visibleProfile } from '../../machines/netzwerk/profile';
import { cleanText } from '../../machines/shared/fields';
import { PostForm } from '../components/forms';
import { readProtectedForm } from '../csrf.server';
import { landkreisLabel } from '../../machines/shared/organisation';
import { blockedByViewer, memberByParam, memberOfUser, setPersonalBlock, setSiteBlock } from '../netzwerk/members.server';
import { methodName, requireMember } from '../netzwerk/netzwerk.server';
import { getUser, requireUser } from '../session.server';

export const meta: MetaFunction = () => [{ title: 'Profil – EBBS-Netzwerk – Förderlotse Bürgerbeteiligung' }];

/**
 * A member's profile: members see what the member shares with the network, everyone else only the
 * fields the member made public; with no public field the profile does not exist for them (404).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await memberByParam(params.id);
  const user = await getUser(request);
  const viewerMember = user ? await memberOfUser(user.id) : null;
  const viewer = viewerMember && !viewerMember.blocked ? 'member' : 'public';
  const moderator = viewer === 'member' && user !== null && isModerator(user.role);
  // A blocked member's profile is gone for everyone but the moderators (who may lift the block).
  const shown = member && (!member.blocked || moderator) ? visibleProfile(member, viewer) : null;
  if (!member || !shown) throw new Response('Dieses Profil gibt es nicht oder es ist nicht öffentlich.', { status: 404 });
  const own = viewerMember?.id === member.id;
  // Only the blocker learns of a personal block here (ADR 0074); the blocked member sees the profile as before.
  const personalBlock = viewer === 'member' && viewerMember && !own ? await blockedByViewer(viewerMember.id, member.id) : false;
  return {
    personalBlock,
    notice: new URL(request.url).searchParams.get('hinweis'),
    id: member.id,
    viewer,
    moderator: moderator && viewerMember?.id !== member.id,
    blocked: member.blocked,
    own,
    name: shown.displayName ?? '',
    role: shown.role ? memberRoleLabel[shown.role] : null,
    rows: [
      shown.landkreis ? { label: visibleFieldLabel.landkreis, value: landkreisLabel[shown.landkreis] } : null,
      shown.methods?.length
        ? { label: visibleFieldLabel.methods, value: shown.methods.map((s) => methodName.get(s) ?? s).join(', ') }
        : null,
      shown.languages ? { label: visibleFieldLabel.languages, value: shown.languages } : null,
      shown.about ? { label: visibleFieldLabel.about, value: shown.about } : null,
    ].filter((r): r is { label: string; value: string } => r !== null),
  };
}

/**
 * Every member blocks another member for themselves, or lifts that block (intents `personal-block`,
 * `personal-unblock`, ADR 0074). Moderators (advisors) block a member site-wide with a reason, or
 * lift that block (issue 20 Nr. 5); audited.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  // The CSRF check comes before the membership check, so a forged form never learns who is a member.
  await requireUser(request);
  const form = await readProtectedForm(request);
  const { user, member: self, moderator } = await requireMember(request);
  const intent = form.get('intent');
  const personal = intent === 'personal-block' || intent === 'personal-unblock';
  if (!personal && !moderator) throw new Response('Nur die Moderation des Netzwerks darf Mitglieder sperren.', { status: 403 });
  const member = await memberByParam(params.id);
  // A member blocked by the moderators is gone for other members, as in the loader.
  if (!member || (member.blocked && !moderator)) throw new Response('Dieses Profil gibt es nicht.', { status: 404 });
  if (personal) {
    const refused = refuseBlock(self.id, member.id);
    if (refused) return data({ personalError: refused, error: null, reason: '' }, { status: 400 });
    await setPersonalBlock(self.id, member.id, intent === 'personal-block');
    const notice = intent === 'personal-block' ? 'blockiert' : 'blockierung-aufgehoben';
    // "Blockierung aufheben" on the own profile page returns there.
    if (form.get('zurueck') === 'profil') return redirect(`/netzwerk/profil?hinweis=${notice}`);
    return redirect(`/netzwerk/mitglieder/${member.id}?hinweis=${notice}`);
  }
  if (member.id === self.id)
    return data({ personalError: null, error: 'Sie können sich nicht selbst sperren.', reason: '' }, { status: 400 });
  const unblock = form.get('intent') === 'unblock';
  const reason = cleanText(String(form.get('reason') ?? ''));
  if (!unblock && (reason.length < 5 || reason.length > 500))
    return data(
      {
        personalError: null,
        error: 'Bitte nennen Sie den Grund der Sperre (5 bis 500 Zeichen); er steht im Protokoll.',
        reason: String(form.get('reason') ?? ''),
      },
      { status: 400 },
    );
  await setSiteBlock(user, member.id, unblock ? null : reason);
  return redirect(`/netzwerk/mitglieder/${member.id}`);
}

const personalNotices: Record<string, string> = {
  blockiert: 'Sie haben dieses Mitglied blockiert.',
  'blockierung-aufgehoben': 'Die Blockierung ist aufgehoben.',
};

export default function MemberProfilePage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <p className="caption">
        {d.viewer === 'member' ? <Link to="/netzwerk/mitglieder">Mitglieder finden</Link> : <Link to="/netzwerk">EBBS-Netzwerk</Link>}
      </p>
      <h1>{d.name}</h1>
      {d.role ? <p>{d.role}</p> : null}
      {d.notice && personalNotices[d.notice] ? (
        <div className="notice notice--success" role="status">
          <p>{personalNotices[d.notice]}</p>
        </div>
      ) : null}
      {actionData?.personalError ? (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <p>{actionData.personalError}</p>
        </div>
      ) : null}
      {d.viewer === 'member' && !d.own && !d.blocked && !d.personalBlock ? (
        <p>
          <Link to={`/netzwerk/nachrichten/${d.id}`}>Nachricht schreiben</Link>
        </p>
      ) : null}
      {d.viewer === 'public' ? <p className="caption">Sie sehen nur die Angaben, die dieses Mitglied öffentlich gemacht hat.</p> : null}
      {d.rows.length ? (
        <dl className="summary-list">
          {d.rows.map((r) => (
            <div key={r.label} className="summary-list__row">
              <dt>{r.label}</dt>
              <dd className="preserve-lines">{r.value}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p>Keine weiteren Angaben.</p>
      )}
      {d.moderator ? (
        <>
          <h2>Moderation</h2>
          {actionData?.error ? (
            <div className="error-summary" role="alert" tabIndex={-1}>
              {/* With the block form shown, the reason stands at its field; otherwise here. */}
              <p>{d.blocked ? actionData.error : 'Die Sperre wurde nicht gespeichert. Bitte prüfen Sie die Angabe unten.'}</p>
            </div>
          ) : null}
          {d.blocked ? (
            <>
              <p>Dieses Mitglied ist gesperrt und sieht keine Inhalte des Netzwerks.</p>
              <PostForm aria-label="Sperre aufheben">
                <button type="submit" className="button button--secondary" name="intent" value="unblock">
                  Sperre aufheben
                </button>
              </PostForm>
            </>
          ) : (
            <PostForm aria-label="Mitglied sperren">
              <div className={`field${actionData?.error ? ' field--error' : ''}`}>
                <label htmlFor="reason" className="field__label">
                  Grund der Sperre
                </label>
                {actionData?.error ? (
                  <p id="reason-error" className="field__error">
                    <span className="visually-hidden">Fehler: </span>
                    {actionData.error}
                  </p>
                ) : null}
                <input
                  id="reason"
                  name="reason"
                  className="input"
                  maxLength={500}
                  defaultValue={actionData?.reason ?? ''}
                  aria-describedby={actionData?.error ? 'reason-error' : undefined}
                />
              </div>
              <button type="submit" className="button button--secondary" name="intent" value="block">
                Mitglied sperren
              </button>
            </PostForm>
          )}
        </>
      ) : null}
      {d.viewer === 'member' && !d.own && !d.blocked ? (
        <>
          <h2>Blockieren</h2>
          {d.personalBlock ? (
            <>
              <p>
                Sie haben dieses Mitglied blockiert: Es kann Ihnen keine Nachrichten schreiben, und Erwähnungen durch es melden wir Ihnen
                nicht.
              </p>
              <PostForm aria-label="Blockierung aufheben">
                <button type="submit" className="button button--secondary" name="intent" value="personal-unblock">
                  Blockierung aufheben
                </button>
              </PostForm>
            </>
          ) : (
            <>
              <p>
                Wenn Sie dieses Mitglied blockieren, kann es Ihnen keine Nachrichten mehr schreiben, und Sie erhalten keine Hinweise oder
                E-Mails, wenn es Sie erwähnt. Das Mitglied wird darüber nicht benachrichtigt. Sie können die Blockierung jederzeit aufheben.
              </p>
              <PostForm aria-label="Mitglied blockieren">
                <button type="submit" className="button button--secondary" name="intent" value="personal-block">
                  Mitglied blockieren
                </button>
              </PostForm>
            </>
          )}
        </>
      ) : null}
      {d.own ? (
        <p>
          <Link to="/netzwerk/profil">Profil bearbeiten</Link>
        </p>
      ) : null}
    </>
  );
}
