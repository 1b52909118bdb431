/**
 * Tables of the filler: the plan of each table (its columns as in the template, the rows that fit
 * there, the rest and the carried sum), rows that grow with their text in the template's table area,
 * and continuation pages with headers, carry-overs ("Übertrag") and the total.
 */
import type { PDFPage } from 'pdf-lib';
import type { Components } from '../pdf/draw';
import type { FieldInfo } from '../pdf/fields';
import { printableText, type FontProgram } from '../pdf/font';
import { LINE_HEIGHT, measure, widthAt, wrap } from '../pdf/layout';
import { BOTTOM, GREY_LINE, MARGIN, TOP, type Canvas } from './canvas';
import { FillError, type FieldValue, type FillTexts, type TableFill } from './request';

const CELL_PAD = 2;
const HEADER_FILL: Components = [0.9];
const CARRY_FILL: Components = [0.96];

export interface ColumnGeometry {
  key: string;
  header: string;
  x: number;
  width: number;
  size: number;
  alignment: 0 | 1 | 2;
}

export interface TablePlan {
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
export interface GrownSlot {
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
export function layoutContinuations(program: FontProgram, plans: TablePlan[], pageHeight: number): ContinuationGroup[] {
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

export function drawContinuationPage(
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
 * Plans each table of the request against the template: its columns, where the rows that fit the
 * template go (a grown table's slots, or plain values for the template's row fields, set in
 * `values`), the rows left for continuation pages and the sum carried over to them.
 */
export function planTables(
  tables: readonly TableFill[],
  context: {
    byName: Map<string, FieldInfo>;
    omitted: Set<string>;
    values: Map<string, FieldValue>;
    program: FontProgram;
    defaultSize: number;
  },
): { plans: TablePlan[]; grownFields: Set<string> } {
  const { byName, omitted, values, program, defaultSize } = context;
  const plans: TablePlan[] = [];
  /** Template fields of grown tables: placed by their table, not fitted one by one. */
  const grownFields = new Set<string>();
  for (const table of tables) {
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
  return { plans, grownFields };
}
