import type { LoaderFunctionArgs } from '@remix-run/node';
import { renderMittelabrufPdf } from '../../forms/umsetzung/mittelabruf';
import { mittelabrufPdfInput } from '../umsetzung/mittelabruf.server';
import { requireApplicant } from '../session.server';
import { requireImplementation } from '../umsetzung/implementation.server';
import { mittelabrufeOf, organisationNameOf } from '../umsetzung/records.server';

/** A recorded Mittelabruf as PDF for the SAB (own organisation only). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireApplicant(request);
  const loaded = await requireImplementation(user, params.id);
  const requests = await mittelabrufeOf(loaded.row.id);
  const index = requests.findIndex((r) => String(r.id) === params.abruf);
  const row = requests[index];
  if (!row) throw new Response('Nicht gefunden', { status: 404 });
  const bytes = await renderMittelabrufPdf(
    mittelabrufPdfInput({
      row,
      number: index + 1,
      bescheid: loaded.bescheid,
      organisation: await organisationNameOf(loaded.row.organisation_id),
      projectTitle: loaded.application.data.project.title?.trim() || 'Antrag ohne Titel',
      createdAt: new Date(row.created_at),
    }),
  );
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="Mittelabruf-${index + 1}-${row.requested_on}.pdf"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
