/**
 * Field appearances drawn by the filler: a text field's background, border and fitted lines (so a
 * value looks the same in every viewer), and placing a widget's own appearance (checkboxes) on the
 * page when a form is flattened.
 */
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRef, PDFStream, type PDFDocument, type PDFPage } from 'pdf-lib';
import { Content, type TextRun } from '../pdf/draw';
import type { FieldInfo, WidgetInfo } from '../pdf/fields';
import type { Fit } from '../pdf/fit';
import type { FontHandle } from '../pdf/font';
import { LINE_HEIGHT, widthAt } from '../pdf/layout';
import type { Canvas } from './canvas';

const APKey = PDFName.of('AP');
const ASKey = PDFName.of('AS');
const NKey = PDFName.of('N');

/** Air between border and text: 2 pt at the sides, 1 pt above and below. */
export function paddingOf(widget: WidgetInfo): { paddingX: number; paddingY: number } {
  return { paddingX: widget.borderWidth + 2, paddingY: widget.borderWidth + 1 };
}

/** The appearance of a text field: background, border and the fitted lines (plus a reference). */
export function textAppearance(
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
export function appearanceStream(doc: PDFDocument, widget: WidgetInfo): { ref: PDFRef; stream: PDFStream } | null {
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
export function placeAppearance(canvas: Canvas, page: PDFPage, widget: WidgetInfo, ref: PDFRef, stream: PDFStream) {
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
