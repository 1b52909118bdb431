import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFStream, PDFString, ParseSpeeds, type PDFPage } from 'pdf-lib';
import { Content, type Components, type TextRun } from './pdf/draw';
import { indexFields, removePages, setCheckbox, textOf, type FieldInfo, type WidgetInfo } from './pdf/fields';
import { fitText, overflowReference, type Fit } from './pdf/fit';
import { dejaVuSans, fullFontHandle, fullyEmbeddedHandle, printableText, subsetFontHandle, type FontHandle, type FontProgram } from './pdf/font';
import { LINE_HEIGHT, measure, widthAt, wrap } from './pdf/layout';
import { collectGarbage, deflatedStream, dropForm } from './pdf/objects';

/**
 * The generic filler: any AcroForm PDF plus values by field name → a filled PDF. It embeds a
 * Unicode font, draws every appearance itself (so values look the same in every viewer and no
 * standard font ever meets a character outside WinAnsi), shrinks text down to a minimum size,
 * continues what still does not fit on overflow pages, continues tables with more rows than the
 * template on inserted pages with carried-over sums, and can flatten the result.
 */

export type FieldValue =
  | { type: 'text'; value: string }
  | { type: 'multiline'; value: string }
  | { type: 'checkbox'; checked: boolean };

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
  /** Marks every page (a draft): a diagonal watermark and a header line. */
  draft?: { watermark: string; header: string } | null;
  /** Footer on every page, e.g. (3, 9) → "Seite 3 von 9". */
  pageLabel?: (page: number, total: number) => string;
  metadata?: PdfMetadata;
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

function drawContinuationPage(canvas: Canvas, page: PDFPage, items: ContinuationItem[], texts: FillTexts, numbers: { templatePage: number; page: number }) {
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
          const x = cell.column.alignment === 2 ? cell.column.x + CELL_PAD + inner - w : cell.column.alignment === 1 ? cell.column.x + CELL_PAD + (inner - w) / 2 : cell.column.x + CELL_PAD;
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
      item.kind === 'carryIn' ? texts.carryIn(item.fromTemplatePage ? numbers.templatePage : numbers.page - 1) : item.kind === 'carryOut' ? texts.carryOut(numbers.page + 1) : sum.totalLabel;
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

function layoutOverflow(program: FontProgram, items: OverflowItem[], texts: FillTexts, pageWidth: number, pageHeight: number, firstPageNumber: number): OverflowLine[][] {
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
function textAppearance(font: FontHandle, fontKey: string, info: FieldInfo, widget: WidgetInfo, fit: Fit | null, reference: string | null): Content {
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
  canvas.on(page).save().transform(sx, 0, 0, sy, widget.rect.x - x0 * sx, widget.rect.y - y0 * sy).drawXObject(key).restore();
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

export async function fillPdf(pdf: Uint8Array, request: FillRequest, options: FillOptions): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  const program = options.font ?? dejaVuSans();
  const minSize = options.minFontSize ?? 7;
  const defaultSize = options.defaultFontSize ?? 9;
  const texts = options.texts ?? germanTexts;
  const flatten = options.variant === 'flatten';

  // Optional pages (an annex) go first, with their fields.
  const omitted = new Set<string>();
  if (request.omitPagesWithFields) {
    const predicate = request.omitPagesWithFields;
    const before = indexFields(doc);
    const drop = new Set(before.filter((f) => predicate(f.name)).flatMap((f) => f.widgets.map((w) => w.pageIndex)));
    drop.delete(-1);
    for (const f of before) if (f.widgets.length && f.widgets.every((w) => drop.has(w.pageIndex))) omitted.add(f.name);
    if (drop.size) removePages(doc, [...drop]);
  }
  const fields = indexFields(doc);
  const byName = new Map(fields.map((f) => [f.name, f]));

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
  for (const table of request.tables ?? []) {
    const first = table.columns[0];
    if (!first || omitted.has(table.field(0, first.key))) continue;
    let templateRows = 0;
    while (byName.has(table.field(templateRows, first.key))) templateRows += 1;
    if (templateRows === 0) throw new FillError(`Die Tabelle „${table.title}“ hat in der PDF-Vorlage keine Zeilen (erwartet: ${table.field(0, first.key)}).`);
    const columns: ColumnGeometry[] = table.columns.map((column) => {
      const info = byName.get(table.field(0, column.key));
      const widget = info?.widgets[0];
      if (!info || !widget) throw new FillError(`Die Tabelle „${table.title}“ hat keine Spalte „${column.key}“ in der PDF-Vorlage.`);
      return { key: column.key, header: column.header, x: widget.rect.x, width: widget.rect.width, size: info.fontSize ?? defaultSize, alignment: info.alignment };
    });
    const firstWidget = byName.get(table.field(0, first.key))!.widgets[0]!;
    const second = byName.get(table.field(1, first.key))?.widgets[0];
    const rowHeight = second ? Math.abs(firstWidget.rect.y - second.rect.y) : firstWidget.rect.height + 2;
    table.rows.slice(0, templateRows).forEach((row, r) => {
      for (const column of table.columns) {
        const name = table.field(r, column.key);
        const text = row[column.key];
        if (text && byName.has(name)) values.set(name, { type: 'text', value: text });
      }
    });
    const amounts = table.sum?.amounts ?? [];
    const carried = amounts.slice(0, templateRows).reduce((s, a) => s + a, 0);
    const rest = table.rows.slice(templateRows);
    if (rest.length && table.sum?.carryField) {
      if (!byName.has(table.sum.carryField)) throw new FillError(`Das Feld „${table.sum.carryField}“ gibt es in der PDF-Vorlage nicht.`);
      values.set(table.sum.carryField, { type: 'text', value: table.sum.format(carried) });
    }
    plans.push({ table, templatePage: firstWidget.pageIndex, columns, rowHeight, rest, restAmounts: amounts.slice(templateRows), carried });
  }

  const { handle: font, daKey } = chooseFont(doc, program, options.variant);
  const canvas = new Canvas(doc, font);

  // Continuation pages for tables go right after the template page of the table.
  const { width: pageWidth, height: pageHeight } = doc.getPage(0).getSize();
  const groups = layoutContinuations(program, plans, pageHeight);
  const finalIndex = (templatePage: number) =>
    templatePage + groups.filter((g) => g.templatePage < templatePage).reduce((s, g) => s + g.pages.length, 0);
  for (const group of [...groups].sort((a, b) => b.templatePage - a.templatePage)) {
    const size = doc.getPage(group.templatePage).getSize();
    group.pages.forEach((_, j) => doc.insertPage(group.templatePage + 1 + j, [size.width, size.height]));
  }
  const pagesBeforeOverflow = doc.getPageCount();

  // Fit every text field; what does not fit becomes an overflow item.
  const fitted: Fitted[] = [];
  const overflowItems: OverflowItem[] = [];
  for (const info of fields) {
    if (info.kind !== 'text') continue;
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
  overflowItems.sort((a, b) => a.fieldPage - b.fieldPage || b.widget.rect.y - a.widget.rect.y || a.widget.rect.x - b.widget.rect.x);
  const overflowPages = layoutOverflow(program, overflowItems, texts, pageWidth, pageHeight, pagesBeforeOverflow + 1);
  for (const lines of overflowPages) {
    const page = doc.addPage([pageWidth, pageHeight]);
    for (const line of lines) {
      if ('rule' in line) canvas.on(page).line(MARGIN, line.y, pageWidth - MARGIN, line.y, GREY_LINE, 0.5);
      else canvas.text(page, line.size, [{ x: MARGIN, y: line.y, text: line.text }]);
    }
  }
  const pages = doc.getPages();
  const total = pages.length;

  for (const group of groups) {
    const base = finalIndex(group.templatePage);
    group.pages.forEach((items, j) => drawContinuationPage(canvas, pages[base + 1 + j]!, items, texts, { templatePage: base + 1, page: base + 2 + j }));
  }

  // Field appearances: drawn into the page (flatten) or as the widget's appearance stream.
  const pageOf = (widget: WidgetInfo) => pages[finalIndex(widget.pageIndex)]!;
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
    const key = daKey!;
    const appearance = textAppearance(font, key, entry.info, entry.widget, entry.fit, reference);
    const stream = deflatedStream(doc.context, appearance.toString(), {
      Type: 'XObject',
      Subtype: 'Form',
      BBox: [0, 0, entry.widget.rect.width, entry.widget.rect.height],
      Resources: { Font: { [key]: font.ref } },
    });
    entry.widget.dict.set(APKey, doc.context.obj({ N: doc.context.register(stream) }));
    const size = entry.fit?.size ?? entry.info.fontSize ?? defaultSize;
    entry.widget.dict.set(PDFName.of('DA'), PDFString.of(`/${key} ${Math.round(size * 10) / 10} Tf 0 g`));
  }
  for (const info of fields) {
    const value = values.get(info.name);
    if (info.kind === 'text') {
      if (!flatten && value && value.type !== 'checkbox') {
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

  // Draft marking and page labels on every page.
  pages.forEach((page, index) => {
    const { width, height } = page.getSize();
    if (request.draft) {
      const mark = printableText(request.draft.watermark, program, false);
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
      const header = printableText(request.draft.header, program, false);
      canvas.text(page, 9, [{ x: (width - widthAt(program, header, 9)) / 2, y: height - 24, text: header }], DRAFT_COLOUR);
    }
    if (request.pageLabel) {
      const label = printableText(request.pageLabel(index + 1, total), program, false);
      canvas.text(page, 8, [{ x: width - MARGIN - widthAt(program, label, 8), y: 24, text: label }], [0.3]);
    }
  });
  canvas.commit();
  await font.finish?.();

  // Flattening leaves the form, its widgets and the complete field font unreferenced; replaced
  // appearances and left-out pages leave objects behind too.
  if (flatten) dropForm(doc);
  else doc.catalog.lookupMaybe(AcroFormKey, PDFDict)?.delete(PDFName.of('NeedAppearances'));
  collectGarbage(doc);
  if (request.metadata) applyMetadata(doc, request.metadata);
  // A flattened document has few dictionaries left; object streams would only cost time there.
  return doc.save({ useObjectStreams: true, objectsPerTick: Infinity, updateFieldAppearances: false, addDefaultPage: false });
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
