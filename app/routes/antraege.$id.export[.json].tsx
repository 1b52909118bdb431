import type { LoaderFunctionArgs } from '@remix-run/node';
import { APPLICATION_JSON_SCHEMA_PATH } from '../../forms/antrag/json';
import { requireReadableApplication } from '../access.server';
import { exportDraft } from '../antrag/drafts.server';
import { config } from '../config.server';

/** GET /antraege/:id/export.json – the application as JSON with schema version (organisation and advisors). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireReadableApplication(request, params.id);
  const { row } = access.loaded;
  // The configured public address, not the request's: behind a proxy the app sees an internal host.
  const schemaUrl = `${config.publicUrl}${APPLICATION_JSON_SCHEMA_PATH}`;
  const body = await exportDraft(access, schemaUrl);
  const date = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="Antrag-${row.id}-${date}.json"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
