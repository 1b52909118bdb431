import type { LoaderFunctionArgs } from '@remix-run/node';
import { takeDownload, workbenchReaders } from '../regelwerk/workbench.server';
import { requireRole } from '../session.server';

/** The YAML case prepared by the test bench, for the user who prepared it (resource route). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, workbenchReaders);
  const download = await takeDownload(user.id, params.token ?? '');
  if (!download)
    throw new Response('Diese Datei ist nicht mehr verfügbar. Bitte laden Sie den Fall im Prüfstand noch einmal herunter.', {
      status: 404,
    });
  return new Response(download.yaml, {
    headers: {
      'Content-Type': 'application/yaml; charset=utf-8',
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(download.fileName)}`,
      'Cache-Control': 'no-store',
    },
  });
}
