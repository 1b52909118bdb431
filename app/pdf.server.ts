import { recordApplicationEvent } from '../db/repositories/applications';
import { findOrganisation, organisationToData } from '../db/repositories/organisations';
import { totalsFor } from '../machines/frl/application/facts';
import { overview, type EditableStep } from '../machines/frl/application/steps';
import { pdfFileName, renderApplicationPdf, type PdfVariant } from '../forms/antrag';
import type { ApplicationAccess } from './access.server';
import { evaluateApplicationCached } from './application.server';
import { getDb } from './db.server';
import { qualityAnnexOfApplication } from './qualitaetscheck.server';

export interface PdfOptions {
  variant: PdfVariant;
  withEligibility: boolean;
  /** Append the combined profiles of the QualitätsChecks attached to the draft. */
  withQualityCheck: boolean;
}

export function pdfOptionsFrom(url: URL): PdfOptions {
  return {
    variant: url.searchParams.get('fassung') === 'bearbeitbar' ? 'bearbeitbar' : 'einreichung',
    withEligibility: url.searchParams.get('pruefung') === '1',
    withQualityCheck: url.searchParams.get('qualitaetscheck') === '1',
  };
}

/** The application as the filled PDF form; every download is logged in the draft's audit trail. */
export async function applicationPdfResponse(access: ApplicationAccess, options: PdfOptions): Promise<Response> {
  const { loaded, user } = access;
  const { data, context, row } = loaded;
  const db = await getDb();
  const organisation = await findOrganisation(db, row.organisation_id);
  const pending = Object.keys(loaded.snapshot.context.pending) as EditableStep[];
  const draft = overview(data, context, pending).some((s) => s.step !== 'pruefen' && s.status !== 'erledigt');
  const eligibility = await evaluateApplicationCached(`${row.id}:${row.version}`, data, context);
  const now = new Date();
  const bytes = await renderApplicationPdf({
    data,
    organisationFallback: organisation ? organisationToData(organisation) : null,
    totals: totalsFor(data, context.table, context.date),
    eligibility,
    includeEligibilityAnnex: options.withEligibility,
    draft,
    variant: options.variant,
    createdAt: now,
    parameters: context.table,
    qualityAnnex: options.withQualityCheck ? await qualityAnnexOfApplication(row.id) : null,
  });
  await recordApplicationEvent(db, row.id, row.version, {
    userId: user.id,
    type: 'pdf.downloaded',
    details: { variant: options.variant, draft, withEligibility: options.withEligibility, withQualityCheck: options.withQualityCheck, as: access.as },
  });
  const name = pdfFileName(data.applicant.organisation?.name || organisation?.name || 'Antrag', now);
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Length': String(bytes.byteLength),
      'Content-Disposition': `attachment; filename="${name}"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
