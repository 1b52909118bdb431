import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFStream, PDFString, ParseSpeeds } from 'pdf-lib';
import type { Components, Content } from './pdf/draw';
import { indexFields, removeFields, removePages, setCheckbox, textOf, type FieldInfo, type WidgetInfo } from './pdf/fields';
import { fitText, overflowReference, type Fit } from './pdf/fit';
import { dejaVuSans, printableText, type FontHandle, type FontProgram } from './pdf/font';
import { widthAt } from './pdf/layout';
import { collectGarbage, deflatedStream, dropForm } from './pdf/objects';
import { appearanceStream, paddingOf, placeAppearance, textAppearance } from './fill/appearance';
import { AcroFormKey, Canvas, chooseFont, GREY_LINE, MARGIN } from './fill/canvas';
import { layoutOverflow, type OverflowItem } from './fill/overflow';
import {
  FillError,
  germanTexts,
  type DraftMarking,
  type FieldValue,
  type FillOptions,
  type FillRequest,
  type Footer,
  type PageOrigin,
  type PdfMetadata,
} from './fill/request';
import { drawContinuationPage, layoutContinuations, planTables } from './fill/tables';

/**
 * The generic filler: any AcroForm PDF plus values by field name → a filled PDF. It embeds a
 * Unicode font, draws every appearance itself (so values look the same in every viewer and no
 * standard font ever meets a character outside WinAnsi), shrinks text down to a minimum size,
 * continues what still does not fit on overflow pages, continues tables with more rows than the
 * template on inserted pages with carried-over sums, and can flatten the result.
 *
 * The parts: fill/request.ts (what is asked), fill/canvas.ts (font and drawing surface),
 * fill/tables.ts (table plans, grown rows, continuation pages), fill/overflow.ts (overflow pages),
 * fill/appearance.ts (field appearances); this module runs them in order and saves.
 */

export {
  FillError,
  germanTexts,
  type DraftMarking,
  type FieldValue,
  type FillOptions,
  type FillRequest,
  type FillTexts,
  type Footer,
  type PageOrigin,
  type PdfMetadata,
  type TableColumn,
  type TableFill,
} from './fill/request';

const DRAFT_COLOUR: Components = [0.75, 0.1, 0.1];
/** Baseline of the footer (page number and the last line of the identification). */
const FOOTER_Y = 22;

const APKey = PDFName.of('AP');
const VKey = PDFName.of('V');

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

/**
 * Lets other requests of the server run (a PDF of the longest texts takes about a second of CPU):
 * the filler yields between its phases and every few dozen fields.
 */
export const nextTurn = () => {
  fillerTurns.count += 1;
  return new Promise<void>((resolveTurn) => setImmediate(resolveTurn));
};
/** How often the filler has yielded in this process (for the test that other work gets its turns). */
export const fillerTurns = { count: 0 };
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
    const { plans, grownFields } = planTables(request.tables ?? [], { byName, omitted, values, program, defaultSize });

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
