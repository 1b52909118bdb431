import type { LoaderFunctionArgs } from '@remix-run/node';
import { renderAenderungsmitteilungPdf } from '../../forms/umsetzung/aenderungsmitteilung';
import { changesPdfInput, loadChanges } from '../umsetzung/aenderungen.server';
import { todayInSaxony } from '../rules.server';
import { requireApplicant } from '../session.server';

/** The Änderungsmitteilung as PDF, from the stored changes (own organisation only). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireApplicant(request);
  const l = await loadChanges(user, params.id);
  const today = todayInSaxony();
  const bytes = await renderAenderungsmitteilungPdf(await changesPdfInput(l, new Date(), today));
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="Aenderungsmitteilung-${l.loaded.application.row.id}-${today}.pdf"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
