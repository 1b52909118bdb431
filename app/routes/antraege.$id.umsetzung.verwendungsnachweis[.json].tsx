import type { LoaderFunctionArgs } from '@remix-run/node';
import { proofExport } from '../../machines/umsetzung/verwendungsnachweis';
import { requireApplicant } from '../session.server';
import { loadProof } from '../umsetzung/verwendungsnachweis.server';

/** The Verwendungsnachweis as JSON: the same figures as page and PDF, money in cents (own organisation only). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireApplicant(request);
  const p = await loadProof(user, params.id);
  const body = proofExport({
    facts: p.facts,
    proof: p.proof,
    numbers: p.numbers,
    problems: p.problems,
    organisation: p.organisation,
    projectTitle: p.projectTitle,
    createdAt: new Date().toISOString(),
  });
  return new Response(`${JSON.stringify(body, null, 2)}\n`, {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="verwendungsnachweis-${p.loaded.application.row.id}.json"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
