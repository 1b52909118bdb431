import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { restoreKeptInput } from '../antrag/step.server';
import { ConflictView } from '../components/antrag/conflict';
import { requireApplicant } from '../session.server';

export const meta: MetaFunction = () => [{ title: 'Eingaben wiederherstellen – Förderlotse Bürgerbeteiligung' }];

/**
 * After signing in again: saves the input that was posted while the session had expired, then
 * shows the draft (see `restoreKeptInput`); a colleague's save in between shows the conflict view.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireApplicant(request);
  const restored = await restoreKeptInput(user, params.token ?? '');
  if (restored instanceof Response) throw restored;
  return restored;
}

export default function RestoreConflict() {
  const { conflict, id, step } = useLoaderData<typeof loader>();
  return <ConflictView conflict={conflict} id={id} step={step} />;
}
