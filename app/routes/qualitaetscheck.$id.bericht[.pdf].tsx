import type { LoaderFunctionArgs } from '@remix-run/node';
import { renderQualityReportPdf } from '../../forms/qualitaetscheck/index';
import { resultOf } from '../../machines/qualitaetscheck/machine';
import { loadRespondent, loadRound, organisationNameOfCheck, requireQualityCheck } from '../qualitaetscheck/quality-check.server';
import { todayInSaxony } from '../rules.server';

/** The check as PDF: the reader's own result (if they answered) and the round's combined profile. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireQualityCheck(request, params.id, 'read');
  const { check } = access;
  const [own, round] = await Promise.all([loadRespondent(access), loadRound(check)]);
  // A guest gets their own result only: the round (with its names) belongs to the organisation.
  const roundShown = access.kind !== 'guest';
  const bytes = await renderQualityReportPdf({
    title: check.title,
    organisation: await organisationNameOfCheck(check),
    content: round.content,
    own: own ? resultOf(own.snapshot, own.content, own.archive) : null,
    combined: roundShown ? round.combined : null,
    respondents: (roundShown ? round.respondents : []).flatMap((r) =>
      r.perspective && r.answered > 0 ? [{ name: r.name, perspective: r.perspective, answered: r.answered, total: r.total }] : [],
    ),
    createdAt: new Date(),
  });
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="QualitaetsCheck-${todayInSaxony()}.pdf"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
