/**
 * The drawing kit of the template generator (forms/antrag/generate-template.ts): the page geometry
 * and colours of the form, and the Builder that places headings, wrapped text, labelled fields,
 * checkboxes, declarations, choices and tables top to bottom, one page after another.
 */
import {
  PDFHexString,
  PDFName,
  TextAlignment,
  rgb,
  type PDFContentStream,
  type PDFDocument,
  type PDFFont,
  type PDFForm,
  type PDFPage,
} from 'pdf-lib';
import type { FontProgram } from '../../pdf/font';
import { measure, wrap } from '../../pdf/layout';

export const A4: [number, number] = [595.28, 841.89];
export const LEFT = 50;
export const RIGHT = A4[0] - 50;
export const WIDTH = RIGHT - LEFT;
export const TOP = A4[1] - 48;
export const BOTTOM = 50;
export const GAP = 8;

export const FIELD_FONT = 'DejaVuSans';
export const LABEL_SIZE = 7;
export const FIELD_HEIGHT = 16;
export const ROW_GAP = 5;

export const ink = rgb(0.1, 0.1, 0.12);
export const grey = rgb(0.35, 0.37, 0.4);
export const fieldBackground = rgb(0.94, 0.96, 0.99);
export const fieldBorder = rgb(0.55, 0.6, 0.68);
export const barColour = rgb(0.87, 0.9, 0.95);

export interface FieldSpec {
  name: string;
  /** Printed above the field and stored as the field's alternate name (/TU). */
  label: string;
  width?: number;
  multiline?: boolean;
  height?: number;
  size?: number;
  align?: 'left' | 'right' | 'center';
  /** Print the label? Table cells have their labels in the column header. */
  showLabel?: boolean;
}

export class Builder {
  page!: PDFPage;
  y = TOP;
  pageCount = 0;

  constructor(
    readonly doc: PDFDocument,
    readonly form: PDFForm,
    readonly fonts: { field: PDFFont; label: PDFFont; bold: PDFFont },
    readonly programs: { regular: FontProgram; bold: FontProgram },
  ) {}

  /** A new page; its footer (form, section, applicant, page number) is stamped when filling. */
  newPage() {
    this.checkFits();
    this.page = this.doc.addPage(A4);
    this.pageCount += 1;
    this.y = TOP;
  }

  /**
   * Draws an optional block into a content stream of its own, named `/FLBlock /name`: the filler
   * leaves such a block out where it does not apply (e.g. the Verbund section for Teil 2 B).
   */
  block(name: string, draw: () => void) {
    const page = this.page as unknown as { getContentStream(useExisting?: boolean): PDFContentStream };
    page.getContentStream(false).dict.set(PDFName.of('FLBlock'), PDFName.of(name));
    draw();
    page.getContentStream(false);
  }

  /** The layout must end above the footer; a template that does not fit is a programming error. */
  checkFits() {
    if (this.pageCount > 0 && this.y < BOTTOM - 8)
      throw new Error(`Seite ${this.pageCount} der Vorlage ist zu voll (y = ${this.y.toFixed(1)}).`);
  }

  space(points: number) {
    this.y -= points;
  }

  text(text: string, x: number, y: number, size: number, bold = false, color = ink) {
    this.page.drawText(text, { x, y, size, font: bold ? this.fonts.bold : this.fonts.label, color });
  }

  /** Wrapped static text; returns its height. */
  paragraph(text: string, options: { x?: number; width?: number; size?: number; bold?: boolean; color?: typeof ink } = {}) {
    const size = options.size ?? 8;
    const x = options.x ?? LEFT;
    const width = options.width ?? WIDTH;
    const program = options.bold ? this.programs.bold : this.programs.regular;
    const lines = wrap(program, measure(program, text), (width * program.unitsPerEm) / size);
    for (const line of lines) {
      this.y -= size * 1.25;
      this.text(line.text, x, this.y, size, options.bold, options.color ?? ink);
    }
    return lines.length * size * 1.25;
  }

  title(text: string, size = 13) {
    this.paragraph(text, { size, bold: true });
    this.space(4);
  }

  /** A section heading on a light bar: "1  Antragsteller". */
  heading(text: string) {
    this.space(8);
    this.page.drawRectangle({ x: LEFT, y: this.y - 17, width: WIDTH, height: 17, color: barColour });
    this.text(text, LEFT + 5, this.y - 12.2, 10, true);
    this.y -= 17 + 6;
  }

  subheading(text: string) {
    this.space(6);
    this.text(text, LEFT, this.y - 10, 9, true);
    this.y -= 14;
  }

  textField(spec: FieldSpec, x: number, y: number, width: number, height: number) {
    const field = this.form.createTextField(spec.name);
    const size = spec.size ?? (spec.multiline ? 9 : 9);
    field.acroField.setDefaultAppearance(`/${FIELD_FONT} ${size} Tf 0 g`);
    if (spec.multiline) field.enableMultiline();
    if (spec.align === 'right') field.setAlignment(TextAlignment.Right);
    if (spec.align === 'center') field.setAlignment(TextAlignment.Center);
    field.acroField.dict.set(PDFName.of('TU'), PDFHexString.fromText(spec.label));
    const borderWidth = 0.6;
    field.addToPage(this.page, {
      x,
      y,
      width: width - borderWidth,
      height: height - borderWidth,
      font: this.fonts.field,
      textColor: rgb(0, 0, 0),
      backgroundColor: fieldBackground,
      borderColor: fieldBorder,
      borderWidth,
    });
    field.acroField.setDefaultAppearance(`/${FIELD_FONT} ${size} Tf 0 g`);
  }

  /** A row of labelled fields; widths default to equal shares of the free width. */
  fields(specs: FieldSpec[]) {
    const fixed = specs.reduce((s, f) => s + (f.width ?? 0), 0);
    const flexible = specs.filter((f) => f.width === undefined).length;
    const share = flexible ? (WIDTH - fixed - GAP * (specs.length - 1)) / flexible : 0;
    const height = Math.max(...specs.map((f) => f.height ?? FIELD_HEIGHT));
    const labelled = specs.some((f) => f.showLabel !== false);
    const top = this.y - (labelled ? LABEL_SIZE + 3 : 0);
    let x = LEFT;
    for (const spec of specs) {
      const width = spec.width ?? share;
      if (spec.showLabel !== false) this.text(spec.label, x, top + 2.5, LABEL_SIZE, false, grey);
      this.textField(spec, x, top - (spec.height ?? FIELD_HEIGHT), width, spec.height ?? FIELD_HEIGHT);
      x += width + GAP;
    }
    this.y = top - height - ROW_GAP;
  }

  checkbox(name: string, label: string, x: number, y: number, size = 10) {
    const box = this.form.createCheckBox(name);
    box.acroField.dict.set(PDFName.of('TU'), PDFHexString.fromText(label));
    box.addToPage(this.page, {
      x,
      y,
      width: size,
      height: size,
      borderWidth: 0.8,
      borderColor: fieldBorder,
      backgroundColor: fieldBackground,
      textColor: rgb(0, 0, 0),
    });
  }

  /** A declaration: checkbox at the left, wrapped text beside it. */
  declaration(name: string, label: string, text: string) {
    const startY = this.y;
    const height = this.paragraph(text, { x: LEFT + 18, width: WIDTH - 18, size: 8 });
    this.checkbox(name, label, LEFT + 1, startY - 10.5, 9);
    this.y = Math.min(this.y, startY - 14) - 5;
    return height;
  }

  /** Yes/no choice as two checkboxes after a question. */
  choice(question: string, options: Array<{ name: string; label: string; text: string }>) {
    this.paragraph(question, { x: LEFT + 18, width: WIDTH - 18, size: 8 });
    // Air between the question and the first box, and between a box and its text (issue 23.7).
    this.space(4);
    for (const option of options) {
      const startY = this.y;
      this.paragraph(option.text, { x: LEFT + 38, width: WIDTH - 38, size: 8 });
      this.checkbox(option.name, option.label, LEFT + 20, startY - 10.5, 9);
      this.y = Math.min(this.y, startY - 13) - 3;
    }
    this.space(3);
  }

  /** A table of fields: header drawn, one field per cell, `rows` rows of `rowHeight`. */
  table(options: {
    prefix: string;
    rows: number;
    rowHeight: number;
    columns: Array<{
      key: string;
      header: string;
      width: number;
      label: string;
      multiline?: boolean;
      align?: 'left' | 'right' | 'center';
      size?: number;
    }>;
  }) {
    const headerHeight = 14;
    this.page.drawRectangle({ x: LEFT, y: this.y - headerHeight, width: WIDTH, height: headerHeight, color: barColour });
    let x = LEFT;
    for (const column of options.columns) {
      this.text(column.header, x + 2, this.y - 10, 7, true);
      x += column.width;
    }
    this.y -= headerHeight;
    for (let r = 0; r < options.rows; r += 1) {
      const row = String(r + 1).padStart(2, '0');
      let cx = LEFT;
      for (const column of options.columns) {
        this.textField(
          {
            name: `${options.prefix}.${row}.${column.key}`,
            label: `${column.label}, Zeile ${r + 1}`,
            multiline: column.multiline,
            align: column.align,
            size: column.size ?? 8,
          },
          cx,
          this.y - options.rowHeight,
          column.width,
          options.rowHeight,
        );
        cx += column.width;
      }
      this.y -= options.rowHeight;
    }
  }

  /** A labelled amount on the right of a row: "Summe …  [field]". */
  labelledField(spec: FieldSpec, label: string, options: { fieldWidth?: number; bold?: boolean; height?: number } = {}) {
    const fieldWidth = options.fieldWidth ?? 100;
    const height = options.height ?? FIELD_HEIGHT;
    const x = RIGHT - fieldWidth;
    this.text(label, LEFT + 2, this.y - height / 2 - 3, 8, options.bold ?? false);
    this.textField({ ...spec, align: spec.align ?? 'right' }, x, this.y - height, fieldWidth, height);
    this.y -= height + 2;
  }
}

export const amount = (name: string, label: string): FieldSpec => ({ name, label, align: 'right' });
