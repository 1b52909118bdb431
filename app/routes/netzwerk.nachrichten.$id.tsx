import { getFormProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { messageSchema, refuseMessage } from '../../machines/netzwerk/messages';
import { formatDateTime } from '../../machines/shared/format';
import { ErrorSummary, TextAreaField } from '../components/fields';
import { PostForm } from '../components/forms';
import { memberByParam } from '../netzwerk/members.server';
import { blockedMessage, messageFlood, openConversation, sendMessage } from '../netzwerk/messages.server';
import { requireMember } from '../netzwerk/netzwerk.server';
import { requireUser } from '../session.server';
import { parseProtectedForm } from '../utils/forms.server';

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [
  { title: `Nachrichten mit ${d?.other.name ?? 'einem Mitglied'} – EBBS-Netzwerk – Förderlotse Bürgerbeteiligung` },
];

async function requireOther(idParam: string | undefined, selfId: number) {
  const other = await memberByParam(idParam);
  // A blocked member is gone for other members, as on the profile page.
  if (!other || other.blocked) throw new Response('Dieses Mitglied gibt es im Netzwerk nicht (mehr).', { status: 404 });
  if (other.id === selfId) throw new Response('Eine Unterhaltung mit sich selbst gibt es nicht.', { status: 404 });
  return other;
}

/** The conversation with one member (issue 20 Nr. 4); opening it marks their messages as read. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await requireMember(request);
  const other = await requireOther(params.id, member.id);
  const messages = await openConversation(member, other);
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
  // A personal block (ADR 0074) refuses the message with 403, the text kept; nothing reaches the blocker.
  const blocked = await blockedMessage(member, other);
  if (blocked) return data({ result: submission.reply({ formErrors: [blocked] }) }, { status: 403 });
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 });
  const flood = await messageFlood(member);
  if (flood) return data({ result: submission.reply({ formErrors: [flood] }) }, { status: 429 });
  await sendMessage(member, other, submission.value.body);
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
