import type { LoaderFunctionArgs } from '@remix-run/node';
import { readContentImage } from '../methoden/content-images.server';
import { editorRoles, imageIsPublic } from '../methoden/redaktion.server';
import { getUser } from '../session.server';

/**
 * A picture of a good example (ADR 0073): public once it is part of a published, not archived
 * entry; editors see the pictures of drafts too. Served with its checked type and no sniffing.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = Number(params.id);
  const found = /^\d{1,12}$/.test(params.id ?? '') ? await readContentImage(id) : null;
  if (!found) throw new Response('Nicht gefunden', { status: 404 });
  const user = await getUser(request);
  const editor = user !== null && (editorRoles as readonly string[]).includes(user.role);
  const visible = editor || (await imageIsPublic(found.row.entry_id, found.row.id));
  if (!visible) throw new Response('Nicht gefunden', { status: 404 });
  return new Response(new Uint8Array(found.bytes), {
    headers: {
      'Content-Type': found.row.media_type,
      'Content-Length': String(found.bytes.length),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': editor ? 'private, no-store' : 'public, max-age=3600',
    },
  });
}
