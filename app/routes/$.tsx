import type { MetaFunction } from '@remix-run/node';

export const meta: MetaFunction = () => [{ title: 'Seite nicht gefunden – Förderlotse Bürgerbeteiligung' }];

/** Any unknown path: a German 404 inside the normal page frame. */
export function loader() {
  throw new Response('Nicht gefunden', { status: 404 });
}

export default function NotFound() {
  return null;
}
