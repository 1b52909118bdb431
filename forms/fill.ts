import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRef,
  PDFStream,
  PDFString,
  ParseSpeeds,
  type PDFPage,
} from 'pdf-lib';
import { Content, type Components, type TextRun } from './pdf/draw';
import { indexFields, removeFields, removePages, setCheckbox, textOf, type FieldInfo, type WidgetInfo } from './pdf/fields';
import { fitText, overflowReference, type Fit } from './pdf/fit';
import {
  dejaVuSans,
  fullFontHandle,
  fullyEmbeddedHandle,
  printableText,
  subsetFontHandle,
  type FontHandle,
  type FontProgram,
} from './pdf/font';
import { LINE_HEIGHT, measure, widthAt, wrap } from './pdf/layout';
import { collectGarbage, deflatedStream, dropForm } from './pdf/objects';

/**
 * The generic filler: any AcroForm PDF plus values by field name → a filled PDF. It embeds a
 * Unicode font, draws every appearance itself (so values look the same in every viewer and no
 * standard font ever meets a character outside WinAnsi), shrinks text down to a minimum size,
 * continues what still does not fit on overflow pages, continues tables with more rows than the
 * template on inserted pages with carried-over sums, and can flatten the result.
 */

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

const MARGIN = 50;
const TOP = 56;
const BOTTOM = 50;
const OVERFLOW_BODY_SIZE = 9;
const OVERFLOW_HEADING_SIZE = 10;
const CELL_PAD = 2;
const GREY_LINE: Components = [0.45];
const HEADER_FILL: Components = [0.9];
const CARRY_FILL: Components = [0.96];
const DRAFT_COLOUR: Components = [0.75, 0.1, 0.1];
/** Baseline of the footer (page number and the last line of the identification). */
const FOOTER_Y = 22;

const AcroFormKey = PDFName.of('AcroForm');
const DR = PDFName.of('DR');
const FontKey = PDFName.of('Font');
const APKey = PDFName.of('AP');
const ASKey = PDFName.of('AS');
const NKey = PDFName.of('N');
const VKey = PDFName.of('V');

// ---- choosing the font ---------------------------------------------------------------------------

/** Finds our font program embedded completely in the form's /DR (as the template generator does). */
function findFullyEmbedded(doc: PDFDocument, program: FontProgram): { key: string; ref: PDFRef } | null {
  const fonts = doc.catalog.lookupMaybe(AcroFormKey, PDFDict)?.lookupMaybe(DR, PDFDict)?.lookupMaybe(FontKey, PDFDict);
  if (!fonts) return null;
  for (const [name, value] of fonts.entries()) {
    if (!(value instanceof PDFRef)) continue;
    const dict = doc.context.lookupMaybe(value, PDFDict);
    if (!dict || dict.get(PDFName.of('Subtype')) !== PDFName.of('Type0')) continue;
    if (dict.get(PDFName.of('BaseFont')) !== PDFName.of(program.postscriptName)) continue;
    if (dict.get(PDFName.of('Encoding')) !== PDFName.of('Identity-H')) continue;
    const descendant = dict.lookupMaybe(PDFName.of('DescendantFonts'), PDFArray)?.lookup(0);
    if (!(descendant instanceof PDFDict) || descendant.get(PDFName.of('CIDToGIDMap')) !== PDFName.of('Identity')) continue;
    const file = descendant.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict)?.lookup(PDFName.of('FontFile2'));
    const length1 = file instanceof PDFStream ? file.dict.lookup(PDFName.of('Length1')) : undefined;
    if (length1 instanceof PDFNumber && length1.asNumber() === program.bytes.length) return { key: name.decodeText(), ref: value };
  }
  return null;
}

function chooseFont(doc: PDFDocument, program: FontProgram, variant: FillOptions['variant']): { handle: FontHandle; daKey: string | null } {
  if (variant === 'flatten') return { handle: subsetFontHandle(program, doc.context), daKey: null };
  const found = findFullyEmbedded(doc, program);
  if (found) return { handle: fullyEmbeddedHandle(program, found.ref), daKey: found.key };
  // A foreign form: embed the whole font (editing in a viewer may need any glyph) and add it to /DR.
  const handle = fullFontHandle(program, doc.context);
  let acroForm = doc.catalog.lookupMaybe(AcroFormKey, PDFDict);
  if (!acroForm) {
    acroForm = doc.context.obj({ Fields: [] });
    doc.catalog.set(AcroFormKey, doc.context.register(acroForm));
  }
  let dr = acroForm.lookupMaybe(DR, PDFDict);
  if (!dr) {
    dr = doc.context.obj({});
    acroForm.set(DR, dr);
  }
  let fonts = dr.lookupMaybe(FontKey, PDFDict);
  if (!fonts) {
    fonts = doc.context.obj({});
    dr.set(FontKey, fonts);
  }
  const key = fonts.uniqueKey(program.postscriptName.replace(/[^A-Za-z0-9]/g, ''));
  fonts.set(key, handle.ref);
  return { handle, daKey: key.decodeText() };
}

// ---- per-page drawing --------------------------------------------------------------------------

class Canvas {
  private readonly contents = new Map<PDFPage, Content>();
  private readonly fontKeys = new Map<PDFPage, string>();

  constructor(
    private readonly doc: PDFDocument,
    readonly font: FontHandle,
  ) {}

  on(page: PDFPage): Content {
    let content = this.contents.get(page);
    if (!content) {
      content = new Content();
      this.contents.set(page, content);
    }
    return content;
  }

  fontKey(page: PDFPage): string {
    let key = this.fontKeys.get(page);
    if (!key) {
      key = page.node.newFontDictionary('FLFont', this.font.ref).decodeText();
      this.fontKeys.set(page, key);
    }
    return key;
  }

  text(page: PDFPage, size: number, runs: Array<{ x: number; y: number; text: string }>, color: Components = [0]) {
    const program = this.font.program;
    const encoded = runs.filter((r) => r.text).map((r) => ({ x: r.x, y: r.y, hex: this.font.hex(printableText(r.text, program, false)) }));
    this.on(page).text(this.fontKey(page), size, encoded, color);
  }

  /** Writes each page's drawing as one more content stream, after the page's own (kept in q … Q). */
  commit() {
    const { context } = this.doc;
    for (const [page, content] of this.contents) {
      if (content.empty) continue;
      const contents = page.node.Contents();
      const open = context.register(context.stream('q'));
      const close = context.register(context.stream('Q'));
      const mine = context.register(deflatedStream(context, content.toString()));
      const existing = contents instanceof PDFArray ? contents.asArray() : contents ? [page.node.get(PDFName.of('Contents'))!] : [];
      page.node.set(PDFName.of('Contents'), context.obj([open, ...existing, close, mine]));
    }
  }
}

// ---- tables ----------------------------------------------------------------------------------

interface ColumnGeometry {
  key: string;
  header: string;
  x: number;
  width: number;
  size: number;
  alignment: 0 | 1 | 2;
}

interface TablePlan {
  table: TableFill;
  templatePage: number;
  columns: ColumnGeometry[];
  rowHeight: number;
  rest: Array<Record<string, string>>;
  restAmounts: number[];
  carried: number;
  /** Grown tables: where each template row goes (null: left out, no room). */
  slots: GrownSlot[] | null;
}

/** One template row of a grown table: a data row or an empty row at its new place. */
interface GrownSlot {
  templateRow: number;
  y: number;
  height: number;
  /** Wrapped text per column key (empty for an empty row). */
  cells: Map<string, string[]>;
  values: Record<string, string>;
}

type ContinuationItem =
  | { kind: 'title'; y: number; text: string }
  | { kind: 'header'; y: number; height: number; plan: TablePlan }
  | { kind: 'carryIn'; y: number; height: number; plan: TablePlan; amount: number; fromTemplatePage: boolean }
  | { kind: 'carryOut'; y: number; height: number; plan: TablePlan; amount: number }
  | { kind: 'total'; y: number; height: number; plan: TablePlan; amount: number }
  | { kind: 'row'; y: number; height: number; plan: TablePlan; cells: Array<{ column: ColumnGeometry; lines: string[] }> };

interface ContinuationGroup {
  templatePage: number;
  pages: ContinuationItem[][];
}

function cellLines(program: FontProgram, text: string, column: ColumnGeometry): string[] {
  const printable = printableText(text, program, true);
  if (printable === '') return [];
  const maxUnits = ((column.width - 2 * CELL_PAD) * program.unitsPerEm) / column.size;
  return wrap(program, measure(program, printable), maxUnits).map((l) => l.text);
}

function rowHeightFor(program: FontProgram, lines: number, size: number, min: number): number {
  if (lines <= 1) return min;
  return Math.max(min, (program.ascent - program.descent) * size + (lines - 1) * LINE_HEIGHT * size + 2 * CELL_PAD + 1);
}

/** Lays out the rows beyond the template's on continuation pages (positions only, no page numbers). */
function layoutContinuations(program: FontProgram, plans: TablePlan[], pageHeight: number): ContinuationGroup[] {
  const groups = new Map<number, TablePlan[]>();
  for (const plan of plans) {
    if (plan.rest.length === 0) continue;
    groups.set(plan.templatePage, [...(groups.get(plan.templatePage) ?? []), plan]);
  }
  const result: ContinuationGroup[] = [];
  for (const [templatePage, group] of [...groups].sort(([a], [b]) => a - b)) {
    const pages: ContinuationItem[][] = [];
    let page: ContinuationItem[] = [];
    let y = pageHeight - TOP;
    const newPage = () => {
      if (page.length) pages.push(page);
      page = [];
      y = pageHeight - TOP;
    };
    for (const plan of group) {
      const headerHeight = Math.max(14, Math.min(18, plan.rowHeight));
      const footerHeight = plan.table.sum ? plan.rowHeight : 0;
      const startBlock = (carry: number | null, fromTemplatePage: boolean) => {
        page.push({ kind: 'title', y: y - 12, text: plan.table.title });
        y -= 20;
        page.push({ kind: 'header', y: y - headerHeight, height: headerHeight, plan });
        y -= headerHeight;
        if (carry !== null) {
          page.push({ kind: 'carryIn', y: y - plan.rowHeight, height: plan.rowHeight, plan, amount: carry, fromTemplatePage });
          y -= plan.rowHeight;
        }
      };
      // A further table starts on the same page when its title, header, carry, a row and the sum fit.
      if (page.length && y - (32 + headerHeight + 3 * plan.rowHeight) < BOTTOM) newPage();
      else if (page.length) y -= 12;
      let running = plan.carried;
      startBlock(plan.table.sum ? running : null, true);
      plan.rest.forEach((row, index) => {
        const cells = plan.columns.map((column) => ({ column, lines: cellLines(program, row[column.key] ?? '', column) }));
        const height = Math.max(...cells.map((c) => rowHeightFor(program, c.lines.length, c.column.size, plan.rowHeight)));
        if (y - height - footerHeight < BOTTOM) {
          if (plan.table.sum) page.push({ kind: 'carryOut', y: y - plan.rowHeight, height: plan.rowHeight, plan, amount: running });
          newPage();
          startBlock(plan.table.sum ? running : null, false);
        }
        page.push({ kind: 'row', y: y - height, height, plan, cells });
        y -= height;
        running += plan.restAmounts[index] ?? 0;
      });
      if (plan.table.sum) {
        page.push({ kind: 'total', y: y - plan.rowHeight, height: plan.rowHeight, plan, amount: running });
        y -= plan.rowHeight;
      }
    }
    newPage();
    result.push({ templatePage, pages });
  }
  return result;
}

function drawContinuationPage(
  canvas: Canvas,
  page: PDFPage,
  items: ContinuationItem[],
  texts: FillTexts,
  numbers: { templatePage: number; page: number },
) {
  const program = canvas.font.program;
  const content = canvas.on(page);
  const middle = (y: number, height: number, size: number) => y + height / 2 - ((program.ascent + program.descent) / 2) * size;
  for (const item of items) {
    if (item.kind === 'title') {
      canvas.text(page, 10, [{ x: MARGIN, y: item.y, text: texts.continuationTitle(item.text) }]);
      continue;
    }
    const { plan } = item;
    const left = plan.columns[0]!.x;
    const last = plan.columns[plan.columns.length - 1]!;
    const right = last.x + last.width;
    const size = plan.columns[0]!.size;
    if (item.kind === 'header') {
      content.filledRect(left, item.y, right - left, item.height, HEADER_FILL);
      for (const column of plan.columns) {
        const s = Math.min(7.5, column.size);
        canvas.text(page, s, [{ x: column.x + CELL_PAD, y: middle(item.y, item.height, s), text: column.header }]);
      }
      content.strokedRect(left, item.y, right - left, item.height, GREY_LINE, 0.5);
      continue;
    }
    if (item.kind === 'row') {
      for (const cell of item.cells) {
        const s = cell.column.size;
        const inner = cell.column.width - 2 * CELL_PAD;
        // One line sits in the middle of the row, several start at the top.
        let y = cell.lines.length <= 1 ? middle(item.y, item.height, s) : item.y + item.height - CELL_PAD - program.ascent * s;
        const runs = cell.lines.map((text) => {
          const w = widthAt(program, text, s);
          const x =
            cell.column.alignment === 2
              ? cell.column.x + CELL_PAD + inner - w
              : cell.column.alignment === 1
                ? cell.column.x + CELL_PAD + (inner - w) / 2
                : cell.column.x + CELL_PAD;
          const run = { x, y, text };
          y -= LINE_HEIGHT * s;
          return run;
        });
        canvas.text(page, s, runs);
        content.strokedRect(cell.column.x, item.y, cell.column.width, item.height, GREY_LINE, 0.5);
      }
      continue;
    }
    // Carry-over and total rows: the label on the left, the amount in the sum column.
    const sum = plan.table.sum!;
    const sumColumn = plan.columns.find((c) => c.key === sum.column) ?? last;
    const label =
      item.kind === 'carryIn'
        ? texts.carryIn(item.fromTemplatePage ? numbers.templatePage : numbers.page - 1)
        : item.kind === 'carryOut'
          ? texts.carryOut(numbers.page + 1)
          : sum.totalLabel;
    const amount = printableText(sum.format(item.amount), program, false);
    content.filledRect(left, item.y, right - left, item.height, item.kind === 'total' ? HEADER_FILL : CARRY_FILL);
    const y = middle(item.y, item.height, size);
    canvas.text(page, size, [
      { x: left + CELL_PAD, y, text: label },
      { x: sumColumn.x + sumColumn.width - CELL_PAD - widthAt(program, amount, size), y, text: amount },
    ]);
    content.strokedRect(left, item.y, right - left, item.height, GREY_LINE, 0.5);
  }
}

// ---- overflow pages ---------------------------------------------------------------------------

interface OverflowItem {
  info: FieldInfo;
  widget: WidgetInfo;
  /** 1-based page of the field in the output. */
  fieldPage: number;
  text: string;
  startPage: number;
}

type OverflowLine = { size: number; y: number; text: string } | { rule: true; y: number };

function layoutOverflow(
  program: FontProgram,
  items: OverflowItem[],
  texts: FillTexts,
  pageWidth: number,
  pageHeight: number,
  firstPageNumber: number,
): OverflowLine[][] {
  const pages: OverflowLine[][] = [];
  const width = pageWidth - 2 * MARGIN;
  let page: OverflowLine[] = [];
  let y = pageHeight - TOP;
  const newPage = () => {
    pages.push(page);
    page = [];
    y = pageHeight - TOP;
  };
  const lineHeight = (size: number) => size * LINE_HEIGHT;
  for (const item of items) {
    const heading = printableText(texts.overflowHeading(item.info.label ?? item.info.name, item.fieldPage), program, false);
    const headingLines = wrap(program, measure(program, heading), (width * program.unitsPerEm) / OVERFLOW_HEADING_SIZE);
    const body = wrap(program, measure(program, item.text), (width * program.unitsPerEm) / OVERFLOW_BODY_SIZE);
    const needed = headingLines.length * lineHeight(OVERFLOW_HEADING_SIZE) + 8 + 2 * lineHeight(OVERFLOW_BODY_SIZE);
    if (page.length && y - needed < BOTTOM) newPage();
    else if (page.length) y -= 14;
    item.startPage = firstPageNumber + pages.length;
    const placeHeading = () => {
      for (const l of headingLines) {
        y -= lineHeight(OVERFLOW_HEADING_SIZE);
        page.push({ size: OVERFLOW_HEADING_SIZE, y, text: l.text });
      }
      y -= 6;
      page.push({ rule: true, y: y + 2 });
    };
    placeHeading();
    for (const l of body) {
      if (y - lineHeight(OVERFLOW_BODY_SIZE) < BOTTOM) {
        newPage();
        placeHeading();
      }
      y -= lineHeight(OVERFLOW_BODY_SIZE);
      if (l.text) page.push({ size: OVERFLOW_BODY_SIZE, y, text: l.text });
    }
  }
  if (page.length) pages.push(page);
  return pages;
}

// ---- appearances ---------------------------------------------------------------------------------

/** Air between border and text: 2 pt at the sides, 1 pt above and below. */
function paddingOf(widget: WidgetInfo): { paddingX: number; paddingY: number } {
  return { paddingX: widget.borderWidth + 2, paddingY: widget.borderWidth + 1 };
}

/** The appearance of a text field: background, border and the fitted lines (plus a reference). */
function textAppearance(
  font: FontHandle,
  fontKey: string,
  info: FieldInfo,
  widget: WidgetInfo,
  fit: Fit | null,
  reference: string | null,
): Content {
  const { program } = font;
  const { width, height } = widget.rect;
  const bw = widget.borderWidth;
  const content = new Content();
  if (widget.backgroundColor) content.filledRect(0, 0, width, height, widget.backgroundColor);
  if (widget.borderColor && bw > 0) content.strokedRect(0, 0, width, height, widget.borderColor, bw);
  content.beginTx();
  if (fit && (fit.lines.length > 0 || reference)) {
    const size = fit.size;
    const { paddingX, paddingY } = paddingOf(widget);
    const inner = width - 2 * paddingX;
    const xFor = (lineText: string) => {
      if (info.alignment === 0) return paddingX;
      const w = widthAt(program, lineText, size);
      return info.alignment === 1 ? paddingX + (inner - w) / 2 : paddingX + inner - w;
    };
    const runs: TextRun[] = [];
    if (info.multiline) {
      const lines = fit.lines.map((l) => l.text);
      if (reference) lines.push(reference);
      const block = (program.ascent - program.descent) * size + (lines.length - 1) * LINE_HEIGHT * size;
      // Small boxes (table cells) centre their lines vertically; larger ones start at the top.
      const small = height < 3 * LINE_HEIGHT * (info.fontSize ?? size) + 2 * paddingY;
      const top = small ? height - Math.max(paddingY, (height - block) / 2) : height - paddingY;
      let y = top - program.ascent * size;
      for (const lineText of lines) {
        if (lineText) runs.push({ x: xFor(lineText), y, hex: font.hex(lineText) });
        y -= LINE_HEIGHT * size;
      }
    } else {
      const lineText = (fit.lines[0]?.text ?? '') + (reference ?? '');
      const y = height / 2 - ((program.ascent + program.descent) / 2) * size;
      runs.push({ x: xFor(lineText), y, hex: font.hex(lineText) });
    }
    content.text(fontKey, size, runs, [0], { x: bw, y: bw, width: width - 2 * bw, height: height - 2 * bw });
  }
  return content.endTx();
}

/** The normal appearance stream of a widget for its current state (checkboxes: /AS). */
function appearanceStream(doc: PDFDocument, widget: WidgetInfo): { ref: PDFRef; stream: PDFStream } | null {
  const ap = widget.dict.lookupMaybe(APKey, PDFDict);
  if (!ap) return null;
  let normal = ap.get(NKey);
  const resolved = doc.context.lookup(normal);
  if (resolved instanceof PDFDict) {
    const state = widget.dict.get(ASKey);
    normal = state instanceof PDFName ? resolved.get(state) : undefined;
  }
  if (!(normal instanceof PDFRef)) return null;
  const stream = doc.context.lookup(normal);
  return stream instanceof PDFStream ? { ref: normal, stream } : null;
}

/** Places an appearance XObject on the page so that its (transformed) BBox fills the widget rect. */
function placeAppearance(canvas: Canvas, page: PDFPage, widget: WidgetInfo, ref: PDFRef, stream: PDFStream) {
  const numbersOf = (key: string, fallback: number[]) => {
    const array = stream.dict.lookupMaybe(PDFName.of(key), PDFArray);
    return array ? array.asArray().map((n) => (n instanceof PDFNumber ? n.asNumber() : 0)) : fallback;
  };
  const [bx1, by1, bx2, by2] = numbersOf('BBox', [0, 0, widget.rect.width, widget.rect.height]) as [number, number, number, number];
  const [a, b, c, d, e, f] = numbersOf('Matrix', [1, 0, 0, 1, 0, 0]) as [number, number, number, number, number, number];
  const corners = [
    [bx1, by1],
    [bx2, by1],
    [bx1, by2],
    [bx2, by2],
  ].map(([x, y]) => [a * x! + c * y! + e, b * x! + d * y! + f] as const);
  const xs = corners.map((p) => p[0]);
  const ys = corners.map((p) => p[1]);
  const x0 = Math.min(...xs);
  const y0 = Math.min(...ys);
  const sx = widget.rect.width / Math.max(1e-6, Math.max(...xs) - x0);
  const sy = widget.rect.height / Math.max(1e-6, Math.max(...ys) - y0);
  const key = page.node.newXObject('FLWidget', ref).decodeText();
  canvas
    .on(page)
    .save()
    .transform(sx, 0, 0, sy, widget.rect.x - x0 * sx, widget.rect.y - y0 * sy)
    .drawXObject(key)
    .restore();
}

// ---- the filler ------------------------------------------------------------------------------

function assertValueFits(info: FieldInfo, value: FieldValue): void {
  if ((value.type === 'text' || value.type === 'multiline') && info.kind !== 'text') {
    throw new FillError(`Das Feld „${info.name}“ ist kein Textfeld (Typ: ${info.kind}).`);
  }
  if (value.type === 'checkbox' && info.kind !== 'checkbox') {
    throw new FillError(`Das Feld „${info.name}“ ist kein Kontrollkästchen (Typ: ${info.kind}).`);
  }
}

interface Fitted {
  info: FieldInfo;
  widget: WidgetInfo;
  /** Whether the request sets this field (otherwise it keeps the template's value). */
  given: boolean;
  text: string;
  fit: Fit | null;
  overflow: OverflowItem | null;
}

/** Lays out a grown table's data rows in the template's table area; returns the slots and how many rows fit. */
function growRows(
  program: FontProgram,
  plan: Omit<TablePlan, 'slots' | 'rest' | 'restAmounts' | 'carried'>,
  templateRows: number,
  top: number,
  bottom: number,
): { slots: GrownSlot[]; placed: number } {
  const slots: GrownSlot[] = [];
  let y = top;
  let placed = 0;
  for (const row of plan.table.rows) {
    if (slots.length >= templateRows) break;
    const cells = new Map(plan.columns.map((column) => [column.key, cellLines(program, row[column.key] ?? '', column)] as const));
    const height = Math.max(...plan.columns.map((c) => rowHeightFor(program, cells.get(c.key)!.length, c.size, plan.rowHeight)));
    if (y - height < bottom - 0.5) break;
    slots.push({ templateRow: slots.length, y: y - height, height, cells, values: row });
    y -= height;
    placed += 1;
  }
  // The template rows left over stay as empty rows where there is room (to fill in by hand).
  while (slots.length < templateRows && y - plan.rowHeight >= bottom - 0.5) {
    slots.push({ templateRow: slots.length, y: y - plan.rowHeight, height: plan.rowHeight, cells: new Map(), values: {} });
    y -= plan.rowHeight;
  }
  return { slots, placed };
}

/**
 * Lets other requests of the server run (a PDF of the longest texts takes about a second of CPU):
 * the filler yields between its phases and every few dozen fields.
 */
export const nextTurn = () => new Promise<void>((resolveTurn) => setImmediate(resolveTurn));
const FIELDS_PER_TURN = 60;

const FfKey = PDFName.of('Ff');
const READ_ONLY = 1;
const MULTILINE = 1 << 12;

function setFlag(info: FieldInfo, flag: number) {
  const current = info.dict.lookup(FfKey);
  const value = current instanceof PDFNumber ? current.asNumber() : 0;
  info.dict.set(FfKey, PDFNumber.of(value | flag));
}

/**
 * A filled form before it is saved: pages may still be appended (an annex), then `stamp` draws
 * the draft marking and the footers on every page of the finished document and `save` writes it.
 */
export class FilledForm {
  private constructor(
    readonly doc: PDFDocument,
    private readonly canvas: Canvas,
    private readonly font: FontHandle,
    private readonly flatten: boolean,
    /** The origin of each page the filler made; pages appended later are 'appended'. */
    private readonly origins: PageOrigin[],
  ) {}

  static async fill(pdf: Uint8Array, request: FillRequest, options: FillOptions): Promise<FilledForm> {
    const doc = await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
    await nextTurn();
    const program = options.font ?? dejaVuSans();
    const minSize = options.minFontSize ?? 7;
    const defaultSize = options.defaultFontSize ?? 9;
    const texts = options.texts ?? germanTexts;
    const flatten = options.variant === 'flatten';

    // Optional pages (an annex) and optional blocks go first, with their fields.
    const omitted = new Set<string>();
    if (request.omitPagesWithFields) {
      const predicate = request.omitPagesWithFields;
      const before = indexFields(doc);
      const drop = new Set(before.filter((f) => predicate(f.name)).flatMap((f) => f.widgets.map((w) => w.pageIndex)));
      drop.delete(-1);
      for (const f of before) if (f.widgets.length && f.widgets.every((w) => drop.has(w.pageIndex))) omitted.add(f.name);
      if (drop.size) removePages(doc, [...drop]);
    }
    if (request.omitFields) {
      const gone = indexFields(doc).filter((f) => request.omitFields!(f.name));
      removeFields(doc, gone);
      for (const f of gone) omitted.add(f.name);
    }
    if (request.omitBlocks?.length) removeBlocks(doc, request.omitBlocks);
    const fields = indexFields(doc);
    const byName = new Map(fields.map((f) => [f.name, f]));
    const templatePageFields = doc.getPages().map(() => [] as string[]);
    for (const f of fields) for (const w of f.widgets) if (w.pageIndex >= 0) templatePageFields[w.pageIndex]!.push(f.name);

    // Values, including the template rows of tables.
    const values = new Map<string, FieldValue>();
    for (const [name, value] of Object.entries(request.values)) {
      if (omitted.has(name)) continue;
      const info = byName.get(name);
      if (!info) throw new FillError(`Das Feld „${name}“ gibt es in der PDF-Vorlage nicht.`);
      assertValueFits(info, value);
      values.set(name, value);
    }
    const plans: TablePlan[] = [];
    /** Template fields of grown tables: placed by their table, not fitted one by one. */
    const grownFields = new Set<string>();
    for (const table of request.tables ?? []) {
      const first = table.columns[0];
      if (!first || omitted.has(table.field(0, first.key))) continue;
      let templateRows = 0;
      while (byName.has(table.field(templateRows, first.key))) templateRows += 1;
      if (templateRows === 0)
        throw new FillError(`Die Tabelle „${table.title}“ hat in der PDF-Vorlage keine Zeilen (erwartet: ${table.field(0, first.key)}).`);
      const columns: ColumnGeometry[] = table.columns.map((column) => {
        const info = byName.get(table.field(0, column.key));
        const widget = info?.widgets[0];
        if (!info || !widget) throw new FillError(`Die Tabelle „${table.title}“ hat keine Spalte „${column.key}“ in der PDF-Vorlage.`);
        return {
          key: column.key,
          header: column.header,
          x: widget.rect.x,
          width: widget.rect.width,
          size: info.fontSize ?? defaultSize,
          alignment: info.alignment,
        };
      });
      const firstWidget = byName.get(table.field(0, first.key))!.widgets[0]!;
      const lastWidget = byName.get(table.field(templateRows - 1, first.key))!.widgets[0]!;
      const second = byName.get(table.field(1, first.key))?.widgets[0];
      const rowHeight = second ? Math.abs(firstWidget.rect.y - second.rect.y) : firstWidget.rect.height + 2;
      const base = { table, templatePage: firstWidget.pageIndex, columns, rowHeight };
      let slots: GrownSlot[] | null = null;
      let inTemplate = templateRows;
      if (table.grow) {
        const grown = growRows(program, base, templateRows, firstWidget.rect.y + firstWidget.rect.height, lastWidget.rect.y);
        slots = grown.slots;
        inTemplate = grown.placed;
        for (let r = 0; r < templateRows; r += 1) for (const column of table.columns) grownFields.add(table.field(r, column.key));
      } else {
        table.rows.slice(0, templateRows).forEach((row, r) => {
          for (const column of table.columns) {
            const name = table.field(r, column.key);
            const text = row[column.key];
            if (text && byName.has(name)) values.set(name, { type: 'text', value: text });
          }
        });
      }
      const amounts = table.sum?.amounts ?? [];
      const carried = amounts.slice(0, inTemplate).reduce((sum, a) => sum + a, 0);
      const rest = table.rows.slice(inTemplate);
      if (rest.length && table.sum?.carryField) {
        if (!byName.has(table.sum.carryField)) throw new FillError(`Das Feld „${table.sum.carryField}“ gibt es in der PDF-Vorlage nicht.`);
        values.set(table.sum.carryField, { type: 'text', value: table.sum.format(carried) });
      }
      plans.push({ ...base, rest, restAmounts: amounts.slice(inTemplate), carried, slots });
    }

    const { handle: font, daKey } = chooseFont(doc, program, options.variant);
    const canvas = new Canvas(doc, font);
    await nextTurn();

    // Continuation pages for tables go right after the template page of the table.
    const { width: pageWidth, height: pageHeight } = doc.getPage(0).getSize();
    const groups = layoutContinuations(program, plans, pageHeight);
    const finalIndex = (templatePage: number) =>
      templatePage + groups.filter((g) => g.templatePage < templatePage).reduce((sum, g) => sum + g.pages.length, 0);
    const origins: PageOrigin[] = templatePageFields.map((names, templatePage) => ({ kind: 'template', templatePage, fields: names }));
    for (const group of [...groups].sort((a, b) => b.templatePage - a.templatePage)) {
      const size = doc.getPage(group.templatePage).getSize();
      group.pages.forEach((items, j) => {
        doc.insertPage(group.templatePage + 1 + j, [size.width, size.height]);
        const titles = items.flatMap((item) => (item.kind === 'title' ? [item.text] : []));
        origins.splice(group.templatePage + 1 + j, 0, { kind: 'continuation', templatePage: group.templatePage, titles });
      });
    }
    const pagesBeforeOverflow = doc.getPageCount();

    // Fit every text field; what does not fit becomes an overflow item.
    const fitted: Fitted[] = [];
    const overflowItems: OverflowItem[] = [];
    let sinceTurn = 0;
    for (const info of fields) {
      if (info.kind !== 'text' || grownFields.has(info.name)) continue;
      if (++sinceTurn % FIELDS_PER_TURN === 0) await nextTurn();
      const value = values.get(info.name);
      // A field the request does not set keeps the template's value (flattening draws it anew).
      const raw = value ? (value.type === 'checkbox' ? '' : value.value) : (textOf(info.dict.lookup(VKey)) ?? '');
      const text = printableText(raw, program, info.multiline && (value ? value.type === 'multiline' : true));
      let overflow: OverflowItem | null = null;
      for (const widget of info.widgets) {
        if (widget.pageIndex < 0) continue;
        const maxSize = info.fontSize ?? defaultSize;
        const box = { width: widget.rect.width, height: widget.rect.height, ...paddingOf(widget) };
        const fit = text ? fitText(program, text, box, { maxSize, minSize: Math.min(minSize, maxSize), multiline: info.multiline }) : null;
        if (fit?.overflowFrom != null && !overflow) {
          overflow = { info, widget, fieldPage: finalIndex(widget.pageIndex) + 1, text: `… ${text.slice(fit.overflowFrom)}`, startPage: 0 };
          overflowItems.push(overflow);
        }
        fitted.push({ info, widget, given: value !== undefined, text, fit, overflow: fit?.overflowFrom != null ? overflow : null });
      }
    }
    await nextTurn();
    overflowItems.sort((a, b) => a.fieldPage - b.fieldPage || b.widget.rect.y - a.widget.rect.y || a.widget.rect.x - b.widget.rect.x);
    const overflowPages = layoutOverflow(program, overflowItems, texts, pageWidth, pageHeight, pagesBeforeOverflow + 1);
    for (const lines of overflowPages) {
      const page = doc.addPage([pageWidth, pageHeight]);
      origins.push({ kind: 'overflow' });
      for (const line of lines) {
        if ('rule' in line) canvas.on(page).line(MARGIN, line.y, pageWidth - MARGIN, line.y, GREY_LINE, 0.5);
        else canvas.text(page, line.size, [{ x: MARGIN, y: line.y, text: line.text }]);
      }
    }
    const pages = doc.getPages();

    for (const group of groups) {
      const base = finalIndex(group.templatePage);
      group.pages.forEach((items, j) =>
        drawContinuationPage(canvas, pages[base + 1 + j]!, items, texts, { templatePage: base + 1, page: base + 2 + j }),
      );
    }

    const pageOf = (widget: WidgetInfo) => pages[finalIndex(widget.pageIndex)]!;
    /** An appearance as the widget's own stream (editable) with /DA naming the field font. */
    const setAppearance = (widget: WidgetInfo, appearance: Content, size: number) => {
      const key = daKey!;
      const stream = deflatedStream(doc.context, appearance.toString(), {
        Type: 'XObject',
        Subtype: 'Form',
        BBox: [0, 0, widget.rect.width, widget.rect.height],
        Resources: { Font: { [key]: font.ref } },
      });
      widget.dict.set(APKey, doc.context.obj({ N: doc.context.register(stream) }));
      widget.dict.set(PDFName.of('DA'), PDFString.of(`/${key} ${Math.round(size * 10) / 10} Tf 0 g`));
    };

    await nextTurn();
    // Field appearances: drawn into the page (flatten) or as the widget's appearance stream.
    for (const entry of fitted) {
      // An editable form keeps the template's appearance of a field the request does not set.
      if (!flatten && !entry.given) continue;
      const reference = entry.overflow ? overflowReference(entry.overflow.startPage, entry.info.multiline) : null;
      const page = pageOf(entry.widget);
      if (flatten) {
        if (entry.widget.hidden) continue;
        const appearance = textAppearance(font, canvas.fontKey(page), entry.info, entry.widget, entry.fit, reference);
        canvas.on(page).save().translate(entry.widget.rect.x, entry.widget.rect.y).append(appearance).restore();
        continue;
      }
      setAppearance(
        entry.widget,
        textAppearance(font, daKey!, entry.info, entry.widget, entry.fit, reference),
        entry.fit?.size ?? entry.info.fontSize ?? defaultSize,
      );
    }

    // Grown tables: each template row at its new place, in the column's size; rows without room go.
    const unused: FieldInfo[] = [];
    for (const plan of plans) {
      if (!plan.slots) continue;
      const page = pages[finalIndex(plan.templatePage)]!;
      for (const slot of plan.slots) {
        for (const column of plan.columns) {
          const info = byName.get(plan.table.field(slot.templateRow, column.key))!;
          const widget = info.widgets[0]!;
          const lines = slot.cells.get(column.key) ?? [];
          const moved: WidgetInfo = { ...widget, rect: { x: widget.rect.x, y: slot.y, width: widget.rect.width, height: slot.height } };
          const fit: Fit | null = lines.length
            ? { size: column.size, lines: lines.map((text) => ({ text, start: 0, end: text.length })), overflowFrom: null }
            : null;
          const multiline = lines.length > 1 || info.multiline;
          const cell = { ...info, multiline } as FieldInfo;
          if (flatten) {
            const appearance = textAppearance(font, canvas.fontKey(page), cell, moved, fit, null);
            canvas.on(page).save().translate(moved.rect.x, moved.rect.y).append(appearance).restore();
            continue;
          }
          widget.dict.set(
            PDFName.of('Rect'),
            doc.context.obj([moved.rect.x, moved.rect.y, moved.rect.x + moved.rect.width, moved.rect.y + moved.rect.height]),
          );
          if (multiline && !info.multiline) setFlag(info, MULTILINE);
          const text = slot.values[column.key];
          if (text) {
            info.dict.set(VKey, PDFHexString.fromText(printableText(text, program, multiline)));
            setAppearance(moved, textAppearance(font, daKey!, cell, moved, fit, null), column.size);
          } else if (moved.rect.height !== widget.rect.height) {
            setAppearance(moved, textAppearance(font, daKey!, cell, moved, null, null), column.size);
          }
        }
      }
      // Template rows beyond the last slot have no room left in the area.
      for (let r = plan.slots.length; ; r += 1) {
        const row = plan.columns.map((c) => byName.get(plan.table.field(r, c.key))).filter((f): f is FieldInfo => f !== undefined);
        if (row.length === 0) break;
        unused.push(...row);
      }
    }
    if (unused.length) removeFields(doc, unused);

    for (const info of fields) {
      const value = values.get(info.name);
      if (!flatten && request.readOnly?.(info.name)) setFlag(info, READ_ONLY);
      if (info.kind === 'text') {
        if (!flatten && value && value.type !== 'checkbox' && !grownFields.has(info.name)) {
          const text = printableText(value.value, program, info.multiline && value.type === 'multiline');
          if (text) info.dict.set(VKey, PDFHexString.fromText(text));
          else info.dict.delete(VKey);
        }
        continue;
      }
      if (info.kind === 'checkbox' && value?.type === 'checkbox') setCheckbox(info, value.checked);
      if (flatten) {
        for (const widget of info.widgets) {
          if (widget.pageIndex < 0 || widget.hidden) continue;
          const appearance = appearanceStream(doc, widget);
          if (appearance) placeAppearance(canvas, pageOf(widget), widget, appearance.ref, appearance.stream);
        }
      }
    }
    return new FilledForm(doc, canvas, font, flatten, origins);
  }

  /** The origin of every page of the document as it is now. */
  pageOrigins(): PageOrigin[] {
    const count = this.doc.getPageCount();
    return Array.from({ length: count }, (_, i) => this.origins[i] ?? { kind: 'appended' });
  }

  /** Draft marking and footers on every page of the (finished) document; totals count every page. */
  stamp(marks: { draft?: DraftMarking | null; footer?: ((index: number, total: number, origin: PageOrigin) => Footer) | null }): void {
    const { canvas, font, doc } = this;
    const program = font.program;
    const pages = doc.getPages();
    const origins = this.pageOrigins();
    const total = pages.length;
    pages.forEach((page, index) => {
      const { width, height } = page.getSize();
      if (marks.draft) {
        const mark = printableText(marks.draft.watermark, program, false);
        const diagonal = Math.hypot(width, height);
        const size = Math.min(110, (diagonal * 0.6) / Math.max(1e-6, widthAt(program, mark, 1)));
        const angle = Math.atan2(height, width);
        const gs = page.node.newExtGState('FLDraft', doc.context.obj({ Type: 'ExtGState', ca: 0.16, CA: 0.16 })).decodeText();
        const w = widthAt(program, mark, size);
        canvas
          .on(page)
          .save()
          .setGraphicsState(gs)
          .transform(Math.cos(angle), Math.sin(angle), -Math.sin(angle), Math.cos(angle), width / 2, height / 2)
          .text(canvas.fontKey(page), size, [{ x: -w / 2, y: -size * 0.35, hex: font.hex(mark) }], DRAFT_COLOUR)
          .restore();
        const header = printableText(marks.draft.header, program, false);
        canvas.text(page, 9, [{ x: (width - widthAt(program, header, 9)) / 2, y: height - 24, text: header }], DRAFT_COLOUR);
      }
      if (marks.footer) {
        const footer = marks.footer(index, total, origins[index]!);
        const right = printableText(footer.right, program, false);
        const rightWidth = widthAt(program, right, 8);
        canvas.text(page, 8, [{ x: width - MARGIN - rightWidth, y: FOOTER_Y, text: right }], [0.3]);
        footer.left.slice(0, 2).forEach((line, i) => {
          const text = shortened(program, printableText(line, program, false), 7, width - 2 * MARGIN - rightWidth - 12);
          canvas.text(page, 7, [{ x: MARGIN, y: FOOTER_Y + (footer.left.length > 1 ? 9 * (1 - i) : 0), text }], [0.35]);
        });
      }
    });
  }

  /** Writes the drawing and the font, removes what is unreferenced, sets metadata and saves. */
  async save(metadata?: PdfMetadata): Promise<Uint8Array> {
    const { doc } = this;
    this.canvas.commit();
    await nextTurn();
    await this.font.finish?.();
    // Flattening leaves the form, its widgets and the complete field font unreferenced; replaced
    // appearances and left-out pages leave objects behind too.
    if (this.flatten) dropForm(doc);
    else doc.catalog.lookupMaybe(AcroFormKey, PDFDict)?.delete(PDFName.of('NeedAppearances'));
    collectGarbage(doc);
    if (metadata) applyMetadata(doc, metadata);
    await nextTurn();
    return doc.save({ useObjectStreams: true, objectsPerTick: 400, updateFieldAppearances: false, addDefaultPage: false });
  }
}

/** Cuts a one-line text with "…" so that it fits `maxWidth` at `size`. */
function shortened(program: FontProgram, text: string, size: number, maxWidth: number): string {
  if (widthAt(program, text, size) <= maxWidth) return text;
  const chars = [...text];
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (widthAt(program, `${chars.slice(0, mid).join('').trimEnd()} …`, size) <= maxWidth) low = mid;
    else high = mid - 1;
  }
  return `${chars.slice(0, low).join('').trimEnd()} …`;
}

/** Removes the content streams of optional blocks (`/FLBlock /name` in the stream dictionary). */
function removeBlocks(doc: PDFDocument, names: readonly string[]): void {
  const wanted = new Set(names.map((n) => PDFName.of(n)));
  const BlockKey = PDFName.of('FLBlock');
  for (const page of doc.getPages()) {
    const contents = page.node.Contents();
    if (!(contents instanceof PDFArray)) continue;
    for (let i = contents.size() - 1; i >= 0; i -= 1) {
      const stream = doc.context.lookup(contents.get(i));
      const block = stream instanceof PDFStream ? stream.dict.get(BlockKey) : undefined;
      if (block instanceof PDFName && wanted.has(block)) contents.remove(i);
    }
  }
}

/** Fills an AcroForm and saves it (page labels and draft marking as the request says). */
export async function fillPdf(pdf: Uint8Array, request: FillRequest, options: FillOptions): Promise<Uint8Array> {
  const filled = await FilledForm.fill(pdf, request, options);
  const label = request.pageLabel;
  filled.stamp({ draft: request.draft, footer: label ? (index, total) => ({ left: [], right: label(index + 1, total) }) : null });
  return filled.save(request.metadata);
}

export function applyMetadata(doc: PDFDocument, meta: PdfMetadata): void {
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(meta.author);
  doc.setSubject(meta.subject);
  if (meta.keywords) doc.setKeywords(meta.keywords);
  doc.setCreator(meta.creator ?? 'Förderlotse Bürgerbeteiligung');
  doc.setProducer(meta.producer ?? 'Förderlotse Bürgerbeteiligung (pdf-lib)');
  doc.setLanguage(meta.language);
  doc.setCreationDate(meta.createdAt);
  doc.setModificationDate(meta.createdAt);
}
