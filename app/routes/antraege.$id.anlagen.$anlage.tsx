import type { LoaderFunctionArgs } from '@remix-run/node';
import { findAttachment, recordApplicationEvent } from '../../db/repositories/applications';
import { requireOwnApplication } from '../application.server';
import { readAttachmentFile } from '../attachments.server';
import { getDb } from '../db.server';
import { requireApplicant } from '../session.server';

/** Downloads an attachment; only members of the organisation (advisors see shared drafts later). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireApplicant(request);
  const loaded = await requireOwnApplication(user, params.id);
  const db = await getDb();
  const attachment = await findAttachment(db, loaded.row.id, Number(params.anlage));
  if (!attachment) throw new Response('Nicht gefunden', { status: 404 });
  const bytes = await readAttachmentFile(attachment.storage_key);
  await recordApplicationEvent(db, loaded.row.id, loaded.row.version, { userId: user.id, type: 'attachment.downloaded', step: 'anlagen', details: { attachmentId: attachment.id } });
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': attachment.mime_type,
      'Content-Length': String(bytes.byteLength),
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(attachment.file_name)}`,
      'Cache-Control': 'private, no-store',
    },
  });
}
