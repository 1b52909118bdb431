/**
 * What the generic filler is asked to do (forms/fill.ts): values by field name, tables that may
 * grow beyond the template's rows, optional pages and blocks, draft marking, footers and metadata,
 * and the German texts it writes itself.
 */
import type { FontProgram } from '../pdf/font';

export type FieldValue = { type: 'text'; value: string } | { type: 'multiline'; value: string } | { type: 'checkbox'; checked: boolean };

export interface TableColumn {
  key: string;
  /** Column heading on continuation pages. */
  header: string;
}

export interface TableFill {
  /** Shown above the continuation ("Fortsetzung: Anlage 2 – A. Ausgaben"). */
  title: string;
  columns: TableColumn[];
  /** Name of the template field for a row (0-based) and column; the filler finds how many rows exist. */
  field: (row: number, column: string) => string;
  rows: Array<Record<string, string>>;
  /**
   * Rows grow with their text in the template's table area (as on continuation pages), at the
   * column's own font size, instead of shrinking text into fixed cells; what no longer fits there
   * continues on continuation pages. In an editable form the row fields move with their rows.
   */
  grow?: boolean;
  /** A money column whose page sums are carried over ("Übertrag"). */
  sum?: {
    column: string;
    /** One amount per row, in the smallest unit (cents). */
    amounts: number[];
    format: (amount: number) => string;
    /** Template field that receives the sum of the template rows when the table continues. */
    carryField?: string;
    /** Label of the last row of the continuation ("Summe der Ausgabepositionen"). */
    totalLabel: string;
  };
}

export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  keywords?: string[];
  creator?: string;
  producer?: string;
  /** BCP 47, e.g. "de-DE". */
  language: string;
  /** Creation and modification date; pass a fixed date for reproducible output. */
  createdAt: Date;
}

export interface FillRequest {
  values: Record<string, FieldValue>;
  tables?: TableFill[];
  /**
   * Leaves out every template page holding a field for which this returns true (an optional annex);
   * values and tables for the fields on those pages are ignored.
   */
  omitPagesWithFields?: (fieldName: string) => boolean;
  /**
   * Leaves out optional blocks of the template: content streams whose dictionary names the block
   * (`/FLBlock /name`) and the fields for which `omitFields` returns true.
   */
  omitBlocks?: readonly string[];
  omitFields?: (fieldName: string) => boolean;
  /** Fields a person must not change in the editable form (computed sums): set read-only. */
  readOnly?: (fieldName: string) => boolean;
  /** Marks every page (a draft): a diagonal watermark and a header line. */
  draft?: DraftMarking | null;
  /** Footer on every page, e.g. (3, 9) → "Seite 3 von 9". */
  pageLabel?: (page: number, total: number) => string;
  metadata?: PdfMetadata;
}

export interface DraftMarking {
  watermark: string;
  header: string;
}

/** Where a page of the filled document comes from. */
export type PageOrigin =
  | { kind: 'template'; templatePage: number; fields: string[] }
  | { kind: 'continuation'; templatePage: number; titles: string[] }
  | { kind: 'overflow' }
  | { kind: 'appended' };

export interface Footer {
  /** One or two lines at the left (shortened with "…" where too long). */
  left: string[];
  right: string;
}

export interface FillTexts {
  /** Heading of a field's continuation: label and page of the field. */
  overflowHeading: (label: string, page: number) => string;
  continuationTitle: (title: string) => string;
  carryIn: (page: number) => string;
  carryOut: (page: number) => string;
}

export const germanTexts: FillTexts = {
  overflowHeading: (label, page) => `Fortsetzung von Feld „${label}“ (Seite ${page})`,
  continuationTitle: (title) => `Fortsetzung: ${title}`,
  carryIn: (page) => `Übertrag von Seite ${page}`,
  carryOut: (page) => `Übertrag auf Seite ${page}`,
};

export interface FillOptions {
  /** "flatten": fields become page content (font subset); "editable": fields stay fillable. */
  variant: 'flatten' | 'editable';
  /** Default: DejaVu Sans. */
  font?: FontProgram;
  /** Smallest font size before text continues on an overflow page (default 7 pt). */
  minFontSize?: number;
  /** Size for fields whose /DA says "auto" (default 9 pt). */
  defaultFontSize?: number;
  texts?: FillTexts;
}

export class FillError extends Error {}
