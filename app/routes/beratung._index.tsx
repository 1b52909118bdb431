import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { requireRole } from '../session.server';

export const meta: MetaFunction = () => [{ title: 'Beratung – Förderlotse Bürgerbeteiligung' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ['advisor']);
  return { name: user.name };
}

export default function AdvisorHome() {
  const { name } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Beratung</h1>
      <p className="lead">Willkommen, {name}. Hier sehen Sie die Anträge, zu denen Sie um Beratung gebeten werden.</p>
      <p>Derzeit wartet kein Antrag auf Beratung.</p>
    </>
  );
}
