import type { LoaderFunctionArgs } from '@remix-run/node';
import { findAttachment, recordApplicationEvent } from '../../db/repositories/applications';
import { requireReadableApplication } from '../access.server';
import { readAttachmentFile } from '../antrag/attachments.server';
import { getDb } from '../db.server';
import { attachmentDisposition } from '../utils/file-names.server';

/** Downloads an attachment: members of the organisation and the advisors the draft was shared with. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { loaded, user, as } = await requireReadableApplication(request, params.id);
  const db = await getDb();
  const attachment = await findAttachment(db, loaded.row.id, Number(params.anlage));
  if (!attachment) throw new Response('Nicht gefunden', { status: 404 });
  const bytes = await readAttachmentFile(attachment.storage_key);
  await recordApplicationEvent(db, loaded.row.id, loaded.row.version, {
    userId: user.id,
    type: 'attachment.downloaded',
    step: 'anlagen',
    details: { attachmentId: attachment.id, fileName: attachment.file_name, as },
  });
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': attachment.mime_type,
      'Content-Length': String(bytes.byteLength),
      'Content-Disposition': attachmentDisposition(attachment.file_name),
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
