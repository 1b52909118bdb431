import type { LoaderFunctionArgs } from '@remix-run/node';
import { renderVerwendungsnachweisPdf } from '../../forms/umsetzung/verwendungsnachweis';
import { requireApplicant } from '../session.server';
import { isComplete, loadProof, proofPdfInput } from '../umsetzung/verwendungsnachweis.server';

/** The Verwendungsnachweis as PDF (own organisation only); marked as a draft while incomplete. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireApplicant(request);
  const p = await loadProof(user, params.id);
  const bytes = await renderVerwendungsnachweisPdf(proofPdfInput(p, new Date()));
  const name = `${isComplete(p.problems) ? 'Verwendungsnachweis' : 'Verwendungsnachweis-Entwurf'}-${p.loaded.application.row.id}.pdf`;
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${name}"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
