import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { formatDate } from '../../machines/shared/format';
import { issueById } from '../newsletter/newsletter.server';
import { documentPage, loadAsDocument } from '../utils/page-scripts';

/** A public page: served as a document without React (ADR 0056). */
export const handle = documentPage;
export const clientLoader = loadAsDocument;

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [
  { title: `${d?.subject ?? 'Ausgabe'} – Newsletter – Förderlotse Bürgerbeteiligung` },
];

/** One sent issue in the public archive; drafts are not found here. */
export async function loader({ params }: LoaderFunctionArgs) {
  const issue = await issueById(params.id);
  if (!issue?.sent_at) throw new Response('Diese Ausgabe des Newsletters gibt es nicht.', { status: 404 });
  return { subject: issue.subject, body: issue.body, sentOn: formatDate(issue.sent_at) };
}

export default function NewsletterIssue() {
  const d = useLoaderData<typeof loader>();
  return (
    <div className="narrow">
      <p className="caption">
        <Link to="/newsletter">Newsletter</Link> · {d.sentOn}
      </p>
      <h1>{d.subject}</h1>
      <div className="prose preserve-lines">
        <p>{d.body}</p>
      </div>
      <p>
        <Link to="/newsletter#anmelden">Newsletter bestellen</Link>
      </p>
    </div>
  );
}
