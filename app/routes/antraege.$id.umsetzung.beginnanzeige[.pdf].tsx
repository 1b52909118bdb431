import type { LoaderFunctionArgs } from '@remix-run/node';
import { renderBeginnanzeigePdf } from '../../forms/umsetzung/beginnanzeige';
import { loadBeginnanzeige } from '../umsetzung/beginnanzeige.server';
import { todayInSaxony } from '../rules.server';
import { requireApplicant } from '../session.server';

/** The Beginnanzeige as PDF, from the recorded start (own organisation only; without a start back to the form). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireApplicant(request);
  const today = todayInSaxony();
  const { applicationId, input } = await loadBeginnanzeige(user, params.id, new Date(), today);
  const bytes = await renderBeginnanzeigePdf(input);
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="Beginnanzeige-${applicationId}-${today}.pdf"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
