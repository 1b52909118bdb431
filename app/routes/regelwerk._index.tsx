import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { requireRole } from '../session.server';

export const meta: MetaFunction = () => [{ title: 'Regelwerk – Förderlotse Bürgerbeteiligung' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ['ministry', 'admin']);
  return { name: user.name };
}

export default function RulesHome() {
  const { name } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Regelwerk</h1>
      <p className="lead">Willkommen, {name}. Hier prüfen und pflegen Sie die Förderregeln der FRL Bürgerbeteiligung.</p>
    </>
  );
}
