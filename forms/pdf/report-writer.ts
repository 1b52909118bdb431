import { type PDFArray, PDFDocument, PDFName, type PDFPage } from 'pdf-lib';
import { Content, type Components } from './draw';
import { dejaVuSans, dejaVuSansBold, printableText, subsetFontHandle, type FontHandle } from './font';
import { LINE_HEIGHT, measure, widthAt, wrap } from './layout';
import { deflatedStream } from './objects';
import { StructureTree, type StructElement, type StructureType } from './structure';

/**
 * A small flowing-text writer for generated reports (not forms): headings, paragraphs, lists,
 * tables with repeated headers and horizontal bar charts, on A4 pages with page labels. Text is
 * drawn with subsets of DejaVu Sans, so every German character prints and stays extractable.
 * With `tagged`, the document is a tagged PDF: every text belongs to a structure element (H1–H3,
 * P, L/LI, Table/TR/TH/TD) in reading order; rules, fills, bars, repeated table headers, page
 * labels and the draft marking are artifacts.
 */

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;
const TOP = 60;
const BOTTOM = 56;
const BLACK: Components = [0];
const MUTED: Components = [0.33];
const DRAFT: Components = [0.75, 0.1, 0.1];
const RULE: Components = [0.6];
const HEADER_FILL: Components = [0.9];
const TRACK: Components = [0.9];
const BAR: Components = [0.11, 0.33, 0.55];
const CELL_PAD = 3;

type Face = 'regular' | 'bold';

export interface TableColumn {
  header: string;
  /** Width in points; the columns should add up to `contentWidth`. */
  width: number;
  align?: 'left' | 'right';
}

export interface Bar {
  label: string;
  /** 0–100; null draws no bar and prints `empty`. */
  value: number | null;
  /** Shown after the bar, e.g. "67 Punkte". */
  text: string;
}

export class ReportWriter {
  readonly contentWidth = A4[0] - 2 * MARGIN;
  private readonly fonts: Record<Face, FontHandle>;
  private readonly pages: Array<{ page: PDFPage; content: Content }> = [];
  private y = 0;

  private readonly structure: StructureTree | null;
  /** The element the next text belongs to (null: an artifact). */
  private target: StructElement | null = null;

  constructor(
    readonly doc: PDFDocument,
    options: { tagged?: boolean; language?: string } = {},
  ) {
    this.fonts = { regular: subsetFontHandle(dejaVuSans(), doc.context), bold: subsetFontHandle(dejaVuSansBold(), doc.context) };
    this.structure = options.tagged ? new StructureTree(doc, options.language ?? 'de-DE') : null;
    this.newPage();
  }

  static async create(options: { tagged?: boolean } = {}): Promise<ReportWriter> {
    return new ReportWriter(await PDFDocument.create({ updateMetadata: false }), options);
  }

  /** A structure element under `parent` (or the document), when the PDF is tagged. */
  private element(
    type: StructureType,
    parent: StructElement | null = null,
    options: { scope?: 'Column' | 'Row' } = {},
  ): StructElement | null {
    if (!this.structure) return null;
    return parent ? this.structure.element(type, parent, options) : this.structure.element(type, undefined, options);
  }

  /** Draws into the current page as content of `element` (marked content), or as an artifact. */
  private within(element: StructElement | null, draw: (content: Content) => void): void {
    const { page, content } = this.current;
    if (!this.structure) {
      draw(content);
      return;
    }
    if (element) content.beginMarked(element.type, this.structure.mark(page, element));
    else content.beginArtifact();
    draw(content);
    content.endMarked();
  }

  /** Decoration (fills, rules, bars): never read aloud. */
  private decoration(draw: (content: Content) => void): void {
    this.within(null, draw);
  }

  private get current() {
    return this.pages[this.pages.length - 1]!;
  }

  newPage(): void {
    const page = this.doc.addPage(A4);
    this.pages.push({ page, content: new Content() });
    this.y = A4[1] - TOP;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  ensure(height: number): void {
    if (this.y - height < BOTTOM) this.newPage();
  }

  space(points: number): void {
    this.y -= points;
  }

  private fontKey(face: Face): string {
    return face === 'regular' ? 'FLReg' : 'FLBold';
  }

  private drawText(x: number, y: number, text: string, size: number, face: Face, color: Components): void {
    const font = this.fonts[face];
    this.within(this.target, (content) =>
      content.text(this.fontKey(face), size, [{ x, y, hex: font.hex(printableText(text, font.program, false)) }], color),
    );
  }

  /** Runs `draw` with its text belonging to `element`. */
  private as(element: StructElement | null, draw: () => void): void {
    const previous = this.target;
    this.target = element;
    try {
      draw();
    } finally {
      this.target = previous;
    }
  }

  private lines(text: string, size: number, face: Face, width: number): string[] {
    const program = this.fonts[face].program;
    const printable = printableText(text, program, true);
    if (!printable) return [];
    return wrap(program, measure(program, printable), (width * program.unitsPerEm) / size).map((l) => l.text);
  }

  textWidth(text: string, size: number, face: Face = 'regular'): number {
    const program = this.fonts[face].program;
    return widthAt(program, printableText(text, program, false), size);
  }

  /** A wrapped paragraph; breaks across pages line by line. */
  paragraph(
    text: string,
    options: {
      size?: number;
      face?: Face;
      color?: Components;
      indent?: number;
      after?: number;
      keepWithNext?: number;
      as?: StructureType;
    } = {},
  ): void {
    this.as(this.element(options.as ?? 'P'), () => this.lines_(text, options));
  }

  private lines_(
    text: string,
    options: { size?: number; face?: Face; color?: Components; indent?: number; after?: number; keepWithNext?: number },
  ): void {
    const size = options.size ?? 10;
    const face = options.face ?? 'regular';
    const indent = options.indent ?? 0;
    const lineHeight = size * LINE_HEIGHT;
    const lines = this.lines(text, size, face, this.contentWidth - indent);
    this.ensure(Math.min(lines.length, 2) * lineHeight + (options.keepWithNext ?? 0));
    for (const line of lines) {
      this.ensure(lineHeight);
      this.y -= lineHeight;
      if (line) this.drawText(MARGIN + indent, this.y + size * 0.22, line, size, face, options.color ?? BLACK);
    }
    this.y -= options.after ?? 4;
  }

  heading(text: string, level: 1 | 2 | 3): void {
    const size = level === 1 ? 16 : level === 2 ? 13 : 11;
    this.space(level === 1 ? 0 : level === 2 ? 10 : 6);
    this.paragraph(text, { size, face: 'bold', after: level === 3 ? 3 : 6, keepWithNext: 36, as: `H${level}` });
  }

  /** A bulleted list; each item wraps under its own text. */
  bullets(items: readonly string[], options: { size?: number; indent?: number } = {}): void {
    const size = options.size ?? 10;
    const indent = options.indent ?? 0;
    const list = this.element('L');
    for (const item of items) {
      const lineHeight = size * LINE_HEIGHT;
      const lines = this.lines(item, size, 'regular', this.contentWidth - indent - 12);
      const entry = list && this.element('LI', list);
      const label = entry && this.element('Lbl', entry);
      const body = entry && this.element('LBody', entry);
      lines.forEach((line, index) => {
        this.ensure(lineHeight);
        this.y -= lineHeight;
        if (index === 0) this.as(label, () => this.drawText(MARGIN + indent, this.y + size * 0.22, '•', size, 'regular', BLACK));
        this.as(body, () => this.drawText(MARGIN + indent + 12, this.y + size * 0.22, line, size, 'regular', BLACK));
      });
      this.y -= 2;
    }
    this.y -= 3;
  }

  /** A table with a bold header row that repeats on every page the table runs onto. */
  table(columns: readonly TableColumn[], rows: ReadonlyArray<readonly string[]>, options: { size?: number } = {}): void {
    const size = options.size ?? 8.5;
    const lineHeight = size * LINE_HEIGHT;
    const cellLines = (row: readonly string[], face: Face) =>
      columns.map((column, i) => this.lines(row[i] ?? '', size, face, column.width - 2 * CELL_PAD));
    const heightOf = (cells: string[][]) => Math.max(1, ...cells.map((c) => c.length)) * lineHeight + 2 * CELL_PAD;
    const header = cellLines(
      columns.map((c) => c.header),
      'bold',
    );
    const headerHeight = heightOf(header);
    const table = this.element('Table');
    /** `cellElements`: one element per column (null: the row is an artifact, a repeated header). */
    const drawRow = (cells: string[][], height: number, face: Face, fill: Components | null, cellElements: Array<StructElement | null>) => {
      if (fill) this.decoration((content) => content.filledRect(MARGIN, this.y - height, this.contentWidth, height, fill));
      let x = MARGIN;
      columns.forEach((column, i) => {
        this.as(cellElements[i] ?? null, () =>
          (cells[i] ?? []).forEach((line, l) => {
            const width = column.align === 'right' ? this.textWidth(line, size, face) : 0;
            const left = column.align === 'right' ? x + column.width - CELL_PAD - width : x + CELL_PAD;
            this.drawText(left, this.y - CELL_PAD - (l + 1) * lineHeight + size * 0.22, line, size, face, BLACK);
          }),
        );
        x += column.width;
      });
      this.decoration((content) => content.line(MARGIN, this.y - height, MARGIN + this.contentWidth, this.y - height, RULE, 0.5));
      this.y -= height;
    };
    const rowOf = (type: 'TH' | 'TD') => {
      const tr = table && this.element('TR', table);
      return columns.map(() => (tr ? this.element(type, tr, type === 'TH' ? { scope: 'Column' } : {}) : null));
    };
    this.ensure(headerHeight + (rows.length ? heightOf(cellLines(rows[0]!, 'regular')) : 0));
    drawRow(header, headerHeight, 'bold', HEADER_FILL, rowOf('TH'));
    for (const row of rows) {
      const cells = cellLines(row, 'regular');
      const height = heightOf(cells);
      if (this.y - height < BOTTOM) {
        this.newPage();
        // The header repeated on the next page is a pagination artifact, not a second header row.
        drawRow(
          header,
          headerHeight,
          'bold',
          HEADER_FILL,
          columns.map(() => null),
        );
      }
      drawRow(cells, height, 'regular', null, rowOf('TD'));
    }
    this.y -= 8;
  }

  /**
   * Horizontal bars on a 0–100 scale, grouped (a group per criterion, a bar per respondent or
   * perspective). Every bar carries its number as text, so the chart reads in black and white.
   */
  bars(groups: ReadonlyArray<{ title: string; bars: readonly Bar[] }>): void {
    const labelWidth = 120;
    const textWidth = 90;
    const track = this.contentWidth - labelWidth - textWidth - 8;
    const barHeight = 7;
    const rowHeight = 11;
    // In the structure a chart reads as a list: the criterion, then each bar's label and number
    // (the bars themselves are decoration; the numbers carry the values).
    const list = this.element('L');
    for (const group of groups) {
      const titleLines = this.lines(group.title, 9, 'bold', this.contentWidth);
      this.ensure(titleLines.length * 11 + group.bars.length * rowHeight + 4);
      const entry = list && this.element('LI', list);
      const title = entry && this.element('Lbl', entry);
      const body = entry && this.element('LBody', entry);
      this.as(title, () => {
        for (const line of titleLines) {
          this.y -= 11;
          this.drawText(MARGIN, this.y + 2, line, 9, 'bold', BLACK);
        }
      });
      for (const bar of group.bars) {
        this.y -= rowHeight;
        const label = this.lines(bar.label, 8, 'regular', labelWidth - 6)[0] ?? '';
        const span = body && this.element('P', body);
        this.as(span, () => this.drawText(MARGIN, this.y + 2, label, 8, 'regular', MUTED));
        this.decoration((content) => {
          content.filledRect(MARGIN + labelWidth, this.y + 1, track, barHeight, TRACK);
          if (bar.value !== null)
            content.filledRect(MARGIN + labelWidth, this.y + 1, Math.max(1, (track * bar.value) / 100), barHeight, BAR);
        });
        this.as(span, () => this.drawText(MARGIN + labelWidth + track + 8, this.y + 2, bar.text, 8, 'regular', BLACK));
      }
      this.y -= 5;
    }
    this.y -= 4;
  }

  /** The same draft marking as the application form: a faint diagonal word and a header line. */
  private markDraft(page: PDFPage, content: Content, draft: { watermark: string; header: string }) {
    const [width, height] = A4;
    const mark = printableText(draft.watermark, this.fonts.bold.program, false);
    const size = Math.min(110, (Math.hypot(width, height) * 0.6) / Math.max(1e-6, widthAt(this.fonts.bold.program, mark, 1)));
    const angle = Math.atan2(height, width);
    const gs = page.node.newExtGState('FLDraft', this.doc.context.obj({ Type: 'ExtGState', ca: 0.16, CA: 0.16 })).decodeText();
    const markWidth = widthAt(this.fonts.bold.program, mark, size);
    if (this.structure) content.beginArtifact('Pagination');
    content
      .save()
      .setGraphicsState(gs)
      .transform(Math.cos(angle), Math.sin(angle), -Math.sin(angle), Math.cos(angle), width / 2, height / 2)
      .text(this.fontKey('bold'), size, [{ x: -markWidth / 2, y: -size * 0.35, hex: this.fonts.bold.hex(mark) }], DRAFT)
      .restore();
    const header = printableText(draft.header, this.fonts.regular.program, false);
    content.text(
      this.fontKey('regular'),
      9,
      [{ x: (width - this.textWidth(header, 9)) / 2, y: height - 24, hex: this.fonts.regular.hex(header) }],
      DRAFT,
    );
    if (this.structure) content.endMarked();
  }

  /**
   * Draws page labels, writes every page's content and the font subsets. The document can then be
   * saved or its pages copied into another document.
   */
  async finish(
    pageLabel: ((page: number, total: number) => string) | null,
    draft?: { watermark: string; header: string } | null,
  ): Promise<PDFDocument> {
    const total = this.pages.length;
    this.pages.forEach(({ page, content }, index) => {
      if (pageLabel) {
        const label = printableText(pageLabel(index + 1, total), this.fonts.regular.program, false);
        const width = this.textWidth(label, 8);
        if (this.structure) content.beginArtifact('Pagination');
        content.text(this.fontKey('regular'), 8, [{ x: A4[0] - MARGIN - width, y: 28, hex: this.fonts.regular.hex(label) }], MUTED);
        if (this.structure) content.endMarked();
      }
      if (draft) this.markDraft(page, content, draft);
    });
    const { context } = this.doc;
    for (const { page, content } of this.pages) {
      page.node.setFontDictionary(PDFName.of(this.fontKey('regular')), this.fonts.regular.ref);
      page.node.setFontDictionary(PDFName.of(this.fontKey('bold')), this.fonts.bold.ref);
      const stream = context.register(deflatedStream(context, content.toString()));
      page.node.set(PDFName.of('Contents'), context.obj([stream]) as PDFArray);
    }
    await this.fonts.regular.finish?.();
    await this.fonts.bold.finish?.();
    this.structure?.finish();
    return this.doc;
  }
}
