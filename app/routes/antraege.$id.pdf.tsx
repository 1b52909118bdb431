import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireReadableApplication } from '../access.server';
import { applicationPdfResponse, pdfOptionsFrom } from '../antrag/pdf.server';

/** GET /antraege/:id/pdf?fassung=einreichung|bearbeitbar[&qualitaetscheck=1] – for the organisation and its advisors. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireReadableApplication(request, params.id);
  return applicationPdfResponse(access, pdfOptionsFrom(new URL(request.url)));
}
