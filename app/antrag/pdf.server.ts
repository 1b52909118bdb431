import { recordApplicationEvent } from '../../db/repositories/applications';
import { findOrganisation, organisationToData } from '../../db/repositories/organisations';
import type { EditableStep } from '../../machines/frl/application/steps';
import { applicationPdf, applicationPdfInput, pdfFileName, type ApplicationPdfSource, type PdfVariant } from '../../forms/antrag';
import type { ApplicationAccess } from '../access.server';
import { storedAttachmentsOf } from './attachments.server';
import { getDb } from '../db.server';
import { qualityAnnexOfApplication } from '../qualitaetscheck/quality-check.server';
import { rulesOptions } from '../rules.server';

export interface PdfOptions {
  variant: PdfVariant;
  /** Append the combined profiles of the QualitätsChecks attached to the draft. */
  withQualityCheck: boolean;
}

export function pdfOptionsFrom(url: URL): PdfOptions {
  return {
    variant: url.searchParams.get('fassung') === 'bearbeitbar' ? 'bearbeitbar' : 'einreichung',
    withQualityCheck: url.searchParams.get('qualitaetscheck') === '1',
  };
}

/**
 * The application as the filled PDF form, made by the same function as `npm run forms -- fill`
 * from the same data (application, stored attachments, rules in force); every download is logged
 * in the draft's audit trail.
 */
export async function applicationPdfResponse(access: ApplicationAccess, options: PdfOptions): Promise<Response> {
  const { loaded, user } = access;
  const { data, context, row } = loaded;
  const db = await getDb();
  const organisation = await findOrganisation(db, row.organisation_id);
  const now = new Date();
  const source: ApplicationPdfSource = {
    data,
    attachments: await storedAttachmentsOf(row.id),
    organisationFallback: organisation ? organisationToData(organisation) : null,
    rules: await rulesOptions(),
    referenceDate: context.date,
    createdAt: now,
    variant: options.variant,
    pendingSteps: Object.keys(loaded.snapshot.context.pending) as EditableStep[],
    qualityAnnex: options.withQualityCheck ? await qualityAnnexOfApplication(row.id) : null,
  };
  const { draft } = applicationPdfInput(source);
  const bytes = await applicationPdf(source);
  await recordApplicationEvent(db, row.id, row.version, {
    userId: user.id,
    type: 'pdf.downloaded',
    details: { variant: options.variant, draft, withQualityCheck: options.withQualityCheck, as: access.as },
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
