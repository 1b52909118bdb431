import { getFormProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { memberById } from '../../db/repositories/netzwerk';
import { blockBetween } from '../../db/repositories/netzwerk-blocks';
import { conversation, markRead, sentSince, storeMessage } from '../../db/repositories/netzwerk-messages';
import { notify } from '../../db/repositories/review';
import { refuseBlockedMessage } from '../../machines/netzwerk/blocks';
import { messageSchema, rateLimitMessage, refuseMessage } from '../../machines/netzwerk/messages';
import { formatDateTime } from '../../machines/shared/format';
import { ErrorSummary, TextAreaField } from '../components/fields';
import { PostForm } from '../components/forms';
import { config } from '../config.server';
import { getDb } from '../db.server';
import { requireMember } from '../netzwerk.server';
import { absoluteLink } from '../notification-texts';
import { requireUser } from '../session.server';
import { parseProtectedForm } from '../utils/forms.server';

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [
  { title: `Nachrichten mit ${d?.other.name ?? 'einem Mitglied'} – EBBS-Netzwerk – Förderlotse Bürgerbeteiligung` },
];

async function requireOther(idParam: string | undefined, selfId: number) {
  const id = idParam && /^\d{1,9}$/.test(idParam) ? Number(idParam) : null;
  const other = id === null ? null : await memberById(await getDb(), id);
  // A blocked member is gone for other members, as on the profile page.
  if (!other || other.blocked) throw new Response('Dieses Mitglied gibt es im Netzwerk nicht (mehr).', { status: 404 });
  if (other.id === selfId) throw new Response('Eine Unterhaltung mit sich selbst gibt es nicht.', { status: 404 });
  return other;
}

/** The conversation with one member (issue 20 Nr. 4); opening it marks their messages as read. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await requireMember(request);
  const other = await requireOther(params.id, member.id);
  const db = await getDb();
  const messages = await conversation(db, member.id, other.id);
  await markRead(db, member.id, other.id);
  return {
    other: { id: other.id, name: other.displayName },
    messages: messages.map((m) => ({
      id: m.id,
      mine: m.sender_id === member.id,
      body: m.body,
      at: formatDateTime(m.created_at),
    })),
    sent: new URL(request.url).searchParams.get('gesendet') === '1',
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  // The CSRF check comes before the membership check, so a forged form never learns who is a member.
  await requireUser(request);
  const { submission } = await parseProtectedForm(request, messageSchema);
  const { member } = await requireMember(request);
  const other = await requireOther(params.id, member.id);
  const refused = refuseMessage(member, other);
  if (refused) return data({ result: submission.reply({ formErrors: [refused] }) }, { status: 400 });
  const db = await getDb();
  // A personal block (ADR 0074) refuses the message with 403, the text kept; nothing reaches the blocker.
  const blocked = refuseBlockedMessage(await blockBetween(db, member.id, other.id));
  if (blocked) return data({ result: submission.reply({ formErrors: [blocked] }) }, { status: 403 });
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 });
  const flood = rateLimitMessage(await sentSince(db, member.id, new Date(Date.now() - 3_600_000)));
  if (flood) return data({ result: submission.reply({ formErrors: [flood] }) }, { status: 429 });
  await db.transaction().execute(async (trx) => {
    await storeMessage(trx, member.id, other.id, submission.value.body);
    const link = `/netzwerk/nachrichten/${member.id}`;
    await notify(trx, {
      userIds: [other.userId],
      applicationId: null,
      kind: 'netzwerk.nachricht',
      text: `Neue Nachricht im EBBS-Netzwerk von ${member.displayName}`,
      link,
      email: {
        subject: `Neue Nachricht im EBBS-Netzwerk von ${member.displayName}`,
        body: `Guten Tag,\n\n${member.displayName} hat Ihnen im EBBS-Netzwerk geschrieben. Die Nachricht lesen und beantworten Sie hier:\n${absoluteLink(config.publicUrl, link)}\n\nFörderlotse Bürgerbeteiligung`,
      },
    });
  });
  return redirect(`/netzwerk/nachrichten/${other.id}?gesendet=1#schreiben`);
}

export default function Conversation() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: 'nachricht',
    lastResult: actionData?.result,
    constraint: getZodConstraint(messageSchema),
    shouldValidate: 'onSubmit',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: messageSchema }),
  });
  return (
    <>
      <p className="caption">
        <Link to="/netzwerk/nachrichten">Nachrichten</Link> · <Link to={`/netzwerk/mitglieder/${d.other.id}`}>Profil</Link>
      </p>
      <h1>Nachrichten mit {d.other.name}</h1>
      {d.messages.length ? (
        <ol className="message-list" aria-label="Verlauf, älteste zuerst">
          {d.messages.map((m) => (
            <li key={m.id} className={m.mine ? 'message message--mine' : 'message'}>
              <p className="caption">
                {m.mine ? 'Sie' : d.other.name}, {m.at} Uhr
              </p>
              <p className="preserve-lines">{m.body}</p>
            </li>
          ))}
        </ol>
      ) : (
        <p>Noch keine Nachrichten. Schreiben Sie die erste.</p>
      )}
      <h2 id="schreiben">Nachricht schreiben</h2>
      {d.sent ? (
        <div className="notice notice--success" role="status">
          <p>Ihre Nachricht ist gesendet. {d.other.name} wird benachrichtigt.</p>
        </div>
      ) : null}
      <ErrorSummary form={form} />
      <PostForm {...getFormProps(form)} noValidate aria-labelledby="schreiben">
        <TextAreaField field={fields.body} label="Ihre Nachricht" rows={6} />
        <button type="submit" className="button">
          Senden
        </button>
      </PostForm>
    </>
  );
}
