import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BudgetTotals } from '../../machines/frl/application/budget';
import type { ApplicationData, OrganisationSnapshot } from '../../machines/frl/application/schema';
import type { EligibilityResult } from '../../machines/frl/engine';
import type { ParameterTable } from '../../machines/frl/parameters';
import { formatEuro } from '../../machines/shared/format';
import { fillPdf, type FieldValue, type FillRequest, type TableFill } from '../fill';
import { appendQualityAnnex, type QualityAnnexInput } from '../qualitaetscheck/index';
import { contextFor, deliberatelyEmpty, eligibilityAnnexPrefix, fieldMapping, tableMapping, documentDate, type AntragContext } from './mapping';

/**
 * The application as the official PDF: our AcroForm template (forms/antrag/template.pdf) filled
 * through the typed mapping in ./mapping.ts by the generic filler in ../fill.ts.
 */

export type PdfVariant = 'einreichung' | 'bearbeitbar';

export interface RenderApplicationInput {
  data: ApplicationData;
  /** The organisation's master data, used while the application holds no snapshot of it yet. */
  organisationFallback?: OrganisationSnapshot | null;
  totals: BudgetTotals;
  eligibility: EligibilityResult | null;
  /** Appends Anlage 3 (the eligibility result with citations); needs `eligibility`. */
  includeEligibilityAnnex: boolean;
  /** Marks every page "Entwurf" (the application is not complete yet). */
  draft: boolean;
  /** "einreichung": flattened, font subset, for submission; "bearbeitbar": form fields kept. */
  variant: PdfVariant;
  /** Document date (signature date, metadata); pass a fixed date for reproducible output. */
  createdAt: Date;
  parameters: ParameterTable;
  /** Another template file (default: forms/antrag/template.pdf or $FORMS_TEMPLATE). */
  templatePath?: string;
  /** Appends the combined profiles of QualitätsChecks attached to the draft (own page labels). */
  qualityAnnex?: readonly QualityAnnexInput[] | null;
}

export const DRAFT_WATERMARK = 'ENTWURF';
export const DRAFT_HEADER = 'Entwurf – der Antrag ist noch nicht vollständig und nicht zur Einreichung bestimmt';

export function defaultTemplatePath(): string {
  return resolve(process.env.FORMS_TEMPLATE ?? resolve(process.cwd(), 'forms/antrag/template.pdf'));
}

const templates = new Map<string, Uint8Array>();

/**
 * Reads the PDF template (cached). Throws an Error with a German message naming the path when the
 * file is missing or is not a PDF – the app calls this at start-up.
 */
export function loadTemplate(path: string = defaultTemplatePath()): Uint8Array {
  const absolute = resolve(path);
  const cached = templates.get(absolute);
  if (cached) return cached;
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(absolute));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'Die Datei fehlt' : 'Die Datei ist nicht lesbar';
    throw new Error(
      `PDF-Vorlage für den Antrag nicht gefunden: ${absolute}. ${reason}. Bitte erzeugen Sie die Vorlage mit „npm run forms:template“ ` +
        'oder setzen Sie FORMS_TEMPLATE auf den Pfad der Vorlage.',
      { cause: error },
    );
  }
  if (bytes.length < 8 || new TextDecoder().decode(bytes.subarray(0, 5)) !== '%PDF-') {
    throw new Error(`Die PDF-Vorlage für den Antrag ist keine PDF-Datei: ${absolute}. Bitte erzeugen Sie sie mit „npm run forms:template“ neu.`);
  }
  templates.set(absolute, bytes);
  return bytes;
}

/** The field values of the template for an application (exported for tests and the CLI). */
export function fieldValues(ctx: AntragContext): Record<string, FieldValue> {
  const values: Record<string, FieldValue> = {};
  for (const [name, mapper] of Object.entries(fieldMapping)) {
    const value = mapper(ctx);
    if (value) values[name] = value;
  }
  return values;
}

export function tableFills(ctx: AntragContext): TableFill[] {
  return tableMapping.map((table) => {
    const rows = table.rows(ctx);
    return {
      title: table.title,
      columns: table.columns,
      field: table.field,
      rows: rows.map((r) => Object.fromEntries(Object.entries(r.cells).map(([k, v]) => [k, v ?? '']))),
      sum: table.sum && {
        column: table.sum.column,
        amounts: rows.map((r) => r.amount ?? 0),
        format: formatEuro,
        carryField: table.sum.carryField,
        totalLabel: table.sum.totalLabel,
      },
    };
  });
}


export function fillRequestFor(input: RenderApplicationInput): FillRequest {
  const ctx = contextFor({
    data: input.data,
    organisation: input.data.applicant.organisation ?? input.organisationFallback ?? null,
    totals: input.totals,
    eligibility: input.eligibility,
    parameters: input.parameters,
    createdAt: input.createdAt,
  });
  const withAnnex = input.includeEligibilityAnnex && input.eligibility !== null;
  const organisation = ctx.organisation?.name ?? '';
  const title = input.data.project.title?.trim() || 'Vorhaben ohne Titel';
  return {
    values: fieldValues(ctx),
    tables: tableFills(ctx),
    omitPagesWithFields: withAnnex ? undefined : (name) => name.startsWith(eligibilityAnnexPrefix),
    draft: input.draft ? { watermark: DRAFT_WATERMARK, header: DRAFT_HEADER } : null,
    pageLabel: (page, total) => `Seite ${page} von ${total}`,
    metadata: {
      title: `Antrag FRL Bürgerbeteiligung – ${title}${input.draft ? ' (Entwurf)' : ''}`,
      author: organisation || 'Förderlotse Bürgerbeteiligung',
      subject: `Antrag auf Gewährung einer Zuwendung nach der FRL Bürgerbeteiligung${organisation ? ` – ${organisation}` : ''}, Stand ${documentDate(input.createdAt)}`,
      keywords: ['FRL Bürgerbeteiligung', 'Zuwendungsantrag', 'Sächsische Aufbaubank', input.variant === 'einreichung' ? 'zur Einreichung' : 'bearbeitbar'],
      language: 'de-DE',
      createdAt: input.createdAt,
    },
  };
}

/** The filled application form with its annexes, as PDF bytes. */
export async function renderApplicationPdf(input: RenderApplicationInput): Promise<Uint8Array> {
  const template = loadTemplate(input.templatePath);
  const filled = await fillPdf(template, fillRequestFor(input), { variant: input.variant === 'einreichung' ? 'flatten' : 'editable' });
  const draft = input.draft ? { watermark: DRAFT_WATERMARK, header: DRAFT_HEADER } : null;
  return input.qualityAnnex?.length ? appendQualityAnnex(filled, input.qualityAnnex, draft) : filled;
}

const transliteration: Record<string, string> = {
  ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', ß: 'ss', ẞ: 'SS',
  ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ø: 'o', Ø: 'O', æ: 'ae', Æ: 'Ae', œ: 'oe', Œ: 'Oe', þ: 'th', Þ: 'Th', ı: 'i',
};

/** "Gemeinde Wiesenbach", 22.11.2026 → "Antrag-FRL-Buergerbeteiligung-Gemeinde-Wiesenbach-2026-11-22.pdf" (ASCII only). */
export function pdfFileName(organisationName: string, date: Date): string {
  const ascii = organisationName
    .replace(/[äöüÄÖÜßẞłŁđĐøØæÆœŒþÞı]/g, (c) => transliteration[c] ?? c)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return ['Antrag-FRL-Buergerbeteiligung', ascii, documentDate(date)].filter(Boolean).join('-') + '.pdf';
}

export { deliberatelyEmpty, fieldMapping, tableMapping };
export type { AntragContext };
