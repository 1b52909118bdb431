import type { LoaderFunctionArgs } from '@remix-run/node';
import { recordApplicationEvent } from '../../db/repositories/applications';
import { APPLICATION_JSON_SCHEMA_PATH, exportApplication } from '../../forms/antrag/json';
import { requireReadableApplication } from '../access.server';
import { storedAttachmentsOf } from '../antrag/attachments.server';
import { config } from '../config.server';
import { getDb } from '../db.server';

/** GET /antraege/:id/export.json – the application as JSON with schema version (organisation and advisors). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireReadableApplication(request, params.id);
  const { row, data } = access.loaded;
  // The configured public address, not the request's: behind a proxy the app sees an internal host.
  const schemaUrl = `${config.publicUrl}${APPLICATION_JSON_SCHEMA_PATH}`;
  // The stored documents are listed (not included), so the PDF made from this file lists them too.
  const body = exportApplication(data, { schemaUrl, attachments: await storedAttachmentsOf(row.id) });
  await recordApplicationEvent(await getDb(), row.id, row.version, {
    userId: access.user.id,
    type: 'json.exported',
    details: { as: access.as },
  });
  const date = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="Antrag-${row.id}-${date}.json"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
