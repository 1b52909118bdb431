import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { canConfirm, subscriptionStatusLabel } from '../../machines/newsletter/newsletter';
import { formatDateTime } from '../../machines/shared/format';
import { PostForm } from '../components/forms';
import { readProtectedForm } from '../csrf.server';
import { confirmSubscriptionByToken, endSubscription, subscriptionByToken } from '../newsletter/newsletter.server';
import { documentPage, loadAsDocument } from '../utils/page-scripts';

/** A public page: served as a document without React (ADR 0056). */
export const handle = documentPage;
export const clientLoader = loadAsDocument;

export const meta: MetaFunction = () => [{ title: 'Ihr Newsletter-Abonnement – Förderlotse Bürgerbeteiligung' }];

const gone = () =>
  new Response(
    'Diesen Link gibt es nicht (mehr). Wenn Sie den Newsletter abbestellt haben, ist Ihre Adresse gelöscht. Bitte prüfen Sie sonst, ob Sie den Link vollständig aus der E-Mail übernommen haben.',
    { status: 404 },
  );

const validToken = (token: string | undefined): token is string => Boolean(token && /^[A-Za-z0-9_-]{20,64}$/.test(token));

/**
 * The personal page behind the link in every newsletter e-mail (the token is the capability): confirm
 * a new subscription, or unsubscribe with one button. Opening the link changes nothing.
 */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const subscriber = validToken(params.token) ? await subscriptionByToken(params.token) : undefined;
  if (!subscriber) throw gone();
  const now = new Date().toISOString();
  const expired = subscriber.status === 'pending' && !canConfirm({ status: subscriber.status, confirmBy: subscriber.confirm_by }, now);
  return {
    email: subscriber.email,
    status: subscriber.status,
    statusLabel: expired ? 'Bestätigungsfrist abgelaufen' : subscriptionStatusLabel[subscriber.status],
    confirmBy: subscriber.confirm_by && !expired ? formatDateTime(subscriber.confirm_by) : null,
    expired,
    confirmed: new URL(request.url).searchParams.get('bestaetigt') === '1',
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readProtectedForm(request);
  if (!validToken(params.token)) throw gone();
  const intent = form.get('intent');
  if (intent === 'unsubscribe') {
    // Already deleted (a second click, another tab): the wish is fulfilled either way.
    await endSubscription(params.token);
    return redirect('/newsletter?abgemeldet=1');
  }
  // Anything else needs the subscription to exist (after an unsubscribe the page itself is gone).
  if (!(await subscriptionByToken(params.token))) throw gone();
  if (intent !== 'confirm')
    return data({ message: 'Bitte wählen Sie „Anmeldung bestätigen“ oder „Newsletter abbestellen“.' }, { status: 400 });
  const outcome = await confirmSubscriptionByToken(params.token);
  if (outcome === 'missing') throw gone();
  if (outcome === 'expired')
    return data(
      {
        message:
          'Die Frist zum Bestätigen ist abgelaufen. Bitte bestellen Sie den Newsletter noch einmal; Sie erhalten dann einen neuen Link.',
      },
      { status: 409 },
    );
  return redirect(`/newsletter/abo/${params.token}?bestaetigt=1`);
}

export default function SubscriptionPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="narrow">
      <p className="caption">
        <Link to="/newsletter">Newsletter</Link>
      </p>
      <h1>Ihr Newsletter-Abonnement</h1>
      {actionData?.message ? (
        <div className="notice notice--error" role="alert">
          <p>{actionData.message}</p>
        </div>
      ) : null}
      {d.confirmed && d.status === 'confirmed' ? (
        <div className="notice notice--success" role="status">
          <p>Vielen Dank, Ihre Anmeldung ist bestätigt. Sie erhalten ab jetzt den Newsletter.</p>
        </div>
      ) : null}
      <dl className="summary-list">
        <div>
          <dt>E-Mail-Adresse</dt>
          <dd>{d.email}</dd>
        </div>
        <div>
          <dt>Stand</dt>
          <dd>{d.statusLabel}</dd>
        </div>
        {d.confirmBy ? (
          <div>
            <dt>Bestätigen bis</dt>
            <dd>{d.confirmBy} Uhr</dd>
          </div>
        ) : null}
      </dl>
      {d.expired ? (
        <p>
          <Link to="/newsletter#anmelden">Newsletter noch einmal bestellen</Link>
        </p>
      ) : null}
      <div className="button-row">
        {d.status === 'pending' && !d.expired ? (
          <PostForm>
            <button type="submit" name="intent" value="confirm" className="button">
              Anmeldung bestätigen
            </button>
          </PostForm>
        ) : null}
        <PostForm>
          <button type="submit" name="intent" value="unsubscribe" className="button button--secondary">
            {d.status === 'confirmed' ? 'Newsletter abbestellen' : 'Anmeldung zurückziehen'}
          </button>
        </PostForm>
      </div>
    </div>
  );
}
