import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BudgetTotals } from '../../machines/frl/application/budget';
import { enclosuresOf, type Enclosure, type StoredAttachment } from '../../machines/frl/application/enclosures';
import { totalsFor } from '../../machines/frl/application/facts';
import type { ApplicationData, OrganisationSnapshot } from '../../machines/frl/application/schema';
import { evaluateData } from '../../machines/frl/application/snapshot';
import { overview, type EditableStep, type StepContext } from '../../machines/frl/application/steps';
import type { EligibilityResult, EvaluateOptions } from '../../machines/frl/engine';
import type { ParameterTable } from '../../machines/frl/parameters';
import { formatDate, formatEuro } from '../../machines/shared/format';
import { FilledForm, type FieldValue, type FillRequest, type PageOrigin, type TableFill } from '../fill';
import { appendQualityAnnex, type QualityAnnexInput } from '../qualitaetscheck/index';
import { TEMPLATE_VERSION } from './template-version';
import {
  computedField,
  contextFor,
  deliberatelyEmpty,
  documentDate,
  eligibilityAnnexPrefix,
  fieldMapping,
  omittedBlocks,
  omittedField,
  sectionOfField,
  tableMapping,
  type AntragContext,
} from './mapping';

/**
 * The application as the official PDF: our AcroForm template (forms/antrag/template.pdf) filled
 * through the typed mapping in ./mapping.ts by the generic filler in ../fill.ts. `applicationPdf`
 * is the one way to it – the web download, `npm run forms -- fill` and the benchmark all call it
 * with the same kind of source (an application, its stored attachments and the rules in force).
 */

export type PdfVariant = 'einreichung' | 'bearbeitbar';

/** What the PDF is made from: exactly what the JSON export carries, plus the rules and the date. */
export interface ApplicationPdfSource {
  data: ApplicationData;
  /** The documents stored with the application (listed as enclosures, not included). */
  attachments: readonly StoredAttachment[];
  /** The organisation's master data, used while the application holds no snapshot of it yet. */
  organisationFallback?: OrganisationSnapshot | null;
  /** The rules in force (parameter table and funding calls). */
  rules: EvaluateOptions & { parameters: ParameterTable };
  /** Reference date of the eligibility check (today in Saxony), ISO. */
  referenceDate: string;
  /** Document date (metadata, footer); pass a fixed date for reproducible output. */
  createdAt: Date;
  variant: PdfVariant;
  /** Wizard steps with input that is not saved yet (a draft then stays a draft). */
  pendingSteps?: readonly EditableStep[];
  /** Appends the combined profiles of QualitätsChecks attached to the draft. */
  qualityAnnex?: readonly QualityAnnexInput[] | null;
  /** Another template file (default: forms/antrag/template.pdf or $FORMS_TEMPLATE). */
  templatePath?: string;
}

export interface RenderApplicationInput {
  data: ApplicationData;
  /** The organisation's master data, used while the application holds no snapshot of it yet. */
  organisationFallback?: OrganisationSnapshot | null;
  totals: BudgetTotals;
  /** The eligibility result for Anlage 3 (null leaves Anlage 3 out). */
  eligibility: EligibilityResult | null;
  /** Marks every page "Entwurf" (the application is not complete yet). */
  draft: boolean;
  /** "einreichung": flattened, font subset, for submission; "bearbeitbar": form fields kept. */
  variant: PdfVariant;
  /** Document date (metadata, footer); pass a fixed date for reproducible output. */
  createdAt: Date;
  parameters: ParameterTable;
  /** Reference date for dated parameters (default: the document date). */
  referenceDate?: string;
  /** The documents stored with the application. */
  attachments?: readonly StoredAttachment[];
  /** Another template file (default: forms/antrag/template.pdf or $FORMS_TEMPLATE). */
  templatePath?: string;
  /** Appends the combined profiles of QualitätsChecks attached to the draft. */
  qualityAnnex?: readonly QualityAnnexInput[] | null;
}

/** Derives what the PDF shows from the source: totals, eligibility result (Anlage 3), draft status. */
export function applicationPdfInput(source: ApplicationPdfSource): RenderApplicationInput {
  const context: StepContext = {
    table: source.rules.parameters,
    date: source.referenceDate,
    attachmentTypes: [...new Set(source.attachments.map((a) => a.type))],
  };
  const pending = [...(source.pendingSteps ?? [])];
  return {
    data: source.data,
    organisationFallback: source.organisationFallback,
    totals: totalsFor(source.data, context.table, context.date),
    eligibility: evaluateData(source.data, context, source.rules),
    draft: overview(source.data, context, pending).some((s) => s.step !== 'pruefen' && s.status !== 'erledigt'),
    variant: source.variant,
    createdAt: source.createdAt,
    parameters: source.rules.parameters,
    referenceDate: source.referenceDate,
    attachments: source.attachments,
    templatePath: source.templatePath,
    qualityAnnex: source.qualityAnnex,
  };
}

/** The application PDF from its source – the one function behind every way to get it. */
export async function applicationPdf(source: ApplicationPdfSource): Promise<Uint8Array> {
  return renderApplicationPdf(applicationPdfInput(source));
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
    throw new Error(
      `Die PDF-Vorlage für den Antrag ist keine PDF-Datei: ${absolute}. Bitte erzeugen Sie sie mit „npm run forms:template“ neu.`,
    );
  }
  templates.set(absolute, bytes);
  return bytes;
}

/** The field values of the template for an application (exported for tests and the CLI). */
export function fieldValues(ctx: AntragContext): Record<string, FieldValue> {
  const values: Record<string, FieldValue> = {};
  for (const [name, mapper] of Object.entries(fieldMapping)) {
    if (omittedField(ctx, name)) continue;
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
      grow: table.grow ?? true,
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

/** The enclosures the PDF lists (form annexes, stored documents, QualitätsCheck, missing ones). */
export function enclosuresFor(input: RenderApplicationInput): Enclosure[] {
  return enclosuresOf(input.data, input.attachments ?? [], { qualityChecks: input.qualityAnnex?.length ?? 0 });
}

export function fillRequestFor(input: RenderApplicationInput): FillRequest {
  const ctx = contextFor({
    data: input.data,
    organisation: input.data.applicant.organisation ?? input.organisationFallback ?? null,
    totals: input.totals,
    eligibility: input.eligibility,
    parameters: input.parameters,
    createdAt: input.createdAt,
    referenceDate: input.referenceDate ?? documentDate(input.createdAt),
    enclosures: enclosuresFor(input),
  });
  const withAnnex = input.eligibility !== null;
  const organisation = ctx.organisation?.name ?? '';
  const title = input.data.project.title?.trim() || 'Vorhaben ohne Titel';
  return {
    values: fieldValues(ctx),
    tables: tableFills(ctx),
    omitPagesWithFields: withAnnex ? undefined : (name) => name.startsWith(eligibilityAnnexPrefix),
    omitBlocks: omittedBlocks(ctx),
    omitFields: (name) => omittedField(ctx, name),
    readOnly: computedField,
    draft: input.draft ? { watermark: DRAFT_WATERMARK, header: DRAFT_HEADER } : null,
    metadata: {
      title: `Antrag FRL Bürgerbeteiligung – ${title}${input.draft ? ' (Entwurf)' : ''}`,
      author: organisation || 'Förderlotse Bürgerbeteiligung',
      subject: `Antrag auf Gewährung einer Zuwendung nach der FRL Bürgerbeteiligung${organisation ? ` – ${organisation}` : ''}, Stand ${documentDate(input.createdAt)}`,
      keywords: [
        'FRL Bürgerbeteiligung',
        'Zuwendungsantrag',
        'Sächsische Aufbaubank',
        input.variant === 'einreichung' ? 'zur Einreichung' : 'bearbeitbar',
      ],
      language: 'de-DE',
      createdAt: input.createdAt,
    },
  };
}

/** What the footer of a page says it belongs to. */
function sectionOf(origin: PageOrigin): string {
  if (origin.kind === 'template') {
    const sections = [...new Set(origin.fields.map(sectionOfField))];
    return sections.find((s) => s !== 'Hauptantrag') ?? 'Hauptantrag';
  }
  if (origin.kind === 'continuation') return `${origin.titles[0]?.split(' – ')[0] ?? 'Antrag'} (Fortsetzung)`;
  if (origin.kind === 'overflow') return 'Fortsetzungsblatt';
  return 'Anlage QualitätsCheck';
}

/** "Gemeinde Wiesenbach – Wiesenbach redet mit …" for the footer of every page. */
export function identification(input: RenderApplicationInput): string {
  const organisation = (input.data.applicant.organisation ?? input.organisationFallback)?.name?.trim();
  const title = input.data.project.title?.trim();
  return [organisation, title].filter(Boolean).join(' – ') || 'Antragsteller und Vorhaben noch nicht angegeben';
}

/** The filled application form with its annexes, as PDF bytes. */
export async function renderApplicationPdf(input: RenderApplicationInput): Promise<Uint8Array> {
  const template = loadTemplate(input.templatePath);
  const request = fillRequestFor(input);
  const filled = await FilledForm.fill(template, request, { variant: input.variant === 'einreichung' ? 'flatten' : 'editable' });
  if (input.qualityAnnex?.length) await appendQualityAnnex(filled.doc, input.qualityAnnex);
  // Footers last, on the finished document: every page names applicant and form, and the page
  // totals count every page there is (continuations, overflow pages and annexes included).
  const who = identification(input);
  const stand = `Stand ${formatDate(documentDate(input.createdAt))}`;
  filled.stamp({
    draft: request.draft,
    footer: (index, total, origin) => ({
      left: [`Antrag FRL Bürgerbeteiligung · ${sectionOf(origin)} · Formularstand ${TEMPLATE_VERSION} · ${stand}`, who],
      right: `Seite ${index + 1} von ${total}`,
    }),
  });
  return filled.save(request.metadata);
}

const transliteration: Record<string, string> = {
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  Ä: 'Ae',
  Ö: 'Oe',
  Ü: 'Ue',
  ß: 'ss',
  ẞ: 'SS',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ø: 'o',
  Ø: 'O',
  æ: 'ae',
  Æ: 'Ae',
  œ: 'oe',
  Œ: 'Oe',
  þ: 'th',
  Þ: 'Th',
  ı: 'i',
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
  return `${['Antrag-FRL-Buergerbeteiligung', ascii, documentDate(date)].filter(Boolean).join('-')}.pdf`;
}

export { deliberatelyEmpty, fieldMapping, tableMapping };
export type { AntragContext };
