import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { formatDateTime } from '../../machines/shared/format';
import { config } from '../config.server';
import { outboxFor } from '../konto/account.server';
import { requireUser } from '../session.server';

export const meta: MetaFunction = () => [{ title: 'Postfach (Entwicklung) – Förderlotse Bürgerbeteiligung' }];

/**
 * Development mailbox: e-mails are written to the outbox table (there is no mail server here);
 * this page shows them. A real transport would read the same table and set `sent_at`. Switched
 * off with DEV_MAILBOX=false. Everyone sees their own mails; administrators see all.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  if (!config.showDevMailbox) throw new Response('Nicht gefunden', { status: 404 });
  const user = await requireUser(request);
  const mails = await outboxFor(user);
  return {
    all: user.role === 'admin',
    mails: mails.map((m) => ({
      id: m.id,
      to: m.to_address,
      subject: m.subject,
      body: m.body,
      at: formatDateTime(m.created_at),
      sent: m.sent_at !== null,
    })),
  };
}

export default function DevMailbox() {
  const { mails, all } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Postfach (Entwicklung)</h1>
      <p>
        Hier erscheinen die E-Mails, die der Förderlotse {all ? 'verschickt hätte (alle Empfänger)' : 'Ihnen geschickt hätte'}. Es ist kein
        Mailversand angebunden; die Nachrichten liegen im Postausgang der Datenbank.
      </p>
      {mails.length === 0 ? <p>Keine E-Mails.</p> : null}
      {mails.map((m) => (
        <article key={m.id} className="mail" aria-labelledby={`mail-${m.id}`}>
          <h2 id={`mail-${m.id}`} className="heading-small">
            {m.subject}
          </h2>
          <p className="hint">
            An {m.to} · {m.at} · {m.sent ? 'versendet' : 'im Postausgang'}
          </p>
          <pre>{m.body}</pre>
        </article>
      ))}
    </>
  );
}
