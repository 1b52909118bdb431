import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireReadableApplication } from '../access.server';
import { downloadAttachment } from '../antrag/attachments.server';
import { attachmentDisposition } from '../utils/file-names.server';

/** Downloads an attachment: members of the organisation and the advisors the draft was shared with. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireReadableApplication(request, params.id);
  const attachment = await downloadAttachment(access, Number(params.anlage));
  const { bytes } = attachment;
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': attachment.mimeType,
      'Content-Length': String(bytes.byteLength),
      'Content-Disposition': attachmentDisposition(attachment.fileName),
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
